"""HTML files (also gzip-compressed): the page is kept as `Article.html` for cleaning."""

from __future__ import annotations

from collections.abc import Iterator

from materiel.article import Article
from materiel.pipeline import Failure
from materiel.read.text import decoded, stem


def read_html_bytes(name: str, data: bytes) -> Iterator[Article | Failure]:
    html = decoded(name, data)
    yield html if isinstance(html, Failure) else Article(id=stem(name), source=name, html=html)
