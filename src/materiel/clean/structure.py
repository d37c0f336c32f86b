"""Page structure: repeated lines, paragraph layout, and each paragraph's language."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from functools import cache
from itertools import islice

import pycld2

from materiel import regexcache
from materiel.article import Article, Removal
from materiel.clean.boilerplate import fold
from materiel.clean.pagefeet import numbered_running_lines
from materiel.clean.rules import title_case

# Lines shorter than this may repeat legitimately ("Yes.", a one-word answer); longer repeats are
# copies (headline blocks, syndicated paragraphs pasted twice).
MIN_DUPLICATE_CHARS = 25
# A line this long found again inside a longer line is a pull quote; shorter phrases ("the
# ministry said") recur in prose by chance.
MIN_PULL_QUOTE_CHARS = 40
# A PDF's running header or footer is a short line: a ministry's name, its address, a title.
MAX_RUNNING_CHARS = 150
# A pull quote is a sentence or two; longer lines are paragraphs (and not searched for, which
# keeps this step linear in practice).
MAX_PULL_QUOTE_CHARS = 400
# Paragraphs shorter than this are too short for language identification; ASCII ones count as
# English, the rest inherit the article's language.
MIN_LANGID_CHARS = 40
# The article's language is read from its first characters: enough for a stable answer.
ARTICLE_SAMPLE_CHARS = 2000


def drop_duplicates(article: Article) -> None:
    """Step: a line repeated in the page is kept once (the first time); in a document saved from
    a PDF (its page markers gone already), a short line that does not end a sentence and repeats
    is the running header or footer of its pages, and no copy is kept; nor of one that carries the
    page's number (pagefeet.py)."""
    seen: set[str] = set()
    kept: list[str] = []
    keys: list[str] = []
    lines = article.text.split("\n")
    running = _running_lines(lines, article.page_edges) | numbered_running_lines(lines, fold)
    for line in lines:
        key = fold(line)
        if key in running or (len(key) >= MIN_DUPLICATE_CHARS and key in seen):
            article.removed.append(Removal(line.strip(), "running_header" if key in running else "duplicate"))
            continue
        seen.add(key)
        kept.append(line)
        keys.append(key)
    article.text = "\n".join(_drop_pull_quotes(kept, keys, article))


def _running_lines(lines: list[str], edges: tuple[frozenset[str], ...]) -> set[str]:
    """The running header and footer of a paged document (`edges`: the lines next to each page
    marker): a short line that ends no sentence, is no list item, repeats on every page but one
    or more, and stands next to a page marker each time."""
    if not edges:
        return set()
    counts = Counter(fold(line) for line in lines if line.strip())
    least = max(2, len(edges) - 1)  # the pages, when each carries its number, but one
    return {
        key
        for key, n in counts.items()
        if n >= least
        and len(key) <= MAX_RUNNING_CHARS
        and not key.endswith((".", "!", "?"))
        and _LIST_LINE.match(key) is None
        and sum(key in edge for edge in edges) >= n
    }


# A list's item, which a list may repeat ("• 20 Challenger 2 tanks" in two packages), is no
# running header.
_LIST_LINE = regexcache.compile(
    r"""
    \s*(?:[-*•·▪◦–]|\d{1,2}[.)]|\(?[a-z\d]\))\s(?!.*[-–—*]$)       # a bullet or an item's number (not "- OFFICIAL -")
  | \W*\d[\d,.]*\s+(?:\S+\s+){0,4}[a-z][\w-]*s\W*$               # a count of things: "20 Challenger 2 tanks"
""",
    re.VERBOSE,
)


