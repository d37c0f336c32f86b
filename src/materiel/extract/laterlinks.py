"""Which transfer a later sentence tells of (laterstage.py): the ones with evidence a few sentences
before it, of the category its item phrase names, or, for a phrase that takes an item up by its
head word alone ("armoured vehicles ... The vehicles are on their way"), the one whose item ends
in that word; and whether the sentence names no party but the transfer's own."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Transfer
from materiel.extract.context import Paragraph
from materiel.extract.docindex import mentions_within

# How many sentences after a transfer's evidence a phrase may take its items up again.
LOOK_AHEAD_SENTENCES = 3
Sentences = list[tuple[Paragraph, SpacySpan]]
# What a plural subject no lexicon names as an item ("The systems arrived") goes by: its head word.
HEAD_ONLY = "head word"


def told_of(
    sentences: Sentences, index: int, transfers: list[Transfer], category: str | None, root: Token | None
) -> list[Transfer]:
    """The earlier transfers a phrase tells of: those of its item's category (any, for none), else
    those whose item's last word it takes up ("armoured vehicles ... The vehicles are on their
    way", "air defence systems ... The systems arrived"), whatever category it has alone."""
    if category != HEAD_ONLY:
        found = earlier_transfers(sentences, index, transfers, category)
        if found or root is None:
            return found
    return [t for t in earlier_transfers(sentences, index, transfers, None) if _head_word(t) == root.lower_]


def _head_word(transfer: Transfer) -> str | None:
    words = transfer.item.text.lower().split()
    return words[-1] if words else None


def earlier_transfers(
    sentences: Sentences, index: int, transfers: list[Transfer], category: str | None
) -> list[Transfer]:
    """The transfers (of the category, if any) with evidence a few sentences before this one."""
    window = range(max(0, index - LOOK_AHEAD_SENTENCES), index)
    starts = {sentences[i][0].offset + sentences[i][1].start_char for i in window}
    return [t for t in transfers if category in (None, t.item.category) and any(e.start in starts for e in t.evidence)]


def only_its_sides(paragraph: Paragraph, sentence: SpacySpan, transfer: Transfer) -> bool:
    """Does the sentence name no party but the transfer's own?"""
    sides = {a.id for a in (transfer.supplier, transfer.recipient) if a is not None}
    named = {m.id for m in mentions_within(paragraph.doc, paragraph.actors, sentence.start_char, sentence.end_char)}
    return named <= sides
