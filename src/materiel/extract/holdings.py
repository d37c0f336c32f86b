"""Items an inventory lists: what a state's fleet, arsenal or forces include is what it holds,
not what anyone moves ("the Peruvian navy's fleet comprises six submarines", "the army's
inventory includes 300 Leopard tanks", "the islands' air defences include four Typhoon jets")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract.cuekinds import holds_cue
from materiel.extract.itemstage import SUPPLY_PARTICIPLES
from materiel.extract.treenames import first_conjunct

# Verbs by which a holding lists what is in it.
LISTING_VERBS = {"include", "comprise", "consist", "number", "contain", "feature", "boast"}
# Nouns of a holding: a fleet, an arsenal, a stock, forces and their services, defences.
HOLDING_NOUNS = {
    "fleet", "inventory", "arsenal", "stockpile", "stock", "holding", "armoury", "armory",
    "force", "forces", "army", "navy", "military", "defence", "defences", "defense", "defenses",
}  # fmt: skip


# A "-supplied" or "-made" word in the sentence: the holding came from someone ("US-supplied F-16s").
SUPPLIED = re.compile(rf"-(?:{'|'.join(sorted(SUPPLY_PARTICIPLES))}|made|built)\b", re.IGNORECASE)


def inventoried(item: Token | None) -> bool:
    """The item is what a verb of `LISTING_VERBS` lists (its object, or the object of "of" after
    "consist") for a subject of `HOLDING_NOUNS`, no maker is named on it and nothing in the
    sentence moves it."""
    item = first_conjunct(item)
    if item is None or SUPPLIED.search(item.sent.text) or holds_cue(item.sent) or _maker_named(item):
        return False
    verb = item.head.head if item.dep_ == "pobj" and item.head.lower_ == "of" else item.head
    if item.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB" or verb.lemma_.lower() not in LISTING_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in HOLDING_NOUNS or s.lower_ in HOLDING_NOUNS for s in subjects)


def _maker_named(item: Token) -> bool:
    """A demonym or a capitalised adjective before the item ("Russian tanks"): who made it is
    named, which the scorer may weigh."""
    return any(t.pos_ == "ADJ" and t.text[:1].isupper() for t in item.subtree if t.i < item.i)


def holding_of(cue: Token) -> Token | None:
    """The subject of a listing verb when it is a holding ("Ukraine's fleet includes ...": fleet)."""
    if cue.pos_ != "VERB" or cue.lemma_.lower() not in LISTING_VERBS:
        return None
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    return next((s for s in subjects if s.lemma_.lower() in HOLDING_NOUNS or s.lower_ in HOLDING_NOUNS), None)
