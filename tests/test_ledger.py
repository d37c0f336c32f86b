"""The ledger on SQLite and on PostgreSQL (when MATERIEL_TEST_PG_URL names a server)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import DBAPIError

from materiel import api
from materiel.ledger import schema
from materiel.ledger.queries import Filters, get_transfer, list_transfers
from materiel.ledger.review import record_review
from materiel.ledger.store import Store
from tests.conftest import ROOT, SHARED, needs_shared

FEED = ROOT / "examples" / "04_feed.jsonl"

pytestmark = pytest.mark.slow


def ingest(url: str, paths, runner) -> dict:
    return Store(url).ingest(api.extract(paths, runner)).to_dict()


def counts(url: str) -> dict:
    with Store(url).connect() as connection:
        return {
            t.name: connection.execute(select(func.count()).select_from(t)).scalar()
            for t in (schema.articles, schema.claims, schema.sources, schema.quotes, schema.transfers)
        }


def test_three_outlets_one_syndicated_copy(db_url: str, runner) -> None:
    summary = ingest(db_url, [FEED], runner)
    assert summary["new"] == 4
    with Store(db_url).connect() as connection:
        (jets,) = list_transfers(connection, Filters(supplier="SVK", category="aircraft"))
    assert [step["status"] for step in jets["history"]] == ["considered", "pledged", "delivered"]
    assert jets["status"] == "delivered"
    assert jets["corroboration"] == 3
    assert jets["quantity_low"] == 13


def test_reingest_adds_nothing_and_reviews_survive(db_url: str, runner) -> None:
    ingest(db_url, [FEED], runner)
    with Store(db_url).connect() as connection:
        (jets,) = list_transfers(connection, Filters(supplier="SVK"))
    store = Store(db_url)
    with store.engine.begin() as connection:
        record_review(connection, jets["id"], "set", "quantity_high", "13", note="checked the ministry")
        record_review(connection, jets["id"], "confirm")
    before = counts(db_url)
    again = ingest(db_url, [FEED, ROOT / "examples" / "03_wire_report.html"], runner)
    assert again["duplicate"] == 4 and again["new"] == 1
    with Store(db_url).connect() as connection:
        row = get_transfer(connection, jets["id"])
    assert row["review"] == "confirmed" and row["quantity_high"] == 13
    assert row["review_notes"] == ["checked the ministry"]
    assert counts(db_url)["articles"] == before["articles"] + 1
    assert all(claim["evidence_text"] for claim in row["claims"])


def test_rejected_transfer_leaves_the_ledger(db_url: str, runner) -> None:
    ingest(db_url, [ROOT / "examples" / "05_denial.txt"], runner)
    with Store(db_url).connect() as connection:
        (row,) = list_transfers(connection)
    assert row["disclosure"] == "denied"
    with Store(db_url).engine.begin() as connection:
        record_review(connection, row["id"], "reject", note="single unverified report")
    with Store(db_url).connect() as connection:
        assert list_transfers(connection) == []
        assert len(list_transfers(connection, Filters(include_rejected=True))) == 1


def test_changed_page_is_a_new_version(db_url: str, runner, tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_text("Denmark has sent 19 F-16 jets to Ukraine, the ministry said.")
    ingest(db_url, [page], runner)
    page.write_text("Denmark has sent 19 F-16 jets to Ukraine, the ministry said on Monday.")
    summary = ingest(db_url, [page], runner)
    assert summary["new"] == 1 and summary["versions"] == 1


def _many_articles(folder: Path, count: int) -> None:
    countries = ["Norway", "Finland", "Denmark", "Sweden", "Estonia", "Latvia", "Lithuania", "Portugal"]
    for number in range(count):
        supplier = countries[number % len(countries)]
        (folder / f"a{number:03d}.txt").write_text(
            f"{supplier} has sent {number + 2} howitzers to Ukraine, report number {number} says."
        )


def test_sigkill_mid_ingest_then_rerun_equals_one_run(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    _many_articles(pages, 200)  # enough that the kill lands mid-run even on a fast machine
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    env = {**os.environ, "MATERIEL_BATCH_SIZE": "5"}
    command = [sys.executable, "-m", "materiel", "ingest", str(pages), "--db"]
    process = subprocess.Popen([*command, str(killed)], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and counts_or_zero(killed) < 10:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < counts_or_zero(killed) < 200, "the kill did not land mid-ingest"
    subprocess.run([*command, str(killed)], env=env, check=True, capture_output=True)
    subprocess.run([*command, str(clean)], env=env, check=True, capture_output=True)
    assert _snapshot(killed) == _snapshot(clean)


def _default_sigint() -> None:
    """In the child before it runs: Ctrl-C as at a terminal (a shell's background job ignores it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def counts_or_zero(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        engine = create_engine(f"sqlite:///{path}")
        with engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(schema.articles)).scalar() or 0
    except DBAPIError:  # the schema may not exist yet, or the file be half written
        return 0


def _snapshot(path: Path) -> dict:
    with Store(f"sqlite:///{path}").connect() as connection:
        return {
            "articles": sorted(connection.execute(select(schema.articles.c.id)).scalars()),
            "claims": sorted(connection.execute(select(schema.claims.c.id, schema.claims.c.status)).all()),
            "transfers": sorted(
                connection.execute(select(schema.transfers.c.id, schema.transfers.c.corroboration)).all()
            ),
        }


