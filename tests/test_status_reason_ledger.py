"""A claim's `status_reason` (what decided its stage) is stored in the ledger, shown with its
evidence, and added to a ledger written before it existed (its old claims keep NULL: an unchanged
page is not extracted again)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from materiel import api
from materiel.ledger import schema
from materiel.ledger.queries import get_transfer, list_transfers
from materiel.ledger.store import Store
from materiel.web.app import create_app
from tests.conftest import ROOT

DELIVERY = ROOT / "examples" / "07_delivery_report.txt"


def _reasons(url: str) -> list[tuple[str, str | None]]:
    with Store(url, readonly=True).connect() as connection:
        rows = connection.execute(select(schema.claims.c.status, schema.claims.c.status_reason))
        return [tuple(row) for row in rows]


@pytest.mark.slow
def test_each_claim_keeps_what_decided_its_stage(tmp_path: Path, runner) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    articles = list(api.extract([DELIVERY], runner))
    expected = [(t.status, t.status_reason) for a in articles for t in a.transfers]
    Store(url).ingest(articles)
    assert expected and all(reason for _, reason in expected)
    assert sorted(_reasons(url)) == sorted(expected)


@pytest.mark.slow
def test_the_transfer_page_says_why_each_claim_has_its_stage(tmp_path: Path, runner) -> None:
    path = tmp_path / "ledger.db"
    Store(str(path)).ingest(api.extract([DELIVERY], runner))
    with Store(str(path), readonly=True).connect() as connection:
        row = list_transfers(connection)[0]
        claim = get_transfer(connection, row["id"])["claims"][0]
    page = TestClient(create_app(str(path))).get(f"/transfers/{row['id']}").text
    assert f"Stage: {claim['status']}, because of {claim['status_reason']}" in page


@pytest.mark.slow
def test_a_version_5_ledger_gets_the_column_for_the_claims_it_stores_next(tmp_path: Path, runner) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    Store(url).ingest(list(api.extract([DELIVERY], runner)))
    with Store(url).engine.begin() as connection:
        connection.execute(text('ALTER TABLE claims DROP COLUMN "status_reason"'))
        connection.execute(text("DELETE FROM schema_version WHERE version = 6"))
    Store(url)
    old = _reasons(url)
    assert old and all(reason is None for _, reason in old)
    Store(url).ingest(list(api.extract([ROOT / "examples" / "04_feed.jsonl"], runner)))
    after = [reason for _, reason in _reasons(url)]
    assert after.count(None) == len(old) and len(after) > len(old)
