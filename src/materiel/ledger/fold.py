"""Folding new claims into the stored transfers in place: the cost of a merge follows the claims
it adds, not the claims stored before.

Each pending claim joins the transfer of its group whose date span it falls within
(MERGE_GAP_DAYS either side), and that transfer's state, history steps, outlets, quantities and
disagreements are updated from the new claims and the stored rows they touch (the history step of
their report, the counts of their outlets, the claims within a contest window of them). A claim
near no stored transfer opens one, and a claim near two joins them (regroup), in place too. A
group is rebuilt from all its claims only when it must be: a transfer opened before its first one
or a join of a first one with undated claims (regroup), a transfer without merge state (a ledger
rebuilt by an older version), or a group marked pending with no pending claim (a correction
asking for a rebuild).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import and_, bindparam, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from materiel.ledger import schema
from materiel.ledger.contest import fold_quantities, new_sides, partners
from materiel.ledger.merge import _groups, chunks, merge_groups
from materiel.ledger.regroup import Regroup, assign
from materiel.ledger.state import Row, claim_key, claim_row, disclosure_of, event_row, fold_claim

# Transfer columns a fold rewrites (each transfer's row, once per merge transaction).
FOLDED = (
    "via",
    "status",
    "disclosure",
    "first_seen",
    "last_seen",
    "corroboration",
    "quantity_low",
    "quantity_high",
    "items",
    "contested",
    "quantities",
    "merge_state",
)


def fold_groups(connection: Connection, keys: list[tuple], claims: list[dict]) -> int:
    """Merge these groups' pending claims; the number of transfers written."""
    new: dict[tuple, list] = {}
    for claim in sorted(claims, key=claim_key):
        new.setdefault((claim["supplier"], claim["recipient"], claim["category"]), []).append(claim)
    stored = _stored(connection, keys)
    rebuild, regroup = [], Regroup()
    for key in keys:
        units = assign(stored.get(key, []), new.get(key, []))
        if units is None:
            rebuild.append(key)
        elif not stored.get(key):
            regroup.fresh.add_group(key, new[key])
        else:
            regroup.add(key, stored[key], units)
    written = merge_groups(connection, rebuild)
    regroup.write(connection)
    return written + regroup.fresh.insert(connection) + Fold(connection, regroup.plans).write()


def _stored(connection: Connection, keys: list[tuple]) -> dict[tuple, list[dict]]:
    """Each group's stored transfers, in order (the ordinal in their id)."""
    t = schema.transfers
    found: dict[tuple, list[dict]] = {}
    for chunk in chunks(keys):
        for row in connection.execute(select(t).where(_groups(t, chunk))).mappings():
            found.setdefault((row["supplier"], row["recipient"], row["category"]), []).append(dict(row))
    for transfers in found.values():
        transfers.sort(key=lambda row: int(row["id"].partition("-")[2] or 0))
    return found


