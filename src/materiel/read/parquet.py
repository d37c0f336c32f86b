"""Parquet written by `materiel spark`: articles already extracted, ready for the ledger."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from materiel.article import Article
from materiel.pipeline import Failure

ARTICLE_COLUMN = "article_json"


def read_parquet(path: Path) -> Iterator[Article | Failure]:
    import pyarrow.parquet as pq

    yield from _articles(lambda: pq.read_table(path), str(path))


def read_parquet_bytes(name: str, data: bytes) -> Iterator[Article | Failure]:
    """A Parquet file whose bytes are in memory (Spark's files): read as Parquet, not as text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    yield from _articles(lambda: pq.read_table(pa.BufferReader(data)), name)


def _articles(read: Callable[[], Any], name: str) -> Iterator[Article | Failure]:
    try:
        table = read()
    except Exception as error:  # pyarrow raises several unrelated types for a corrupt file
        yield Failure(name, f"not a readable Parquet file ({error})")
        return
    if ARTICLE_COLUMN not in table.column_names:
        return  # the claims table of a Spark run: its rows are inside the articles' JSON already
    for number, value in enumerate(table.column(ARTICLE_COLUMN).to_pylist(), 1):
        try:
            article = Article.from_dict(json.loads(value))
        except (TypeError, ValueError) as error:
            yield Failure(f"{name}#{number}", f"not an article record ({error})")
            continue
        article.done = True
        yield article
