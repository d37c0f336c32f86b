"""Grouped cross-validation of forms of the transfer scorer beside the shipped one (issue 12):
how the sightings of a triple are summed up (mean and largest value, largest only, the best
sighting's own features, a sighting-level model whose largest probability scores the triple), and
how it is fitted (penalty strength and threshold chosen by grouped CV inside the training folds,
class weights, scaling). Measured, not shipped: see bench/RESULTS.md.

    python tools/scorer_forms.py [--shared ../shared] [--cache build/sightings.jsonl] [--variants a,b]

The cache holds, per candidate triple of every gold article, the features of each sighting and the
triple's features that are not summaries of sightings; built on first use (about 4 minutes).
Folds, counting and the rules' triples are those of tools/transfer_cv.py.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.extract.model import group_of  # noqa: E402
from tools.train_transfers import REGULARISATION, THRESHOLD, f1_at  # noqa: E402
from tools.transfer_cv import RESHUFFLES, THRESHOLDS, folds, required_gold, shipped  # noqa: E402

# The triple features `triples._sighting_summary` makes; the rest are the triple's own.
SUMMARY_PREFIXES = ("max_", "mean_")
SUMMARY_NAMES = {"log_sightings", "log_sentences_both", "first_sentence"}
# Penalty strengths the nested search tries (inverse L2 strength of the logistic regression).
INNER_CS = (0.03, 0.1, 0.3, 1.0)
# How many sightings the top-k summaries take, best first by `Triple.best`'s order.
TOP_K = 2


def dump(shared: Path, cache: Path) -> list[dict]:
    """One row per candidate or rule triple: label, rule, at_war, own features and sightings."""
    if cache.exists():
        return [json.loads(line) for line in cache.read_text().splitlines()]
    from materiel.extract import triples as triple_module
    from tools.train_transfers import _label, gold_contexts, gold_keys

    rows = []
    for split, record, context, rules, at_war in gold_contexts(shared):
        rule_keys = {triple_module.transfer_key(t) for t in rules}
        gold = gold_keys(record)
        base = {"id": record["id"], "split": split}
        for key in sorted(rule_keys, key=str):
            war = frozenset(key[:2]) in at_war
            rows.append({**base, "key": list(key), "label": _label(gold, key), "rule": True, "at_war": war})
        for triple in triple_module.find_triples(context, rules):
            if triple.key in rule_keys:
                continue
            own = {n: v for n, v in triple.features.items() if not _is_summary(n)}
            sightings = [{n: v for n, v in s.features.items() if v} | {"_number": s.number} for s in triple.sightings]
            row = {**base, "key": list(triple.key), "label": _label(gold, triple.key), "rule": False}
            row |= {"at_war": frozenset(triple.key[:2]) in at_war, "own": own, "sightings": sightings}
            rows.append(row)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return rows


def _is_summary(name: str) -> bool:
    return name.startswith(SUMMARY_PREFIXES) or name in SUMMARY_NAMES


def _ranked(sightings: list[dict]) -> list[dict]:
    """Sightings best first, in `Triple.best`'s order: both parties in the sentence, a cue, earliest."""
    return sorted(sightings, key=lambda s: (-s.get("both_sent", 0.0), -s.get("cue_any", 0.0), s["_number"]))


def _counts(sightings: list[dict]) -> dict[str, float]:
    return {
        "log_sightings": math.log1p(len(sightings)),
        "log_sentences_both": math.log1p(sum(s.get("both_sent", 0.0) for s in sightings)),
        "first_sentence": 1.0 / min(s["_number"] for s in sightings),
    }


def _stat(sightings: list[dict], prefix: str, reduce: Callable[[list[float]], float]) -> dict[str, float]:
    names = {n for s in sightings for n in s if n != "_number"}
    return {f"{prefix}{n}": reduce([s.get(n, 0.0) for s in sightings]) for n in names}


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def summary_base(s: list[dict]) -> dict[str, float]:
    """As shipped: each sighting feature's largest value and mean, and the counts."""
    return _stat(s, "max_", max) | _stat(s, "mean_", _mean) | _counts(s)


def summary_max(s: list[dict]) -> dict[str, float]:
    return _stat(s, "max_", max) | _counts(s)


def summary_best(s: list[dict]) -> dict[str, float]:
    """Largest values, and the best sighting's own features in place of the means."""
    return _stat(s, "max_", max) | _stat(_ranked(s)[:1], "best_", max) | _counts(s)


def summary_topk(s: list[dict]) -> dict[str, float]:
    """Largest values, and the mean over the TOP_K best sightings in place of the mean over all."""
    return _stat(s, "max_", max) | _stat(_ranked(s)[:TOP_K], "mean_", _mean) | _counts(s)


