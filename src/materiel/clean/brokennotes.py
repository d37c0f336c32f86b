"""Bracketed notes that a hard wrap broke across lines (fmt27).

A wire's note to its clients ("(ATTN: ADDS details in para 5)") and a teaser in brackets
("(RELATED: Other Story Headline)") are matched inside a line (boilerplate.INLINE). A text wrapped
at 72-80 columns may break one across two or three lines, where no line holds the whole note; the
lines are joined into paragraphs only later (clean/structure.py). Here a note that opens on a line
and does not close there is taken out with the lines it runs on to its closing bracket, and the
words before it on its first line and after it on its last are one line, as an unwrapped text
has them when its note is taken out.
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.article import Article, Removal

# A note's opening left unclosed at a line's end, with its kind: "(ATTN: ADDS more details in last".
OPENS = regexcache.compile(
    r"""\s*[(\[]\s*(?:(?P<attn>ATTN)                        # a wire's note to its clients (capitals)
                  |(?i:related|read\ more|see\ also|read\ also))   # a teaser for another story
        \s*:[^()\[\]\n]*$""",
    re.VERBOSE,
)
# The rest of a note on its closing line: words without a bracket, then the closing bracket.
CLOSES = regexcache.compile(r"^[^()\[\]\n]*[)\]]")
# Lines a note may run on over after its opening line: a note is at most 200 characters, three
# lines of the narrowest wrap.
NOTE_LINES = 2
_BRACKET = regexcache.compile(r"[()\[\]]")


def drop_broken_notes(lines: list[str], article: Article) -> list[str]:
    """`lines` with every note broken across lines taken out, each recorded as one removal."""
    if not any("(" in line or "[" in line for line in lines):
        return lines
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        opening = OPENS.search(line) if ":" in line else None
        end = _closing_line(lines, index) if opening else None
        if opening is None or end is None:
            out.append(line)
            index += 1
            continue
        closing = CLOSES.match(lines[end])
        assert closing is not None
        note = [opening.group().strip(), *(x.strip() for x in lines[index + 1 : end]), closing.group().strip()]
        article.removed.append(Removal(" ".join(note), "wire_marker" if opening.group("attn") else "read_more"))
        out.append(line[: opening.start()] + lines[end][closing.end() :])
        index = end + 1
    return out


def _closing_line(lines: list[str], start: int) -> int | None:
    """The index of the line after `start` that closes the note opened on it, if one does within
    NOTE_LINES lines of text; a blank line or another bracket first ends the search."""
    for index in range(start + 1, min(len(lines), start + 1 + NOTE_LINES)):
        if not lines[index].strip():
            return None
        if CLOSES.match(lines[index]):
            return index
        if _BRACKET.search(lines[index]):
            return None
    return None
