"""The furniture that the line model misses on sources it was not fitted on: every line of the
gold articles (after the rule steps) labelled furniture by a must_drop snippet, scored by a model
fitted without its source (grouped folds, as `tools/train_lines.py --cv`), and the ones it keeps
listed by source, with each must_drop snippet's fate per source.

    python tools/clean_cv.py [--shared ../shared] [--near 0.15] [--all]

Lines listed: furniture the out-of-fold model keeps (`--all`: and article lines it drops), with
the probability and whether the step scores the line at all ("never": a paragraph or a sentence
of prose the step keeps whatever the model says). `--near` lists also article lines scored within
that margin of the threshold. scikit-learn is needed, as for train_lines.py.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.clean.line_features import features  # noqa: E402
from materiel.clean.lines import gate, load_model  # noqa: E402
from materiel.extract.model import group_of  # noqa: E402
from tools.train_lines import FOLDS, _matrix, bench, dump, fit  # noqa: E402


def scored_lines(articles: list[dict], extra: list[dict]) -> list[tuple[str, str, float, float | None, float]]:
    """(article id, line, label, gate, out-of-fold probability) of every labelled line."""
    groups = sorted({group_of(a["id"]) for a in articles})
    threshold = load_model().threshold
    out = []
    for k in range(FOLDS):
        held = set(groups[k::FOLDS])
        model, names, words = fit([a for a in articles if group_of(a["id"]) not in held], extra)
        for article in (a for a in articles if group_of(a["id"]) in held):
            rows = features(article["lines"], article["title"], words)
            labelled = [(line, row, v) for line, row, v in zip(article["lines"], rows, article["labels"], strict=True)]
            labelled = [(line, row, v) for line, row, v in labelled if v is not None]
            if not labelled:
                continue
            probabilities = model.predict_proba(_matrix([r for _, r, _ in labelled], names))[:, 1]
            for (line, row, value), p in zip(labelled, probabilities, strict=True):
                out.append((article["id"], line, value, gate(line, row, threshold), float(p)))
    return out


def show(lines: list[tuple[str, str, float, float | None, float]], near: float, everything: bool) -> None:
    by_source: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, line, value, at, p in lines:
        dropped = at is not None and p >= at
        if value == 1.0:
            by_source[group_of(doc)][0] += dropped
            by_source[group_of(doc)][1] += 1
            if not dropped:
                print(f"KEPT  {doc[:28]:28} {'never' if at is None else f'{p:.2f}/{at:.2f}'}  {line[:150]!r}")
        elif at is not None and ((dropped and everything) or abs(p - at) <= near):
            print(f"BODY  {doc[:28]:28} {p:.2f}/{at:.2f}  {line[:150]!r}")
    for source, (dropped, total) in sorted(by_source.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"{source:10} furniture lines dropped out of fold {dropped}/{total}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--near", type=float, default=0.0, help="list article lines this close to the threshold")
    parser.add_argument("--all", action="store_true", help="list article lines the model drops too")
    args = parser.parse_args()
    show(scored_lines(dump(args.shared), bench(args.shared)), args.near, args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
