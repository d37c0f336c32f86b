"""A passive verb of giving: its subject is the one given to, the one 'by' it gives ("Ukraine was
promised 50 tanks by Poland", "Moldova will be provided with radars by Romania")."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.lexicon import Mention

# Verbs that take the one given to as the first object, so that in the passive the one given to
# is the subject and the thing given stays the object ("Ukraine was promised 50 tanks by Poland").
DITRANSITIVE = {"give", "send", "promise", "offer", "sell", "supply", "provide", "grant", "hand", "lend", "pledge"}
# Verbs whose passive takes the thing given after 'with' ("was supplied with tanks by Spain").
WITH_VERBS = {"supply", "provide", "equip", "arm"}
# Nouns of a state's own forces, which stand for the state a demonym names on them ("the Ukrainian
# army was handed jets": Ukraine receives them).
FORCES = {"army", "forces", "troops", "military", "navy", "defenders", "soldiers"}


def passive_sides(cue: Token, item: Token, actors: list[Mention]) -> tuple[Mention | None, Mention] | None:
    """'Ukraine was promised 50 tanks by Poland', 'Kyiv has been sent shells': the subject of a
    passive verb of giving whose object is the item receives it, and the one after 'by' (the
    parser's agent, or a plain 'by' it did not mark so, on the verb or on the item) gives it;
    None when it is no such clause."""
    if not _given_item(cue, item):
        return None
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass"]
    taker = treenames.mention_in(subjects, actors)
    if taker is None or (taker.kind == "demonym" and not any(s.lemma_.lower() in FORCES for s in subjects)):
        return None
    giver = by_party(cue, actors) or by_party(item, actors)  # "was given tanks by the US" hung on the item
    return (giver if giver is None or giver.id != taker.id else None), taker


def _given_item(cue: Token, item: Token) -> bool:
    """Is the item what the passive verb gives: its object, or its 'with' for a verb that arms?"""
    lemma = cue.lemma_.lower()
    if item.dep_ == "dobj" and item.head.i == cue.i:
        return lemma in DITRANSITIVE
    prep = item.head
    return item.dep_ == "pobj" and prep.lower_ == "with" and prep.head.i == cue.i and lemma in WITH_VERBS


def by_party(cue: Token, actors: list[Mention]) -> Mention | None:
    """The party 'by' a verb: the parser's agent, or a plain 'by' it did not mark so."""
    bys = [g for c in cue.children if c.dep_ in ("agent", "prep") and c.lower_ == "by" for g in c.children]
    return treenames.mention_in(bys, actors)
