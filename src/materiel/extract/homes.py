"""The state whose industry makes a named system ("K2 tanks": South Korea), from the lexicon
`homes.json`; for telling the seller among two states a contract names."""

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


def home_state(item: Token) -> str | None:
    """The one state that makes the system the item's phrase names up to the item ("180 K2 tanks",
    "26 Rafales"), or None where it names none or systems of several states."""
    doc = item.doc
    phrase = doc.text[item.left_edge.idx : item.idx + len(item.text)]
    found = {_homes()[m.group(1)] for m in _pattern().finditer(phrase)}
    return found.pop() if len(found) == 1 else None
