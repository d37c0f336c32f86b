"""Shared fixtures: the path to ../shared, the extraction runner (spaCy loaded once)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from materiel import api, regexcache
from materiel.article import Article
from materiel.pipeline import Runner
from tests.builders import article_of

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
    def run(text: str, title: str | None = None, published: str | None = None) -> Article:
        result = runner.run_one(article_of(text, title=title, published=published))
        assert isinstance(result, Article), result
        return result

    return run


# The ledger tests run on SQLite, and on PostgreSQL too when this names a server.
PG_URL = os.environ.get("MATERIEL_TEST_PG_URL")


def reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        for table in (
            "reviews",
            "transfers",
            "quotes",
            "responses",
            "sources",
            "claims",
            "articles",
            "schema_version",
            "article_bands",
            "article_copies",
            "pending_groups",
            "pending_claims",
            "transfer_claims",
            "transfer_events",
            "transfer_sides",
            "site_lines",
            "site_pages",
        ):
            connection.execute(text(f"DROP TABLE IF EXISTS {table} CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    if not PG_URL:
        pytest.skip("MATERIEL_TEST_PG_URL is not set (.ci/run starts a PostgreSQL server and sets it)")
    reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def regex_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store of compiled patterns (regexcache) in the test's own folder."""
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", str(tmp_path))
    monkeypatch.setattr(regexcache, "_STORE", regexcache._Store())
    return tmp_path
