"""The timeline: claims per month by stage, as JSON under /api/v1 and as server-drawn SVG."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from materiel import api
from materiel.ledger.store import Store
from materiel.web.app import create_app
from materiel.web.timeline import counts, draw, months_between
from tests.conftest import ROOT

ROWS = [
    {
        "history": [
            {"date": "2023-03-01", "status": "considered"},
            {"date": "2023-03-17", "status": "pledged"},
            {"date": "2023-05", "status": "delivered"},
        ]
    },
    {"history": [{"date": "2023-03-20", "status": "in_progress"}, {"date": "2019", "status": "refused"}]},
    {"history": [{"date": None, "status": "delivered"}]},
]
BAR = re.compile(r'data-month="([\d-]+)" data-stage="(\w+)" data-count="(\d+)"')


def test_claims_per_month_by_stage() -> None:
    assert counts(ROWS) == {
        "items": [
            {"month": "2023-03", "stage": "executed", "count": 1},
            {"month": "2023-03", "stage": "committed", "count": 1},
            {"month": "2023-03", "stage": "potential", "count": 1},
            {"month": "2023-05", "stage": "executed", "count": 1},
        ],
        "undated": 2,  # a year alone has no month; a claim without a date has none either
    }


def test_the_drawing_keeps_every_count_and_the_gaps() -> None:
    drawing = draw(counts(ROWS), lambda month, stage: f"/?month={month}&stage={stage}")
    assert sorted((b.month, b.stage, b.count) for b in drawing.bars) == sorted(
        (i["month"], i["stage"], i["count"]) for i in counts(ROWS)["items"]
    )
    april_gap = {b.x for b in drawing.bars if b.month == "2023-05"}.pop() - drawing.bars[0].x
    assert april_gap > 1.5 * drawing.bars[0].width  # the empty April keeps its place
    assert all(b.href == f"/?month={b.month}&stage={b.stage}" for b in drawing.bars)
    assert draw({"items": [], "undated": 3}, str) is None
    assert months_between("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]


@pytest.fixture(scope="module")
def client(tmp_path_factory, runner) -> TestClient:
    path = tmp_path_factory.mktemp("timeline") / "ledger.db"
    Store(str(path)).ingest(api.extract([ROOT / "examples"], runner))
    return TestClient(create_app(str(path)))


def _bars(html: str, svg_id: str) -> list[dict]:
    svg = html.split(f'<svg id="{svg_id}"', 1)[1].split("</svg>", 1)[0]
    return [{"month": m, "stage": s, "count": int(n)} for m, s, n in BAR.findall(svg)]


@pytest.mark.slow
def test_page_and_api_count_the_same(client: TestClient) -> None:
    data = client.get("/api/v1/timeline").json()
    assert data["items"] and sum(i["count"] for i in data["items"]) >= 5
    assert _bars(client.get("/").text, "timeline") == data["items"]
    filtered = client.get("/api/v1/timeline", params={"supplier": "SVK"}).json()
    assert _bars(client.get("/?supplier=SVK").text, "timeline") == filtered["items"]
    assert sum(i["count"] for i in filtered["items"]) == 3


@pytest.mark.slow
def test_a_bar_opens_the_transfers_it_counts(client: TestClient) -> None:
    for item in client.get("/api/v1/timeline").json()["items"]:
        params = {"month": item["month"], "stage": item["stage"]}
        rows = client.get("/api/v1/transfers", params=params).json()["items"]
        assert rows, item
        counted = sum(
            1
            for row in rows
            for event in client.get(f"/api/v1/transfers/{row['id']}").json()["history"]
            if (event["date"] or "")[:7] == item["month"]
        )
        assert counted >= item["count"]


@pytest.mark.slow
def test_one_transfers_timeline(client: TestClient) -> None:
    (row,) = client.get("/api/v1/transfers", params={"supplier": "SVK"}).json()["items"]
    data = client.get(f"/api/v1/transfers/{row['id']}/timeline").json()
    assert [(i["month"], i["stage"]) for i in data["items"]] == [
        ("2023-03", "committed"),
        ("2023-03", "potential"),
        ("2023-04", "executed"),
    ]
    page = client.get(f"/transfers/{row['id']}").text
    assert _bars(page, "transfer-timeline") == data["items"]
    for anchor in re.findall(r'href="#(h-[\d-]+-\w+)"', page):
        assert f'id="{anchor}"' in page
    assert client.get("/api/v1/transfers/nope/timeline").status_code == 404
