"""The merge on Spark: near-duplicate groups and merged transfers of a `materiel spark` run,
computed in Spark and written as Parquet (`DIR/transfers`): the rows the in-process merge gives
for the same articles ingested, in the same order, into an empty ledger.

1. Each article gets its ledger key, MinHash signature and LSH band keys (a map); a text seen
   twice keeps its first article, as ingest does.
2. Articles sharing a band are joined on it, and the connected components of that graph found by
   passing the smallest order number along its edges until nothing changes.
3. In each component, in ingest order, an article takes the smallest group among the earlier
   articles sharing a band with it, else its own key: the in-process rule (dedupe.BatchGroups).
4. Claims are keyed by (supplier, recipient, category); each group becomes its transfers through
   the ledger's own merge code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from materiel.article import Article
from materiel.ledger.dedupe import band_keys, signature
from materiel.ledger.merge import CLAIM_COLUMNS, _group_transfers
from materiel.ledger.rows import article_key, claim_row, outlet_of

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql.types import StructType

TRANSFER_FIELDS = ("id", "supplier", "recipient", "category", "transfer_json")


def merged_transfers(article_json: RDD) -> RDD:
    """An RDD of (order, article JSON) in ingest order -> an RDD of transfer rows."""
    keyed = article_json.map(lambda r: (r[0], Article.from_dict(json.loads(r[1])))).map(_keyed)
    first = keyed.map(lambda r: (r[1], r)).reduceByKey(lambda a, b: a if a[0] < b[0] else b).values().cache()
    labels = _components(first.flatMap(lambda r: [(band, r[0]) for band in r[3]]), first.map(lambda r: r[0]))
    groups = first.map(lambda r: (r[0], r)).join(labels).map(lambda kv: (kv[1][1], kv[1][0])).groupByKey()
    assigned = groups.flatMap(lambda kv: _assign(sorted(kv[1], key=lambda r: r[0])))
    claims = assigned.flatMap(_claims).groupByKey()
    return claims.flatMap(lambda kv: _rows(kv[0], sorted(kv[1], key=lambda c: c["id"])))


def _keyed(order_article: tuple) -> tuple:
    order, article = order_article
    return (order, article_key(article), article, band_keys([int(v) for v in signature(article.text).hashvalues]))


def _components(bands: RDD, orders: RDD) -> RDD:
    """order -> the smallest order of its component (articles joined by shared bands)."""
    members = bands.groupByKey().mapValues(sorted).values().filter(lambda m: len(m) > 1)
    edges = members.flatMap(lambda m: [(m[0], o) for o in m[1:]] + [(o, m[0]) for o in m[1:]]).distinct().cache()
    labels = orders.map(lambda o: (o, o))
    while True:
        passed = edges.join(labels).map(lambda kv: (kv[1][0], kv[1][1]))
        updated = labels.union(passed).reduceByKey(min).cache()
        if updated.join(labels).filter(lambda kv: kv[1][0] != kv[1][1]).isEmpty():
            return updated
        labels = updated


def _assign(component: list[tuple]) -> list[tuple]:
    known: dict[int, str] = {}
    out = []
    for _order, key, article, bands in component:
        found = [known[b] for b in bands if b in known]
        group = min(found) if found else key
        for band in bands:
            known[band] = min(known.get(band, group), group)
        out.append((key, article, group))
    return out


def _claims(assigned: tuple) -> list[tuple]:
    key, article, group = assigned
    extra = {"outlet": outlet_of(article), "group_id": group, "source": article.source}
    out = []
    for number, transfer in enumerate(article.transfers):
        row = {"id": f"{key}:{number}", "article_id": key, **claim_row(transfer, article)}
        claim = {name: row.get(name) for name in CLAIM_COLUMNS} | extra | {"article_date": article.published}
        out.append(((claim["supplier"], claim["recipient"], claim["category"]), claim))
    return out


def _rows(key: tuple, claims: list[dict]) -> list[tuple]:
    return [
        (t["id"], t["supplier"], t["recipient"], t["category"], json.dumps(t, ensure_ascii=False))
        for t in _group_transfers(key, claims)
    ]


def transfer_schema() -> StructType:
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(name, StringType(), name != "id") for name in TRANSFER_FIELDS])


def read_transfers(paths: Iterable[str | Path]) -> list[dict] | None:
    """The merged transfers of the Spark runs among these paths (their `transfers` tables), or
    None when none has them."""
    import pyarrow.parquet as pq

    from materiel.read import walk

    found = None
    for path in walk(paths):
        if path.suffix == ".parquet" and path.parent.name == "transfers":
            try:
                column = pq.read_table(path).column("transfer_json")
            except (OSError, KeyError, ValueError):  # not a Spark run's table: the ledger merges its claims itself
                continue
            found = (found or []) + [json.loads(v) for v in column.to_pylist()]
    return found
