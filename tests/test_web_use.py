"""The web page and the JSON API as a fact-checker and an analyst use them: what they download,
what a mistyped address answers, what a review may write, and what the pages show of who said what.
Made-up reports only (no NLP model loaded)."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from materiel.article import CATEGORIES, Item
from materiel.web import data
from materiel.web.app import create_app
from tests.builders import ledger_of, report, transfer
from tests.test_cli import materiel

TOKEN = "use-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Suppliers enough that, with every category, the ledger holds more transfers than a page of the API.
SUPPLIERS = ("AUT", "BEL", "BGR", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ITA", "LVA")
SUPPLIERS += ("LTU", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "NOR", "GBR", "USA", "CAN", "AUS")
SUPPLIERS += ("JPN", "KOR", "TUR", "ISR", "IND", "BRA", "MEX", "CHE", "IRL", "LUX", "MLT", "CYP")


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> str:
    """A ledger of one made-up transfer per supplier and category: more than one page of the API."""
    reports = []
    for supplier in SUPPLIERS:
        for category in CATEGORIES:
            number = len(reports)
            text = f"Made-up report {number}: {supplier} sends {category} kit to Ukraine."
            reports.append(report(f"many-{number}", text, transfer(supplier, "UKR", Item(f"{category} kit", category))))
    assert len(reports) > data.MAX_PAGE
    return ledger_of(tmp_path_factory.mktemp("many"), *reports)


def test_the_csv_of_a_view_holds_the_whole_view_as_export_does(many: str) -> None:
    """The CSV of a view larger than a page (MAX_PAGE) held its first page only, unsaid: an analyst's
    download of the ledger lacked every transfer after the 500th."""
    client = TestClient(create_app(many))
    total = client.get("/api/v1/transfers?limit=1").json()["total"]
    served = list(csv.DictReader(io.StringIO(client.get("/api/v1/transfers.csv?sort=id&order=asc").text)))
    exported = list(csv.DictReader(io.StringIO(materiel("export", "--db", many).stdout)))
    assert len(served) == total == len(exported)
    assert served == sorted(exported, key=lambda row: row["id"])
    drones = client.get("/api/v1/transfers.csv?category=drones&limit=2&offset=5").text
    assert len(list(csv.DictReader(io.StringIO(drones)))) == len(SUPPLIERS)  # a view's limit pages the list only
