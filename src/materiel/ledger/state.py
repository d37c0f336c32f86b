"""A merged transfer's rows beside it and its merge state: what lets a new claim be folded into the
stored transfer in place (merge.fold) instead of rebuilding it from all its claims.

- `transfer_claims`: one row per claim of the transfer (its claim ids, and what a disagreement
  with a later claim needs: day, report, status, disclosure, quantity);
- `transfer_events`: its history, one step per report (the first claim of each near-duplicate
  group, in claim order), replaced only when an earlier claim of that report arrives;
- `merge_state`: the date span of its claims and the claims that decide its status, disclosure
  and first and last step, each as its place in claim order [day, claim id].

Claim order is the merge's: by the claim's day (its own date, else its article's; undated first),
then by claim id.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from materiel.ledger.contest import CHECKS, day_of

# A claim as the ledger reads it: a database row mapping or a dict with the claims' columns.
Row = Mapping[str, Any]

# An undated claim comes first in claim order, as date.min does in merge._clusters.
UNDATED = date.min.toordinal()


def dated(row: Row) -> int | None:
    """The claim's day as an ordinal (its own date, else its article's), or None."""
    day = day_of(row["date"] or row["article_date"])
    return day.toordinal() if day else None


def claim_key(row: Row) -> list:
    """The claim's place in claim order: [day, claim id]."""
    return [dated(row) or UNDATED, row["id"]]


def report_of(row: Row) -> str:
    """The near-duplicate group the claim's article belongs to: one report, however many copies."""
    return row["group_id"] or row["article_id"]


def claim_row(transfer_id: str, row: Row) -> dict:
    window = day_of(row["date"])
    return {
        "claim_id": row["id"],
        "transfer_id": transfer_id,
        "day": dated(row) or UNDATED,
        "window_day": window.toordinal() if window else None,
        "report": report_of(row),
        "status": row["status"],
        "disclosure": row["disclosure"],
        "unit": row["unit"],
        "quantity_low": row["quantity_low"],
        "quantity_high": row["quantity_high"],
    }


def event_row(transfer_id: str, row: Row) -> dict:
    """A history step: the event the reader shows, with its report, place and credited outlet."""
    return {
        "transfer_id": transfer_id,
        "report": report_of(row),
        "day": dated(row) or UNDATED,
        "credit": row["outlet"] or row["group_id"],
        **history_event(row),
    }


def history_event(row: Row) -> dict:
    """One step of a transfer's history as readers see it: a claim's date, stage and outlet."""
    return {
        "date": row["date"] or row["article_date"],
        "date_basis": row["date_basis"],
        "status": row["status"],
        "disclosure": row["disclosure"],
        "outlet": row["outlet"] or row["source"],
        "claim_id": row["id"],
        "article_id": row["article_id"],
    }


KINDS = [kind for kind, *_ in CHECKS]


def side_rows(transfer_id: str, found: list[dict], cluster: list) -> list[dict]:
    """The rows of a transfer's disagreements (contest.disagreements of its claims)."""
    days = {row["id"]: dated(row) or UNDATED for row in cluster}
    return [
        {"transfer_id": transfer_id, "check": KINDS.index(d["kind"]), "side": side, "claim_id": i, "day": days[i]}
        for d in found
        for side, ids in enumerate(d["sides"])
        for i in ids
    ]


def disagreements_of(rows: list) -> list[dict]:
    """A transfer's disagreements from its side rows: each check it fails, sides in claim order."""
    sides: dict[int, list[list]] = {}
    for row in sorted(rows, key=lambda r: (r["day"], r["claim_id"])):
        sides.setdefault(row["check"], [[], []])[row["side"]].append(row["claim_id"])
    return [{"kind": KINDS[check], "sides": sides[check]} for check in sorted(sides)]


# A history step as readers see it (merge._event gives the same keys).
EVENT_FIELDS = ("date", "date_basis", "status", "disclosure", "outlet", "claim_id", "article_id")


def event_of(row: Row) -> dict:
    return {name: row[name] for name in EVENT_FIELDS}


def initial_state(cluster: list, events: list[dict]) -> dict:
    """The state of a transfer built from all its claims (in claim order) and its history steps."""
    state: dict = {"span": None, "first": None, "last": None, "latest": None, "denied": None, "official": None}
    for claim in cluster:
        fold_claim(state, claim)
    state["last_event"] = [events[-1]["day"], events[-1]["claim_id"]]
    return state


def fold_claim(state: dict, claim: Row) -> None:
    """The state with one more claim: each decider kept or replaced as the full merge would pick."""
    key, day = claim_key(claim), dated(claim)
    if day is not None:
        span = state["span"]
        state["span"] = [min(span[0], day), max(span[1], day)] if span else [day, day]
    if state["first"] is None or key < state["first"]:
        state["first"] = key
    if state["last"] is None or key > state["last"][:2]:
        state["last"] = [*key, claim["disclosure"]]
    official = claim["disclosure"] == "official"
    latest = state["latest"]
    if latest is None or [key[0], official] > latest[:2] or ([key[0], official] == latest[:2] and key[1] < latest[2]):
        state["latest"] = [key[0], official, key[1], claim["status"]]
    for name in ("denied", "official"):
        if claim["disclosure"] == name and (state[name] is None or key > state[name]):
            state[name] = key


def disclosure_of(state: dict) -> str | None:
    """A denial shows unless the supplier confirmed later; else official if ever confirmed."""
    denied, official = state["denied"], state["official"]
    if denied and (not official or denied > official):
        return "denied"
    if official:
        return "official"
    return state["last"][2] if state["last"] else None
