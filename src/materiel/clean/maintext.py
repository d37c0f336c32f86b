"""The main text of an HTML page, fast: Resiliparse's main-content extraction, and how far the
result can be trusted.

The result is read from Resiliparse's minimal HTML output, so that each block (paragraph, list
item, line) is known with its link text: a block made mostly of links is a menu entry, a
related-story headline, a share bar or a tag list. The same such block coming back under each
of several posts is a page that lists posts, where a slower, more careful extractor pays off
(see `markup.html_to_text`); other link blocks the cleaning removes line by line.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from materiel import regexcache
from materiel.clean import cards

# Elements always skipped. Each is boilerplate on news pages (bench/html_extraction.py measures
# the whole; bench/RESULTS.md has the figures):
FAST_SKIP = (
    "header",  # the masthead, and the article's own header: headline, byline, date (the title is read first)
    "[class*=caption]",  # photo captions and credits
    "[class*=Caption]",  # the same in camel case ("newsCaption", "imageCaption"): class names match case
    "[class*=gallery]",  # slideshow widgets: "Image 1 of 8", "Caption", "Close"
    "[class*=newsletter]",  # sign-up boxes set inside the article
)
# Class-name fragments of page furniture, skipped too on the first, strict pass (matching ids as
# well costs time and changes nothing on the benchmark pages):
STRICT_SKIP_WORDS = (
    "share", "social", "subscribe", "promo",  # share bars, follow buttons, offers
    "related", "most-popular", "outbrain", "taboola", "widget",  # link lists and recommendation widgets
    "sidebar", "banner", "breadcrumb", "menu", "footer",  # the page around the article
    "author", "byline", "timestamp", "meta", "tags",  # who wrote it, when, filed under what
    "comment", "consent", "cookie", "overlay", "hidden", "slide",  # comments, notices, pop-ups, carousels
    "popup", "vjs-",  # more pop-ups; the controls of video.js players ("Current Time 0:00")
)  # fmt: skip
STRICT_SKIP = tuple(f"[class*={word}]" for word in STRICT_SKIP_WORDS)
# A strict result shorter than this (characters) may have lost the article to a furniture name
# ("entry-meta-body", say): a lenient pass (FAST_SKIP only) runs too, and the strict result is
# kept only if it keeps at least STRICT_KEEP_SHARE of the lenient one's text.
STRICT_MIN_CHARS = 500
STRICT_KEEP_SHARE = 0.5
# A result is trusted only if it is at least this long: less is not an article's text but a
# failed extraction (a caption, a teaser). On the benchmark pages no result is this short, and the
# two under 500 characters come out better from the fast pass than from trafilatura (F1 1.00
# against 0.82, 0.92 against 0.94: bench/RESULTS.md).
MIN_CONFIDENT_CHARS = 200
# ...and no block made of links (link text over LINK_BLOCK_SHARE of its text) comes back this
# many times: the same share bar or "read more" under each of several posts means a page that
# lists posts (a blog's front page, a tag page), where the fast extractor takes them all and
# trafilatura finds the one. Counting all link blocks instead (3 or more sent 24 of the 181
# benchmark pages on) is no better: in-text links, menus and story lists that the cleaning
# removes anyway send good pages on (bench/RESULTS.md).
MAX_LINK_REPEATS = 3
LINK_BLOCK_SHARE = 0.5

_TAG = regexcache.compile(r"<[^>]*>")
_LINK = regexcache.compile(r"<a\b[^>]*>(.*?)</a>", re.DOTALL)
_BREAK = regexcache.compile(r"<br\s*/?>")


@dataclass(frozen=True)
class FastText:
    text: str  # one block a line; list items start with a bullet, as in Resiliparse's plain text
    link_repeats: int  # how often the most repeated block made of links comes back

    @property
    def trusted(self) -> bool:
        return len(self.text) >= MIN_CONFIDENT_CHARS and self.link_repeats < MAX_LINK_REPEATS

    @property
    def doubt(self) -> str:
        """Why the result is not trusted, in words."""
        if len(self.text) < MIN_CONFIDENT_CHARS:
            return f"{len(self.text)} characters (under {MIN_CONFIDENT_CHARS})"
        return f"a block made of links {self.link_repeats} times ({MAX_LINK_REPEATS} or more)"


def fast_text(tree: HTMLTree) -> FastText:
    """The strict pass (FAST_SKIP and STRICT_SKIP); when it is not trusted, the lenient pass
    instead, unless the strict result keeps enough of the lenient one's text."""
    strict = _extract(tree, FAST_SKIP + STRICT_SKIP)
    if strict.trusted and len(strict.text) >= STRICT_MIN_CHARS:
        return strict
    lenient = _extract(tree, FAST_SKIP)
    return strict if len(strict.text) >= STRICT_KEEP_SHARE * len(lenient.text) else lenient


