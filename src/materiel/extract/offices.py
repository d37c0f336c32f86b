"""Who speaks for a state: its own web domains, its office holders and bodies (named with the state
or, in a sentence about it, without), and its arms makers; and who does not (unnamed insiders,
former office holders, the country's press and civil society). `disclosure` asks these to decide
whether the supplier's government states a transfer.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pycountry

from materiel.article import Source, Span, Transfer
from materiel.extract.context import Context
from materiel.extract.finish import unnamed_source
from materiel.extract.lexicon import find_actors, load
from materiel.extract.source_names import independent_voice

# A page on a government's own web domain is that government stating what it says there: a
# statement, a readout, a ministry's news item. The host is read, never the page's wording.
GOVERNMENT_HOST = re.compile(
    r"""
    (?:^|\.)(?:gov|mil)$                               # the US federal government and armed forces
  | (?:^|\.)(?:gov|gouv|govt|go|gob|gv|mil|government)  # a country's government label before its
      \.(?P<cc>[a-z]{2})$                               # code: gov.uk, gouv.fr, go.kr, gob.mx, gv.at
    """,
    re.VERBOSE,
)
# Organisations of states that publish on their own domains: their pages are them stating it; and
# governments' own domains outside the gov.cc pattern (a head of state's or government's office,
# a ministry of defence or of foreign affairs), with their subdomains.
OWN_DOMAINS: dict[str, str] = load("governments.json")["own_domains"]
# Country-code domains whose code is not the state's ISO 3166 alpha-2 code.
DOMAIN_CODES = {"uk": "GB"}


def government_of(url: str | None) -> str | None:
    """The state (ISO alpha-3) or organisation (its slug) whose own web domain the page is on."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".") if url else ""
    for domain, organisation in OWN_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return organisation
    found = GOVERNMENT_HOST.search(host)
    if found is None:
        return None
    if found.group("cc") is None:
        return "USA"
    code = found.group("cc")
    country = pycountry.countries.get(alpha_2=DOMAIN_CODES.get(code, code.upper()))
    return country.alpha_3 if country else None


def speaks_for(source: Source, transfer: Transfer, context: Context) -> bool:
    """The source is the supplier's own: its officials, ministry or leader, named as such
    ("the UK's prime minister Rishi Sunak", "German officials"), or a person the article
    introduced as one ("Pistorius" after "German Defence Minister Boris Pistorius"). Unnamed
    insiders ("officials familiar with the matter") and the country's press ("German media")
    are not the government stating it."""
    supplier = transfer.supplier.id if transfer.supplier else None
    if supplier is None or not _may_speak(source, context):
        return False
    if source.actor_id == supplier or any(m.id == supplier for m in find_actors(source.name)):
        return True
    person = context.full_name(source.name, len(context.article.text))
    if person is not None:
        return person.actor_id == supplier
    return introduced_for(source.name, context) == supplier


def introduced_for(name: str, context: Context) -> str | None:
    """The state whose office the article gave a person with the first mention of the name, in
    a paragraph the parser may not have read ("White House spokesman John Kirby spoke on
    Monday" paragraphs before "Kirby said"): the last state named in the title before it. A
    former office holder speaks for no state."""
    text = context.article.text
    at = text.find(name) if name[:1].isupper() else -1
    before = text[max(0, at - TITLE_REACH) : at] if at > 0 else ""
    titled = OFFICE.search(before) is not None and OUT_OF_OFFICE.search(before) is None
    states = find_actors(before) if titled else []
    return states[-1].id if states else None


