"""The stage classifier of tools/status_cv.py learned from the authors' own sentences (status18).

    python tools/status_cases.py --rows build/status_rows.jsonl [--cache build/status_case_rows.jsonl]

Gold rows are fitted rows: the rules were written against train and dev, so the rules' stage
there is right far more often (0.93) than on unseen articles (the check set's 0.71), and a model
that learns from it learns to trust the rules. The extraction cases (tests/cases/extraction/
transfers.json) are sentences the authors wrote, labelled with a stage; a model fitted on them
without the rules' stage has never seen an annotated article, so every gold row (the cache
`tools/status_cv.py` writes) is unseen by it. Headline and position features are left out: a case
is one sentence with no page around it. Strict-xfail cases are left out too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tools.status_cv import COARSE, _key, _matrix, accuracy, featurise, fit, overrides, stacked  # noqa: E402

CASES = ROOT / "tests" / "cases" / "extraction" / "transfers.json"
# Features a one-sentence case cannot have (no headline, no article around it), and the rules' own.
PAGE_ONLY = ("rule", "head_", "lead", "n_evidence")
PENALTIES = (0.01, 0.05, 0.2, 1.0)
THRESHOLDS = (0.6, 0.7, 0.8, 0.9)


def case_rows(cases: list[dict], cache: Path) -> list[dict]:
    """One row per expected transfer with a status that the pipeline finds in its case."""
    if cache.exists():
        return [json.loads(line) for line in cache.read_text().splitlines()]
    from materiel.api import extract_steps
    from materiel.article import Article
    from materiel.extract.nlp import load_model
    from materiel.pipeline import Runner

    runner, nlp, rows = Runner(extract_steps()), load_model(), []
    for number, case in enumerate(cases):
        wanted = [w for w in case.get("expect", []) if "status" in w]
        if "xfail" in case or not wanted:
            continue
        article = runner.run_one(
            Article(id=f"case{number}", source="<text>", text=case["text"], title=case.get("title"))
        )
        found = article.to_dict().get("transfers") or []
        for want in wanted:
            match = next((t for t in found if _key(t) == (want["supplier"], want["recipient"], want["category"])), None)
            if match is not None:
                row = {"transfer": match, "article": article.to_dict()}
                rows.append({"id": f"case{number}", "label": COARSE[want["status"]], "rule": match["status"],
                             "features": featurise(row, nlp)})  # fmt: skip
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return rows


def sentence_features(rows: list[dict]) -> list[str]:
    return sorted({n for r in rows for n in r["features"] if not n.startswith(PAGE_ONLY)})


def report(cases: list[dict], gold: list[dict]) -> None:
    """The case-fitted model on the gold rows: alone, and stacked over the rules."""
    names = sentence_features(cases)
    rules = [COARSE[r["rule"]] for r in gold]
    print(f"{len(cases)} case rows; rules on the cases {accuracy(cases, [COARSE[r['rule']] for r in cases])}")
    print(f"rules on the {len(gold)} gold rows (fitted) {accuracy(gold, rules)}")
    for c in PENALTIES:
        model = fit(cases, names, c)
        probs = [
            dict(zip(model.classes_, map(float, p), strict=True)) for p in model.predict_proba(_matrix(gold, names))
        ]
        alone = [max(p, key=p.get) for p in probs]
        changed = {
            t: overrides(gold, [stacked(ru, p, t) for ru, p in zip(rules, probs, strict=True)]) for t in THRESHOLDS
        }
        print(f"C {c}: model alone {accuracy(gold, alone)}; overrides (rows, model right, rules right) {changed}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", type=Path, default=ROOT / "build" / "status_rows.jsonl", help="tools/status_cv.py's cache"
    )
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "status_case_rows.jsonl")
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.rows.read_text().splitlines()]
    cases = case_rows(json.loads(CASES.read_text())["cases"], args.cache)
    report(cases, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
