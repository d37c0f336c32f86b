"""The relevance gate: what it skips, and what it must not lose.

    .venv/bin/python bench/gate.py

Recall: the dev set's gold transfers found with the gate, against those found with the gate
switched off (every English paragraph parsed); the gate must lose none. Skipped share: the share
of paragraphs and characters the gate keeps from the NLP, on the benchmark pages and on the dev
articles.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

from materiel import api
from materiel.article import Article
from materiel.extract import gate as extraction_gate
from materiel.pipeline import Runner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def found_gold(gate_on: bool) -> set[tuple]:
    gold_path = SHARED / "gold" / "dev.jsonl"
    extraction_gate.GATE_ENABLED = gate_on
    try:
        predictions = {p["id"]: p for p in api.predict_gold(gold_path, Runner(api.extract_steps()))}
    finally:
        extraction_gate.GATE_ENABLED = True
    scorer = _scorer()
    hits = set()
    for line in gold_path.read_text().splitlines():
        truth = json.loads(line)
        keys = [scorer.key_of(t) for t in predictions[truth["id"]].get("transfers", [])]
        for expected in truth["transfers"]:
            if not expected.get("optional") and scorer.key_of(expected) in keys:
                hits.add((truth["id"], scorer.key_of(expected)))
    return hits


def skipped_share(articles: list[Article]) -> tuple[float, float]:
    paragraphs = [p for a in articles for _, p in a.paragraphs()]
    chosen = {id(a): {t for _, t in extraction_gate.chosen_paragraphs(a)} for a in articles}
    kept = [p for a in articles for _, p in a.paragraphs() if p in chosen[id(a)]]
    return 1 - len(kept) / len(paragraphs), 1 - sum(map(len, kept)) / sum(map(len, paragraphs))


def pages() -> list[Article]:
    out = []
    for path in sorted((SHARED / "bench" / "article-extraction" / "html").glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        result = Runner(api.clean_steps()).run_one(Article(id=path.name, source=str(path), html=html))
        if isinstance(result, Article):
            out.append(result)
    return out


def main() -> None:
    with_gate, without_gate = found_gold(True), found_gold(False)
    lost = without_gate - with_gate
    print(f"gold transfers found without the gate: {len(without_gate)}; with it: {len(with_gate)}; lost: {len(lost)}")
    for item in sorted(lost):
        print("  lost:", item)
    dev = [a for a in api.clean([SHARED / "corpus"]) if isinstance(a, Article)]
    for name, articles in (("benchmark pages", pages()), ("dev articles", dev)):
        by_paragraph, by_chars = skipped_share(articles)
        print(f"{name}: the gate skips {by_paragraph:.1%} of paragraphs, {by_chars:.1%} of characters")


if __name__ == "__main__":
    main()
