"""The shape of a headline, which the steps that find other stories' links look for (the items
and the last lines of a story list, a page's closing headlines, headlines set between
paragraphs): a line of so many words, a capital, digit or quotation mark first, no sentence's
end, and lower-case words in it (sentence case, not a name or a label in capitals). And the copy
of the headline a wire's feed glues to the first paragraph ("(LEAD) Headline(ATTN: ...)By ..."),
which the title step drops.
"""

from __future__ import annotations

import re
from itertools import islice

from materiel import regexcache
from materiel.article import Article, Removal

# A headline glued into the first paragraph starts within this many characters of it (after a
# kicker such as "(LEAD) NK leader-rocket launchers"); further in, it is a sentence that quotes it.
MAX_KICKER_CHARS = 80
# ... in one of the first lines of the body (a date or publisher line may come before it).
GLUED_HEADLINE_LINES = 3
# A headline that short is not looked for: its words would match inside any paragraph.
MIN_GLUED_WORDS = 3
# A capital, digit or quotation mark first, after any marks (a bullet, a bracket, a dash).
HEADLINE_START = regexcache.compile(r"^[\W_]*[A-Z0-9‘“'\"]")
# A lower-case word: a headline in sentence case, not a name or a label in capitals.
LOWER_WORD = regexcache.compile(r"\s[a-z]{2,}\b")
# A sentence's end, then any closing marks: English “…”, German „…“ and ‚…‘, French «…» and
# Swiss »…« all close with one of these.
CLOSED = regexcache.compile(r"""[.!?:;,…]["'”“’‘»«›‹)\]]*$""")


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


def drop_glued_headline(article: Article) -> None:
    """ "(LEAD) NK leader-arms(LEAD) Headline here(ATTN: ...)By Kim ..." -> "(ATTN: ...)By Kim ...".
    A copy that a hard wrap broke across lines is looked for in the paragraph's lines together,
    where no line holds one alone."""
    title = article.title or ""
    if len(title.split()) < MIN_GLUED_WORDS:
        return
    squeezed = "".join(title.split()).lower()
    lines = article.text.split("\n")
    starts = list(islice((i for i, line in enumerate(lines) if line.strip()), GLUED_HEADLINE_LINES))
    for size in (lambda _i: 1, lambda i: _paragraph_size(lines, i)):
        for index in starts:
            count = size(index)
            block = "\n".join(lines[index : index + count])
            end = _end_of(block, squeezed)
            if end is not None and _glued(block, end):
                article.removed.append(Removal(block[:end].strip(), "title"))
                lines[index : index + count] = block[end:].lstrip().split("\n")
                article.text = "\n".join(lines)
                return


def _paragraph_size(lines: list[str], index: int) -> int:
    """How many lines from `index` on are not blank (the paragraph's, when a wrap broke it)."""
    return next((n for n, line in enumerate(lines[index:]) if not line.strip()), len(lines) - index)


def _end_of(line: str, squeezed: str) -> int | None:
    """Where a copy of the title (`squeezed`: its letters without spaces, lower case) ends in
    `line`, when it starts near the beginning; spacing inside it may differ ("exportsBy")."""
    head = line[: MAX_KICKER_CHARS + 2 * len(squeezed)]
    if squeezed not in "".join(head.split()).lower():
        return None  # the letters below, without their places: most lines hold no copy
    positions = [i for i, char in enumerate(head) if not char.isspace()]
    letters = "".join(head[i] for i in positions).lower()
    at = letters.find(squeezed) if len(letters) == len(positions) else -1
    if at < 0 or positions[at] > MAX_KICKER_CHARS:
        return None
    if re.search(r"[.!?]\s", line[: positions[at]]):
        return None  # a sentence ends before it: the headline is quoted inside the body
    return positions[at + len(squeezed) - 1] + 1


def _glued(line: str, end: int) -> bool:
    """A headline pasted into a paragraph is followed, without a space, by a capital or a bracket
    (the byline, an editor's note), or by a byline after a space."""
    after = line[end:]
    return after[:1].isupper() or after[:1] in ("(", "[") or re.match(r"\s+By\s", after) is not None
