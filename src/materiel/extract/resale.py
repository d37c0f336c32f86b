"""Resale chains: an item sold to one state and passed on to another ("Seoul sold shells to
Washington, which forwarded them to Kyiv", "Korean shells sold to the United States are being sent
on to Ukraine"). GUIDE keeps the first seller as the supplier and makes the middle state via; the
last one named receives."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.lexicon import Mention

# Verbs that pass an item on by themselves ("forwarded them to Kyiv", "were resold to Yemen"; the
# parser leaves "resold" as its own lemma).
ONWARD = {"forward", "resell", "resold", "reexport", "transship", "tranship"}
# Verbs that pass an item on with the particle 'on' ("passed on to", "sent on to", "handed on to").
ONWARD_WITH_ON = {"pass", "send", "hand", "ship", "sell", "give", "transfer"}
# Dependencies of the clause telling the second step: a relative clause on the middle state
# ("Washington, which forwarded them"), or the verb the item is the subject of ("shells sold to the
# US are being sent on").
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def onward_recipient(cue: Token, middle: Mention, actors: list[Mention]) -> Mention | None:
    """The state an item the cue gave to `middle` was passed on to, where the sentence tells it:
    a relative clause on the middle state, or the verb of which the item the cue's participle
    describes is the subject."""
    span = cue.doc.char_span(middle.start, middle.end, alignment_mode="expand")
    steps = [c for c in span.root.children if c.dep_ == "relcl"] if span is not None else []
    if cue.dep_ == "acl" and cue.head.dep_ in SUBJECT_DEPS:
        steps.append(cue.head.head)  # "shells sold to the US are being sent on to Ukraine"
    found = [treenames.mention_in(treenames.prep_objects(s, {"to"}), actors) for s in steps if _onward(s)]
    return next((m for m in found if m is not None and m.id != middle.id), None)


# Verbs of a sale or gift told on the item before it is passed on ("shells sold to the United States").
FIRST_STEPS = {"sell", "supply", "deliver", "export", "give", "provide"}


def middle_holder(cue: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """The state an item the cue passes on was first sold to ("Korean shells sold to the United
    States are being sent on to Ukraine": the United States), told by a participle on the item."""
    if not _onward(cue):
        return None
    steps = [c for c in item.children if c.dep_ == "acl" and c.lemma_.lower() in FIRST_STEPS]
    return treenames.mention_in([t for s in steps for t in treenames.prep_objects(s, {"to"})], actors)


def _onward(verb: Token) -> bool:
    """Does the verb pass an item on ('forwarded', 'resold', 'passed on', 'sent on')?"""
    lemma = verb.lemma_.lower()
    if lemma in ONWARD:
        return True
    return lemma in ONWARD_WITH_ON and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)
