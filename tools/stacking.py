"""Grouped cross-validation of a two-stage ("stacked") transfer scorer beside the shipped one-stage
scorer (issue 12; measured and not shipped, see bench/RESULTS.md).

    python tools/stacking.py [--shared ../shared] [--cache build/triples.jsonl] [--leaky]

The second stage scores each candidate triple on its features plus how its first-stage score
stands against its rivals in the same article (`competition`). Honest (nested) cross-validation:
inside each outer grouped fold, the second stage learns from first-stage scores of the training
sources that come from inner grouped folds, and the test sources are scored by a first stage
fitted on the whole training part. `--leaky` instead gives the second stage out-of-fold scores
computed once over all sources, so its training scores come from first stages that saw the test
fold: the optimistic figure the first offline measurement reported.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.extract.model import group_of  # noqa: E402
from tools.train_transfers import dump, f1_at, fit, scores  # noqa: E402
from tools.transfer_cv import THRESHOLDS, folds, required_gold  # noqa: E402

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

# The features the second stage adds, all read from the first stage's scores of the article's candidates.
COMPETITION = ("first_score", "top_in_category", "category_margin", "top_supplier_for_recipient")


def competition(keys: list[tuple], first: list[float]) -> list[dict[str, float]]:
    """For each candidate (supplier, recipient, category) of one article with its first-stage score:
    that score, whether it is the best of the article's candidates of its category and by how much
    (ahead of the runner-up, or behind the best; a candidate alone is ahead of nothing, 0), and
    whether its supplier is the best-scored one for that recipient and category."""
    by_category: dict = {}
    best_supplier: dict = {}
    for (_supplier, recipient, category), score in zip(keys, first, strict=True):
        by_category.setdefault(category, []).append(score)
        best_supplier[recipient, category] = max(best_supplier.get((recipient, category), 0.0), score)
    out = []
    for (_supplier, recipient, category), score in zip(keys, first, strict=True):
        ranked = sorted(by_category[category], reverse=True)
        top = score >= ranked[0]
        rival = (ranked[1] if len(ranked) > 1 else 0.0) if top else ranked[0]
        top_supplier = score >= best_supplier[recipient, category]
        margin = score - rival
        out.append(dict(zip(COMPETITION, (score, float(top), margin, float(top_supplier)), strict=True)))
    return out


def with_competition(rows: list[dict], first: list[float]) -> list[dict]:
    """Copies of the rows, each candidate's features with the competition features of its article,
    read among all the candidates the rules did not report (optional gold too), as at run time."""
    articles: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        if not row["rule"]:
            articles.setdefault(row["id"], []).append(index)
    out = [dict(row) for row in rows]
    for members in articles.values():
        keys = [tuple(rows[i]["key"]) for i in members]
        for index, rivals in zip(members, competition(keys, [first[i] for i in members]), strict=True):
            out[index]["features"] = {**rows[index]["features"], **rivals}
    return out


def cross_validated(
    rows: list[dict], train: Callable[[list[dict]], Pipeline], score: Callable[[Pipeline, list[dict]], list[float]]
) -> list[float]:
    """Each row's probability from a model trained (by `train`) on the other grouped folds' sources
    (folds dealt by labelled rows, as tools/transfer_cv.py deals them)."""
    probs: dict[int, float] = {}
    for members in folds([r for r in rows if r["label"] is not None]):
        test = [i for i, r in enumerate(rows) if group_of(r["id"]) in members]
        model = train([r for r in rows if group_of(r["id"]) not in members])
        for index, p in zip(test, score(model, [rows[i] for i in test]), strict=True):
            probs[index] = p
    return [probs[i] for i in range(len(rows))]


def first_stage(rows: list[dict], names: list[str]) -> list[float]:
    """Grouped out-of-fold first-stage scores of all rows."""
    return cross_validated(rows, lambda train: _fit(train, names), lambda m, test: scores(m, test, names))


def fit_stacked(rows: list[dict], names: list[str]) -> tuple[Pipeline, Pipeline]:
    """(first stage fitted on all rows, second stage fitted on their inner out-of-fold first scores)."""
    return _fit(rows, names), _fit(with_competition(rows, first_stage(rows, names)), _second(names))


def score_stacked(models: tuple[Pipeline, Pipeline], rows: list[dict], names: list[str]) -> list[float]:
    first, second = models
    return scores(second, with_competition(rows, scores(first, rows, names)), _second(names))


def _fit(rows: list[dict], names: list[str]) -> Pipeline:
    return fit([r for r in rows if r["label"] is not None], names)


def _second(names: list[str]) -> list[str]:
    return sorted(set(names) | set(COMPETITION))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "triples.jsonl")
    parser.add_argument("--leaky", action="store_true", help="second stage on out-of-fold scores of all sources")
    args = parser.parse_args()
    rows = dump(args.shared, args.cache)
    names = sorted({n for r in rows if r["label"] is not None for n in r["features"]})
    gold_total = required_gold(args.shared, "train") + required_gold(args.shared, "dev")
    single = first_stage(rows, names)
    if args.leaky:
        stacked_rows, second = with_competition(rows, single), _second(names)
        stacked = cross_validated(stacked_rows, lambda t: _fit(t, second), lambda m, t: scores(m, t, second))
    else:
        stacked = cross_validated(rows, lambda t: fit_stacked(t, names), lambda m, t: score_stacked(m, t, names))
    for threshold in THRESHOLDS:
        for label, probs in (("first stage", single), ("two stages", stacked)):
            precision, recall, f1 = f1_at(rows, probs, threshold, gold_total)
            print(f"grouped CV t={threshold:.2f} {label:<11} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
