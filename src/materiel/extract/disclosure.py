"""Which sentence decided a transfer's openness, and `official` only when one shows it.

`finish.set_disclosure` decides denied and unacknowledged from what the supplier said (or from
sources that are all third parties), and falls back on `official`. Here each value is tied to the
sentence that decided it (`disclosure_span`, `disclosure_reason`), and the fallback is dropped:
a transfer is `official` only when the text shows the supplier's government stating it: its own
officials cited, the supplier confirming or announcing, or a commitment only the supplier can make
(a pledge, an approval, a signed deal). A delivery merely reported, or a claim no government
confirmed, keeps no disclosure (unknown) rather than a guess.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pycountry

from materiel.article import Source, Span, Transfer
from materiel.extract.context import Context
from materiel.extract.finish import unnamed_source
from materiel.extract.lexicon import find_actors
from materiel.extract.source_names import independent_voice
from materiel.extract.stances import STANCE_DISCLOSURE

# Acts a government does in public: stating one is the supplier stating it. Each alternative is
# a word family; the endings are listed so that "signal" or "committee" do not count.
PUBLIC_ACT = re.compile(
    r"""
    \bannounc(?:e|es|ed|ing|ement|ements)\b | \bunveil(?:s|ed|ing)?\b     # an announcement
  | \bpledg(?:e|es|ed|ing)\b | \bpromis(?:e|es|ed|ing)\b | \bvow(?:s|ed)?\b  # a public promise
  | \bcommit(?:s|ted|ting|ment|ments)?\b                              # "has committed $44 billion"
  | \bapprov(?:e|es|ed|ing|al)\b | \bauthori[sz](?:e|es|ed|ation)\b     # a decision on the record
  | \bgreen-?light(?:s|ed)?\b | \bclear(?:s|ed)\ the\ (?:sale|transfer|export)
  | \bsign(?:s|ed|ing)?\b | \bagree(?:s|d|ment|ments)?\b | \bdecid(?:e|es|ed)\b | \bdecision\b
  | \boffer(?:s|ed|ing)?\b
  | \bpackages?\b                                                       # aid packages are the donor's own
  | \b(?:military|security|defen[cs]e)\ (?:aid|assistance)\b             # a state's aid programme is declared
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words of an accusation: what one party says another did, which the accused has not owned.
ACCUSATION = re.compile(
    r"""
    \baccus(?:e|es|ed|ing|ation|ations)\b       # "accused Iran of shipping", "the accusation"
  | \balleg(?:e|es|ed|edly|ation|ations)\b      # "allegedly supplied", "allegations that"
  | \bsuspect(?:s|ed)?\ (?:\w+\ ){0,3}?of\b     # "suspected North Korea of sending"
  | \bblam(?:e|es|ed|ing)\ (?:\w+\ ){1,4}?for\b  # "blamed Iran on Monday for supplying"
  | \bleak(?:s|ed)?\b                            # "leaked cables show": exposed, not stated
  | \bintercepted\b                             # "intercepted calls reveal the shipment"
  | \bsatellite\ (?:images?|imagery|photos?|pictures?)\b  # "satellite images show": seen, not stated
  | \breportedly\b                             # "Iran reportedly sent": others tell of it
  | \baccording\ to\ (?:[\w-]+\ ){0,2}?reports\b   # "according to (Russian media) reports": no one named
  | \b(?:media|press|news)\ reports\ (?:say|said|suggest(?:s|ed)?|claim(?:s|ed)?|indicate[sd]?)\b
                                               # "media reports say Iran has shipped" (not "dismissing
                                               # media reports of a delay")
  | \b(?:is|are|was|were)\ (?:widely\ )?(?:believed|thought|said|understood)\ to\ have\b
                                               # "Iran is believed to have delivered" (a past
                                               # act; "is thought to be capable" is no claim)
    """,
    re.IGNORECASE | re.VERBOSE,
)
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
OWN_DOMAINS = {
    "nato.int": "nato",
    "europa.eu": "european-union",
    "un.org": "united-nations",
    "kremlin.ru": "RUS",
    "mid.ru": "RUS",
    "bundesregierung.de": "DEU",
    "bundeskanzler.de": "DEU",
    "bmvg.de": "DEU",
    "auswaertiges-amt.de": "DEU",
    "elysee.fr": "FRA",
    "canada.ca": "CAN",
    "gc.ca": "CAN",
    "admin.ch": "CHE",
    "regjeringen.no": "NOR",
    "regeringen.se": "SWE",
    "rijksoverheid.nl": "NLD",
    "defensie.nl": "NLD",
    "valtioneuvosto.fi": "FIN",
    "defmin.fi": "FIN",
    "fmn.dk": "DNK",
    "um.dk": "DNK",
    "prezydent.pl": "POL",
    "army.cz": "CZE",
    "difesa.it": "ITA",
    "governo.it": "ITA",
    "korea.kr": "KOR",
    "president.az": "AZE",
}
# Country-code domains whose code is not the state's ISO 3166 alpha-2 code.
DOMAIN_CODES = {"uk": "GB"}
# An act seen in the evidence, which an accusation in the same sentence outweighs.
PUBLIC_REASON = "a public act of the supplier"
# A commitment read off the status alone, which an accusation or a leak outweighs as well
# ("according to leaked documents, Egypt planned to send rockets").
COMMITMENT_REASON = "a commitment only the supplier can make"
# An office holder named without a state, taken for the supplier's by where the sentence puts it
# (see `_office_of_first_named`): an accusation or an unnamed insider outweighs it as well.
OFFICE_REASON = "an office named without its state, in a sentence about the supplier"
OUTWEIGHED = (PUBLIC_REASON, COMMITMENT_REASON, OFFICE_REASON)
REASONS = {
    "denied": "the supplier denied it",
    "non_denial": "the supplier did not deny it",
    "declined": "the supplier declined to confirm or comment",
    "covert": "the supply was made in secret",
    "confirmed": "the supplier confirmed it",
}


