"""Ledger commands: ingest, ledger, show, review, export (registered on the main app)."""

from __future__ import annotations

import json
import socket
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from materiel import api
from materiel.cli_app import FORMAT_FLAG, Paths, Workers, _with_progress, app, db_path, err, fail, out, report
from materiel.cli_show import print_transfer, quantity_label
from materiel.countries import labelled
from materiel.errors import Interrupted, MaterielError, UsageError, WriteError

if TYPE_CHECKING:
    from materiel.ledger.queries import Filters
    from materiel.ledger.store import IngestSummary

# The ledger's modules (SQLAlchemy, datasketch) are imported inside the commands that use them, so
# that `materiel clean` and `materiel extract` start without them.


class LedgerFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    parquet = "parquet"


class Layout(StrEnum):
    flat = "flat"
    sipri = "sipri"
    kiel = "kiel"


Db = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite path (default: MATERIEL_DB or materiel.db).", parser=db_path),
]


@app.command()
def ingest(paths: Paths, db: Db = None, workers: Workers = 1) -> None:
    """Extract pages and store them in the ledger (idempotent; one transaction per batch)."""
    from materiel.ledger.store import IngestSummary

    summary = IngestSummary()
    made = _new_ledger_file(db)
    try:
        _ingest_paths(paths, db, workers, summary, made)
    except MaterielError as error:
        fail(error)
    except KeyboardInterrupt:
        stopped = Interrupted(f"stopped; {summary.kept()}: run the same ingest again to add the rest")
    else:
        stopped = None
    for failure in summary.failures:  # those an interrupted ingest saw too
        report(failure)
    if stopped is not None:
        fail(stopped)
    err.print(" ".join(f"{k} {v}" for k, v in summary.to_dict().items()), highlight=False)
    raise typer.Exit(1 if summary.failed else 0)


def _ingest_paths(paths: list[Path], db: str | None, workers: int, summary: IngestSummary, made: Path | None) -> None:
    """The ingest's work, its failures noted in `summary`: paths that are not there and folders
    with no page are reported (no ledger made for them); otherwise every page goes into the ledger."""
    from materiel.ledger.store import Store
    from materiel.pipeline import Failure
    from materiel.read import read_paths, walk
    from materiel.spark_merge import read_transfers

    if not any(path.exists() for path in paths):
        # nothing to read (a mistyped path): each reported, and no ledger made for it
        for missing in read_paths(paths):
            summary.note(missing)  # type: ignore[arg-type]  (a path that is not there reads as a Failure)
    elif not any(True for _ in walk(paths)):
        for folder in paths:  # an empty folder (or one of ledgers and assets only): a wrong path, likely
            summary.note(Failure(str(folder), NO_PAGES))
    else:
        store = Store(db)
        items = _with_progress(api.extract(paths, workers=workers, memory=store.sites()), paths)
        store.ingest(items, merged=read_transfers(paths), summary=summary)
        _drop_if_unused(made, summary)


# Why an ingest of folders with no page in them fails (a ledger is made for no page).
NO_PAGES = "no page to read here (an empty folder?): nothing ingested, no ledger made"
# The files SQLite keeps beside a ledger while it writes (removed with a ledger no page went into).
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")


def _new_ledger_file(db: str | None) -> Path | None:
    """The file of a SQLite ledger that does not exist yet (this ingest would make it), or None."""
    from sqlalchemy.engine import make_url

    from materiel.ledger.store import database_url

    url = make_url(database_url(db))
    name = url.database if url.get_backend_name() == "sqlite" else None
    if not name or name == ":memory:" or name.startswith("file:") or Path(name).exists():
        return None
    return Path(name)


def _drop_if_unused(made: Path | None, summary: IngestSummary) -> None:
    """Remove the ledger this ingest made when no page went into it (every page failed or was
    empty): an empty ledger left behind reads as a run that worked, and hides the mistyped path."""
    if made is None or summary.new or summary.duplicate or summary.versions:
        return
    for path in (made, *(made.with_name(made.name + side) for side in SQLITE_SIDE_FILES)):
        path.unlink(missing_ok=True)


