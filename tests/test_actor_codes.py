"""An ISO 3166-1 alpha-2 code is taken wherever an actor id is (the ledger's filters, the API's
query and its CSV, `review --set`), read as the project's id (UA: UKR); a code that names no actor
is a usage error, never an empty answer."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from materiel.article import Actor, Item
from materiel.countries import id_of_alpha_2, wanted_actor
from materiel.errors import UsageError
from materiel.ledger.queries import Filters, list_transfers
from materiel.ledger.store import Store
from materiel.web.app import create_app
from tests.builders import ledger_of, report, transfer
from tests.test_cli import materiel

TOKEN = "codes-token"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    radios = transfer(Actor("DNK", "Denmark"), Actor("UKR", "Ukraine"), Item("radios", "other-equipment"))
    text = "A made-up report: Denmark has pledged a batch of radios to Ukraine, its ministry said."
    url = ledger_of(tmp_path_factory.mktemp("codes"), report("codes-1", text, radios), name="codes.db")
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    return url, row["id"]


@pytest.mark.parametrize(
    ("code", "ident"),
    [
        ("UA", "UKR"),
        ("ua", "UKR"),
        ("DK", "DNK"),
        ("SU", "SUN"),
        ("YU", "YUG"),
        ("EU", "european-union"),
        ("UK", "GBR"),
    ],
)
def test_alpha_2_codes_name_the_projects_ids(code: str, ident: str) -> None:
    assert id_of_alpha_2(code) == ident and wanted_actor(code) == ident


@pytest.mark.parametrize("value", ["XX", "QQ", "XXX", "Zzz"])
def test_a_code_of_no_actor_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="no"):
        wanted_actor(value)
    with pytest.raises(UsageError, match="recipient"):
        Filters(recipient=value)


@pytest.mark.parametrize(
    ("value", "wanted"),
    [("ukr", "UKR"), ("UKR", "UKR"), ("Ukraine", "UKR"), ("nato", "nato"), ("IRA", "ira"), ("none", "none")],
)
def test_ids_and_names_are_read_as_the_id_they_name(value: str, wanted: str) -> None:
    """A name or a mis-cased id is read as its actor's id; "none" (a party the reports leave unknown)
    is kept as given. A name of no known actor is refused (test_ledger_filters)."""
    assert wanted_actor(value) == wanted


def test_the_ledger_filters_take_alpha_2(ledger: tuple[str, str]) -> None:
    url, ident = ledger
    with Store(url).connect() as connection:
        assert [r["id"] for r in list_transfers(connection, Filters(supplier="DK", recipient="UA"))] == [ident]
        assert list_transfers(connection, Filters(recipient="PL")) == []  # a real code, not in this ledger
    found = materiel("ledger", "--recipient", "UA", "--format", "json", "--db", url)
    assert found.returncode == 0 and [r["id"] for r in json.loads(found.stdout)] == [ident]
    wrong = materiel("ledger", "--recipient", "XX", "--db", url)
    assert wrong.returncode == 2 and not wrong.stdout
    error = json.loads(wrong.stderr)
    assert error["error"] == "usage_error" and "'XX' is no ISO 3166-1 alpha-2 code" in error["message"]


def test_the_api_takes_alpha_2_and_answers_an_unknown_code_with_its_error(ledger: tuple[str, str]) -> None:
    url, ident = ledger
    client = TestClient(create_app(url.removeprefix("sqlite:///"), token=TOKEN))
    assert [r["id"] for r in client.get("/api/v1/transfers?recipient=UA&via=").json()["items"]] == [ident]
    assert ident in client.get("/api/v1/transfers.csv?supplier=DK").text
    assert client.get("/api/v1/timeline?recipient=UA").json()["undated"] == 1  # its one step, undated
    for path in ("/api/v1/transfers?recipient=XX", "/api/v1/transfers.csv?supplier=XX", "/api/v1/timeline?via=QQ"):
        answer = client.get(path)
        assert answer.status_code == 400 and answer.json()["error"] == "usage_error", path
        assert "alpha-2" in answer.json()["message"]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    path = f"/api/v1/transfers/{ident}/review"
    done = client.post(path, json={"action": "set", "field": "via", "value": "PL, nato"}, headers=auth)
    assert done.status_code == 201 and done.json()["via"] == ["POL", "nato"]
    bad = client.post(path, json={"action": "set", "field": "via", "value": "XX"}, headers=auth)
    assert bad.status_code == 400 and bad.json()["error"] == "usage_error"


def test_review_set_stores_the_id_of_an_alpha_2_code(ledger: tuple[str, str]) -> None:
    url, ident = ledger
    assert materiel("review", ident, "--set", "supplier=SE", "--db", url).returncode == 0
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters(supplier="SWE"))
    assert row["supplier"] == "SWE"
    wrong = materiel("review", ident, "--set", "supplier=XX", "--db", url)
    assert wrong.returncode == 2 and json.loads(wrong.stderr)["error"] == "usage_error"
