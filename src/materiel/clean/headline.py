"""The shape of a headline, which the steps that find other stories' links look for (the items
and the last lines of a story list, a page's closing headlines, headlines set between
paragraphs): a line of so many words, a capital, digit or quotation mark first, no sentence's
end, and lower-case words in it (sentence case, not a name or a label in capitals).
"""

from __future__ import annotations

import re

# A capital, digit or quotation mark first, after any marks (a bullet, a bracket, a dash).
HEADLINE_START = re.compile(r"^[\W_]*[A-Z0-9‘“'\"]")
# A lower-case word: a headline in sentence case, not a name or a label in capitals.
LOWER_WORD = re.compile(r"\s[a-z]{2,}\b")
# A sentence's end, then any closing marks: English “…”, German „…“ and ‚…‘, French «…» and
# Swiss »…« all close with one of these.
CLOSED = re.compile(r"""[.!?:;,…]["'”“’‘»«›‹)\]]*$""")


def headline_shaped(
    line: str,
    words: tuple[int, int],
    ended: re.Pattern[str],
    *,
    start: re.Pattern[str] | None = HEADLINE_START,
    lower: bool = True,
) -> bool:
    """Is the line built like a headline: `words` (fewest, most) words, an opening that `start`
    matches (None: any), no end that `ended` finds, and with `lower` a lower-case word in it."""
    low, high = words
    return (
        low <= len(line.split()) <= high
        and (start is None or start.match(line) is not None)
        and ended.search(line) is None
        and (not lower or LOWER_WORD.search(line) is not None)
    )
