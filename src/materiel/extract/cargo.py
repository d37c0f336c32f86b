"""Cargo: a ship, plane, train or convoy carrying materiel moves it ("a ship carrying shells from
Iran docked in Astrakhan", "the freighter was carrying drones to Iran", "a shipment of shells bound
for Ukraine"). The carrier is no party: the goods come from the 'from' (or their maker's name) and go
to the 'to', the 'bound for', the end of a voyage, or the place the carrier docks, lands or arrives."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.lexicon import Mention

# Verbs by which a carrier holds goods on their way ("a ship carrying shells", "transporting drones").
CARRYING = {"carry", "transport", "ferry", "haul", "convey"}
# Verbs of filling a carrier with goods ("a plane loaded with shells"), read with their 'with'.
LOADING = {"load", "lade", "pack", "fill", "stack", "cram"}
# Nouns of a carrier that moves goods (its lemma); not a weapon itself (a warship, a bomber).
CARRIERS = {
    "ship", "vessel", "freighter", "cargo", "barge", "boat", "tanker",  # by sea
    "plane", "aircraft", "airplane", "airliner", "airlifter", "flight",  # by air
    "train", "truck", "lorry", "convoy", "wagon", "railcar", "container",  # by land, or boxed
}  # fmt: skip
# Dependencies that link a verb to the carrier that is its subject, directly or through the verb it
# completes ("the ship was reported to be carrying", "a ship carrying": the participle on its noun).
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CLIMB_DEPS = {"xcomp", "ccomp", "conj"}
# How many verbs up a carrying verb may look for its carrier ("was said to be believed to carry").
MAX_CLIMB = 3
# Verbs of a carrier's arrival: the place it arrives at receives the goods ("docked in Astrakhan").
ARRIVING = {"dock", "land", "arrive", "reach", "berth", "unload", "moor", "call", "enter", "touch"}
# Prepositions after such a verb that name the place ("docked in", "landed at", "arrived to").
AT = {"in", "at", "to", "into"}
# Nouns of a journey whose 'from' and 'to' give the goods' source and destination ("on a voyage
# from Russia to Syria").
JOURNEYS = {"voyage", "journey", "way", "route", "trip", "passage", "run", "transit"}
# Words after which a 'for' names a destination ("bound for Ukraine", "destined for Israel").
DESTINED = {"bound", "destined", "headed", "heading", "intended", "earmarked"}


def carrier(verb: Token) -> Token | None:
    """The carrier noun a carrying or loading verb's goods travel in, if its subject is one."""
    lemma = verb.lemma_.lower()
    loads = lemma in LOADING and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    if lemma not in CARRYING and not loads:
        return None
    token = verb
    for _ in range(MAX_CLIMB):
        if token.dep_ in ("acl", "relcl") and _is_carrier(token.head):
            return token.head  # "a ship carrying shells", "the ship, which was carrying shells"
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects[0] if _is_carrier(subjects[0]) else None
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


# Prefixes of a ship's name ("the MV Seastar", "HMS Gannet"): the name is a carrier's.
SHIP_PREFIXES = {"mv", "m/v", "ms", "mt", "ss", "hms", "uss", "rfs", "ins"}
# Dependencies by which a name's description hangs from it ("the Seastar, a cargo ship,"; the
# parse may take the description for a clause: "a 9,000-tonne geared cargo ship").
DESCRIBING = {"appos", "relcl"}


def _is_carrier(noun: Token) -> bool:
    """A carrier noun, a ship's name ("the MV Seastar"), or a name set beside a carrier noun
    ("the Seastar, a cargo ship,")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.lemma_.lower() in CARRIERS:
        return True
    if any(c.dep_ == "compound" and c.lower_ in SHIP_PREFIXES for c in noun.children):
        return True
    described = [c for c in noun.children if c.dep_ in DESCRIBING]
    described += [g for c in described if c.dep_ == "relcl" for g in c.children if g.dep_ in ("dobj", "attr")]
    return any(c.lemma_.lower() in CARRIERS for c in described)


def brings_others(token: Token, item_heads: set[int]) -> bool:
    """Is the item a carrier that is the subject of a journey on which other materiel is moved
    ("transport planes went around German airspace on the way to deliver anti-tank weapons",
    "Russian transport aircraft delivered parts of the S-400"): the carrier moves them, it is not sent?"""
    if not _is_carrier(token) or token.dep_ not in SUBJECT_DEPS:
        return False
    verb = token.head
    return any(
        syntax.cue_kind(t) == "transfer"
        and any(g.i in item_heads for c in t.children if c.dep_ == "dobj" for g in c.subtree)
        for t in verb.subtree
        if t.i != token.i and t.pos_ == "VERB"
    )


def destination(cue: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """Where goods on the way go: 'bound for' on the goods, the cue or the carrier, the end of a
    voyage, the place the carrier docks or lands ("docked in Russia's port of Astrakhan")."""
    vessel = carrier(cue)
    heads = [h for h in (item, cue, vessel) if h is not None]
    targets = [t for h in heads for d in _destined(h) for t in treenames.prep_objects(d, {"for", "to"})]
    targets += [t for j in _journeys(cue) for t in treenames.prep_objects(j, {"to"})]
    found = treenames.mention_in(targets, actors)
    if found is None and vessel is not None:
        found = treenames.mention_in(_landing_places(vessel), actors)
    return found


def origin(cue: Token, actors: list[Mention]) -> Mention | None:
    """Where goods on the way come from, as the journey names it ("on a voyage from Russia")."""
    return treenames.mention_in([t for j in _journeys(cue) for t in treenames.prep_objects(j, {"from"})], actors)


def _destined(head: Token) -> list[Token]:
    return [c for c in head.children if c.dep_ in ("acl", "amod", "advcl") and c.lower_ in DESTINED]


def _journeys(cue: Token) -> list[Token]:
    """Journey nouns after a preposition on the cue ("carrying helicopters on a voyage")."""
    objects = [g for c in cue.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return [g for g in objects if g.lemma_.lower() in JOURNEYS]


def _landing_places(vessel: Token) -> list[Token]:
    """The places the verb the carrier is the subject of arrives at ("the plane landed in Riga")."""
    verb = vessel.head
    if vessel.dep_ not in SUBJECT_DEPS or verb.lemma_.lower() not in ARRIVING:
        return []
    return treenames.prep_objects(verb, AT) + [c for c in verb.children if c.dep_ == "dobj"]
