"""The annotated articles the training tools learn from, cleaned as `materiel eval` cleans them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from materiel import api
from materiel.article import Article
from materiel.pipeline import Runner

SPLITS = ("train", "dev")


def gold_articles(shared: Path, runner: Runner) -> Iterator[tuple[str, dict, Article]]:
    """(split, gold record, cleaned article) for every record of train and dev whose page reads,
    in one stream through `runner`, so lines repeated on a site are counted over all the pages."""
    records = [
        (split, json.loads(line))
        for split in SPLITS
        for line in (shared / "gold" / f"{split}.jsonl").read_text().splitlines()
    ]
    ran = api.run_gold_records([record for _, record in records], shared, runner)
    for (split, record), (_, article) in zip(records, ran, strict=True):
        if isinstance(article, Article):
            yield split, record, article
