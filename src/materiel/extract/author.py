"""Who speaks in a statement page: the author its title names.

Governments publish statements, remarks and readouts under titles that name who speaks ("Statement
from the Defence Secretary on ...", "Remarks by the President at ...", "Readout of the Foreign
Minister's Call with ..."). Everything such a page reports is reported by that person or office,
so the name is a source of each of its transfers. A fact sheet names no author and gives none.
"""

from __future__ import annotations

import re

from materiel.article import Source

# Words that end the author's name in a title: what the statement is about, where or when it
# was given ("Statement by X on ...", "Remarks by X at ...", "Statement from X Ahead of ...").
_AFTER = r"(?=\s+(?:on|at|in|to|before|during|after|following|ahead\s+of|regarding|about|marking|for)\b|\s*[:|–—-]\s|$)"
AUTHOR_TITLE = re.compile(
    rf"""
    ^\s*(?:
        (?:joint\s+)?statement\s+(?:from|by)\s+(?P<states>.+?){_AFTER}   # "Statement from/by X"
      | remarks\s+(?:by|of|from)\s+(?P<remarks>.+?){_AFTER}               # "Remarks by X at ..."
      | readout\s+of\s+(?P<readout>.+?)['’]s?\s+                           # "Readout of X's call with Y":
        (?:(?:phone|video|telephone)\s+)?(?:call|meeting|conversation|visit|trip|travel)\b  # X speaks
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Several authors are joined by "and" or a comma ("Secretary A and Adviser B").
_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
# A name longer than this is a title that only looks like the pattern (a headline's clause).
MAX_AUTHOR_WORDS = 8


def title_authors(title: str | None) -> list[Source]:
    """The people or offices a statement's title names as its authors (none for other titles)."""
    found = AUTHOR_TITLE.match(title or "")
    if found is None:
        return []
    named = next(group for group in found.groups() if group)
    authors = [part.strip() for part in _JOIN.split(named) if part.strip()]
    if any(len(author.split()) > MAX_AUTHOR_WORDS for author in authors):
        return []
    return [Source(name=author, kind="official") for author in authors]
