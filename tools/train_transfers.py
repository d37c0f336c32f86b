"""Train the transfer scorer (`make model`): features of every candidate triple in the annotated
articles of ../shared/gold, labelled by the gold, fitted by logistic regression, written as the
small JSON artefact the package ships (src/materiel/extract/models/transfers.json).

    python tools/train_transfers.py [--shared ../shared] [--cv] [--cache build/triples.jsonl]

`--cv` prints grouped cross-validation (one group per source, no source both trained on and
scored) over train + dev beside the figures of the model fitted on train and scored on dev.
scikit-learn is needed here only; the package applies the weights in plain Python.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.extract import triples as triple_module  # noqa: E402
from materiel.extract.model import ARTEFACT  # noqa: E402
from tools.gold import gold_articles  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

    import numpy as np
    from sklearn.pipeline import Pipeline

    from materiel.extract.context import Context

# Inverse strength of the L2 penalty; 0.1 gave the best grouped cross-validated F1 of 0.03, 0.1, 1,
# and 0.03 to 0.2 stay within 0.005 of it (F1 0.667 to 0.672 at 0.4); a tree ensemble (depth 2-3)
# lost 0.03. Remeasured on the stop-28 features, F1 at 0.4 is 0.679, 0.685, 0.689, 0.688 and 0.687
# at 0.01, 0.02, 0.03, 0.05 and 0.1; 0.03 had the higher precision (0.908, not 0.884) and check-set
# precision 0.642, not 0.619, but its stronger penalty shrank the weight of rare evidence
# (item_possessed) and "sent spare parts to Ukraine to keep its fighter jets flying" reported the
# jets. Since the generator leaves out the items of a purpose clause (notsent.served_by_purpose)
# 0.03 no longer does, and 0.1 against 0.03 is a tie: F1 at 0.4 0.688 against 0.687 (P 0.888
# against 0.901), over four random dealings mean 0.677 (0.673-0.681) against 0.683 (0.681-0.685),
# fitted on train and scored on dev 0.738 against 0.741, the check set the same (P 0.646 R 0.552),
# train in-sample 0.654 against 0.638 (R 0.500 against 0.477). Neither gains 0.01: 0.1 stays.
# Stop 33 (features of e597906), F1 at 0.4 and its reshuffled mean: 0.03 0.710 (0.710), 0.1 0.712
# (0.703), 0.3 0.702 (0.700), 1 0.700 (0.695); 0.03 gave the check set the same totals at 0.4 and
# lost two found at 0.5. Class weights lose at every threshold ("balanced" 0.521 at best, 3:1 0.709
# at 0.8); keeping only the features that are non-zero in the required gold triples of at least 3,
# 5 or 8 sources (110, 97, 87 of 128) 0.699, 0.702, 0.708 (means 0.701, 0.710, 0.710); training on
# the rules' triples too (their readings as triples, rule features masked) 0.687 (best 0.702 at 0.7).
# Stop 44 (model21, tools/scorer_forms.py): chosen by grouped CV inside each training part (0.03,
# 0.1, 0.3) every part picks 0.03, F1 at 0.4 0.733 (P 0.933), reshuffled 0.721, train->dev 0.756;
# over nine dealings 0.722 against 0.719 (a plateau from 0.02 to 0.05), and rebuilt at 0.03 dev F1
# 0.817 -> 0.813, the check set one found transfer fewer (F1 0.655): more precision, not recall.
REGULARISATION = 0.1
# The probability above which a triple is reported. Grouped cross-validated F1 is flat from 0.25
# (0.668) to 0.5 (0.659), 0.673 at 0.3 and 0.670 at 0.4 (precision 0.857); over six random
# dealings of sources into folds 0.4 is the top (mean 0.668, 0.663 at 0.3 and at 0.5), and the
# precise end of the plateau. Remeasured on the stop-28 features: 0.677 at 0.3, 0.687 at 0.4, 0.685
# at 0.5, and over four random dealings (transfer_cv.RESHUFFLES) means 0.676, 0.678 and 0.680.
# With the items of purpose clauses left out: 0.677 at 0.3, 0.688 at 0.4, 0.683 at 0.5.
# Stop 33: P/R/F1 0.840/0.601/0.700 at 0.3, 0.896/0.590/0.712 at 0.4, 0.919/0.578/0.709 at 0.5,
# 0.938/0.575/0.713 at 0.6 (means 0.698, 0.703, 0.710, 0.710); on the check set (blind-check) F1
# 0.644, 0.644, 0.636, 0.620 (P 0.704, 0.718, 0.714, 0.707): the scorer adds 13, 12, 11 and 9 found
# triples there for 5, 3, 3 and 3 spurious ones, so 0.4 stays. With no triple of the scorer the
# check set has P 0.698 R 0.458: its spurious triples are the rules' (transfer_cv.VETOES).
# Stop 44 (model21, tools/scorer_forms.py): chosen by grouped CV inside the training folds the
# threshold gives 0.722 (reshuffled 0.718); fixed at 0.5, the top over all of train + dev, 0.724
# (0.722, P 0.928) but train->dev 0.753 (0.762) and the check set two found transfers fewer (F1
# 0.648 against 0.659, one run), as at stop 33: 0.4 stays. Sighting summaries (max only, the best
# sighting's features, the mean of the two best or of those naming both parties), a sighting-level
# model, positive or per-source weights and max-abs scaling all lose at their threshold.
THRESHOLD = 0.4
# Stop 36 (branch recall5, commit c496708, held back): three features of where a triple's parties
# stand beyond the item's sentence (sentences back, the headline's first party, the cue's slot left
# open) raised grouped CV F1 at 0.4 from 0.709 to 0.717 and average precision 0.246 to 0.248
# (tools/transfer_ablation.py), but the check set kept P 0.716 R 0.604 at 0.4 (0.702/0.615 at 0.3).
# Issue 12 (branch scorer16), out of fold at 0.4 over the base's grouped CV F1 0.716 (reshuffled
# mean 0.716, train->dev 0.755): the open or pronoun slot of a party named outside the item's
# sentence (s_room, r_room) and a first-person giver (s_first_person; pairslots.py) give 0.720
# (0.718, 0.760), P 0.894 -> 0.904 at the same recall, and the check set the same totals; which cue
# slot a party in the sentence fills (giver, taker, both) 0.709 (0.709): the rules read those pairs
# already and no required candidate filled both; the pair named together just before the item,
# in order, or with a contents or definite-noun sentence ("The ship was loaded with") 0.715
# (0.712); their products with the open slots 0.716 to 0.721 (means 0.713 to 0.718). Kept: the first.


def dump(shared: Path, cache: Path) -> list[dict]:
    """One row per candidate triple of every gold article: its features and its gold label."""
    if cache.exists():
        return [json.loads(line) for line in cache.read_text().splitlines()]
    rows = []
    for split, record, context, rules, at_war in gold_contexts(shared):
        found = triple_module.find_triples(context, rules)
        readings = {t.key: t for t in triple_module.rule_triples(context, rules)}
        for row in _rows(record, split, found, {triple_module.transfer_key(t) for t in rules}, readings):
            row["at_war"] = frozenset(row["key"][:2]) in at_war
            rows.append(row)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return rows


def gold_contexts(shared: Path) -> Iterator[tuple[str, dict, Context, list, frozenset]]:
    """Each gold article cleaned and read: its split, gold record, context, the rules' transfers
    and the pairs at war (shared with tools/scorer_forms.py)."""
    from materiel import api
    from materiel.extract import rule_transfers
    from materiel.extract.context import build_context
    from materiel.extract.hostile import war_pairs
    from materiel.pipeline import Runner

    for split, record, article in gold_articles(shared, Runner(api.clean_steps())):
        context = build_context(article)
        yield split, record, context, rule_transfers(context), frozenset(war_pairs(context))


def gold_keys(record: dict) -> dict[tuple, bool]:
    """The gold record's (supplier, recipient, category) keys: True where one is required."""
    gold: dict[tuple, bool] = {}
    for t in record.get("transfers", []):
        key = (t.get("supplier"), t.get("recipient"), t.get("category"))
        gold[key] = gold.get(key, False) or not t.get("optional", False)
    return gold


