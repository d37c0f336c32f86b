"""Grouped cross-validation of a learned stage (status) classifier beside the rules (status12).

    python tools/status_cv.py --pred dev=/tmp/x-dev.jsonl --pred train=/tmp/x-train.jsonl

Rows are the gold transfers of train + dev that the pipeline's output (`materiel eval`) matches
as ../shared/eval/score.py matches them; the label is the gold stage's coarse class. Features are
read from the matched transfer's evidence sentences and the headline: the rules' own stage, the
verb that governs the item (lemma class, tense, aspect, modal, negation), the cue words of
cues.json by the stage they give, time ahead, years named against the article's year, and where
the evidence sits. Folds are whole sources, as tools/transfer_cv.py deals them.

It prints the rules' confusion (gold against rules, coarse), their errors by source, the
accuracies, and per override threshold how many rows the stacked model changes, on how many it
is right and on how many the rules were (status18). The features are tools/stage_features.py's.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.ledger.contest import COARSE  # noqa: E402  (the scorer's coarse stage classes)
from tools.stage_features import stage_features  # noqa: E402

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline
    from spacy.language import Language

CLASSES = ("executed", "committed", "potential", "negative")


def matched(gold_path: Path, pred_path: Path, split: str) -> list[dict]:
    gold = [json.loads(line) for line in gold_path.read_text().splitlines() if line.strip()]
    pred = {r["id"]: r for r in map(json.loads, pred_path.read_text().splitlines())}
    return [row for record in gold for row in matched_in(record, pred.get(record["id"], {}), split)]


def matched_in(record: dict, guess: dict, split: str) -> list[dict]:
    """The required gold transfers of one record that the article's output (plain form) matches."""
    predicted = guess.get("transfers") or []
    unused = list(range(len(predicted)))
    rows = []
    for expected in record.get("transfers", []):
        want = (expected["supplier"], expected["recipient"], expected["category"])
        match = next((i for i in unused if _key(predicted[i]) == want), None)
        if match is None:
            continue
        unused.remove(match)
        if expected.get("optional"):
            continue
        rows.append({"id": record["id"], "split": split, "label": COARSE[expected["status"]],
                     "gold": expected["status"], "transfer": predicted[match], "article": guess})  # fmt: skip
    return rows


def _key(transfer: dict) -> tuple:
    def actor(a):
        return a.get("id") if isinstance(a, dict) else a

    return (actor(transfer.get("supplier")), actor(transfer.get("recipient")), transfer["item"]["category"])


def featurise(row: dict, nlp: Language) -> dict[str, float]:
    """The rules' own stage (fine and coarse) beside the stage features the shipped model reads."""
    status = row["transfer"]["status"]
    features = {f"rule_{status}": 1.0, f"rulec_{COARSE[status]}": 1.0}
    features.update(stage_features(row["transfer"], row["article"], nlp))
    return features


def build(pairs: list[tuple[str, Path]], shared: Path, cache: Path) -> list[dict]:
    if cache.exists():
        return [json.loads(line) for line in cache.read_text().splitlines()]
    from materiel.extract.nlp import load_model

    nlp = load_model()
    out = []
    for split, pred in pairs:
        for row in matched(shared / "gold" / f"{split}.jsonl", pred, split):
            out.append({"id": row["id"], "split": split, "label": row["label"], "gold": row["gold"],
                        "rule": row["transfer"]["status"], "features": featurise(row, nlp)})  # fmt: skip
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(json.dumps(r) + "\n" for r in out))
    return out


# Inverse strength of the L2 penalty: 0.05 gave the best grouped CV accuracy of the model without
# the rules' stage among 0.01, 0.05, 0.2, 0.3 and 1 (0.686; 0.602 at 0.3, 0.542 at 1).
REGULARISATION = 0.05
# The confidences above which the stacked model overrides the rules' coarse class.
OVERRIDES = (0.5, 0.6, 0.7, 0.8, 0.9)


def fit(rows: list[dict], names: list[str], c: float = REGULARISATION) -> Pipeline:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x, y = _matrix(rows, names), [r["label"] for r in rows]
    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000)).fit(x, y)


def _matrix(rows: list[dict], names: list[str]):
    import numpy as np

    return np.array([[r["features"].get(n, 0.0) for n in names] for r in rows])


def out_of_fold(rows: list[dict], names: list[str], c: float = REGULARISATION) -> list[dict[str, float]]:
    """Each row's class probabilities from a model fitted on the other folds' sources."""
    from materiel.extract.model import group_of
    from tools.transfer_cv import folds

    probs: dict[int, dict[str, float]] = {}
    for members in folds(rows):
        test = [i for i, r in enumerate(rows) if group_of(r["id"]) in members]
        train = [r for r in rows if group_of(r["id"]) not in members]
        model = fit(train, names, c)
        classes = list(model.classes_)
        for index, p in zip(test, model.predict_proba(_matrix([rows[i] for i in test], names)), strict=True):
            probs[index] = dict(zip(classes, map(float, p), strict=True))
    return [probs[i] for i in range(len(rows))]


