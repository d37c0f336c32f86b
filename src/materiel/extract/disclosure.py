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
from materiel.extract.clause import SUM_SALE
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
    US will send cluster munitions, officials who asked not to be named said")."""
    accused = _accusation(transfer, context)
    if accused is not None:
        return "unacknowledged", "another party accuses the supplier of it", accused
    for source in transfer.sources:
        if source.span and _within_evidence(source.span, transfer) and unnamed_source(source, context):
            return "unacknowledged", "told only by unnamed insiders", context.sentence_at(source.span)
    return None


def _within_evidence(span: Span, transfer: Transfer) -> bool:
    return any(e.start <= span.start < e.end for e in transfer.evidence)


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
    if transfer.status == "pledged" and not _sum_sold(transfer, context):
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
        |spokes(?:man|woman|person)|government|cabinet)\b                        # "a government spokesman"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# How much text before a person's name is read for the office title it was introduced with.
TITLE_REACH = 40


def _office_of_first_named(source: Source, transfer: Transfer, context: Context) -> bool:
    """An office holder or body that names no state, cited in a sentence whose first-named actor
    is the supplier ("Poland has handed over 14 tanks to Ukraine, Defence Minister Mariusz
    Blaszczak said"): news names first the state it tells of, whose officials then speak.
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
        return actors[0].id == transfer.supplier.id
    named = transfer.supplier.span
    written = context.article.text[named.start : named.end] if named else transfer.supplier.name or ""
    offices = {m.group().casefold() for m in OFFICE.finditer(written)}
    return any(m.group().casefold() in offices for m in OFFICE.finditer(source.name))


def _may_speak(source: Source, context: Context) -> bool:
    """Neither an unnamed insider nor the country's press or civil society."""
    return not (unnamed_source(source, context) or independent_voice(source.name))


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


def _sum_sold(transfer: Transfer, context: Context) -> bool:
    """Is the pledge a sum sold ("sold $8 billion in arms"), the deals' value, which the supplier
    need not have announced?"""
    return any(SUM_SALE.search(context.article.text[e.start : e.end]) for e in transfer.evidence[:1])


def _first(transfer: Transfer) -> Span | None:
    return transfer.evidence[0] if transfer.evidence else None
