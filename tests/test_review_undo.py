"""`materiel review --unset FIELD` (and the API's `unset` action): a correction taken back, so the
field shows the extracted value again; the undoing is a review of its own, kept across re-ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from materiel.article import Actor, Item
from materiel.errors import UsageError
from materiel.ledger import schema
from materiel.ledger.queries import Filters, get_transfer, list_transfers
from materiel.ledger.review import record_review
from materiel.ledger.store import Store
from materiel.web.app import create_app
from tests.builders import report, transfer
from tests.test_cli import materiel

TOKEN = "undo-token"
TEXT = "A made-up report: Denmark has pledged a batch of radios to Ukraine, its ministry said."


def _pledge() -> list:
    radios = transfer(Actor("DNK", "Denmark"), Actor("UKR", "Ukraine"), Item("radios", "other-equipment"))
    return [report("undo-1", TEXT, radios, url="https://example.org/undo-1")]


@pytest.fixture
def ledger(tmp_path: Path) -> tuple[str, str]:
    url = f"sqlite:///{tmp_path / 'undo.db'}"
    Store(url).ingest(_pledge())
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    return url, row["id"]


def _row(url: str, filters: Filters | None = None) -> list[dict]:
    with Store(url).connect() as connection:
        return list_transfers(connection, filters or Filters(include_rejected=True))


def _actions(url: str) -> list[tuple]:
    r = schema.reviews
    with Store(url).connect() as connection:
        return [tuple(row) for row in connection.execute(select(r.c.action, r.c.field, r.c.value).order_by(r.c.id))]


def test_unset_takes_the_field_back_to_the_extracted_value_and_stays(ledger: tuple[str, str]) -> None:
    url, ident = ledger
    done = materiel("review", ident, "--set", "status=delivered", "--set", "supplier=SWE", "--db", url)
    assert done.returncode == 0, done.stderr
    assert (_row(url)[0]["status"], _row(url)[0]["review"]) == ("delivered", "corrected")
    undone = materiel("review", ident, "--unset", "status", "--note", "misread", "--db", url)
    assert undone.returncode == 0, undone.stderr
    (row,) = _row(url)
    assert (row["status"], row["supplier"], row["review"]) == ("pledged", "SWE", "corrected")
    assert _actions(url)[-1] == ("unset", "status", None) and row["review_notes"] == ["misread"]
    assert materiel("review", ident, "--unset", "supplier", "--db", url).returncode == 0
    (row,) = _row(url)
    assert (row["status"], row["supplier"], row["review"]) == ("pledged", "DNK", None)  # as extracted
    Store(url).ingest(_pledge())  # the same page again, and a full re-merge: the undoing holds
    Store(url).merge()
    assert (_row(url)[0]["status"], _row(url)[0]["supplier"]) == ("pledged", "DNK")
    shown = json.loads(materiel("show", ident, "--format", "json", "--db", url).stdout)
    assert (shown["status"], shown["supplier"]) == ("pledged", "DNK")


def test_the_lists_in_sql_read_an_undone_correction_as_none(ledger: tuple[str, str]) -> None:
    url, ident = ledger
    store = Store(url)
    with store.engine.begin() as connection:
        record_review(connection, ident, "set", "supplier", "SWE")
        record_review(connection, ident, "set", "via", "POL")
        record_review(connection, ident, "set", "status", "delivered")
        record_review(connection, ident, "unset", "supplier")
        record_review(connection, ident, "unset", "via")
    assert [r["id"] for r in _row(url, Filters(supplier="DNK"))] == [ident]  # the filters run in SQL
    assert _row(url, Filters(supplier="SWE")) == [] and _row(url, Filters(via="POL")) == []
    assert [r["id"] for r in _row(url, Filters(status="delivered"))] == [ident]
    with store.engine.begin() as connection:
        record_review(connection, ident, "set", "supplier", "SWE")  # corrected again after the undoing
        assert get_transfer(connection, ident)["supplier"] == "SWE"
    assert [r["id"] for r in _row(url, Filters(supplier="SWE"))] == [ident]


def test_an_unset_with_nothing_to_undo_is_a_usage_error_and_writes_nothing(ledger: tuple[str, str]) -> None:
    url, ident = ledger
    result = materiel("review", ident, "--unset", "status", "--db", url)
    assert result.returncode == 2 and "no correction to undo" in json.loads(result.stderr)["message"]
    both = materiel("review", ident, "--set", "status=delivered", "--unset", "status", "--db", url)
    assert both.returncode == 2 and "exclude each other" in json.loads(both.stderr)["message"]
    unknown = materiel("review", ident, "--unset", "colour", "--db", url)
    assert unknown.returncode == 2 and "cannot unset 'colour'" in json.loads(unknown.stderr)["message"]
    assert _actions(url) == []
    with Store(url).engine.begin() as connection, pytest.raises(UsageError, match="no correction to undo"):
        record_review(connection, ident, "unset", "quantity_low")


def test_the_api_takes_an_unset(ledger: tuple[str, str]) -> None:
    url, ident = ledger
    client = TestClient(create_app(url.removeprefix("sqlite:///"), token=TOKEN))
    path, auth = f"/api/v1/transfers/{ident}/review", {"Authorization": f"Bearer {TOKEN}"}
    assert (
        client.post(path, json={"action": "set", "field": "status", "value": "delivered"}, headers=auth).json()[
            "status"
        ]
        == "delivered"
    )
    undone = client.post(path, json={"action": "unset", "field": "status"}, headers=auth)
    assert undone.status_code == 201 and (undone.json()["status"], undone.json()["review"]) == ("pledged", None)
    again = client.post(path, json={"action": "unset", "field": "status"}, headers=auth)
    assert again.status_code == 400 and again.json()["error"] == "usage_error"


def test_the_transfer_page_offers_the_undoing(ledger: tuple[str, str]) -> None:
    """The page's review form offered confirm, reject and set, not the `unset` the API and the CLI
    take: a correction made by mistake could not be undone from the page. Its value box said
    nothing of what an empty value does (it clears a party, the intermediaries or a quantity)."""
    url, ident = ledger
    page = TestClient(create_app(url.removeprefix("sqlite:///"), token=TOKEN)).get(f"/transfers/{ident}").text
    form = page[page.index('<form id="review"') : page.index("</form>")]
    assert '<option value="unset">' in form and 'aria-label="field to correct or undo"' in form
    assert 'aria-describedby="review-value-help"' in form
    assert 'id="review-value-help"' in form and "status, category and disclosure need one" in form


@pytest.mark.parametrize("field", ["status", "category", "disclosure"])
def test_an_empty_value_for_a_field_that_cannot_be_cleared_says_so(ledger: tuple[str, str], field: str) -> None:
    """An empty value box sent "" ("" reads as unknown): a field that has no unknown is refused
    with why, not with the bare list of its values."""
    url, ident = ledger
    client = TestClient(create_app(url.removeprefix("sqlite:///"), token=TOKEN))
    path, auth = f"/api/v1/transfers/{ident}/review", {"Authorization": f"Bearer {TOKEN}"}
    for value in ("", "  ", None):
        answer = client.post(path, json={"action": "set", "field": field, "value": value}, headers=auth)
        assert answer.status_code == 400 and f"{field} cannot be empty" in answer.json()["message"], answer.text
    assert _actions(url) == []


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ({"action": "confirm", "field": "status"}, "confirm takes no field"),
        ({"action": "reject", "value": "delivered"}, "reject takes no field"),
        ({"action": "reject", "field": "status", "value": "delivered"}, "reject takes no field"),
        ({"action": "unset", "field": "status", "value": "pledged"}, "unset takes no value"),
    ],
)
def test_a_field_or_value_an_action_ignores_is_refused(ledger: tuple[str, str], body: dict, said: str) -> None:
    """A confirm or reject with a field and a value stored them and ignored them (an unset dropped its
    value unsaid): the client meant something the ledger did not do."""
    url, ident = ledger
    with Store(url).engine.begin() as connection:
        record_review(connection, ident, "set", "status", "delivered")
    client = TestClient(create_app(url.removeprefix("sqlite:///"), token=TOKEN))
    path, auth = f"/api/v1/transfers/{ident}/review", {"Authorization": f"Bearer {TOKEN}"}
    answer = client.post(path, json=body, headers=auth)
    assert answer.status_code == 400 and said in answer.json()["message"], answer.text
    with Store(url).engine.begin() as connection, pytest.raises(UsageError, match=said):
        record_review(connection, ident, body["action"], body.get("field"), body.get("value"))
    assert _actions(url) == [("set", "status", "delivered")]