@app.command()
def ledger(
    db: Db = None,
    supplier: Annotated[str | None, typer.Option(help="Supplier: ISO alpha-3 code, slug or country name.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient: code, slug or country name.")] = None,
    via: Annotated[str | None, typer.Option(help="Intermediary: code, slug or country name.")] = None,
    category: Annotated[str | None, typer.Option(help="Item category.")] = None,
    status: Annotated[str | None, typer.Option(help="Current status.")] = None,
    since: Annotated[str | None, typer.Option(help="Last reported on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="First reported on or before (YYYY-MM-DD).")] = None,
    min_sources: Annotated[int, typer.Option(help="At least this many independent outlets.")] = 0,
    contested: Annotated[
        bool, typer.Option("--contested", help="Only transfers whose reports disagree (delivered vs denied, ...).")
    ] = False,
    rejected: Annotated[
        bool, typer.Option("--rejected", help="Also list the transfers a review rejected (review column: rejected).")
    ] = False,
    fmt: Annotated[LedgerFormat, FORMAT_FLAG] = LedgerFormat.table,
) -> None:
    """The merged transfers, one row each, with review decisions applied."""
    from materiel.ledger.queries import Filters

    filters = Filters(supplier, recipient, via, category, status, since, until, min_sources, include_rejected=rejected)
    filters.contested = True if contested else None
    rows = _rows(db, filters)
    if fmt is LedgerFormat.table:
        out.print(_ledger_table(rows))
    else:
        _print_export(rows, fmt.value, "flat")


def _rows(db: str | None, filters: Filters, counts: bool = False) -> list[dict]:
    """The transfers the filters keep; `counts`: with their claims' counts (the SIPRI layout's)."""
    from materiel.ledger.export import with_count_claims
    from materiel.ledger.queries import list_transfers
    from materiel.ledger.store import Store

    try:
        with Store(db, readonly=True).connect() as connection:
            rows = list_transfers(connection, filters)
            return with_count_claims(connection, rows) if counts else rows
    except MaterielError as error:
        fail(error)
    return []


# The columns of the ledger's table, in order.
LEDGER_COLUMNS = (
    "id",
    "supplier",
    "recipient",
    "via",
    "category",
    "quantity",
    "status",
    "disclosure",
    "contested",
    "sources",
    "first seen",
    "review",
)


def _ledger_table(rows: list[dict]) -> Table:
    table = Table(title=f"{len(rows)} transfers")
    for name in LEDGER_COLUMNS:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*_ledger_cells(row))
    return table


def _ledger_cells(row: dict) -> tuple[str, ...]:
    """A transfer's cells under LEDGER_COLUMNS."""
    return (
        row["id"],
        labelled(row["supplier"]),
        labelled(row["recipient"]),
        ",".join(row["via"]),
        row["category"],
        quantity_label(row),
        row["status"],
        row["disclosure"] or "",
        "contested" if row.get("contested") else "",
        str(row["corroboration"]),
        row["first_seen"] or "",
        row["review"] or "",
    )


def _print_export(rows: list[dict], fmt: str, layout: str, path: Path | None = None, bom: bool = False) -> None:
    from materiel.ledger import export as exports

    try:
        if bom and fmt != "csv":
            raise UsageError("--bom is for --format csv (a spreadsheet's encoding mark)")
        text = exports.render(rows, fmt, layout, path)
        text = exports.BOM + text if bom and text is not None else text
        if text is not None and path is not None:
            path.write_text(text, encoding="utf-8")
    except MaterielError as error:
        fail(error)
    except OSError as error:
        fail(WriteError(f"cannot write {path}: {error.strerror or error}"))
    if text is not None and path is None:  # untouched: the console would drop CRs and make emoji
        sys.stdout.write(text)
        sys.stdout.flush()


@app.command()
def show(
    transfer_id: Annotated[str, typer.Argument(help="Transfer id from `materiel ledger`.")],
    db: Db = None,
    fmt: Annotated[ShowFormat, FORMAT_FLAG] = ShowFormat.text,
) -> None:
    """One transfer: its history and each claim's evidence sentence with its article."""
    from materiel.ledger.queries import get_transfer
    from materiel.ledger.store import Store

    try:
        with Store(db, readonly=True).connect() as connection:
            row = get_transfer(connection, transfer_id)
    except MaterielError as error:
        fail(error)
    if fmt is ShowFormat.json:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    print_transfer(out, row)


# review's repeatable options, named here to keep the command's signature short.
SetFields = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        help="Correct a field: field=value (repeatable). supplier, recipient and via (comma-separated) take "
        "actor ids (UKR or UA, SUN, nato); status, category and disclosure a value of their closed sets.",
    ),
]
UnsetFields = Annotated[
    list[str] | None,
    typer.Option(
        "--unset",
        help="Undo a field's corrections: it shows the extracted value again (repeatable; kept in the "
        "transfer's reviews).",
    ),
]


