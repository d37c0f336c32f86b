"""Where a batch's new claims go among their group's stored transfers (merge.fold), without
rebuilding the group from all its claims: into the one transfer whose span they fall within, into
a transfer they open (near none), or into one they join from two (near both, so the gap between
them closes). The stored transfers keep their rows; only those whose ordinal moves are renamed,
with the rows beside them, and joined ones become one.

A join needs no comparison of the joined transfers' stored claims with each other: they were more
than MERGE_GAP_DAYS apart, beyond every contest window, unless undated (near every claim), which
only the first transfer holds. So the group is rebuilt when a claim opens a transfer before the
first one (the undated claims would move to it), or joins the first one while it holds undated
claims; else the cost follows the new claims and the transfers they touch.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.engine import Connection

from materiel.ledger import schema
from materiel.ledger.contest import fold_quantities
from materiel.ledger.merge import MERGE_GAP_DAYS, Built, chunks, transfer_id
from materiel.ledger.state import UNDATED, claim_key, dated


@dataclass(eq=False)
class Unit:
    """Stored transfers (their places, in order) and new claims that end as one transfer."""

    span: list | None
    members: list[int]
    claims: list


def assign(transfers: list[dict], claims: list) -> list[Unit] | None:
    """The group's transfers after its new claims (in claim order); None when it must be rebuilt."""
    if not claims or any(t["merge_state"] is None for t in transfers):
        return None
    if not transfers:
        return []
    units = [Unit(t["merge_state"]["span"], [at], []) for at, t in enumerate(transfers)]
    for claim in claims:
        day = dated(claim)
        first = next(u for u in units if 0 in u.members)
        near = [u for u in units if u.span is None or _within(day, u.span)] if day is not None else [first]
        if not near and day < first.span[0]:
            return None  # a transfer opened before the first: the undated claims would move to it
        unit = Unit(None, [], []) if not near else near[0]
        for other in near[1:]:  # joined
            unit.members = sorted(unit.members + other.members)
            unit.claims += other.claims
            unit.span = [min(unit.span[0], other.span[0]), max(unit.span[1], other.span[1])]
        units = [u for u in units if all(u is not n for n in near)] + [unit]
        unit.claims.append(claim)
        if day is not None:
            unit.span = [min(unit.span[0], day), max(unit.span[1], day)] if unit.span else [day, day]
    if any(0 in u.members and len(u.members) > 1 for u in units) and transfers[0]["merge_state"]["first"][0] == UNDATED:
        return None  # the first transfer's undated claims would meet the joined one's
    return sorted(units, key=lambda u: u.span[0] if u.span else UNDATED)


def _within(day: int, span: list[int]) -> bool:
    """A claim on this day joins the claims of this span (as merge._clusters would put it)."""
    return span[0] - MERGE_GAP_DAYS <= day <= span[1] + MERGE_GAP_DAYS


class Regroup:
    """The groups' units: transfers built from new claims only, stored ones to fold new claims
    into (renamed or joined first), and the renames and joins to write before the fold."""

    def __init__(self) -> None:
        self.fresh = Built()
        self.plans: dict[str, tuple] = {}  # transfer id (after renames) -> (transfer, its new claims)
        self.moves: list[tuple[str, str]] = []  # stored transfer id -> its id now
        self.joins: list[tuple[dict, list[str]]] = []  # (joined transfer, its members' stored ids)

    def add(self, key: tuple, transfers: list[dict], units: list[Unit]) -> None:
        for ordinal, unit in enumerate(units):
            claims = sorted(unit.claims, key=claim_key)
            if not unit.members:
                self.fresh.add_cluster(key, ordinal, claims)
                continue
            ident, members = transfer_id(*key, ordinal), [transfers[at] for at in unit.members]
            self.moves.extend((m["id"], ident) for m in members if m["id"] != ident)
            transfer = members[0] if len(members) == 1 else _joined(members)
            if len(members) > 1:
                self.joins.append((transfer, [m["id"] for m in members]))
            transfer["id"] = ident
            if claims:
                self.plans[ident] = (transfer, claims)

    def write(self, connection: Connection) -> None:
        """The joined transfers' steps (a report once, at its earliest), the rows of the transfers
        joined into an earlier one removed, the ids moved (down in ascending order, then up in
        descending order: no id is taken while it moves), then what the joined ones hold now."""
        e, t = schema.transfer_events, schema.transfers
        pairs = [
            {"one": ids[i], "other": other} for _, ids in self.joins for i in range(len(ids)) for other in ids[i + 1 :]
        ]
        if pairs:
            earlier = select(e.c.report).where(e.c.transfer_id == bindparam("one"))
            connection.execute(delete(e).where(e.c.transfer_id == bindparam("other"), e.c.report.in_(earlier)), pairs)
            for chunk in chunks([other for _, ids in self.joins for other in ids[1:]]):
                connection.execute(delete(t).where(t.c.id.in_(chunk)))
        downs = sorted((m for m in self.moves if _ordinal(m[1]) < _ordinal(m[0])), key=lambda m: _ordinal(m[0]))
        ups = sorted((m for m in self.moves if _ordinal(m[1]) > _ordinal(m[0])), key=lambda m: -_ordinal(m[0]))
        _move(connection, downs + ups)
        _read_steps(connection, {transfer["id"]: transfer for transfer, _ in self.joins})


