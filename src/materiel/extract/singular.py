"""One item, for a transfer no sentence gives an amount: its item named in the singular after
"a", "an" or "another" ("a submarine", "another Patriot battery"), or ranked by an ordinal after
"the" or a possessive ("its second IRIS-T system"), in its own sentence or in one naming both
parties. The last counts quantity_choice.py tries, and the paragraph an offset stands in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Quantity, Span, Transfer
from materiel.countries import is_state_id
from materiel.extract import syntax
from materiel.extract.amounts import UNIT_NOUNS
from materiel.extract.context import Context, Paragraph

# Articles that count their noun as one ("an S-300 system", "a submarine", "another Patriot
# battery"), and the categories an article does not count that way ("an aid package" is no number
# of items).
ONE = {"a", "an", "another"}
# Determiners that count their singular noun as one only with an ordinal before it: "the third
# Patriot battery", "its second IRIS-T system" are one battery, one system (the ordinal ranks it,
# it counts nothing), where "the Patriot battery" points back and counts nothing.
DEFINITE = {"the", "its", "their", "his", "her"}
ORDINAL = re.compile(
    r"""\A(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth  # the third battery
        |\d+(?:st|nd|rd|th)                                                  # the 3rd battery
        )\Z""",
    re.IGNORECASE | re.VERBOSE,
)
# Nouns after an item's name that are one piece of it ("a Patriot battery"); any other noun there
# is not the item ("an F-16 fleet", "a Patriot sale").
ONE_UNITS = {"battery", "system", "launcher", "unit", "piece", "vessel", "ship", "aircraft", "jet", "platform"}
NOT_COUNTED = {"funding", "unspecified"}


def single(context: Context, transfer: Transfer) -> Quantity | None:
    """An item with no amount anywhere, named in the singular with "a"/"an", is one item."""
    if transfer.item.span is None or transfer.item.category in NOT_COUNTED:
        return None
    paragraph = context.paragraph_at(transfer.item.span.start)
    return _one(paragraph, *_local(paragraph, transfer.item.span)) if paragraph is not None else None


def single_elsewhere(context: Context, transfer: Transfer) -> Quantity | None:
    """Else one, where a sentence naming both parties and no other state names its kind of item in
    the singular with "a"/"an" ("China has transferred a submarine to Myanmar")."""
    if transfer.item.category in NOT_COUNTED:
        return None
    for paragraph, sentence in _sentences_naming_both(context, transfer):
        for item in paragraph.items:
            if sentence.start_char <= item.start < sentence.end_char and item.id == transfer.item.category:
                one = _one(paragraph, item.start, item.end)
                if one is not None:
                    return one
    return None


def _sentences_naming_both(context: Context, transfer: Transfer) -> Iterator[tuple[Paragraph, SpacySpan]]:
    """(paragraph, sentence) of each sentence naming the supplier and the recipient, no other state."""
    parties = {a.id for a in (transfer.supplier, transfer.recipient) if a is not None and a.id}
    involved = parties | {a.id for a in transfer.via}
    for paragraph in context.paragraphs:
        for sentence in paragraph.doc.sents:
            named = {m.id for m in paragraph.actors if sentence.start_char <= m.start < sentence.end_char}
            if len(parties) == 2 and parties <= named and not any(is_state_id(i) and i not in involved for i in named):
                yield paragraph, sentence


def _one(paragraph: Paragraph, start: int, end: int) -> Quantity | None:
    """One, for an item mention (paragraph offsets) whose noun is singular after "a"/"an"."""
    span = paragraph.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = syntax.compound_head(span.root)  # "a Patriot battery": battery
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in UNIT_NOUNS:
        head = head.head.head  # "a battery of Patriot missiles": battery
    article = next((t for t in head.children if t.dep_ == "det" and t.lower_ in ONE), None) or _ranked(head)
    outside = not span.start <= head.i < span.end
    if head.tag_ != "NN" or article is None or (outside and head.lemma_.lower() not in ONE_UNITS):
        return None
    start = paragraph.offset + article.idx
    return Quantity(article.text, 1, 1, None, Span(start, start + len(article.text)))


def _ranked(head: Token) -> Token | None:
    """The ordinal of a singular noun after "the" or a possessive ("the third Patriot battery")."""
    if not any(t.dep_ in ("det", "poss") and t.lower_ in DEFINITE for t in head.children):
        return None
    return next((t for t in head.children if t.dep_ == "amod" and ORDINAL.match(t.text)), None)


def _local(paragraph: Paragraph, span: Span) -> tuple[int, int]:
    return span.start - paragraph.offset, span.end - paragraph.offset
