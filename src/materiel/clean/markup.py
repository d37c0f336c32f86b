"""Markup to text: HTML main-content extraction, and the Markdown left in scraped text.

HTML: Resiliparse's main-content extraction is fast; trafilatura is more accurate on pages with
comments, link lists and galleries, and about 30 times slower. We run Resiliparse first
(`maintext.fast_text`) and keep its result when it can be trusted: not a failed extraction (a
few words), and not several posts of one page (the same block of links under each). Otherwise
trafilatura (in its fast mode, favouring recall: cleaning removes the rest) decides. Measured
on the 181 pages of the article-extraction benchmark: bench/RESULTS.md.
"""

from __future__ import annotations

import re

from resiliparse.parse.html import HTMLTree

from materiel import regexcache
from materiel.article import Article, Removal, Repair
from materiel.clean.htmldepth import check_depth
from materiel.clean.maintext import fast_text
from materiel.clean.structure import join_shortened_wraps

# Characters of a page parsed: a news page is a few hundred thousand; the rest of a longer one is
# cut off, as the parse's time grows with its length (a page nested too deep: clean/htmldepth.py).
MAX_HTML_CHARS = 5_000_000

_TITLE_META = ('meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]')
# Of the first few <h1> of a page, the first with a few words is its headline (the others, and
# empty ones, are logos and widgets).
MAX_H1 = 3
MIN_HEADING_WORDS = 3
# Share of the declared title's words a heading must hold to be taken as the same headline. The
# site's name after a declared title ("| Site") costs a word or two; a different text shares few.
HEADING_AGREEMENT = 0.6


def html_to_text(article: Article) -> None:
    """Step: turn `article.html` into `title` and `text`, one paragraph a line."""
    if article.html is None:
        return
    html = article.html[:MAX_HTML_CHARS]
    check_depth(html)  # before the parse: its time, in C, grows with the square of the depth
    tree = HTMLTree.parse(html)
    article.title = article.title or page_title(tree)
    fast = fast_text(tree)
    text = fast.text
    if not fast.trusted:
        with regexcache.stored_imports():  # its modules' patterns, and its helpers', from the file
            import trafilatura  # imported here: most pages of a crawl never need it

        text = trafilatura.extract(html, fast=True, favor_recall=True, include_comments=False) or text
        article.notes.append(f"main text by trafilatura: the fast result had {fast.doubt}")
    article.text = _paragraphs(text)
    article.html = None
    article.from_html = True


_SPACES = regexcache.compile(r"[ \t\xa0]+")


def _paragraphs(text: str) -> str:
    if "  " in text or "\t" in text or "\xa0" in text:  # else each run of _SPACES is one space already
        text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]  # _SPACES holds no line break
    return "\n".join(line for line in lines if line)  # one paragraph a line; `layout` spaces them


def page_title(tree: HTMLTree) -> str | None:
    """The headline a reader sees: the page's first-level heading when it agrees with the title
    the page declares for sharing (often shortened), else that title; <title> last."""
    declared = next((t for t in (_meta(tree, s) for s in _TITLE_META) if t), None)
    heading = _first_h1(tree)
    if heading and (declared is None or _agree(heading, declared)):
        return heading
    return declared or heading or (_one_line(tree.title) if tree.title else None)


def _meta(tree: HTMLTree, selector: str) -> str | None:
    node = tree.head.query_selector(selector) if tree.head else None
    return _one_line(node.getattr("content")) if node is not None and node.getattr("content") else None


def _first_h1(tree: HTMLTree) -> str | None:
    for node in tree.body.query_selector_all("h1")[:MAX_H1] if tree.body else []:
        text = _one_line(node.text)
        if len(text.split()) >= MIN_HEADING_WORDS:
            return text
    return None


def _agree(heading: str, declared: str) -> bool:
    """Most words of the declared title stand in the heading (a site logo in <h1> shares none)."""
    words = set(re.findall(r"\w+", declared.casefold()))
    return bool(words) and len(words & set(re.findall(r"\w+", heading.casefold()))) >= HEADING_AGREEMENT * len(words)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# Markdown that scrapers leave in text. Each pattern is (regex, replacement, why).
