"""Where required gold transfers are lost, out of fold: each required gold triple of train + dev
by the last stage it reached, as a table of counts.

    python tools/transfer_losses.py --pred build/train-pred.jsonl build/dev-pred.jsonl [--list]

Stages: read by the rules (and kept, or dropped by a filter after them); a scored candidate
accepted out of fold at the threshold (and kept, or dropped by a filter after scoring), one
between states at war, or one scored below the threshold (by band); no candidate of the key but
one of the same pair with another category (which confusion), the pair reversed, another
supplier or another recipient of the category, or nothing at all. The candidates and their
out-of-fold probabilities are those of tools/transfer_oof.py (feature cache of `make model`); the
predictions (`materiel eval` output) tell which accepted triples a later filter dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tools import train_transfers  # noqa: E402
from tools.transfer_cv import out_of_fold  # noqa: E402

# Probability bands of the scored candidates below the threshold.
BANDS = (0.2, 0.1)


def required(shared: Path) -> list[tuple[str, tuple]]:
    """(article id, key) of every required gold triple of train and dev."""
    out = []
    for split in ("train", "dev"):
        for line in (shared / "gold" / f"{split}.jsonl").read_text().splitlines():
            record = json.loads(line)
            gold: dict[tuple, bool] = {}
            for t in record["transfers"]:
                key = (t["supplier"], t["recipient"], t["category"])
                gold[key] = gold.get(key, False) or not t.get("optional", False)
            out += [(record["id"], key) for key, needed in gold.items() if needed]
    return out


def predicted(paths: list[Path]) -> dict[str, set[tuple]]:
    out: dict[str, set[tuple]] = {}
    for path in paths:
        for line in path.read_text().splitlines():
            record = json.loads(line)
            out[record["id"]] = {
                (_id(t.get("supplier")), _id(t.get("recipient")), t["item"]["category"])
                for t in record.get("transfers", [])
            }
    return out


def _id(actor) -> str | None:
    return actor.get("id") if isinstance(actor, dict) else actor


def stage(key: tuple, rows: dict[tuple, tuple[dict, float]], reported: set[tuple], threshold: float) -> str:
    """The last stage the gold `key` reached among its article's candidate `rows` (key -> row, p)."""
    if key in rows:
        row, p = rows[key]
        if row["rule"]:
            return "rules: kept" if key in reported else "rules: dropped after"
        if row.get("at_war"):
            return "scored: war pair dropped"
        if p >= threshold:
            return "scored >= t: kept" if key in reported else "scored >= t: dropped after"
        band = next((b for b in BANDS if p >= b), 0.0)
        return f"scored below t: p >= {band:.1f}"
    if key in reported:
        return "added after scoring: kept"  # a list's sibling, a kind a generic noun points at
    return _missing(key, rows, reported)


def evidence(row: dict) -> str:
    """What a scored candidate's sentences hold: both parties with the item, a cue governing it."""
    f = row["features"]
    if not f.get("max_both_sent"):
        return "parties never both in the item's sentence"
    if not f.get("max_item_governed"):
        return "both in the sentence, no cue governs the item"
    if f.get("general_category"):
        return "both and a cue, general item (unspecified, funding)"
    return "both and a cue, named category"


def _missing(key: tuple, rows: dict, reported: set[tuple]) -> str:
    """Why no candidate has the key: the pair read with another category (the reported one named,
    a wrong category being a miss and a false transfer), the pair reversed, another party."""
    s, r, c = key
    said = sorted(k[2] for k in reported if k[:2] == (s, r))
    if said:
        return f"other category reported: gold {c}, said {'/'.join(said)}"
    if any(k[:2] == (s, r) for k in rows):
        return "other category, none reported"
    if (r, s, c) in rows:
        return "no candidate: pair reversed"
    if any(k[1:] == (r, c) for k in rows):
        return "no candidate: other supplier"
    if any(k[0] == s and k[2] == c for k in rows):
        return "no candidate: other recipient"
    return "no candidate"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "triples.jsonl")
    parser.add_argument("--threshold", type=float, default=train_transfers.THRESHOLD)
    parser.add_argument("--pred", type=Path, nargs="+", required=True)
    parser.add_argument(
        "--list",
        action="store_true",
        help="one line per lost gold triple too (a scored one with what its sentences hold)",
    )
    args = parser.parse_args()
    all_rows = train_transfers.dump(args.shared, args.cache)
    labelled = [r for r in all_rows if r["label"] is not None]
    names = sorted({n for r in labelled for n in r["features"]})
    probs = dict(zip((id(r) for r in labelled), out_of_fold(labelled, names), strict=True))
    by_article: dict[str, dict[tuple, tuple[dict, float]]] = {}
    for row in all_rows:
        by_article.setdefault(row["id"], {})[tuple(row["key"])] = (row, probs.get(id(row), 0.0))
    reported = predicted(args.pred)
    counts: Counter = Counter()
    below: Counter = Counter()
    for article, key in required(args.shared):
        rows = by_article.get(article, {})
        where = stage(key, rows, reported.get(article, set()), args.threshold)
        counts[where] += 1
        if where.startswith("scored below"):
            below[evidence(rows[key][0])] += 1
        if args.list and not where.endswith(": kept"):
            held = f"  ({evidence(rows[key][0])})" if where.startswith("scored below") else ""
            print(f"  {where:<45} {article[:50]:<50} {key}{held}")
    total = sum(counts.values())
    for where, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{n:5d} {n / total:6.1%}  {where}")
    print(f"{total:5d} required gold triples (train + dev)")
    print("scored below the threshold, by what their sentences hold:")
    for kind, n in below.most_common():
        print(f"{n:5d}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
