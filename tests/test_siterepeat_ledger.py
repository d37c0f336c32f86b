"""A site's line counts kept in the ledger: a later run with one page of that site still knows
its furniture; re-ingesting counts nothing twice; read by site, through the primary key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, func, inspect, select, text

from materiel import api
from materiel.article import Article
from materiel.clean import batch_clean_steps
from materiel.clean.siterepeat import REASON
from materiel.executors import run_pool
from materiel.ledger import schema, sitelines
from materiel.ledger.store import Store
from materiel.pipeline import Runner
from tests.test_siterepeat import PROMO, QUOTE, page, story

SYNDICATED = "The alliance said the deliveries would be completed before the end of the year."


def ingest(url: str, pages: list[Article]) -> list[Article]:
    """Clean the pages with the ledger's counts and store them, as `materiel ingest` does."""
    store = Store(url)
    out = [a for a in Runner(batch_clean_steps(store.sites())).run(pages) if isinstance(a, Article)]
    store.ingest(out)
    return out


def site_rows(url: str) -> dict:
    with Store(url).connect() as connection:
        return {
            "lines": sorted(connection.execute(select(schema.site_lines)).all()),
            "pages": sorted(connection.execute(select(schema.site_pages)).all()),
        }


def test_one_page_of_a_later_run_loses_the_sites_furniture(db_url: str) -> None:
    ingest(db_url, [page(n, "outlet", PROMO) for n in range(4)])
    (later,) = ingest(db_url, [page(10, "outlet", PROMO)])
    assert PROMO not in later.text and "Paragraph one of story 10" in later.text
    assert [r.reason for r in later.removed if r.text == PROMO] == [REASON]


def test_without_the_ledger_one_page_keeps_it(db_url: str) -> None:
    ingest(db_url, [page(n, "outlet", PROMO) for n in range(4)])
    (alone,) = Runner(batch_clean_steps()).run([page(10, "outlet", PROMO)])
    assert isinstance(alone, Article) and PROMO in alone.text


def test_quotes_and_other_sites_sentences_survive_a_later_run(db_url: str) -> None:
    ingest(db_url, [page(n, "outlet", QUOTE) for n in range(4)])
    ingest(db_url, [page(n, f"site{n}", SYNDICATED) for n in range(4)])
    (later,) = ingest(db_url, [page(10, "outlet", QUOTE, SYNDICATED)])
    assert QUOTE in later.text and SYNDICATED in later.text


def test_reingesting_the_same_pages_counts_nothing_twice(db_url: str) -> None:
    pages = [page(n, "outlet", PROMO) for n in range(4)]
    first = ingest(db_url, pages)
    once = site_rows(db_url)
    again = ingest(db_url, [page(n, "outlet", PROMO) for n in range(4)])
    assert site_rows(db_url) == once and len(once["pages"]) == 4
    assert [a.text for a in again] == [a.text for a in first]
    with Store(db_url).connect() as connection:
        assert connection.execute(select(func.max(schema.site_lines.c.pages))).scalar() == 4


def test_a_page_in_two_batches_of_one_run_is_one_page(db_url: str) -> None:
    store = Store(db_url)
    runner = Runner(batch_clean_steps(store.sites()))
    for _ in range(2):
        store.ingest([a for a in runner.run([page(1, "outlet", PROMO)]) if isinstance(a, Article)])
    assert len(site_rows(db_url)["pages"]) == 1


def test_a_site_past_its_bound_forgets_lines_seen_once(db_url: str, monkeypatch) -> None:
    monkeypatch.setattr(sitelines, "MAX_STORED_LINES", 5)
    ingest(db_url, [page(n, "outlet", PROMO) for n in range(4)])
    lines = site_rows(db_url)["lines"]
    assert lines and all(pages > 1 for _outlet, _line, pages in lines)
    (later,) = ingest(db_url, [page(10, "outlet", PROMO)])
    assert PROMO not in later.text


