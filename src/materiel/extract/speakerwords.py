"""Words that tell speakers apart: titles, role nouns, institution words and reporting verbs."""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """The words of a text, split at white space: the lists below are written as text."""
    return frozenset(text.split())


# Words that start a capitalised run without being part of a person's name: titles and roles
# ("Defence Minister Tomas Berg", "Sen. Lindsey Graham", "Dr. Anna Weber").
TITLES = word_set(
    """Mr Mrs Ms Dr Sen Rep Gen Lt Maj Col Adm Gov Capt Sgt Prof President Prime Minister Chancellor
    Secretary Foreign Defence Defense Vice Governor Senator Former Republican Democratic Democrat
    Spokesman Spokeswoman Spokesperson Chief General Deputy King Queen Prince Princess Lord Lady
    Sir Dame Ambassador Commander Mayor Pope Admiral Colonel Major Lieutenant Captain Sergeant
    Representative Congressman Congresswoman Speaker Leader Director Chairman Chair Envoy
    Officer Premier Sheikh State Joint Chiefs Staff Affairs Emir Crown Supreme Justice Judge Analyst Professor Doctor
    Cardinal Archbishop Bishop Rabbi Imam Patriarch Brigadier Brig Marshal Commissioner CEO"""
)
# Capitalised words that open a run without naming anyone: sentence openers, days, months,
# continents, compass points and indefinite pronouns ("Nobody has called it ...").
NOT_NAMES = word_set(
    """The A An In On At But And This That These Those It He She They We I If When While After
    Before As According Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Yes No So Still Some
    There Speaking However Meanwhile Later Earlier For Our His Her Their Its Asked Ahead Last Next
    Europe Asia Africa America Americas West East North South Western Eastern Also Both Under
    Despite During Since From With Without What Why How Who Where Now Then Today Yesterday
    Thus To Here Many People Such Instead Indeed Even Nevertheless Nonetheless Moreover Furthermore
    Therefore Although Though Whether Unlike Given Amid Among Within Upon Until Unless Because
    Nobody Everyone Everybody Someone Somebody Anyone Anybody Nothing Everything None"""
)
# Last words of capitalised runs that name organisations, media and places, not people.
ORGANISATION_WORDS = word_set(
    """TV Radio News Times Post Party Palace Institute Ministry University Council Commission Union
    Forces Army Navy Agency Office House Department Convention Forum Street Square Program
    Programme Press Journal Command Staff Service Services Embassy Company Corporation Group
    Committee Organization Organisation Foundation Centre Center Network Agency Bureau Court
    Parliament Assembly Government Administration Alliance Coalition Movement Brigade Corps
    Force Division Regiment Battalion Fleet Guard Guards Police Headquarters Directorate
    International Fund Bank Authority Archives Board Club Church Association Academy
    Team Unit Consortium Initiative Studies Corp Inc Ltd Co Technologies Industries Mission Delegation Consulting
    Consultancy Associates Partners Shipping Holdings Aerospace Dynamics Airlines Plc AG GmbH
    Tracker Monitor Observatory"""
)
# Last words of capitalised runs that name events, eras, landforms, places, weapons and
# documents, which never speak ("World War II", "the Red Sea", "Iron Dome", "the Gaza Strip"); a
# numeral after the word is read past. Not words that end surnames
# ("Bay", "Strait", "West").
NOT_SPEAKERS = word_set(
    """War Wars Sea Ocean Gulf River Peninsula Mountains Desert Canal Island Islands Century
    Olympics East Oblast Krai Strip Heights City Airport Base Zone Empire
    Stream Dome Shadow System Missile Missiles Treaty Agreement Package Act Plan Index Strategy
    Day Cup Prize"""
)
# Nouns of texts that are worded, not issued: a law, a treaty, a contract, a caption. They speak
# only as the subject of a verb of wording ("the treaty reads", "the post's caption reads", "the
# 1952 Coastal Security Act states", "a recast of the export guidelines for small arms states:");
# elsewhere they are what people talk about, so they are offered as speakers there alone. With
# NOT_SPEAKERS's own documents (Treaty, Agreement, Act, Plan, Strategy) when capitalised.
WORDED_DOCUMENTS = word_set(
    """caption treaty contract guidelines principles law act charter directive decree constitution
    agreement bill regulation regulations convention accord pact memorandum"""
)
# A verb of wording right after a document's phrase: the phrase is its subject.
WORDING = re.compile(
    r"""(?P<phrase>\s+(?:for|on|of|with|governing|between)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)?  # "for small arms"
        \s+(?:(?:also|clearly|explicitly|expressly|only|further|now)\s+)?   # an adverb
        (?:states?|stated|reads?|stipulates?|stipulated|says?|said|declares?|declared
          |provides\s+that|provided\s+that)\b                           # "provides" only of wording ("provides that")
    """,
    re.VERBOSE,
)


