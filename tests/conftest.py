"""Shared fixtures: the path to ../shared, the extraction runner (spaCy loaded once)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from materiel import api
from materiel.article import Article
from materiel.pipeline import Runner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CASES = Path(__file__).parent / "cases"

needs_shared = pytest.mark.skipif(
    not (SHARED / "gold" / "dev.jsonl").exists(),
    reason="../shared (corpus, gold and scorer) is not beside this checkout",
)


def load_cases(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="session")
def runner() -> Runner:
    return Runner(api.extract_steps())


@pytest.fixture(scope="session")
def extract_text(runner):
    def run(text: str, title: str | None = None) -> Article:
        result = runner.run_one(Article(id="case", source="test", text=text, title=title))
        assert isinstance(result, Article), result
        return result

    return run