def test_a_run_reads_one_sites_lines_through_the_primary_key(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plan.db'}"
    ingest(url, [page(n, "outlet", PROMO) for n in range(3)])
    query = text("EXPLAIN QUERY PLAN SELECT pages FROM site_lines WHERE outlet = 'x' AND line_hash IN (1, 2)")
    with Store(url).connect() as connection:
        plan = " ".join(str(row[-1]) for row in connection.execute(query))
    assert "SEARCH site_lines USING" in plan and "outlet=? AND line_hash=?" in plan


def test_an_older_ledger_gets_the_site_tables(db_url: str) -> None:
    ingest(db_url, [page(n, "outlet", PROMO) for n in range(2)])
    with Store(db_url).engine.begin() as connection:
        for name in ("site_lines", "site_pages"):
            connection.execute(text(f"DROP TABLE {name}"))
        connection.execute(delete(schema.schema_version).where(schema.schema_version.c.version == 4))
    assert not {"site_lines", "site_pages"} & tables(db_url)
    (third,) = ingest(db_url, [page(2, "outlet", PROMO)])
    assert PROMO in third.text, "the pages stored before the upgrade are not counted"
    rows = site_rows(db_url)
    assert len(rows["pages"]) == 1
    with Store(db_url).connect() as connection:
        assert 4 in set(connection.execute(select(schema.schema_version.c.version)).scalars())
    ingest(db_url, [page(n, "outlet", PROMO) for n in range(2)])
    (later,) = ingest(db_url, [page(10, "outlet", PROMO)])
    assert PROMO not in later.text


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_a_pool_run_uses_and_feeds_the_ledger(tmp_path: Path) -> None:
    url, folder = f"sqlite:///{tmp_path / 'pool.db'}", tmp_path / "pages"
    folder.mkdir()
    for n in range(3):
        (folder / f"outlet_{n}.txt").write_text(story(n, PROMO), encoding="utf-8")
    Store(url).ingest([a for a in api.clean([folder]) if isinstance(a, Article)])
    once = site_rows(url)
    (folder / "outlet_9.txt").write_text(story(9, PROMO), encoding="utf-8")
    store = Store(url)
    out = [a for a in run_pool([folder], api.clean_steps, 2, store.sites()) if isinstance(a, Article)]
    store.ingest(out)
    assert [PROMO in a.text for a in out] == [False] * 4
    rows = site_rows(url)
    assert len(rows["pages"]) == len(once["pages"]) + 1
    assert max(pages for _outlet, _line, pages in rows["lines"]) == 4
    again = [a for a in run_pool([folder], api.clean_steps, 2, store.sites()) if isinstance(a, Article)]
    store.ingest(again)
    assert site_rows(url) == rows and [a.text for a in again] == [a.text for a in out]


@pytest.mark.slow
def test_materiel_ingest_of_one_page_uses_the_earlier_runs(tmp_path: Path) -> None:
    """Two runs of the command, the second with one new page of the same folder's outlet, and a
    re-run of the first: the furniture goes the second time, and the re-run adds nothing."""
    folder, later, db = tmp_path / "news", tmp_path / "later" / "news", tmp_path / "l.db"
    folder.mkdir()
    later.mkdir(parents=True)
    for n in range(3):
        (folder / f"outlet_{n}.txt").write_text(story(n, PROMO), encoding="utf-8")
    (later / "outlet_9.txt").write_text(story(9, PROMO), encoding="utf-8")
    command = [sys.executable, "-m", "materiel", "ingest"]
    for path in (folder, later, folder):
        subprocess.run([*command, str(path), "--db", str(db)], check=True, capture_output=True, timeout=300)
    with Store(f"sqlite:///{db}").connect() as connection:
        stored = dict(connection.execute(select(schema.articles.c.source, schema.articles.c.text)).all())
        pages = connection.execute(select(func.count()).select_from(schema.site_pages)).scalar()
    assert len(stored) == 4 and pages == 4
    text = stored[str(later / "outlet_9.txt")]
    assert PROMO not in text and "Paragraph one of story 9" in text
