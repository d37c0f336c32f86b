"""A sum told only by its order of magnitude ("billions in military aid", "millions of pounds")
gives way to an exact sum that its sentence or the next gives the same kind of item: "The US has
sent billions in aid to Ukraine. The latest $700 million package ..." is a $700 million transfer.
The vague sum is the background the article sets; the exact one the amount it reports."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span as SpacySpan

from materiel.article import Quantity, Transfer
from materiel.countries import is_state_id
from materiel.extract.context import Context, Paragraph
from materiel.extract.latercounts import next_sentence
from materiel.extract.quantities import Amount
from materiel.extract.singular import NOT_COUNTED
from materiel.extract.transfers import quantity_of

# How the money an item is given in a sentence is read (quantity_choice._nearest_money).
MoneyReader = Callable[[Paragraph, SpacySpan, int], Amount | None]

FIGURE = re.compile(r"\d")  # a written figure: "$700 million", not "billions"


def vague_sum(transfer: Transfer) -> bool:
    """Its quantity is money given as a range with no figure: "millions of pounds", "tens of
    billions", or a bare "billions" for aid or funding, which only money measures."""
    quantity = transfer.quantity
    priced = quantity is not None and (quantity.unit is not None or transfer.item.category in NOT_COUNTED)
    return priced and quantity.low != quantity.high and FIGURE.search(quantity.text) is None


def exact_nearby(context: Context, transfer: Transfer, money_of: MoneyReader) -> Quantity | None:
    """The first exact sum (a figure, one value) that the item's sentence or the one after gives an
    item of the transfer's kind, in a sentence that names no state but the transfer's."""
    span = transfer.item.span
    paragraph = context.paragraph_at(span.start) if span is not None else None
    if span is None or paragraph is None:
        return None
    local = span.start - paragraph.offset
    sentence = paragraph.sentence_holding(local)
    if sentence is None:
        return None
    places = [(paragraph, sentence)]
    following = next_sentence(context, paragraph, local)
    places += [following] if following is not None else []
    supplier = transfer.supplier.id if transfer.supplier else None
    involved = {a.id for a in (transfer.supplier, transfer.recipient, *transfer.via) if a is not None}
    for there, said in places:
        if _others_named(there, said, involved):
            continue  # "... billions to Ukraine. Britain pledged £300 million": another sender's sum
        for item in (m for m in there.items if said.start_char <= m.start < said.end_char):
            amount = money_of(there, said, item.start) if item.id == transfer.item.category else None
            if amount is not None and amount.is_money and amount.low == amount.high and FIGURE.search(amount.text):
                return quantity_of(amount, there.offset, supplier)
    return None


def _others_named(paragraph: Paragraph, sentence: SpacySpan, involved: set[str]) -> bool:
    """The sentence names a state that is none of the transfer's parties."""
    named = {m.id for m in paragraph.actors if sentence.start_char <= m.start < sentence.end_char}
    return any(is_state_id(i) and i not in involved for i in named)
