"""The stage an item's own phrase tells, whatever clause it stands in: one a hyphenated participle
says was supplied ("U.S.-supplied aircraft") or that a clause says has been used is delivered; one
named as what a commitment is for ("a contract for 24 Rafale jets") has the commitment's stage."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.clause import negated, stage_ancestors
from materiel.extract.described import described
from materiel.extract.stage import COMMITMENTS, in_use
from materiel.extract.syntax import cues, stage_word


def item_stage(item: Token) -> str | None:
    """The stage an item's own phrase tells: delivered when in use or supplied (delivered_already),
    else the stage of a commitment it is named as the object of (under_commitment)."""
    return "delivered" if delivered_already(item) else under_commitment(item)


def delivered_already(item: Token) -> bool:
    """An item a relative clause says has been used (stage.in_use) or a participle says was supplied."""
    return in_use(item) or _supplied(item)


# Participles that, after a hyphen, say who already gave the item: "U.S.-supplied aircraft",
# "Western-provided tanks", "German-donated howitzers" were handed over, whatever the clause
# around them says ("the figures don't include strikes with U.S.-supplied aircraft"). "-made" and
# "-built" name the maker, not a supply, and are left out.
SUPPLY_PARTICIPLES = {"supplied", "provided", "donated", "delivered", "gifted"}


def _supplied(item: Token) -> bool:
    """An item a hyphenated participle says was supplied: one token ("U.S.-supplied") or the
    participle after a hyphen token ("Western - provided")."""
    return any(c.dep_ in ("amod", "compound") and _after_hyphen(c) for c in item.children)


def _after_hyphen(word: Token) -> bool:
    head, hyphen, last = word.lower_.rpartition("-")
    if hyphen:
        return bool(head) and last in SUPPLY_PARTICIPLES
    return word.lower_ in SUPPLY_PARTICIPLES and word.i > 0 and word.doc[word.i - 1].tag_ == "HYPH"


def under_commitment(item: Token) -> str | None:
    """An item named as what a commitment is for ("a contract for 24 Rafale jets", "an order of 50
    tanks", "a bill for $40 billion in aid") has the commitment's stage, whatever verb governs the
    commitment ("acquired a frigate as part of a contract for 24 Rafales": the jets are on order)."""
    while item.dep_ == "conj" and item.head.i != item.i:
        item = item.head
    prep = item.head
    if item.dep_ != "pobj" or prep.lower_ not in COMMITTED_TO or prep.head.i == prep.i:
        return None
    noun = prep.head
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in COMMITMENTS:
        return None
    return _stage_above(noun) or described(noun) or negated(noun, cues().stage[lemma])


def _stage_above(noun: Token) -> str | None:
    """The stage a stage word above a commitment gives it ("cancelled the contract for jets")."""
    for ancestor in stage_ancestors(noun):
        word = stage_word(ancestor)
        if word is not None and ancestor.pos_ in ("VERB", "NOUN", "AUX", "ADJ"):
            return negated(ancestor, word)
    return None


# Prepositions that name what a commitment is for: "a contract for jets", "an order of tanks".
COMMITTED_TO = {"for", "of"}
