"""Partitives: where an item is the whole a part is taken from, the part is the count ("Of its 300
Leopards, Germany sent 18", "18 of its 300 Leopards": 18, not 300); a share of a counted whole is
that share of its count ("half of its 40 guns": 20)."""

from __future__ import annotations

import math

from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.context import Paragraph
from materiel.extract.docindex import doc_text
from materiel.extract.lexicon import Mention
from materiel.extract.quantities import Amount


def _of_object(paragraph: Paragraph, item: Mention) -> Token | None:
    """The item's head noun where it is the object of "of" ("18 of its 300 Leopards", "half of its
    40 guns": Leopards, guns); None where it is not."""
    span = paragraph.doc.char_span(item.start, item.end, alignment_mode="expand")
    token = syntax.compound_head(span.root) if span is not None else None
    if token is None or token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.dep_ != "prep":
        return None
    return token


def partitive_whole(paragraph: Paragraph, item: Mention) -> Token | None:
    """Where the item is the whole of a partitive, what takes the part: the number ("18 of its 300
    Leopards", "Of the 31 tanks promised, 10 have arrived") or the verb after a fronted "of" ("Of
    its 300 Leopards, Germany sent 18", "Out of 40 jets, ten went"); where the whole has a transfer
    clause of its own and the part's verb moves nothing, the whole's own number ("Two of the 14
    tanks Germany sent were destroyed": 14), or the whole itself, which takes no count."""
    token = _of_object(paragraph, item)
    if token is None:
        return None
    of = token.head.head if token.head.head.lower_ == "out" else token.head  # "out of 40 jets"
    holder = of.head
    if holder.lower_ in FRACTION_PARTS:
        return None  # "a third of its 60 jets": a share (fraction_of), though "third" reads as a number
    if not (holder.like_num or (holder.pos_ in ("VERB", "AUX") and of.i < holder.i)):
        return None
    if _whole_moved_alone(token, holder.head if holder.like_num else holder):
        return next((c for c in token.children if c.dep_ == "nummod"), token)  # the whole's own count, or none
    return holder


# What a verb of the whole's own clause is to it ("the 14 tanks Germany sent", "the jets promised").
CLAUSE_DEPS = {"relcl", "acl"}
# Kinds of cue under which the part is what moved ("10 have arrived", "sent 18 of its tanks").
MOVING = {"transfer", "receive", "arrive"}


def _whole_moved_alone(whole: Token, verb: Token) -> bool:
    """Does the whole have a transfer clause of its own while the part's verb moves nothing ("Two
    of the 14 tanks Germany sent were destroyed": 14 were sent, two lost)?"""
    if not any(c.dep_ in CLAUSE_DEPS and syntax.cue_kind(c) in MOVING for c in whole.children):
        return False
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


# Nouns of a share and the parts of the whole each names: "half of its 40 guns" (2), "a third of",
# "two-thirds of", "a quarter of", "10% of", "40 per cent of" (100).
FRACTION_PARTS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
    "%": 100, "percent": 100, "cent": 100,  # "10%", "10 percent", "10 per cent"
}  # fmt: skip
# Number words that say how many parts a share takes: "two-thirds", "three quarters".
PART_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def fraction_of(paragraph: Paragraph, item: Mention) -> Token | None:
    """The share noun the item is the whole of: "half of its 40 guns", "a third of the 60 carriers",
    "10% of its 200 vehicles" (half, third, %); None where the item is no share's whole."""
    token = _of_object(paragraph, item)
    if token is None:
        return None
    share = token.head.head
    return share if share.lower_ in FRACTION_PARTS and share.i < token.i else None


def fraction_count(amounts: list[Amount], share: Token, whole: Token) -> Amount | None:
    """The count a share takes of its whole's count: "half of its 40 guns" is 20, "two-thirds of its
    18 tanks" 12 (a whole that falls between two numbers gives both); the whole's count where the
    whole has a transfer clause of its own and the share's verb moves nothing; None where the whole
    has no count of its own ("half of its tanks") or the share's parts are not a number."""
    parts = _share_parts(share)
    number = next((c for c in whole.children if c.dep_ == "nummod"), None)
    count = next((a for a in amounts if number is not None and a.start <= number.idx < a.end and not a.is_money), None)
    if count is not None and count.start <= share.idx < count.end:
        return count  # the share is part of the number's words: "a quarter of a million shells"
    if count is not None and _whole_moved_alone(whole, share.head):
        return count  # "Half of the 40 tanks Germany sent were destroyed": 40 were sent
    if parts is None or count is None or count.low is None or count.high is None:
        return None
    low, high = count.low * parts / FRACTION_PARTS[share.lower_], count.high * parts / FRACTION_PARTS[share.lower_]
    start = min([share.idx, *(c.idx for c in share.children if c.dep_ == "nummod")])
    return Amount(doc_text(share.doc)[start : count.end], math.floor(low), math.ceil(high), None, start, count.end)


def _share_parts(share: Token) -> float | None:
    """How many parts the share takes: one for "half", "a third"; its number for "two-thirds",
    "10%", "40 per cent"."""
    number = next((c for c in share.children if c.dep_ == "nummod"), None)
    if number is None:
        return 1.0
    if number.lower_ in PART_WORDS:
        return float(PART_WORDS[number.lower_])
    try:
        return float(number.text.replace(",", ""))
    except ValueError:
        return None
