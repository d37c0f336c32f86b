"""The timeline: claims per month by stage, as JSON and as server-drawn SVG (no script, no CDN).

A claim is one step of a transfer's history (syndicated copies are one step), counted in the
month of its date: the claim's own date, else its article's. The coarse stage is the scorer's:
executed, committed, potential, negative. Each bar links to what it counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from materiel.ledger.contest import COARSE

STAGES = ("executed", "committed", "potential", "negative")
# The month a history step counts in: its date's first characters; a shorter date has no month.
MONTH = "YYYY-MM"
# Drawing constants (SVG user units): the plot's width, a claim's height in a bar (less when the
# tallest bar would pass the plot's height), the space for the year labels under the plot, the
# widest a bar may be when only a few months are shown, and the least height of the plot.
WIDTH, UNIT, PLOT_HEIGHT, AXIS, MAX_BAR, MIN_HEIGHT = 900, 14, 240, 22, 40, 60


def counts(rows: list[dict]) -> dict:
    """{"items": [{month, stage, count}], "undated": n} over the history of the given transfers."""
    steps: dict[tuple[str, str], int] = {}
    for row in rows:
        for event in row.get("history") or []:
            key = (month_of(event.get("date")), event["status"])
            steps[key] = steps.get(key, 0) + 1
    return tally([(month, status, n) for (month, status), n in steps.items()])


def month_of(date: str | None) -> str:
    """The month a date counts in (its first characters), shorter than MONTH where it names none."""
    return (date or "")[: len(MONTH)]


def tally(steps: list[tuple[str, str, int]]) -> dict:
    """The timeline's counts from history steps counted by (month, status): a month shorter than
    YYYY-MM, or a status of no stage, is undated."""
    found: dict[tuple[str, str], int] = {}
    undated = 0
    for month, status, n in steps:
        stage = COARSE.get(status)
        if len(month) < len(MONTH) or stage is None:
            undated += n
            continue
        found[(month, stage)] = found.get((month, stage), 0) + n
    items = [
        {"month": m, "stage": s, "count": n}
        for (m, s), n in sorted(found.items(), key=lambda kv: (kv[0][0], STAGES.index(kv[0][1])))
    ]
    return {"items": items, "undated": undated}


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    month: str
    stage: str
    count: int
    href: str


@dataclass
class Drawing:
    bars: list[Bar]
    labels: list[tuple[float, str]]  # (x, year) at the first month of each year shown
    height: int


def months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def draw(data: dict, href: Callable[[str, str], str]) -> Drawing | None:
    """Stacked bars, one column per month from the first to the last (empty months keep their
    place, so gaps in time show); `href(month, stage)` is where a bar links."""
    items = data["items"]
    if not items:
        return None
    months = months_between(items[0]["month"], max(i["month"] for i in items))
    step = WIDTH / len(months)
    width = max(min(step * 0.8, MAX_BAR), 1.0)
    tallest = max(sum(i["count"] for i in items if i["month"] == m) for m in months)
    unit = min(UNIT, PLOT_HEIGHT / tallest)
    base = max(tallest * unit, MIN_HEIGHT)
    bars, stacked = [], dict.fromkeys(months, 0)
    for item in items:
        x = months.index(item["month"]) * step + (step - width) / 2
        stacked[item["month"]] += item["count"]
        y = base - stacked[item["month"]] * unit
        link = href(item["month"], item["stage"])
        bars.append(Bar(x, y, width, item["count"] * unit, item["month"], item["stage"], item["count"], link))
    labels = [(i * step, m[:4]) for i, m in enumerate(months) if i == 0 or m.endswith("-01")]
    return Drawing(bars, _spaced(labels), int(base) + AXIS)


# Year labels closer than this (SVG units) would overlap: the later one is left out.
LABEL_GAP = 36


def _spaced(labels: list[tuple[float, str]]) -> list[tuple[float, str]]:
    kept: list[tuple[float, str]] = []
    for x, text in labels:
        if not kept or x - kept[-1][0] >= LABEL_GAP:
            kept.append((x, text))
    return kept