class Fold:
    """New claims folded into their stored transfers: a few queries for all, then the writes."""

    def __init__(self, connection: Connection, plans: dict) -> None:
        self.connection = connection
        self.plans = plans
        self.events = self._events()
        self.changes: dict[tuple, tuple] = {}  # (transfer, report) -> (stored step or None, new step)
        self.recount: set[str] = set()  # transfers whose last step must be read again
        self.last_seen: dict[str, str | None] = {}  # transfers whose last step is a new one

    def write(self) -> int:
        if not self.plans:
            return 0
        rows = [self._folded(transfer, claims) for transfer, claims in self.plans.values()]
        self._add_outlets(rows)
        _add_disagreements(self.connection, rows)
        self._write_rows()
        for row in rows:
            if row["id"] in self.recount:
                self._last_step(row)
        statement = update(schema.transfers).where(schema.transfers.c.id == bindparam("ident"))
        self.connection.execute(statement, [{"ident": r["id"], **{n: r[n] for n in FOLDED}} for r in rows])
        return len(rows)

    def _events(self) -> dict[tuple, dict]:
        slots = sorted({(ident, c["group_id"] or c["article_id"]) for ident, (_, cs) in self.plans.items() for c in cs})
        head, term = "SELECT * FROM transfer_events WHERE ", "(transfer_id = ? AND report = ?)"
        rows = _any(self.connection, head, term, slots)
        return {(row["transfer_id"], row["report"]): dict(row) for row in rows}

    def _folded(self, transfer: dict, claims: list) -> dict:
        """The transfer's row with its claims folded in (all but its outlets and contest)."""
        ident, state = transfer["id"], transfer["merge_state"]
        first = state["first"]
        for claim in claims:
            fold_claim(state, claim)
            self._step(ident, state, claim)
        row = {**transfer, "new_claims": claims, "merge_state": state}
        if state["first"] != first:
            (claim,) = [c for c in claims if claim_key(c) == state["first"]]
            row["first_seen"] = claim["date"] or claim["article_date"]
        row["last_seen"] = self.last_seen.get(ident, transfer["last_seen"])
        row["via"] = sorted(set(transfer["via"]) | {v for c in claims for v in c["via"] if v})
        row["items"] = sorted(set(transfer["items"]) | {c["item_text"] for c in claims if c["item_text"]})
        row["status"], row["disclosure"] = state["latest"][3], disclosure_of(state)
        row["quantities"] = fold_quantities(transfer["quantities"], claims)
        per_unit = row["quantities"]
        row["quantity_low"] = per_unit[0]["low"] if per_unit else None
        row["quantity_high"] = per_unit[0]["high"] if per_unit else None
        return row

    def _step(self, ident: str, state: dict, claim: Row) -> None:
        """The claim as its report's history step, when it is the report's first claim."""
        slot = (ident, claim["group_id"] or claim["article_id"])
        stored, new = self.changes.get(slot, (self.events.get(slot), None))
        current = new or stored
        if current is not None and [current["day"], current["claim_id"]] <= claim_key(claim):
            return
        step = event_row(ident, claim)
        self.changes[slot] = (stored, step)
        if stored is not None and [stored["day"], stored["claim_id"]] == state["last_event"]:
            self.recount.add(ident)  # the last step moved earlier: the new last is read back
        elif [step["day"], step["claim_id"]] > state["last_event"]:
            state["last_event"] = [step["day"], step["claim_id"]]
            self.last_seen[ident] = step["date"]

    def _add_outlets(self, rows: list[dict]) -> None:
        """Corroboration: outlets credited by some history step, counted before and after the
        changed steps (from the stored counts of just the outlets they touch)."""
        delta: Counter = Counter()
        for stored, new in self.changes.values():
            if stored is not None:
                delta[(stored["transfer_id"], stored["credit"])] -= 1
            delta[(new["transfer_id"], new["credit"])] += 1
        counts = self._credit_counts([pair for pair, change in delta.items() if change])
        gained: dict[str, int] = {}
        for (ident, credit), change in delta.items():
            before = counts.get((ident, credit), 0)
            gained[ident] = gained.get(ident, 0) + (before + change > 0) - (before > 0)
        for row in rows:
            row["corroboration"] += gained.get(row["id"], 0)

    def _credit_counts(self, pairs: list[tuple]) -> dict[tuple, int]:
        head, tail = (
            "SELECT transfer_id, credit, count(*) AS n FROM transfer_events WHERE ",
            " GROUP BY transfer_id, credit",
        )
        named = [(t, c) for t, c in pairs if c is not None]
        unnamed = [(t,) for t, c in pairs if c is None]
        rows = [
            *_any(self.connection, head, "(transfer_id = ? AND credit = ?)", named, tail),
            *_any(self.connection, head, "(transfer_id = ? AND credit IS NULL)", unnamed, tail),
        ]
        return {(row["transfer_id"], row["credit"]): row["n"] for row in rows}

    def _write_rows(self) -> None:
        claims = [claim_row(ident, c) for ident, (_, cs) in self.plans.items() for c in cs]
        self.connection.execute(schema.transfer_claims.insert(), claims)
        e = schema.transfer_events
        replaced = [{"t": s["transfer_id"], "r": s["report"]} for s, _ in self.changes.values() if s is not None]
        if replaced:
            where = and_(e.c.transfer_id == bindparam("t"), e.c.report == bindparam("r"))
            self.connection.execute(delete(e).where(where), replaced)
        if self.changes:
            self.connection.execute(e.insert(), [new for _, new in self.changes.values()])

    def _last_step(self, row: dict) -> None:
        e = schema.transfer_events
        last = select(func.max(e.c.day)).where(e.c.transfer_id == row["id"]).scalar_subquery()
        query = select(e.c.day, e.c.claim_id, e.c.date).where(e.c.transfer_id == row["id"], e.c.day == last)
        day, claim_id, when = max(self.connection.execute(query).all())
        row["merge_state"]["last_event"] = [day, claim_id]
        row["last_seen"] = when


