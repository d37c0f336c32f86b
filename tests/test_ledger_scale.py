"""The ledger at scale: incremental merge equals a full rebuild, near-duplicates found through the
band table, a merge interrupted by a crash resumes, older ledgers upgrade, Parquet loads without
the NLP model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from materiel import api
from materiel.article import Article
from materiel.ledger import schema
from materiel.ledger.queries import load_transfers
from materiel.ledger.store import Store
from tests.conftest import ROOT, SHARED, needs_shared

pytestmark = pytest.mark.slow
FILES = sorted(p for p in (ROOT / "examples").iterdir() if p.name != "README.md")


@pytest.fixture
def ledger(db_url: str) -> str:
    return db_url


@pytest.fixture(scope="module")
def extracted(runner) -> list[Article]:
    return [a for a in api.extract(FILES, runner) if isinstance(a, Article)]


def snapshot(url: str) -> dict:
    """The ledger's merged transfers as readers see them, with the rows and state beside them."""
    with Store(url).connect() as connection:
        return {
            "transfers": load_transfers(connection),
            "state": connection.execute(
                select(schema.transfers.c.id, schema.transfers.c.merge_state).order_by("id")
            ).all(),
            "transfer_claims": connection.execute(select(schema.transfer_claims).order_by("claim_id")).all(),
            "transfer_events": connection.execute(
                select(schema.transfer_events).order_by("transfer_id", "report")
            ).all(),
            "transfer_sides": connection.execute(
                select(schema.transfer_sides).order_by("transfer_id", "check", "side", "claim_id")
            ).all(),
            "groups": connection.execute(select(schema.articles.c.id, schema.articles.c.group_id).order_by("id")).all(),
            "bands": connection.execute(select(schema.article_bands).order_by("key", "article_id")).all(),
            "pending": connection.execute(select(schema.pending_groups)).all()
            + connection.execute(select(schema.pending_claims)).all(),
        }


def test_incremental_merge_equals_a_full_rebuild(extracted: list[Article], ledger: str, tmp_path: Path) -> None:
    one_by_one, at_once = ledger, f"sqlite:///{tmp_path / 'b.db'}"
    for article in extracted:
        Store(one_by_one).ingest([article])
    Store(at_once).ingest(extracted)
    incremental = snapshot(one_by_one)
    assert incremental["transfers"] and not incremental["pending"]
    assert incremental == snapshot(at_once)
    Store(one_by_one).merge()
    assert snapshot(one_by_one) == incremental


def test_syndicated_copy_in_a_later_ingest_joins_the_group(extracted: list[Article], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    Store(url).ingest(extracted)
    groups = dict(snapshot(url)["groups"])
    assert len(set(groups.values())) < len(groups), "the examples hold a syndicated copy"
    later = f"sqlite:///{tmp_path / 'later.db'}"
    Store(later).ingest(extracted[::2])
    Store(later).ingest(extracted[1::2])
    assert dict(snapshot(later)["groups"]) == groups


def test_a_crash_before_the_merge_resumes_at_the_next_ingest(
    extracted: list[Article], tmp_path: Path, monkeypatch
) -> None:
    url, clean = f"sqlite:///{tmp_path / 'crash.db'}", f"sqlite:///{tmp_path / 'clean.db'}"
    Store(clean).ingest(extracted)

    def crash(_self) -> int:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(Store, "merge_pending", crash)
        with pytest.raises(KeyboardInterrupt):
            Store(url).ingest(extracted)
    assert snapshot(url)["pending"] and not snapshot(url)["transfers"]
    summary = Store(url).ingest(extracted)
    assert summary.new == 0 and summary.duplicate == len(extracted)
    assert snapshot(url) == snapshot(clean)


def test_an_older_ledger_gets_its_bands_from_the_stored_signatures(extracted: list[Article], ledger: str) -> None:
    url = ledger
    Store(url).ingest(extracted)
    before = snapshot(url)
    with Store(url).engine.begin() as connection:
        for name in ("article_bands", "pending_groups"):
            connection.execute(text(f"DROP TABLE {name}"))
        connection.execute(text("DROP INDEX claims_group"))
        connection.execute(delete(schema.schema_version).where(schema.schema_version.c.version == 3))
    assert snapshot(url) == before
    Store(url).ingest(extracted[:1])
    assert snapshot(url) == before


def test_parquet_loads_without_the_nlp_model(extracted: list[Article], tmp_path: Path, monkeypatch) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from materiel.extract import nlp

    folder = tmp_path / "run" / "articles"
    folder.mkdir(parents=True)
    rows = [json.dumps(a.to_dict(), ensure_ascii=False) for a in extracted]
    pq.write_table(pa.table({"article_json": rows}), folder / "part-00000.parquet")

    def no_model(*_args, **_kwargs):
        raise AssertionError("the NLP model was loaded for already extracted articles")

    monkeypatch.setattr(nlp, "load_model", no_model)
    from_parquet, from_pages = f"sqlite:///{tmp_path / 'p.db'}", f"sqlite:///{tmp_path / 'x.db'}"
    summary = Store(from_parquet).ingest(api.extract([tmp_path / "run"]))
    assert summary.new == len(extracted) and summary.failed == 0
    Store(from_pages).ingest(extracted)
    assert snapshot(from_parquet)["transfers"] == snapshot(from_pages)["transfers"]


# Corpus pages beside the examples in the Spark test: a fixed sample, not the whole corpus.
SPARK_SAMPLE = 12


@needs_shared
@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (Debian's openjdk)")
def test_spark_merge_equals_the_in_process_merge(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'materiel[spark]')")
    from materiel import spark
    from materiel.spark_merge import read_transfers

    inputs = FILES + sorted((SHARED / "corpus" / "news").iterdir())[:SPARK_SAMPLE]
    out = tmp_path / "out"
    spark.run([str(p) for p in inputs], str(out), master="local[2]")
    from_spark = read_transfers([out])
    in_process, loaded = f"sqlite:///{tmp_path / 'in.db'}", f"sqlite:///{tmp_path / 'loaded.db'}"
    Store(in_process).ingest(api.extract([out / "articles"]))
    merged_here = snapshot(in_process)["transfers"]
    assert merged_here and sorted(from_spark, key=lambda t: t["id"]) == merged_here
    Store(loaded).ingest(api.extract([out]), merged=from_spark)
    assert snapshot(loaded) == snapshot(in_process)


def test_already_extracted_articles_go_in_bulk_batches() -> None:
    from materiel.ledger.store import _batches

    fresh = [Article(id=str(n), source="s", text="x") for n in range(60)]
    done = [Article(id=str(n), source="s", text="x", done=True) for n in range(60)]
    assert [len(b) for b in _batches(fresh, 50, 1000)] == [50, 10]
    assert [len(b) for b in _batches(done, 50, 1000)] == [60]
