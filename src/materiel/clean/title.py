"""The headline: found, freed of the site's name, and kept out of the body.

- A text file with no title yet takes its first line when that line reads as a headline.
- A site's name beside the headline (" - Bloomberg", " | Reuters", "Reuters: ...") goes, when
  the segment names an outlet (sitename.py).
- Copies of the headline in the body go: a line that repeats it, and a headline block glued to
  the first paragraph, as wire services' feeds paste it ("kicker" + headline + "By ...").
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.article import Article, Removal
from materiel.clean.boilerplate import fold, rule_reason
from materiel.clean.crumbs import CRUMBS, MIN_CRUMBS, comparison, last_crumb
from materiel.clean.headline import drop_glued_headline
from materiel.clean.residue import tidy
from materiel.clean.rules import title_case
from materiel.clean.sitename import (
    MAX_SITE_WORDS,
    MIN_HEADLINE_WORDS,
    SEPARATOR,
    is_date,
    is_site,
    segment_words,
    strip_site_name,
)
from materiel.clean.titlemarks import (
    bar_items,
    bare_headline,
    has_label,
    letterhead,
    slug_share,
    slug_words,
    without_bar_segments,
    without_label,
    without_marks,
)
from materiel.clean.widgets import MAX_HEADED_LINES, list_heading

# A headline is a short line of words without a closing full stop (or in title case, which no
# sentence of prose is: "Russia Says It Will Respond." against "Germany has sent ...").
TITLE_WORDS = (3, 40)
TITLE_CHARS = (15, 300)

# A story list above the headline holds its heading, headlines and their dates: at most this many
# lines.
MAX_LIST_LINES = 2 * MAX_HEADED_LINES + 1

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
    article.raw_title = raw
    unstamped = bare_headline(raw)
    headline = without_bar_segments(strip_site_name(unstamped, article.url))
    article.title = without_marks(_confirmed_by_copy(headline, lines))
    _drop_title_copies(article, lines, {fold(raw), fold(article.title)})
    _drop_site_names(article, unstamped)
    drop_glued_headline(article)


def _drop_site_names(article: Article, raw: str) -> None:
    """A line that is only the site's name cut from the headline ("The Example Blog") goes."""
    title = fold(article.title)
    names = {fold(p) for p in SEPARATOR.split(raw)[::2] if fold(p) not in title and is_site(p, article.url)}
    if not names:
        return
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
    filled = [(i, x) for i, x in enumerate(lines[:at]) if x]
    mastheads = {i for n, (i, _) in enumerate(filled) if _masthead([x for _, x in filled], n)}
    above = [i for i in range(at) if _unnamed_menu_item(lines[i]) or _site_line(lines[i], article.url)]
    above = sorted(set(above) | mastheads)
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
    named = is_site(line, url, shaped=True) or _site_led(line, url)
    return bool(line) and not any(c.isdigit() for c in line) and named


def _confirmed_by_copy(title: str, lines: list[str]) -> str:
    """The headline without segments no rule names, when the page prints the headline again
    without them: "Headline - Українська правда" above "Headline" shows the dash set off the
    site's name, whatever the name; "Politik - Headline | DW" above "Headline" a section's name
    and the site's (one segment at either end or both, MAX_SITE_WORDS words each at most). A
    section's label before a colon ("Ausland: Headline") goes the same way."""
    cuts = _cuts(title)
    if not cuts:
        return title
    own = fold(title)
    body = {folded for line in lines if line and (folded := fold(line)) != own}
    for head in cuts:
        if fold(head) in body:
            return head
    return title


def _cuts(title: str) -> list[str]:
    """The headline with a short segment cut at its end, at its start, at both, or without a
    short label before a colon: each keeps MIN_HEADLINE_WORDS words."""
    pieces = SEPARATOR.split(title)
    ends = ((0, 2), (2, 0), (2, 2)) if len(pieces) >= 5 else ((0, 2), (2, 0)) if len(pieces) >= 3 else ()
    cuts = []
    for start, end in ends:
        kept = pieces[start : len(pieces) - end]
        cut = pieces[: max(start - 1, 0)] + pieces[len(pieces) - end + 1 :] if end else pieces[: start - 1]
        if all(len(c.split()) <= MAX_SITE_WORDS for c in cut) and segment_words(kept) >= MIN_HEADLINE_WORDS:
            cuts.append("".join(kept).strip())
    label = _SECTION_LABEL.match(title)
    if label and len(title[label.end() :].split()) >= MIN_HEADLINE_WORDS:
        cuts.append(title[label.end() :].strip())
    return cuts


# A section's label before a colon at the headline's start ("Ausland: ", "World news: "): at most
# MAX_LABEL_WORDS words. It goes only where the page prints the headline again without it.
_SECTION_LABEL = regexcache.compile(r"^[^\W\d_][\w'’-]*(?:\s[\w'’-]+)?:\s+")


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
        if not _is_label(line, url) and not header and not sender and not _masthead(filled, index):
            return _named_by_address(filled, index, url)
        if index >= MAX_LABEL_LINES and not _is_menu_item(line):
            break
    return filled[0] if filled else ""