def _markup(tree: HTMLTree, skip: tuple[str, ...], main_content: bool = True) -> str:
    return extract_plain_text(
        tree,
        main_content=main_content,
        alt_texts=False,
        links=True,
        list_bullets=True,
        preserve_formatting="minimal_html",
        comments=False,
        post_meta=False,
        skip_elements=list(skip),
    )


def _extract(tree: HTMLTree, skip: tuple[str, ...]) -> FastText:
    """The pass's blocks, less teaser cards and link farms (clean/cards.py)."""
    blocks = []
    link_blocks: Counter[str] = Counter()
    open_link: str | None = None
    for markup, is_item in _blocks(_markup(tree, skip)):
        text = _plain(markup)
        if text:
            links = [_plain(a) for a in _LINK.findall(markup)] if "<a" in markup else []
            blocks.append(cards.block(markup, text, is_item, links, open_link))
            if blocks[-1].link_share > LINK_BLOCK_SHARE:
                link_blocks[text] += 1
        open_link = cards.link_state(markup, open_link)
    gone = cards.furniture(blocks)
    lines = [f"• {b.text}" if b.item else b.text for number, b in enumerate(blocks) if number not in gone]
    lines = _restore_lists(tree, skip, lines)
    return FastText("\n".join(lines), max(link_blocks.values(), default=0))


def _restore_lists(tree: HTMLTree, skip: tuple[str, ...], lines: list[str]) -> list[str]:
    """The main-content pass drops a short list (<ul>, <ol>) as if it were a menu, even where a
    kept line of the article announces it ("The package includes:"): a list right after a kept
    line that ends with a colon is put back under it, from the whole page's text."""
    following = [*lines[1:], ""]  # the line after each (one more when there is none: zip stops)
    announcing = (x.endswith(":") and not y.startswith("• ") for x, y in zip(lines, following, strict=False))
    if not any(announcing):
        return lines  # no line that may announce a list the pass dropped: the whole page is not read
    announced = _announced_lists(_markup(tree, skip, main_content=False))
    out: list[str] = []
    for number, line in enumerate(lines):
        out.append(line)
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if line.endswith(":") and not following.startswith("• "):
            out.extend(f"• {item}" for item in announced.get(line, []))
    return out


def _announced_lists(markup: str) -> dict[str, list[str]]:
    """The list items right after each line that ends with a colon, by that line's text; items
    made mostly of links (a menu's) are left out."""
    announced: dict[str, list[str]] = {}
    intro = None
    for block, is_item in _blocks(markup):
        text = _plain(block)
        if not text:
            continue
        if not is_item:
            intro = text if text.endswith(":") else None
        elif intro is not None and sum(len(_plain(a)) for a in _LINK.findall(block)) <= LINK_BLOCK_SHARE * len(text):
            announced.setdefault(intro, []).append(text)
    return announced


def _blocks(markup: str) -> Iterator[tuple[str, bool]]:
    """Each line of the minimal HTML, split at line breaks, and whether it is a list item."""
    for line in markup.split("\n"):
        is_item = line.lstrip().startswith("<li")
        if "<br" not in line:  # every break holds it; most lines have none, and are one block
            yield line, is_item
            continue
        for block in _BREAK.split(line):
            yield block, is_item


def _plain(markup: str) -> str:
    tagless = _TAG.sub("", markup) if "<" in markup else markup
    return " ".join(html.unescape(tagless).split())
