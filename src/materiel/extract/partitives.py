"""Partitives: where an item is the whole a part is taken from, the part is the count ("Of its 300
Leopards, Germany sent 18", "18 of its 300 Leopards": 18, not 300)."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.context import Paragraph
from materiel.extract.lexicon import Mention
from materiel.extract.quantities import Amount


def partitive_whole(paragraph: Paragraph, item: Mention) -> Token | None:
    """Where the item is the whole of a partitive, what takes the part: the number ("18 of its 300
    Leopards", "Of the 31 tanks promised, 10 have arrived") or the verb after a fronted "of" ("Of
    its 300 Leopards, Germany sent 18", "Out of 40 jets, ten went"); where the whole has a transfer
    clause of its own and the part's verb moves nothing, the whole's own number ("Two of the 14
    tanks Germany sent were destroyed": 14), or the whole itself, which takes no count."""
    span = paragraph.doc.char_span(item.start, item.end, alignment_mode="expand")
    token = syntax.compound_head(span.root) if span is not None else None
    if token is None or token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.dep_ != "prep":
        return None
    of = token.head.head if token.head.head.lower_ == "out" else token.head  # "out of 40 jets"
    holder = of.head
    if not (holder.like_num or (holder.pos_ in ("VERB", "AUX") and of.i < holder.i)):
        return None
    if _whole_moved_alone(token, holder):
        return next((c for c in token.children if c.dep_ == "nummod"), token)  # the whole's own count, or none
    return holder


# What a verb of the whole's own clause is to it ("the 14 tanks Germany sent", "the jets promised").
CLAUSE_DEPS = {"relcl", "acl"}
# Kinds of cue under which the part is what moved ("10 have arrived", "sent 18 of its tanks").
MOVING = {"transfer", "receive", "arrive"}


def _whole_moved_alone(whole: Token, holder: Token) -> bool:
    """Does the whole have a transfer clause of its own while the part's verb moves nothing ("Two
    of the 14 tanks Germany sent were destroyed": 14 were sent, two lost)?"""
    if not any(c.dep_ in CLAUSE_DEPS and syntax.cue_kind(c) in MOVING for c in whole.children):
        return False
    verb = holder.head if holder.like_num else holder
    return syntax.cue_kind(verb) not in MOVING


# What a fronted partitive's part is to its verb: "Germany sent 18", "10 have arrived", "18 were sent".
PART_DEPS = {"dobj", "nsubj", "nsubjpass", "attr"}


def part_count(amounts: list[Amount], holder: Token) -> Amount | None:
    """The part of the whole: the partitive's number, or the bare number its verb takes."""
    number = holder if holder.like_num else None
    number = number or next((c for c in holder.children if c.dep_ in PART_DEPS and c.like_num), None)
    if number is None:
        return None
    return next((a for a in amounts if a.start <= number.idx < a.end and not a.is_money), None)
