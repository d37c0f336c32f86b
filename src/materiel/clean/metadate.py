"""An HTML page's date from its <meta> tags, read by pattern: htmldate's answer on most news pages
without building the page's tree (htmldate took about a fifth of the cleaning of an HTML page,
and its import a tenth of a second of every process that reads HTML).

htmldate (original date, no extensive search) answers first from a date in the page's canonical
URL, then from the first <meta> that names a publication date, in document order, then from
JSON-LD and the body. `meta_day` reads the same canonical URL and the same first <meta> of the
page's <head>, and gives a day only when htmldate's answer cannot differ: a date in that URL, or
else the tag htmldate stops at holding an ISO date inside htmldate's range. Otherwise it says
nothing and htmldate decides. tests/test_metadate.py checks the names against htmldate's own,
and the answers against htmldate's.
"""

from __future__ import annotations

import re
from datetime import date

from materiel import regexcache

# The <meta> names and properties htmldate takes for the original publication date
# (htmldate.core.DATE_ATTRIBUTES, compared in the tests).
DATE_NAMES = frozenset(
    [
        "analyticsattributes.articledate",
        "article.created",
        "article.published",
        "article:post_date",
        "article:publicationdate",
        "article:published",
        "article:published_date",
        "article:published_time",
        "article_date_original",
        "bt:pubdate",
        "citation_date",
        "citation_publication_date",
        "content_create_date",
        "created",
        "cxenseparse:recs:publishtime",
        "date",
        "date_created",
        "date_published",
        "datecreated",
        "dateposted",
        "datepublished",
        "dc.created",
        "dc.date",
        "dc.date.created",
        "dc.date.issued",
        "dc.date.publication",
        "dc:created",
        "dc:date",
        "dcsext.articlefirstpublished",
        "dcterms.created",
        "dcterms.date",
        "dcterms.issued",
        "displaydate",
        "doc_date",
        "field-name-post-date",
        "gentime",
        "mediator_published_time",
        "meta",
        "og:article:published",
        "og:article:published_time",
        "og:datepublished",
        "og:pubdate",
        "og:publish_date",
        "og:published_time",
        "og:question:published_time",
        "og:regdate",
        "originalpublicationdate",
        "parsely-pub-date",
        "pdate",
        "ptime",
        "pubdate",
        "publication_date",
        "publish-date",
        "publish_date",
        "publish_time",
        "publishdate",
        "published-date",
        "published_date",
        "published_time",
        "publisheddate",
        "rbpubdate",
        "release_date",
        "rnews:datepublished",
        "sailthru.date",
        "shareaholic:article_published_time",
        "timestamp",
        "twt-published-at",
        "video:release_date",
        "vr:published_time",
    ]
)
# itemprop values htmldate takes for the original date (ITEMPROP_ATTRS_ORIGINAL).
DATE_ITEMPROPS = frozenset({"datecreated", "datepublished", "pubyear"})
# Tags htmldate keeps a date from in case no other is found (NAME_MODIFIED, PROPERTY_MODIFIED).
FALLBACKS = {
    "name": frozenset({"last-modified", "lastdate", "lastmod", "lastmodified", "modified", "utime"}),
    "property": frozenset(
        [
            "article:modified",
            "article:modified_date",
            "article:modified_time",
            "article:post_modified",
            "bt:moddate",
            "datemodified",
            "dc.modified",
            "dcterms.modified",
            "lastmodified",
            "modificationdate",
            "modified_time",
            "og:article:modified_time",
            "og:modified_time",
            "og:updated_time",
            "release_date",
            "revision_date",
            "updated_time",
        ]
    ),
    "itemprop": frozenset({"copyrightyear"}),
    "http-equiv": frozenset({"last-modified"}),
}
# The scripts whose JSON htmldate reads.
JSON_TYPES = frozenset({"application/ld+json", "application/settings+json"})
# htmldate's earliest date (htmldate.settings.MIN_DATE); its latest is today.
EARLIEST = date(1995, 1, 1)
# Where a page's <head> ends at the latest: past this the page has no usable head.
HEAD_CHARS = 200_000

