"""Aid a legislature votes for another state: "Congress approved $61bn in Ukraine aid", "the
Bundestag passed the Ukraine aid package".

A state's name compounded on an aid noun ("Ukraine aid", "the Israel aid bill") says whom the aid
is for or who gives it ("US aid"): English marks neither. When the noun is the object of a verb of
voting or enacting whose subject is another state (its legislature or government), the subject
gives and the compounded state receives; when both are one state ("Congress passed the US aid
bill"), nothing is read here.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.lexicon import Mention

# Verbs of a body that votes or enacts the money: approve, pass, authorise, sign (into law), adopt,
# clear (a chamber), back (in a vote), vote (for). A verb of opinion ("criticised the US aid") is
# not one: its subject may be anyone.
ENACTING_VERBS = {"approve", "pass", "authorize", "authorise", "sign", "adopt", "clear", "back", "vote"}
# Links between the aid noun and the verb: "approved $61bn in Ukraine aid" (dobj, prep, pobj),
# "passed the Ukraine aid bill" (compound, dobj), "voted for the Ukraine aid" (prep, pobj).
CLIMB_DEPS = {"compound", "pobj", "prep", "dobj", "nsubjpass", "nummod", "quantmod"}
# How far up the noun phrase the verb may be.
MAX_CLIMB = 5


def enacted_roles(cue: Token, subject: Mention | None, actors: list[Mention]) -> tuple[Mention, Mention] | None:
    """(supplier, recipient) when an aid noun with a state compounded on it is voted by another
    state's body, or None."""
    verb = _enacting_verb(cue)
    if verb is None or subject is None:
        return None
    compounded = _compounded_state(cue, actors)
    if compounded is None or compounded.id == subject.id:
        return None
    return subject, compounded


def _enacting_verb(cue: Token) -> Token | None:
    token = cue
    for _ in range(MAX_CLIMB):
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token if token.lemma_.lower() in ENACTING_VERBS else None
    return None


def _compounded_state(cue: Token, actors: list[Mention]) -> Mention | None:
    """The state's name compounded on the aid noun, or on the noun it is compounded on ("Ukraine"
    of "the Ukraine aid bill")."""
    nouns = [cue, cue.head] if cue.dep_ == "compound" else [cue]
    names = [c for n in nouns for c in n.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < cue.i]
    return treenames.mention_in(names, actors)