# A theme's button that opens the site's menu, on its own line: the line just above it is the
# site's name ("The Example Blog" / "Menu"), which a headline never stands over.
MENU_TOGGLE = regexcache.compile(
    r"^\W*(?:(?:main\ |open\ |toggle\ |primary\ )?menu|toggle\ navigation|menu\ search|search\ menu)\W*$",
    re.IGNORECASE | re.VERBOSE,
)
MAX_MASTHEAD_WORDS = 5


# A kicker above the headline ("Russia's war on Ukraine" over "Germany sends more tanks"): the line
# holds at most this share of the words the page's address names its story with, and the line
# after it at least SLUG_HEADLINE_SHARE (the address repeats the headline, never the kicker).
SLUG_KICKER_SHARE = 0.25
SLUG_HEADLINE_SHARE = 0.6


def _named_by_address(filled: list[str], index: int, url: str | None) -> str:
    """The line at `index`, or the line after it when the page's address names that one and not
    this one: a kicker or a section's name of three words or more stands above the headline."""
    slug = slug_words(url)
    line = filled[index]
    if not slug or index + 1 >= len(filled) or slug_share(line, slug) > SLUG_KICKER_SHARE:
        return line
    after = filled[index + 1]
    named = slug_share(after, slug) >= SLUG_HEADLINE_SHARE and _looks_like_headline(after, filled)
    return after if named else line


def _masthead(filled: list[str], index: int) -> bool:
    """Whether the line is the site's name over its menu's button: a few words, then the button."""
    line = filled[index]
    short = len(line.split()) <= MAX_MASTHEAD_WORDS and not line.endswith((".", "!", "?", ":"))
    return short and index + 1 < len(filled) and MENU_TOGGLE.match(filled[index + 1]) is not None


def _site_led(line: str, url: str | None) -> bool:
    """A line that opens with the site's name before a separator: a masthead with its motto, or
    a headline after the site's name; the line after it tells which."""
    pieces = SEPARATOR.split(line)
    return len(pieces) >= 3 and is_site(pieces[0], url)


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


def _is_label(line: str, url: str | None) -> bool:
    words = [w for w in line.split() if w not in ("&", "and")]
    short = len(words) <= MAX_LABEL_WORDS and not line.endswith((".", "!", "?"))
    crumbs = len(CRUMBS.findall(line)) >= MIN_CRUMBS and not comparison(line)
    furniture = rule_reason(strip_site_name(line, url)) is not None  # "Skip to main content", "By Anna Smith"
    return short or crumbs or furniture or is_date(line) or is_site(line, url, shaped=True) or _bar_menu(line)


def _bar_menu(line: str) -> bool:
    """Short items between bars: a header's links ("Subscribe | E-edition | Login") or an issue's
    stamp ("Issue 142 | April 2024"); a headline after a bar is longer ("Gaza | Aid reaches ...")."""
    items = bar_items(line)
    return len(items) > 1 and all(_is_menu_item(item) or is_date(item) for item in items)


# A photo's credit closing the line ("... on display in Moscow (Jane Doe/AP)"): a caption, not a
# headline.
_CAPTION_CREDIT = regexcache.compile(r"\(\s*[^()/]{2,40}/\s*[^()/]{2,30}\)\s*$")


def _notice(line: str, url: str | None) -> bool:
    """A first line that is a notice of the site's ("This article is more than 2 years old", "You
    can now listen to our articles!") or a caption, not a headline: a rule names it once the
    site's name after a headline is gone (" | Reuters" alone reads as a photo's credit)."""
    return rule_reason(strip_site_name(line, url)) is not None or _CAPTION_CREDIT.search(line) is not None


# Marks that may close a sentence after its stop: English, German (“ ‘, low marks open) and
# guillemets either way round (» and the Danish and German «).
CLOSING_MARKS = "\"'”’“‘)»«"


def _looks_like_headline(line: str, lines: list[str]) -> bool:
    words = len(line.split())
    if not (TITLE_WORDS[0] <= words <= TITLE_WORDS[1] and TITLE_CHARS[0] <= len(line) <= TITLE_CHARS[1]):
        return False
    own = fold(line)
    repeated = sum(fold(x) == own for x in lines) > 1
    unended = not line.rstrip(CLOSING_MARKS).endswith((".", ":", ",", ";"))
    return repeated or unended or title_case(line)


def _drop_title_copies(article: Article, lines: list[str], titles: set[str]) -> None:
    """Lines that repeat the headline, with or without the site's name after it, go."""
    kept = [line for line in lines if not _is_copy(line, titles, article.url)]
    for _ in range(len(lines) - len(kept)):
        article.removed.append(Removal(article.title or "", "title"))
    article.text = "\n".join(kept)


def _is_copy(line: str, titles: set[str], url: str | None) -> bool:
    folded = fold(line)
    if folded in titles:
        return True
    # A crumb is the line's end, and folds to the end of the folded line: only a line that ends
    # with a headline is split into crumbs.
    ends = any(folded.endswith(t) for t in titles)
    if ends and (crumb := last_crumb(line)) is not None and fold(crumb) in titles:
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
    pieces = SEPARATOR.split(rest)
    if len(pieces) < 3 or pieces[0].strip():
        return False
    segments = [p.strip() for p in pieces[2::2]]
    short = all(0 < len(s.split()) <= MAX_SITE_WORDS for s in segments)
    return short and len(segments) <= MAX_TRAIL_SEGMENTS and is_site(segments[-1], url)
