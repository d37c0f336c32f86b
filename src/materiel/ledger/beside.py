"""What readers read beside a list of transfers, in one statement: their history steps, their
claims, their disagreements' sides, their reviews and, for the ledger page, the timeline's counts
over the whole view. Each is a branch of one UNION ALL, its columns put in typed slots, so that a
page of the ledger costs one round trip here instead of five (a fixed cost per request that
dominated a small ledger's pages); each branch reads what its own statement read, so no cost
grows with the ledger.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import Integer, Select, Text, bindparam, cast, literal, null, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from materiel.ledger import schema
from materiel.ledger.state import EVENT_FIELDS

# The slots of a row of the union after its kind and transfer id: three numbers, then texts.
NUMBERS, TEXTS = 3, 7
# Each branch's columns, in slot order (numbers first, then texts).
STEP_NUMBERS, STEP_TEXTS = ("day",), ("claim_id", "date", "date_basis", "status", "disclosure", "outlet", "article_id")
CLAIM_NUMBERS, CLAIM_TEXTS = ("day",), ("claim_id",)
SIDE_NUMBERS, SIDE_TEXTS = ("day", "check", "side"), ("claim_id",)
REVIEW_NUMBERS, REVIEW_TEXTS = ("id",), ("action", "field", "value", "note")
TALLY_NUMBERS, TALLY_TEXTS = ("steps",), ("month", "status")

Chosen = Callable[[ColumnElement], list[ColumnElement]]


@dataclass
class Beside:
    """The rows beside the transfers, by transfer id (the timeline's: (month, status, steps))."""

    steps: dict[str, list[dict]] = field(default_factory=dict)
    claims: dict[str, list[dict]] = field(default_factory=dict)
    sides: dict[str, list[dict]] = field(default_factory=dict)
    reviews: dict[str, list[dict]] = field(default_factory=dict)
    timeline: list[tuple[str, str, int]] = field(default_factory=list)


def _branch(kind: str, ident: ColumnElement | None, numbers: list, texts: list) -> list[ColumnElement]:
    """A branch's columns in the union's slots, the unused ones typed NULLs."""
    padded = [*numbers, *[cast(null(), Integer)] * (NUMBERS - len(numbers))]
    padded += [*texts, *[cast(null(), Text)] * (TEXTS - len(texts))]
    return [literal(kind).label("kind"), ident if ident is not None else cast(null(), Text), *padded]


def beside_query(chosen: Chosen, reviews: bool, timeline: Select | None) -> Select:
    """The union: the chosen transfers' steps, claims, sides (and reviews), and the timeline's
    counts when `timeline` (the history counts' query) is given."""
    return _union(_branches(chosen, reviews), timeline)


def page_query(reviews: bool, timeline: Select | None) -> Select:
    """`beside_query` for the transfers whose ids are bound as `ids` (a page's): its branches are
    built once, since building SQL expressions costs a request more than running them."""
    return _union(_page_branches(reviews), timeline)


@cache
def _page_branches(reviews: bool) -> tuple[Select, ...]:
    ids = bindparam("ids", expanding=True)
    return _branches(lambda column: [column.in_(ids)], reviews)


def _branches(chosen: Chosen, reviews: bool) -> tuple[Select, ...]:
    e, c, d, r = schema.transfer_events, schema.transfer_claims, schema.transfer_sides, schema.reviews
    parts = [
        (e, "step", STEP_NUMBERS, STEP_TEXTS),
        (c, "claim", CLAIM_NUMBERS, CLAIM_TEXTS),
        (d, "side", SIDE_NUMBERS, SIDE_TEXTS),
        *([(r, "review", REVIEW_NUMBERS, REVIEW_TEXTS)] if reviews else []),
    ]
    return tuple(
        select(*_branch(kind, table.c.transfer_id, [table.c[n] for n in numbers], [table.c[n] for n in texts])).where(
            *chosen(table.c.transfer_id)
        )
        for table, kind, numbers, texts in parts
    )


def _union(branches: tuple[Select, ...], timeline: Select | None) -> Select:
    if timeline is None:
        return union_all(*branches)
    month, status, steps = timeline.selected_columns
    return union_all(*branches, timeline.with_only_columns(*_branch("tally", None, [steps], [month, status])))


def read_beside(connection: Connection, chosen: Chosen, reviews: bool) -> Beside:
    """The rows beside the chosen transfers, in one statement."""
    return _read(connection.execute(beside_query(chosen, reviews, None)))


def read_page(connection: Connection, ids: list[str], reviews: bool, timeline: Select | None = None) -> Beside:
    """The rows beside the transfers of a page (and the timeline's counts), in one statement."""
    return _read(connection.execute(page_query(reviews, timeline), {"ids": ids}))


def _read(rows: Iterable) -> Beside:
    found = Beside()
    layouts = {
        "step": (found.steps, STEP_NUMBERS, STEP_TEXTS),
        "claim": (found.claims, CLAIM_NUMBERS, CLAIM_TEXTS),
        "side": (found.sides, SIDE_NUMBERS, SIDE_TEXTS),
        "review": (found.reviews, REVIEW_NUMBERS, REVIEW_TEXTS),
    }
    for kind, ident, *slots in rows:
        if kind == "tally":
            found.timeline.append((slots[NUMBERS], slots[NUMBERS + 1], slots[0]))
            continue
        into, numbers, texts = layouts[kind]
        row = dict(zip(numbers, slots, strict=False))
        row.update(zip(texts, slots[NUMBERS:], strict=False))
        into.setdefault(ident, []).append(row)
    for decided in found.reviews.values():
        decided.sort(key=lambda review: review["id"])
    return found


def step_event(row: dict) -> dict:
    """A history step's event, as `state.event_of` reads it from its table's row."""
    return {name: row[name] for name in EVENT_FIELDS}
