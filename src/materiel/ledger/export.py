"""Exports: flat CSV / JSON / Parquet of the ledger, and two layouts analysts already use:
a SIPRI-style trade register and a Kiel-style aid list.

In the SIPRI layout, as in SIPRI's register, `year_of_order` is the year the deal was ordered or
agreed: the year of the transfer's earliest dated pledge (the ledger's stage for an order, a
signed or approved deal, a promise; FORMAT.md's committed class), and empty for a transfer known
only from other reports (deliveries, requests, refusals), never the year it was first reported.
`years_of_delivery` holds the years of its delivery reports ("2022-2024"), on their own; so do
`number_ordered` and `number_delivered` the counts of its pledges and of its delivery reports.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from materiel.countries import actor_name, names_of
from materiel.errors import UsageError
from materiel.ledger import schema
from materiel.ledger.contest import quantities

FLAT_COLUMNS = (
    "id",
    "supplier",
    "supplier_name",
    "recipient",
    "recipient_name",
    "via",
    "via_names",
    "category",
    "status",
    "disclosure",
    "contested",
    "first_seen",
    "last_seen",
    "corroboration",
    "quantity_low",
    "quantity_high",
    "quantity_unit",
    "quantities",
    "items",
    "review",
)
SIPRI_COLUMNS = (
    "supplier",
    "supplier_name",
    "recipient",
    "recipient_name",
    "designation",
    "description",
    "number_ordered",
    "number_delivered",
    "year_of_order",
    "years_of_delivery",
    "contested",
    "comments",
    "id",  # the transfer's, for `show` and its page: where each number's evidence is
)
KIEL_COLUMNS = (
    "donor",
    "donor_name",
    "recipient",
    "recipient_name",
    "date_announced",
    "type",
    "item",
    "quantity",
    "quantities",
    "status",
    "contested",
    "source",
    "id",  # the transfer's, for `show` and its page
)
EXECUTED = {"delivered", "in_progress"}
# The stage of a report that a deal was ordered, agreed or promised (SIPRI's "year of order").
ORDERED = {"pledged"}


def flat(row: dict) -> dict:
    out = {k: row.get(k) for k in FLAT_COLUMNS}
    out["supplier_name"] = actor_name(row.get("supplier"))
    out["recipient_name"] = actor_name(row.get("recipient"))
    out["via"] = ",".join(row.get("via") or [])
    out["via_names"] = names_of(row.get("via"))
    out["contested"] = bool(row.get("contested"))
    out["quantity_unit"] = _first_unit(row)
    out["quantities"] = quantities_text(row)
    out["items"] = "; ".join(row.get("items") or [])
    return out


def _first_unit(row: dict) -> str | None:
    """The unit of quantity_low and quantity_high: the first of the per-unit ranges ("count" when
    there is a count, else a currency); None for a row without them."""
    entries = row.get("quantities") or []
    return entries[0]["unit"] if entries else None


def quantities_text(row: dict) -> str:
    """Each unit's range on its own: '14 (count); 1,000,000,000 USD'."""
    parts = []
    for entry in row.get("quantities") or []:
        low, high = entry["low"], entry["high"]
        amount = f"{low:,.0f}" if low == high else f"{low:,.0f}-{high:,.0f}"
        parts.append(f"{amount} ({entry['unit']})" if entry["unit"] == "count" else f"{amount} {entry['unit']}")
    return "; ".join(parts)


def sipri(row: dict) -> dict:
    """Supplier, recipient, designation, description, number ordered/delivered, years, comments."""
    number = _count(row)
    ordered, delivered = _stage_numbers(row) or ((number, None) if row["status"] not in EXECUTED else (None, number))
    return {
        "supplier": row["supplier"],
        "supplier_name": actor_name(row["supplier"]),
        "recipient": row["recipient"],
        "recipient_name": actor_name(row["recipient"]),
        "designation": "; ".join(row.get("items") or []),
        "description": row["category"],
        "number_ordered": ordered,
        "number_delivered": delivered,
        "year_of_order": _year_of_order(row),
        "years_of_delivery": _years(row),
        "contested": bool(row.get("contested")),
        "comments": _comments(row),
        "id": row["id"],
    }


def with_count_claims(connection: Connection, rows: list[dict]) -> list[dict]:
    """The rows, each with its claims' counts (`count_claims`: status and range), which the SIPRI
    layout splits into the numbers ordered and delivered."""
    c = schema.transfer_claims
    query = select(c.c.transfer_id, c.c.status, c.c.unit, c.c.quantity_low, c.c.quantity_high).where(
        (c.c.quantity_low.is_not(None)) | (c.c.quantity_high.is_not(None))
    )
    found: dict[str, list[dict]] = {}
    for claim in connection.execute(query).mappings():
        if (claim["unit"] or "count") == "count":  # money is no number of items
            found.setdefault(claim["transfer_id"], []).append(dict(claim))
    return [{**row, "count_claims": found.get(row["id"], [])} for row in rows]


def _stage_numbers(row: dict) -> tuple | None:
    """The counts of the transfer's pledges and of its delivery reports, each a range over its
    reports; None (the count goes under the transfer's stage) for a row read without its claims'
    counts, or whose count a review corrected (the claims no longer give it)."""
    claims = row.get("count_claims")
    if claims is None or _hull(claims) != _count(row):
        return None
    return _hull([c for c in claims if c["status"] in ORDERED]), _hull([c for c in claims if c["status"] in EXECUTED])


def _hull(claims: list[dict]) -> str | float | int | None:
    """The range the claims' counts span, as the register writes a number ("20-30", 25)."""
    found = quantities(claims)
    return _number({"quantity_low": found[0]["low"], "quantity_high": found[0]["high"]}) if found else None