def worded_end(text: str, end: int) -> int | None:
    """Where the subject phrase of a verb of wording ends, for a document noun ending at `end`
    ("the treaty| reads", "the guidelines for small arms| state"); None when no such verb follows."""
    found = WORDING.match(text, end)
    if found is None:
        return None
    return found.end("phrase") if found["phrase"] else end


ROMAN_NUMERAL = re.compile(r"^[IVX]+$")
# Adjectives of a continent or region that stand alone in a capitalised run without naming anyone
# ("Preserving European unity", "Arab states"); the lexicon's demonyms name single states.
REGIONAL = word_set("European African Asian Arab Nordic Baltic Balkan Scandinavian Latin Western Eastern")
# Capitalised nouns of a party's members: a run ending in one names a role, not a person ("The
# Alaska Republican warned", "the Ohio Democrat said").
PARTY_MEMBERS = word_set("Republican Democrat Conservative Tory Labourite Liberal")


def names_no_speaker(words: list[str]) -> bool:
    """Whether a capitalised run names an event, era or landform rather than anyone who speaks."""
    named = [w.rstrip(".,") for w in words if not ROMAN_NUMERAL.match(w.rstrip(".,"))]
    return len(named) >= 2 and named[-1] in NOT_SPEAKERS


# Role nouns that stand for a person ("the minister said", "a spokesman added", "officials say").
PERSON_ROLES = word_set(
    """mp president minister spokesman spokeswoman spokesperson official diplomat chancellor senator
    secretary premier envoy ambassador commander general chief governor mayor analyst expert
    lawmaker politician congressman congresswoman researcher officer source leader adviser
    advisor director chairman representative negotiator aide prosecutor author colonel admiral
    inspector signatory columnist commentator professor economist scientist historian scholar
    activist lawyer attorney cardinal archbishop bishop campaigner pollster executive ceo"""
)
# Lower-case nouns that describe a person by where they live or what they do: a place before one
# and a name after it ("Kyiv resident Olena Marchuk", "Gaza doctor Ali Hamad") qualify the person.
DESCRIBING = word_set(
    """resident residents native citizen woman man mother father student teacher doctor nurse
    soldier volunteer worker farmer journalist reporter photographer businessman businesswoman
    blogger villager refugee survivor witness"""
)
# A service named by its branch in lower case ("the air force said", "the navy", "police"): a
# body's role noun; capitalised ("The Navy said") it is the institution's own name, read as one.
BRANCH_ROLES = frozenset({"navy", "force", "police"})
# Role nouns that stand for an institution or what it issued ("the ministry said", "the
# statement read", court documents: "the court papers state", "the filing says"; "an ad read"),
# and bodies named by a plural: "US authorities", "the armed forces".
ORGANISATION_ROLES = (
    word_set(
        """ministry department statement report government agency office readout communique release
    military army embassy command administration company firm alliance newspaper
    outlet letter indictment resolution committee court cable assessment document memo
    announcement commentary watchdog institute broadcaster publication
    paper filing complaint affidavit warrant lawsuit transcript ad advert advertisement tweet
    authorities forces"""
    )
    | BRANCH_ROLES
)
# Lower-case head nouns of a body named after a capitalised qualifier ("the chief of the Norwegian
# army", "a spokesman for the German defence ministry", "the commander of the Polish air force"):
# the body's name runs on to one of them.
BODY_NOUNS = word_set(
    """army navy force forces military ministry department government administration agency
    office command embassy police guard service services parliament council committee
    commission cabinet presidency delegation mission corps staff"""
)
# Verbs that report speech, in the forms a reporting clause uses them.
SAY = re.compile(
    r"""\b(?:
        says?|said|saying                       # the plain reporting verb
      | adds?|added|tells?|told                 # continuing, or telling someone
      | writes?|wrote|posts?|posted|tweets?|tweeted   # in writing, on social media
      | stated|explain(?:s|ed)?|not(?:es|ed)
      | (?<!United\s)(?<!Islamic\s)(?<!member\s)states?   # the verb, not the noun ("the United States"),
        (?!\s+(?:will|would|have|had|are|were|is|was|can|could|should|must|may|might|do|did
            |and|or|of|to|which|who|that\s+(?:have|had|are|were|will|would|do|did))\b)   # "EU states will meet"
      | warn(?:s|ed)?|insist(?:s|ed)?
      | argu(?:es|ed)|continu(?:es|ed)|ask(?:s|ed)|repli(?:es|ed)|respond(?:s|ed)
      | stress(?:es|ed)|declar(?:es|ed)|remark(?:s|ed)|assert(?:s|ed)|claim(?:s|ed)
      | announc(?:es|ed)|acknowledg(?:es|ed)|admit(?:s|ted)|conclud(?:es|ed)
      | emphasi[sz](?:es|ed)|underscor(?:es|ed)|recall(?:s|ed)|comment(?:s|ed)
      | reads|read                              # a document: "the statement read"
      | point(?:s|ed)?\s+out|affirm(?:s|ed)?|observ(?:es|ed)|reiterat(?:es|ed)   # more verbs of saying
      | maintain(?:s|ed)|contend(?:s|ed)|mention(?:s|ed)|conced(?:es|ed)|complain(?:s|ed)
      | quoted\s+(?:by\s+(?:the\s+)?(?:[\w.’'-]+\s+){1,4})?as\s+(?:saying|telling|stating)   # a passive report:
            # "Berg was quoted as saying", "Berg was quoted by Reuters as saying"
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
# Participles that report speech after a clause ("Berg praised the deal, adding: “...”", "the
# ministry defended it, stating that “...”"): they tell that the sentence's subject speaks, but
# the name right before one is rarely that subject ("aid to Ukraine, adding"), so they are kept
# apart from SAY.
SAYING = re.compile(
    r"""\b(?:adding|stating|noting|writing|telling|warning|insisting|arguing|explaining|claiming
      |declaring|stressing|asserting|announcing|acknowledging|emphasi[sz]ing|recalling|replying
      |responding|describing|calling|urging|accusing)\b""",
    re.VERBOSE | re.IGNORECASE,
)
# Verbs that frame a partial quotation as what their subject said, thinks or calls something
# ("Berg called the plan “a grave mistake”", "the ministry denied that “any shells were sent”").
FRAMES = re.compile(
    r"""\b(?:
        call(?:s|ed)?|describ(?:es|ed)|dub(?:s|bed)|label(?:s|led|ed)   # naming something
      | den(?:ies|ied)|reject(?:s|ed)|dismiss(?:es|ed)                # denying
      | urg(?:es|ed)|vow(?:s|ed)|pledg(?:es|ed)|promis(?:es|ed)      # urging and promising
      | accus(?:es|ed)|condemn(?:s|ed)|critici[sz](?:es|ed)|blam(?:es|ed)|slam(?:s|med)   # blaming
      | prais(?:es|ed)|welcom(?:es|ed)|hail(?:s|ed)|thank(?:s|ed)    # praising
      | confirm(?:s|ed)|report(?:s|ed)|testif(?:ies|ied)|predict(?:s|ed)|suggest(?:s|ed)   # telling
      | believ(?:es|ed)|think(?:s)?|thought|expect(?:s|ed)|fear(?:s|ed)   # thinking
      | characteri[sz](?:es|ed)|referr(?:ed)\s+to|refers\s+to|assur(?:es|ed)|estimat(?:es|ed)   # judging
      | found|finds|threaten(?:s|ed)|justif(?:ies|ied)|defend(?:s|ed)
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
# Words that say a person is a woman or a man: titles and role nouns with a gender, and common
# first names of the people news quotes (politicians, officials, analysts of many countries). A
# name in neither list, or used for both, says nothing.
FEMALE = word_set(
    """Mrs Ms Miss Madam Madame Mme Frau Lady Dame Queen Princess Duchess Baroness Sister
    spokeswoman congresswoman chairwoman businesswoman councilwoman stateswoman
    Anna Anne Ann Annalena Angela Ursula Kaja Kamala Hillary Nancy Nikki Marjorie Elise Liz
    Elizabeth Theresa Margaret Maria Marie Mary Margarita Marta Martha Marine Sanna Mette Jacinda
    Giorgia Christine Kristalina Federica  Sabine Katarina Katrin Agnes Victoria Samantha
    Linda Karine Kate Katherine Catherine Kathleen Kathy Susan Suzanne Sarah Sara Julia Julie
    Rebekah Rebecca Jennifer Jessica Emily Emma Olivia Sophie Sophia Laura Lauren Lisa Helen
    Helena Irina Iryna Olena Olga Oksana Natalia Nataliya Natalya Tatiana Tetiana Yulia Yuliia
    Valentina Svetlana Ekaterina Yekaterina Lyudmila Elena Alena Darya Daria Veronika Ganna
    Hanna Halyna Lesia Liudmyla Inna Alina Marina Ella  Ing-wen Avril  Penny Priti
    Suella Yvette Rachel  Heidi Amy Kirsten Tammy Tulsi Debbie Gina Janet Jill Michelle
    Melania Ivanka Condoleezza Madeleine Samira Leila Layla Fatima Aisha Amina Nadia Noura Rania
    Golda Tzipi Ayelet Miri Orit Shirin Mariam Maryam Zainab Benazir Indira  Hasina Yingluck
     Yoko Mariya Hina Sonia Nirmala Smriti Eva Ewa Agnieszka Joanna Katarzyna Malgorzata
    Beata Ilona Ingrid Kristin Karin Birgit Petra Simone Ines Isabel Isabelle Ana Carmen Dolores
    Claudia Cristina Dilma  Ségolène Valerie Valérie Florence Chantal Nathalie Brigitte
    Francesca Silvia Paola Roberta Chiara Alessandra Lucia Mariana Gabriela Veronica Karen
    Kimberly Patricia Barbara Deborah Donna Sandra Carol Ruth Sharon Cynthia Amanda Stephanie
    Nicole Heather Diane Alice Grace Judith Joan Joyce Evelyn Frances Gloria  Jane Kelly
    Megan Meghan Hannah Caroline Charlotte Louise Fiona Alison Harriet Lucy Penelope Tamara
    Vera Zoya Raisa Galina Lyudmyla Larysa Viktoria Viktoriia Kateryna Yana Ivanna Khrystyna
    Helga Astrid Sigrid Solveig Ingeborg Liv Britta Agneta Ebba Elin Frida Hanne Lotte Greta Ilse
    Gisela Monika Renate Ulrike Annette Jutta Lena Aino Riikka Tiina Kaisa Maija Kersti Liina Inga
    Ilze Dace Laima Dalia Ausra Rūta Ruta Dorota Zofia Magdalena Aleksandra Justyna Urszula Jolanta
    Kristina Claire Sylvie Amélie Margot Juliette Élodie Elodie Pilar Rosa Teresa Mercedes Beatriz
    Giulia Valeria Anita Milena Jana Zuzana Lenka Ivana Mirjana Snežana Dragana"""
)
MALE = word_set(
    """Mr Herr Sir Lord King Prince Duke Baron Brother Father Monsignor
    spokesman congressman chairman businessman councilman statesman
    Joe Joseph Donald Barack George Bill William Ronald Richard Jimmy John James Robert Michael
    David Mark Lloyd Antony Anthony Jake Jens Boris Rishi Keir Emmanuel Olaf Volodymyr Vladimir
    Dmitry Dmitri Dmytro Sergei Sergey Serhiy Oleksii Oleksiy Oleksandr Alexander Aleksandr
    Andriy Andrii Andrei Andrey Yuri Yuriy Yevgeny Mykhailo Mikhail Valery Valeriy Viktor Ihor
    Igor Petro Pavlo Pavel Denys Denis Kyrylo Kirill Maxim Maksym Ivan Nikolai Mykola Alexei
    Alexey Oleg Ruslan Taras Vitali Vitaliy Arseniy Yevhen Rustem Recep Mevlut Hakan Bashar
    Benjamin Yoav Naftali Yair Benny Isaac Ehud Ariel Shimon Yitzhak Avigdor Mahmoud Ali Hassan
    Hossein Mohammad Mohammed Muhammad Abdullah Ebrahim Javad Hamid Ismail Yahya Khalil Omar
    Ahmed Ahmad Abdel Fattah Narendra Rajnath Imran Shehbaz Nawaz Asif
    Fumio Shinzo Yoshihide Rodrigo Ferdinand Luiz Jair Javier Pedro Jose Andres Gustavo Nicolas
    Justin Pierre Jean-Yves Sebastien Sébastien Stephane Stéphane Gabriel Emanuel Marco Mario
    Matteo Giuseppe Silvio Sergio Carlos Juan Luis Manuel Francisco Miguel Antonio Giorgio
    Friedrich Frank-Walter Robert Christian Boris Armin Markus Wolfgang Helmut Gerhard Jürgen
    Klaus Karl Heinz Hans Peter Thomas Martin Andrzej Mateusz Donald Radoslaw Radosław Wladyslaw
    Władysław Jaroslaw Jarosław Viktor Petr Milos Aleksandar Alexis Kyriakos Nikos Mark Rob
    Tom Tim Jim Jack Ben Ted Mitch Chuck  Marco Rand Mike Ron Kevin Matt Josh Adam Brian
    Chris Christopher Daniel Dan Eric Gavin Grant Greg Jason Jeff Jeffrey Jon Jonathan Ken
    Kenneth Larry Lee Matthew Nick Nicholas Patrick Paul Ryan Scott Sean Stephen Steve Steven
    Tony Charles Edward Henry Hugh Harry Ian Philip Simon Andrew Alan Alastair Dominic Gordon
    Tobias Lars Magnus Ulf Sauli Alexander  Stefan Pekka Jonas Rasmus Anders Ulf
    Olle Mikael Erik Olof Nils Henrik Johan Sven Gunnar Björn Bjorn Leif Knut Juha Jukka Mikko Antti
    Matti Timo Heikki Jüri Toomas Andrus Janis Jānis Edgars Vytautas Gintautas Arvydas Darius Tomas
    Tomasz Marek Piotr Krzysztof Pawel Paweł Wojciech Jakub Marcin Michał Michal Lukasz Łukasz
    Tomáš Jiri Jiří Ondrej Ondřej Zdenek Miroslav Jaroslav Vaclav Václav François Jacques Olivier
    Laurent Thierry Didier Philippe Bruno Alain Hervé Yves Guillaume Mathieu Julien Ludovic Paolo
    Roberto Stefano Alessandro Lorenzo Massimo Enrico Diego Rafael Raúl Alberto Fernando Jorge
    Ricardo Felix Dieter Uwe Horst Günter Rolf Lothar Matthias Johannes Florian Sebastian Fabian
    Moritz Lukas Niklas Konstantin Mustafa Kemal Hiroshi Takeshi Kenji
           Cardinal Pope Patriarch Ayatollah Emir Sultan"""
)
# Slavic family names carry their bearer's gender in their ending ("Zakharova", "Peskov").
FEMALE_SURNAME = re.compile(r"(?:ova|eva|yova|ovna|evna|skaya|tskaya)$")
MALE_SURNAME = re.compile(r"(?:ov|ev|yov|sky|skiy|skyi|ovich|evich)$")


def gender(name: str, titles: str = "") -> str:
    """ "f" or "m" where a title, the first name or a family name's ending tells; "" otherwise."""
    words = [w.strip(".,").lower() for w in (titles + " " + " ".join(name.split()[:1])).split()]
    found = {"f" for w in words if w in _FEMALE} | {"m" for w in words if w in _MALE}
    if not found and name.split():
        last = name.split()[-1].lower()
        found = {"f"} if FEMALE_SURNAME.search(last) else ({"m"} if MALE_SURNAME.search(last) else set())
    return found.pop() if len(found) == 1 else ""


_FEMALE = frozenset(w.lower() for w in FEMALE)
_MALE = frozenset(w.lower() for w in MALE)