def _view(claim: Row) -> dict:
    """A new claim as a disagreement check reads it (the stored ones come from transfer_claims)."""
    row = claim_row("", claim)
    return {**row, "id": row["claim_id"]}


def _add_disagreements(connection: Connection, rows: list[dict]) -> None:
    """The side rows that the pairs of each transfer's new claims add (a claim already on that
    side stays once); a transfer with any is contested."""
    near = _neighbours(connection, rows)
    added = []
    for row in rows:
        new, stored = [_view(c) for c in row["new_claims"]], list(near.get(row["id"], {}).values())
        days = {c["id"]: c["day"] for c in new + stored}
        for check, sides in new_sides(new, stored).items():
            for side, ids in enumerate(sides):
                added.extend(
                    {"transfer_id": row["id"], "check": check, "side": side, "claim_id": i, "day": days[i]} for i in ids
                )
            row["contested"] = True
    if added:
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        connection.execute(dialect.insert(schema.transfer_sides).on_conflict_do_nothing(), added)


# The stored claims each kind of partner (contest.partners) can be, as SQL over transfer_claims.
PARTNER_ROWS = {
    "any": "",
    "negative": " AND (disclosure = 'denied' OR status IN ('refused', 'cancelled'))",
    "ranged": " AND (quantity_low IS NOT NULL OR quantity_high IS NOT NULL)",
}


def _neighbours(connection: Connection, rows: list[dict]) -> dict[str, dict[str, dict]]:
    """transfer id -> its stored claims that one of its new claims can disagree with: within the
    check's window of it, or with no date of their own (those are near every claim)."""
    whole: list[tuple] = []
    spans: dict[str, list[tuple]] = {kind: [] for kind in PARTNER_ROWS}
    for row in rows:
        views = [_view(c) for c in row["new_claims"]]
        if any(v["window_day"] is None for v in views):
            whole.append((row["id"],))  # an undated claim is near all
            continue
        for kind in PARTNER_ROWS:
            needs = [(v["window_day"], days) for v in views for k, days in partners(v) if k == kind]
            for low, high in _intervals(needs):
                spans[kind].append((row["id"], low, high))
    head, dated = "SELECT * FROM transfer_claims WHERE ", "(transfer_id = ? AND window_day BETWEEN ? AND ?"
    found: dict[str, dict[str, dict]] = {}
    for stored in [
        *_any(connection, head, "(transfer_id = ?)", whole),
        *_any(connection, head, "(transfer_id = ? AND window_day IS NULL)", [(r["id"],) for r in rows]),
        *[row for kind, sql in PARTNER_ROWS.items() for row in _any(connection, head, dated + sql + ")", spans[kind])],
    ]:
        found.setdefault(stored["transfer_id"], {})[stored["claim_id"]] = {**stored, "id": stored["claim_id"]}
    return found


def _intervals(needs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The days within some days of a day, for each (day, days), as disjoint ranges."""
    out: list[list[int]] = []
    for low, high in sorted((day - days, day + days) for day, days in needs):
        if out and low <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], high)
        else:
            out.append([low, high])
    return [(low, high) for low, high in out]


def _any(connection: Connection, head: str, term: str, params: list[tuple], tail: str = "") -> list:
    """The rows of `head` and an OR of `term` (its values marked `?`), one term per tuple of
    values: plain SQL to the driver, since building and binding thousands of terms through
    SQLAlchemy costs more than the query."""
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    found: list = []
    for chunk in chunks(params):
        clause = " OR ".join([term.replace("?", mark)] * len(chunk))
        values = tuple(value for values in chunk for value in values)
        found.extend(connection.exec_driver_sql(head + clause + tail, values).mappings())
    return found