def stacked(rule: str, probs: dict[str, float], confidence: float) -> str:
    top = max(probs, key=probs.get)
    return top if top != rule and probs[top] >= confidence else rule


def accuracy(rows: list[dict], answers: list[str], keep: Callable[[dict], bool] = lambda r: True) -> str:
    pairs = [(r, a) for r, a in zip(rows, answers, strict=True) if keep(r)]
    right = sum(r["label"] == a for r, a in pairs)
    if not pairs:
        return "-"
    return f"{right / len(pairs):.3f} ({right}/{len(pairs)})"


def overrides(rows: list[dict], answers: list[str]) -> tuple[int, int, int]:
    """Where `answers` differ from the rules' coarse class: how many rows, on how many the answer
    is right, on how many the rules were (the rest: both wrong)."""
    changed = [(r, a) for r, a in zip(rows, answers, strict=True) if a != COARSE[r["rule"]]]
    return (
        len(changed),
        sum(a == r["label"] for r, a in changed),
        sum(COARSE[r["rule"]] == r["label"] for r, _ in changed),
    )


def confusion(rows: list[dict]) -> list[str]:
    """The rules' coarse class against the gold's, one line per gold class."""
    head = "gold/rules".ljust(12) + "".join(f"{k:>11}" for k in CLASSES)
    lines = [head]
    for gold in CLASSES:
        counts = [sum(r["label"] == gold and COARSE[r["rule"]] == k for r in rows) for k in CLASSES]
        lines.append(f"{gold:<12}" + "".join(f"{n:>11}" for n in counts))
    return lines


def errors_by_source(rows: list[dict]) -> str:
    """'source wrong/rows' for every source with a rules' error, most errors first."""
    from materiel.extract.model import group_of

    tally: dict[str, list[int]] = {}
    for row in rows:
        seen = tally.setdefault(group_of(row["id"]), [0, 0])
        seen[0] += COARSE[row["rule"]] != row["label"]
        seen[1] += 1
    ranked = sorted((s for s in tally if tally[s][0]), key=lambda s: (-tally[s][0], s))
    return " ".join(f"{s} {tally[s][0]}/{tally[s][1]}" for s in ranked)


def report(rows: list[dict], c: float) -> None:
    """Coarse-class accuracy, out of fold, of the rules, the model and the stacked model; where the
    stacked models override the rules, how often they are right."""
    names = sorted({n for r in rows for n in r["features"]})
    rules = [COARSE[r["rule"]] for r in rows]
    bare = out_of_fold(rows, [n for n in names if not n.startswith("rule")], c)
    alone = [max(p, key=p.get) for p in bare]
    full = out_of_fold(rows, names, c)
    lines = [
        ("always 'executed'", ["executed"] * len(rows)),
        ("rules alone", rules),
        ("model, no rule feature", alone),
        ("model with rule feature", [max(p, key=p.get) for p in full]),
    ]
    for t in OVERRIDES:
        lines.append((f"stacked override>={t}", [stacked(ru, p, t) for ru, p in zip(rules, full, strict=True)]))
    print(f"{'':<26} {'all':<18} {'train rows':<18} dev rows")
    for label, answers in lines:
        by_split = [accuracy(rows, answers, lambda r, s=s: r["split"] == s) for s in ("train", "dev")]
        print(f"{label:<26} {accuracy(rows, answers):<18} {by_split[0]:<18} {by_split[1]}")
    print("overrides of the rules (rows changed, model right, rules right):")
    for t in OVERRIDES:
        with_rule = overrides(rows, [stacked(ru, p, t) for ru, p in zip(rules, full, strict=True)])
        without = overrides(rows, [stacked(ru, p, t) for ru, p in zip(rules, bare, strict=True)])
        print(f"  >={t}: with the rule feature {with_rule}, without it {without}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--pred", action="append", default=[], help="split=path of `materiel eval` output")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "status_rows.jsonl")
    parser.add_argument("-c", type=float, default=REGULARISATION)
    parser.add_argument("--train-only", action="store_true", help="folds of train's sources only")
    args = parser.parse_args()
    pairs = [(p.split("=", 1)[0], Path(p.split("=", 1)[1])) for p in args.pred]
    rows = build(pairs, args.shared, args.cache)
    if args.train_only:
        rows = [r for r in rows if r["split"] == "train"]
    counts = {k: sum(r["label"] == k for r in rows) for k in CLASSES}
    print(f"{len(rows)} matched gold transfers: {counts}")
    print("\n".join(confusion(rows)))
    print(f"rules' errors by source: {errors_by_source(rows)}")
    report(rows, args.c)
    return 0


if __name__ == "__main__":
    sys.exit(main())