_MARKDOWN = (
    (regexcache.compile(r"!\[([^\]]*)\]\([^)]*\)(?:\{[^{}\n]*\})?"), "", "images carry no article text"),
    (regexcache.compile(r"\[([^\]]*)\]\{[^{}\n]*\}"), r"\1", "Pandoc spans and anchors keep their words"),
    (
        regexcache.compile(r"\[\s*\]\((?:[^()\s<]|<[^>\n]*>|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"),
        "",
        "links without words are icons (share, follow)",
    ),
    (regexcache.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"), r"\1", "links keep their words"),
    (regexcache.compile(r"(?<![\w_])___([^_\n]+)___(?![\w_])"), r"\1", "bold italics"),
    (regexcache.compile(r"(?<![\w*])\*\*\*([^*\n]+)\*\*\*(?![\w*])"), r"\1", "bold italics"),
    (regexcache.compile(r"(?<![\w_])__([^_\n]+)__(?![\w_])"), r"\1", "bold"),
    (regexcache.compile(r"(?<![\w*])\*\*([^*\n]+)\*\*(?![\w*])"), r"\1", "bold"),
    (regexcache.compile(r"(?<![\w_])_([^_\n]+)_(?![\w_])"), r"\1", "underscore emphasis"),
    (regexcache.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])"), r"\1", "star emphasis"),
    (regexcache.compile(r"``(?=\w)([^`\n]*?)''"), r'"\1"', "typeset quotation marks (``...'') are double marks"),
    (regexcache.compile(r"`([^`\n]*)`"), r"\1", "inline code marks"),
)
# A heading line ("# Title") or a Setext underline ("=====") or a rule ("---", "***").
_HEADING = regexcache.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_UNDERLINE = regexcache.compile(r"^\s*(=+|-{3,}|\*{3,}|_{3,})\s*$")
_QUOTE_MARK = regexcache.compile(r"^\s{0,3}>\s?")
# A backslash escape: the character is meant literally ("\[Prime Minister\]", "\*"). Escapes are
# set aside while Markdown is stripped, then written as the plain character and recorded.
_ESCAPE = regexcache.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_HELD = 0xF0000  # escaped characters wait in Unicode's private use plane, which text never holds
# A list item that is nothing but a link: a run of them is a list of the site's other pages
# (related stories, sections), not article text.
_LINK_ITEM = regexcache.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+\[[^\]]+\]\([^)]*\)\s*$")
MIN_LINK_LIST_ITEMS = 2
# A paragraph that is nothing but a link whose words are a headline (a capital first, this many
# words at least, no sentence's or clause's end), set between two paragraphs of prose: a link to
# another story set into the text. A link the article introduces follows a colon, not prose.
_LONE_LINK = regexcache.compile(r"^\s*\[(?P<words>[A-Z0-9‘“'\"][^\]]*[^\].,;:\s])\]\(https?://[^)\s]*\)\s*$")
MIN_LONE_LINK_WORDS = 4
# A line that only labels a link ("Source: [view original](URL)", "Original: URL"), pointing at the
# article's own address: the scraper's note of where the page came from.
_LABELLED_LINK = regexcache.compile(r"^\W*[^\W\d][\w ]{0,20}:\s*(?:\[[^\]]*\]\((\S+?)\)|<?(https?://\S+?)>?)\W*$")
# A line of prose: a dozen words or more, ending a sentence. Furniture above a headline has none.
_PROSE = regexcache.compile(r"(?:\S+\s+){11,}\S*[.!?][\"'”’)]*\s*$")
# A line without any of these characters holds no Markdown: most lines, skipped at once.
_MARKUP_CHARS = regexcache.compile(r"[\[*_`#>\\{]|^\s*[=-]|:\s*https?://")  # "=" and "-" only start an underline


# A link that a hard wrap broke across lines: its words ("[top five\narms](url)", up to
# MAX_LINK_LINES lines, no blank line among them) or its address ("](http://x/y\n)"). Lines are
# stripped one by one, so such a link is stripped first, its line breaks kept where the words
# were wrapped (strip_markdown joins the lines back by their raw lengths:
# structure.join_shortened_wraps).
MAX_LINK_LINES = 3
_BROKEN_LINK_WORDS = regexcache.compile(
    rf"""(?<![\\!])\[                                  # an opening bracket, not escaped, not an image's
      (?=[^\[\]\n]*\n)                                  # with a line break before its closing one
      ([^\[\]\n]*(?:\n(?![ \t]*\n)[^\[\]\n]*){{1,{MAX_LINK_LINES - 1}}})  # words on up to MAX_LINK_LINES lines
      \]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)  # closed, and its address (and title)
    """,
    re.VERBOSE,
)
_BROKEN_LINK_ADDRESS = regexcache.compile(r"(\]\([^()\s]*)\n[ \t]*([^()\s]*\))[ \t]*")  # "](http://x/y\n) on"
# Emphasis marks at the start or end of a link's words, or around one of its line breaks (the
# words' own indentation is kept: it tells the layout where a paragraph starts).
_EMPHASIS_AT_EDGES = regexcache.compile(r"^[*_]+|[*_]+$|[*_]+[ \t]*(?=\n)|(?<=\n)([ \t]*)[*_]+")