def summary_both(s: list[dict]) -> dict[str, float]:
    """Largest values, and means over the sightings that name both parties in the item's sentence
    (all of them where none does)."""
    both = [x for x in s if x.get("both_sent")] or s
    return _stat(s, "max_", max) | _stat(both, "mean_", _mean) | _counts(s)


def summary_base_best(s: list[dict]) -> dict[str, float]:
    """As shipped, and the best sighting's own features beside."""
    return summary_base(s) | _stat(_ranked(s)[:1], "best_", max)


SUMMARIES = {
    "base": summary_base,
    "basebest": summary_base_best,
    "max": summary_max,
    "best": summary_best,
    "topk": summary_topk,
    "both": summary_both,
}


class Form:
    """A scorer form: how rows become vectors and how the model is fitted and applied. `prepare`
    builds the matrix of every row (or of every sighting, for a sighting-level model) once."""

    def __init__(
        self,
        summary: str = "base",
        c: float | str = REGULARISATION,
        weight: float = 1.0,
        scale: str = "standard",
        threshold: float | str = THRESHOLD,
        level: str = "triple",
        balance: float = 0.0,
    ) -> None:
        self.summary, self.c, self.weight, self.scale = SUMMARIES[summary], c, weight, scale
        self.threshold, self.level, self.balance = threshold, level, balance

    def prepare(self, rows: list[dict]) -> None:
        import numpy as np

        if self.level == "sighting":
            vectors = [row["own"] | s for row in rows if not row["rule"] for s in row["sightings"]]
            owners = [i for i, row in enumerate(rows) if not row["rule"] for _ in row["sightings"]]
        else:
            vectors = [row["own"] | self.summary(row["sightings"]) for row in rows if not row["rule"]]
            owners = [i for i, row in enumerate(rows) if not row["rule"]]
        names = sorted({n for v in vectors for n in v if n != "_number"})
        self.x = np.array([[v.get(n, 0.0) for n in names] for v in vectors])
        self.owner = np.array(owners)
        self.y = np.array([rows[i]["label"] for i in owners])
        self.size = len(rows)
        per_source = Counter(group_of(rows[i]["id"]) for i in owners)
        # `balance` 1 gives every source the same total weight, 0 every row the same weight
        self.sample = np.array([per_source[group_of(rows[i]["id"])] ** -self.balance for i in owners])
        self.sample *= len(owners) / self.sample.sum()

    def fit(self, train: set[int], c: float):
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import FunctionTransformer, MaxAbsScaler, StandardScaler

        scaler = {"standard": StandardScaler(), "maxabs": MaxAbsScaler(), "none": FunctionTransformer()}[self.scale]
        mask = np.isin(self.owner, list(train))
        weights = {0.0: 1.0, 1.0: self.weight}
        model = make_pipeline(scaler, LogisticRegression(C=c, max_iter=5000, class_weight=weights))
        return model.fit(self.x[mask], self.y[mask], logisticregression__sample_weight=self.sample[mask])

    def apply(self, model, test: set[int]) -> dict[int, float]:
        """Each test row's probability: rules' rows 1, a triple its largest sighting's at sighting level."""
        import numpy as np

        mask = np.isin(self.owner, list(test))
        probs = np.zeros(self.size)
        np.maximum.at(probs, self.owner[mask], model.predict_proba(self.x[mask])[:, 1])
        return {i: float(probs[i]) for i in test}


def scored(form: Form, rows: list[dict], train: set[int], test: set[int], c: float) -> dict[int, float]:
    probs = form.apply(form.fit(train, c), test)
    return {i: 1.0 if rows[i]["rule"] else probs[i] for i in test}


def _split(rows: list[dict], within: list[int], seed: int | None = None) -> list[tuple[set[int], set[int]]]:
    """(train, test) row indices of each grouped fold over the rows `within`."""
    part = [rows[i] for i in within]
    out = []
    for members in folds(part, seed):
        test = {i for i in within if group_of(rows[i]["id"]) in members}
        out.append((set(within) - test, test))
    return out


def out_of_fold(
    form: Form, rows: list[dict], seed: int | None, gold: dict[str, int]
) -> tuple[list[float], list[float]]:
    """Each row's probability from the form fitted on the other folds (its C chosen by grouped CV
    inside them when `form.c` is "inner"), and the threshold each row is judged at (the form's, or
    chosen inside the training folds when "inner")."""
    probs: dict[int, float] = {}
    cuts: dict[int, float] = {}
    for train, test in _split(rows, list(range(len(rows))), seed):
        c, cut = _inner(form, rows, train, gold) if "inner" in (form.c, form.threshold) else (form.c, form.threshold)
        probs |= scored(form, rows, train, test, c)
        cuts |= dict.fromkeys(test, cut)
    order = range(len(rows))
    return shipped(rows, [probs[i] for i in order]), [cuts[i] for i in order]


