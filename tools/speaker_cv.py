"""Grouped cross-validation of the quote-speaker ranker: five folds over train + dev, one group
per source (no source both trained on and scored), each fold's model run on its held-out
articles as the package runs it. Prints the quote measure of ../shared/eval/score.py (recall:
gold quotes found with their speaker) with precision (attributed quotations that the gold
annotates, and whose speaker it confirms) and F1; then dev scored by a model fitted on train.

    python tools/speaker_cv.py [--shared ../shared] [--cache build/quote_texts.jsonl] [--seeds 1 2 3]

`--seeds` repeats the cross-validation with the sources shuffled into folds by each seed (the
plain run keeps GroupKFold's fixed split) and prints each run and their mean.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.extract import quotes as quotes_module  # noqa: E402
from materiel.extract.model import Scorer, group_of  # noqa: E402
from materiel.extract.quotes import quotes_of  # noqa: E402
from tools.train_speakers import article_of, load_articles, train  # noqa: E402

FOLDS = 5


def cache_settings() -> None:
    """Keep each article's setting (its sentences, resolved mentions and parses: quotes._setting),
    which no ranker changes, for the rest of the run: every fold and seed reads each article
    again, and the run takes about half the time with the same figures."""
    build = quotes_module._setting
    kept: dict[tuple, object] = {}

    def setting(text: str, paragraphs: list[tuple[int, str]], quotations: list) -> object:
        key = (text, tuple(paragraphs), tuple((q.start, q.end) for q in quotations))
        if key not in kept:
            kept[key] = build(text, paragraphs, quotations)
        return kept[key]

    quotes_module._setting = setting


def predictions(records: list[dict], model: dict) -> dict[str, dict]:
    scorer = Scorer(model)
    out = {}
    for record in records:
        quotes = quotes_of(article_of(record), scorer)
        out[record["id"]] = {
            "quotes": [{"text": q.text, "speaker": q.speaker.name if q.speaker else None} for q in quotes]
        }
    return out


def measure(records: list[dict], pred: dict[str, dict]) -> tuple[float, float, float]:
    """Precision, recall (score.py's quote measure) and F1 of quote + speaker matching."""
    from score import fold, score

    gold = {r["id"]: {"quotes": r["quotes"]} for r in records}
    recall = score(gold, pred)[0]["quotes"] or 0.0
    right = judged = 0
    for record in records:
        wanted = [(fold(q["starts"]), fold(q["speaker"])) for q in record["quotes"]]
        for quote in pred[record["id"]]["quotes"]:
            said = fold(quote["text"])
            speakers = [s for start, s in wanted if said.startswith(start)]
            if quote["speaker"] and speakers:
                judged += 1
                right += any(s in fold(quote["speaker"]) for s in speakers)
    precision = right / judged if judged else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def cross_validate(records: list[dict], seed: int | None = None) -> tuple[float, float, float]:
    from sklearn.model_selection import GroupKFold

    groups = [group_of(r["id"]) for r in records]
    folds = GroupKFold(n_splits=FOLDS, shuffle=seed is not None, random_state=seed)
    pred: dict[str, dict] = {}
    for train_index, test_index in folds.split(records, groups=groups):
        model = train([records[i] for i in train_index])
        pred |= predictions([records[i] for i in test_index], model)
    return measure(records, pred)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "quote_texts.jsonl")
    parser.add_argument("--seeds", type=int, nargs="*", default=[])
    args = parser.parse_args()
    sys.path.insert(0, str(args.shared / "eval"))
    records = load_articles(args.shared, args.cache)
    cache_settings()
    precision, recall, f1 = cross_validate(records)
    print(f"grouped {FOLDS}-fold CV  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    if args.seeds:
        runs = [cross_validate(records, seed) for seed in args.seeds]
        for seed, run in zip(args.seeds, runs, strict=True):
            print("  seed {:<4d}           P {:.3f}  R {:.3f}  F1 {:.3f}".format(seed, *run))
        means = [sum(values) / len(runs) for values in zip(*runs, strict=True)]
        print("  mean of seeds      P {:.3f}  R {:.3f}  F1 {:.3f}".format(*means))
    dev = [r for r in records if r["split"] == "dev"]
    model = train([r for r in records if r["split"] == "train"])
    print("train -> dev       P {:.3f}  R {:.3f}  F1 {:.3f}".format(*measure(dev, predictions(dev, model))))


if __name__ == "__main__":
    main()
