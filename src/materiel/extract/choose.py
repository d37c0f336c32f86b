"""Which triples an article reports: the rules' reading where they settled an item, and the
triples the learned scorer accepts among the items they left, built from their best sentence."""

from __future__ import annotations

from materiel.article import Actor, Item, Span, Transfer
from materiel.extract import syntax
from materiel.extract.amounts import amount_for
from materiel.extract.attribution import sentence_sources
from materiel.extract.candidates import base_stage
from materiel.extract.context import Context
from materiel.extract.lexicon import Mention
from materiel.extract.model import load_scorer
from materiel.extract.siblings import listed_siblings
from materiel.extract.transfers import add_sources, quantity_of, without_anaphoric_generics
from materiel.extract.triples import Sighting, Triple, find_triples, transfer_key


def scored_transfers(context: Context, rules: list[Transfer]) -> list[Transfer]:
    """The rules' transfers, then the triples the scorer accepts among the item mentions the
    rules left unsettled (no governing cue, or a side they could not find)."""
    scorer = load_scorer()
    known = {transfer_key(t) for t in rules}
    found = [t for t in find_triples(context, rules) if t.key not in known and scorer.accepts(t.features)]
    transfers = without_anaphoric_generics(rules + [_from_sighting(context, t) for t in found])
    transfers += listed_siblings(context, transfers)
    for transfer in transfers:
        if transfer.quantity is None:
            transfer.quantity = _quantity_elsewhere(context, transfer) or _worth(context, transfer)
    return transfers


def _worth(context: Context, transfer: Transfer):
    """An item with no count anywhere takes the money its own sentence gives it: "Patriot missiles
    worth $5.6 billion", "a $1 billion sale of drones", when no other item stands nearer it."""
    if transfer.item.span is None:
        return None
    start = transfer.item.span.start
    for paragraph in context.paragraphs:
        if paragraph.offset <= start < paragraph.offset + len(paragraph.text):
            local = start - paragraph.offset
            sentence = next(s for s in paragraph.doc.sents if s.start_char <= local < s.end_char)
            amount = _nearest_money(paragraph, sentence, local)
            supplier = transfer.supplier.id if transfer.supplier else None
            return quantity_of(amount, paragraph.offset, supplier) if amount is not None else None
    return None


def _nearest_money(paragraph, sentence, local: int):
    items = [m for m in paragraph.items if sentence.start_char <= m.start < sentence.end_char]
    money = [a for a in paragraph.amounts if a.is_money and sentence.start_char <= a.start < sentence.end_char]
    item = next(m for m in items if m.start == local)
    mine = [a for a in money if (_owner(paragraph, a, items) or min(items, key=lambda m: _gap(m, a))) is item]
    return min(mine, key=lambda a: _gap(item, a), default=None)


# How far up the parse an amount may look for the item it prices ("missiles worth about $5bn").
MAX_OWNER_CLIMB = 4


def _owner(paragraph, amount, items: list[Mention]) -> Mention | None:
    """The item an amount hangs from in the parse ("missiles worth $5.6 billion"), if any."""
    span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None:
        return None
    for ancestor in list(span.root.ancestors)[:MAX_OWNER_CLIMB]:
        owner = next((m for m in items if m.start <= ancestor.idx < m.end), None)
        if owner is not None:
            return owner
    return None


def _gap(item: Mention, amount) -> int:
    return max(item.start - amount.end, amount.start - item.end, 0)


def _quantity_elsewhere(context: Context, transfer: Transfer):
    """A transfer whose own sentences give no amount takes the first one the article gives for its
    kind of item in a sentence that names one of its parties ("The $725 million package for
    Ukraine ...", "hundreds of air defence missiles reached Ukraine")."""
    parties = {a.id for a in (transfer.supplier, transfer.recipient) if a is not None and a.id}
    supplier = transfer.supplier.id if transfer.supplier else None
    for paragraph in context.paragraphs:
        for sentence in paragraph.doc.sents:
            start, end = sentence.start_char, sentence.end_char
            inside = [m for m in paragraph.actors + paragraph.items if start <= m.start < end]
            if not {m.id for m in inside} & parties:
                continue
            for item in (m for m in inside if m.kind == "item" and m.id == transfer.item.category):
                amount = amount_for(paragraph, sentence, item)
                if amount is not None:
                    return quantity_of(amount, paragraph.offset, supplier)
    return None


def _from_sighting(context: Context, triple: Triple) -> Transfer:
    sighting = triple.best()
    paragraph, sentence, item = sighting.paragraph, sighting.sentence, sighting.item
    offset = paragraph.offset
    amount = amount_for(paragraph, sentence, item)
    transfer = Transfer(
        supplier=_actor(triple.supplier, sighting, 0),
        recipient=_actor(triple.recipient, sighting, 1),
        item=Item(item.text, item.id or "unspecified", item.lethal, Span(offset + item.start, offset + item.end)),
        quantity=quantity_of(amount, offset, triple.key[0]) if amount else None,
        status=_stage(sighting),
        evidence=[],
    )
    for other in [sighting, *(s for s in triple.sightings if s is not sighting and _names_both(s))]:
        start = other.paragraph.offset + other.sentence.start_char
        span = Span(start, start + len(other.sentence.text))
        if span not in transfer.evidence:
            transfer.evidence.append(span)
            add_sources(transfer, sentence_sources(context, other.paragraph, other.sentence))
    return transfer


def _names_both(sighting: Sighting) -> bool:
    """A sighting whose sentence names both parties: more evidence for the transfer, and its sources."""
    return sighting.features.get("both_sent") == 1.0


def _actor(mention: Mention, sighting: Sighting, side: int) -> Actor:
    """The actor with its span when it is named in the paragraph (a headline name has none)."""
    prefix = "s" if side == 0 else "r"
    named_here = sighting.features.get(f"{prefix}_sent") == 1.0 or sighting.features.get(f"{prefix}_prev") == 1.0
    in_paragraph = any(m == mention for m in sighting.paragraph.actors)
    span = Span(sighting.paragraph.offset + mention.start, sighting.paragraph.offset + mention.end)
    return Actor(mention.id, mention.name, span if named_here and in_paragraph else None)


def _stage(sighting: Sighting) -> str:
    """The stage the item's governing cue gives, as the rules read it; else what the sentence's
    first cue word gives; else 'delivered', the stage a bare report of materiel most often has."""
    span = sighting.paragraph.doc.char_span(sighting.item.start, sighting.item.end, alignment_mode="expand")
    cue = syntax.governing_cue(span.root, sighting.sentence) if span is not None else None
    if cue is None:
        cue = next((t for t in sighting.sentence if syntax.cue_kind(t)), None)
    return syntax.stage_of(cue, base_stage(cue)) if cue is not None else "delivered"