def _rows(record: dict, split: str, found: list, rule_keys: set, readings: dict) -> list[dict]:
    """Labels: 1 a required gold transfer, 0 none; None (left out) for an optional one. A triple
    the rules report has the features of its reading as a triple (`rule_triples`), none where the
    generator pairs no item of it with both sides."""
    gold = gold_keys(record)
    out = [_row(record, split, key, gold, readings.get(key), True) for key in sorted(rule_keys, key=str)]
    out += [_row(record, split, t.key, gold, t, False) for t in found if t.key not in rule_keys]
    return out


def _row(record: dict, split: str, key: tuple, gold: dict, triple, rule: bool) -> dict:
    row = {"id": record["id"], "split": split, "key": list(key), "label": _label(gold, key), "rule": rule}
    row["features"] = triple.features if triple is not None else {}
    if triple is not None:
        row["sentence"] = triple.best().sentence.text[:400]
    return row


def _label(gold: dict, key: tuple) -> float | None:
    return None if key in gold and not gold[key] else float(key in gold)


def matrix(rows: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    return np.array([[r["features"].get(n, 0.0) for n in names] for r in rows]), np.array([r["label"] for r in rows])


def fit(rows: list[dict], names: list[str]) -> Pipeline:
    """Logistic regression on standardised features: with a few hundred positive triples, a
    linear model generalised across sources better than trees in grouped cross-validation."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x, y = matrix([r for r in rows if not r["rule"]], names)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=REGULARISATION, max_iter=5000))
    return model.fit(x, y)


def scores(model: Pipeline, rows: list[dict], names: list[str], rules_certain: bool = True) -> list[float]:
    """The scorer's probability for each row; a row the rules report counts as certain, unless
    `rules_certain` is off (then it has the probability of its reading as a triple)."""
    x, _ = matrix(rows, names)
    probs = model.predict_proba(x)[:, 1]
    return [1.0 if r["rule"] and rules_certain else float(p) for r, p in zip(rows, probs, strict=True)]


def f1_at(rows: list[dict], probs: list[float], threshold: float, gold_total: int) -> tuple[float, float, float]:
    tp = sum(1 for r, p in zip(rows, probs, strict=True) if p >= threshold and r["label"] == 1.0)
    fp = sum(1 for r, p in zip(rows, probs, strict=True) if p >= threshold and r["label"] == 0.0)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold_total if gold_total else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def export(model: Pipeline, names: list[str], threshold: float, path: Path) -> None:
    """Weights folded with the scaler: one weight per feature on its raw value, and a bias."""
    scaler, regression = model.named_steps["standardscaler"], model.named_steps["logisticregression"]
    weights = regression.coef_[0] / scaler.scale_
    bias = float(regression.intercept_[0] - (weights * scaler.mean_).sum())
    payload = {
        "about": "logistic regression over the features of extract/triples.py; built by tools/train_transfers.py",
        "threshold": threshold,
        "bias": round(bias, 6),
        "weights": {n: round(float(w), 6) for n, w in zip(names, weights, strict=True) if abs(w) > 1e-9},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "triples.jsonl")
    parser.add_argument("--cv", action="store_true", help="print grouped cross-validation first")
    parser.add_argument("--out", type=Path, default=ARTEFACT, help="where to write the artefact")
    args = parser.parse_args()
    rows = [r for r in dump(args.shared, args.cache) if r["label"] is not None]
    names = sorted({n for r in rows for n in r["features"]})
    scored = [r for r in rows if not r["rule"]]
    print(
        f"{len(scored)} candidate triples, {sum(r['label'] == 1.0 for r in scored)} of them required gold;"
        f" the rules report {len(rows) - len(scored)} triples"
    )
    if args.cv:
        from tools.transfer_cv import report

        report(rows, names, args.shared)
    model = fit(rows, names)
    export(model, names, THRESHOLD, args.out)
    print(f"wrote {args.out}: {len(names)} features, threshold {THRESHOLD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
