"""Where the quantities of matched transfers go wrong, on an annotated set whose articles we may
read (dev, train; never the check set): each required gold transfer with a quantity that a
prediction matches is right, right from another sentence, empty, or wrong (from its item's
sentence or another), and for each miss the places its gold amount is written: the headline,
the item's sentence, or another sentence of the body (qty22). A gauge, not shipped.

    python tools/qty_misses.py GOLD PRED            # PRED from `materiel eval`
    RECALL_THRESHOLD=0.0 python tools/recall_gauge.py eval --gold GOLD --out PRED   # every candidate kept

Prints one line per miss (article id, triple, gold range, ours, where the gold amount is written)
and the count of each class.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

# A sentence's end: a stop with any closing marks and a space after it, or a line's end.
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+|\n")
Range = tuple[float, float]


def quantity_range(transfer: dict) -> Range | None:
    """A transfer's quantity as score.py reads it: [low, high] or {"low", "high"}, a missing end the other."""
    quantity = transfer.get("quantity")
    low, high = (
        (quantity.get("low"), quantity.get("high")) if isinstance(quantity, dict) else (quantity or [None, None])
    )
    if low is None and high is None:
        return None
    return float(low if low is not None else high), float(high if high is not None else low)


def _overlap(a: Range, b: Range) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _key(transfer: dict) -> tuple:
    item = transfer.get("item")
    category = item.get("category") if isinstance(item, dict) else transfer.get("category")
    return _actor(transfer.get("supplier")), _actor(transfer.get("recipient")), category


def _actor(actor: dict | str | None) -> str | None:
    return actor.get("id") if isinstance(actor, dict) else actor


def _sentence(text: str, at: int) -> tuple[int, int]:
    starts = [m.end() for m in SENTENCE_BREAK.finditer(text, 0, at)]
    end = SENTENCE_BREAK.search(text, at)
    return (starts[-1] if starts else 0), (end.start() + 1 if end else len(text))


def _other_sentence(text: str, ours: dict) -> bool:
    """Our quantity was read in a sentence other than its item's."""
    span, item = (ours.get("quantity") or {}).get("span"), (ours.get("item") or {}).get("span")
    if not span or not item:
        return False
    low, high = sorted((span["start"], item["start"]))
    return SENTENCE_BREAK.search(text, low, high) is not None


def places(record: dict, ours: dict, want: Range) -> list[str]:
    """Where amounts overlapping the gold range are written: title, item (its sentence), body."""
    from materiel.extract.quantities import find_amounts

    text, found = record.get("text", ""), []
    if any(_overlap(_range_of(a), want) for a in find_amounts(record.get("title") or "")):
        found.append("title")
    item = (ours.get("item") or {}).get("span")
    own = _sentence(text, item["start"]) if item else (-1, -1)
    for amount in find_amounts(text):
        if _overlap(_range_of(amount), want):
            found.append("item" if own[0] <= amount.start < own[1] else "body")
    return sorted(set(found)) or ["nowhere"]


def _range_of(amount) -> Range:
    low = amount.low if amount.low is not None else amount.high
    return low, amount.high if amount.high is not None else low


def matched(
    gold: dict, pred: dict, keep: Callable[[str, dict], bool] | None = None
) -> Iterator[tuple[str, dict, dict, dict]]:
    """(article id, our record, our transfer, gold transfer) for each required gold transfer that
    one of ours matches, each of ours used once, as score.py matches them; `keep` (article id, our
    transfer) leaves out those of ours it refuses before matching."""
    for doc_id, truth in gold.items():
        record = pred.get(doc_id, {})
        predicted = [t for t in record.get("transfers") or [] if isinstance(t, dict)]
        predicted = [t for t in predicted if keep is None or keep(doc_id, t)]
        unused = list(range(len(predicted)))
        for expected in truth.get("transfers", []):
            match = next((i for i in unused if _key(predicted[i]) == _key(expected)), None)
            if match is None:
                continue
            unused.remove(match)
            if not expected.get("optional"):
                yield doc_id, record, predicted[match], expected


def classify(gold: dict, pred: dict) -> list[dict]:
    """One row per required, matched gold transfer with a quantity (matched as score.py matches)."""
    return [
        _row(doc_id, record, ours, expected, want)
        for doc_id, record, ours, expected in matched(gold, pred)
        if (want := quantity_range(expected)) is not None
    ]


def _row(doc_id: str, record: dict, ours: dict, expected: dict, want: Range) -> dict:
    got = quantity_range(ours)
    other = "-other" if got is not None and _other_sentence(record.get("text", ""), ours) else ""
    kind = "empty" if got is None else ("right" if _overlap(got, want) else "wrong") + other
    row = {"id": doc_id, "triple": _key(expected), "gold": want, "ours": got, "class": kind}
    if not kind.startswith("right"):
        row["gold_at"] = places(record, ours, want)
    return row


def _read(path: str) -> dict:
    records = (json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip())
    return {r["id"]: r for r in records}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows = classify(_read(argv[0]), _read(argv[1]))
    for row in rows:
        if "gold_at" in row:
            print(json.dumps(row))
    print(json.dumps(dict(Counter(r["class"] for r in rows))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
