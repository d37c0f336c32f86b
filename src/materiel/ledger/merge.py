"""Merge: claims of the same supplier, recipient and category, with compatible dates, become one
transfer with a history. A group's transfers are built from all its claims when it is new or
rebuilt (`merge_groups`, `rebuild_transfers`); after that each ingest folds its new claims into
the stored transfers in place (`fold.fold_groups`), so its cost follows the batch, not the
ledger. Folding and rebuilding give the same rows, since a group's transfers depend on its own
claims only. Review decisions live elsewhere.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, Table, and_, bindparam, delete, or_, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.elements import ColumnElement

from materiel.ledger import schema
from materiel.ledger.contest import day_of, disagreements, quantities
from materiel.ledger.state import Row, claim_row, event_row, history_event, initial_state, side_rows

# Reports of one (supplier, recipient, category) more than this far apart are separate transfers
# (a 2022 delivery and a 2024 pledge of tanks are two rows, not one).
MERGE_GAP_DAYS = 540


# Pending groups merged per transaction: a crash loses little merge work (folding is cheap), and
# commits stay few (each writes the index pages it touched, which many groups share).
GROUPS_PER_TRANSACTION = 1000
# Terms of one OR of equalities: well under SQLite's expression depth (1000) and bound parameters.
TERMS_PER_QUERY = 200


@dataclass
class Built:
    """Transfers built from all their claims, with the rows kept beside them."""

    transfers: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    sides: list[dict] = field(default_factory=list)

    def add_group(self, key: tuple, claims: list) -> None:
        for ordinal, cluster in enumerate(_clusters(claims)):
            self.add_cluster(key, ordinal, cluster)

    def add_cluster(self, key: tuple, ordinal: int, cluster: list) -> None:
        """The group's transfer at this ordinal, from its claims (in claim order)."""
        transfer = _transfer(key, ordinal, cluster)
        ident = transfer.pop("id")
        self.sides.extend(side_rows(ident, transfer.pop("disagreements"), cluster))
        del transfer["history"], transfer["claim_ids"]
        events = [event_row(ident, row) for row in _first_of_each_group(cluster)]
        self.transfers.append({"id": ident, **transfer, "merge_state": initial_state(cluster, events)})
        self.claims.extend(claim_row(ident, row) for row in cluster)
        self.events.extend(events)

    def insert(self, connection: Connection) -> int:
        for table, rows in (
            (schema.transfers, self.transfers),
            (schema.transfer_claims, self.claims),
            (schema.transfer_events, self.events),
            (schema.transfer_sides, self.sides),
        ):
            if rows:
                connection.execute(table.insert(), rows)
        return len(self.transfers)


def rebuild_transfers(connection: Connection) -> int:
    """Every group's transfers from all claims (and nothing left pending)."""
    rows = connection.execute(_claims_query()).mappings().all()
    held = claims_held(connection, None)
    for table in (schema.transfers, *schema.FOLD_TABLES, schema.pending_groups):
        connection.execute(delete(table))
    groups: dict[tuple, list] = {}
    for row in rows:
        groups.setdefault((row["supplier"], row["recipient"], row["category"]), []).append(row)
    built = Built()
    for key, claims in groups.items():
        built.add_group(key, claims)
    follow_reviews(connection, held, built)
    return built.insert(connection)


def merge_pending(engine: Engine) -> int:
    """Fold the pending claims into their transfers, group by group; each transaction clears the
    marks it merged, so a crash leaves the rest pending for the next ingest."""
    from materiel.ledger.fold import fold_groups

    pending = schema.pending_groups
    with engine.connect() as connection:
        keys = list(connection.execute(select(pending.c.key).order_by(pending.c.key)).scalars())
    count = 0
    for start in range(0, len(keys), GROUPS_PER_TRANSACTION):
        chunk = keys[start : start + GROUPS_PER_TRANSACTION]
        with engine.begin() as connection:
            claims = pending_claims(connection, chunk)
            connection.execute(delete(pending).where(pending.c.key.in_(chunk)))
            connection.execute(delete(schema.pending_claims).where(schema.pending_claims.c.key.in_(chunk)))
            count += fold_groups(connection, [tuple(json.loads(key)) for key in chunk], claims)
    return count


