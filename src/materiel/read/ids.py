"""Article ids in a run. A reader gives each article the id its input gives it: a file's stem, a
feed record's `id` (else a hash of its text), a crawl record's WARC-Record-ID. Two pages of a run
can be given the same one (`x.html` in two folders, `x.html` beside `x.txt`, one id in two feeds):
the page read later gets the id with its source's hash added, so that no two pages of a run share
one, and an id no other page of the run has stays as it was (the ledger's ids stay stable)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

from materiel.article import Article
from materiel.pipeline import Failure

# A feed record's source: its feed and its line ("feeds/day.jsonl:12", read/jsonl.py).
_FEED_LINE = re.compile(r"(?P<feed>.+\.(?:jsonl|ndjson)(?:\.gz)?):\d+", re.IGNORECASE)
# Hex digits of the source's hash added to an id another page has: 32 bits, enough that two
# sources of one run do not meet (a further meeting is numbered).
SOURCE_HASH_DIGITS = 8


def page_of(source: str) -> str:
    """The page a source names: a feed record is its feed's, at whatever line (a record given
    again lower in its feed is a later version of the same page); any other source is itself."""
    line = _FEED_LINE.fullmatch(source)
    return line.group("feed") if line else source


def distinct_ids(items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    """The items, each article's id unique to its page in this run (see the module's words)."""
    owners: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            item.id = _own_id(item.id, page_of(item.source), owners)
        yield item


def _own_id(ident: str, page: str, owners: dict[str, str]) -> str:
    """`ident`, or when another page has it, the id with the page's hash added (numbered on)."""
    if owners.setdefault(ident, page) == page:
        return ident
    base = f"{ident}-{hashlib.sha256(page.encode('utf-8', 'surrogatepass')).hexdigest()[:SOURCE_HASH_DIGITS]}"
    candidate, number = base, 1
    while owners.setdefault(candidate, page) != page:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
