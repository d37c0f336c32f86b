"""How much of OUR transfer output hangs on an item premodified by a state and a hyphenated
participle: a maker's ("Iranian-made drones", "US-built jets") or a supplier's ("British-supplied
missiles"). For each class, the transfer totals of score.py on a variant of our prediction file
without the transfers whose item has that premodifier, and how many were left out. A gauge, not
shipped: nothing here changes the package, and only totals are written (never article text).

    python tools/participle_gauge.py GOLD PRED TOTALS        # on a prediction file of ours
    PARTICIPLE_TOTALS=/tmp/t.jsonl ../shared/eval/blind-check --materiel tools/participle_gauge

On a prediction file that tools/recall_gauge.py wrote at threshold 0 (each transfer's confidence
its scorer probability, RULE_TAG for a rule's), with PARTICIPLE_KEEP_FROM set to the shipped
threshold, it writes the other way round: the totals of the transfers kept at that threshold, and
of those plus the scorer-rejected ones whose item has each premodifier (`tools/participle_recall`).
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.recall_gauge import RULE_TAG, score_records

# A capitalised name ("Iranian", "U.S.", "South Korean"), a hyphen, a participle of the class, and
# up to two more modifiers before the item ("US-made F-16 fighter jets").
PREMODIFIER = r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s?-\s?(?:{})\s+(?:\S+\s+){{0,2}}$"
CLASSES = {
    "made": re.compile(PREMODIFIER.format("made|built|manufactured|produced")),
    "supplied": re.compile(PREMODIFIER.format("supplied|provided|donated|delivered|gifted")),
}
# How far before the item the premodifier is looked for (characters).
REACH = 60


def _premodified(record: dict, transfer: dict, pattern: re.Pattern) -> bool:
    span = (transfer.get("item") or {}).get("span")
    if not span:
        return False
    before = record["text"][max(0, span["start"] - REACH) : span["start"]]
    return bool(pattern.search(before))


def variant(records: list[dict], pattern: re.Pattern) -> tuple[list[dict], int]:
    """The records without the transfers whose item carries the premodifier, and how many went."""
    out, left = [], 0
    for record in records:
        kept = [t for t in record["transfers"] if not _premodified(record, t, pattern)]
        left += len(record["transfers"]) - len(kept)
        out.append({**record, "transfers": kept})
    return out, left


def rescued(records: list[dict], keep_from: float, pattern: re.Pattern) -> tuple[list[dict], int]:
    """The records with the transfers tagged at least `keep_from`, and below it those whose item
    carries the premodifier; how many of the latter were added."""
    out, added = [], 0
    for record in records:
        kept = []
        for transfer in record["transfers"]:
            shipped = transfer.get("confidence", RULE_TAG) >= keep_from
            if shipped or _premodified(record, transfer, pattern):
                kept.append(transfer)
                added += not shipped
        out.append({**record, "transfers": kept})
    return out, added


def _line(name: str, changed: int, gold: str, records: list[dict], folder: str) -> dict:
    t = score_records(gold, records, folder)
    tr = t["transfers"]
    return {
        "variant": name,
        "transfers_changed": changed,
        "P": tr["precision"],
        "R": tr["recall"],
        "F1": tr["f1"],
        "predicted": tr["predicted_scored"],
        "status": t["fields"].get("status"),
    }


def main(gold: str, pred: str, totals: str) -> None:
    records = [json.loads(line) for line in Path(pred).read_text().splitlines()]
    keep_from = os.environ.get("PARTICIPLE_KEEP_FROM")
    classes = {"none": re.compile(r"(?!)"), **CLASSES}
    with tempfile.TemporaryDirectory(dir=Path(pred).parent) as folder:
        if keep_from is None:
            dropped = {n: variant(records, p) for n, p in classes.items()}
            lines = [_line(f"without {n}", dropped[n][1], gold, dropped[n][0], folder) for n in classes]
        else:
            made = {n: rescued(records, float(keep_from), p) for n, p in classes.items()}
            lines = [_line(f"shipped + rejected {n}", made[n][1], gold, made[n][0], folder) for n in classes]
    with open(totals, "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(x) + "\n" for x in lines)


if __name__ == "__main__":
    main(*sys.argv[1:4])
