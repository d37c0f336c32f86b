"""The state whose industry makes a named system ("K2 tanks": South Korea), from the lexicon
`homes.json`; for telling the seller among two states a contract names. A state that sells on
the used systems of its forces (`resellers` there) may be the seller of a system another makes."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from materiel.extract.docindex import doc_text
from materiel.extract.lexicon import Mention, load


@lru_cache(maxsize=1)
def _homes() -> dict[str, str]:
    return {name: state for state, names in load("homes.json")["homes"].items() for name in names}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """Any designation as a whole word, a plural 's' allowed ("Rafales", "F-16s"); longest first."""
    names = sorted(_homes(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")s?(?![\w-])")


@lru_cache(maxsize=1)
def _resellers() -> dict[str, frozenset[str]]:
    return {name: frozenset(states) for name, states in load("homes.json")["resellers"].items()}


def resells(item: Token, state: str) -> bool:
    """Does the state sell on, second-hand, a system the item's phrase names that another state
    makes ("18 F-16 jets" and the Netherlands)?"""
    found = {m.group(1) for m in _pattern().finditer(_phrase(item))}
    return any(state in _resellers().get(name, ()) for name in found)


def _phrase(item: Token) -> str:
    """The item's phrase up to the item ("180 K2 tanks")."""
    return doc_text(item.doc)[item.left_edge.idx : item.idx + len(item.text)]


def home_state(item: Token) -> str | None:
    """The one state that makes the system the item's phrase names up to the item ("180 K2 tanks",
    "26 Rafales"), or None where it names none or systems of several states."""
    found = {_homes()[m.group(1)] for m in _pattern().finditer(_phrase(item))}
    return found.pop() if len(found) == 1 else None


# Verbs of buying whose buyer, with no seller named on the purchase, buys a named system from the
# state that makes it where the sentence names that state too ("told the US defence secretary that
# the air force will purchase 30 F-18 jets": the United States sells). A maker the sentence does not
# name is no named party (GUIDE: a required transfer names both), so "Lithuania agreed with Latvia
# to buy IRIS-T systems" reads none. Not 'receive' or 'get': a system received may come
# second-hand from any state that flies it.
BUYING = {"buy", "purchase", "procure", "acquire", "order"}
# Words that make a system bought a used one, sold on by whoever held it.
SECOND_HAND = {"used", "second-hand", "secondhand", "surplus", "ex", "former", "retired", "decommissioned"}
# Clauses under 'order' in its sense of a command ("ordered HIMARS units to strike the bridge"),
# and the directions it sends units in ("ordered the Bradley vehicles forward").
COMMANDED = {"xcomp", "ccomp", "oprd"}
DIRECTIONS = {"forward", "back", "out", "away", "home", "up"}


def system_maker(cue: Token, item: Token, buyer: Mention | None, actors: list[Mention]) -> Mention | None:
    """The sentence's mention of the state that makes the one named system a buying verb takes,
    as the seller of a purchase that names none: not the buyer's own industry (GUIDE: no transfer),
    not a system that states sell on second-hand (`resellers`), nor one the phrase says is used."""
    if cue.lemma_.lower() not in BUYING or buyer is None or any(_commands(c) for c in cue.children):
        return None
    names = [m.group(1) for m in _pattern().finditer(_phrase(item))]
    states = {_homes()[name] for name in names}
    if len(states) != 1 or any(name in _resellers() for name in names) or states == {buyer.id}:
        return None
    if any(t.lower_ in SECOND_HAND for t in item.subtree if t.i < item.i):
        return None
    state = states.pop()
    return next((m for m in actors if m.id == state and m.kind != "person"), None)


def _commands(child: Token) -> bool:
    """Does a dependent of 'order' make it a command rather than a purchase?"""
    return child.dep_ in COMMANDED or (child.dep_ in ("advmod", "prt") and child.lower_ in DIRECTIONS)
