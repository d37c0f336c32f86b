"""What a library user and an analyst at the shell get for a wrong call: a named error that says
what was wrong, never an AttributeError or KeyError from deep inside, and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

import materiel
from materiel.article import Actor, Article, Item, Transfer
from materiel.errors import NotFound, UsageError
from materiel.ledger import schema
from materiel.ledger.queries import Filters, list_transfers
from materiel.ledger.review import record_review
from materiel.ledger.store import Store
from tests.test_cli import materiel as run_cli


@pytest.mark.parametrize("value", [123, None, ["Norway has sent tanks to Ukraine."], b"Norway sent tanks."])
def test_extract_of_something_not_a_text_or_path_is_a_type_error_naming_it(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        materiel.extract(value)  # type: ignore[arg-type]


def test_extract_of_a_path_that_does_not_exist_is_not_found_not_an_empty_list(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-page.html"
    with pytest.raises(NotFound, match=r"no-such-page\.html"):
        materiel.extract(missing)


@pytest.fixture
def ledger(tmp_path: Path) -> tuple[str, str]:
    url = f"sqlite:///{tmp_path / 'library.db'}"
    report = Article(
        id="library-1",
        source="made/library-1.txt",
        text="A made-up report: Austria has sent a batch of helmets to Moldova, its ministry said.",
        transfers=[
            Transfer(
                supplier=Actor("AUT", "Austria"),
                recipient=Actor("MDA", "Moldova"),
                item=Item("helmets", "other-equipment"),
                status="delivered",
            )
        ],
    )
    Store(url).ingest([report])
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    return url, row["id"]


def test_an_unknown_review_action_is_a_usage_error_and_nothing_is_written(ledger: tuple[str, str]) -> None:
    url, transfer_id = ledger
    store = Store(url)
    with pytest.raises(UsageError, match="confirm, reject, set"), store.engine.begin() as connection:
        record_review(connection, transfer_id, "approve")
    with store.connect() as connection:
        assert connection.execute(select(func.count()).select_from(schema.reviews)).scalar() == 0
        (row,) = list_transfers(connection, Filters())  # the ledger still reads
    assert row["review"] is None


def test_export_bom_starts_a_csv_with_the_mark_and_is_refused_for_json(ledger: tuple[str, str]) -> None:
    url, _ = ledger
    plain = run_cli("export", "--db", url, "--format", "csv")
    marked = run_cli("export", "--db", url, "--format", "csv", "--bom")
    assert plain.returncode == marked.returncode == 0
    assert marked.stdout == "\ufeff" + plain.stdout and plain.stdout.startswith("id,supplier,")
    refused = run_cli("export", "--db", url, "--format", "json", "--bom")
    assert refused.returncode == 2 and json.loads(refused.stderr)["error"] == "usage_error"


def test_a_gold_file_with_one_id_twice_is_a_usage_error(tmp_path) -> None:
    """The scorer keeps one record per id, the last: a copied gold line scored one article where the
    file listed two, and eval said nothing."""
    from materiel.api import gold_records

    gold = tmp_path / "g.jsonl"
    lines = [{"id": "a", "file": "x.txt"}, {"id": "b", "file": "y.txt"}, {"id": "a", "file": "z.txt"}]
    gold.write_text("".join(json.dumps(line) + "\n" for line in lines))
    with pytest.raises(UsageError, match=r"g.jsonl:3: the id 'a' is line 1's too"):
        gold_records(gold)
