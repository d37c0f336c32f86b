"""Ablate features of the transfer scorer out of fold: grouped cross-validation by source (as
`tools/transfer_cv.py`) for the full feature set and with each named group of features left out.

    python tools/transfer_ablation.py [--cache build/triples.jsonl] [--reshuffle] GROUP...

A GROUP is comma-separated sighting or triple feature names ("s_distance,r_distance"); a sighting
feature stands for both its summaries (max_ and mean_). For each configuration it prints P/R/F1
at three thresholds, the average precision of the scored candidates (the rules' triples left out:
how well the scorer ranks what it decides) and the same over the candidates whose parties are
never both named in the item's sentence; with --reshuffle also the means of F1 and average
precision over the random dealings of sources of transfer_cv.RESHUFFLES.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tools.train_transfers import THRESHOLD, f1_at  # noqa: E402
from tools.transfer_cv import RESHUFFLES, out_of_fold, required_gold  # noqa: E402

THRESHOLDS = (0.3, THRESHOLD, 0.5)


def left_out(names: list[str], group: set[str]) -> list[str]:
    """The feature names less those of `group`, a sighting feature's max_ and mean_ included."""
    return [n for n in names if _base(n) not in group]


def _base(name: str) -> str:
    """A summary's sighting feature ("max_s_open": "s_open"), or a triple feature's own name."""
    return name.split("_", 1)[1] if name.startswith(("max_", "mean_")) else name


def average_precision(rows: list[dict], probs: list[float], far: bool = False) -> float:
    """Average precision over the scored candidates (or those never naming both parties in one sentence)."""
    from sklearn.metrics import average_precision_score

    pairs = [
        (p, r["label"])
        for r, p in zip(rows, probs, strict=True)
        if not r["rule"] and not (far and r["features"].get("max_both_sent"))
    ]
    return float(average_precision_score([y for _, y in pairs], [p for p, _ in pairs]))


def measure(rows: list[dict], names: list[str], gold_total: int, reshuffle: bool) -> str:
    probs = out_of_fold(rows, names)
    parts = [f"n={len(names)}"]
    for threshold in THRESHOLDS:
        precision, recall, f1 = f1_at(rows, probs, threshold, gold_total)
        parts.append(f"t{threshold}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    parts.append(f"AP {average_precision(rows, probs):.4f} far {average_precision(rows, probs, True):.4f}")
    if reshuffle:
        dealt = [out_of_fold(rows, names, seed) for seed in range(1, RESHUFFLES + 1)]
        f1s = [f1_at(rows, p, THRESHOLD, gold_total)[2] for p in dealt]
        aps = [average_precision(rows, p) for p in dealt]
        parts.append(f"reshuffled F1 {statistics.mean(f1s):.3f} AP {statistics.mean(aps):.4f}")
    return " | ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "triples.jsonl")
    parser.add_argument("--reshuffle", action="store_true")
    parser.add_argument("groups", nargs="*")
    args = parser.parse_args()
    lines = args.cache.read_text().splitlines()
    rows = [r for r in (json.loads(line) for line in lines) if r["label"] is not None]
    names = sorted({n for r in rows for n in r["features"]})
    gold_total = required_gold(args.shared, "train") + required_gold(args.shared, "dev")
    print(f"{'all':<32} {measure(rows, names, gold_total, args.reshuffle)}", flush=True)
    for group in args.groups:
        kept = left_out(names, set(group.split(",")))
        print(f"{'-' + group:<32} {measure(rows, kept, gold_total, args.reshuffle)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
