"""Out-of-fold errors of the transfer scorer: the required gold triples a candidate reached but
the scorer rejected, and the spurious triples it accepted, each with its grouped cross-validated
probability (folds of tools/transfer_cv.py) and its best sentence. For studying what evidence a
reader uses that no feature encodes; the rules' own triples are left out (the scorer decides none),
unless `--rules` lists their spurious ones too.

    python tools/transfer_oof.py [--cache build/triples.jsonl] [--threshold 0.4] [--out FILE] [--rules]

It reads the feature cache `make model` writes (tools/train_transfers.py --cache), building it if
it is missing; one JSON line per error, rejected gold first, lowest probability first.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tools import train_transfers  # noqa: E402
from tools.transfer_cv import out_of_fold  # noqa: E402


def errors(rows: list[dict], probs: list[float], threshold: float, rules: bool = False) -> list[dict]:
    """The scorer's out-of-fold errors: "rejected" gold below the threshold, "accepted" spurious
    triples at or above it; with `rules`, the rules' spurious triples too ("rule", in-sample: the
    rules were written on these articles), as the pipeline reports them (none between states at war)."""
    out = []
    for row, p in zip(rows, probs, strict=True):
        if row["rule"] and not (rules and row["label"] == 0.0 and p >= threshold):
            continue
        if row["rule"]:
            kind = "rule"
        elif row["label"] == 1.0 and p < threshold:
            kind = "rejected"
        elif row["label"] == 0.0 and p >= threshold:
            kind = "accepted"
        else:
            continue
        out.append(
            {"kind": kind, "p": round(p, 3), "id": row["id"], "key": row["key"], "sentence": row.get("sentence", "")}
        )
    order = {"rejected": 0, "accepted": 1, "rule": 2}
    return sorted(out, key=lambda e: (order[e["kind"]], e["p"] if e["kind"] == "rejected" else -e["p"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "triples.jsonl")
    parser.add_argument("--threshold", type=float, default=train_transfers.THRESHOLD)
    parser.add_argument("--out", type=Path, help="write the listing here rather than to stdout")
    parser.add_argument("--rules", action="store_true", help="list the rules' spurious triples too (in-sample)")
    args = parser.parse_args()
    rows = [r for r in train_transfers.dump(args.shared, args.cache) if r["label"] is not None]
    names = sorted({n for r in rows for n in r["features"]})
    listing = errors(rows, out_of_fold(rows, names), args.threshold, args.rules)
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in listing)
    if args.out:
        args.out.write_text(text)
    else:
        sys.stdout.write(text)
    counts = {k: sum(e["kind"] == k for e in listing) for k in ("rejected", "accepted", "rule")}
    rules = f", {counts['rule']} spurious from the rules" if args.rules else ""
    print(f"{counts['rejected']} reached gold rejected, {counts['accepted']} spurious accepted{rules}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
