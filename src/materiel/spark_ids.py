"""Article ids on Spark, by the run's rule (read/ids.py): no two pages of a run share an id, the
page read first keeps it and a later one gets its source's hash added. Partitions read their
files in no set order, so the rule is applied once on the driver, over every article's (id,
source) in the order the other executors read them (the inputs as walked, a file's records in
turn); only the ids it changes go back to the executors, which rename their rows."""

from __future__ import annotations

import json
from collections.abc import Iterable

from materiel.article import Article
from materiel.read.ids import distinct_ids

# Where an article comes in the run: (its file's place among the inputs as walked, the file's
# name, its place among the file's records).
Place = tuple[int, str, int]


def place_of(name: str, number: int, order: dict[str, int]) -> Place:
    """An article's place: a file the inputs name in walk order comes at its place there; one a
    URI or glob names (Hadoop lists it) comes after them, by name."""
    return order.get(name, len(order)), name, number


def renamed_ids(articles: Iterable[tuple[Place, str, str]]) -> dict[Place, str]:
    """The new id of each article (place, id, source) whose id another page of the run has."""
    ordered = sorted(articles)
    pages = [Article(id=ident, source=source) for _place, ident, source in ordered]
    return {
        place: page.id
        for (place, ident, _source), page in zip(ordered, distinct_ids(pages), strict=True)
        if page.id != ident
    }


def renamed_article(row: tuple, ident: str) -> tuple:
    """An article row (spark.ARTICLE_FIELDS) under its new id, in its JSON as well."""
    data = json.loads(row[-1])
    data["id"] = ident
    return (ident, *row[1:-1], json.dumps(data, ensure_ascii=False))


def renamed_claim(row: tuple, ident: str) -> tuple:
    """A claim row (spark.CLAIM_FIELDS) under its article's new id."""
    return (ident, *row[1:])