@app.command()
def review(
    transfer_id: Annotated[str, typer.Argument(help="Transfer id.")],
    confirm: Annotated[bool, typer.Option("--confirm", help="Mark the transfer as checked and right.")] = False,
    reject: Annotated[
        bool, typer.Option("--reject", help="Mark the transfer as wrong (hidden from the ledger).")
    ] = False,
    set_: SetFields = None,
    unset: UnsetFields = None,
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    db: Db = None,
) -> None:
    """Confirm, reject, correct a transfer or undo a correction; decisions survive re-ingest and re-merge."""
    try:
        actions = _review_actions(confirm, reject, set_ or [], unset or [])
        _record_reviews(db, transfer_id, actions, note)
    except MaterielError as error:
        fail(error)
    err.print(f"recorded {len(actions)} decision(s) on {transfer_id}")


def _record_reviews(db: str | None, transfer_id: str, actions: list[tuple], note: str | None) -> None:
    """The command's decisions on a transfer, in one transaction."""
    from materiel.ledger.review import record_review
    from materiel.ledger.store import Store

    Store(db, readonly=True)  # a ledger that is not there is an error, not a new empty one
    store = Store(db)
    with store.engine.begin() as connection:
        for place, (action, field, value) in enumerate(actions, 1):
            said = note if place == 1 else None  # the command's note, kept once
            record_review(connection, transfer_id, action, field, value, said, last=place == len(actions))


def _review_actions(confirm: bool, reject: bool, sets: list[str], unsets: list[str]) -> list[tuple]:
    from materiel.ledger.review_checks import REVIEWABLE, check_field

    if confirm and reject:
        raise UsageError("--confirm and --reject exclude each other")
    actions: list[tuple] = [("confirm", None, None)] if confirm else [("reject", None, None)] if reject else []
    for item in sets:
        field, sep, value = item.partition("=")
        if not sep:
            raise UsageError(f"--set takes field=value, not {item!r}")
        check_field(field.strip(), value.strip())  # a bad value is refused before the ledger is opened
        actions.append(("set", field.strip(), value.strip()))
    for field in (item.strip() for item in unsets):
        if field not in REVIEWABLE:
            raise UsageError(f"cannot unset {field!r}; fields: {', '.join(sorted(REVIEWABLE))}")
        if any(action[1] == field for action in actions):
            raise UsageError(f"--set and --unset of {field} exclude each other")
        actions.append(("unset", field, None))
    if not actions:
        raise UsageError("say what to record: --confirm, --reject, --set field=value or --unset field")
    return actions


@app.command()
def export(
    fmt: Annotated[ExportFormat, FORMAT_FLAG] = ExportFormat.csv,
    layout: Annotated[Layout, typer.Option(help="flat, sipri (trade register) or kiel (aid list).")] = Layout.flat,
    out_path: Annotated[Path | None, typer.Option("--out", help="Write to this file (required for parquet).")] = None,
    db: Db = None,
    bom: Annotated[
        bool, typer.Option("--bom", help="Begin the CSV with a UTF-8 byte-order mark, for Excel (names like Türkiye).")
    ] = False,
) -> None:
    """Export the ledger as CSV, JSON or Parquet, flat or in SIPRI / Kiel layout.

    In CSV, a text cell that opens with = + - @ (a formula, to a spreadsheet) starts with an apostrophe."""
    from materiel.ledger.queries import Filters

    rows = _rows(db, Filters(), counts=layout is Layout.sipri)
    _print_export(rows, fmt.value, layout.value, out_path, bom)


# TCP's ports are 16-bit: a larger one was an OverflowError inside bind(), an internal error.
MAX_PORT = 65535


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.", min=0, max=MAX_PORT)] = 8000,
) -> None:
    """The web app and JSON API over the ledger (writes need MATERIEL_TOKEN)."""
    import uvicorn

    from materiel.ledger.store import Store
    from materiel.web.app import create_app

    try:
        Store(db, readonly=True)
        listening = _listen(host, port)
    except MaterielError as error:
        fail(error)
    server = uvicorn.Server(uvicorn.Config(create_app(db), host=host, port=port, log_level="warning"))
    server.run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    """The server's socket, bound here so that a port in use or a host that is not this machine's
    is one JSON error line (uvicorn would log it and exit with code 3).

    The socket says it is TCP (proto IPPROTO_TCP; socket.create_server leaves 0): asyncio turns
    Nagle's algorithm off (TCP_NODELAY) only on the connections of such a socket, and with it on,
    each response's last small segment waited for the client's delayed ACK, about 40 ms a request."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        bound = socket.create_server((host, port), family=family)
    except OSError as error:
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    return socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, fileno=bound.detach())
