"""JSON Lines feeds: one record a line with `text` or `html`, and optional id, url, published (or date,
published_at, ...) and fetched (or crawled_at, ...)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from materiel.article import Article, content_id
from materiel.pipeline import Failure
from materiel.read.text import decoded


def read_jsonl_bytes(name: str, data: bytes) -> Iterator[Article | Failure]:
    text = decoded(name, data)
    if isinstance(text, Failure):
        yield text
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield record_to_article(line, f"{name}:{number}")


def record_to_article(line: str, where: str) -> Article | Failure:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Failure(where, f"not JSON ({error.msg} at column {error.colno})")
    if not isinstance(record, dict):
        return Failure(where, "a record must be a JSON object")
    return dict_to_article(record, where)


def dict_to_article(record: dict, where: str) -> Article | Failure:
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return Failure(where, 'record has neither a "text" nor an "html" string')
    ident = record.get("id")
    ident = str(ident) if ident is not None else content_id(text or html)
    return Article(
        id=ident,
        source=where,
        text=text if isinstance(text, str) else "",
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        url=_str(record.get("url")),
        published=_first(record, PUBLISHED_KEYS),
        fetched=_first(record, FETCHED_KEYS),
    )


# The names feeds and scrapers give a record's publication date and its capture time.
PUBLISHED_KEYS = ("published", "published_at", "datePublished", "date_published", "pubDate", "date")
FETCHED_KEYS = ("fetched", "fetched_at", "crawled_at", "scraped_at", "retrieved")


def _first(record: dict, keys: tuple[str, ...]) -> str | None:
    return next((_str(record[k]) for k in keys if record.get(k) not in (None, "")), None)


def _str(value: object) -> str | None:
    return str(value) if value is not None else None
