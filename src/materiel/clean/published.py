"""The article's date: from what the input carries, best evidence first.

A reader may have set `published` already (a JSONL feed's field, a front matter parsed by a
cleaning step); that wins and is only normalised. Otherwise, in order of trust: the HTML page's
metadata (htmldate, no guessing from the body; clean.metadate first reads what htmldate would
from the tags, without it), a labelled date line at the top of the text
(front matter `date:`, `Published: ...`, `Posted 12 May 2024`), a wire dateline ("KYIV, May 3,
2024 (Reuters) -"), a date in the URL, a date stamp in the file name (`20240507T110000Z`,
`2024_07_18`, `2022-10-31-title`), and last the crawl's capture date (WARC-Date). Every date is
stored as ISO `YYYY-MM-DD`, and `published_from` says which of these gave it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from materiel import regexcache
from materiel.article import Article
from materiel.clean.metadate import meta_day

# Lines at the top of a raw page where metadata lines and datelines live (front matter, a
# scraper's header block, the byline area); a date further down is part of the story.
HEADER_LINES = 60
HEADER_CHARS = 6000
# Dates before this year are not the date of a news page (a typo, an epoch 0, a history date).
EARLIEST_YEAR = 1980

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A date written with its year: ISO or numeric, or with the month's name in either order.
_DATED = (
    r"(?:(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"  # 2024-05-07, 2024/5/7
    rf"|(?:0?[1-9]|[12]\d|3[01])\.?\s+{_MONTHS},?\s+(?:19|20)\d\d"  # 7 May 2024, 7. Mai 2024
    rf"|{_MONTHS}\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)"  # May 7, 2024
)
LABELLED = regexcache.compile(
    r"""
    ^[\s>*_#|`'"-]*                                   # list marks, bold or quote marks before a label
    (?P<label>
        published(?:[\ _-]?(?:at|on|time|date))?     # "published:", "published_at:", "Published on"
      | date(?:[\ _-]?published)? | datepublished      # front matter "date:", JSON-LD "datePublished"
      | post(?:ed)?(?:[\ _-]?(?:date|on|at))?          # "post_date:", "Posted 12 May 2024"
      | pub[\ _-]?date | created(?:[\ _-]at)?          # RSS "pubDate", "created_at"
      | timestamp                                      # scrapers' header blocks
      | (?P<fetch>(?:crawled|scraped|fetched|retrieved|downloaded)(?:[\ _-]?(?:at|on))?)  # capture time
    )
    [\s*_`'"]*(?::|=|\s(?=[\d\w]))[\s*_`'"]*          # a colon, or a space before the value ("Posted 12 May")
    (?P<value>[^\n|]{6,60})                          # the value, up to a bar ("| Photo: Reuters")
    """,
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
DATELINE = regexcache.compile(
    rf"""
    ^[\s>*_#|-]*(?:                                       # after list or quote marks
        (?-i:[A-Z]{{2}}[A-Z.'\ -]{{0,30}}),\s+{_WEEKDAY}   # a wire dateline: a place in capitals ("KYIV,")
        (?P<wire>{_DATED})\s*[,(\-–—]                      # the date with its year, then the credit or a dash
      | {_WEEKDAY}(?P<alone>{_DATED})                      # or a line that is only the date
        (?:,?\s+\d\d?[:.]\d\d[^\n]{{0,20}})?\s*$         # and perhaps its time ("10.05 BST")
      | \d\d?:\d\d\s?[AP]\.?M\.?\s+                       # or a byline's 12-hour time, which is the US
        (?P<us>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:19|20)\d\d)  # convention, so month/day/year
    )
    """,
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
# A date stamp in a file name or URL: 20240507T110000Z, 202602130221, 2024_07_18, 2024-07-18-,
# /2023/05/15/ (each part checked as a real date below). Digits on either side make it a number.
STAMP = regexcache.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[-_/.]?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?:T?\d{4}(?:\d\d)?Z?)?(?!\d)"
)


def find_published(article: Article) -> None:
    """Step: the article's date (ISO day) and where it came from, when the input carries one."""
    if _given(article):
        return
    for where, finder in FINDERS:
        found = finder(article)
        if found:
            article.published, article.published_from = found, where
            return


def check_published(article: Article) -> None:
    """Step, in place of find_published where the output shows no date (`materiel clean`): a date
    the input gave is normalised, or noted and dropped when it is not one, as there, but no date
    is looked for (on HTML pages that took a tenth of the cleaning, htmldate's part of it most)."""
    _given(article)


def _given(article: Article) -> bool:
    """Whether the input gave a date (normalised here); one that is not a date is noted and dropped."""
    if not article.published:
        return False
    normal = iso_day(article.published)
    if normal:
        article.published = normal
        article.published_from = article.published_from or "input"
        return True
    article.notes.append(f"published value {article.published!r} is not a date; looked elsewhere")
    article.published = None
    return False


def _from_html(article: Article) -> str | None:
    if not article.html:
        return None
    html = article.html[:HTML_SCAN_CHARS]
    day = meta_day(html)  # htmldate's answer where it is sure to be, without htmldate
    if day:
        return iso_day(day)
    from htmldate import find_date  # imported here: most inputs of a text run are not HTML

    try:
        found = find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
    return iso_day(found)


# htmldate reads the head and the first of the body; a longer page adds time, not dates.
HTML_SCAN_CHARS = 1_000_000


def _header(article: Article) -> str:
    lines = (article.text or "").lstrip("\ufeff").split("\n", HEADER_LINES)[:HEADER_LINES]
    return "\n".join(lines)[:HEADER_CHARS]


def _from_label(article: Article) -> str | None:
    for match in LABELLED.finditer(_header(article)):
        if match.group("fetch"):
            article.fetched = article.fetched or iso_day(match.group("value"))
            continue
        day = iso_day(match.group("value"))
        if day:
            return day
    return None


def _from_dateline(article: Article) -> str | None:
    for match in DATELINE.finditer(_header(article)):
        if match.group("us"):
            month, day_of_month, year = (int(part) for part in match.group("us").split("/"))
            day = _valid(year, month, day_of_month)
        else:
            day = iso_day(match.group("wire") or match.group("alone"))
        if day:
            return day
    return None


def _from_url(article: Article) -> str | None:
    return stamp_day(article.url or "")


def _from_file_name(article: Article) -> str | None:
    name = (article.source or "").replace("\\", "/").rsplit("/", 1)[-1]
    return stamp_day(name)


def _from_fetched(article: Article) -> str | None:
    return iso_day(article.fetched) if article.fetched else None


FINDERS = (
    ("html-meta", _from_html),
    ("header", _from_label),
    ("dateline", _from_dateline),
    ("url", _from_url),
    ("file-name", _from_file_name),
    ("fetched", _from_fetched),
)


# A URL path with the month's name: /2023/may/15/.
NAMED_STAMP = regexcache.compile(
    rf"/(?P<y>(?:19|20)\d\d)/(?P<m>{_MONTHS})/(?P<d>0?[1-9]|[12]\d|3[01])(?:/|$)", re.IGNORECASE
)
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NUMBER = {name: number for number, name in enumerate(MONTH_ABBREVIATIONS, 1)}


def stamp_day(name: str) -> str | None:
    """The first real date stamped in a file name or URL, as an ISO day."""
    for match in STAMP.finditer(name):
        day = _valid(int(match["y"]), int(match["m"]), int(match["d"]))
        if day:
            return day
    for match in NAMED_STAMP.finditer(name):
        day = _valid(int(match["y"]), MONTH_NUMBER[match["m"][:3].lower()], int(match["d"]))
        if day:
            return day
    return None


# A day written year first, with any of - / . between ("2024-03-05", "2024/3/5"), not inside a longer number.
_ISO = regexcache.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)(?!\d)")


def iso_day(value: str | None) -> str | None:
    """An ISO day (YYYY-MM-DD) for a date written in any common way, or None when it is not one
    date with a day, month and year ('true', 'unknown', 'May 2024')."""
    text = (value or "").strip().strip("`'\"")
    if not text:
        return None
    match = _ISO.search(text[:40])
    if match:
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    return _parsed_day(text[:60])


def _parsed_day(text: str) -> str | None:
    if not re.search(r"(?:19|20)\d\d", text):
        return None  # no year written: nothing to anchor a day to
    import dateparser  # imported here: most dates are ISO

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return _valid(found.year, found.month, found.day) if isinstance(found, datetime) else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if not EARLIEST_YEAR <= found.year <= date.today().year + 1:
        return None
    return found.isoformat()
