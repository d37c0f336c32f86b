"""An institution named with its abbreviation: "Institute for the Study of War (ISW)".

A speaker is given with the abbreviation the article sets in brackets after its name, and an
abbreviation with the name the article spells out before it, so that either way of naming the
institution finds it.
"""

from __future__ import annotations

import re

# An institution's abbreviation in brackets right after its name ("the Institute for the Study of
# War (ISW)").
ABBREVIATED = r"\s*\((?P<short>[A-Z][A-Za-z]{0,2}[A-Z]{1,7})\)"
# An abbreviation alone, and the capitalised name spelled out before it in brackets, with the small
# words a name holds ("Institute for the Study of War (ISW)").
SHORT = re.compile(r"[A-Z][A-Za-z]{0,2}[A-Z]{1,7}")
# The name is a run of at most MAX_SPELLED_WORDS capitalised words on one line: searched over the
# whole article, an unbounded run of Title-Case lines (lists of headlines) costs quadratic time.
MAX_SPELLED_WORDS = 12
SPELLED_OUT = (
    r"(?P<long>[A-Z][\w'’-]*(?:[^\S\n]+(?:(?:of|for|and|the|on)[^\S\n]+){0,3}[A-Z][\w'’-]*)"
    + f"{{0,{MAX_SPELLED_WORDS}}})"
)


_ABBREVIATED_AT = re.compile(ABBREVIATED)


def with_short(name: str, text: str) -> str:
    """The name with the abbreviation the article gives it in brackets, if any; an abbreviation
    with the name the article spells out before it ("PYM": "Palestinian Youth Movement (PYM)")."""
    short = _first_abbreviated(name, text)
    if short and short.group("short") not in name:
        return f"{name} ({short.group('short')})"
    spelled_form = SHORT.fullmatch(name) and f"({name})" in text  # no pattern built for a name never so set
    spelled = re.search(SPELLED_OUT + r"\s*\(" + re.escape(name) + r"\)", text) if spelled_form else None
    spelled_out = spelled.group("long").removeprefix("The ") if spelled else ""
    if spelled_out.startswith(name[0]):
        return f"{spelled_out} ({name})"
    return name


def _first_abbreviated(name: str, text: str) -> re.Match[str] | None:
    """The brackets after the name's first occurrence that has them, as a search for the name
    followed by ABBREVIATED finds them, without compiling a pattern for each name."""
    at = text.find(name)
    while at >= 0:
        found = _ABBREVIATED_AT.match(text, at + len(name))
        if found:
            return found
        at = text.find(name, at + 1)
    return None