def kiel(row: dict) -> dict:
    """Donor, recipient, date announced, type, item, quantity, source."""
    outlets = sorted({e["outlet"] for e in row.get("history") or [] if e.get("outlet")})
    return {
        "donor": row["supplier"],
        "donor_name": actor_name(row["supplier"]),
        "recipient": row["recipient"],
        "recipient_name": actor_name(row["recipient"]),
        "date_announced": _announced(row),
        "type": "financial" if row["category"] == "funding" else "military",
        "item": "; ".join(row.get("items") or []) or row["category"],
        "quantity": _count(row),  # of items: an amount of money is in `quantities`, with its currency
        "quantities": quantities_text(row),
        "status": row["status"],
        "contested": bool(row.get("contested")),
        "source": "; ".join(outlets),
        "id": row["id"],
    }


def _number(row: dict) -> str | float | int | None:
    low, high = row.get("quantity_low"), row.get("quantity_high")
    if low is None and high is None:
        return None
    if low == high or high is None:
        return _whole(low)
    return f"{_whole(low)}-{_whole(high)}" if low is not None else _whole(high)


def _whole(value: float) -> float | int:
    """A count as the integer it is (18, not 18.0 or 1.8e+01)."""
    return int(value) if float(value).is_integer() else value


def _count(row: dict) -> str | float | int | None:
    """The number of items (a register counts items, never money), when a count was reported."""
    counts = [q for q in row.get("quantities") or [] if q["unit"] == "count"]
    if not row.get("quantities"):
        return _number(row)  # a ledger merged before quantities were kept per unit
    return _number({"quantity_low": counts[0]["low"], "quantity_high": counts[0]["high"]}) if counts else None


def _year_of_order(row: dict) -> str | None:
    """The year of the earliest dated pledge in the transfer's history; None without one."""
    years = [e["date"][:4] for e in row.get("history") or [] if e.get("date") and e["status"] in ORDERED]
    return min(years) if years else None


def _announced(row: dict) -> str | None:
    """The date of the transfer's first pledge or delivery report, as an aid tracker dates a
    commitment; None for one only weighed, requested or refused (nothing was announced)."""
    dates = [e["date"] for e in row.get("history") or [] if e.get("date") and e["status"] in ORDERED | EXECUTED]
    return min(dates) if dates else None


def _years(row: dict) -> str | None:
    years = sorted({e["date"][:4] for e in row.get("history") or [] if e.get("date") and e["status"] in EXECUTED})
    return "-".join(dict.fromkeys([years[0], years[-1]])) if years else None


def _comments(row: dict) -> str:
    parts = [f"{row['disclosure'] or 'unknown'} disclosure", f"{row['corroboration']} source(s)"]
    if row.get("contested"):
        parts.append("contested: " + ", ".join(d["kind"] for d in row.get("disagreements") or []))
    if row.get("via"):
        parts.append("via " + ",".join(row["via"]))
    return "; ".join(parts)


LAYOUTS = {"flat": flat, "sipri": sipri, "kiel": kiel}
# Each layout's columns, in order: an export of an empty ledger still has them.
COLUMNS = {"flat": FLAT_COLUMNS, "sipri": SIPRI_COLUMNS, "kiel": KIEL_COLUMNS}


def render(rows: list[dict], fmt: str, layout: str = "flat", path: Path | None = None) -> str | None:
    """CSV or JSON text (returned), or Parquet (written to `path`)."""
    if layout not in LAYOUTS:
        raise UsageError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    table = [LAYOUTS[layout](row) for row in rows]
    if fmt == "json":
        return json.dumps(table, ensure_ascii=False, indent=2, default=str)
    if fmt == "csv":
        return _csv(table, COLUMNS[layout])
    if fmt == "parquet":
        if path is None:
            raise UsageError("parquet needs --out FILE")
        _parquet(table, COLUMNS[layout], path)
        return None
    raise UsageError(f"unknown format {fmt!r}; choose csv, json or parquet")


# UTF-8's byte-order mark, which a CSV starts with only when asked (`export --bom`, the ledger page's
# download): Excel reads a CSV without it in the machine's legacy code page ("TÃ¼rkiye"), while
# programs (Python's csv, cut, diff) would take it for part of the first column's name.
BOM = "\ufeff"
# A cell a spreadsheet would read as a formula (OWASP, "CSV injection"): page text such as an item
# or an outlet that opens with one of these ("=HYPERLINK(...)", "@SUM(...)", "-2+3") gets an
# apostrophe before it, which marks a cell as text in Excel and LibreOffice. Only CSV: JSON and
# Parquet keep the text as it is, for programs.
FORMULA_OPENERS = ("=", "+", "-", "@", "\t", "\r")
# A number written as text is no formula and stays a number: "-5", "+3.5", "-1,200".
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")


def _csv(table: list[dict], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in table)
    return buffer.getvalue()


def spreadsheet_safe(value: object) -> object:
    """A CSV cell's value, with an apostrophe before text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_OPENERS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


# The Parquet type of each column that is not text (pyarrow's name for it): a reader gets a flag
# as a boolean (the text "False" is true to pandas) and numbers it can sum. A count column of the
# SIPRI and Kiel layouts is text, since it may hold a range ("18-31").
PARQUET_TYPES = {"contested": "bool_", "corroboration": "int64", "quantity_low": "float64", "quantity_high": "float64"}


def _parquet(table: list[dict], columns: tuple[str, ...], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    values = {}
    for k in columns:
        if k in PARQUET_TYPES:
            values[k] = pa.array([r[k] for r in table], getattr(pa, PARQUET_TYPES[k])())
        else:
            values[k] = pa.array([str(r[k]) if r[k] is not None else None for r in table], pa.string())
    pq.write_table(pa.table(values), path)
