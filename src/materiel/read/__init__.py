"""Readers: turn paths (files, directories, JSONL feeds, WARC/WET crawls) into Articles.

Each reader yields Articles, or a `Failure` for a record it could not read, and never stops
a batch. Directories are walked in sorted order so runs are reproducible.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from materiel.article import Article
from materiel.pipeline import Failure
from materiel.read.html import read_html_file
from materiel.read.jsonl import read_jsonl
from materiel.read.text import read_text_file
from materiel.read.warc import read_warc

# Suffix (lower case, longest first) to reader. Anything else is read as text.
READERS = (
    ((".warc.gz", ".warc", ".wet.gz", ".wet", ".arc.gz"), read_warc),
    ((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"), read_jsonl),
    ((".html", ".htm", ".html.gz", ".htm.gz", ".xhtml"), read_html_file),
)
SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "SOURCES.tsv", "README.md"}


def reader_for(path: Path):
    name = path.name.lower()
    for suffixes, reader in READERS:
        if name.endswith(suffixes):
            return reader
    return read_text_file


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | Failure]:
    """Every Article in the given files and directories, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _read_dir(path)
        else:
            yield from read_path(path)


def _read_dir(folder: Path) -> Iterator[Article | Failure]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name in SKIPPED_NAMES:
                continue
            yield from read_path(Path(root) / name)


def read_path(path: Path) -> Iterator[Article | Failure]:
    if not path.exists():
        yield Failure(str(path), "no such file or directory")
        return
    try:
        yield from reader_for(path)(path)
    except PermissionError:
        yield Failure(str(path), "permission denied")
    except FileNotFoundError:
        yield Failure(str(path), "file disappeared while being read")
    except OSError as error:
        yield Failure(str(path), f"cannot read: {error.strerror or error}")
