"""Markup to text: HTML main-content extraction, and the Markdown left in scraped text.

HTML: Resiliparse's main-content extraction is fast; trafilatura is more accurate on pages with
comments, link lists and galleries, and about 30 times slower. We run Resiliparse first (without
comment sections, post metadata, or the page furniture in FAST_SKIP and STRICT_SKIP) and keep its
result when a cheap check says it reads like an article: long enough, most lines end a sentence.
Otherwise trafilatura (in its fast mode, favouring recall: cleaning removes the rest) decides.
Measured on the 181 pages of the article-extraction benchmark: see bench/RESULTS.md.
"""

from __future__ import annotations

import re

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from materiel.article import Article, Removal

# Elements the fast extractor always skips. Each is boilerplate on news pages (bench/html_extraction.py
# measures the effect of each):
FAST_SKIP = (
    "header",  # the masthead, and the article's own header: headline, byline, date (the title is read first)
    "[class*=caption]",  # photo captions and credits
    "[class*=gallery]",  # slideshow widgets: "Image 1 of 8", "Caption", "Close"
    "[class*=newsletter]",  # sign-up boxes set inside the article
)
# Class-name fragments of page furniture, skipped on a second, stricter pass (matching ids too
# costs time and changes nothing on the benchmark):
STRICT_SKIP_WORDS = (
    "share", "social", "subscribe", "promo",  # share bars, follow buttons, offers
    "related", "most-popular", "outbrain", "taboola", "widget",  # link lists and recommendation widgets
    "sidebar", "banner", "breadcrumb", "menu", "footer",  # the page around the article
    "author", "byline", "timestamp", "meta", "tags",  # who wrote it, when, filed under what
    "comment", "consent", "cookie", "overlay", "hidden", "slide",  # comments, notices, pop-ups, carousels
)  # fmt: skip
STRICT_SKIP = tuple(f"[class*={word}]" for word in STRICT_SKIP_WORDS)
# A strict result that does not read like an article is kept only if it keeps at least this share
# of the lenient result's text: on some pages the article itself sits in an element named like
# furniture ("entry-meta-body", say).
STRICT_KEEP_SHARE = 0.5
# A fast result is trusted only if it is at least this long (characters): short results are
# often a teaser or a gallery caption, where the fast extractor most often goes wrong,
MIN_CONFIDENT_CHARS = 500
# ...and if at most this many of its lines do not end a sentence: menus, labels, dates, link
# lists and teaser headlines do not; article paragraphs do (subheadings and list items do not
# either, hence the margin). On the benchmark pages a count routes fewer pages to trafilatura
# than a share does, at a better F1 (bench/RESULTS.md).
MAX_OPEN_LINES = 9
SENTENCE_ENDS = tuple('.!?"”»:)…')
# Pages deeper than this are hostile or broken; lxml and Resiliparse refuse or recurse on them.
MAX_HTML_CHARS = 5_000_000

_TITLE_META = ('meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]')


def html_to_text(article: Article) -> None:
    """Step: turn `article.html` into `title` and paragraph-separated `text`."""
    if article.html is None:
        return
    html = article.html[:MAX_HTML_CHARS]
    tree = HTMLTree.parse(html)
    article.title = article.title or page_title(tree)
    text = fast_text(tree)
    if not reads_like_article(text):
        import trafilatura  # imported here: most pages of a crawl never need it

        text = trafilatura.extract(html, fast=True, favor_recall=True, include_comments=False) or text
    article.text = _paragraphs(text)
    article.html = None


def fast_text(tree: HTMLTree) -> str:
    """Resiliparse's main content without FAST_SKIP and STRICT_SKIP; when that does not read like
    an article, without FAST_SKIP only, unless the strict result keeps enough of that one's text."""
    strict = _resiliparse(tree, FAST_SKIP + STRICT_SKIP)
    if reads_like_article(strict):
        return strict
    text = _resiliparse(tree, FAST_SKIP)
    return strict if len(strict) >= STRICT_KEEP_SHARE * len(text) else text


def _resiliparse(tree: HTMLTree, skip: tuple[str, ...]) -> str:
    return extract_plain_text(
        tree,
        main_content=True,
        alt_texts=False,
        links=False,
        list_bullets=True,
        preserve_formatting=True,
        comments=False,
        post_meta=False,
        skip_elements=list(skip),
    )


def reads_like_article(text: str) -> bool:
    """The cheap check on a fast extraction result (see the thresholds above)."""
    if len(text) < MIN_CONFIDENT_CHARS:
        return False
    lines = (line.strip() for line in text.split("\n"))
    open_lines = sum(1 for line in lines if line and not line.endswith(SENTENCE_ENDS))
    return open_lines <= MAX_OPEN_LINES


_SPACES = re.compile(r"[ \t\xa0]+")


def _paragraphs(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)


def page_title(tree: HTMLTree) -> str | None:
    for selector in _TITLE_META:
        node = tree.head.query_selector(selector) if tree.head else None
        if node is not None and node.getattr("content"):
            return _one_line(node.getattr("content"))
    h1 = tree.body.query_selector("h1") if tree.body else None
    if h1 is not None and h1.text.strip():
        return _one_line(h1.text)
    return _one_line(tree.title) if tree.title else None


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# Markdown that scrapers leave in text. Each pattern is (regex, replacement, why).
_MARKDOWN = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), "", "images carry no article text"),
    (re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*\)"), r"\1", "links keep their words"),
    (re.compile(r"(?<![\w*])\*\*([^*\n]+)\*\*(?![\w*])"), r"\1", "bold"),
    (re.compile(r"(?<![\w_])_([^_\n]+)_(?![\w_])"), r"\1", "underscore emphasis"),
    (re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])"), r"\1", "star emphasis"),
    (re.compile(r"`([^`\n]*)`"), r"\1", "inline code marks"),
)
# A heading line ("# Title") or a Setext underline ("=====") or a rule ("---", "***").
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_UNDERLINE = re.compile(r"^\s*(=+|-{3,}|\*{3,}|_{3,})\s*$")
_QUOTE_MARK = re.compile(r"^\s{0,3}>\s?")
# A line without any of these characters holds no Markdown: most lines, skipped at once.
_MARKUP_CHARS = re.compile(r"[\[*_`#>]|^\s*[=-]")  # "=" and "-" only start an underline


def strip_markdown(article: Article) -> None:
    """Step: drop Markdown syntax (links keep their text); a leading heading becomes the title."""
    lines = article.text.split("\n")
    out: list[str] = []
    for line in lines:
        if not _MARKUP_CHARS.search(line):
            out.append(line)
            continue
        if _UNDERLINE.match(line):
            if line.strip():
                article.removed.append(Removal(line.strip()[:40], "markdown_rule"))
            out.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
            if article.title is None and not any(x.strip() for x in out):
                article.title = line
        line = _QUOTE_MARK.sub("", line)
        for pattern, replacement, _why in _MARKDOWN:
            line = pattern.sub(replacement, line)
        out.append(line)
    article.text = "\n".join(out)
