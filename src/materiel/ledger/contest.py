"""What a merged transfer's claims disagree on, and its quantities kept per unit.

Both are plain functions over one transfer's claims (rows of the claims table with the article's
`group_id`), so they do not care how the claims were grouped or when. Syndicated copies (one
near-duplicate group) are one report: a report never disagrees with its own copy.

A transfer is contested when reports from different outlets disagree:
- an executed transfer (delivered, under way) against a denial or a refusal in the same window;
- an official confirmation against a denial;
- quantities of the same unit and stage, reported within a short window, whose ranges do not meet.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from materiel.ledger.state import Row

EXECUTED = {"delivered", "in_progress"}
NEGATIVE = {"refused", "cancelled"}
COARSE = {
    "delivered": "executed",
    "in_progress": "executed",
    "pledged": "committed",
    "requested": "potential",
    "considered": "potential",
    "postponed": "potential",
    "refused": "negative",
    "cancelled": "negative",
}
# A denial answers the reports of the months around it; one a year later is about another
# shipment or a change of policy, not a contradiction.
CONTEST_WINDOW_DAYS = 180
# Two counts of one stage disagree only when reported close together: a month apart, a second
# shipment or a running total explains a different number.
QUANTITY_WINDOW_DAYS = 30


# Distinct date strings remembered by day_of: a merge parses each claim's date many times.
DAY_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=DAY_CACHE_SIZE)
def day_of(value: str | None) -> date | None:
    """The first day of an ISO date as precise as it was written (2023, 2023-03, 2023-03-17)."""
    if not value:
        return None
    parts = str(value)[:10].split("-")
    try:
        numbers = [int(p) for p in parts[:3]] + [1] * (3 - len(parts[:3]))
        return date(*numbers)
    except ValueError:
        return None


def _group(claim: Row) -> str:
    return claim["group_id"] or claim["article_id"]


def _pairs(claims: list, left: Callable, right: Callable, days: int, apart: Callable | None = None) -> list[list]:
    """The claims on each side of a disagreement: pairs from different reports, close in time.

    Each side lists its claims in the order of the transfer's claims (claim order), so that a
    claim folded in later takes the place a full merge gives it; only the pairs within `days` of
    each other are looked at (a claim with no date is close to all)."""
    window = _Window([(j, c) for j, c in enumerate(claims) if right(c)])
    found = [
        (i, j)
        for i, one in enumerate(claims)
        if left(one)
        for j, other in window.near(one, days)
        if _group(one) != _group(other) and (apart is None or apart(one, other))
    ]
    if not found:
        return []
    return [[claims[i]["id"] for i in sorted({pair[side] for pair in found})] for side in (0, 1)]


class _Window:
    """Claims by day, to find those within some days of a claim without looking at all."""

    def __init__(self, claims: list[tuple[int, dict]]) -> None:
        days = [(day_of(c["date"]), j, c) for j, c in claims]
        dated = sorted((d.toordinal(), j, c) for d, j, c in days if d is not None)
        self.ordinals = [o for o, _, _ in dated]
        self.dated = [(j, c) for _, j, c in dated]
        self.undated = [(j, c) for d, j, c in days if d is None]
        self.every = claims

    def near(self, claim: Mapping[str, Any], days: int) -> list[tuple[int, dict]]:
        day = day_of(claim["date"])
        if day is None:
            return self.every
        low = bisect_left(self.ordinals, day.toordinal() - days)
        high = bisect_right(self.ordinals, day.toordinal() + days)
        return self.dated[low:high] + self.undated


def _denied(claim: Row) -> bool:
    return claim["disclosure"] == "denied"


def _executed(claim: Row) -> bool:
    return claim["status"] in EXECUTED and not _denied(claim)


def _negative(claim: Row) -> bool:
    return _denied(claim) or claim["status"] in NEGATIVE


def _official(claim: Row) -> bool:
    return claim["disclosure"] == "official"


def _unit(claim: Row) -> str:
    return claim["unit"] or "count"


def _range(claim: Row) -> tuple[float, float] | None:
    low, high = claim["quantity_low"], claim["quantity_high"]
    if low is None and high is None:
        return None
    return (low if low is not None else high, high if high is not None else low)


def _has_range(claim: Row) -> bool:
    return _range(claim) is not None


def _quantities_apart(one: Row, other: Row) -> bool:
    first, second = _range(one), _range(other)
    if first is None or second is None or _unit(one) != _unit(other):
        return False
    same_stage = COARSE.get(one["status"]) == COARSE.get(other["status"])
    return same_stage and (first[1] < second[0] or second[1] < first[0]) and one["id"] < other["id"]


CHECKS = (
    ("executed against denied or refused", _executed, _negative, CONTEST_WINDOW_DAYS, None),
    ("official confirmation against denial", _official, _denied, CONTEST_WINDOW_DAYS, None),
    ("quantities that do not overlap", _has_range, _has_range, QUANTITY_WINDOW_DAYS, _quantities_apart),
)


def partners(claim: Mapping[str, Any]) -> list[tuple[str, int]]:
    """What a claim can disagree with, and within how many days: "any" claim (a denial or a
    refusal answers every report), a "negative" one (for an executed or official claim), a
    "ranged" one (a claim with a quantity, for another with one)."""
    found = []
    if _negative(claim):
        found.append(("any", CONTEST_WINDOW_DAYS))
    elif _executed(claim) or _official(claim):
        found.append(("negative", CONTEST_WINDOW_DAYS))
    if _has_range(claim):
        found.append(("ranged", QUANTITY_WINDOW_DAYS))
    return found


# The widest window of the checks: the claims a new claim can disagree with lie within it.
WIDEST = max(days for *_, days, _ in CHECKS)


def disagreements(claims: list) -> list[dict]:
    """Each way the claims disagree, with the claim ids on either side."""
    found = []
    for kind, left, right, days, apart in CHECKS:
        sides = _pairs(claims, left, right, days, apart)
        if sides:
            found.append({"kind": kind, "sides": sides})
    return found


def quantities(claims: list) -> list[dict]:
    """One range per unit (count first, then currencies), never a count mixed with money."""
    ranges: dict[str, list[float]] = {}
    for claim in claims:
        found = _range(claim)
        if found is None:
            continue
        low, high = ranges.setdefault(_unit(claim), [found[0], found[1]])
        ranges[_unit(claim)] = [min(low, found[0]), max(high, found[1])]
    ordered = sorted(ranges.items(), key=lambda kv: (kv[0] != "count", kv[0]))
    return [{"unit": unit, "low": low, "high": high} for unit, (low, high) in ordered]


def new_sides(new: list[dict], stored: list[dict]) -> dict[int, list[set]]:
    """The claim ids that new claims add to each side of each check (by its place in CHECKS) of a
    transfer, against its stored claims near them and each other. Claims here carry `report`
    (their near-duplicate group) and `window_day` (the ordinal of their own date, or None)."""
    everyone = stored + new
    for order, claim in enumerate(everyone):
        claim["checks"] = [(left(claim), right(claim)) for _, left, right, _, _ in CHECKS]
        claim["order"] = order  # the new come last: a pair of two new claims is looked at once
    dated = sorted((c for c in everyone if c["window_day"] is not None), key=lambda c: c["window_day"])
    days = [c["window_day"] for c in dated]
    undated = [c for c in everyone if c["window_day"] is None]
    found: dict[int, list[set]] = {}
    for one in new:
        near = everyone
        if one["window_day"] is not None:
            low, high = bisect_left(days, one["window_day"] - WIDEST), bisect_right(days, one["window_day"] + WIDEST)
            near = dated[low:high] + undated
        for other in near:
            if (other["order"] < len(stored) or other["order"] > one["order"]) and one["report"] != other["report"]:
                _add_pairs(found, one, other)
    return found


def _add_pairs(found: dict[int, list[set]], one: dict, other: dict) -> None:
    days_apart = None
    if one["window_day"] is not None and other["window_day"] is not None:
        days_apart = abs(one["window_day"] - other["window_day"])
    for check, (_, _, _, days, apart) in enumerate(CHECKS):
        if days_apart is not None and days_apart > days:
            continue
        for a, b in ((one, other), (other, one)):
            if a["checks"][check][0] and b["checks"][check][1] and (apart is None or apart(a, b)):
                sides = found.setdefault(check, [set(), set()])
                sides[0].add(a["id"])
                sides[1].add(b["id"])


def fold_quantities(stored: list[dict], claims: list) -> list[dict]:
    """`quantities` of the stored ranges and these claims' together."""
    ranges = [{"quantity_low": q["low"], "quantity_high": q["high"], "unit": q["unit"]} for q in stored or []]
    return quantities(ranges + list(claims))
