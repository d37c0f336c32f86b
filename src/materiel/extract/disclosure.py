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
from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan

from materiel.article import Span, Transfer
from materiel.extract.attribution import Cited, callers, sentence_sources, stating
from materiel.extract.clause import SUM_SALE
from materiel.extract.context import Context, Paragraph
from materiel.extract.debris import debris_shows
from materiel.extract.finish import unnamed_source
from materiel.extract.headline import parsed_title
from materiel.extract.lexicon import find_actors
from materiel.extract.offices import MAKER_REASON, government_of, maker_speaks, office_of_first_named, speaks_for
from materiel.extract.public_acts import ACCUSATION, FIRST_PERSON, PUBLIC_ACT, public_act
from materiel.extract.stances import STANCE_DISCLOSURE
from materiel.extract.unconfirmed import unconfirmed_in

# An act seen in the evidence, which an accusation in the same sentence outweighs.
PUBLIC_REASON = "a public act of the supplier"
# A commitment read off the status alone, which an accusation or a leak outweighs as well
# ("according to leaked documents, Egypt planned to send rockets").
COMMITMENT_REASON = "a commitment only the supplier can make"
# An office holder named without a state, taken for the supplier's by where the sentence puts it
# (see `office_of_first_named`): an accusation or an unnamed insider outweighs it as well.
OFFICE_REASON = "an office named without its state, in a sentence about the supplier"
OUTWEIGHED = (PUBLIC_REASON, COMMITMENT_REASON, OFFICE_REASON)
REASONS = {
    "denied": "the supplier denied it",
    "disowned": "the supplier said it, or no one, had sent it",
    "rebutted": "the supplier called the reports of it false",
    "non_denial": "the supplier did not deny it",
    "declined": "the supplier declined to confirm or comment",
    "covert": "the supply was made in secret",
    "confirmed": "the supplier confirmed it",
}


def explain_disclosure(transfers: list[Transfer], context: Context) -> None:
    """Tie each transfer's disclosure to its sentence; drop `official` that nothing shows."""
    publisher = government_of(context.article.url)
    asked = callers(context)
    for transfer in transfers:
        stated = stating(transfer, asked)
        value, reason, span = _decided(stated, context)
        if value is None or (reason or "").startswith(OUTWEIGHED):
            value, reason, span = _outweighed(stated, context) or (value, reason, span)
        if value is None:
            value, reason, span = _stated_elsewhere(stated, context) or (value, reason, span)
        if value is None and publisher and transfer.supplier and transfer.supplier.id == publisher:
            value, reason = "official", "published on the supplier government's own site"
        transfer.disclosure, transfer.disclosure_reason, transfer.disclosure_span = value, reason, span


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
    unconfirmed = unconfirmed_in(transfer, context)
    if unconfirmed is not None:
        return "unacknowledged", "no one has confirmed it", unconfirmed
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
        and speaks_for(s, transfer, context)
        for s in transfer.sources
    )


def _accusation(transfer: Transfer, context: Context) -> Span | None:
    """The first evidence sentence in which someone accuses or suspects the supplier of the
    transfer ("Kyiv accused Minsk of supplying ..."), or debris shows it (see `debris`): the
    supplier has not acknowledged it. A headline that accuses the supplier ("Leaks show Egypt
    shipped arms") marks the first one."""
    for evidence in transfer.evidence:
        if ACCUSATION.search(context.article.text[evidence.start : evidence.end]):
            return evidence
    shown = debris_shows(transfer, context)  # "debris of the missile shows it was North Korean"
    if shown is not None:
        return shown
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


def _official(transfer: Transfer, supplier: str | None, context: Context) -> tuple[str | None, str | None, Span | None]:
    own = next((s for s in transfer.sources if speaks_for(s, transfer, context)), None)
    if own is not None:
        return "official", f"the supplier's own source: {own.name}", context.sentence_at(own.span)
    confirmed = next((r for r in transfer.responses if r.stance == "confirmed"), None)
    if confirmed is not None:
        return "official", REASONS["confirmed"], confirmed.span
    office = next((s for s in transfer.sources if office_of_first_named(s, transfer, context)), None)
    if office is not None:
        return "official", f"{OFFICE_REASON}: {office.name}", context.sentence_at(office.span)
    maker = next((s for s in transfer.sources if maker_speaks(s, transfer, context)), None)
    if maker is not None:
        return "official", f"{MAKER_REASON}: {maker.name}", context.sentence_at(maker.span)
    if transfer.status == "pledged" and not _sum_sold(transfer, context):
        return "official", COMMITMENT_REASON, _first(transfer)
    for evidence in transfer.evidence:
        act = _evidence_act(context, evidence)
        if act:
            return "official", f"{PUBLIC_REASON}: {act!r}", evidence
    return None, None, None


# Words of a public act that are also nouns of another sense: "signs of wear" is a mark, not a signing.
OTHER_SENSE = {"sign", "signs"}


