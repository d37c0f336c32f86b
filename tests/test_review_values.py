"""`materiel review --set`: a supplier, recipient or via is a known actor id, and a status, category
or disclosure one of FORMAT.md's closed sets; anything else is a usage error that says the allowed
form, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from materiel.article import Actor, Item, Quantity
from materiel.ledger import schema
from materiel.ledger.queries import Filters, list_transfers
from materiel.ledger.store import Store
from tests.builders import ledger_of, report, transfer
from tests.test_cli import materiel


@pytest.fixture
def ledger(tmp_path: Path) -> tuple[str, str]:
    pledge = transfer(Actor("DNK", "Denmark"), Actor("UKR", "Ukraine"), Item("radios", "other-equipment"))
    text = "A made-up report: Denmark has pledged a batch of radios to Ukraine, its ministry said."
    url = ledger_of(tmp_path, report("review-1", text, pledge), name="review.db")
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    return url, row["id"]


def _reviews(url: str) -> int:
    with Store(url).connect() as connection:
        return connection.execute(select(func.count()).select_from(schema.reviews)).scalar_one()


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("supplier=XXX", "ISO 3166-1 alpha-3"),
        ("supplier=Sweden", "did you mean SWE?"),  # a name, not an id
        ("recipient=ukr", "did you mean UKR?"),  # a code in the wrong case
        ("recipient=European Union", "did you mean european-union?"),
        ("via=USA,not-an-org", "organisation's slug"),
        ("status=shipped", "status must be one of: delivered"),
        ("category=tanks", "category must be one of"),
        ("disclosure=secret", "disclosure must be one of: official"),
        ("colour=red", "cannot set 'colour'"),
    ],
)
def test_a_bad_value_is_a_usage_error_and_nothing_is_written(ledger: tuple[str, str], setting: str, said: str) -> None:
    url, transfer_id = ledger
    # a good correction first on the same line: it is not written either
    result = materiel("review", transfer_id, "--set", "status=delivered", "--set", setting, "--db", url)
    assert result.returncode == 2, result.stderr
    error = json.loads(result.stderr.strip().splitlines()[-1])
    assert error["error"] == "usage_error" and said in error["message"]
    assert _reviews(url) == 0


def test_known_ids_are_recorded(ledger: tuple[str, str]) -> None:
    url, transfer_id = ledger
    settings = ["supplier=SWE", "recipient=hezbollah", "supplier=SUN", "via=USA,nato", "via=", "status=delivered"]
    for setting in settings:
        result = materiel("review", transfer_id, "--set", setting, "--db", url)
        assert result.returncode == 0, (setting, result.stderr)
    assert _reviews(url) == 6
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    assert (row["supplier"], row["recipient"], row["via"], row["status"]) == ("SUN", "hezbollah", [], "delivered")
    assert materiel("review", transfer_id, "--set", "supplier=null", "--db", url).returncode == 0  # unknown
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    assert row["supplier"] is None


@pytest.fixture
def counted(tmp_path: Path) -> tuple[str, str]:
    """A ledger with one pledge of 14 radios (a count to correct)."""
    pledge = transfer(
        Actor("DNK", "Denmark"),
        Actor("UKR", "Ukraine"),
        Item("radios", "other-equipment"),
        quantity=Quantity("14", 14, 14),
    )
    text = "A made-up report: Denmark has pledged 14 radios to Ukraine, its ministry said."
    url = ledger_of(tmp_path, report("review-2", text, pledge), name="counted.db")
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    return url, row["id"]


@pytest.mark.parametrize(
    "settings",
    [
        ["quantity_low=20", "quantity_high=10"],  # both on one line, the wrong way round
        ["quantity_high=10", "status=delivered", "quantity_low=20"],  # another field between them
    ],
)
def test_a_correction_that_leaves_low_above_high_is_refused(counted: tuple[str, str], settings: list[str]) -> None:
    """A range whose low end is above its high end was recorded and shown as "20-10 (count)" in the
    ledger, the exports' SIPRI and Kiel numbers and the API."""
    url, transfer_id = counted
    result = materiel("review", transfer_id, *[f"--set={s}" for s in settings], "--db", url)
    assert result.returncode == 2, result.stderr
    error = json.loads(result.stderr.strip().splitlines()[-1])
    assert error["error"] == "usage_error" and "quantity_low" in error["message"], error
    assert _reviews(url) == 0


def test_the_second_end_corrected_past_the_first_is_refused(counted: tuple[str, str]) -> None:
    url, transfer_id = counted
    assert materiel("review", transfer_id, "--set", "quantity_high=10", "--db", url).returncode == 0
    result = materiel("review", transfer_id, "--set", "quantity_low=20", "--db", url)
    assert result.returncode == 2 and "quantity_low 20 would be above quantity_high 10" in result.stderr
    assert _reviews(url) == 1


def test_one_end_corrected_past_the_extracted_other_moves_it(counted: tuple[str, str]) -> None:
    """A low end set above the extracted 14: the analyst's end holds, the count is 20."""
    url, transfer_id = counted
    assert materiel("review", transfer_id, "--set", "quantity_low=20", "--db", url).returncode == 0
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    assert (row["quantity_low"], row["quantity_high"]) == (20, 20)


def test_a_range_moved_up_in_one_review_is_recorded(counted: tuple[str, str]) -> None:
    """Both ends on one line are checked together, whatever their order: 14 becomes 20-30."""
    url, transfer_id = counted
    result = materiel("review", transfer_id, "--set", "quantity_low=20", "--set", "quantity_high=30", "--db", url)
    assert result.returncode == 0, result.stderr
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    assert (row["quantity_low"], row["quantity_high"]) == (20, 30)


def test_a_review_s_note_is_kept_once_however_many_fields_it_corrects(counted: tuple[str, str]) -> None:
    """The note went with every action of the command: `show` printed "ministry figure; ministry
    figure" and the transfer's page and API listed it twice."""
    url, transfer_id = counted
    result = materiel(
        "review",
        transfer_id,
        "--set",
        "quantity_high=16",
        "--set",
        "status=delivered",
        "--note",
        "ministry figure",
        "--db",
        url,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(materiel("show", transfer_id, "-f", "json", "--db", url).stdout)
    assert shown["review_notes"] == ["ministry figure"]
