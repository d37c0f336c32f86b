"""Words that tell speakers apart: titles, role nouns, institution words and reporting verbs."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that start a capitalised run without being part of a person's name: titles and roles
# ("Defence Minister Tomas Berg", "Sen. Lindsey Graham", "Dr. Anna Weber").
TITLES = _words(
    """Mr Mrs Ms Dr Sen Rep Gen Lt Maj Col Adm Gov Capt Sgt Prof President Prime Minister Chancellor
    Secretary Foreign Defence Defense Vice Governor Senator Former Republican Democratic Democrat
    Spokesman Spokeswoman Spokesperson Chief General Deputy King Queen Prince Princess Lord Lady
    Sir Dame Ambassador Commander Mayor Pope Admiral Colonel Major Lieutenant Captain Sergeant
    Representative Congressman Congresswoman Speaker Leader Director Chairman Chair Envoy
    Officer Premier Sheikh State Joint Chiefs Staff Affairs Emir Crown Supreme Justice Judge Analyst Professor Doctor"""
)
# Capitalised words that open a run without naming anyone: sentence openers, days, months,
# continents and compass points.
NOT_NAMES = _words(
    """The A An In On At But And This That These Those It He She They We I If When While After
    Before As According Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Yes No So Still Some
    There Speaking However Meanwhile Later Earlier For Our His Her Their Its Asked Ahead Last Next
    Europe Asia Africa America Americas West East North South Western Eastern Also Both Under
    Despite During Since From With Without What Why How Who Where Now Then Today Yesterday"""
)
# Last words of capitalised runs that name organisations, media and places, not people.
ORGANISATION_WORDS = _words(
    """TV Radio News Times Post Party Palace Institute Ministry University Council Commission Union
    Forces Army Navy Agency Office House Department Convention Forum Street Square Program
    Programme Press Journal Command Staff Service Services Embassy Company Corporation Group
    Committee Organization Organisation Foundation Centre Center Network Agency Bureau Court
    Parliament Assembly Government Administration Alliance Coalition Movement Brigade Corps"""
)
# Role nouns that stand for a person ("the minister said", "a spokesman added", "officials say").
PERSON_ROLES = _words(
    """mp president minister spokesman spokeswoman spokesperson official diplomat chancellor senator
    secretary premier envoy ambassador commander general chief governor mayor analyst expert
    lawmaker politician congressman congresswoman researcher officer source leader adviser
    advisor director chairman representative negotiator aide prosecutor author colonel admiral"""
)
# Role nouns that stand for an institution or what it issued ("the ministry said", "the
# statement read").
ORGANISATION_ROLES = _words(
    """ministry department statement report government agency office readout communique release
    military army embassy command administration company firm alliance newspaper
    outlet"""
)
# Verbs that report speech, in the forms a reporting clause uses them.
SAY = re.compile(
    r"""\b(?:
        says?|said|saying                       # the plain reporting verb
      | adds?|added|tells?|told                 # continuing, or telling someone
      | writes?|wrote|posts?|posted|tweets?|tweeted   # in writing, on social media
      | stated?|states|explain(?:s|ed)?|not(?:es|ed)
      | warn(?:s|ed)?|insist(?:s|ed)?
      | argu(?:es|ed)|continu(?:es|ed)|ask(?:s|ed)|repli(?:es|ed)|respond(?:s|ed)
      | stress(?:es|ed)|declar(?:es|ed)|remark(?:s|ed)|assert(?:s|ed)|claim(?:s|ed)
      | announc(?:es|ed)|acknowledg(?:es|ed)|admit(?:s|ted)|conclud(?:es|ed)
      | emphasi[sz](?:es|ed)|underscor(?:es|ed)|recall(?:s|ed)|comment(?:s|ed)
      | reads|read                              # a document: "the statement read"
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
