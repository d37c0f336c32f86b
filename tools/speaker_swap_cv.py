"""The swaps of tools/speaker_swap.py measured out of fold (quotes30): grouped 5-fold
cross-validation by source over train + dev as tools/speaker_cv.py folds it, each fold's ranker
run on its held-out articles, and score.py's quote measure of every swap variant on the pooled
held-out predictions, with how many quotations each variant changes.

    python tools/speaker_swap_cv.py [--shared ../shared] [--cache build/quote_texts.jsonl] [--seed N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.extract.model import Scorer, group_of  # noqa: E402
from tools.speaker_cv import FOLDS, cache_settings  # noqa: E402
from tools.speaker_swap import SWAPS, attributed, variant  # noqa: E402
from tools.train_speakers import load_articles, train  # noqa: E402


def held_out(records: list[dict], seed: int | None) -> tuple[dict[str, list], float]:
    from sklearn.model_selection import GroupKFold

    groups = [group_of(r["id"]) for r in records]
    folds = GroupKFold(n_splits=FOLDS, shuffle=seed is not None, random_state=seed)
    found: dict[str, list] = {}
    threshold = 0.0
    for train_index, test_index in folds.split(records, groups=groups):
        scorer = Scorer(train([records[i] for i in train_index]))
        fold_found, threshold = attributed([records[i] for i in test_index], scorer)
        found |= fold_found
    return found, threshold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "quote_texts.jsonl")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    sys.path.insert(0, str(args.shared / "eval"))
    from score import score

    records = load_articles(args.shared, args.cache)
    cache_settings()
    found, threshold = held_out(records, args.seed)
    gold = {r["id"]: {"quotes": r["quotes"]} for r in records}
    total = sum(len(r["quotes"]) for r in records)
    for name, swap in {"base": None, **SWAPS}.items():
        rewritten, changed = variant(records, found, threshold, swap)
        pred = {
            r["id"]: {"quotes": [{"text": q["text"], "speaker": q["speaker"]["name"]} for q in r["quotes"]]}
            for r in rewritten
        }
        recall = score(gold, pred)[0]["quotes"] or 0.0
        print(f"{name:16s} quotes {recall:.3f} ({round(recall * total)} of {total})  changed {changed}")


if __name__ == "__main__":
    main()
