"""WARC and WET files (gzip or not) with warcio: one Article per response, resource or conversion."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from materiel.article import Article
from materiel.pipeline import Failure
from materiel.read.text import NotText, decode

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

WANTED = {"response", "resource", "conversion"}
# The media types of a page (HTML, or the plain text of a WET conversion or a saved resource); a
# crawl's other records (images, PDFs, scripts, style sheets, JSON) are passed over, not failures.
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# HTTP statuses of a page: a redirect's or an error's body is the server's note, not an article.
PAGE_STATUS = range(200, 300)


def read_warc(path: Path) -> Iterator[Article | Failure]:
    """A local WARC file, streamed (crawl files are often larger than memory)."""
    with path.open("rb") as handle:
        yield from read_warc_stream(str(path), handle)
    with path.open("rb") as handle:
        if not _gzip_complete(handle):
            yield Failure(f"{path}#end", "truncated gzip data: the records after the last one read are lost")


def read_warc_bytes(name: str, data: bytes) -> Iterator[Article | Failure]:
    """A WARC file already in memory (a Spark partition's file)."""
    yield from read_warc_stream(name, io.BytesIO(data))
    if not _gzip_complete(io.BytesIO(data)):
        yield Failure(f"{name}#end", "truncated gzip data: the records after the last one read are lost")


def read_warc_stream(name: str, handle: BinaryIO) -> Iterator[Article | Failure]:
    from warcio.archiveiterator import ArchiveIterator  # imported here: most inputs are not WARC
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        for record in ArchiveIterator(handle):
            if record.rec_type in WANTED:
                count += 1  # numbered among the records that may be pages, as sources always were
                if _is_page(record):
                    yield _record_article(record, name, count)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
        yield Failure(f"{name}#{count + 1}", f"corrupt or truncated WARC data ({error})")


def _gzip_complete(handle: BinaryIO) -> bool:
    """warcio stops quietly at a cut gzip member; we check that the last member is whole."""
    if handle.read(2) != b"\x1f\x8b":
        return True
    handle.seek(0)
    decoder, inside = zlib.decompressobj(zlib.MAX_WBITS | 16), False
    while chunk := handle.read(1 << 20):
        while chunk:
            try:
                decoder.decompress(chunk)
            except zlib.error:
                return False
            inside = not decoder.eof
            chunk = decoder.unused_data if decoder.eof else b""
            if decoder.eof:
                decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
    return not inside


def _record_article(record: ArcWarcRecord, name: str, number: int) -> Article | Failure:
    headers = record.rec_headers
    where = f"{name}#{number}"
    try:
        text, _ = decode(record.content_stream().read())
    except NotText as error:
        return Failure(where, str(error))
    ident = (headers.get_header("WARC-Record-ID") or where).strip("<>").removeprefix("urn:uuid:")
    is_html = record.rec_type != "conversion" and _is_html(record)
    return Article(
        id=ident,
        source=where,
        url=headers.get_header("WARC-Target-URI"),
        fetched=headers.get_header("WARC-Date"),  # the capture time; the page's own date is found when cleaning
        text="" if is_html else text,
        html=text if is_html else None,
    )


def _is_page(record: ArcWarcRecord) -> bool:
    """Whether a record holds a page: a type of PAGE_TYPES (or none said) and, over HTTP, a 2xx status."""
    http = record.http_headers
    if http is not None and record.rec_type == "response":
        status = http.get_statuscode()
        if status and status.isdigit() and int(status) not in PAGE_STATUS:
            return False
        kind = http.get_header("Content-Type")
    else:
        kind = record.rec_headers.get_header("Content-Type")
    media = (kind or "").split(";", 1)[0].strip().lower()
    return not media or media in PAGE_TYPES


def _is_html(record: ArcWarcRecord) -> bool:
    http = record.http_headers
    kind = (http.get_header("Content-Type") if http is not None else None) or ""
    return "html" in kind.lower() or not kind
