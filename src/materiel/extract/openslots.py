"""Open slots: whether the cue that moves an item leaves its giver or its taker unsaid, or says it
by a pronoun, so that a party named only in the sentences before or in the headline may fill it.

"The howitzers were delivered in March" names no giver (an agentless passive); "the delivery of
20,000 vests" names neither side (a bare noun of transfer); "It will also send tanks" gives by a
pronoun. "Russia sent drones", "Iran's shipment of drones" and "tanks sent to Poland" fill the
slot with a party of their own, which a party from elsewhere cannot take. The scorer reads these
for a sighting whose supplier or recipient comes from outside the item's sentence
(`sighting_features.open_room`, `triples.py`).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import syntax

# What a slot holds: nothing, a pronoun or a definite stand-in for a party, or a named party (or
# any other words, which are no room for another party either).
OPEN, POINTED, FILLED = "open", "pointed", "filled"
# Pronouns that stand for a party named before ("it will send", "they delivered", "sent to them").
POINTING = {"it", "they", "we", "he", "she", "them", "us", "its", "their", "our", "his", "her"}
# Nouns that, with a definite article or demonstrative, stand for a state or company named before
# ("the country will send", "the company supplies").
STAND_INS = {
    "country", "nation", "government", "administration", "kingdom", "republic", "state", "ministry",
    "company", "firm", "manufacturer", "maker", "contractor", "alliance", "bloc", "regime",
}  # fmt: skip
DEFINITE = {"the", "this", "that"}
# Prepositions after which a party gives ("shipments from Iran", "sold by France") or takes
# ("sent to Ukraine", "aid for Israel").
GIVER_PREPS = {"from", "by"}
TAKER_PREPS = {"to", "for", "into"}
# Prepositions after which an arriving item's taker is named ("arrived in Ukraine").
ARRIVE_PREPS = {"in", "at", "to"}
SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass"}
# Dependencies by which a party sits on a noun of transfer as its giver ("Iran's shipment",
# "U.S. support", "British deliveries").
NOUN_GIVER_DEPS = {"poss", "compound", "amod", "nmod"}


def slots(cue: Token | None, actor_tokens: set[int]) -> tuple[str | None, str | None]:
    """What the cue's giver and taker slots hold (OPEN, POINTED, FILLED), or None for a slot the
    cue has not, or where no cue governs the item; `actor_tokens` are the indices of the tokens of
    the parties the sentence names."""
    fillers = slot_fillers(cue, actor_tokens)
    if fillers is None:
        return None, None
    givers, takers = fillers
    return held_by(givers, actor_tokens), held_by(takers, actor_tokens)


def slot_fillers(cue: Token | None, actor_tokens: set[int]) -> tuple[list[Token], list[Token]] | None:
    """The words that fill the cue's giver and its taker slot, by the kind of cue; None where no
    cue governs the item or the cue has no such slots."""
    if cue is None:
        return None
    kind = syntax.cue_kind(cue)
    if kind == "transfer" and cue.pos_ != "NOUN":
        return _verb_givers(cue), _verb_takers(cue)
    if kind in ("noun", "transfer"):
        return _noun_fillers(cue, actor_tokens)
    if kind == "contents":
        holder = next((c for c in cue.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS), None)
        return _noun_fillers(holder, actor_tokens) if holder is not None else ([], [])
    if kind in ("receive", "request"):
        return _preps(cue, GIVER_PREPS), _subject(cue)
    if kind == "arrive":
        return _preps(cue, GIVER_PREPS), _preps(cue, ARRIVE_PREPS) + [c for c in cue.children if c.dep_ == "dobj"]
    return None


def _verb_givers(verb: Token) -> list[Token]:
    """A verb of giving's giver: its active subject, or the agent of its passive or participle
    ("sold by France"); an agentless passive, a participle or a subjectless gerund has none."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agents or any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
        return agents
    return _subject(verb)


def _verb_takers(verb: Token) -> list[Token]:
    """A verb of giving's taker: its indirect object, its 'to' or 'for' object, or the object it
    equips 'with' the item ("supplied Kyiv with tanks")."""
    takers = [c for c in verb.children if c.dep_ in ("dative", "iobj")] + _preps(verb, TAKER_PREPS)
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        takers += [c for c in verb.children if c.dep_ == "dobj"]
    return takers


def _noun_fillers(noun: Token, actor_tokens: set[int]) -> tuple[list[Token], list[Token]]:
    """A noun of transfer's giver (its owner, a party on it, 'from' or 'by') and taker ('to',
    'for')."""
    givers = [c for c in noun.children if c.dep_ in NOUN_GIVER_DEPS and _names_party(c, actor_tokens)]
    givers += [c for c in noun.children if c.dep_ == "poss" and c.lower_ in POINTING]
    return givers + _preps(noun, GIVER_PREPS), _preps(noun, TAKER_PREPS)


def _subject(verb: Token) -> list[Token]:
    """The verb's subject, or that of the verb it is the complement of ("France plans to send")."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return subjects
        verb = verb.head


def _preps(head: Token, words: set[str]) -> list[Token]:
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in words for g in c.children if g.dep_ == "pobj"]


def held_by(fillers: list[Token], actor_tokens: set[int]) -> str:
    """OPEN with no filler, POINTED when every filler is a pronoun or a definite stand-in ("the
    country") and none names a party, else FILLED."""
    if not fillers:
        return OPEN
    if any(_names_party(f, actor_tokens) for f in fillers):
        return FILLED
    return POINTED if all(_pointing(f) for f in fillers) else FILLED


def _names_party(token: Token, actor_tokens: set[int]) -> bool:
    return any(t.i in actor_tokens for t in token.subtree)


def _pointing(token: Token) -> bool:
    if token.lower_ in POINTING:
        return True
    return token.lemma_.lower() in STAND_INS and any(c.lower_ in DEFINITE for c in token.children)


def actor_token_indices(sentence: SpacySpan, spans: list[tuple[int, int]]) -> set[int]:
    """The indices of the sentence's tokens that fall inside the parties' (start, end) offsets
    (offsets into the sentence's document)."""
    return {t.i for t in sentence for start, end in spans if start <= t.idx < end}
