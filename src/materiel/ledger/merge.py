"""Merge: claims of the same supplier, recipient and category, with compatible dates, become one
transfer with a history. A group's transfers are rebuilt from its claims each time its claims
change (`merge_pending`), or all groups at once (`rebuild_transfers`): both give the same rows,
since a group's transfers depend on its own claims only. Review decisions live elsewhere.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.engine import Connection, Engine

from materiel.ledger import schema
from materiel.ledger.contest import day_of, disagreements, quantities

# Reports of one (supplier, recipient, category) more than this far apart are separate transfers
# (a 2022 delivery and a 2024 pledge of tanks are two rows, not one).
MERGE_GAP_DAYS = 540
STATUS_RANK = {
    "requested": 0,
    "considered": 1,
    "postponed": 2,
    "pledged": 3,
    "in_progress": 4,
    "delivered": 5,
    "refused": 6,
    "cancelled": 6,
}


# Pending groups rebuilt per transaction: a crash loses little merge work, and commits stay few.
GROUPS_PER_TRANSACTION = 200


def rebuild_transfers(connection: Connection) -> int:
    """Every group's transfers from all claims (and nothing left pending)."""
    rows = connection.execute(_claims_query()).mappings().all()
    connection.execute(delete(schema.transfers))
    connection.execute(delete(schema.pending_groups))
    groups: dict[tuple, list] = {}
    for row in rows:
        groups.setdefault((row["supplier"], row["recipient"], row["category"]), []).append(row)
    merged = [t for key, claims in groups.items() for t in _group_transfers(key, claims)]
    if merged:
        connection.execute(schema.transfers.insert(), merged)
    return len(merged)


def merge_pending(engine: Engine) -> int:
    """Rebuild the transfers of every pending group; each transaction clears the marks it merged,
    so a crash leaves the rest pending for the next ingest."""
    pending = schema.pending_groups
    with engine.connect() as connection:
        keys = list(connection.execute(select(pending.c.key).order_by(pending.c.key)).scalars())
    count = 0
    for start in range(0, len(keys), GROUPS_PER_TRANSACTION):
        chunk = keys[start : start + GROUPS_PER_TRANSACTION]
        with engine.begin() as connection:
            connection.execute(delete(pending).where(pending.c.key.in_(chunk)))
            count += merge_groups(connection, [tuple(json.loads(key)) for key in chunk])
    return count


def merge_groups(connection: Connection, keys: list[tuple]) -> int:
    """Rebuild these (supplier, recipient, category) groups' transfers from their claims."""
    claims: dict[tuple, list] = {key: [] for key in keys}
    for row in connection.execute(_claims_query().where(_groups(schema.claims, keys))).mappings():
        claims[(row["supplier"], row["recipient"], row["category"])].append(dict(row))  # plain: read often
    connection.execute(delete(schema.transfers).where(_groups(schema.transfers, keys)))
    merged = [t for key in keys for t in _group_transfers(key, claims[key])]
    if merged:
        connection.execute(schema.transfers.insert(), merged)
    return len(merged)


def _groups(table, keys: list[tuple]):
    """WHERE the row is in one of the groups: an OR of equalities, which SQLite and PostgreSQL
    answer from the group index (SQLite scans the table for a row-value IN list)."""
    columns = (table.c.supplier, table.c.recipient, table.c.category)
    return or_(
        *[and_(*[c.is_(None) if v is None else c == v for c, v in zip(columns, key, strict=True)]) for key in keys]
    )


def _group_transfers(key: tuple, claims: list) -> list[dict]:
    return [_transfer(key, ordinal, cluster) for ordinal, cluster in enumerate(_clusters(claims))]


# What a transfer is built from (the evidence, names and spans are read by `show`, not here).
CLAIM_COLUMNS = (
    "id",
    "article_id",
    "supplier",
    "recipient",
    "category",
    "via",
    "item_text",
    "quantity_low",
    "quantity_high",
    "unit",
    "status",
    "disclosure",
    "date",
    "date_basis",
)


