"""Parquet exports as pyarrow (and so pandas) reads them: a flag is a boolean, a count of sources an
integer, a quantity's end a float, the same values the JSON export holds, in every layout and for an
empty ledger too."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from materiel.article import Actor, Item, Quantity
from materiel.ledger import export
from materiel.ledger.queries import Filters, list_transfers
from materiel.ledger.store import Store
from tests.builders import ledger_of, report, transfer

# The columns that are not text, by layout, with the type a reader gets.
TYPED = {
    "flat": {
        "contested": pa.bool_(),
        "corroboration": pa.int64(),
        "quantity_low": pa.float64(),
        "quantity_high": pa.float64(),
    },
    "sipri": {"contested": pa.bool_()},
    "kiel": {"contested": pa.bool_()},
}


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> list[dict]:
    folder = tmp_path_factory.mktemp("parquet")
    pledge = transfer(
        Actor("NOR", "Norway"), Actor("UKR", "Ukraine"), Item("howitzers", "artillery"), quantity=Quantity("8", 8, 8)
    )
    money = transfer(Actor("NOR", "Norway"), Actor("UKR", "Ukraine"), Item("aid", "funding"))
    text = "A made-up report: Norway has pledged 8 howitzers and money to Ukraine, its ministry said."
    url = ledger_of(folder, report("parquet-1", text, pledge, money))
    with Store(url).connect() as connection:
        return list_transfers(connection, Filters())


@pytest.mark.parametrize("layout", sorted(export.LAYOUTS))
def test_a_parquet_column_has_its_values_type(layout: str, rows: list[dict], tmp_path: Path) -> None:
    """Every cell was written as text: `contested` read back as the string "False", which pandas
    takes as true, and counts and quantities as strings that do not sum."""
    export.render(rows, "parquet", layout, tmp_path / "x.parquet")
    table = pq.read_table(tmp_path / "x.parquet")
    for name, kind in TYPED[layout].items():
        assert table.schema.field(name).type == kind, name
    for read, written in zip(table.to_pylist(), json.loads(export.render(rows, "json", layout) or ""), strict=True):
        for name, value in written.items():  # a range ("18-31") makes a count column text
            assert read[name] == (value if name in TYPED[layout] or value is None else str(value)), name


@pytest.mark.parametrize("layout", sorted(export.LAYOUTS))
def test_an_empty_ledger_s_parquet_has_the_same_types(layout: str, tmp_path: Path) -> None:
    export.render([], "parquet", layout, tmp_path / "empty.parquet")
    schema = pq.read_table(tmp_path / "empty.parquet").schema
    for name, kind in TYPED[layout].items():
        assert schema.field(name).type == kind, name
