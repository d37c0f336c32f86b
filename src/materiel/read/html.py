"""HTML files (also gzip-compressed): the page is kept as `Article.html` for cleaning."""

from __future__ import annotations

import re
from collections.abc import Iterator

from materiel.article import Article
from materiel.pipeline import Failure
from materiel.read.text import decoded, stem

# The opening of a whole HTML document (a doctype or the <html> element, after a byte-order mark,
# blank space or an XML declaration): a page a browser or a scraper saved under a text suffix
# (".txt", ".md") is still a page, and read as text it would become one line of tags.
_DOCUMENT_START = re.compile(
    rb"""\A(?:\xef\xbb\xbf)?\s*
    (?:<\?xml[^>]{0,200}\?>\s*)?     # an XHTML page's XML declaration
    (?:<!--.{0,500}?-->\s*)*          # comments some servers and savers put first
    <(?:!doctype\s+html|html[\s>])   # the doctype, or the root element itself
    """,
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
SNIFF_BYTES = 2048


def is_html_document(data: bytes) -> bool:
    """Whether the bytes open as a whole HTML document, whatever the file is called."""
    return _DOCUMENT_START.match(data[:SNIFF_BYTES]) is not None


def read_html_bytes(name: str, data: bytes) -> Iterator[Article | Failure]:
    html = decoded(name, data)
    yield html if isinstance(html, Failure) else Article(id=stem(name), source=name, html=html)
