"""Nearness to an act: a deal one is "close to", "near", "on the verge of" or "nearing" is not made
yet, and an act one is "on the verge of" or "close to" ("on the verge of buying jets") is not done.
The phrase of nearness also stands between the act and its doer ("Poland is on the verge of signing
a contract to buy jets": Poland buys), and counts as one step up to it."""

from __future__ import annotations

from spacy.tokens import Token

# Words of nearness: "close to a deal", "near a deal", "on the verge of", "on the brink of".
NEARING = {"close", "near", "verge", "brink"}
# Verbs of nearness whose object is not reached yet: "nears an agreement", "approaching a deal".
NEARING_VERBS = {"near", "approach"}
# The prepositions that join a word of nearness to what is neared: "close to", "verge of".
NEARING_PREPS = {"to", "of"}


def nearing(word: Token) -> bool:
    """A word only approached: "close to a deal", "on the verge of signing a contract", "nears an
    agreement", "approaching a deal", "on the verge of buying jets"."""
    head = word.head
    if word.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in NEARING_PREPS:
        return head.head.lemma_.lower() in NEARING
    return word.dep_ == "dobj" and head.lemma_.lower() in NEARING_VERBS


def nearness_holder(word: Token) -> Token | None:
    """The word a phrase of nearness above `word` hangs from ("is" in "is on the verge of signing",
    "is close to signing"): the doer of what is neared is found there. None without such a phrase."""
    if not nearing(word) or word.dep_ == "dobj":
        return None
    near = word.head.head
    if near.dep_ == "pobj" and near.head.dep_ == "prep":  # "on the verge of": "verge" under "on"
        return near.head.head
    return near.head if near.dep_ in ("acomp", "advmod", "prep") else None


def near_beside(cue: Token) -> bool:
    """An infinitive the parse hangs beside a phrase of nearness rather than on the deal it names
    ("Egypt is close to a deal to buy jets": 'to buy' on 'is'): the deal is neared, not made."""
    if cue.dep_ != "advcl" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children):
        return False
    for word in cue.head.children:
        if word.dep_ == "prep" and word.lower_ == "on":  # "is on the verge of a deal to buy"
            word = next((c for c in word.children if c.dep_ == "pobj"), word)
        if word.i < cue.i and word.lemma_.lower() in NEARING and _reaches(word):
            return True
    return False


def _reaches(near: Token) -> bool:
    """The word of nearness has its "to" or "of": "close to", "verge of"."""
    return any(c.dep_ == "prep" and c.lower_ in NEARING_PREPS for c in near.children)
