"""Parquet written by `materiel spark`: articles already extracted, ready for the ledger."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from materiel.article import Article
from materiel.pipeline import Failure

ARTICLE_COLUMN = "article_json"


def read_parquet(path: Path) -> Iterator[Article | Failure]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as error:  # pyarrow raises several unrelated types for a corrupt file
        yield Failure(str(path), f"not a readable Parquet file ({error})")
        return
    if ARTICLE_COLUMN not in table.column_names:
        return  # the claims table of a Spark run: its rows are inside the articles' JSON already
    for number, value in enumerate(table.column(ARTICLE_COLUMN).to_pylist(), 1):
        try:
            article = Article.from_dict(json.loads(value))
        except (TypeError, ValueError) as error:
            yield Failure(f"{path}#{number}", f"not an article record ({error})")
            continue
        article.done = True
        yield article
