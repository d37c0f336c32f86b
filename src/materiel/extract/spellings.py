"""How generic item names are written: a compound's joints as a hyphen or a space
(lexicon.Finder reads them), and a prefix hyphenated or closed up."""

from __future__ import annotations

import re
from typing import TypeVar

T = TypeVar("T")

# A compound's joints in generic names: a hyphen or a space, as either spelling writes it
# ("first-aid kits", "air-defence systems", "night vision"): the names are keyed with spaces.
JOINT = re.compile(r"[\s-]+")
# The same joint as the finders match it in text: spaces, hyphens and a line's wrap, never a blank
# line between paragraphs ("... in the air" ending one, "Defence systems ..." opening the next).
JOINT_IN_TEXT = r"(?:[^\S\n]|-|\n(?![^\S\n]*\n))+"


def fold(name: str) -> str:
    """A generic name's key: case folded, its joints one space."""
    return JOINT.sub(" ", name.casefold())


# Prefixes that American style closes up ("antiaircraft guns", "antitank missiles", "antimissile
# systems", "counterdrone"), where British style hyphenates them: a generic name that opens with
# one is read in both spellings.
CLOSED_PREFIXES = ("anti ", "counter ")


def closed_up(names: dict[str, T]) -> dict[str, T]:
    """The generic names with each name that opens with a closed-up prefix added closed up."""
    out = dict(names)
    for name, value in names.items():
        key = fold(name)
        for prefix in CLOSED_PREFIXES:
            if key.startswith(prefix):
                out.setdefault(prefix.rstrip() + key[len(prefix) :], value)
    return out