def explain_disclosure(transfers: list[Transfer], context: Context) -> None:
    """Tie each transfer's disclosure to its sentence; drop `official` that nothing shows."""
    publisher = government_of(context.article.url)
    for transfer in transfers:
        value, reason, span = _decided(transfer, context)
        if value is None or (reason or "").startswith(OUTWEIGHED):
            value, reason, span = _outweighed(transfer, context) or (value, reason, span)
        if value is None and publisher and transfer.supplier and transfer.supplier.id == publisher:
            value, reason = "official", "published on the supplier government's own site"
        transfer.disclosure, transfer.disclosure_reason, transfer.disclosure_span = value, reason, span


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


def _decided(transfer: Transfer, context: Context) -> tuple[str | None, str | None, Span | None]:
    value = transfer.disclosure
    supplier = transfer.supplier.id if transfer.supplier else None
    if value == "official":
        return _official(transfer, supplier, context)
    if value in ("denied", "unacknowledged"):
        for response in transfer.responses:
            if STANCE_DISCLOSURE.get(response.stance) == value:
                return value, REASONS[response.stance], response.span
        cited = next((s for s in transfer.sources if s.span), None)
        span = context.sentence_at(cited.span) if cited and cited.span else _first(transfer)
        return value, "only third parties report it", span
    return value, None, None


def _outweighed(transfer: Transfer, context: Context) -> tuple[str, str, Span | None] | None:
    """What leaves a transfer unacknowledged though the supplier's commitment or act is told: an
    accusation, or insiders who would not give their names telling it in its own sentence ("the
    US will send cluster munitions, officials who asked not to be named said") where no named
    source of the supplier's own is cited beside them."""
    accused = _accusation(transfer, context)
    if accused is not None:
        return "unacknowledged", "another party accuses the supplier of it", accused
    for source in transfer.sources:
        told = source.span is not None and _within_evidence(source.span, transfer)
        if told and unnamed_source(source, context) and not _named_beside(source.span, transfer, context):
            return "unacknowledged", "told only by unnamed insiders", context.sentence_at(source.span)
    return None


def _within_evidence(span: Span, transfer: Transfer) -> bool:
    return any(e.start <= span.start < e.end for e in transfer.evidence)


def _named_beside(span: Span, transfer: Transfer, context: Context) -> bool:
    """A source of the supplier's own, not anonymous, cited in the same evidence as an unnamed
    insider ("..., Pentagon spokesman John Kirby said, after officials speaking on condition of
    anonymity had briefed reporters"): the government has stated it."""
    evidence = [e for e in transfer.evidence if e.start <= span.start < e.end]
    return any(
        s.span is not None
        and any(e.start <= s.span.start < e.end for e in evidence)
        and _speaks_for(s, transfer, context)
        for s in transfer.sources
    )


