"""JSON Lines feeds: one record a line with `text` or `html`, and optional id, url, published (or date,
published_at, ...) and fetched (or crawled_at, ...)."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from materiel.article import Article, content_id, readable_url
from materiel.pipeline import Failure
from materiel.read.text import BINARY, MAX_INPUT_BYTES, NotText, decode, is_gzip


def read_jsonl_bytes(name: str, data: bytes) -> Iterator[Article | Failure]:
    """A feed whose bytes are in memory (Spark's files), read as a local feed is: line by line, the
    size limit for each record, not the file."""
    stream: IO[bytes] = io.BytesIO(data)
    if is_gzip(name, data[:2]):
        stream = gzip.GzipFile(fileobj=stream)
    yield from _read_lines(stream, name)


def read_jsonl_file(path: Path) -> Iterator[Article | Failure]:
    """A local feed, streamed line by line (gzip too): a feed may hold more articles than the size
    limit of one page, which holds for each record instead; a truncated gzip keeps what came before,
    and binary data ends the file with one failure, not one a line."""
    with path.open("rb") as handle:
        first = handle.read(2)
    opener = gzip.open if is_gzip(path.name, first) else open
    with opener(path, "rb") as handle:
        yield from _read_lines(handle, str(path))


# A feed's byte-order marks of UTF-32 and UTF-16 (Windows tools' "Unicode"), whose lines are not
# split on bytes; UTF-32's first, since its little-endian mark starts with UTF-16's (FF FE).
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A feed without a mark, known by where the NUL bytes fall in its first four (RFC 4627, 3): a
# record opens with an ASCII character ("{", or a space), one byte and the rest NUL in these.
NUL_SAMPLE = 4
NUL_PATTERNS = {
    (True, True, True, False): "utf-32-be",  # 00 00 00 7B
    (False, True, True, True): "utf-32-le",  # 7B 00 00 00
    (True, False, True, False): "utf-16-be",  # 00 7B 00 22
    (False, True, False, True): "utf-16-le",  # 7B 00 22 00
}


def wide_encoding(first: bytes) -> str | None:
    """The UTF-16 or UTF-32 a feed is written in, by its first four bytes; None for any other."""
    codec = next((codec for bom, codec in WIDE_BOMS if first.startswith(bom)), None)
    if codec is None and len(first) >= NUL_SAMPLE:
        codec = NUL_PATTERNS.get(tuple(byte == 0 for byte in first[:NUL_SAMPLE]))
    return codec


def _lines(handle: IO[bytes]) -> Iterator[bytes]:
    """A feed's lines, split on any line end (LF, CRLF, or CR alone as old Mac editors wrote; JSON
    holds none of them raw inside a record), streamed. UTF-16 and UTF-32 (`wide_encoding`) are
    decoded here and each line given on as UTF-8; any other feed is split as Latin-1, a byte to a
    character and back, so that each line's own encoding is found as before."""
    buffered = handle if hasattr(handle, "peek") else io.BufferedReader(handle)  # type: ignore[arg-type]  (BytesIO)
    codec = wide_encoding(buffered.peek(NUL_SAMPLE)[:NUL_SAMPLE])
    text = io.TextIOWrapper(buffered, encoding=codec or "latin-1", errors="replace", newline=None)
    for line in text:
        yield line.encode("utf-8" if codec else "latin-1")


def _read_lines(handle: IO[bytes], name: str) -> Iterator[Article | Failure]:
    try:
        for number, raw in enumerate(_lines(handle), 1):
            item = _line_to_article(raw, f"{name}:{number}") if raw.strip() else None
            if isinstance(item, Failure) and item.problem == BINARY:
                yield Failure(name, f"{BINARY} (from line {number})")
                return
            if item is not None:
                yield item
    except EOFError:
        yield Failure(name, "truncated gzip data")
    except (gzip.BadGzipFile, zlib.error) as error:
        yield Failure(name, f"corrupt gzip data ({error})")


def _line_to_article(raw: bytes, where: str) -> Article | Failure:
    if len(raw) > MAX_INPUT_BYTES:
        return Failure(where, f"too large ({len(raw) / 1e6:.1f} MB; the limit is {MAX_INPUT_BYTES / 1e6:.0f} MB)")
    try:
        line, _ = decode(raw)
    except NotText as error:
        return Failure(where, str(error))
    return record_to_article(line, where)


def record_to_article(line: str, where: str) -> Article | Failure:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        # json's message for a raw control character ends in "at" already
        return Failure(where, f"not JSON ({error.msg.removesuffix(' at')} at column {error.colno})")
    if not isinstance(record, dict):
        return Failure(where, "a record must be a JSON object")
    return dict_to_article(record, where)


def dict_to_article(record: dict, where: str) -> Article | Failure:
    text, html = (_no_nul(v) if isinstance(v, str) else v for v in (record.get("text"), record.get("html")))
    if not isinstance(text, str) and not isinstance(html, str):
        return Failure(where, 'record has neither a "text" nor an "html" string')
    ident = _str(record.get("id"))
    url, notes = readable_url(_str(record.get("url")))
    return Article(
        # `text or html` was None for an empty text ("text": ""): a TypeError that ended the whole feed.
        id=ident if ident is not None else content_id(text if isinstance(text, str) else html),
        source=where,
        text=text if isinstance(text, str) else "",
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        url=url,
        published=_first(record, PUBLISHED_KEYS),
        fetched=_first(record, FETCHED_KEYS),
        notes=notes,
    )


# The names feeds and scrapers give a record's publication date and its capture time.
PUBLISHED_KEYS = ("published", "published_at", "datePublished", "date_published", "pubDate", "date")
FETCHED_KEYS = ("fetched", "fetched_at", "crawled_at", "scraped_at", "retrieved")


def _first(record: dict, keys: tuple[str, ...]) -> str | None:
    return next((_str(record[k]) for k in keys if record.get(k) not in (None, "")), None)


def _str(value: object) -> str | None:
    return _no_nul(str(value)) if value is not None else None


def _no_nul(value: str) -> str:
    """The string without NUL characters, as a text file is read ("\\u0000" in a feed's JSON, or a
    POSTed article): PostgreSQL refuses them in text, and HTML shows them as U+FFFD."""
    return value.replace("\x00", "")
