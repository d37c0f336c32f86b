"""Items a sentence names that are not what moves: the platform other items serve ("ammunition
for the Gepard guns"), what a sent weapon fights ("a system that can engage aircraft"),
weapons fired or attacked ("Russia launched 24 drones", "to suppress Taiwanese air defences")
and what forces lack ("shortages of munitions"). Candidates skip them and the scorer never sees them.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.lexicon import Mention
from materiel.extract.treenames import first_conjunct


def not_sent(items: list[Mention], heads: dict[int, Token | None]) -> set[int]:
    """The ids of the items (by `id()`) that are platforms, targets, weapons fired or attacked,
    or wants; `heads` maps each item's id to its head noun."""
    found = _platforms(items, heads) | _targets(items, heads) | _fired(items, heads)
    return found | _attacked(items, heads) | _lacked(items, heads)


# Items that buy or stand for others ("$1 billion for HIMARS", "military aid for tanks") do not
# make what follows "for" a platform.
_NOT_PLATFORM_USERS = {"funding", "unspecified"}


def _platforms(items: list[Mention], heads: dict) -> set[int]:
    """Items named after "for" on another, physical item ("ammunition for the Gepard guns"): the
    platform the first one serves, not a second thing transferred."""
    by_token = {heads[id(m)].i: m for m in items if heads[id(m)] is not None}
    served = set()
    for item in items:
        token = heads[id(item)]
        if token is None or token.dep_ != "pobj" or token.head.lower_ != "for":
            continue
        user = by_token.get(token.head.head.i)
        if user is not None and user is not item and user.id not in _NOT_PLATFORM_USERS:
            served.add(id(item))
    return served


# What a weapon does to its targets: an item that is the object of one of these verbs ("a system
# that can engage aircraft and ballistic missiles", "launchers to shoot down drones"), or follows
# "against" ("a defence against drones"), is what the sent item fights, not a second item sent.
TARGET_VERBS = {
    "engage",
    "intercept",
    "shoot",
    "down",
    "destroy",
    "hit",
    "track",
    "detect",
    "defeat",
    "counter",
    "neutralize",
    "neutralise",
    "target",
    "jam",
    "kill",
    "repel",
    "stop",
}


def _targets(items: list[Mention], heads: dict) -> set[int]:
    """Items a second item in the sentence is said to fight (see TARGET_VERBS)."""
    if len({m.id for m in items}) < 2:
        return set()
    out = set()
    for item in items:
        token = first_conjunct(heads[id(item)])
        if token is None:
            continue
        verb = token.head
        aimed = token.dep_ == "dobj" and verb.lemma_.lower() in TARGET_VERBS
        if aimed or (token.dep_ == "pobj" and verb.lower_ == "against"):
            out.add(id(item))
    return out


# Verbs of firing a weapon: its object is used where it stands, not sent ("Russia launched 24
# Shahed drones overnight"). A weapon named as sent to its user ("fired British-supplied
# missiles") keeps that reading.
FIRED_VERBS = {"launch", "fire"}


def _fired(items: list[Mention], heads: dict) -> set[int]:
    out = set()
    for item in items:
        token = first_conjunct(heads[id(item)])
        if token is None or token.dep_ != "dobj" or token.head.lemma_.lower() not in FIRED_VERBS:
            continue
        if not any(c.dep_ == "amod" and syntax.cue_kind(c) == "transfer" for c in token.children):
            out.add(id(item))
    return out


# Verbs of attacking a weapon: their object is the other side's, hit where it stands ("to
# suppress Taiwanese air defences", "Russia destroyed two HIMARS launchers"), not sent.
ATTACKED_VERBS = {
    "destroy",
    "suppress",
    "target",
    "strike",
    "hit",
    "bomb",
    "shell",
    "sink",
    "attack",
    "damage",
    "shoot",
    "intercept",
    "neutralize",
    "neutralise",
    "down",
    "destruct",
}


def aimed_at(cue: Token, recipient: Mention | None, actors: list[Mention]) -> bool:
    """The cue sends its items to a place in order to attack the same state ("threatened to move its
    missiles to Bogota so it could wipe out Colombia"): an attack, not a supply. A purpose aimed at another state
    ("sent drones to Russia to strike Ukraine") leaves the supply."""
    if recipient is None:
        return False
    top = cue
    while top.dep_ == "xcomp" and top.head.i != top.i:  # "start sending ... so it could destroy"
        top = top.head
    clauses = [c for c in top.subtree if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ATTACKED_VERBS]
    targets = [o for c in clauses for o in c.children if o.dep_ == "dobj"]
    target = treenames.mention_in(targets, actors)
    return target is not None and target.id == recipient.id


def _attacked(items: list[Mention], heads: dict) -> set[int]:
    """Items a verb of ATTACKED_VERBS takes as object, unless the sentence also says they are
    sent ("will destroy any F-16s that may be sent to Ukraine" still sends them)."""
    out = set()
    for item in items:
        token = first_conjunct(heads[id(item)])
        if token is None or token.dep_ != "dobj" or first_conjunct(token.head).lemma_.lower() not in ATTACKED_VERBS:
            continue
        if not any(syntax.cue_kind(t) is not None for t in token.subtree if t is not token):
            out.add(id(item))
    return out


# Nouns of want: what a state is "short of" is what it lacks ("forces face shortages of
# munitions"), a need, not a thing sent.
WANT_NOUNS = {"shortage", "lack", "dearth", "scarcity", "shortfall", "deficit"}


def _lacked(items: list[Mention], heads: dict) -> set[int]:
    """Items named after "of" on a noun of WANT_NOUNS."""
    out = set()
    for item in items:
        token = first_conjunct(heads[id(item)])
        of = token is not None and token.dep_ == "pobj" and token.head.lower_ == "of"
        if of and token.head.head.lemma_.lower() in WANT_NOUNS:
            out.add(id(item))
    return out