def _evidence_act(context: Context, evidence: Span) -> str | None:
    """A public act in the transfer's own evidence, in the act's sense of its word."""
    text = context.article.text[evidence.start : evidence.end]
    marks = {
        paragraph.offset + t.idx
        for paragraph, sentence, _ in _sentences(context, evidence)
        for t in sentence
        if t.pos_ == "NOUN" and t.lower_ in OTHER_SENSE
    }
    return next((a.group() for a in PUBLIC_ACT.finditer(text) if evidence.start + a.start() not in marks), None)


def _sentences(
    context: Context, within: Span | None = None
) -> Iterator[tuple[Paragraph, SpacySpan, list[tuple[int, str | None]]]]:
    """The parsed sentences of the article (those `within` reaches when given), each with its
    paragraph and the parties it names (where, from the sentence's start, and who)."""
    for paragraph in context.read():
        for sentence in paragraph.doc.sents:
            at = paragraph.offset + sentence.start_char
            if within is not None and not (within.start < at + len(sentence.text) and at < within.end):
                continue  # a sentence the span does not reach
            named = [
                (m.start - sentence.start_char, m.id)
                for m in paragraph.actors
                if sentence.start_char <= m.start < sentence.end_char
            ]
            yield paragraph, sentence, named


# Words that make a sentence speak of the materiel or the aid itself (not "aid" alone, which is
# as often humanitarian, nor a bare verb: "sent a delegation", "give a speech").
MATERIEL_TALK = re.compile(
    r"""
    \b(?:weapon(?:s|ry)?|arms|munitions?|ammunition|shells)\b          # arms in general
  | \b(?:tanks?|howitzers?|artillery|missiles?|rockets?|drones?|jets?|fighter\ jets?|warships?)\b  # named kinds
  | \bair\ defen[cs]es?\b                                              # "air defence systems"
  | \b(?:military|security|defen[cs]e)\ (?:aid|assistance|support|packages?|equipment)\b  # the aid itself
  | \b(?:aid|arms|weapons)\ packages?\b                                   # "the latest aid package"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# An act of the supplier read in a sentence that is not the transfer's evidence.
ELSEWHERE_REASON = "the supplier speaks of it elsewhere in the article"


def _stated_elsewhere(transfer: Transfer, context: Context) -> tuple[str, str, Span] | None:
    """A sentence anywhere in the article (the headline included) that names both parties and the
    materiel or the aid and shows the supplier stating it: a source of the supplier's own cited
    there ("Pistorius said Germany would keep delivering arms to Kyiv" paragraphs below the tanks),
    or a public act of the supplier that nobody takes back or calls an accusation ("Germany's
    latest military aid package for Ukraine") in a sentence no other state is cited for. The
    transfer's own sentence may be a bare report; the government has stated the support all the
    same."""
    if transfer.supplier is None or transfer.recipient is None:
        return None
    for paragraph, sentence, named in _sentences(context):
        if not _of_both(transfer, {n for _, n in named}, sentence.text):
            continue
        at = Span(paragraph.offset + sentence.start_char, paragraph.offset + sentence.end_char)
        cited = [c for c in sentence_sources(context, paragraph, sentence) if not c.demand]
        own = _own_source(transfer, cited, context)
        others = any(c.actor_id not in (None, transfer.supplier.id) for c in cited)
        reason = own or (None if others else public_act(sentence, named, transfer.supplier.id))
        if reason:
            return "official", f"{ELSEWHERE_REASON}: {reason}", at
    return _title_act(transfer, context)


def _title_act(transfer: Transfer, context: Context) -> tuple[str, str, Span] | None:
    """The headline's public act of the supplier ("US announces new weapons package for Kyiv")."""
    title = context.article.title or ""
    named = [(m.start, m.id) for m in find_actors(title)]
    supplier = transfer.supplier.id if transfer.supplier else None
    if not _of_both(transfer, {n for _, n in named}, title):
        return None
    act = public_act(parsed_title(title, context.year).doc, named, supplier)
    return ("official", f"{ELSEWHERE_REASON}: the headline's {act}", _first(transfer)) if act else None


def _of_both(transfer: Transfer, named: set[str | None], text: str) -> bool:
    """The text names the recipient, the supplier (or "we"), and the materiel or the aid."""
    supplier = transfer.supplier is not None and (transfer.supplier.id in named or FIRST_PERSON.search(text))
    recipient = transfer.recipient is not None and transfer.recipient.id in named
    return bool(supplier and recipient and MATERIEL_TALK.search(text))


def _own_source(transfer: Transfer, cited: list[Cited], context: Context) -> str | None:
    own = [c for c in cited if speaks_for(c.source, transfer, context)]
    return f"its own source {own[0].source.name}" if own else None


def _sum_sold(transfer: Transfer, context: Context) -> bool:
    """Is the pledge a sum sold ("sold $8 billion in arms"), the deals' value, which the supplier
    need not have announced?"""
    return any(SUM_SALE.search(context.article.text[e.start : e.end]) for e in transfer.evidence[:1])


def _first(transfer: Transfer) -> Span | None:
    return transfer.evidence[0] if transfer.evidence else None
