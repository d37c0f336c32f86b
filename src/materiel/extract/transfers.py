"""Transfer assembly: from sentences with an item and a transfer cue to one record per
(supplier, recipient, category), with route, quantity, stage, sources and openness."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Actor, Item, Quantity, Span, Transfer
from materiel.extract import syntax
from materiel.extract.attribution import Cited, sentence_sources
from materiel.extract.context import Context, Paragraph
from materiel.extract.lexicon import Mention
from materiel.extract.quantities import Amount

# Words between a count and its item ("10 Strv 122 tanks", "31 M1 Abrams tanks").
MAX_GAP_WORDS = 4
# Sentences that talk about a transfer without one happening: captured or home-made equipment.
NOT_TRANSFER = re.compile(r"\b(?:captured|seized|trophy|produces?|producing|manufactur\w+)\b", re.I)
YEAR = re.compile(r"^(?:19|20)\d{2}$")
# Prepositions that name an intermediary ("through Poland", "via Syria").
ROUTE_PREPS = {"through", "via"}


@dataclass
class Candidate:
    supplier: Mention
    recipient: Mention
    item: Mention
    status: str
    paragraph: Paragraph
    sentence: SpacySpan
    amount: Amount | None = None
    cited: list[Cited] = field(default_factory=list)
    via: list[Mention] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str | None, str]:
        return self.supplier.id, self.recipient.id, self.item.id or "unspecified"

    def span(self) -> Span:
        offset = self.paragraph.offset
        return Span(offset + self.sentence.start_char, offset + self.sentence.end_char)


def find_candidates(context: Context) -> list[Candidate]:
    found = []
    for paragraph in context.paragraphs:
        for sentence in paragraph.doc.sents:
            if not NOT_TRANSFER.search(sentence.text):
                found.extend(_sentence_candidates(context, paragraph, sentence))
    return found


def _sentence_candidates(context: Context, paragraph: Paragraph, sentence: SpacySpan) -> list[Candidate]:
    start, end = sentence.start_char, sentence.end_char
    items = [m for m in paragraph.items if start <= m.start < end]
    actors = [m for m in paragraph.actors if start <= m.start < end]
    if not items or len({a.id for a in actors}) < 2:
        return []
    specific = any(m.id != "unspecified" for m in items)
    out = []
    for item in items:
        if specific and item.id == "unspecified" and not _negated_item(paragraph, item):
            continue
        candidate = _candidate(paragraph, sentence, item, actors)
        if candidate is not None:
            candidate.amount = _amount_for(paragraph, sentence, item)
            candidate.cited = sentence_sources(context, paragraph, sentence)
            out.append(candidate)
    return out


def _negated_item(paragraph: Paragraph, item: Mention) -> bool:
    token = _token(paragraph, item)
    return token is not None and syntax.stage_of(token.head, "delivered") in ("refused", "cancelled")


def _token(paragraph: Paragraph, mention: Mention) -> Token | None:
    span = paragraph.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _candidate(paragraph, sentence, item: Mention, actors: list[Mention]) -> Candidate | None:
    token = _token(paragraph, item)
    if token is None:
        return None
    while token.dep_ == "compound" and token.head is not token:  # "Stinger missiles": the noun
        token = token.head
    cue = syntax.governing_cue(token, sentence)
    if cue is None:
        return None
    supplier, recipient = _roles(cue, token, actors)
    if supplier is None or recipient is None or supplier.id == recipient.id:
        return None
    via = [
        m
        for m in _mentions(
            syntax.prep_objects(cue, ROUTE_PREPS) + syntax.prep_objects(token, ROUTE_PREPS), actors
        )
        if m.id not in (supplier.id, recipient.id)
    ]
    base = _base_stage(cue)
    return Candidate(supplier, recipient, item, syntax.stage_of(cue, base), paragraph, sentence, via=via)


def _mentions(tokens: list[Token], actors: list[Mention]) -> list[Mention]:
    found = (syntax.mention_in([t], actors) for t in tokens)
    return [m for m in found if m is not None]


def _base_stage(cue: Token) -> str:
    table = syntax.cues()
    lemma = cue.lemma_.lower()
    for words in (table.transfer, table.receive, table.request, table.nouns):
        if lemma in words:
            return words[lemma]
    return "delivered"


def _roles(cue: Token, item: Token, actors: list[Mention]) -> tuple[Mention | None, Mention | None]:
    kind = syntax.cue_kind(cue)
    subject = syntax.mention_in(syntax.subject_tokens(cue), actors)
    source = syntax.mention_in(
        syntax.prep_objects(cue, {"from"}) + syntax.prep_objects(item, {"from"}), actors
    )
    if kind == "receive":
        bought_for = syntax.mention_in(
            syntax.prep_objects(cue, {"for"}) + syntax.prep_objects(item, {"for"}), actors
        )
        return (subject, bought_for) if bought_for and not source else (source, subject)
    if kind == "request":
        asked = syntax.mention_in(syntax.direct_objects(cue), actors)
        return asked or source, subject
    recipient = _recipient(cue, item, actors)
    supplier = _modifier(cue, actors) or _modifier(item, actors) or source
    if kind != "noun" or supplier is None:
        supplier = subject or supplier
    if supplier is not None and recipient is not None and supplier.id == recipient.id:
        supplier = _modifier(item, actors) or source
    return supplier, recipient


def _recipient(cue: Token, item: Token, actors: list[Mention]) -> Mention | None:
    targets = syntax.prep_objects(cue, {"to", "for", "into"}) + syntax.prep_objects(item, {"to", "for"})
    found = syntax.mention_in(targets, actors)
    if found is None and any(c.lower_ == "with" for c in cue.children):
        found = syntax.mention_in(syntax.direct_objects(cue), actors)
    if found is None:
        found = syntax.mention_in([c for c in cue.children if c.dep_ == "dative"], actors)
    return found or _after_to(cue, actors)


def _modifier(token: Token, actors: list[Mention]) -> Mention | None:
    mods = [c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < token.i]
    return syntax.mention_in(mods, actors)


def _after_to(cue: Token, actors: list[Mention]) -> Mention | None:
    """Fallback: the first actor right after a 'to' or 'for' that follows the cue in the sentence."""
    text = cue.sent.doc.text
    for mention in actors:
        if mention.start > cue.idx and re.search(r"\b(?:to|for)\s+(?:the\s+)?$", text[: mention.start]):
            return mention
    return None


def _amount_for(paragraph: Paragraph, sentence: SpacySpan, item: Mention) -> Amount | None:
    amounts = [a for a in paragraph.amounts if sentence.start_char <= a.start < sentence.end_char]
    if item.id in ("unspecified", "funding"):
        money = [a for a in amounts if a.is_money]
        if money:
            return min(money, key=lambda a: abs(a.start - item.start))
    counts = [
        a for a in amounts if not a.is_money and a.end <= item.start and _counts(paragraph.text, a, item)
    ]
    return counts[0] if counts else None


def _counts(text: str, amount: Amount, item: Mention) -> bool:
    gap = text[amount.end : item.start]
    before = text[max(0, amount.start - 30) : amount.start].split()
    designation = bool(before) and before[-1][:1].isupper() and not amount.text[:1].isalpha()
    return (
        len(gap.split()) <= MAX_GAP_WORDS
        and not re.search(r"[,;.()]", gap)
        and not designation
        and not YEAR.match(amount.text)
    )


def merge(candidates: list[Candidate]) -> list[Transfer]:
    """One transfer per (supplier, recipient, category): evidence and quantities pooled."""
    merged: dict[tuple, Transfer] = {}
    for candidate in candidates:
        transfer = merged.get(candidate.key)
        if transfer is None:
            merged[candidate.key] = _new_transfer(candidate)
            continue
        if candidate.span() not in transfer.evidence:
            transfer.evidence.append(candidate.span())
        if transfer.quantity is None and candidate.amount is not None:
            transfer.quantity = _quantity(candidate)
        _add_via(transfer, candidate)
        _add_sources(transfer, candidate.cited)
    return list(merged.values())


def _new_transfer(candidate: Candidate) -> Transfer:
    offset = candidate.paragraph.offset
    transfer = Transfer(
        supplier=_actor(candidate.supplier, offset),
        recipient=_actor(candidate.recipient, offset),
        item=Item(
            candidate.item.text,
            candidate.item.id or "unspecified",
            candidate.item.lethal,
            Span(offset + candidate.item.start, offset + candidate.item.end),
        ),
        quantity=_quantity(candidate) if candidate.amount else None,
        status=candidate.status,
        evidence=[candidate.span()],
    )
    _add_sources(transfer, candidate.cited)
    _add_via(transfer, candidate)
    return transfer


def _add_via(transfer: Transfer, candidate: Candidate) -> None:
    for mention in candidate.via:
        if all(v.id != mention.id for v in transfer.via):
            transfer.via.append(_actor(mention, candidate.paragraph.offset))


def _actor(mention: Mention, offset: int) -> Actor:
    return Actor(mention.id, mention.name, Span(offset + mention.start, offset + mention.end))


def _quantity(candidate: Candidate) -> Quantity:
    amount = candidate.amount
    assert amount is not None
    offset = candidate.paragraph.offset
    return Quantity(
        amount.text, amount.low, amount.high, amount.unit, Span(offset + amount.start, offset + amount.end)
    )


def _add_sources(transfer: Transfer, cited: list[Cited]) -> None:
    names = {s.name for s in transfer.sources}
    for item in cited:
        if item.source.name not in names:
            item.source.actor_id = item.actor_id
            transfer.sources.append(item.source)
            names.add(item.source.name)
