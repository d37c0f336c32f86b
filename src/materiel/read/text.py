"""Plain text in any encoding: detect, never crash."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

import charset_normalizer

from materiel.article import Article
from materiel.pipeline import Failure

# A page over this size is not a news article (a log, a dump, a mistaken binary); it is
# reported and skipped rather than fed to the NLP, so a worker never stalls on it.
MAX_INPUT_BYTES = 20_000_000
# Share of control bytes (other than tab, newline, carriage return, form feed) above which
# the data is binary, not text: real text in any encoding has almost none.
BINARY_CONTROL_SHARE = 0.05
BINARY_SAMPLE = 8192


class NotText(ValueError):
    """The bytes are not text (binary, compressed garbage, too large)."""


def read_bytes(path: Path) -> bytes:
    if path.stat().st_size > MAX_INPUT_BYTES and not path.name.endswith(".gz"):
        raise NotText(
            f"too large ({path.stat().st_size / 1e6:.1f} MB; the limit is {MAX_INPUT_BYTES / 1e6:.0f} MB)"
        )
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gunzip(data)
    return data


def gunzip(data: bytes) -> bytes:
    try:
        out = zlib.decompressobj(zlib.MAX_WBITS | 16)
        result = out.decompress(data, MAX_INPUT_BYTES + 1)
    except (zlib.error, gzip.BadGzipFile) as error:
        raise NotText(f"corrupt gzip data ({error})") from error
    if len(result) > MAX_INPUT_BYTES:
        raise NotText(f"too large once decompressed (over {MAX_INPUT_BYTES / 1e6:.0f} MB)")
    if not out.eof:
        raise NotText("truncated gzip data")
    return result


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) for bytes in any encoding; raises NotText for binary data."""
    if _looks_binary(data[:BINARY_SAMPLE]):
        raise NotText("binary data, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    return data.decode(encoding, errors="replace"), encoding


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > BINARY_CONTROL_SHARE


def read_text_file(path: Path) -> Iterator[Article | Failure]:
    try:
        text, _ = decode(read_bytes(path))
    except NotText as error:
        yield Failure(str(path), str(error))
        return
    yield Article(id=path.stem, source=str(path), text=text.replace("\x00", ""))
