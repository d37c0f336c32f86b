"""Plain text in any encoding: detect, never crash."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from materiel.article import Article
from materiel.pipeline import Failure

# A page over this size is not a news article (a log, a dump, a mistaken binary); it is
# reported and skipped rather than fed to the NLP, so a worker never stalls on it.
MAX_INPUT_BYTES = 20_000_000
# Share of control bytes (other than tab, newline, carriage return, form feed) above which
# the data is binary, not text: real text in any encoding has almost none.
BINARY_CONTROL_SHARE = 0.05
BINARY_SAMPLE = 8192
BINARY = "binary data, not text"
# The first bytes of a SQLite database (a ledger), mostly NUL bytes, which text may hold: read as
# text, a ledger kept beside its pages was stored in itself as an article.
SQLITE_MAGIC = b"SQLite format 3\x00"
_CONTROL_BYTES = bytes(b for b in range(1, 32) if b not in (9, 10, 12, 13))
# An HTML page's declared encoding: <meta charset="..."> or the http-equiv form, in its first
# bytes. Browsers trust it before any guess, and so do we (after a BOM and valid UTF-8).
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
META_SCAN_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
# A byte that is no part of valid UTF-8, as the surrogateescape error handler gives it.
_STRAY = re.compile("[\udc80-\udcff]")


class NotText(ValueError):
    """The bytes are not text (binary, compressed garbage, too large)."""


def too_large(size: int) -> str:
    """The problem of a page of `size` bytes over the limit."""
    return f"too large ({size / 1e6:.1f} MB; the limit is {MAX_INPUT_BYTES / 1e6:.0f} MB)"


def check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES and not path.name.endswith(".gz"):
        raise NotText(too_large(size))


def is_gzip(name: str, data: bytes) -> bool:
    """Whether a file is gzip: by its name, or its first bytes (a page saved compressed under a
    plain name, as curl without --compressed keeps it)."""
    return name.lower().endswith(".gz") or data.startswith(GZIP_MAGIC)


def unpack(name: str, data: bytes) -> bytes:
    """The bytes of a file, decompressed when it is gzip, within the size limit."""
    if is_gzip(name, data):
        return gunzip(data)
    if len(data) > MAX_INPUT_BYTES:
        raise NotText(too_large(len(data)))
    return data


def stem(name: str) -> str:
    """A file's name without folders and known suffixes: the article id of a file."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in (".gz", ".html", ".htm", ".xhtml", ".txt", ".md"):
        base = base.removesuffix(suffix)
    return base


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
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), codec
    if data.startswith(SQLITE_MAGIC):
        raise NotText("a SQLite database (a ledger?), not a page")
    if _looks_binary(data[:BINARY_SAMPLE]):
        raise NotText(BINARY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _not_utf8(data)


def _not_utf8(data: bytes) -> tuple[str, str]:
    """(text, encoding) for text that is not UTF-8: the encoding the page declares, UTF-8 with
    stray bytes, Windows-1252, a Latin code page, or the guesser's choice, in that order."""
    declared = _declared_encoding(data)
    if declared is not None:
        return data.decode(declared, errors="replace"), declared
    mixed = _utf8_with_strays(data)
    if mixed is not None:
        return mixed, "utf-8"
    western = _windows_1252(data)
    if western is not None:
        return western, "cp1252"
    from materiel.clean.latinpages import latin_codepage  # imported here, as the guesser is

    latin = latin_codepage(data)
    if latin is not None:
        return latin
    import charset_normalizer  # imported here: most pages are UTF-8 or declare their encoding

    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    return data.decode(encoding, errors="replace"), encoding


def _declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares, when Python knows it (UTF-8 claims are not trusted here:
    the bytes were just found not to be UTF-8)."""
    match = _META_CHARSET.search(data, 0, META_SCAN_BYTES)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        return None
    # As in browsers (WHATWG Encoding), a Latin-1 or ASCII label means Windows-1252, its superset.
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _windows_1252(data: bytes) -> str | None:
    """The bytes as Windows-1252, the encoding browsers give an undeclared Western page (WHATWG),
    when that reading is words of a Latin-script language; else None, and the guess decides. The
    guess read short Western pages as Windows-1250 ("ministčre", "Peńa") or Shift-JIS ("erkl舐te").
    A page in another code page reads as no Latin words here ("Ãåðìàíèÿ", "poinformowa³o"), and
    is left to the guess (and to the cleaning's repair of what the guess still misreads)."""
    from materiel.clean.encoding import reads_as_latin  # imported here, as the guesser is

    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined: another code page
        return None
    return text if reads_as_latin(text) else None


def _utf8_with_strays(data: bytes) -> str | None:
    """UTF-8 text with a few bytes of Windows-1252 pasted in (pages joined by a scraper, an
    editor's paste): those bytes read as Windows-1252, as a browser shows them, and the rest as
    UTF-8, when the valid multi-byte characters are at least as many as the stray bytes; else None.
    Text in a legacy code page has stray bytes for most of its letters, and is left to the guess."""
    text = data.decode("utf-8", errors="surrogateescape")  # a stray byte b becomes U+DC00 + b
    plain, strays = len(text.encode("ascii", errors="ignore")), len(_STRAY.findall(text))
    if len(text) - plain - strays < strays:
        return None
    return _STRAY.sub(lambda m: _cp1252(ord(m.group()) - 0xDC00), text)


def _cp1252(byte: int) -> str:
    """A byte as Windows-1252 reads it (the five bytes it leaves undefined as Latin-1 reads them)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    # NUL bytes alone do not make a file binary: scrapers leave stray ones in text (we strip them).
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > BINARY_CONTROL_SHARE


def decoded(name: str, data: bytes) -> str | Failure:
    """A file's text (unpacked, decoded), or the Failure that says why it has none."""
    try:
        text, _ = decode(unpack(name, data))
    except NotText as error:
        return Failure(name, str(error))
    return text


def read_text_bytes(name: str, data: bytes) -> Iterator[Article | Failure]:
    text = decoded(name, data)
    yield text if isinstance(text, Failure) else Article(id=stem(name), source=name, text=text.replace("\x00", ""))
