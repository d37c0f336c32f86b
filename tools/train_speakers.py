"""Train the quote-speaker ranker (`make model`): the candidate speakers of every quotation in the
annotated articles of ../shared/gold, labelled by the gold speaker, fitted by logistic regression
and written as the small JSON artefact the package ships (src/materiel/extract/models/speakers.json).

    python tools/train_speakers.py [--shared ../shared] [--cache build/quote_texts.jsonl] [--train-only]

The shipped model is fitted on train + dev (after grouped cross-validation, tools/speaker_cv.py,
chose its settings); `--train-only` fits on train alone, to study errors on dev. The previous
quotation's speaker is the gold one while training (the candidate it gives is then right as often
as the gold allows) and the predicted one when the model runs. scikit-learn is needed here only.
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

from materiel.article import Article  # noqa: E402
from materiel.extract.quotes import ARTEFACT, attribute  # noqa: E402
from materiel.extract.speakers import Candidate  # noqa: E402
from tools.gold import gold_articles  # noqa: E402

if TYPE_CHECKING:
    from sklearn.linear_model import LogisticRegression

# Inverse strength of the L2 penalty: grouped cross-validation (tools/speaker_cv.py) measured
# 0.1, 0.3, 1 and 3, and 1 was best.
REGULARISATION = 1.0
# Below this probability the best candidate is not taken: the quotation keeps no speaker. In
# grouped cross-validation recall is flat from 0 to 0.15 and falls above it while precision
# rises slowly (0.62 at 0, 0.64 at 0.15, 0.68 at 0.4): 0.1 drops only the hopeless guesses.
THRESHOLD = 0.1


def fold(text: str | None) -> str:
    """The scorer's normalisation (../shared/eval/score.py), imported where it is available."""
    from score import fold as score_fold

    return score_fold(text)


def load_articles(shared: Path, cache: Path) -> list[dict]:
    """Clean text, paragraph languages and gold quotes of every gold article (cached)."""
    if cache.exists():
        return [json.loads(line) for line in cache.read_text().splitlines()]
    from materiel import api
    from materiel.pipeline import Runner

    out = []
    for split, record, article in gold_articles(shared, Runner(api.clean_steps())):
        out.append(
            {
                "id": record["id"],
                "split": split,
                "text": article.text,
                "languages": article.paragraph_languages,
                "quotes": record.get("quotes", []),
            }
        )
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(json.dumps(r) + "\n" for r in out))
    return out


def article_of(record: dict) -> Article:
    return Article(
        id=record["id"], source=record["id"], text=record["text"], paragraph_languages=record["languages"] or []
    )


def rows_of(record: dict) -> list[dict]:
    """One row per quotation the gold annotates: its candidates' features and labels."""
    gold = [(fold(q["starts"]), fold(q["speaker"])) for q in record["quotes"]]
    rows: list[dict] = []

    def teacher(quotation, options: list[Candidate]) -> Candidate | None:
        said = fold(quotation.text)
        wanted = [speaker for start, speaker in gold if said.startswith(start)]
        if not wanted:
            return None
        labels = [float(wanted[0] in fold(c.name)) for c in options]
        rows.append({"id": record["id"], "features": [c.features for c in options], "labels": labels})
        return next((c for c, label in zip(options, labels, strict=True) if label), None)

    attribute(article_of(record), teacher)
    return rows


def fit(rows: list[dict], names: list[str]) -> LogisticRegression:
    from sklearn.linear_model import LogisticRegression

    matrix = [[f.get(n, 0.0) for n in names] for row in rows for f in row["features"]]
    labels = [label for row in rows for label in row["labels"]]
    model = LogisticRegression(C=REGULARISATION, max_iter=5000)
    model.fit(matrix, labels)
    return model


def payload(model: LogisticRegression, names: list[str], threshold: float = THRESHOLD) -> dict:
    weights = {n: round(float(w), 6) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) > 1e-9}
    return {"weights": weights, "bias": round(float(model.intercept_[0]), 6), "threshold": threshold}


def train(records: list[dict]) -> dict:
    rows = [row for record in records for row in rows_of(record)]
    names = sorted({n for row in rows for f in row["features"] for n in f})
    return payload(fit(rows, names), names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "quote_texts.jsonl")
    parser.add_argument("--out", type=Path, default=ARTEFACT)
    parser.add_argument("--train-only", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(args.shared / "eval"))
    records = load_articles(args.shared, args.cache)
    if args.train_only:
        records = [r for r in records if r["split"] == "train"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(train(records), indent=1, sort_keys=True) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
