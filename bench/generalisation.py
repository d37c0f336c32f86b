"""Generalisation: grouped cross-validation over train + dev beside the full-dev and blind figures.

    .venv/bin/python bench/generalisation.py

1. Grouped cross-validation of the transfer scorer (folds of whole sources, the article id's
   prefix: no source both trained on and scored), counted the way ../shared/eval/score.py counts.
2. `materiel eval` on the whole dev set with the shipped model (trained on train + dev, so in
   sample for dev: compare it with the cross-validated figure; the gap is the overfitting).
3. ../shared/eval/blind-check: totals on the sealed articles nobody here has seen.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from tools import train_transfers  # noqa: E402
from tools.transfer_cv import report  # noqa: E402


def main() -> int:
    rows = [r for r in train_transfers.dump(SHARED, ROOT / "build" / "triples.jsonl") if r["label"] is not None]
    print("== grouped cross-validation (train + dev, by source)")
    report(rows, sorted({n for r in rows for n in r["features"]}), SHARED)
    materiel = str(ROOT / ".venv" / "bin" / "materiel")
    print("== full dev set (the shipped model saw these articles)")
    pred = ROOT / "build" / "dev-pred.jsonl"
    subprocess.run([materiel, "eval", "--gold", str(SHARED / "gold" / "dev.jsonl"), "--out", str(pred)], check=False)
    print("== blind-check (sealed)")
    subprocess.run([str(SHARED / "eval" / "blind-check"), "--materiel", materiel], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