def _drop_pull_quotes(lines: list[str], folded: list[str], article: Article) -> list[str]:
    """A line whose words stand inside a longer line is a copy set apart for show: a pull quote,
    a key finding restated, a caption repeated. The longer line keeps the words. A heading in
    title case is no copy: its words come back in its section's first sentence. `folded`: the
    lines folded."""
    text = "\n".join(folded)
    triples = cache(lambda index: _triples(folded[index]))  # only lines that may host a copy need them
    longer_than = _by_length(folded)
    kept = []
    for index, (line, key) in enumerate(zip(lines, folded, strict=True)):
        core = key.strip(_CORE_EDGES)
        sized = MIN_PULL_QUOTE_CHARS <= len(core) <= MAX_PULL_QUOTE_CHARS
        if sized and _copied(core, index, text, longer_than, folded, triples) and not title_case(line):
            article.removed.append(Removal(line.strip(), "pull_quote"))
            continue
        kept.append(line)
    return kept


def _by_length(lines: list[str]) -> Callable[[int], list[int]]:
    """The indices of the lines longer than a length, found by bisection (not a pass over every
    line for every line)."""
    order = sorted(range(len(lines)), key=lambda i: len(lines[i]))
    lengths = [len(lines[i]) for i in order]
    return lambda length: order[bisect_right(lengths, length) :]


def _copied(
    core: str,
    index: int,
    text: str,
    longer_than: Callable[[int], list[int]],
    folded: list[str],
    triples: Callable[[int], set[tuple[str, ...]]],
) -> bool:
    """Whether another, longer line (of the `folded` lines, but core's own at `index`; found by
    `longer_than`) holds `core` word for word, or with an aside cut from it (a pull quote shortens
    its sentence: PULL_QUOTE_SHARE of its word triples stand in a paragraph PULL_QUOTE_HOST times
    its length or more; lines of a list that vary one another are of one length, and a heading
    restated in its section is shorter than MIN_PULL_QUOTE_TRIPLES). The longer lines are listed
    only as far as each test needs: a host of PULL_QUOTE_HOST times a pull quote's length is
    longer than len(core) + 2 characters too."""
    if text.count(core) > 1 and any(core in folded[i] for i in longer_than(len(core) + 2) if i != index):
        return True
    # core is the line with its edges cut, and "_" is the only word character among them: the
    # line's own triples, kept for it as a host, are core's unless an edge held one
    own = triples(index) if "_" not in folded[index] else _triples(core)
    if len(own) < MIN_PULL_QUOTE_TRIPLES:
        return False
    shared = math.ceil(PULL_QUOTE_SHARE * len(own))  # the fewest triples a host must hold
    # A host holding none of any len(own) - shared + 1 of own's triples misses more than it may:
    # that test (a fifth of own, in C) spares the whole intersection for the hosts that share
    # nothing, nearly all (drop_duplicates took 0.15 s of CPU on the HTML benchmark's pages).
    sample = set(islice(own, len(own) - shared + 1))
    hosts = (triples(i) for i in longer_than(math.ceil(PULL_QUOTE_HOST * len(core)) - 1) if i != index)
    return any(not sample.isdisjoint(host) and len(own & host) >= shared for host in hosts)


def _triples(text: str) -> set[tuple[str, ...]]:
    words = _WORDS.findall(text)
    return set(zip(words, words[1:], words[2:], strict=False))  # each run of three words


# What stands around a pull quote's words: quotation marks, emphasis, code marks, closing punctuation.
_CORE_EDGES = " \"'“”‘’«»_*`-–—.…"
_WORDS = regexcache.compile(r"\w+")
# A pull quote that cuts an aside from its sentence keeps most of its word triples; a sentence
# that merely shares a phrase with another keeps few. Short lines are left to the exact test.
PULL_QUOTE_SHARE = 0.8
MIN_PULL_QUOTE_TRIPLES = 10
PULL_QUOTE_HOST = 1.5


