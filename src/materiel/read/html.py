"""HTML files (also gzip-compressed): the page is kept as `Article.html` for cleaning."""

from __future__ import annotations

from collections.abc import Iterator

from materiel.article import Article
from materiel.pipeline import Failure
from materiel.read.text import NotText, decode, stem, unpack


def read_html_bytes(name: str, data: bytes) -> Iterator[Article | Failure]:
    try:
        html, _ = decode(unpack(name, data))
    except NotText as error:
        yield Failure(name, str(error))
        return
    yield Article(id=stem(name), source=name, html=html)
