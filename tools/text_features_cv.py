"""Would words of a triple's sentence help the transfer scorer? Grouped cross-validation of the
shipped dense features alone against the same features with a bag of words of each triple's best
sentence beside them (names masked: capitalised words dropped, so a country or system's name cannot
be learnt). A measurement, not shipped: the scorer's artefact is not touched.

    python tools/text_features_cv.py [--cache build/triples.jsonl]

Stop 38 (triples of d3b2a5b): dense alone P 0.886 R 0.595 F1 0.712 at 0.4; with the words at
weights 0.3, 0.5 and 1.0 F1 0.713, 0.713, 0.711 at 0.4 (0.717 at best, at 0.3): no gain worth a
vocabulary in the package.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.extract.model import group_of  # noqa: E402
from tools.train_transfers import REGULARISATION, f1_at  # noqa: E402
from tools.transfer_cv import folds, required_gold, shipped  # noqa: E402

# Capitalised words: names of states, people and systems, which would tie the words to sources.
NAME = re.compile(r"\b[A-Z][\w'-]+")
# Rows a word must occur in (in the training folds) to become a feature.
MIN_ROWS = 3
TEXT_WEIGHTS = (0.3, 0.5, 1.0)
THRESHOLDS = (0.3, 0.4, 0.5)


def _design(rows: list[dict], names: list[str], train, test, text_weight: float):
    """Standardised dense features, with the masked words' indicator columns appended."""
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import StandardScaler

    dense = np.array([[r["features"].get(n, 0.0) for n in names] for r in rows])
    scaler = StandardScaler().fit(dense[train])
    parts = [sparse.csr_matrix(scaler.transform(dense[train])), sparse.csr_matrix(scaler.transform(dense[test]))]
    if not text_weight:
        return parts
    texts = [NAME.sub(" ", r.get("sentence", "")) for r in rows]
    words = CountVectorizer(binary=True, min_df=MIN_ROWS).fit([texts[i] for i in train])
    return [
        sparse.hstack([part, words.transform([texts[i] for i in index]) * text_weight]).tocsr()
        for part, index in zip(parts, (train, test), strict=True)
    ]


def out_of_fold(rows: list[dict], names: list[str], text_weight: float) -> list[float]:
    from sklearn.linear_model import LogisticRegression

    probs = [0.0] * len(rows)
    for members in folds(rows):
        test = [i for i, r in enumerate(rows) if group_of(r["id"]) in members]
        train = [i for i, r in enumerate(rows) if group_of(r["id"]) not in members and not r["rule"]]
        x_train, x_test = _design(rows, names, train, test, text_weight)
        model = LogisticRegression(C=REGULARISATION, max_iter=5000)
        model.fit(x_train, [rows[i]["label"] for i in train])
        for i, p in zip(test, model.predict_proba(x_test)[:, 1], strict=True):
            probs[i] = 1.0 if rows[i]["rule"] else float(p)
    return shipped(rows, probs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "triples.jsonl")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.cache.read_text().splitlines()]
    rows = [r for r in rows if r["label"] is not None]
    names = sorted({n for r in rows for n in r["features"]})
    total = required_gold(args.shared, "train") + required_gold(args.shared, "dev")
    for weight in (0.0, *TEXT_WEIGHTS):
        probs = out_of_fold(rows, names, weight)
        figures = [(t, *f1_at(rows, probs, t, total)) for t in THRESHOLDS]
        figures = [f"t={t}: P {p:.3f} R {r:.3f} F1 {f:.3f}" for t, p, r, f in figures]
        print(f"words x{weight:<4}", "; ".join(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
