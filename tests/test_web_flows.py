"""The flows page's bands open the ledger's list of exactly the transfers they count: a band's
count is its list's length, on a ledger of look-alike flows (the same supplier to other recipients,
the same pair straight and through intermediaries, an unnamed party, another category or year).
Made-up reports only (no NLP model loaded)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from materiel.article import Actor, Item
from materiel.ledger.review import record_review
from materiel.ledger.store import Store
from materiel.web.app import create_app
from tests.builders import ledger_of, report, transfer

POL, CZE = Actor("POL", "Poland"), Actor("CZE", "Czechia")
VEHICLES, DRONES = Item("armoured vehicles", "armoured-vehicles"), Item("drones", "drones")
BAND = re.compile(r'<a href="(/\?[^"]+)"><path [^>]*><title>([^<]+)</title>')
LISTED = re.compile(r'<a class="transfer-link" href="/transfers/([^"]+)"')


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    """Look-alike flows: DEU to UKR straight, through POL and through POL and CZE (three
    categories, so three transfers); DEU to MDA; POL to UKR; an unnamed supplier to UKR; and DEU to
    UKR straight again in another category and year."""
    reports = [
        report("f-1", "Made-up: DEU pledges howitzers to UKR.", transfer("DEU", "UKR"), published="2024-05-02"),
        report("f-2", "Made-up: DEU vehicles go to UKR by way of POL.", transfer("DEU", "UKR", VEHICLES, via=[POL])),
        report("f-3", "Made-up: DEU drones cross POL and CZE to UKR.", transfer("DEU", "UKR", DRONES, via=[POL, CZE])),
        report("f-4", "Made-up: DEU pledges howitzers to MDA.", transfer("DEU", "MDA"), published="2024-06-01"),
        report("f-5", "Made-up: POL pledges howitzers to UKR.", transfer("POL", "UKR"), published="2024-06-03"),
        report("f-6", "Made-up: someone pledges howitzers to UKR.", transfer(None, "UKR"), published="2024-06-04"),
        report(
            "f-7",
            "Made-up: DEU pledged fuel trucks to UKR long ago.",
            transfer("DEU", "UKR", Item("fuel trucks", "other-equipment")),
            published="2019-01-10",
        ),
    ]
    return TestClient(create_app(ledger_of(tmp_path_factory.mktemp("flows"), *reports)))


def _label(flow: dict) -> str:
    through = ", ".join(flow["via"].split(",")) + " → " if flow["via"] else ""
    return f"{flow['supplier']} → {through}{flow['recipient']}: {flow['count']}"


@pytest.mark.parametrize("query", ["", "category=artillery", "since=2024", "until=2020"])
def test_a_band_opens_the_list_of_exactly_its_transfers(client: TestClient, query: str) -> None:
    """A band opened the transfers of its supplier and recipient: the straight DEU to UKR band listed
    those through POL too, a band through POL listed those through POL and CZE, an unnamed supplier's
    band listed every supplier's, and the page's category and dates were dropped."""
    flows = client.get(f"/api/v1/flows?{query}").json()["items"]
    bands = {label: html.unescape(href) for href, label in BAND.findall(client.get(f"/flows?{query}").text)}
    assert sorted(bands) == sorted(_label(flow) for flow in flows)
    for flow in flows:
        listed = client.get(bands[_label(flow)]).text
        assert sorted(LISTED.findall(listed)) == sorted(flow["ids"]), _label(flow)
        count = "1 transfer" if flow["count"] == 1 else f"{flow['count']} transfers"
        assert f"Ledger <small>{count}</small>" in listed


def test_the_look_alike_flows_are_told_apart(client: TestClient) -> None:
    """The ledger above holds the flows the test walks: the pair straight, through one and through
    two, and more than one transfer from DEU."""
    flows = {(f["supplier"], f["via"], f["recipient"]): f["count"] for f in client.get("/api/v1/flows").json()["items"]}
    assert flows[("DEU", None, "UKR")] == 2 and flows[("?", None, "UKR")] == 1
    assert {key[1] for key in flows if key[0] == "DEU" and key[2] == "UKR"} == {None, "POL", "CZE,POL"}


@pytest.mark.parametrize("flow", ["DEU>UKR", "DEU>>XXX", "DEU>POL,,>UKR", ">>UKR"])
def test_a_flow_misspelt_is_a_usage_error(client: TestClient, flow: str) -> None:
    """A flow is three parts between two marks, each an actor id or "?" (the intermediaries: ids or
    none): anything else would list nothing, so it is refused."""
    answer = client.get("/api/v1/transfers", params={"flow": flow})
    assert answer.status_code == 400 and "flow" in answer.json()["message"]


def test_a_corrected_route_in_another_order_is_the_same_flow(tmp_path: Path) -> None:
    """The intermediaries are a set: a correction's "POL,CZE" and the stored CZE and POL are one
    flow, one band, whose list holds both transfers."""
    url = ledger_of(
        tmp_path,
        report("r-1", "Made-up: DEU drones cross POL and CZE to UKR.", transfer("DEU", "UKR", DRONES, via=[POL, CZE])),
        report("r-2", "Made-up: DEU vehicles go to UKR by way of POL.", transfer("DEU", "UKR", VEHICLES, via=[POL])),
    )
    client = TestClient(create_app(url))
    corrected = next(f for f in client.get("/api/v1/flows").json()["items"] if f["via"] == "POL")["ids"][0]
    with Store(url).engine.begin() as connection:
        record_review(connection, corrected, "set", "via", "POL,CZE")
    (flow,) = client.get("/api/v1/flows").json()["items"]
    assert (flow["via"], flow["count"]) == ("CZE,POL", 2)
    (band,) = set(href for href, _ in BAND.findall(client.get("/flows").text))
    assert sorted(LISTED.findall(client.get(html.unescape(band)).text)) == sorted(flow["ids"])
