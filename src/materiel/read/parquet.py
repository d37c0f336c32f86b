"""Parquet written by `materiel spark`: articles already extracted, ready for the ledger."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from materiel.article import Article
from materiel.pipeline import Failure

ARTICLE_COLUMN = "article_json"
# Columns of the other tables a Spark run writes beside its articles (claims, transfers): their
# rows are in the articles' JSON already, so these files are passed over, not reported.
SPARK_TABLE_COLUMNS = ("article_id", "transfer_json")


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
        if not any(column in table.column_names for column in SPARK_TABLE_COLUMNS):
            yield Failure(name, _other_schema(table.column_names))
        return
    for number, value in enumerate(table.column(ARTICLE_COLUMN).to_pylist(), 1):
        article = _article(value)
        if isinstance(article, str):
            yield Failure(f"{name}#{number}", f"not an article record ({article})")
            continue
        article.done = True
        yield article


def _article(value: object) -> Article | str:
    """The article a row's JSON holds, or why it holds none."""
    try:
        data = json.loads(value) if isinstance(value, str | bytes) else value
    except ValueError as error:
        return str(error)
    if not isinstance(data, dict):
        return f"a JSON {type(data).__name__}, not an object"
    try:
        return Article.from_dict(data)
    except (TypeError, ValueError, AttributeError) as error:  # a field of the wrong kind
        return str(error)


def _other_schema(columns: list[str]) -> str:
    shown = ", ".join(columns[:10]) + (", ..." if len(columns) > 10 else "")
    return (
        f"not a table of `materiel spark` articles: no {ARTICLE_COLUMN} column (it has {shown or 'none'}); "
        "for pages of your own, write JSONL with a text or html field"
    )
