"""Layout perturbations that keep an article's meaning (fmt26): what other scrapers and editors do
to the same text. Each takes a plain-text page (title on its first line) and returns the page
re-laid; `gold_too` says whether the gold's text fields need the same change to still match.

Used by tools/layout_invariance.py (the gauge) and tests/test_layout_invariance.py.
"""

from __future__ import annotations

import re
import textwrap
import zlib
from collections.abc import Callable
from dataclasses import dataclass

# Hard-wrap widths seen in e-mailed and plain-text wires; one per article, fixed by its id.
WRAP_WIDTHS = range(72, 81)
# A Markdown heading's underline ("=====" or "-----" under the heading's line).
SETEXT = re.compile(r"^\s*(?:=+|-{3,})\s*$")
# A line of prose has at least this many spaces (a long URL or a data line has few).
MIN_PROSE_SPACES = 8
# Words left lower case inside a Title Case headline (AP style).
SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "in",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "from",
        "into",
    }
)
# Titles that typesetters tie to the following name with a no-break space.
TITLES = re.compile(
    r"""\b(Mr\.|Mrs\.|Ms\.|Dr\.|Gen\.|Col\.|Lt\.|Adm\.|Sen\.|Rep\.|Prof\.
        |President|Minister|Secretary|Chancellor|General|Admiral|Colonel|Spokesman|Spokeswoman)
        [ ](?=[A-Z])""",
    re.VERBOSE,
)
# A thousands comma between digits ("155,000").
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
# A list item's bullet at the start of a line, and the one each becomes.
BULLET = re.compile(r"^([ \t]*)([*•\-–·▪●])([ \t]+)", re.MULTILINE)
NEXT_BULLET = {"*": "-", "-": "•", "•": "*", "–": "*", "·": "-", "▪": "-", "●": "*"}
NBSP, THIN = "\u00a0", "\u2009"
OPENERS = " \t\n\r([{—–-/"
# A character in mis-decoded UTF-8 (Latin-1 letters and Windows-1252's punctuation stand for its
# bytes: "â€™"): a quotation mark or dash beside one is a byte of it, which no editor would change.
# "вЂ" is the same bytes read as Windows-1251 ("вЂ”" for an em dash); a no-break space is a space.
MOJIBAKE = re.compile(r"[\u0080-\u009f\u00a1-\u00ff\u0152-\u0192\u02c6-\u02dc\u2013-\u2122\u0402]")


def _title_and_body(text: str) -> tuple[str, str]:
    head, sep, body = text.partition("\n")
    return head, sep + body


def _front_matter_end(lines: list[str]) -> int:
    """The number of leading lines that are a YAML front matter block (metadata, never prose)."""
    if not lines or lines[0].strip() != "---":
        return 0
    return next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)


def _prose(line: str, width: int) -> bool:
    """A line of running text longer than the width: not a heading, a quote block, a table row or
    markup (a wrapping scraper wraps the article's prose, not its metadata)."""
    stripped = line.strip()
    return len(line) > width and stripped[:1] not in "#>|<" and stripped.count(" ") >= MIN_PROSE_SPACES


def hard_wrap(text: str, key: str = "") -> str:
    """Every line of prose longer than the width is wrapped to it (single newlines inside a
    paragraph); the headline, front matter, headings and markup stay as they are."""
    width = WRAP_WIDTHS[zlib.crc32(key.encode()) % len(WRAP_WIDTHS)]
    head, body = _title_and_body(text)
    lines = body.split("\n")
    skip = _front_matter_end(text.split("\n")) - 1
    underlined = {n - 1 for n, line in enumerate(lines) if SETEXT.match(line)}  # a heading's line
    wrapped = [
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
        if number >= skip and number not in underlined and _prose(line, width)
        else line
        for number, line in enumerate(lines)
    ]
    return head + "\n".join(wrapped)


def single_newlines(text: str) -> str:
    """Paragraphs parted by one newline instead of a blank line."""
    return re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n", text)


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _opens(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] in OPENERS


def _in_mojibake(text: str, at: int) -> bool:
    return any(MOJIBAKE.match(text, i) for i in (at - 1, at + 1) if 0 <= i < len(text))


def _swap_quotes(text: str, double: tuple[str, str], single: tuple[str, str]) -> str:
    out = []
    for at, char in enumerate(text):
        if char in "\"“”'‘’" and _in_mojibake(text, at):
            out.append(char)
        elif char in '"“”':
            out.append(double[0] if _opens(text, at) else double[1])
        elif char in "'‘’" and double != ("‘", "’"):
            out.append(single[0] if _opens(text, at) else single[1])
        else:
            out.append(char)
    return "".join(out)


def curly_quotes(text: str) -> str:
    """Straight quotes become curly; a page already curly becomes straight."""
    if "“" in text or "”" in text or "’" in text:
        return _swap_quotes(text, ('"', '"'), ("'", "'"))
    return _swap_quotes(text, ("“", "”"), ("‘", "’"))


