"""Opening a ledger to read it (ledger, show, export, serve): a file that is no ledger, a corrupt
one or one an older materiel wrote gives a store error or is upgraded, never an internal error; the
web app answers a database failure in the middle of a request with the same JSON error shape, and
its ledger page offers the closed sets (statuses, categories) as choices rather than a typed word."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, event, text

from materiel.errors import StoreError
from materiel.ledger.queries import list_transfers
from materiel.ledger.schema import MIGRATIONS, migrate
from materiel.ledger.store import Store
from materiel.web import data
from materiel.web.app import create_app
from tests.test_ledger_fold import Made, _as_version_4, snapshot


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    Store(url).ingest(Made(11).batch(12))
    return url


def test_a_ledger_an_older_materiel_wrote_is_read_after_its_upgrade(url: str) -> None:
    expected = snapshot(url)
    with Store(url).engine.begin() as connection:
        _as_version_4(connection)
    with Store(url, readonly=True).connect() as connection:
        assert list_transfers(connection)
    assert snapshot(url) == expected


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "no ledger"),  # an empty file: SQLite opens it as an empty database
        (b"these are not the pages of a database, only words " * 100, "not a database"),
    ],
)
def test_a_file_that_holds_no_ledger_is_a_store_error(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "other.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=problem):
        Store(str(path), readonly=True)


def test_a_database_failure_in_a_request_is_the_json_error_shape(url: str) -> None:
    with Store(url).engine.begin() as connection:
        connection.execute(text("DROP TABLE transfer_events"))
    response = TestClient(create_app(url)).get("/api/v1/transfers")
    assert response.status_code == 503
    assert response.json()["error"] == "store_error" and "transfer_events" in response.json()["message"]


def test_an_unexpected_error_in_a_request_is_the_json_error_shape(url: str, monkeypatch) -> None:
    def broken(*_args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(data, "view", broken)  # what the ledger page and the list read through
    client = TestClient(create_app(url), raise_server_exceptions=False)
    response = client.get("/", headers={"Accept": "application/json"})
    assert response.status_code == 500 and response.json()["error"] == "internal_error"
    page = client.get("/")  # the page, asked for by a browser: the same error as a page
    assert page.status_code == 500 and "an internal error" in page.text and "Back to the ledger" in page.text


def test_the_ledger_page_offers_the_statuses_and_categories_to_choose(url: str) -> None:
    from materiel.article import CATEGORIES, STATUSES

    page = TestClient(create_app(url)).get("/", params={"status": "pledged"}).text
    assert "<option selected>pledged</option>" in page
    assert all(f"<option>{name}</option>" in page for name in [*CATEGORIES, *STATUSES] if name != "pledged")


@pytest.mark.parametrize("readonly", [False, True])
def test_a_ledger_url_s_password_is_never_shown(readonly: bool) -> None:
    # port 1 on this machine: nothing listens, so the connection is refused at once
    with pytest.raises(StoreError) as raised:
        Store("postgresql+psycopg://analyst:hunter2@127.0.0.1:1/ledger", readonly=readonly)
    assert "hunter2" not in str(raised.value) and "analyst:***@" in str(raised.value)


@pytest.mark.parametrize("url", ["mysql://host/ledger", "nosuchdb://host/ledger"])
def test_a_database_materiel_has_no_driver_for_is_a_store_error(url: str) -> None:
    with pytest.raises(StoreError, match="SQLite or PostgreSQL"):
        Store(url)


def test_a_second_process_that_made_the_ledger_meanwhile_leaves_nothing_to_migrate(db_url: str) -> None:
    """review15: two ingests started at once into a new ledger both found no table, both made the
    schema, and the second failed ("cannot open the ledger ...: table schema_version already
    exists"). Here the other opening runs between this one's first look and its first change, on
    SQLite (the database's write lock) and on PostgreSQL (an advisory lock)."""
    url = db_url
    engine = create_engine(url)
    others: list[Store] = []

    @event.listens_for(engine, "after_cursor_execute")
    def another_ingest_opens_it(*_args: object) -> None:
        if not others:
            others.append(Store(url))

    with engine.begin() as connection:
        assert migrate(connection) == len(MIGRATIONS)
    assert others and len(Store(url).ingest(Made(3).batch(2)).failures) == 0