def _inner(form: Form, rows: list[dict], train: set[int], gold: dict[str, int]) -> tuple[float, float]:
    """The C (and threshold) of best grouped-CV F1 over the training part's own folds, counting
    the required gold of the training part's articles."""
    cs = INNER_CS if form.c == "inner" else (form.c,)
    cuts = THRESHOLDS if form.threshold == "inner" else (form.threshold,)
    within = sorted(train)
    part = [rows[i] for i in within]
    gold_total = sum(gold.get(i, 0) for i in {r["id"] for r in part})
    best = (-1.0, cs[0], cuts[0])
    for c in cs:
        probs: dict[int, float] = {}
        for inner_train, inner_test in _split(rows, within):
            probs |= scored(form, rows, inner_train, inner_test, c)
        ordered = shipped(part, [probs[i] for i in within])
        for cut in cuts:
            f1 = f1_at(part, ordered, cut, gold_total)[2]
            if f1 > best[0]:
                best = (f1, c, cut)
    return best[1], best[2]


def judge(rows: list[dict], probs: list[float], cuts: list[float], gold_total: int) -> tuple[float, float, float]:
    tp = sum(1 for r, p, t in zip(rows, probs, cuts, strict=True) if p >= t and r["label"] == 1.0)
    fp = sum(1 for r, p, t in zip(rows, probs, cuts, strict=True) if p >= t and r["label"] == 0.0)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold_total
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def train_to_dev(form: Form, rows: list[dict], shared: Path) -> tuple[float, float, float]:
    train = {i for i, r in enumerate(rows) if r["split"] == "train"}
    test = [i for i, r in enumerate(rows) if r["split"] == "dev"]
    c = form.c if isinstance(form.c, float) else REGULARISATION
    cut = form.threshold if isinstance(form.threshold, float) else THRESHOLD
    probs = scored(form, rows, train, set(test), c)
    dev = [rows[i] for i in test]
    return f1_at(dev, shipped(dev, [probs[i] for i in test]), cut, required_gold(shared, "dev"))


VARIANTS = {
    "base": Form(),
    "max": Form("max"),
    "best": Form("best"),
    "topk": Form("topk"),
    "both": Form("both"),
    "basebest": Form("basebest"),
    "sighting": Form(level="sighting"),
    "innerC": Form(c="inner"),
    "c003": Form(c=0.03),
    "c001": Form(c=0.01),
    "innerT": Form(threshold="inner"),
    "t05": Form(threshold=0.5),
    "innerCT": Form(c="inner", threshold="inner"),
    "w2": Form(weight=2.0),
    "src1": Form(balance=1.0),
    "src05": Form(balance=0.5),
    "maxabsC1": Form(scale="maxabs", c=1.0),
    "w3": Form(weight=3.0),
    "maxabs": Form(scale="maxabs"),
}


def required_by_article(shared: Path) -> dict[str, int]:
    """How many required gold triples each article of train and dev has (as transfer_cv counts)."""
    out: dict[str, int] = {}
    for split in ("train", "dev"):
        for line in (shared / "gold" / f"{split}.jsonl").read_text().splitlines():
            record = json.loads(line)
            keys = {
                (t["supplier"], t["recipient"], t["category"]) for t in record["transfers"] if not t.get("optional")
            }
            out[record["id"]] = len(keys)
    return out


def report(name: str, form: Form, rows: list[dict], shared: Path) -> None:
    gold = required_by_article(shared)
    gold_total = sum(gold.values())
    form.prepare(rows)
    probs, cuts = out_of_fold(form, rows, None, gold)
    main = judge(rows, probs, cuts, gold_total)
    sweep = " ".join(f"{t}:{f1_at(rows, probs, t, gold_total)[2]:.3f}" for t in THRESHOLDS)
    means = [judge(rows, *out_of_fold(form, rows, seed, gold), gold_total)[2] for seed in range(1, RESHUFFLES + 1)]
    dev = train_to_dev(form, rows, shared)
    print(
        f"{name:<10} P {main[0]:.3f} R {main[1]:.3f} F1 {main[2]:.3f} reshuffled {statistics.mean(means):.3f}"
        f" train->dev {dev[2]:.3f} (P {dev[0]:.3f} R {dev[1]:.3f}) | F1 by t {sweep}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "sightings.jsonl")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args()
    rows = [r for r in dump(args.shared, args.cache) if r["label"] is not None]
    for name in args.variants.split(","):
        report(name, VARIANTS[name], rows, args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
