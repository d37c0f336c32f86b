"""How generic item names are written: a compound's joints as a hyphen or a space
(lexicon.Finder reads them)."""

from __future__ import annotations

import re

# A compound's joints in generic names: a hyphen or a space, as either spelling writes it
# ("first-aid kits", "air-defence systems", "night vision"): the names are keyed with spaces.
JOINT = re.compile(r"[\s-]+")
# The same joint as the finders match it in text: spaces, hyphens and a line's wrap, never a blank
# line between paragraphs ("... in the air" ending one, "Defence systems ..." opening the next).
JOINT_IN_TEXT = r"(?:[^\S\n]|-|\n(?![^\S\n]*\n))+"


def fold(name: str) -> str:
    """A generic name's key: case folded, its joints one space."""
    return JOINT.sub(" ", name.casefold())