def _accusation(transfer: Transfer, context: Context) -> Span | None:
    """The first evidence sentence in which someone accuses or suspects the supplier of the
    transfer ("Kyiv accused Minsk of supplying ..."): the supplier has not acknowledged it. A
    headline that accuses the supplier ("Leaks show Egypt shipped arms") marks the first one."""
    for evidence in transfer.evidence:
        if ACCUSATION.search(context.article.text[evidence.start : evidence.end]):
            return evidence
    supplier = transfer.supplier.id if transfer.supplier else None
    return _first(transfer) if supplier and _accused_in(context.article.title or "", supplier) else None


# A headline that puts its subject under the accusation.
ACCUSED_SUBJECT = re.compile(
    r"""
    \b(?:is|are|was|were|been|being)\s+(?:\w+\s+)?(?:accused|suspected)\b  # "Turkey is accused of"
  | \balleged(?:ly)?\b                                                    # "Iran allegedly sent"
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _accused_in(title: str, supplier: str) -> bool:
    """The headline accuses the supplier: it is named after the accusation ("leaks show Egypt
    shipped", "Kyiv accuses Minsk of"), or as the subject of a passive one ("Turkey is accused
    of"). The accuser named before it ("Russia accuses the US of") is not accused."""
    accusation = ACCUSATION.search(title)
    if accusation is None:
        return False
    named = [m for m in find_actors(title) if m.id == supplier]
    after = any(m.start >= accusation.end() for m in named)
    return after or (bool(named) and ACCUSED_SUBJECT.search(title) is not None)


def _official(transfer: Transfer, supplier: str | None, context: Context):
    own = next((s for s in transfer.sources if _speaks_for(s, transfer, context)), None)
    if own is not None:
        return "official", f"the supplier's own source: {own.name}", context.sentence_at(own.span)
    confirmed = next((r for r in transfer.responses if r.stance == "confirmed"), None)
    if confirmed is not None:
        return "official", REASONS["confirmed"], confirmed.span
    office = next((s for s in transfer.sources if _office_of_first_named(s, transfer, context)), None)
    if office is not None:
        return "official", f"{OFFICE_REASON}: {office.name}", context.sentence_at(office.span)
    maker = next((s for s in transfer.sources if _maker_speaks(s, transfer, context)), None)
    if maker is not None:
        return "official", f"{MAKER_REASON}: {maker.name}", context.sentence_at(maker.span)
    if transfer.status == "pledged":
        return "official", COMMITMENT_REASON, _first(transfer)
    for evidence in transfer.evidence:
        act = PUBLIC_ACT.search(context.article.text[evidence.start : evidence.end])
        if act:
            return "official", f"{PUBLIC_REASON}: {act.group()!r}", evidence
    return None, None, None


def _speaks_for(source: Source, transfer: Transfer, context: Context) -> bool:
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
    return person is not None and person.actor_id == supplier


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


def _office_of_first_named(source: Source, transfer: Transfer, context: Context) -> bool:
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
EMBARGOED = {
    "PRK": 2006,  # UN Security Council resolution 1718, arms both ways
    "IRN": 2007,  # UN resolution 1747 on Iran's arms exports; the EU's embargo stands after 2020
    "RUS": 2014,  # the EU's and the US's embargo after Crimea, imports and exports
    "BLR": 2011,  # the EU's embargo on Belarus
    "SYR": 2011,  # the EU's embargo on Syria
    "CHN": 1989,  # the EU's embargo after Tiananmen
    "MMR": 1991,  # the EU's embargo on Myanmar
    "VEN": 2017,  # the EU's embargo on Venezuela
}
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


def _maker_speaks(source: Source, transfer: Transfer, context: Context) -> bool:
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


def _may_speak(source: Source, context: Context) -> bool:
    """Neither an unnamed insider, nor one out of office, nor the country's press or civil society."""
    out = OUT_OF_OFFICE.search(source.name) is not None
    return not (out or unnamed_source(source, context) or independent_voice(source.name))


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


def _first(transfer: Transfer) -> Span | None:
    return transfer.evidence[0] if transfer.evidence else None
