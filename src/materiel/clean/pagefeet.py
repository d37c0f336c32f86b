"""A PDF's running header or footer that carries the page's number on its own line: the same
words each page, the number going up ("Congressional Research Service 1", ... 2, ... 3, or "4 |
Annual Report 2023"). structure.drop_duplicates drops every copy, as it drops a running line
that stands beside a page marker of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from materiel import regexcache

# The words and the page's number, the number first or last, perhaps set off by a bar or a dash.
NUMBERED = regexcache.compile(
    r"""^\s*(?:(?P<before>\d{1,3})\s*[|•·–—-]?\s+(?P<head>\D.*?)
      | (?P<tail>.*?\D)\s*[|•·–—-]?\s+(?P<after>\d{1,3}))\s*$""",
    re.VERBOSE,
)
# A running line is short, and its words without the number are at least this many (an author's
# office, a report's title: "Legislative Research Office 2").
MAX_RUNNING_CHARS = 150
MIN_RUNNING_WORDS = 3
# An article's own numbered headings put the number after the noun that counts its parts
# ("Delivery phase 2", "Part 3", "Tranche 4 of the package"): no running line.
COUNTED = regexcache.compile(
    r"""\b(?:phases?|parts?|chapters?|steps?|stages?|options?|scenarios?|lessons?|tranches?|packages?|rounds?
      |days?|weeks?|months?|years?|annex|appendix|sections?|tables?|figures?|maps?|charts?|recommendations?
      |findings?|questions?|points?|priority|priorities|goals?|objectives?|pillars?|items?|no\.?|number)$""",
    re.IGNORECASE | re.VERBOSE,
)
# Copies of it, at least this many, with the number going up by one or two (a page without its
# footer, a blank page) from copy to copy.
MIN_PAGES = 2
MAX_PAGE_STEP = 2
# Lines between two copies, at least this many (blank ones too): a list's numbered items
# ("Tranche 1 of the package", "Tranche 2 of the package") stand together, a blank line apart at
# most, where a page holds its paragraphs (and its running head, which may be gone already).
MIN_PAGE_LINES = 2
# Lines that end a sentence are the article's, whatever repeats.
ENDS_SENTENCE = (".", "!", "?", ":", ";")


def numbered_running_lines(lines: list[str], fold: Callable[[str], str]) -> set[str]:
    """The folded lines that are a page's running line with its number (`fold`: the key a line is
    compared by), every copy of each."""
    copies: dict[str, list[tuple[int, int, str]]] = {}
    for index, line in enumerate(lines):
        found = _numbered(line.strip())
        if found is not None:
            words, number = found
            copies.setdefault(fold(words), []).append((index, number, fold(line)))
    running: set[str] = set()
    for found in copies.values():
        if _paged(found):
            running.update(key for _, _, key in found)
    return running


def _numbered(line: str) -> tuple[str, int] | None:
    """The line's words and its number, where it reads as a running line with a page number."""
    if len(line) > MAX_RUNNING_CHARS or line.endswith(ENDS_SENTENCE):
        return None
    match = NUMBERED.match(line)
    if match is None:
        return None
    words = (match["head"] or match["tail"]).strip(" |•·–—-")
    if len(re.findall(r"[^\W\d_]+", words)) < MIN_RUNNING_WORDS or COUNTED.search(words) is not None:
        return None
    return words, int(match["before"] or match["after"])


def _paged(found: list[tuple[int, int, str]]) -> bool:
    """Whether the copies stand a page apart with the page's number going up."""
    if len(found) < MIN_PAGES:
        return False
    return all(0 < b[1] - a[1] <= MAX_PAGE_STEP and b[0] - a[0] - 1 >= MIN_PAGE_LINES for a, b in pairwise(found))
