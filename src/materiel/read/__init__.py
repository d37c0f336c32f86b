"""Readers: turn paths (files, directories, JSONL feeds, WARC/WET crawls, Spark output) into Articles.

Each reader yields Articles, or a `Failure` for a record it could not read, and never stops a
batch. Byte-level readers (`read_blob`) serve executors that hold file contents already (Spark);
`read_path` adds the file system: size checks, streaming of large WARC files, errors of access.
Directories are walked in sorted order so runs are reproducible.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from materiel.article import Article
from materiel.pipeline import Failure, skip
from materiel.read.html import is_html_document, read_html_bytes
from materiel.read.jsonl import read_jsonl_bytes, read_jsonl_file
from materiel.read.parquet import read_parquet, read_parquet_bytes
from materiel.read.text import NotText, check_size, read_text_bytes
from materiel.read.warc import read_warc, read_warc_bytes

BytesReader = Callable[[str, bytes], Iterator[Article | Failure]]

# Suffix (lower case) to reader. Anything else is read as text.
READERS: tuple[tuple[tuple[str, ...], BytesReader], ...] = (
    ((".warc.gz", ".warc", ".wet.gz", ".wet", ".arc.gz", ".arc"), read_warc_bytes),
    ((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"), read_jsonl_bytes),
    ((".html", ".htm", ".html.gz", ".htm.gz", ".xhtml"), read_html_bytes),
    ((".parquet",), read_parquet_bytes),  # `materiel spark` output, handed to Spark again
)
WARC_SUFFIXES = READERS[0][0]
JSONL_SUFFIXES = READERS[1][0]
# Files a walk skips: system files, Spark's markers and checksums, our own notes.
# Suffixes (lower case) of files a page is made of but that hold no page: a saved page's folder of
# scripts, styles, images, fonts and media. A walk passes over them; a file named alone is read.
ASSET_SUFFIXES = (
    *(".js", ".mjs", ".css", ".map"),  # code a page loads
    *(".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff"),  # images
    *(".woff", ".woff2", ".ttf", ".otf", ".eot"),  # fonts
    *(".mp3", ".mp4", ".webm", ".ogg", ".wav", ".m4a", ".mov"),  # media
)
# Suffixes (lower case) of a SQLite ledger and the files SQLite keeps beside it while it writes:
# a ledger kept in its pages' folder (`ingest pages --db pages/ledger.db`) is no page of it.
LEDGER_SUFFIXES = tuple(
    f"{base}{kept}" for base in (".db", ".sqlite", ".sqlite3") for kept in ("", "-journal", "-wal", "-shm")
)
# The name a pipe's tools give standard input.
STDIN_NAME = "-"
SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "SOURCES.tsv", "README.md", "_SUCCESS"}
# Why a page with nothing in it (an empty file or record, or one of blank space only) is skipped:
# stored, it was an article with no text, counted as read.
EMPTY_PAGE = "empty page (no text, or blank space only): skipped, not stored"
# Why a feed (JSON Lines, WARC) with no record in it is skipped, as an empty page is: reported and
# counted, no failure.
EMPTY_FEED = "empty feed (no record in it): skipped, not stored"
# Why a folder named on the command line fails when it holds no page (empty, or only assets and
# ledgers): most often a mistyped path, and a run that did nothing must not look like one that worked.
NO_PAGE_HERE = "no page to read here (an empty folder, or one of assets and ledgers only)"


def reader_for(name: str, data: bytes = b"") -> BytesReader:
    """The reader a file's suffix names; a text file that opens as an HTML document is a page."""
    lower = name.lower()
    for suffixes, reader in READERS:
        if lower.endswith(suffixes):
            return reader
    return read_html_bytes if is_html_document(data) else read_text_bytes


def read_blob(name: str, data: bytes) -> Iterator[Article | Failure]:
    """Articles of one file whose bytes are in memory."""
    try:
        yield from or_empty_feed(name, without_empty(reader_for(name, data)(name, data)))
    except NotText as error:
        yield Failure(name, str(error))


def or_empty_feed(source: str, items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    """The items of one file, or its skip when it held none (a feed with no record)."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        yield skip(source, EMPTY_FEED)


def without_empty(items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    """The items, an empty page turned into its skip (reported and counted, not a failure)."""
    for item in items:
        empty = isinstance(item, Article) and not (item.html if item.html is not None else item.text).strip()
        yield skip(item.source, EMPTY_PAGE) if empty else item


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | Failure]:
    """Every Article in the given files and directories, in a stable order; a folder with no page
    in it is reported (`read_path`)."""
    for path in files_or_empty(paths):
        yield from read_path(path)


def files_or_empty(paths: Iterable[str | Path]) -> Iterator[Path]:
    """`walk`'s files, and each folder named in `paths` that holds none: `read_path` reports it,
    so that a mistyped or empty folder is not a run that silently did nothing."""
    for raw in paths:
        found = False
        for path in walk([raw]):
            found = True
            yield path
        if not found:
            yield Path(raw)


def walk(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under the given paths, directories walked in sorted order. A linked folder is
    walked as a folder (a link to one is a folder to the user), each real folder once: a link back
    up the tree is no loop."""
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        seen: set[str] = set()
        for root, dirs, files in os.walk(path, followlinks=True):
            real = os.path.realpath(root)
            if real in seen:
                dirs[:] = []
                continue
            seen.add(real)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith((".", "_")) and name not in SKIPPED_NAMES and not _is_asset(name):
                    yield Path(root) / name


def _is_asset(name: str) -> bool:
    return name.lower().endswith((*ASSET_SUFFIXES, *LEDGER_SUFFIXES))


def read_path(path: Path) -> Iterator[Article | Failure]:
    if str(path) == STDIN_NAME and not path.exists():
        yield Failure(STDIN_NAME, "standard input is not read: save the pages to a file (or a .jsonl feed) and name it")
        return
    if not path.exists():
        yield Failure(str(path), "no such file or directory")
        return
    if path.is_dir():  # named, and `files_or_empty` found no page in it
        yield Failure(str(path), NO_PAGE_HERE)
        return
    if not path.is_file():  # a named pipe or a device would block the batch or never end
        yield Failure(str(path), "not a regular file")
        return
    try:
        yield from _read_file(path)
    except PermissionError:
        yield Failure(str(path), "permission denied")
    except FileNotFoundError:
        yield Failure(str(path), "file disappeared while being read")
    except NotText as error:
        yield Failure(str(path), str(error))
    except OSError as error:
        yield Failure(str(path), f"cannot read: {error.strerror or error}")


def _read_file(path: Path) -> Iterator[Article | Failure]:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        yield from or_empty_feed(str(path), without_empty(read_warc(path)))
    elif name.endswith(JSONL_SUFFIXES):
        yield from or_empty_feed(str(path), without_empty(read_jsonl_file(path)))
    elif name.endswith(".parquet"):
        yield from read_parquet(path)  # `materiel spark`'s articles: each was read (and checked) before
    else:
        check_size(path)
        yield from read_blob(str(path), path.read_bytes())
