"""A list request reads its page's rows and a few aggregates, never the whole ledger: the rows the
driver hands back and the statements run for a page are the same in a ledger four times larger
(counted through the sqlite3 cursor, never timed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from materiel.article import Actor, Article, ClaimDate, Item, Transfer
from materiel.ledger.store import Store
from materiel.web.app import create_app
from tools.sqlcount import COUNTS, counting

SUPPLIERS = ("POL", "DEU", "FRA", "NOR")
MONTHS = ("2015-03", "2019-07", "2023-11")
STAGES = ("pledged", "delivered")
CATEGORIES = ("artillery", "drones", "aircraft", "ammunition")
# Requests of one page (or of aggregates) with each filter kind, the search and another sort.
PATHS = (
    "/api/v1/transfers?limit=3",
    "/?limit=3",
    "/api/v1/transfers?limit=3&q=ukr&sort=supplier&order=asc",
    "/api/v1/transfers?limit=2&supplier=Poland&since=2016",
    "/api/v1/transfers?limit=2&month=2019-07&stage=executed&status=delivered",
    "/api/v1/timeline",
)


def _reports(categories: tuple[str, ...]) -> list[Article]:
    """One made-up report per supplier, month, stage and category: every transfer alike in shape
    (two reports), the ledger's actors, months and stages the same whatever the categories."""
    found = []
    for category in categories:
        for supplier in SUPPLIERS:
            for month in MONTHS:
                for stage in STAGES:
                    number = len(found) + 100 * CATEGORIES.index(category)
                    transfer = Transfer(
                        supplier=Actor(supplier, supplier),
                        recipient=Actor("UKR", "Ukraine"),
                        item=Item(f"{category} kit", category),
                        status=stage,
                        date=ClaimDate(month, "sentence"),
                    )
                    text = f"Report {number}: {supplier} and {category} for Ukraine, {stage} in {month}."
                    found.append(
                        Article(id=f"cost-{number}", source=f"made/{number}.txt", text=text, transfers=[transfer])
                    )
    return found


def _costs(client: TestClient) -> dict[str, tuple[int, int]]:
    costs = {}
    for path in PATHS:
        assert client.get(path).status_code == 200  # warm: the first request of a path
        COUNTS.clear()
        assert client.get(path).status_code == 200
        costs[path] = (COUNTS["statements"], COUNTS["rows"])
    return costs


@pytest.fixture
def counted():
    with counting():
        yield


def test_a_page_costs_the_same_in_a_ledger_four_times_larger(tmp_path: Path, counted) -> None:
    path = str(tmp_path / "ledger.db")
    Store(path).ingest(_reports(CATEGORIES[:1]))
    client = TestClient(create_app(path))
    small, total = _costs(client), client.get("/api/v1/transfers").json()["total"]
    Store(path).ingest(_reports(CATEGORIES[1:]))
    client = TestClient(create_app(path))
    assert client.get("/api/v1/transfers").json()["total"] == 4 * total
    assert _costs(client) == small