_SPACES = regexcache.compile(r"[ \t\xa0\u200b]+")
# A line that ends a sentence, a heading's colon, a quotation or a bracket: the next line is new.
ENDS_SENTENCE = regexcache.compile(r"""[.!?:;"”’)\]…]$""")
# A line that goes on with the sentence above: it starts in lower case, with a digit, or with
# punctuation that cannot open one.
GOES_ON = regexcache.compile(r"^[a-z0-9,(%]")
# Hard-wrapped text (news wires, plain-text archives, e-mail) breaks lines near a fixed width: most
# of its longer lines are within this many characters of the longest, which is at most WRAP_WIDTH.
WRAP_WIDTH = 100
WRAP_SPREAD = 20
WRAPPED_SHARE = 0.6
MIN_WRAPPED_LINES = 5
# The width is read near the top of the narrow lines' lengths, not at their longest: a few lines
# that were joined before the layout (join_shortened_wraps) are longer than the wrap.
WIDTH_QUANTILE = 0.9
# Lines of at most this many characters (a heading, a paragraph's last line) say nothing of the width.
MAX_UNMEASURED_LINE = 30
# A row of a table set down as text has this many bars between cells or more ("Country | Item |
# Number"); a wrapped sentence has none, a site's menu stands on one line of its own.
TABLE_ROW_BARS = 2
TABLE_CELL_BAR = regexcache.compile(r"\s\|\s")
# An entry of a list led by a short capitalised label and a colon ("Saudi Arabia: 48 Typhoon jets
# from Britain", "Germany: 18 Leopard 2 tanks"): two such lines in a row are two entries, however
# short, where a wrapped sentence's next line seldom opens with a name and a colon.
LABELLED = regexcache.compile(r"^[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}:\s\S")
# An entry of a numbered list ("1. Ukraine: 12 tanks", "2) 3 Patriot launchers"): two such lines in a
# row are two entries, though each opens with a digit as a wrapped sentence's next line may.
NUMBERED = regexcache.compile(r"^\d{1,3}[.)]\s+\S")
# An entry of a bulleted list ("* 12 tanks", "- 3 launchers", "• shells"): a line of its own.
BULLETED = regexcache.compile(r"^[*•·▪●–-]\s+\S")
# Blank lines part a text's paragraphs when at least this many blocks hold more than one line:
# a headline and a byline over a single-newline wire make two or three blocks of one line each.
MIN_BLOCKS = 3
_BLANK = regexcache.compile(r"\n[ \t]*\n")
# A link's address, in Markdown or bare.
ADDRESS = regexcache.compile(r"\]\(|https?://|www\.")


def layout(article: Article) -> None:
    """Step: one paragraph per line of text, separated by blank lines, spacing normalised; a line
    that a hard wrap broke off its sentence is joined back to it first."""
    raw = article.text.split("\n")
    lines = _unwrapped(raw, _wrap_width(raw))
    joined = sum(1 for line in raw if line.strip()) - sum(1 for line in lines if line.strip())
    if joined:
        article.notes.append(f"joined {joined} hard-wrapped lines to the lines they continue")
    lines = [_spaced(_tab_cells(line)).strip() for line in lines]
    article.text = "\n\n".join(line for line in lines if line)


def _spaced(line: str) -> str:
    """The line's runs of _SPACES made one space; the search only where one may be more (a line
    with none of them but single spaces, most lines, comes back as it is)."""
    may = "  " in line or "\t" in line or "\xa0" in line or "\u200b" in line
    return _SPACES.sub(" ", line) if may else line


# A row of a table set down with tabs between its cells ("Norway<TAB>NASAMS<TAB>2<TAB>delivered"):
# this many tabs between words at least; its cells are set apart with bars, as such a table's
# rows are elsewhere, where spacing would run them together.
TAB_CELLS = 2
_TAB = regexcache.compile(r" *\t+ *")


