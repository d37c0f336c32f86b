"""Every id the ledger holds has a name to show: states (current and former) and organisations,
in the ledger's rows, each export layout, the CLI table and the web pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from materiel.article import Actor, Article, Item
from materiel.countries import actor_name, labelled
from materiel.ledger.export import render
from materiel.ledger.queries import Filters, list_transfers
from materiel.ledger.store import Store
from materiel.web.app import create_app
from tests.builders import ledger_of, report, transfer


@pytest.mark.parametrize(
    ("ident", "name"),
    [
        ("european-union", "European Union"),  # an alias that spells the slug
        ("nato", "NATO"),
        ("hezbollah", "Hezbollah"),
        ("mujahideen", "Mujahideen"),  # the capitalised spelling before a lower-case one
        ("ira", "Irish Republican Army"),  # an acronym's slug: the alias its initials spell
        ("lords-resistance-army", "Lord's Resistance Army"),
        ("some-new-militia", "Some New Militia"),  # a slug actors.json lacks: made readable
        ("SUN", "Soviet Union"),  # a former state: actors.json's first alias
        ("KOR", "South Korea"),
        ("XQZ", None),
        (None, None),
    ],
)
def test_an_actor_s_display_name(ident: str | None, name: str | None) -> None:
    assert actor_name(ident) == name


def _report(number: int, supplier: str, recipient: str) -> Article:
    """A made-up report of one pledge of shells."""
    return report(
        f"names-{number}",
        f"Report {number}: a pledge of shells by {supplier} to {recipient}, in words of its own {number * 11}.",
        transfer(supplier, recipient, Item("shells", "ammunition"), via=[Actor("nato", "NATO")]),
    )


@pytest.fixture
def ledger(tmp_path: Path) -> str:
    return ledger_of(tmp_path, _report(1, "european-union", "UKR"), _report(2, "IRN", "hezbollah"))


def _rows(url: str) -> list[dict]:
    with Store(url).connect() as connection:
        return list_transfers(connection, Filters())


def test_every_export_layout_names_organisations(ledger: str) -> None:
    rows = _rows(ledger)
    flat = {r["supplier"]: r for r in json.loads(render(rows, "json", "flat"))}
    assert flat["european-union"]["supplier_name"] == "European Union"
    assert flat["IRN"]["recipient_name"] == "Hezbollah" and flat["IRN"]["via_names"] == "nato NATO"
    sipri = {r["supplier"]: r for r in json.loads(render(rows, "json", "sipri"))}
    assert sipri["european-union"]["supplier_name"] == "European Union"
    kiel = {r["donor"]: r for r in json.loads(render(rows, "json", "kiel"))}
    assert kiel["european-union"]["donor_name"] == "European Union"
    assert kiel["IRN"]["recipient_name"] == "Hezbollah"
    assert "european-union,European Union" in render(rows, "csv", "flat")
    assert labelled("european-union") == "european-union European Union"


def test_an_organisation_is_found_and_shown_by_its_name(ledger: str) -> None:
    with Store(ledger).connect() as connection:
        found = list_transfers(connection, Filters(supplier="European Union"))
    assert [r["supplier"] for r in found] == ["european-union"]
    client = TestClient(create_app(ledger))
    assert '<span class="name">European Union</span>' in client.get("/").text
    assert '<span class="name">Hezbollah</span>' in client.get("/flows").text
