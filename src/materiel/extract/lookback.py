"""Bounds for the patterns that look back from a position: a pattern anchored at its end
(`\\Z`, `$`) that spans at most a few words need not search all the text before the position,
which, before every number or name of a long paragraph, is a cost quadratic in the paragraph.
"""

from __future__ import annotations

import re


def words_back(text: str, end: int, words: int) -> int:
    """Where the last `words` runs of non-space characters before `end` begin (0 if fewer): a
    pattern whose match ends at `end` and holds at most that many runs and the spaces between and
    after them starts there or after, and the text before it is a space or nothing, so a `\\b` at
    that start reads the same as in the whole text."""
    at = end
    for _ in range(words):
        while at > 0 and text[at - 1].isspace():
            at -= 1
        while at > 0 and not text[at - 1].isspace():
            at -= 1
    return at


def ends_before(pattern: re.Pattern[str], text: str, end: int, words: int) -> re.Match[str] | None:
    """`pattern.search(text, 0, end)` for a pattern anchored at `end` whose match spans at most
    `words` runs of non-space characters, searched from where those runs begin only."""
    return pattern.search(text, words_back(text, end, words), end)
