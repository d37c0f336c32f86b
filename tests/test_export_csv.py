"""CSV exports as a spreadsheet opens them: text from pages never runs as a formula, numbers stay
numbers, quotes and line breaks round-trip, the columns keep their order, and the byte-order mark
is there only when asked for."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from materiel.article import Item, Quantity, Span
from materiel.ledger import export
from materiel.ledger.queries import Filters, list_transfers
from materiel.ledger.store import Store
from tests.builders import actor, ledger_of, report, transfer
from tests.test_cli import materiel as run_cli


def _row(**change) -> dict:
    row = {
        "id": "t1",
        "supplier": "NOR",
        "recipient": "UKR",
        "via": [],
        "category": "artillery",
        "status": "delivered",
        "disclosure": "official",
        "contested": False,
        "first_seen": "2024-03-01",
        "last_seen": "2024-03-02",
        "corroboration": 1,
        "quantity_low": -3.0,
        "quantity_high": -3.0,
        "quantities": [],
        "items": ["howitzers"],
        "review": None,
        "history": [{"date": "2024-03-01", "status": "delivered", "outlet": "news.example"}],
        "disagreements": [],
    }
    return {**row, **change}


def _cells(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    "item",
    ['=HYPERLINK("http://x.example","y")', "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tcmd", "\r=1+1"],
)
def test_a_formula_from_a_page_is_kept_as_text(item: str) -> None:
    for layout, column in (("flat", "items"), ("sipri", "designation"), ("kiel", "item")):
        (cells,) = _cells(export.render([_row(items=[item])], "csv", layout))
        assert cells[column] == "'" + item, layout


@pytest.mark.parametrize("item", ["-5", "+3.5", "-1,200", "Leopard 2 tanks", "a = b", "'quoted"])
def test_numbers_and_plain_text_are_left_as_they_are(item: str) -> None:
    (cells,) = _cells(export.render([_row(items=[item])], "csv"))
    assert cells["items"] == item


def test_a_negative_quantity_stays_a_number() -> None:
    (cells,) = _cells(export.render([_row()], "csv"))
    assert cells["quantity_low"] == "-3.0" and cells["quantity_high"] == "-3.0"


@pytest.mark.parametrize(
    ("quantities", "unit"),
    [
        ([{"unit": "USD", "low": 7.4e8, "high": 7.4e8}], "USD"),  # money only: the ends are dollars
        ([{"unit": "count", "low": 14, "high": 14}, {"unit": "EUR", "low": 5e8, "high": 5e8}], "count"),
        ([], None),
    ],
)
def test_the_quantity_s_ends_say_their_unit(quantities: list[dict], unit: str | None) -> None:
    """quantity_low and quantity_high are the first unit's range, a count when there is one, else
    an amount of money: a transfer known only by its 740 million dollars had 740000000.0 there with
    nothing to tell it from 740 million items, and a column's sum mixed jets with dollars."""
    low = quantities[0]["low"] if quantities else None
    row = _row(quantities=quantities, quantity_low=low, quantity_high=low)
    (cells,) = _cells(export.render([row], "csv"))
    assert cells["quantity_unit"] == (unit or "")
    (written,) = json.loads(export.render([row], "json") or "")
    assert written["quantity_unit"] == unit


def test_json_keeps_the_text_as_the_page_wrote_it() -> None:
    assert '"items": "=1+1"' in export.render([_row(items=["=1+1"])], "json")


def test_quotes_and_line_breaks_round_trip() -> None:
    item = 'the "Krab"\nhowitzers, 155 mm'
    (cells,) = _cells(export.render([_row(items=[item])], "csv"))
    assert cells["items"] == item


@pytest.mark.parametrize("layout", ["flat", "sipri", "kiel"])
def test_an_empty_ledger_exports_its_header_in_the_layout_s_order(layout: str) -> None:
    text = export.render([], "csv", layout)
    assert text.splitlines() == [",".join(export.COLUMNS[layout])]
    assert export.render([], "json", layout) == "[]"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_export_to_the_terminal_is_the_file_it_writes_byte_for_byte(fmt: str, tmp_path) -> None:
    """Standard output carries the export untouched: a console library would drop a carriage
    return inside a quoted cell and turn ":thumbs_up:" into an emoji."""
    item = Item("shells :thumbs_up: in\r\ncrates", "ammunition")
    url = ledger_of(tmp_path, report("r1", "A made-up report of shells sent.", transfer("NOR", "UKR", item)))
    written = tmp_path / f"out.{fmt}"
    assert run_cli("export", "--db", url, "-f", fmt, "--out", str(written)).returncode == 0
    shown = subprocess.run(
        [sys.executable, "-m", "materiel", "export", "--db", url, "-f", fmt], capture_output=True, timeout=300
    )
    assert shown.returncode == 0
    assert shown.stdout == written.read_bytes()


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_show_prints_a_page_s_colon_words_as_written(fmt: str, tmp_path) -> None:
    text = "A made-up report: Norway sent shells :thumbs_up: in crates."
    item = Item("shells :thumbs_up: in crates", "ammunition")
    sent = transfer("NOR", "UKR", item, evidence=[Span(0, len(text))])
    url = ledger_of(tmp_path, report("r1", text, sent))
    with Store(url, readonly=True).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    shown = run_cli("show", row["id"], "--db", url, "-f", fmt)
    assert shown.returncode == 0, shown.stderr
    if fmt == "json":
        assert json.loads(shown.stdout)["items"] == ["shells :thumbs_up: in crates"]
    else:
        assert "Norway sent shells :thumbs_up: in crates." in shown.stdout


def test_show_s_first_line_has_the_row_s_count_items_and_intermediary(tmp_path) -> None:
    """`show` printed supplier, recipient, category and stage: the count, the items and the
    intermediary that the ledger's row shows were nowhere beside the evidence that gave them."""
    text = "A made-up report: Canada has sent 20,000 shells to Ukraine through the United States."
    sent = transfer(
        "CAN",
        "UKR",
        Item("artillery shells", "ammunition"),
        "delivered",
        via=[actor("USA")],
        quantity=Quantity("20,000", 20000, 20000),
        evidence=[Span(0, len(text))],
    )
    url = ledger_of(tmp_path, report("r2", text, sent))
    with Store(url, readonly=True).connect() as connection:
        (row,) = list_transfers(connection, Filters())
    shown = run_cli("show", row["id"], "--db", url)
    assert shown.returncode == 0, shown.stderr
    first = shown.stdout.splitlines()[0]
    assert "CAN Canada -> UKR Ukraine via USA United States" in first
    assert "20,000 (count) artillery shells" in first
