"""Page widgets that say where they begin and end: a list read aloud to screen readers ("list of 4
items" ... "end of list") and a carousel between its arrows ("caret-left" ... "caret-right").
A scraper that saves a page's text keeps those labels; what stands between them is the site's
list of other stories, dropped whole with reason `story_widget`.
"""

from __future__ import annotations

import re

from materiel.article import Article, Removal

REASON = "story_widget"
# The opening and closing labels of each kind of widget (whole lines, any case).
_OPENS = re.compile(r"^\W*(?:list\ of\ \d{1,2}\ items|caret[-\ ]left)\W*$", re.IGNORECASE | re.VERBOSE)
_CLOSES = re.compile(r"^\W*(?:end\ of\ list|caret[-\ ]right)\W*$", re.IGNORECASE | re.VERBOSE)
# A widget holds a few stories: past this many lines without its closing label, the opening
# label was a stray word and nothing is dropped.
MAX_WIDGET_LINES = 30


def drop_story_widgets(article: Article) -> None:
    """Step: drop each widget, its labels and the lines between them."""
    lines = article.text.split("\n")
    index = 0
    while index < len(lines):
        end = _closing(lines, index) if _OPENS.match(lines[index]) else None
        if end is None:
            index += 1
            continue
        widget = [line.strip() for line in lines[index : end + 1] if line.strip()]
        article.removed.append(Removal("\n".join(widget), REASON))
        del lines[index : end + 1]
    article.text = "\n".join(lines)


def _closing(lines: list[str], start: int) -> int | None:
    """The index of the line that closes the widget opened at `start`, if one comes soon."""
    for index in range(start + 1, min(len(lines), start + 1 + MAX_WIDGET_LINES)):
        if _CLOSES.match(lines[index]):
            return index
    return None
