"""Folding new claims into the stored transfers in place: the cost of a merge follows the claims
it adds, not the claims stored before.

Each pending claim joins the transfer of its group whose date span it falls within
(MERGE_GAP_DAYS either side), and that transfer's state, history steps, outlets, quantities and
disagreements are updated from the new claims and the stored rows they touch (the history step of
their report, the counts of their outlets, the claims within a contest window of them). A group
is rebuilt from all its claims only when it must be: a claim that would open a new transfer or
join two, a transfer without merge state (a ledger rebuilt by an older version), or a group
marked pending with no pending claim (a correction asking for a rebuild).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import and_, bindparam, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from materiel.ledger import schema
from materiel.ledger.contest import CONTEST_WINDOW_DAYS, fold_quantities, new_sides
from materiel.ledger.merge import MERGE_GAP_DAYS, Built, _chunks, _groups, merge_groups
from materiel.ledger.state import claim_key, claim_row, dated, disclosure_of, event_row, fold_claim

GAP = MERGE_GAP_DAYS
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
    rebuild, fresh, plans = [], Built(), {}
    for key in keys:
        plan = _assign(stored.get(key, []), new.get(key, []))
        if plan is None:
            rebuild.append(key)
        elif not stored.get(key):
            fresh.add_group(key, new[key])
        else:
            plans.update(plan)
    return merge_groups(connection, rebuild) + fresh.insert(connection) + Fold(connection, plans).write()


def _stored(connection: Connection, keys: list[tuple]) -> dict[tuple, list[dict]]:
    """Each group's stored transfers, in order (the ordinal in their id)."""
    t = schema.transfers
    found: dict[tuple, list[dict]] = {}
    for chunk in _chunks(keys):
        for row in connection.execute(select(t).where(_groups(t, chunk))).mappings():
            found.setdefault((row["supplier"], row["recipient"], row["category"]), []).append(dict(row))
    for transfers in found.values():
        transfers.sort(key=lambda row: int(row["id"].partition("-")[2] or 0))
    return found


def _assign(transfers: list[dict], claims: list) -> dict | None:
    """transfer id -> (transfer, its new claims); None when the group must be rebuilt."""
    if not claims or any(t["merge_state"] is None for t in transfers):
        return None
    if not transfers:
        return {}
    spans = [t["merge_state"]["span"] for t in transfers]
    plan: dict = {}
    for claim in claims:
        day, at = dated(claim), 0
        if day is not None:
            near = [i for i, s in enumerate(spans) if s is None or s[0] - GAP <= day <= s[1] + GAP]
            if len(near) != 1:
                return None  # a new transfer, or two joined: their ids and claims change
            at = near[0]
            spans[at] = [min(spans[at][0], day), max(spans[at][1], day)] if spans[at] else [day, day]
        plan.setdefault(transfers[at]["id"], (transfers[at], []))[1].append(claim)
    return plan


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
        e = schema.transfer_events
        slots = sorted({(ident, c["group_id"] or c["article_id"]) for ident, (_, cs) in self.plans.items() for c in cs})
        found = {}
        for chunk in _chunks(slots):
            terms = [and_(e.c.transfer_id == t, e.c.report == r) for t, r in chunk]
            for row in self.connection.execute(select(e).where(or_(*terms))).mappings():
                found[(row["transfer_id"], row["report"])] = dict(row)
        return found

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

    def _step(self, ident: str, state: dict, claim) -> None:
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
        e = schema.transfer_events
        found: dict[tuple, int] = {}
        for chunk in _chunks(pairs):
            terms = [and_(e.c.transfer_id == t, _equal(e.c.credit, c)) for t, c in chunk]
            query = select(e.c.transfer_id, e.c.credit, func.count()).where(or_(*terms))
            for ident, credit, count in self.connection.execute(query.group_by(e.c.transfer_id, e.c.credit)):
                found[(ident, credit)] = count
        return found

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


def _view(claim) -> dict:
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


def _neighbours(connection: Connection, rows: list[dict]) -> dict[str, dict[str, dict]]:
    """transfer id -> its stored claims within a contest window of one of its new claims, or with
    no date of their own (those are near every claim)."""
    c = schema.transfer_claims
    terms = []
    for row in rows:
        terms.append(and_(c.c.transfer_id == row["id"], c.c.window_day.is_(None)))
        for claim in row["new_claims"]:
            day = _view(claim)["window_day"]
            if day is None:
                terms.append(c.c.transfer_id == row["id"])  # an undated claim is near all
            else:
                low, high = day - CONTEST_WINDOW_DAYS, day + CONTEST_WINDOW_DAYS
                terms.append(and_(c.c.transfer_id == row["id"], c.c.window_day.between(low, high)))
    found: dict[str, dict[str, dict]] = {}
    for chunk in _chunks(terms):
        for stored in connection.execute(select(c).where(or_(*chunk))).mappings():
            found.setdefault(stored["transfer_id"], {})[stored["claim_id"]] = {**stored, "id": stored["claim_id"]}
    return found


def _equal(column, value):
    return column.is_(None) if value is None else column == value
