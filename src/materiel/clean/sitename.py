"""A site's name beside a headline: which segment of a page's title names the outlet (or its
section, or a date), and the headline without it ("Headline - Bloomberg", "Reuters: Headline",
"Headline | Gaza | The Guardian", "12 March 2024 - Headline"). A segment names an outlet when it is
one the project knows (extract/lexicons/media.json), the page's own domain, a domain name, or a
name built like a news organisation's ("... News Agency", "... Times", "... Insider").
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from materiel import regexcache

# A site segment is short; a longer segment after a dash is part of the headline.
MAX_SITE_WORDS = 6
# Left of a site segment, at least this many words must stay for a headline.
MIN_HEADLINE_WORDS = 3

# Separators between a headline and a site's name: a spaced dash, bar, bullet, or a colon with a
# space before it ("Headline : Site"; French typography, whose headlines use it too, is safe: a
# segment goes only when a rule names it a site), a spaced slash, tilde or left guillemet
# ("Headline / Example Times", "Headline « Example Post": the same test names the site).
SEPARATOR = regexcache.compile(r"(\s+(?:[-–—|·•»«/~:]|::)\s+)")
# A domain name ("Globalnews.ca", "Newsguru.live", "www.aa.com.tr").
_DOMAIN = regexcache.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.IGNORECASE)
# How news organisations name themselves: a title-case name ending in one of these words.
_OUTLET_SHAPE = regexcache.compile(
    r"""^(?:[A-ZÄÖÜÉ][\w'’&.-]*\s+){0,4}(?:
        News(?:\s+(?:Agency|Network|Service|Online))?|Times|Post|Herald|Tribune|Journal|Gazette|
        Daily|Observer|Telegraph|Independent|Insider|Monitor|Chronicle|Courier|Express|
        Magazine|Radio|Television|TV|Broadcasting(?:\s+Corporation)?|Wire|Press|Media|
        (?<!Live\s)Blog|               # "Defence Watch Blog", not a headline's "Live Blog"
        (?:[A-ZÄÖÜ][a-zäöüß]*)?(?:[Zz]eitung|[Bb]latt|[Kk]urier|[Aa]nzeiger|[Rr]undschau|[Nn]achrichten|[Ss]piegel)|
        Allgemeine|Presse|              # German: "Rheinische Zeitung", "Der Wochenspiegel", "Westfälische Allgemeine"
        Quotidien|Courrier|Dépêche|Matin|Soir|Hebdo|Télévision  # French: "Le Quotidien", "Le Courrier"
    )(?:\s+(?:du|des|de\ la|der)\s+[A-ZÄÖÜÉ][\w'’-]*)?$""",  # and the region after it: "La Dépêche du Sud"
    re.VERBOSE,
)
# After an outlet's name, a site segment holds at most this many words of its edition or section.
MAX_AFTER_OUTLET_WORDS = 2
# Names shorter than this must equal the domain's name; longer ones may begin it ("Renew Europe",
# reneweuropegroup.eu). Short names would begin too many domains ("AP", "RT").
MIN_DOMAIN_KEY = 4
# A title-case segment of at most this many words after a bar is a section or site name.
MAX_BAR_SECTION_WORDS = 3
# The separators that navigation sets between a headline and a section or site name; a headline
# itself uses dashes and colons, never these ("Headline · The Daily Ledger", "Headline :: Site").
_BARS = ("|", "·", "•", "»", "::")
# A site's name in brackets after the headline: "Headline (Reuters)".
_BRACKETED = regexcache.compile(r"\s*\(([^()]{2,40})\)\s*$")
# A site's name in square brackets before it, as feeds and aggregators tag an item: "[Kyiv Herald]
# Headline". The name goes only when it names an outlet: "[Editorial] Headline" keeps its label.
_BRACKETED_HEAD = regexcache.compile(r"^\s*\[([^\[\]]{2,40})\]\s*")
# Words that open names built like an outlet's that are a headline's kicker, not a site:
# "Breaking News: ...", "Fake News: ..." (a fact check), "World News: ...".
_KICKER_WORDS = frozenset(
    {"breaking", "latest", "fake", "top", "live", "world", "local", "daily", "weekly", "good", "bad"}
)

# A date or time stamp line ("Updated 12 March 2024, 10:15 CET"): its words are these only.
_DATE_WORD = regexcache.compile(
    r"""(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}   # months, whole or short
      | (?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?  # weekdays
      | [ap]m|gmt|utc|cet|cest|est|edt|bst                                 # times and zones
      | updated|published|posted|last|on|at                              # the stamp's verbs""",
    re.VERBOSE,
)
MAX_DATE_LINE_WORDS = 8


def strip_site_name(title: str, url: str | None = None) -> str:
    """`title` without a leading or trailing segment that names the site (or its section)."""
    bracketed = _BRACKETED.search(title)
    if (
        bracketed
        and is_site(bracketed.group(1), url)
        and segment_words([title[: bracketed.start()]]) >= MIN_HEADLINE_WORDS
    ):
        title = title[: bracketed.start()]
    tagged = _BRACKETED_HEAD.match(title)
    if tagged and is_site(tagged.group(1), url) and segment_words([title[tagged.end() :]]) >= MIN_HEADLINE_WORDS:
        title = title[tagged.end() :]
    pieces = SEPARATOR.split(title)  # text, separator, text, separator, ...
    if len(pieces) < 3:
        return _strip_prefix(title, url)
    after_site = False
    while len(pieces) > 1 and segment_words(pieces[:-2]) >= MIN_HEADLINE_WORDS and _is_tail(pieces, url, after_site):
        del pieces[-2:]
        after_site = True
    while len(pieces) > 1 and _is_head(pieces, url) and segment_words(pieces[2:]) >= MIN_HEADLINE_WORDS:
        del pieces[:2]
    return "".join(pieces).strip()


def _is_tail(pieces: list[str], url: str | None, after_site: bool) -> bool:
    """Whether the last segment is the site's name, or a section name: set off by a bar
    ("Headline | Gaza | The Guardian": headlines use dashes, navigation uses bars), or one word
    before a site's name ("Headline - National | Globalnews.ca")."""
    segment, separator = pieces[-1].strip(), pieces[-2].strip()
    if is_site(segment, url) or is_date(segment):  # "Headline | DW | 12.02.2024"
        return True
    words = segment.split()
    if len(pieces) >= 5 and _section(words) and is_site(pieces[-3], url):
        return True  # "Headline - Kyiv Herald - Defence": the section after the site's name, whatever sets it off
    if after_site and separator in _BARS and 0 < len(words) <= MAX_SITE_WORDS:
        return words[0][:1].isupper() and words[-1][:1].isupper()  # "| Russia-Ukraine war News | Site"
    limit = MAX_BAR_SECTION_WORDS if separator in _BARS else int(after_site)
    return 0 < len(words) <= limit and all(w[:1].isupper() for w in words)


def _section(words: list[str]) -> bool:
    """A section's name: MAX_BAR_SECTION_WORDS words at most, each capitalised."""
    return 0 < len(words) <= MAX_BAR_SECTION_WORDS and all(w[:1].isupper() for w in words)


def _is_head(pieces: list[str], url: str | None) -> bool:
    """Whether the first segment is the site's name, a date ("12 March 2024 - Headline"), or a
    section name set off by a bar ("World | Headline", "EUROPE · Headline")."""
    segment, separator = pieces[0].strip(), pieces[1].strip()
    if is_site(segment, url) or (is_date(segment) and not segment.isdigit()):  # not "2024 - the year ..."
        return True
    words = segment.split()
    return separator in _BARS and 0 < len(words) <= MAX_BAR_SECTION_WORDS and all(w[:1].isupper() for w in words)


def _strip_prefix(title: str, url: str | None) -> str:
    """ "Reuters: Headline" -> "Headline", when the part before the colon names the site (or is
    built like an outlet's name of two words or more, not a kicker: "Northern Courier: ...")."""
    head, colon, rest = title.partition(": ")
    words = head.casefold().split()
    shaped = len(words) >= 2 and words[0] not in _KICKER_WORDS
    if colon and is_site(head, url, shaped=shaped) and len(rest.split()) >= MIN_HEADLINE_WORDS:
        return rest.strip()
    return title


def segment_words(pieces: list[str]) -> int:
    return sum(len(p.split()) for p in pieces[::2])


def is_site(segment: str, url: str | None, shaped: bool = True) -> bool:
    segment = segment.strip()
    if not segment or len(segment.split()) > MAX_SITE_WORDS:
        return False
    key = _key(segment)
    if key in _outlet_keys() or _opens_with_outlet(segment):
        return True
    if _DOMAIN.fullmatch(segment) or (url and _names_domain(key, url)):
        return True
    return shaped and _OUTLET_SHAPE.match(segment) is not None


def _opens_with_outlet(segment: str) -> bool:
    """Whether the segment is an outlet's name (four characters or more) and a few words in title
    case after it ("Al Jazeera English", "BBC News Online"), the name ending at a word's end: "Zeit"
    does not open "Zeitung nennt neue Zahlen", nor "Reuters" a clause ("Reuters reports new deals")."""
    words = segment.split()
    for size in range(1, len(words)):
        name, rest = _key(" ".join(words[:size])), words[size:]
        if len(name) >= MIN_DOMAIN_KEY and name in _outlet_keys():
            return len(rest) <= MAX_AFTER_OUTLET_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in rest)
    return False


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
def _outlet_keys() -> frozenset[str]:
    outlets = json.loads(MEDIA_LEXICON.read_text("utf-8"))["outlets"]
    names = [name for canonical, aliases in outlets.items() for name in (canonical, *aliases)]
    return frozenset(_key(n) for n in names if len(_key(n)) >= 2)


def is_date(line: str) -> bool:
    if len(line.split()) > MAX_DATE_LINE_WORDS or not any(c.isdigit() for c in line):
        return False  # a long line first: most lines tested are sentences
    return all(_DATE_WORD.fullmatch(w) for w in re.findall(r"[^\W\d_]+", line.casefold()))
