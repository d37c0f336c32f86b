"""The sentences behind a claim's status, via, quantity and sources go into the ledger (schema
version 8, added to older ledgers), survive re-ingest and the merge of several reports (each report
keeps its own), and reach `show`, the JSON API and the transfer page, each labelled."""

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
from tests.test_cli import materiel

pytestmark = pytest.mark.slow

ROUTE = ROOT / "examples" / "06_route.txt"
FEED = ROOT / "examples" / "04_feed.jsonl"
# The sentences of examples/06_route.txt that decided its transfer's stage and via.
ARRIVED = "The minister said the first rounds had already arrived."
ROUTED = "Canada transfers the rounds to the United States, which then ships them to Ukraine with its own deliveries."
SPAN_COLUMNS = ("status_span", "via_span", "quantity_span")


def _ledger(tmp_path: Path, runner, *paths: Path) -> str:
    path = str(tmp_path / "ledger.db")
    Store(path).ingest(api.extract(list(paths), runner))
    return path


def _transfer(path: str, supplier: str) -> dict:
    with Store(path, readonly=True).connect() as connection:
        ident = next(r["id"] for r in list_transfers(connection) if r["supplier"] == supplier)
        return get_transfer(connection, ident)


def _fields(claim: dict) -> dict[str, str]:
    return {f"{f['field']}:{f['value']}": f["text"] for f in claim["field_spans"]}


def test_each_field_of_a_claim_keeps_its_sentence(tmp_path: Path, runner) -> None:
    row = _transfer(_ledger(tmp_path, runner, ROUTE), "CAN")
    (claim,) = row["claims"]
    fields = _fields(claim)
    assert fields["status:delivered"] == ARRIVED
    assert fields["via:USA"] == ROUTED
    assert fields["quantity:20,000"].startswith("Canada is buying 20,000 artillery rounds")
    assert fields["source:Canada's defence minister"].startswith("Canada is buying")
    marked = next(f for f in claim["field_spans"] if f["field"] == "quantity")
    assert marked["text"][marked["mark"]["start"] : marked["mark"]["end"]] == "20,000"


def test_reingest_is_idempotent_with_the_spans(tmp_path: Path, runner) -> None:
    path = _ledger(tmp_path, runner, ROUTE, FEED)

    def stored() -> list:
        with Store(path, readonly=True).connect() as connection:
            claims = connection.execute(select(schema.claims).order_by(schema.claims.c.id)).all()
            cited = schema.sources
            sources = connection.execute(select(cited.c.claim_id, cited.c.name, cited.c.sentence_start)).all()
            return [tuple(r) for r in claims] + sorted(tuple(r) for r in sources)

    before = stored()
    Store(path).ingest(api.extract([ROUTE, FEED], runner))
    assert stored() == before
    assert any(r[-1] is not None for r in before if len(r) == 3)


def test_merged_reports_keep_each_reports_sentences(tmp_path: Path, runner) -> None:
    row = _transfer(_ledger(tmp_path, runner, FEED), "SVK")
    stages = [f["text"] for c in row["claims"] for f in c["field_spans"] if f["field"] == "status"]
    assert len(row["claims"]) == 3 and len(set(stages)) == 3
    assert stages[0].startswith("Slovakia is considering") and stages[2].startswith("Slovakia has delivered")


def test_show_prints_each_field_with_its_sentence(tmp_path: Path, runner) -> None:
    path = _ledger(tmp_path, runner, ROUTE)
    shown = materiel("show", _transfer(path, "CAN")["id"], "--db", path)
    assert shown.returncode == 0, shown.stderr
    assert f"Stage (delivered): “{ARRIVED}”" in shown.stdout
    assert f"Through (USA): “{ROUTED}”" in shown.stdout


def test_the_api_and_the_page_label_each_fields_sentence(tmp_path: Path, runner) -> None:
    path = _ledger(tmp_path, runner, ROUTE)
    ident = _transfer(path, "CAN")["id"]
    client = TestClient(create_app(path))
    (claim,) = client.get(f"/api/v1/transfers/{ident}").json()["claims"]
    assert {f["field"] for f in claim["field_spans"]} >= {"status", "via", "quantity", "source"}
    page = client.get(f"/transfers/{ident}").text
    assert "<dt>Through: USA</dt>" in page and "<dt>Stage: delivered</dt>" in page
    assert '<mark class="field quantity" title="Quantity: 20,000" data-transfer="">20,000</mark>' in page


def test_a_version_7_ledger_gets_the_columns_and_its_old_claims_none(tmp_path: Path, runner) -> None:
    path = _ledger(tmp_path, runner, ROUTE)
    with Store(path).engine.begin() as connection:
        for column in SPAN_COLUMNS:
            connection.execute(text(f'ALTER TABLE claims DROP COLUMN "{column}"'))
        for column in ("sentence_start", "sentence_end"):
            connection.execute(text(f'ALTER TABLE sources DROP COLUMN "{column}"'))
        connection.execute(text("DELETE FROM schema_version WHERE version = 8"))
    Store(path)  # opening it for writing upgrades it
    old = _transfer(path, "CAN")["claims"][0]
    assert {f["field"] for f in old["field_spans"]} == {"disclosure"}  # stored before version 8
    Store(path).ingest(api.extract([FEED], runner))
    assert {f["field"] for c in _transfer(path, "SVK")["claims"] for f in c["field_spans"]} >= {"status", "source"}
    shown = materiel("show", _transfer(path, "CAN")["id"], "--db", path)
    assert shown.returncode == 0 and "Stage (" not in shown.stdout