def pending_claims(connection: Connection, keys: list[str]) -> list[dict]:
    """The claims of these groups not folded into their transfers yet."""
    p = schema.pending_claims
    query = _claims_query().join(p, p.c.claim_id == schema.claims.c.id).where(p.c.key.in_(keys))
    return [dict(row) for row in connection.execute(query).mappings()]


def merge_groups(connection: Connection, keys: list[tuple]) -> int:
    """Rebuild these (supplier, recipient, category) groups' transfers from all their claims."""
    if not keys:
        return 0
    claims: dict[tuple, list] = {key: [] for key in keys}
    for chunk in chunks(keys):
        for row in connection.execute(_claims_query().where(_groups(schema.claims, chunk))).mappings():
            claims[(row["supplier"], row["recipient"], row["category"])].append(dict(row))
    held = claims_held(connection, keys)
    delete_transfers(connection, keys)
    built = Built()
    for key in keys:
        built.add_group(key, claims[key])
    follow_reviews(connection, held, built)
    return built.insert(connection)


def claims_held(connection: Connection, keys: list[tuple] | None) -> dict[str, str]:
    """Claim id -> the stored transfer that holds it, in these groups (None: in every group)."""
    held, t = schema.transfer_claims, schema.transfers
    query = select(held.c.claim_id, held.c.transfer_id)
    if keys is None:
        return dict(connection.execute(query).all())
    found: dict[str, str] = {}
    for chunk in chunks(keys):
        found.update(connection.execute(query.join(t, t.c.id == held.c.transfer_id).where(_groups(t, chunk))).all())
    return found


# A review's id while it moves (ids may swap: the transfer at -1 moves to 0 while 0 moves to -1).
MOVING = "moving:"


def follow_reviews(connection: Connection, held: dict[str, str], built: Built) -> None:
    """A rebuild numbers a group's transfers again by date, so a transfer may get another id (an
    earlier one opened before it): its reviews move with it, to the rebuilt transfer that holds
    most of the claims it held (a transfer whose claims all left keeps its reviews on its id)."""
    now = {row["claim_id"]: row["transfer_id"] for row in built.claims}
    votes: dict[str, Counter] = {}
    for claim, old in held.items():
        if claim in now:
            votes.setdefault(old, Counter())[now[claim]] += 1
    targets = {old: min(counts, key=lambda new: (-counts[new], new)) for old, counts in votes.items()}
    moves = [{"old": old, "new": new, "way": MOVING + new} for old, new in sorted(targets.items()) if old != new]
    if not moves:
        return
    r = schema.reviews
    for source, target in (("old", "way"), ("way", "new")):
        statement = update(r).where(r.c.transfer_id == bindparam(source)).values(transfer_id=bindparam(target))
        connection.execute(statement, moves)


def delete_transfers(connection: Connection, keys: list[tuple]) -> None:
    """These groups' transfers and the rows beside them."""
    t = schema.transfers
    for chunk in chunks(keys):
        ids = list(connection.execute(select(t.c.id).where(_groups(t, chunk))).scalars())
        for table in (schema.transfer_claims, schema.transfer_events, schema.transfer_sides):
            connection.execute(delete(table).where(table.c.transfer_id.in_(ids)))
        connection.execute(delete(t).where(t.c.id.in_(ids)))


def chunks(values: list, size: int = TERMS_PER_QUERY) -> list[list]:
    """The values in runs of `size`, one query's worth each."""
    return [values[start : start + size] for start in range(0, len(values), size)]


def _groups(table: Table, keys: list[tuple]) -> ColumnElement[bool]:
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


def _claims_query() -> Select:
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


def _day(row: Row) -> date | None:
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
    history = [history_event(row) for row in _first_of_each_group(cluster)]
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