def _claims_query():
    c, a = schema.claims, schema.articles
    return (
        select(
            *[c.c[name] for name in CLAIM_COLUMNS],
            a.c.outlet,
            a.c.group_id,
            a.c.source,
            a.c.published.label("article_date"),
        )
        .join(a, a.c.id == c.c.article_id)
        .order_by(c.c.id)
    )


def _day(row) -> date | None:
    """The claim's date (as precise as its text: 2023, 2023-03, 2023-03-17), else its article's."""
    return day_of(row["date"] or row["article_date"])


def _clusters(claims: list) -> list[list]:
    ordered = sorted(claims, key=lambda r: (_day(r) or date.min, r["id"]))
    clusters: list[list] = []
    last: date | None = None
    for claim in ordered:
        day = _day(claim)
        if clusters and (day is None or last is None or (day - last).days <= MERGE_GAP_DAYS):
            clusters[-1].append(claim)
        else:
            clusters.append([claim])
        last = day or last
    return clusters


def transfer_id(supplier: str | None, recipient: str | None, category: str, ordinal: int) -> str:
    digest = hashlib.sha1(f"{supplier}|{recipient}|{category}".encode()).hexdigest()[:12]
    return digest if ordinal == 0 else f"{digest}-{ordinal}"


def _transfer(key: tuple, ordinal: int, cluster: list) -> dict:
    supplier, recipient, category = key
    history = [_event(row) for row in _first_of_each_group(cluster)]
    latest = max(cluster, key=lambda r: (_day(r) or date.min, r["disclosure"] == "official"))
    per_unit = quantities(cluster)
    found = disagreements(cluster)
    return {
        "id": transfer_id(supplier, recipient, category, ordinal),
        "supplier": supplier,
        "recipient": recipient,
        "via": sorted({v for r in cluster for v in r["via"] if v}),
        "category": category,
        "status": latest["status"],
        "disclosure": _disclosure(cluster),
        "first_seen": history[0]["date"],
        "last_seen": history[-1]["date"],
        "corroboration": _independent(cluster),
        "quantity_low": per_unit[0]["low"] if per_unit else None,  # the first unit: a count when there is one
        "quantity_high": per_unit[0]["high"] if per_unit else None,
        "items": sorted({r["item_text"] for r in cluster if r["item_text"]}),
        "history": history,
        "claim_ids": [r["id"] for r in cluster],
        "contested": bool(found),
        "disagreements": found,
        "quantities": per_unit,
    }


def _first_of_each_group(cluster: list) -> list:
    """Syndicated copies of one story make one step of the history, not several."""
    seen: set[str] = set()
    out = []
    for row in cluster:
        group = row["group_id"] or row["article_id"]
        if group not in seen:
            seen.add(group)
            out.append(row)
    return out


def _event(row) -> dict:
    return {
        "date": row["date"] or row["article_date"],
        "date_basis": row["date_basis"],
        "status": row["status"],
        "disclosure": row["disclosure"],
        "outlet": row["outlet"] or row["source"],
        "claim_id": row["id"],
        "article_id": row["article_id"],
    }


def _disclosure(cluster: list) -> str | None:
    """A denial shows unless the supplier confirmed later; else official if ever confirmed."""
    ordered = sorted(cluster, key=lambda r: _day(r) or date.min)
    denied = [i for i, r in enumerate(ordered) if r["disclosure"] == "denied"]
    official = [i for i, r in enumerate(ordered) if r["disclosure"] == "official"]
    if denied and (not official or denied[-1] > official[-1]):
        return "denied"
    if official:
        return "official"
    return ordered[-1]["disclosure"] if ordered else None


def _independent(cluster: list) -> int:
    """Independent outlets: syndicated copies (one near-duplicate group) count once."""
    keys = {}
    for row in cluster:
        keys.setdefault(row["group_id"] or row["article_id"], row["outlet"] or row["group_id"])
    return len(set(keys.values()))