_HEAD_END = regexcache.compile(r"</head\s*>|<body[\s>]", re.IGNORECASE)
# A comment or a script, whose text is not tags (written unrolled: no step back per character).
_HIDDEN = regexcache.compile(
    r"<!--[^-]*(?:-(?!->)[^-]*)*-->|<script\b[^>]*>[^<]*(?:<(?!/script)[^<]*)*</script\s*>", re.I
)
_JSON_SCRIPT = regexcache.compile(r"<script\b([^>]*\bjson\b[^>]*)>([^<]*(?:<(?!/script)[^<]*)*)</script\s*>", re.I)
# Words one of which every tag name htmldate reads holds (tests/test_metadate.py checks them):
# a tag without any is skipped without reading its attributes.
_DATE_WORDS = regexcache.compile(r"date|time|pub|created|meta|mod|copyright|url|equiv", re.I)
_JSON_PUBLISHED = regexcache.compile(r'"datePublished": ?"((?:199\d|20[0-3]\d))-([01]?\d)-([0-3]?\d)', re.IGNORECASE)
_META = regexcache.compile(r"<meta\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = regexcache.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_CANONICAL = regexcache.compile(r"""<link\b([^>]*\brel\s*=\s*["']?canonical\b[^>]*)>""", re.IGNORECASE)
# A date in a URL as htmldate reads one (its COMPLETE_URL): 2024/05/07, 2024-5-7, 2024_05_07.
_URL_DATE = regexcache.compile(r"\D((?:199\d|20[0-3]\d))[/_-]([01]?\d)[/_-]([0-3]?\d)(?:\D|$)")
# An ISO date, perhaps with its time (to the second) and zone: what htmldate reads as that day.
# With fractions of a second htmldate sometimes reads no date at all: those values are left to it.
_ISO_VALUE = regexcache.compile(
    r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?\s*", re.ASCII
)


def meta_day(html: str) -> str | None:
    """The ISO day htmldate would give from the page's canonical URL, <meta> tags or JSON-LD,
    when it surely would."""
    url = _URL_DATE.search(_canonical(html))
    if url is not None and _day(*url.groups()):
        return _day(*url.groups())  # htmldate takes a date in the canonical URL first
    end = _HEAD_END.search(html, 0, HEAD_CHARS)
    if end is None:
        return None
    for match in _META.finditer(_HIDDEN.sub("", html[: end.start()])):
        value = _date_value(_attributes(match.group(1))) if _DATE_WORDS.search(match.group(1)) else None
        if value is not None:
            return _iso_day(value)
    tags = (match.group(1) for match in _META.finditer(html))
    if any(_answers(_attributes(tag)) for tag in tags if _DATE_WORDS.search(tag)):
        return None  # a tag further on gives htmldate a date or a fallback
    return _json_day(html)


def _json_day(html: str) -> str | None:
    """htmldate's next place: the first datePublished of the page's JSON-LD."""
    for match in _JSON_SCRIPT.finditer(html):
        if _attributes(match.group(1)).get("type") not in JSON_TYPES or '"date' not in match.group(2):
            continue
        found = _JSON_PUBLISHED.search(match.group(2))
        if found is not None and _day(*found.groups()):
            return _day(*found.groups())
    return None


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, *values in _ATTRIBUTE.findall(text):
        found.setdefault(name.lower(), next((v for v in values if v), ""))
    return found


def _date_value(attributes: dict[str, str]) -> str | None:
    """The value htmldate reads as the page's original date from this tag, or None when it
    reads none. It looks at the first of name, property and itemprop the tag has, else at
    pubdate="pubdate" and http-equiv="date"."""
    if "content" not in attributes and "datetime" not in attributes:
        return None
    for kind, names in (("name", DATE_NAMES), ("property", DATE_NAMES), ("itemprop", DATE_ITEMPROPS)):
        if kind in attributes:
            if attributes[kind].lower() not in names:
                return None
            extra = attributes.get("datetime") if kind == "itemprop" else None
            return extra or attributes.get("content", "")
    if attributes.get("pubdate", "").lower() == "pubdate" or attributes.get("http-equiv", "").lower() == "date":
        return attributes.get("content", "")
    return None


def _answers(attributes: dict[str, str]) -> bool:
    """Whether htmldate takes a date, or a fallback date, from this tag."""
    if _date_value(attributes) is not None:
        return True
    kind = next((k for k in ("name", "property", "itemprop", "pubdate", "http-equiv") if k in attributes), "")
    value = attributes.get(kind, "").lower()
    if kind == "name" and value == "og:url":
        return _URL_DATE.search(attributes.get("content", "")) is not None
    return value in FALLBACKS.get(kind, ())


def _canonical(html: str) -> str:
    """The href of the page's first link whose rel is exactly "canonical" (as htmldate finds it)."""
    for match in _CANONICAL.finditer(html):
        attributes = _attributes(match.group(1))
        if attributes.get("rel") == "canonical":
            return attributes.get("href", "")
    return ""


def _iso_day(value: str) -> str | None:
    match = _ISO_VALUE.fullmatch(value)
    return _day(match[1], match[2], match[3]) if match else None


def _day(year: str, month: str, day: str) -> str | None:
    """The ISO day, when it is one inside htmldate's range."""
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found.isoformat() if EARLIEST <= found <= date.today() else None
