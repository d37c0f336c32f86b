"""WARC and WET files (gzip or not) with warcio: one Article per response, resource or conversion."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from materiel.article import Article, readable_url
from materiel.pipeline import Failure
from materiel.read.text import MAX_INPUT_BYTES, NotText, decode, too_large

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

WANTED = {"response", "resource", "conversion"}
TRUNCATED_GZIP = "truncated gzip data: the records after the last one read are lost"
TRUNCATED_PLAIN = "truncated WARC data: the last record read is cut short, and any after it are lost"
# A record's header block is a few hundred bytes: read in a probe of this size (a crawl has
# millions of small records), and up to the larger size before it counts as no header block.
HEADER_PROBE_BYTES = 4096
MAX_HEADER_BYTES = 65536
_ARC_STAMP = re.compile(r"\d{14}")
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)", re.IGNORECASE | re.MULTILINE)
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
        problem = _truncation(handle)
    if problem is not None:
        yield Failure(f"{path}#end", problem)


def read_warc_bytes(name: str, data: bytes) -> Iterator[Article | Failure]:
    """A WARC file already in memory (a Spark partition's file)."""
    yield from read_warc_stream(name, io.BytesIO(data))
    problem = _truncation(io.BytesIO(data))
    if problem is not None:
        yield Failure(f"{name}#end", problem)


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


def _truncation(handle: BinaryIO) -> str | None:
    """Why the file ends before its last record does (warcio stops there in silence), or None."""
    if handle.read(2) != b"\x1f\x8b":
        handle.seek(0)
        return None if _plain_complete(handle) else TRUNCATED_PLAIN
    handle.seek(0)
    return None if _gzip_complete(handle) else TRUNCATED_GZIP


def _plain_complete(handle: BinaryIO) -> bool:
    """Whether an uncompressed file's last record is as long as its Content-Length says: each
    record's header block is read and its content skipped, a seek each, not a read of the file.
    A file that holds no WARC record (an ARC file) is left to what warcio made of it."""
    size, offset = handle.seek(0, io.SEEK_END), 0
    while offset < size:
        handle.seek(offset)
        head = handle.read(HEADER_PROBE_BYTES)
        start = len(head) - len(head.lstrip(b"\r\n"))  # the blank lines between records
        end = head.find(b"\r\n\r\n", start)
        if end < 0 and len(head) == HEADER_PROBE_BYTES:
            head += handle.read(MAX_HEADER_BYTES - HEADER_PROBE_BYTES)
            end = head.find(b"\r\n\r\n", start)
        if start == len(head):
            return True  # blank lines to the end
        if not head.startswith(b"WARC/", start):
            return True  # no WARC record here (an ARC file, or no crawl): left to warcio
        if end < 0:
            return False  # a record's header block cut short
        length = _CONTENT_LENGTH.search(head, start, end)
        if length is None:
            return True
        offset += end + 4 + int(length.group(1))
    return offset <= size


def _gzip_complete(handle: BinaryIO) -> bool:
    """warcio stops quietly at a cut gzip member; we check that the last member is whole."""
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
    data = record.content_stream().read(MAX_INPUT_BYTES + 1)  # the page limit holds for each record
    if len(data) > MAX_INPUT_BYTES:
        return Failure(where, too_large(_declared_length(record, len(data))))
    try:
        text, _ = decode(data)
    except NotText as error:
        return Failure(where, str(error))
    ident = (headers.get_header("WARC-Record-ID") or where).strip("<>").removeprefix("urn:uuid:")
    is_html = record.rec_type != "conversion" and _is_html(record)
    url, notes = readable_url(headers.get_header("WARC-Target-URI") or headers.get_header("uri"))  # WARC, ARC
    return Article(
        id=ident,
        source=where,
        url=url,
        notes=notes,
        fetched=headers.get_header("WARC-Date") or _arc_date(headers.get_header("archive-date")),  # the capture
        text="" if is_html else text,
        html=text if is_html else None,
    )


def _declared_length(record: ArcWarcRecord, least: int) -> int:
    """A record's size as its headers give it (Content-Length, an ARC record's length), at least `least`."""
    declared = record.rec_headers.get_header("Content-Length") or record.rec_headers.get_header("length") or ""
    return max(int(declared), least) if declared.isdigit() else least


def _arc_date(stamp: str | None) -> str | None:
    """An ARC record's capture time (YYYYMMDDhhmmss) as WARC writes it, or None."""
    if stamp is None or not _ARC_STAMP.fullmatch(stamp):
        return None
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]}Z"


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
