"""The state whose industry makes a named system ("K2 tanks": South Korea), from the lexicon
`homes.json`; for telling the seller among two states a contract names. A state that sells on
the used systems of its forces (`resellers` there) may be the seller of a system another makes."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from materiel.extract.lexicon import load


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
    return item.doc.text[item.left_edge.idx : item.idx + len(item.text)]


def home_state(item: Token) -> str | None:
    """The one state that makes the system the item's phrase names up to the item ("180 K2 tanks",
    "26 Rafales"), or None where it names none or systems of several states."""
    found = {_homes()[m.group(1)] for m in _pattern().finditer(_phrase(item))}
    return found.pop() if len(found) == 1 else None
