"""Contested transfers, quantities per unit and history by claim date, in the ledger and everywhere
it is read: the CLI, the API, both exports (the page is in test_web_browser.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from materiel import api
from materiel.ledger import export, schema
from materiel.ledger.contest import day_of, disagreements, quantities
from materiel.ledger.merge import _transfer
from materiel.ledger.queries import Filters, get_transfer, list_transfers
from materiel.ledger.store import Store
from materiel.web.app import create_app
from tests.conftest import ROOT
from tests.test_cli import materiel

DELIVERY, DENIAL = ROOT / "examples" / "07_delivery_report.txt", ROOT / "examples" / "08_supplier_denial.txt"


def claim(ident: str, group: str, **fields) -> dict:
    row = {
        "id": ident,
        "article_id": group,
        "group_id": group,
        "status": "delivered",
        "disclosure": None,
        "date": "2024-06-03",
        "article_date": "2024-06-03",
        "date_basis": "sentence",
        "quantity_low": None,
        "quantity_high": None,
        "unit": None,
        "via": [],
        "item_text": "howitzers",
        "outlet": f"{group}.test",
        "source": f"{group}.txt",
    }
    return {**row, **fields}


def test_a_delivery_against_the_suppliers_denial_disagrees() -> None:
    claims = [claim("a:0", "a"), claim("b:0", "b", disclosure="denied", date="2024-06-05")]
    (found,) = disagreements(claims)
    assert found == {"kind": "executed against denied or refused", "sides": [["a:0"], ["b:0"]]}


def test_official_against_denied_and_refusals() -> None:
    claims = [claim("a:0", "a", status="pledged", disclosure="official"), claim("b:0", "b", disclosure="denied")]
    assert [d["kind"] for d in disagreements(claims)] == ["official confirmation against denial"]
    refused = [claim("a:0", "a"), claim("b:0", "b", status="refused")]
    assert [d["kind"] for d in disagreements(refused)] == ["executed against denied or refused"]


@pytest.mark.parametrize(
    "claims",
    [
        [claim("a:0", "a"), claim("a:1", "a", disclosure="denied")],  # one report (or its syndicated copy)
        [claim("a:0", "a", date="2023-01-10"), claim("b:0", "b", disclosure="denied", date="2024-06-05")],  # far apart
        [claim("a:0", "a", status="pledged"), claim("b:0", "b", status="delivered")],  # a story moving on
        [claim("a:0", "a", quantity_low=12, quantity_high=12), claim("b:0", "b", quantity_low=10, quantity_high=20)],
        [claim("a:0", "a", quantity_low=12, quantity_high=12), claim("b:0", "b", quantity_low=5e8, unit="USD")],
    ],
)
def test_what_does_not_disagree(claims: list[dict]) -> None:
    assert disagreements(claims) == []


def test_counts_that_do_not_meet_disagree() -> None:
    claims = [claim("a:0", "a", quantity_low=12, quantity_high=12), claim("b:0", "b", quantity_low=30)]
    assert [d["kind"] for d in disagreements(claims)] == ["quantities that do not overlap"]


def test_quantities_are_kept_per_unit() -> None:
    claims = [
        claim("a:0", "a", quantity_low=18, quantity_high=18),
        claim("b:0", "b", quantity_low=6.1e10, quantity_high=6.1e10, unit="USD"),
        claim("c:0", "c", quantity_low=31, quantity_high=31),
        claim("d:0", "d", quantity_low=4e8, quantity_high=4e8, unit="EUR"),
    ]
    assert quantities(claims) == [
        {"unit": "count", "low": 18, "high": 31},
        {"unit": "EUR", "low": 4e8, "high": 4e8},
        {"unit": "USD", "low": 6.1e10, "high": 6.1e10},
    ]
    row = _transfer(("USA", "UKR", "unspecified"), 0, claims)
    assert (row["quantity_low"], row["quantity_high"]) == (18, 31)  # never 18 to 61,000,000,000
    assert export.flat(row)["quantities"] == "18-31 (count); 400,000,000 EUR; 61,000,000,000 USD"
    assert export.sipri(row)["number_delivered"] == "18-31"


def test_history_runs_by_claim_date_not_ingest_order() -> None:
    claims = [
        claim("a:0", "a", date="2024-06-01", article_date="2024-06-10"),  # ingested first, happened later
        claim("b:0", "b", status="pledged", date="2024-05", article_date="2024-05-20"),
        claim("c:0", "c", status="considered", date="2023", article_date="2024-05-30"),
    ]
    ordered = sorted(claims, key=lambda c: day_of(c["date"]))
    row = _transfer(("NOR", "UKR", "air-defense"), 0, ordered)
    assert [e["status"] for e in row["history"]] == ["considered", "pledged", "delivered"]
    assert (row["first_seen"], row["last_seen"]) == ("2023", "2024-06-01")


def test_partial_dates_have_a_first_day() -> None:
    assert [str(day_of(v)) for v in ("2023", "2023-03", "2023-03-17", "2023-03-17T10:00:00Z")] == [
        "2023-01-01",
        "2023-03-01",
        "2023-03-17",
        "2023-03-17",
    ]
    assert day_of("unknown") is None and day_of(None) is None


@pytest.fixture(scope="module")
def ledger(tmp_path_factory, runner) -> str:
    path = tmp_path_factory.mktemp("contested") / "ledger.db"
    Store(str(path)).ingest(api.extract([DELIVERY, DENIAL, ROOT / "examples" / "04_feed.jsonl"], runner))
    return str(path)


@pytest.mark.slow
def test_one_contested_transfer_with_both_claims(ledger: str) -> None:
    with Store(ledger, readonly=True).connect() as connection:
        (row,) = list_transfers(connection, Filters(contested=True))
        assert len(list_transfers(connection, Filters(contested=False))) >= 1
        shown = get_transfer(connection, row["id"])
    assert (row["supplier"], row["recipient"], row["category"]) == ("HUN", "SRB", "artillery")
    (disagreement,) = shown["disagreements"]
    one, other = disagreement["claims"]
    assert "delivered 12 howitzers" in one[0]["evidence_text"][0]
    assert "denied" in other[0]["evidence_text"][0] and other[0]["disclosure"] == "denied"
    assert [e["date"] for e in shown["history"]] == ["2024-06-03", "2024-06-05"]


@pytest.mark.slow
def test_contested_in_the_cli_the_api_and_both_exports(ledger: str) -> None:
    result = materiel("ledger", "--contested", "--format", "json", "--db", ledger)
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert (row["supplier"], row["supplier_name"], row["contested"]) == ("HUN", "Hungary", True)
    client = TestClient(create_app(ledger))
    body = client.get("/api/v1/transfers", params={"contested": "true"}).json()
    assert body["total"] == 1 and body["items"][0]["id"] == row["id"]
    assert client.get("/api/v1/transfers", params={"contested": "false"}).json()["total"] >= 1
    header, line = client.get("/api/v1/transfers.csv", params={"contested": "true"}).text.splitlines()
    assert dict(zip(header.split(","), line.split(","), strict=True))["supplier_name"] == "Hungary"
    assert "Hungary" in client.get("/flows").text
    for layout, name_key in (("sipri", "supplier_name"), ("kiel", "donor_name")):
        exported = materiel("export", "--layout", layout, "--format", "json", "--db", ledger)
        rows = json.loads(exported.stdout)
        contested = [r for r in rows if r["contested"]]
        assert len(contested) == 1 and contested[0][name_key] == "Hungary", rows
        assert all(r["contested"] is False for r in rows if r is not contested[0])


@pytest.mark.slow
def test_syndicated_copy_is_one_claim_also_carried_by(ledger: str) -> None:
    with Store(ledger, readonly=True).connect() as connection:
        (row,) = list_transfers(connection, Filters(supplier="SVK"))
        shown = get_transfer(connection, row["id"])
    assert len(shown["claims"]) == 3
    (copied,) = [c for c in shown["claims"] if c["also_carried_by"]]
    assert copied["also_carried_by"] == ["regional-times.test"]


@pytest.mark.slow
def test_an_older_ledger_gets_the_new_columns(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = Store(url)
    with store.engine.begin() as connection:
        for table, column in (("claims", "date_basis"), ("transfers", "contested"), ("articles", "published_from")):
            connection.execute(text(f'ALTER TABLE {table} DROP COLUMN "{column}"'))
        connection.execute(text("DELETE FROM schema_version WHERE version = 2"))
    Store(url)
    with Store(url).connect() as connection:
        columns = {c.name for c in schema.transfers.columns}
        found = {row[1] for row in connection.execute(text("PRAGMA table_info(transfers)"))}
        assert columns <= found
        assert {row[1] for row in connection.execute(text("PRAGMA table_info(claims)"))} >= {"date_basis"}


def test_layouts_write_counts_as_whole_numbers_and_money_apart() -> None:
    claims = [
        claim("a:0", "a", quantity_low=1, quantity_high=5_800_000),
        claim("b:0", "b", quantity_low=2.5e8, quantity_high=2.5e8, unit="USD"),
    ]
    row = _transfer(("PRK", "RUS", "ammunition"), 0, claims)
    assert export.sipri(row)["number_delivered"] == "1-5800000"  # never 1-5.8e+06
    assert export.kiel(row)["quantity"] == "1-5800000"
    money = _transfer(
        ("USA", "UKR", "funding"), 0, [claim("c:0", "c", quantity_low=4e8, quantity_high=4e8, unit="USD")]
    )
    assert export.kiel(money)["quantity"] is None  # no count: the 400,000,000 USD stay in `quantities`
    assert export.kiel(money)["quantities"] == "400,000,000 USD"


@pytest.mark.parametrize("layout", sorted(export.LAYOUTS))
def test_every_layout_has_its_columns_even_for_an_empty_ledger(layout: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    row = _transfer(("USA", "UKR", "artillery"), 0, [claim("a:0", "a")])
    assert tuple(export.LAYOUTS[layout](row)) == export.COLUMNS[layout]
    assert export.render([], "csv", layout).splitlines() == [",".join(export.COLUMNS[layout])]
    export.render([], "parquet", layout, tmp_path / "empty.parquet")
    assert tuple(pq.read_table(tmp_path / "empty.parquet").schema.names) == export.COLUMNS[layout]
