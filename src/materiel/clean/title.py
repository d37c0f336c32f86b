"""The headline: found, freed of the site's name, and kept out of the body.

- A text file with no title yet takes its first line when that line reads as a headline.
- A site's name beside the headline (" - Bloomberg", " | Reuters", "Reuters: ...") goes, when
  the segment names an outlet: one of the outlets the project knows
  (extract/lexicons/media.json), the page's own domain, a domain name, or a name built like a
  news organisation's ("... News Agency", "... Times", "... Insider").
- Copies of the headline in the body go: a line that repeats it, and a headline block glued to
  the first paragraph, as wire services' feeds paste it ("kicker" + headline + "By ...").
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from materiel.article import Article, Removal
from materiel.clean.boilerplate import fold, rule_reason
from materiel.clean.crumbs import CRUMBS, MIN_CRUMBS, comparison, last_crumb
from materiel.clean.headline import drop_glued_headline
from materiel.clean.residue import tidy
from materiel.clean.rules import title_case
from materiel.clean.titlemarks import bar_items, bare_headline, has_label, letterhead, without_label, without_marks
from materiel.clean.widgets import MAX_HEADED_LINES, list_heading

# A headline is a short line of words without a closing full stop (or in title case, which no
# sentence of prose is: "Russia Says It Will Respond." against "Germany has sent ...").
TITLE_WORDS = (3, 40)
TITLE_CHARS = (15, 300)
# A site segment is short; a longer segment after a dash is part of the headline.
MAX_SITE_WORDS = 6
# Left of a site segment, at least this many words must stay for a headline.
MIN_HEADLINE_WORDS = 3

# A story list above the headline holds its heading, headlines and their dates: at most this many
# lines.
MAX_LIST_LINES = 2 * MAX_HEADED_LINES + 1

# Separators between a headline and a site's name: a spaced dash, bar, bullet, or a colon with a
# space before it ("Headline : Site"; French typography, whose headlines use it too, is safe: a
# segment goes only when a rule names it a site).
_SEPARATOR = re.compile(r"(\s+(?:[-–—|·•»:]|::)\s+)")
# A domain name ("Globalnews.ca", "Newsguru.live", "www.aa.com.tr").
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.IGNORECASE)
# How news organisations name themselves: a title-case name ending in one of these words.
_OUTLET_SHAPE = re.compile(
    r"""^(?:[A-Z][\w'&.-]*\s+){0,4}(?:
        News(?:\s+(?:Agency|Network|Service|Online))?|Times|Post|Herald|Tribune|Journal|Gazette|
        Daily|Observer|Telegraph|Independent|Insider|Monitor|Chronicle|Courier|Express|
        Magazine|Radio|Television|TV|Broadcasting(?:\s+Corporation)?|Wire|Press|Media|
        (?<!Live\s)Blog                 # "Defence Watch Blog", not a headline's "Live Blog"
    )$""",
    re.VERBOSE,
)
# Names shorter than this must equal the domain's name; longer ones may begin it ("Renew Europe",
# reneweuropegroup.eu). Short names would begin too many domains ("AP", "RT").
MIN_DOMAIN_KEY = 4
# A title-case segment of at most this many words after a bar is a section or site name.
MAX_BAR_SECTION_WORDS = 3
# The separators that navigation sets between a headline and a section or site name; a headline
# itself uses dashes and colons, never these ("Headline · The Daily Ledger", "Headline :: Site").
_BARS = ("|", "·", "•", "»", "::")
# A site's name in brackets after the headline: "Headline (Reuters)".
_BRACKETED = re.compile(r"\s*\(([^()]{2,40})\)\s*$")
# Words that open names built like an outlet's that are a headline's kicker, not a site:
# "Breaking News: ...", "Fake News: ..." (a fact check), "World News: ...".
_KICKER_WORDS = frozenset(
    {"breaking", "latest", "fake", "top", "live", "world", "local", "daily", "weekly", "good", "bad"}
)
# A copy of the headline in the body may trail the site's name and this many segments in all
# (a section, the site): a page's <title> saved as text.
MAX_TRAIL_SEGMENTS = 3


def find_title(article: Article) -> None:
    """Step: the headline becomes `title` (without a site's name) and leaves the body."""
    lines = [line.strip() for line in article.text.split("\n")]
    first = _first_after_labels(_without_lists(lines), article.url)
    headline = without_label(first)  # "WATCH: Headline" on a video's page
    if article.title is None and _looks_like_headline(headline, lines) and not _notice(headline, article.url):
        article.title = first
        _drop_menu_above(article, lines, first)
    if not article.title:
        return
    raw = tidy(article.title)
    unstamped = bare_headline(raw)
    article.title = without_marks(_confirmed_by_copy(strip_site_name(unstamped, article.url), lines))
    _drop_title_copies(article, lines, {fold(raw), fold(article.title)})
    _drop_site_names(article, unstamped)
    drop_glued_headline(article)


def _drop_site_names(article: Article, raw: str) -> None:
    """A line that is only the site's name cut from the headline ("The Example Blog") goes."""
    title = fold(article.title)
    names = {fold(p) for p in _SEPARATOR.split(raw)[::2] if fold(p) not in title and _is_site(p, article.url)}
    lines = article.text.split("\n")
    article.removed.extend(Removal(x.strip(), "navigation") for x in lines if x.strip() and fold(x) in names)
    article.text = "\n".join(x for x in lines if not (x.strip() and fold(x) in names))


def _without_lists(lines: list[str]) -> list[str]:
    """The lines that are not blank, without a story list saved above the story: a block (lines
    between blank lines) that opens with a list's heading and holds no sentence ("Latest news" and
    the headlines under it). A block with a sentence in it is the story, run together."""
    blocks = "\n".join(lines).split("\n\n")
    kept: list[str] = []
    for block in blocks:
        filled = [line for line in block.split("\n") if line]
        sentence = any(line.endswith((".", "!", "?")) for line in filled[1:])
        if not (filled and list_heading(filled[0]) and not sentence and len(filled) <= MAX_LIST_LINES):
            kept.extend(filled)
    return kept


def _drop_menu_above(article: Article, lines: list[str], headline: str) -> None:
    """Menu items the scan passed over above a headline taken from the body ("World", "Europe",
    "Defence News"): short lines without a digit (a date line stays for the date step)."""
    if headline not in lines:
        return  # the last crumb of a trail: the trail is a line of its own
    at = lines.index(headline)
    above = [i for i in range(at) if _unnamed_menu_item(lines[i]) or _site_line(lines[i], article.url)]
    for index in above:
        article.removed.append(Removal(lines[index], "navigation"))
        lines[index] = ""
    article.text = "\n".join(lines)


def _unnamed_menu_item(line: str) -> bool:
    """A menu item no other rule names (a kicker, a skip link keep their own reasons)."""
    return bool(line) and _is_menu_item(line) and not any(c.isdigit() for c in line) and rule_reason(line) is None


def _site_line(line: str, url: str | None) -> bool:
    """The site's name on a line of its own ("Defence Watch Blog", "The Riverton Gazette") or
    before its motto ("Baltic Times | Independent news from the Baltics")."""
    named = _is_site(line, url, shaped=True) or _site_led(line, url)
    return bool(line) and not any(c.isdigit() for c in line) and named


def _confirmed_by_copy(title: str, lines: list[str]) -> str:
    """The headline without a segment no rule names, when the page prints the headline again
    without it: "Headline - Українська правда" above "Headline" shows the dash set off the site's
    name, whatever the name (one segment, at either end, MAX_SITE_WORDS words at most)."""
    pieces = _SEPARATOR.split(title)
    if len(pieces) < 3:
        return title
    body = {fold(line) for line in lines if line and fold(line) != fold(title)}
    for kept, cut in ((pieces[:-2], pieces[-1]), (pieces[2:], pieces[0])):
        head = "".join(kept).strip()
        if len(cut.split()) <= MAX_SITE_WORDS and _words(kept) >= MIN_HEADLINE_WORDS and fold(head) in body:
            return head
    return title


# Lines a scraped page may open with above its headline: a site's name, a section label
# ("EUROPE", "World news"), a breadcrumb trail ("Home > News > Europe"), a line a rule names as
# furniture (a skip link, a byline, a notice). At most this many: a site's menu saved one item a
# line ("Home", "World", "Europe", "Politics", "Video") holds more than four; on dev and train 4
# and 10 find the same titles.
MAX_LABEL_LINES = 10
MAX_LABEL_WORDS = 2
# A site's whole menu saved one item a line runs longer: past MAX_LABEL_LINES, the scan goes on
# while the lines are menu items (of MAX_LABEL_WORDS words at most), up to this many lines.
MAX_MENU_LINES = 60
# A letterhead repeats on at least this many of a PDF's pages.
MIN_HEADER_PAGES = 2


def _first_after_labels(filled: list[str], url: str | None) -> str:
    """The first line that is no label above a headline (the first line when every one is)."""
    for index, line in enumerate(filled[:MAX_MENU_LINES]):
        if (crumb := last_crumb(line)) is not None:
            return crumb
        if has_label(line) and not _headline_after(filled, index, url):
            return line  # "VIDEO: Headline" above the story, not a teaser above another headline
        header = _running_header(line, filled) and _paged(filled)
        # "MINISTRY OF DEFENCE OF LATVIA", a masthead "Baltic Times | Independent news from the Baltics"
        sender = (letterhead(line) or _site_led(line, url)) and _headline_after(filled, index, url)
        if not _is_label(line, url) and not header and not sender:
            return line
        if index >= MAX_LABEL_LINES and not _is_menu_item(line):
            break
    return filled[0] if filled else ""


def _site_led(line: str, url: str | None) -> bool:
    """A line that opens with the site's name before a separator: a masthead with its motto, or
    a headline after the site's name; the line after it tells which."""
    pieces = _SEPARATOR.split(line)
    return len(pieces) >= 3 and _is_site(pieces[0], url)


def _headline_after(filled: list[str], index: int, url: str | None) -> bool:
    """Whether the first line after `index` that is no label reads as a headline."""
    after = next((x for x in filled[index + 1 : index + 1 + MAX_LABEL_LINES] if not _is_label(x, url)), "")
    return _looks_like_headline(after, filled)


def _running_header(line: str, filled: list[str]) -> bool:
    """A letterhead a PDF prints atop every page ("MINISTRY OF NATIONAL DEFENCE"): a line the page
    repeats with the line after it, where a headline printed twice has the body after one copy."""
    if filled.count(line) < MIN_HEADER_PAGES:
        return False
    after = [filled[i + 1] for i, x in enumerate(filled[:-1]) if x == line]
    return len(after) >= MIN_HEADER_PAGES and len(set(after)) < len(after)


def _paged(filled: list[str]) -> bool:
    """Whether the text was saved from a PDF: a rule names one of its lines a page marker."""
    return any(rule_reason(line) == "page_marker" for line in filled)


def _is_menu_item(line: str) -> bool:
    return len(line.split()) <= MAX_LABEL_WORDS and not line.endswith((".", "!", "?"))


# A date or time stamp line ("Updated 12 March 2024, 10:15 CET"): its words are these only.
_DATE_WORD = re.compile(
    r"""(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}   # months, whole or short
      | (?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?  # weekdays
      | [ap]m|gmt|utc|cet|cest|est|edt|bst                                 # times and zones
      | updated|published|posted|last|on|at                              # the stamp's verbs""",
    re.VERBOSE,
)
MAX_DATE_LINE_WORDS = 8


def _is_label(line: str, url: str | None) -> bool:
    words = [w for w in line.split() if w not in ("&", "and")]
    short = len(words) <= MAX_LABEL_WORDS and not line.endswith((".", "!", "?"))
    crumbs = len(CRUMBS.findall(line)) >= MIN_CRUMBS and not comparison(line)
    furniture = rule_reason(strip_site_name(line, url)) is not None  # "Skip to main content", "By Anna Smith"
    return short or crumbs or furniture or _is_date(line) or _is_site(line, url, shaped=True) or _bar_menu(line)


def _bar_menu(line: str) -> bool:
    """Short items between bars: a header's links ("Subscribe | E-edition | Login") or an issue's
    stamp ("Issue 142 | April 2024"); a headline after a bar is longer ("Gaza | Aid reaches ...")."""
    items = bar_items(line)
    return len(items) > 1 and all(_is_menu_item(item) or _is_date(item) for item in items)


def _is_date(line: str) -> bool:
    words = re.findall(r"[^\W\d_]+", line.casefold())
    dated = any(c.isdigit() for c in line) and len(line.split()) <= MAX_DATE_LINE_WORDS
    return dated and all(_DATE_WORD.fullmatch(w) for w in words)


# A photo's credit closing the line ("... on display in Moscow (Jane Doe/AP)"): a caption, not a
# headline.
_CAPTION_CREDIT = re.compile(r"\(\s*[^()/]{2,40}/\s*[^()/]{2,30}\)\s*$")


def _notice(line: str, url: str | None) -> bool:
    """A first line that is a notice of the site's ("This article is more than 2 years old", "You
    can now listen to our articles!") or a caption, not a headline: a rule names it once the
    site's name after a headline is gone (" | Reuters" alone reads as a photo's credit)."""
    return rule_reason(strip_site_name(line, url)) is not None or _CAPTION_CREDIT.search(line) is not None


def _looks_like_headline(line: str, lines: list[str]) -> bool:
    words = len(line.split())
    if not (TITLE_WORDS[0] <= words <= TITLE_WORDS[1] and TITLE_CHARS[0] <= len(line) <= TITLE_CHARS[1]):
        return False
    repeated = sum(fold(x) == fold(line) for x in lines) > 1
    unended = not line.rstrip("\"'”’)»").endswith((".", ":", ",", ";"))
    return repeated or unended or title_case(line)


def strip_site_name(title: str, url: str | None = None) -> str:
    """`title` without a leading or trailing segment that names the site (or its section)."""
    bracketed = _BRACKETED.search(title)
    if bracketed and _is_site(bracketed.group(1), url) and _words([title[: bracketed.start()]]) >= MIN_HEADLINE_WORDS:
        title = title[: bracketed.start()]
    pieces = _SEPARATOR.split(title)  # text, separator, text, separator, ...
    if len(pieces) < 3:
        return _strip_prefix(title, url)
    after_site = False
    while len(pieces) > 1 and _words(pieces[:-2]) >= MIN_HEADLINE_WORDS and _is_tail(pieces, url, after_site):
        del pieces[-2:]
        after_site = True
    while len(pieces) > 1 and _is_head(pieces, url) and _words(pieces[2:]) >= MIN_HEADLINE_WORDS:
        del pieces[:2]
    return "".join(pieces).strip()


def _is_tail(pieces: list[str], url: str | None, after_site: bool) -> bool:
    """Whether the last segment is the site's name, or a section name: set off by a bar
    ("Headline | Gaza | The Guardian": headlines use dashes, navigation uses bars), or one word
    before a site's name ("Headline - National | Globalnews.ca")."""
    segment, separator = pieces[-1].strip(), pieces[-2].strip()
    if _is_site(segment, url) or _is_date(segment):  # "Headline | DW | 12.02.2024"
        return True
    words = segment.split()
    if after_site and separator in _BARS and 0 < len(words) <= MAX_SITE_WORDS:
        return words[0][:1].isupper() and words[-1][:1].isupper()  # "| Russia-Ukraine war News | Site"
    limit = MAX_BAR_SECTION_WORDS if separator in _BARS else int(after_site)
    return 0 < len(words) <= limit and all(w[:1].isupper() for w in words)


def _is_head(pieces: list[str], url: str | None) -> bool:
    """Whether the first segment is the site's name, a date ("12 March 2024 - Headline"), or a
    section name set off by a bar ("World | Headline", "EUROPE · Headline")."""
    segment, separator = pieces[0].strip(), pieces[1].strip()
    if _is_site(segment, url) or (_is_date(segment) and not segment.isdigit()):  # not "2024 - the year ..."
        return True
    words = segment.split()
    return separator in _BARS and 0 < len(words) <= MAX_BAR_SECTION_WORDS and all(w[:1].isupper() for w in words)


def _strip_prefix(title: str, url: str | None) -> str:
    """ "Reuters: Headline" -> "Headline", when the part before the colon names the site (or is
    built like an outlet's name of two words or more, not a kicker: "Northern Courier: ...")."""
    head, colon, rest = title.partition(": ")
    words = head.casefold().split()
    shaped = len(words) >= 2 and words[0] not in _KICKER_WORDS
    if colon and _is_site(head, url, shaped=shaped) and len(rest.split()) >= MIN_HEADLINE_WORDS:
        return rest.strip()
    return title


def _words(pieces: list[str]) -> int:
    return sum(len(p.split()) for p in pieces[::2])


def _is_site(segment: str, url: str | None, shaped: bool = True) -> bool:
    segment = segment.strip()
    if not segment or len(segment.split()) > MAX_SITE_WORDS:
        return False
    key = _key(segment)
    if key in _outlet_keys() or key.startswith(_outlet_prefixes()):
        return True
    if _DOMAIN.fullmatch(segment) or (url and _names_domain(key, url)):
        return True
    return shaped and _OUTLET_SHAPE.match(segment) is not None


def _key(name: str) -> str:
    """A name reduced to its letters and digits, without a leading "the"."""
    return re.sub(r"[^\w]|_", "", re.sub(r"^the\s+", "", name.strip().casefold()))


def _names_domain(key: str, url: str) -> bool:
    """Whether a name spells the site's domain: "EUobserver" for euobserver.com, "Renew Europe"
    for reneweuropegroup.eu, "NATO Topic" for nato.int (one begins with the other)."""
    host = (urlparse(url).hostname or "").removeprefix("www.")
    label = host.split(".")[0] if "." in host else ""
    if len(key) < MIN_DOMAIN_KEY or len(label) < MIN_DOMAIN_KEY:
        return key == label != ""
    return key.startswith(label) or label.startswith(key) or key == _key(host)


# The outlets' names, read as a file beside the package's modules (as the shipped models are):
# importlib.resources took 0.03 s of CPU to import, a fiftieth of a `clean` run over 181 pages.
MEDIA_LEXICON = Path(__file__).resolve().parent.parent / "extract" / "lexicons" / "media.json"


@cache
def _outlet_prefixes() -> tuple[str, ...]:
    """The outlets' names of four characters or more: a segment starting with one names the site."""
    return tuple(sorted(k for k in _outlet_keys() if len(k) >= 4))


@cache
def _outlet_keys() -> frozenset[str]:
    outlets = json.loads(MEDIA_LEXICON.read_text("utf-8"))["outlets"]
    names = [name for canonical, aliases in outlets.items() for name in (canonical, *aliases)]
    return frozenset(_key(n) for n in names if len(_key(n)) >= 2)


def _drop_title_copies(article: Article, lines: list[str], titles: set[str]) -> None:
    """Lines that repeat the headline, with or without the site's name after it, go."""
    kept = [line for line in lines if not _is_copy(line, titles, article.url)]
    for _ in range(len(lines) - len(kept)):
        article.removed.append(Removal(article.title or "", "title"))
    article.text = "\n".join(kept)


def _is_copy(line: str, titles: set[str], url: str | None) -> bool:
    folded = fold(line)
    if folded in titles or ((crumb := last_crumb(line)) is not None and fold(crumb) in titles):
        return True
    heads = [t for t in titles if t and folded.startswith(t)]
    if not heads:
        return False
    return fold(strip_site_name(line, url)) in titles or any(_site_trail(line, len(t), url) for t in heads)


def _site_trail(line: str, start: int, url: str | None) -> bool:
    """Whether what follows the headline in `line` is a trail of short segments that ends in the
    site's name ("Headline | Russia-Ukraine war News | Al Jazeera": the page's <title>)."""
    spaced = " ".join(line.split())
    rest = spaced[start:] if len(fold(spaced[:start])) == start else ""
    pieces = _SEPARATOR.split(rest)
    if len(pieces) < 3 or pieces[0].strip():
        return False
    segments = [p.strip() for p in pieces[2::2]]
    short = all(0 < len(s.split()) <= MAX_SITE_WORDS for s in segments)
    return short and len(segments) <= MAX_TRAIL_SEGMENTS and _is_site(segments[-1], url)
