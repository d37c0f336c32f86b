"""HTML files (also gzip-compressed): the page is kept as `Article.html` for cleaning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from materiel.article import Article
from materiel.pipeline import Failure
from materiel.read.text import NotText, decode, read_bytes


def read_html_file(path: Path) -> Iterator[Article | Failure]:
    try:
        html, _ = decode(read_bytes(path))
    except NotText as error:
        yield Failure(str(path), str(error))
        return
    name = path.name
    for suffix in (".gz", ".html", ".htm", ".xhtml"):
        name = name.removesuffix(suffix)
    yield Article(id=name, source=str(path), html=html)