# Where a quotation mark is markup's, not prose's: an HTML tag's attribute, a Markdown link's target
# and its title.
MARKUP = re.compile(r"<[^<>\n]*>|\]\([^()\n]*\)")
WORD = re.compile(r"\w")


def _double_opens(line: str, at: int, inside: bool) -> bool:
    """Whether the double mark at `at` opens a quotation: a curly one says so; a straight one does
    after a space and before a word, closes after a word and before a space or a stop, and otherwise
    (glued to words on both sides: 'dismiss."North', or spaced on both) opens when none is open."""
    char = line[at]
    if char != '"':
        return char == "“"
    before = _opens(line, at)
    after = at + 1 < len(line) and WORD.match(line, at + 1) is not None
    return before and after if before == after else not inside


def _single_role(line: str, at: int, inner: bool) -> str:
    """A single mark inside a double-quoted quotation: '(' opens a quotation inside it (after a space,
    before a word), ')' closes the one opened (after a word, before a space or a stop), '' is an
    apostrophe."""
    after = at + 1 < len(line) and WORD.match(line, at + 1) is not None
    if not inner and _opens(line, at) and after:
        return "("
    if inner and not after and at and not line[at - 1].isspace():
        return ")"
    return ""


def _british_line(line: str) -> str:
    markup = {i for m in MARKUP.finditer(line) for i in range(m.start(), m.end())}
    out, inside, inner = list(line), False, False
    for at, char in enumerate(line):
        if at in markup or (char in "\"“”'‘’" and _in_mojibake(line, at)):
            continue
        if char in '"“”':
            inside, inner = _double_opens(line, at, inside), False
            out[at] = "‘" if inside else "’"
        elif char in "'‘’" and inside and (role := _single_role(line, at, inner)):
            inner = role == "("
            out[at] = "“" if inner else "”"
    return "".join(out)


def british_quotes(text: str) -> str:
    """British style: the outer quotation in single curly marks and a quotation inside it in double
    ones (‘they call it “the wall”,’ she said); apostrophes stay, and so do marks in markup (an HTML
    tag's attributes, a Markdown link's target), in front matter (YAML's own quoting) and in mis-decoded
    characters. Straight double marks
    are paired within their paragraph."""
    lines = text.split("\n")
    skip = _front_matter_end(lines)
    return "\n".join(line if number < skip else _british_line(line) for number, line in enumerate(lines))


def spaced_numbers(text: str) -> str:
    """Thin spaces group a number's thousands ("155 000")."""
    return THOUSANDS.sub(THIN, text)


def nbsp_titles(text: str) -> str:
    """A no-break space ties a title to the name after it ("President Biden")."""
    return TITLES.sub(lambda m: m.group(1) + NBSP, text)


def _title_word(word: str, first: bool) -> str:
    if not first and word.lower() in SMALL_WORDS:
        return word.lower()
    return word[:1].upper() + word[1:]


def title_case(text: str) -> str:
    head, body = _title_and_body(text)
    words = head.split(" ")
    return " ".join(_title_word(w, i == 0) for i, w in enumerate(words)) + body


def all_caps(text: str) -> str:
    head, body = _title_and_body(text)
    return head.upper() + body


def dashes(text: str) -> str:
    """Em dashes become spaced hyphens, and spaced hyphens em dashes."""
    marked = re.sub(r"(?<![\u00c0-\u00ff])[ \t]*—[ \t]*", "\x00", text)
    marked = re.sub(r"(?<=\S) - (?=\S)", "—", marked)
    return marked.replace("\x00", " - ")


def bullets(text: str) -> str:
    """Each list item's bullet becomes another scraper's: * -> - -> • -> *."""
    return BULLET.sub(lambda m: m.group(1) + NEXT_BULLET[m.group(2)] + m.group(3), text)


@dataclass(frozen=True)
class Perturbation:
    name: str
    apply: Callable[[str, str], str]
    gold_too: bool  # the gold's article-text fields take the same change (characters change)


def _plain(function: Callable[[str], str]) -> Callable[[str, str], str]:
    return lambda text, _key: function(text)


PERTURBATIONS = {
    p.name: p
    for p in (
        Perturbation("wrap", hard_wrap, False),
        Perturbation("newline", _plain(single_newlines), False),
        Perturbation("crlf", _plain(crlf), False),
        Perturbation("curly", _plain(curly_quotes), False),
        Perturbation("british", _plain(british_quotes), False),
        Perturbation("numbers", _plain(spaced_numbers), True),
        Perturbation("titles", _plain(nbsp_titles), True),
        Perturbation("titlecase", _plain(title_case), False),
        Perturbation("caps", _plain(all_caps), False),
        Perturbation("dashes", _plain(dashes), True),
        Perturbation("bullets", _plain(bullets), False),
    )
}