# Titles of a state's office holders and bodies, which news often prints without the state
# ("Defence Minister Mariusz Blaszczak", "a government spokesman"). An ambassador or an embassy
# is as often the recipient's, and is not read.
OFFICE = re.compile(
    r"""\b(?:(?:prime\ )?minister|ministry|president|chancellor|premier|secretary  # "Defence Minister X"
        |spokes(?:man|woman|person)|government|cabinet                          # "a government spokesman"
        |presiden(?:tial|cy)|chancellery                                        # "the presidential office"
        |(?:foreign|home|cabinet|war)\ office|(?:defen[cs]e|state)\ department  # "the foreign office"
        |armed\ forces|army|navy|air\ force|military|general\ staff            # the state's forces:
        |defen[cs]e\ forces)\b                                                 # "the army said"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# How much text before a person's name is read for the office title it was introduced with.
TITLE_REACH = 40


def office_of_first_named(source: Source, transfer: Transfer, context: Context) -> bool:
    """An office holder or body that names no state, cited in a sentence whose first-named actor
    is the supplier ("Poland has handed over 14 tanks to Ukraine, Defence Minister Mariusz
    Blaszczak said"): news names first the state it tells of, whose officials then speak, when
    something ties the office to it (`_office_tied`: a country's own press prints a third state's
    minister without his state's name too, where it reports another's covert supply).
    "Ukraine has received tanks from Poland, the defence minister said" is Ukraine's minister. In
    a sentence naming no actor, the office the supplier was named by ("The Ministry of Defence
    is sending ...; the ministry said") is that office speaking."""
    if find_actors(source.name) or not _titled(source.name, context) or not _may_speak(source, context):
        return False
    person = context.full_name(source.name, len(context.article.text))
    if person is not None and person.actor_id is not None:
        return False
    sentence = context.sentence_at(source.span)
    if sentence is None or transfer.supplier is None:
        return False
    actors = [m for m in find_actors(context.article.text[sentence.start : sentence.end], context.year) if m.id]
    if actors:
        return actors[0].id == transfer.supplier.id and _office_tied(source, transfer, sentence, context)
    named = transfer.supplier.span
    written = context.article.text[named.start : named.end] if named else transfer.supplier.name or ""
    offices = {m.group().casefold() for m in OFFICE.finditer(written)}
    return any(m.group().casefold() in offices for m in OFFICE.finditer(source.name))


# Words that put a source out of the office it is named by: it no longer speaks for the state
# ("former Iranian president Hassan Rouhani", "ex-chancellor Angela Merkel").
OUT_OF_OFFICE = re.compile(
    r"""\b(?:former|onetime|one-time|erstwhile|retired)\b  # "a former German defence minister"
      | \bex-                                            # "ex-chancellor", "the ex-minister"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# States under a standing arms embargo (the UN's or the EU's) from a year on: the supply to or
# from one is the covert trade a third state reports ("North Korea has shipped shells to Russia,
# Defence Minister X said" is told by Seoul's minister), not one its government announces.
EMBARGOED: dict[str, int] = {e["state"]: e["since"] for e in load("governments.json")["embargoes"]}
# An office right after a state's name ("Poland's defence minister", "the Polish Ministry of
# Defence"): a possessive and up to two words between, none an article or a verb of saying
# ("Poland said the minister" is no office of Poland's).
STATE_OFFICE = re.compile(
    rf"(?:['’]s)?(?:\s+(?!(?:the|a|an|said|says|told)\b)[\w-]+){{0,2}}?\s+(?P<office>{OFFICE.pattern}" + "\n)",
    re.IGNORECASE | re.VERBOSE,
)


# A company named by what it is, not its name ("the company said"): the maker the sentence names.
# Only a definite one points back ("the company", "the German firm"); "a rival firm" is another.
COMPANY = re.compile(
    r"""^(?:the|its)\s+                                                   # definite: the one named
        (?!(?:rival|other|competing|partner)\b)(?:[\w-]+\s+)?              # "the defence company"
        (?:company|firm|manufacturer|maker|contractor|producer|group)$     # "the company said"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A maker's sale is its home state's (GUIDE, SIPRI): the maker stating it is the supplier stating it.
MAKER_REASON = "the supplier's arms maker states it"


def maker_speaks(source: Source, transfer: Transfer, context: Context) -> bool:
    """A company named without its name, in a sentence naming a maker of the supplier as the one
    that sells or ships ("Rheinmetall has delivered 20 Skynex systems to Ukraine, the company
    said"): the maker speaking. A company of no named maker ("a logistics firm said") is not."""
    if source.span is None or transfer.supplier is None or find_actors(source.name):
        return False
    if not COMPANY.search(source.name) or not _may_speak(source, context):
        return False
    sentence = context.sentence_at(source.span)
    if sentence is None:
        return False
    actors = find_actors(context.article.text[sentence.start : sentence.end], context.year)
    return any(m.kind == "maker" and m.id == transfer.supplier.id for m in actors)


def _office_tied(source: Source, transfer: Transfer, sentence: Span, context: Context) -> bool:
    """Something ties an office named without its state to the supplier: the page is on the
    supplier government's own site; the article last named that office with the supplier's name
    ("Polish Defence Minister X" before "Defence Minister X said"); or, where it named it with no
    state's, the sentence names no state but the two parties, neither under an arms embargo (a
    third state's minister tells of such a supply, and its own press leaves out his state)."""
    supplier = transfer.supplier.id
    if government_of(context.article.url) == supplier:
        return True
    owner = _last_office_owner(_offices(source.name, context), sentence.start, context)
    if owner is not None:
        return owner == supplier
    text = context.article.text[sentence.start : sentence.end]
    named = {m.id for m in find_actors(text, context.year) if m.id}
    parties = {supplier, transfer.recipient.id if transfer.recipient else None}
    return named <= parties and not any(_embargoed(p, context.year) for p in parties)


def _embargoed(state: str | None, year: int | None) -> bool:
    since = EMBARGOED.get(state or "")
    return since is not None and (year is None or year >= since)


def _offices(name: str, context: Context) -> set[str]:
    """The office words of a source's name, or of the title its person was introduced with."""
    found = {m.group().casefold() for m in OFFICE.finditer(name)}
    if found:
        return found
    text = context.article.text
    before = (text[max(0, p.start - TITLE_REACH) : p.start] for p in context.people if name in p.name.split())
    return {m.group().casefold() for stretch in before for m in OFFICE.finditer(stretch)}


def _last_office_owner(offices: set[str], before: int, context: Context) -> str | None:
    """The state last named with one of these offices before a position ("Iran's defence
    minister", "the Polish Defence Minister")."""
    text = context.article.text[:before]
    owner = None
    for mention in find_actors(text, context.year):
        office = STATE_OFFICE.match(text, mention.end)
        if mention.id and office and office.group("office").casefold() in offices:
            owner = mention.id
    return owner


# A source of the supplier's own that its government did not make public: a record leaked or
# taken ("a leaked State Department cable shows"), which exposes the transfer, not states it.
EXPOSED_RECORD = re.compile(
    r"""
    \bleak(?:ed|s)?\b                     # "a leaked cable", "the leaks"
  | \b(?:intercepted|hacked|stolen)\b     # "intercepted calls", "hacked emails", "stolen files"
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _may_speak(source: Source, context: Context) -> bool:
    """Neither an unnamed insider, nor one out of office, nor a record leaked, nor the country's
    press or civil society, by its name or by the words its span prints before the name ("the
    Belarusian opposition group Hajun" for "Hajun"; not what an appositive after it says: "Kirby,
    who told journalists")."""
    out = OUT_OF_OFFICE.search(source.name) is not None or EXPOSED_RECORD.search(source.name) is not None
    described = independent_voice(_printed_before(source, context))
    return not (out or unnamed_source(source, context) or independent_voice(source.name) or described)


def _printed_before(source: Source, context: Context) -> str:
    """The words of the source's span before its name (none where the name is not in it)."""
    printed = context.article.text[source.span.start : source.span.end] if source.span else ""
    at = printed.find(source.name)
    return printed[:at] if at > 0 else ""


def _titled(name: str, context: Context) -> bool:
    """The name carries an office title, or a person so named was introduced with one
    ("Defence Minister Mariusz Blaszczak ... Blaszczak said")."""
    if OFFICE.search(name):
        return True
    text = context.article.text
    return any(
        OFFICE.search(text[max(0, p.start - TITLE_REACH) : p.start])
        for p in context.people
        if p.name == name or name in p.name.split()
    )