@needs_shared
def test_corpus_twice_gives_zero_new(tmp_path: Path, runner) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    first = ingest(url, [SHARED / "corpus"], runner)
    second = ingest(url, [SHARED / "corpus"], runner)
    assert first["new"] == first["read"] - first["failed"] > 0
    assert second["new"] == 0 and second["duplicate"] == first["new"]


def test_full_disk_gives_a_clear_error_and_an_intact_ledger(tmp_path: Path, runner) -> None:
    from sqlalchemy import event

    from materiel.errors import StoreError

    url = f"sqlite:///{tmp_path / 'small.db'}"
    ingest(url, [ROOT / "examples" / "03_wire_report.html"], runner)
    before = counts(url)
    store = Store(url)
    with store.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    store.engine.dispose()
    event.listen(store.engine, "connect", lambda dbapi, _record: dbapi.execute(f"PRAGMA max_page_count={pages}"))
    with pytest.raises(StoreError, match="database or disk is full"):
        store.ingest(api.extract([FEED], runner))
    after = Store(url)
    with after.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert counts(url) == before


def test_ingest_while_the_api_answers(tmp_path: Path, runner) -> None:
    import threading

    from fastapi.testclient import TestClient

    from materiel.web.app import create_app

    pages = tmp_path / "pages"
    pages.mkdir()
    _many_articles(pages, 40)
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    ingest(url, [FEED], runner)
    client = TestClient(create_app(url))
    worker = threading.Thread(target=lambda: Store(url).ingest(api.extract([pages], runner), batch_size=3))
    worker.start()
    statuses = [client.get("/api/v1/transfers").status_code]
    while worker.is_alive():
        statuses.append(client.get("/api/v1/transfers").status_code)
    worker.join()
    assert statuses and set(statuses) == {200}
    assert counts(url)["articles"] == 44


def _ingest_command(pages: Path, ledger: Path) -> tuple[list[str], dict[str, str]]:
    """`materiel ingest` of the pages in batches of five, so that a Ctrl-C lands between batches."""
    env = {**os.environ, "MATERIEL_BATCH_SIZE": "5"}
    return [sys.executable, "-m", "materiel", "ingest", str(pages), "--db", str(ledger)], env


def _interrupt_after_ten(command: list[str], env: dict[str, str], ledger: Path) -> tuple[int, str]:
    """Run the ingest, press Ctrl-C once the ledger holds ten articles; its exit code and stderr."""
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, preexec_fn=_default_sigint)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and counts_or_zero(ledger) < 10:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr


def test_ctrl_c_mid_ingest_says_what_is_kept_and_a_rerun_adds_the_rest(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    _many_articles(pages, 200)
    ledger = tmp_path / "ledger.db"
    command, env = _ingest_command(pages, ledger)
    returncode, stderr = _interrupt_after_ten(command, env, ledger)
    kept = counts_or_zero(ledger)
    assert 0 < kept < 200, "the interruption did not land mid-ingest"
    assert returncode == 130
    assert json.loads(stderr.strip().splitlines()[-1])["error"] == "interrupted"
    rerun = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    assert f"new {200 - kept} " in rerun.stderr


def test_an_interrupted_ingest_keeps_the_failures_it_saw_and_the_counts_of_its_batches(tmp_path: Path, runner) -> None:
    """A Ctrl-C mid-ingest lost the summary: the failures seen were not reported, and nothing said
    how many articles the written batches held. The summary handed in holds both."""
    from materiel.ledger.store import IngestSummary
    from materiel.pipeline import Failure, skip

    pages = tmp_path / "pages"
    pages.mkdir()
    _many_articles(pages, 8)
    url = f"sqlite:///{tmp_path / 'l.db'}"

    def interrupted():
        yield Failure("bad.bin", "binary data, not text")
        yield skip("empty.txt", "empty page")
        yield from api.extract([pages], runner)
        raise KeyboardInterrupt

    summary = IngestSummary()
    with pytest.raises(KeyboardInterrupt):
        Store(url).ingest(interrupted(), batch_size=3, summary=summary)
    assert [f.source for f in summary.failures] == ["bad.bin", "empty.txt"]
    assert (summary.failed, summary.skipped) == (1, 1)
    # three batches of three items written (the failures are items of the first), the eighth page's not
    assert summary.new == counts(url)["articles"] == 7
    assert summary.read == 9


def test_ctrl_c_mid_ingest_reports_the_failures_it_saw_and_how_many_articles_it_kept(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "0bad.txt").write_bytes(b"\x00\x01\x02\x03" * 64)  # read first: binary, a read_error
    (pages / "0empty.txt").write_text("  \n")  # an empty page: skipped
    _many_articles(pages, 200)
    ledger = tmp_path / "ledger.db"
    command, env = _ingest_command(pages, ledger)
    returncode, stderr = _interrupt_after_ten(command, env, ledger)
    kept = counts_or_zero(ledger)
    assert returncode == 130 and 0 < kept < 200, stderr
    errors = [json.loads(line) for line in stderr.strip().splitlines()]
    assert [(e["error"], Path(e["source"] or "").name) for e in errors] == [
        ("read_error", "0bad.txt"),
        ("skipped", "0empty.txt"),
        ("interrupted", ""),
    ]
    assert f"{kept} new article(s)" in errors[-1]["message"] and "1 failed and 1 skipped" in errors[-1]["message"]
