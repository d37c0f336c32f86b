"""Rewrite the statuses of a `materiel eval` output with the stage classifier of tools/status_cv.py
fitted on every gold row, stacked over the rules (status18): a gauge, not shipped.

    python tools/status_apply.py PRED.jsonl --rows build/status_rows.jsonl [--override 0.9] [--no-rule]

Where the model's top coarse class differs from the rules' and its probability reaches
`--override`, the transfer takes that class's most common fine stage in the gold. With
tools/stage_gauge as blind-check's `--materiel`, the check set scores the stacked model without
anyone seeing it: `STAGE_OVERRIDE=0.9 ../shared/eval/blind-check --materiel tools/stage_gauge`.
The file is rewritten in place; nothing is printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tools.status_cv import COARSE, REGULARISATION, _matrix, featurise, fit, stacked  # noqa: E402

# The fine stage a coarse class stands for: the most common one of the class in train + dev gold.
FINE = {"executed": "delivered", "committed": "pledged", "potential": "considered", "negative": "refused"}


def restage(articles: list[dict], rows: list[dict], override: float, with_rule: bool, c: float) -> None:
    from materiel.extract.nlp import load_model

    names = sorted({n for r in rows for n in r["features"] if with_rule or not n.startswith("rule")})
    model, nlp = fit(rows, names, c), load_model()
    for article in articles:
        for transfer in article.get("transfers") or []:
            features = featurise({"transfer": transfer, "article": article}, nlp)
            row = model.predict_proba(_matrix([{"features": features}], names))[0]
            probs = dict(zip(model.classes_, map(float, row), strict=True))
            rule = COARSE.get(transfer["status"], "executed")
            chosen = stacked(rule, probs, override)
            if chosen != rule:
                transfer["status"] = FINE[chosen]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pred", type=Path)
    parser.add_argument("--rows", type=Path, default=ROOT / "build" / "status_rows.jsonl")
    parser.add_argument("--override", type=float, default=0.9)
    parser.add_argument("--no-rule", action="store_true", help="fit without the rules' stage as a feature")
    parser.add_argument("-c", type=float, default=REGULARISATION)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.rows.read_text().splitlines()]
    articles = [json.loads(line) for line in args.pred.read_text().splitlines() if line.strip()]
    restage(articles, rows, args.override, not args.no_rule, args.c)
    args.pred.write_text("".join(json.dumps(a) + "\n" for a in articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