def _tab_cells(line: str) -> str:
    if "\t" not in line:
        return line  # no cell
    inner = line.strip(" \t\xa0")
    return _TAB.sub(" | ", inner) if len(_TAB.findall(inner)) >= TAB_CELLS else line


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, or None when it was not. A few longer lines (a URL, a
    metadata field) do not undo a wrap that most lines show."""
    lengths = [len(line.rstrip()) for line in lines if len(line.strip()) > MAX_UNMEASURED_LINE]
    narrow = [n for n in lengths if n <= WRAP_WIDTH]
    if len(narrow) < MIN_WRAPPED_LINES or len(narrow) < WRAPPED_SHARE * len(lengths):
        return None
    width = sorted(narrow)[int(WIDTH_QUANTILE * (len(narrow) - 1))]
    near = sum(1 for n in narrow if n >= width - WRAP_SPREAD)
    return width if near / len(lengths) >= WRAPPED_SHARE else None


def _paragraphed(lines: list[str]) -> bool:
    """Whether blank lines part the text's paragraphs: blocks of lines between blank lines, several
    of them holding more than one line (a wrapped paragraph). Then a line break inside a block is
    the wrap's, never a paragraph's, though the line ends a sentence."""
    sizes = [len(block.split("\n")) for block in _BLANK.split("\n".join(lines)) if block.strip()]
    return len(sizes) >= MIN_BLOCKS and sum(1 for n in sizes if n > 1) >= MIN_BLOCKS


def _unwrapped(lines: list[str], width: int | None) -> list[str]:
    out: list[str] = []
    previous = ""  # the last line as it was, before any joining
    full = width if width is not None and _paragraphed(lines) else None
    for line in lines:
        if (
            out
            and out[-1].strip()
            and line.strip()
            and (_continues(previous.rstrip(), line, width) or _fills(previous.rstrip(), line, full))
        ):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
        previous = line
    return out


def join_shortened_wraps(raw: list[str], stripped: list[str]) -> list[str]:
    """`stripped` (line for line the `raw` lines with their markup taken out) with each line that
    the stripping shortened joined to the next where the raw lines show a hard wrap: a link's
    address taken out of a wrapped line leaves it short, and the layout, judging a wrap by length,
    would start a paragraph after it ("a set of [Atlanta spas](http://...) in" / "Boulder, ..."),
    which the line model then drops as furniture. A shortened line is judged by its raw self: the
    wrap broke it because the next raw word did not fit. The other lines are left to the layout.
    The width is measured on lines without an address: a wrap never breaks one, so they overrun."""
    width = _wrap_width([line for line in raw if ADDRESS.search(line) is None])
    if width is None or all(len(a.rstrip()) == len(b.rstrip()) for a, b in zip(raw, stripped, strict=True)):
        return stripped
    full = width if _paragraphed(raw) else None
    out: list[str] = []
    for number, line in enumerate(stripped):
        if (
            number
            and out[-1].strip()
            and line.strip()
            and _joins(raw[number - 1 : number + 1], stripped[number - 1 : number + 1], width, full)
        ):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return out


def _joins(raw: list[str], stripped: list[str], width: int, full: int | None) -> bool:
    """Whether the second of two lines goes on with the first, judged by the raw lengths where the
    stripping shortened the first (its end is read stripped: a link's bracket ends no sentence). A
    clause after a semicolon goes on in lower case; where blank lines part the paragraphs (`full`
    given), so does any line that the next word would not have fitted on (see _fills)."""
    previous, line = stripped[0].rstrip(), stripped[1].strip()
    if len(previous) == len(raw[0].rstrip()):
        return False  # the layout judges it, by the same lengths
    ended = ENDS_SENTENCE.search(previous) and not (previous.endswith(";") and line[:1].islower())
    if ended and not _fills(raw[0].rstrip(), raw[1], full):
        return False
    first_word = raw[1].split(maxsplit=1)[0]
    fits = len(raw[0].rstrip()) + 1 + len(first_word) <= width
    return GOES_ON.match(line) is not None or (raw[1][:1] not in (" ", "\t") and not fits)


def _continues(previous: str, line: str, width: int | None) -> bool:
    if ENDS_SENTENCE.search(previous) or _table_row(previous) or _table_row(line):
        return False
    if LABELLED.match(previous) and LABELLED.match(line.strip()):
        return False  # entries of a list, each led by its label ("Qatar: 12 F-15QA jets")
    if NUMBERED.match(previous.lstrip()) and NUMBERED.match(line.strip()):
        return False  # entries of a numbered list ("1. Ukraine: 12 tanks" then "2. 3 launchers")
    if BULLETED.match(previous.lstrip()) and BULLETED.match(line.strip()):
        return False  # entries of a bulleted list ("* 12 tanks" then "* 3 launchers")
    if GOES_ON.match(line.strip()):
        return True
    indented = line[:1] in (" ", "\t")  # wires mark a new paragraph by indenting it
    return width is not None and not indented and len(previous) >= width - WRAP_SPREAD


def _fills(previous: str, line: str, width: int | None) -> bool:
    """In a wrapped text whose paragraphs blank lines part (`width` given only then), a line that
    the next line's first word would not have fitted on was broken by the wrap, wherever its
    sentence ends ("... said the U.S." / "government ..."; "... on Sunday." / "Grant said ...").
    A list's entries (a bullet, a number or a label leading each), indented lines, the line after
    a colon (a list's introduction, a heading's) and after a line an address ran past the width
    stay apart."""
    if width is None or line[:1] in (" ", "\t") or previous.endswith(":"):
        return False
    if len(previous) > width and ADDRESS.search(previous):
        return False  # an address no wrap breaks overran the width: the line is read by its end
    if _table_row(previous) or _table_row(line):
        return False
    if any(p.match(line) for p in (BULLETED, NUMBERED, LABELLED)):
        return False
    return len(previous) + 1 + len(line.split(maxsplit=1)[0]) > width


def _table_row(line: str) -> bool:
    """A row of a table set down with bars ("Netherlands | F-16 jets | 24"): a line of its own,
    however short, never a wrapped sentence's piece."""
    return len(TABLE_CELL_BAR.findall(line)) >= TABLE_ROW_BARS


def detect_languages(article: Article) -> None:
    """Step: the article's language (offline, CLD2), and each paragraph's.

    In an English article, paragraphs without non-ASCII letters inherit its language: CLD2 reads
    a short English paragraph as Scots or Malay now and then, and a wrong call would keep an
    English paragraph from the NLP. Every other paragraph is classified on its own.
    """
    paragraphs = _article_language(article)
    article.paragraph_languages = [
        _language(p) if (article.language != "en" or _NON_ASCII_LETTER.search(p)) else "en" for p in paragraphs
    ]


def detect_language(article: Article) -> None:
    """Step: the article's language alone, for an output that shows no paragraph's (`materiel
    clean`): CLD2 read some 360 paragraphs of the HTML benchmark's 181 pages for nothing there."""
    _article_language(article)


def _article_language(article: Article) -> list[str]:
    """Set the article's language (CLD2 on its first characters); its paragraphs."""
    paragraphs = [p for _, p in article.paragraphs()]
    article.language = _language(" ".join(paragraphs)[:ARTICLE_SAMPLE_CHARS]) if paragraphs else None
    return paragraphs


# A letter outside ASCII (digits, punctuation and symbols do not count).
_NON_ASCII_LETTER = regexcache.compile(r"[^\W\d_\x00-\x7f]")


def _language(text: str) -> str:
    """An ISO 639-1 code (CLD2's best guess), or "und" when there is none."""
    if len(text) < MIN_LANGID_CHARS:
        return "en" if text.isascii() else "und"
    try:
        _reliable, _bytes, details = pycld2.detect(text)
    except (pycld2.error, UnicodeEncodeError):  # not valid UTF-8 (lone surrogates, some controls)
        return "und"
    code = details[0][1]
    return "und" if code == "un" else code