def strip_broken_links(text: str, article: Article) -> str:
    """`text` with the Markdown links that span lines stripped (their words kept, line breaks
    and all; emphasis around them dropped) or, when only the address is split, closed up before
    the line break. Each change is recorded as a repair."""
    if "](" not in text:
        return text

    def record(match: re.Match[str], after: str) -> str:
        article.repairs.append(Repair(before=match.group(), after=after, how="Markdown link split across lines"))
        return after

    def words(match: re.Match[str]) -> str:
        return record(match, _EMPHASIS_AT_EDGES.sub(lambda m: m.group(1) or "", match.group(1)))

    text = _BROKEN_LINK_WORDS.sub(words, text)
    return _BROKEN_LINK_ADDRESS.sub(lambda m: record(m, m.group(1) + m.group(2) + "\n"), text)


def strip_markdown(article: Article) -> None:
    """Step: drop Markdown syntax (links keep their text); a leading heading becomes the title."""
    raw = article.text.split("\n")
    article.text = strip_broken_links(article.text, article)
    lines = article.text.split("\n")
    listed = _link_lists(lines)
    lone = _lone_links(lines)
    out: list[str] = []
    for number, line in enumerate(lines):
        if not _MARKUP_CHARS.search(line):
            out.append(line)
            continue
        reason = "link_list" if number in listed else "read_more" if number in lone else _line_reason(line, article)
        if reason is not None:
            if line.strip():
                article.removed.append(Removal(line.strip(), reason))
            if reason == "markdown_rule":
                _setext_title(line, out, article)
            out.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
            if article.title is None and (not any(x.strip() for x in out) or _h1_before_prose(heading, out)):
                article.title = line
        out.append(_strip_line(line, article))
    article.text = "\n".join(join_shortened_wraps(raw, out) if len(raw) == len(out) else out)


def _h1_before_prose(heading: re.Match[str], out: list[str]) -> bool:
    """A first-level heading is the headline when only page furniture (menus, banners) is above it."""
    return heading.group().lstrip().startswith("# ") and not any(_PROSE.search(x) for x in out)


def _setext_title(underline: str, out: list[str], article: Article) -> None:
    """ "Headline" over "=====" (a first-level Setext heading) is the headline, as "# Headline" is."""
    previous = next((x.strip() for x in reversed(out) if x.strip()), "")
    first_level = underline.strip().startswith("=") and previous and out and out[-1].strip()
    if article.title is None and first_level and not any(_PROSE.search(x) for x in out[:-1]):
        article.title = previous


def _line_reason(line: str, article: Article) -> str | None:
    """Why a whole line goes: a rule, or a link back to the page itself."""
    if _UNDERLINE.match(line):
        return "markdown_rule"
    link = _LABELLED_LINK.match(line)
    if link and article.url and _same_url(link.group(1) or link.group(2), article.url):
        return "source_link"
    return None


def _strip_line(line: str, article: Article) -> str:
    original = line
    line = _ESCAPE.sub(lambda m: chr(_HELD + ord(m.group(1))), line)
    escaped = line != original
    line = _QUOTE_MARK.sub("", line)
    for pattern, replacement, _why in _MARKDOWN:
        line = pattern.sub(replacement, line)
    if escaped:
        line = re.sub("[\U000f0000-\U000f007f]", lambda m: chr(ord(m.group()) - _HELD), line)
        article.repairs.append(Repair(before=original, after=line, how="escaped Markdown"))
    return line


def _link_lists(lines: list[str]) -> set[int]:
    """Line numbers of runs (blank lines aside) of at least MIN_LINK_LIST_ITEMS link-only items."""
    found: set[int] = set()
    run: list[int] = []
    for number, line in enumerate([*lines, "end"]):
        if not line.strip():
            continue
        if _LINK_ITEM.match(line):
            run.append(number)
            continue
        if len(run) >= MIN_LINK_LIST_ITEMS:
            found.update(run)
        run = []
    return found


def _lone_links(lines: list[str]) -> set[int]:
    """Line numbers of headline links alone between two paragraphs of prose (_LONE_LINK)."""
    filled = [number for number, line in enumerate(lines) if line.strip()]
    found: set[int] = set()
    for place in range(1, len(filled) - 1):
        link = _LONE_LINK.match(lines[filled[place]])
        if link is None or len(link.group("words").split()) < MIN_LONE_LINK_WORDS:
            continue
        if _PROSE.search(lines[filled[place - 1]]) and _PROSE.search(lines[filled[place + 1]]):
            found.add(filled[place])
    return found


def _same_url(link: str, url: str) -> bool:
    def key(address: str) -> str:
        return re.sub(r"^https?://(?:www\.)?", "", address.strip().rstrip("/")).casefold()

    return key(link) == key(url)