def _ordinal(ident: str) -> int:
    return int(ident.partition("-")[2] or 0)


# The columns that name a transfer (a review moves with its transfer, as in a rebuild:
# merge.follow_reviews).
TRANSFER_IDS = (
    (schema.transfers, "id"),
    (schema.transfer_claims, "transfer_id"),
    (schema.transfer_events, "transfer_id"),
    (schema.transfer_sides, "transfer_id"),
    (schema.reviews, "transfer_id"),
)


def _move(connection: Connection, moves: list[tuple[str, str]]) -> None:
    """Give stored transfers their new ids, with the rows beside them, in the order given."""
    if not moves:
        return
    values = [{"old": old, "new": new} for old, new in moves]
    for table, column in TRANSFER_IDS:
        statement = update(table).where(table.c[column] == bindparam("old")).values({column: bindparam("new")})
        connection.execute(statement, values)


def _joined(members: list[dict]) -> dict:
    """Stored transfers as one (its last step and outlets are read once its steps are one)."""
    return {
        **members[0],
        "via": sorted({v for m in members for v in m["via"]}),
        "items": sorted({i for m in members for i in m["items"]}),
        "quantities": fold_quantities([q for m in members for q in m["quantities"] or []], []),
        "contested": any(m["contested"] for m in members),
        "merge_state": joined_state([m["merge_state"] for m in members]),
    }


def joined_state(states: list[dict]) -> dict:
    """The merge state of transfers' claims together, as state.fold_claim would leave it: the
    transfers come in time order with their spans apart, so the first one's first claim and the
    last one's last and latest claims decide (the last step is read from the joined steps)."""
    joined = {**states[-1], "first": states[0]["first"], "span": [states[0]["span"][0], states[-1]["span"][1]]}
    for name in ("denied", "official"):
        joined[name] = max((s[name] for s in states if s[name] is not None), default=None)
    return joined


def _read_steps(connection: Connection, joined: dict[str, dict]) -> None:
    """The joined transfers' last steps and outlets (corroboration), from their steps now."""
    e, other = schema.transfer_events, schema.transfer_events.alias()
    last = select(func.max(other.c.day)).where(other.c.transfer_id == e.c.transfer_id).scalar_subquery()
    counts = [e.c.transfer_id, func.count(e.c.credit.distinct()), func.count(), func.count(e.c.credit)]
    for chunk in chunks(sorted(joined)):
        columns = (e.c.transfer_id, e.c.day, e.c.claim_id, e.c.date)
        steps = select(*columns).where(e.c.transfer_id.in_(chunk), e.c.day == last)
        for ident, day, claim_id, when in sorted(connection.execute(steps).all()):  # the last of a day last
            joined[ident]["merge_state"]["last_event"] = [day, claim_id]
            joined[ident]["last_seen"] = when
        query = select(*counts).where(e.c.transfer_id.in_(chunk)).group_by(e.c.transfer_id)
        for ident, named, rows, credited in connection.execute(query):
            joined[ident]["corroboration"] = named + (rows > credited)  # steps with no outlet credit count once
