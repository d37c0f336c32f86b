"""The SIPRI layout's year of order is the year the deal was ordered or agreed (the transfer's
earliest dated pledge), never the year it was first reported; a transfer known only from
deliveries has none, its delivery years in their own column."""

from __future__ import annotations

import json
from pathlib import Path

from materiel.article import Actor, ClaimDate, Item, Quantity
from materiel.ledger.export import kiel, render, sipri
from materiel.ledger.queries import Filters, list_transfers
from materiel.ledger.store import Store
from tests.builders import ledger_of, report, transfer
from tests.test_cli import materiel


def _claim(supplier: str, item: Item, status: str, day: str):
    return transfer(Actor(supplier, supplier), Actor("UKR", "Ukraine"), item, status, date=ClaimDate(day, "sentence"))


def _rows(tmp_path: Path) -> tuple[str, dict[str, dict]]:
    trucks, radars = Item("trucks", "other-equipment"), Item("radars", "air-defense")
    reports = [
        report(
            "y1",
            "Made-up: Finland is weighing trucks for Ukraine, officials said.",
            _claim("FIN", trucks, "considered", "2021-06-01"),
        ),
        report(
            "y2",
            "Made-up: Finland has agreed to supply trucks to Ukraine.",
            _claim("FIN", trucks, "pledged", "2022-03-01"),
        ),
        report(
            "y3",
            "Made-up: Finnish trucks have reached Ukraine, the army said.",
            _claim("FIN", trucks, "delivered", "2023-01-10"),
        ),
        report(
            "y4",
            "Made-up: Estonia quietly delivered radars to Ukraine last year.",
            _claim("EST", radars, "delivered", "2023-05-02"),
        ),
        report(
            "y5",
            "Made-up: more Estonian radars arrived in Ukraine in spring.",
            _claim("EST", radars, "in_progress", "2024-04-02"),
        ),
    ]
    url = ledger_of(tmp_path, *reports, name="years.db")
    with Store(url).connect() as connection:
        return url, {row["supplier"]: row for row in list_transfers(connection, Filters())}


def test_year_of_order_is_the_pledges_and_deliveries_have_their_own(tmp_path: Path) -> None:
    url, rows = _rows(tmp_path)
    trucks, radars = sipri(rows["FIN"]), sipri(rows["EST"])
    assert rows["FIN"]["first_seen"].startswith("2021")  # first reported a year before the order
    assert (trucks["year_of_order"], trucks["years_of_delivery"]) == ("2022", "2023")
    assert (radars["year_of_order"], radars["years_of_delivery"]) == (None, "2023-2024")
    exported = materiel("export", "--layout", "sipri", "--format", "json", "--db", url)
    years = {r["supplier"]: (r["year_of_order"], r["years_of_delivery"]) for r in json.loads(exported.stdout)}
    assert years == {"FIN": ("2022", "2023"), "EST": (None, "2023-2024")}
    assert "EST,Estonia,UKR,Ukraine,radars,air-defense,,,,2023-2024," in render([rows["EST"]], "csv", "sipri")


def test_numbers_ordered_and_delivered_are_each_their_stage_s_counts(tmp_path: Path) -> None:
    """A pledge of 20 to 30 tanks, then a delivery of 25: the register showed nothing ordered and
    "20-30" delivered (the range of every report), the pledge's numbers under the delivery's."""
    tanks = Item("T-72 tanks", "armored-vehicles")
    pledge = _claim("POL", tanks, "pledged", "2024-03-11")
    pledge.quantity = Quantity("between 20 and 30", 20, 30)
    delivery = _claim("POL", tanks, "delivered", "2024-04-15")
    delivery.quantity = Quantity("25", 25, 25)
    reports = [
        report("n1", "Made-up: Poland will send between 20 and 30 tanks to Ukraine.", pledge),
        report("n2", "Made-up: Poland has delivered 25 tanks to Ukraine, its army said.", delivery),
    ]
    url = ledger_of(tmp_path, *reports, name="numbers.db")
    exported = materiel("export", "--layout", "sipri", "--format", "json", "--db", url)
    assert exported.returncode == 0, exported.stderr
    (row,) = json.loads(exported.stdout)
    assert (row["number_ordered"], row["number_delivered"]) == ("20-30", 25)
    reviewed = materiel("review", row_id(url), "--set", "quantity_low=22", "--set", "quantity_high=22", "--db", url)
    assert reviewed.returncode == 0, reviewed.stderr
    (row,) = json.loads(materiel("export", "--layout", "sipri", "--format", "json", "--db", url).stdout)
    assert (row["number_ordered"], row["number_delivered"]) == (None, 22)  # the analyst's count, at its stage


def row_id(url: str) -> str:
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    return row["id"]


def test_kiel_s_date_announced_is_the_first_pledge_or_delivery_not_a_rumour(tmp_path: Path) -> None:
    """The Kiel layout's date_announced was the first report of any stage: Finland's trucks were
    "announced" on the day officials said they were weighing them, nine months before the deal."""
    _, rows = _rows(tmp_path)
    assert (kiel(rows["FIN"])["date_announced"], kiel(rows["EST"])["date_announced"]) == ("2022-03-01", "2023-05-02")
    rumour = {**rows["FIN"], "history": [step for step in rows["FIN"]["history"] if step["status"] == "considered"]}
    assert kiel(rumour)["date_announced"] is None  # nothing was announced


def test_a_sipri_or_kiel_row_names_its_transfer(tmp_path: Path) -> None:
    """The two layouts had no transfer id: a row of the register could not be taken to `show` or
    the transfer's page, where its evidence is."""
    url, rows = _rows(tmp_path)
    for layout in ("sipri", "kiel"):
        exported = materiel("export", "--layout", layout, "--format", "json", "--db", url)
        ids = {r["id"] for r in json.loads(exported.stdout)}
        assert ids == {row["id"] for row in rows.values()}, layout
