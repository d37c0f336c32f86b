"""The ledger store: SQLite by default, PostgreSQL with the same code (SQLAlchemy Core).

Ingest is idempotent: an article's id is the hash of its normalised clean text, so the same page
twice adds nothing; a page whose text changed becomes a new version linked to the old. Each batch
of articles is one transaction, so a crash loses at most the batch in flight, and a re-run adds
exactly what is missing.

A batch is written with one `executemany` per table and marks its claims and the (supplier,
recipient, category) groups they touch as pending; after the batches, the pending claims are
folded into their groups' stored transfers in place (merge.fold), each transaction clearing the
marks it merged. The cost of an ingest follows the size of the batch, not of the ledger.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, inspect, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from materiel.article import Article
from materiel.errors import StoreError, number_setting
from materiel.ledger import schema
from materiel.ledger.batch import write_batch
from materiel.ledger.merge import merge_pending, rebuild_transfers
from materiel.ledger.rows import article_key, outlet_of
from materiel.ledger.sitelines import LedgerSites
from materiel.pipeline import Failure

if TYPE_CHECKING:
    import sqlite3

DEFAULT_DB = "materiel.db"
# Articles per transaction: small enough that a crash loses little work, large enough that
# commits do not dominate the time of an ingest.
BATCH_SIZE = int(number_setting("MATERIEL_BATCH_SIZE", 50, minimum=1))
# Articles per transaction when they come already extracted (Spark's Parquet): no extraction
# work is lost with a batch, and larger batches amortise the commit and the per-batch queries.
# SQLite's page cache per connection (KiB): its default (2 MiB) holds little of a large ledger's
# indexes, so each batch re-reads their pages from the file; 64 MiB keeps the pages an ingest
# touches, a fixed amount whatever the ledger's size.
SQLITE_CACHE_KIB = 65536
# Pages read through a memory map: no read call and copy per page of a large file.
SQLITE_MMAP_BYTES = 1 << 30
BULK_BATCH_SIZE = int(number_setting("MATERIEL_BULK_BATCH_SIZE", 1000, minimum=1))


def database_url(value: str | None = None) -> str:
    """--db, else MATERIEL_DB, else ./materiel.db; a bare path means a SQLite file."""
    value = value or os.environ.get("MATERIEL_DB") or DEFAULT_DB
    return value if "://" in value else f"sqlite:///{value}"


@dataclass
class IngestSummary:
    read: int = 0  # the articles of the batches written, and every failure seen
    new: int = 0
    duplicate: int = 0
    versions: int = 0
    failed: int = 0
    skipped: int = 0  # empty pages: reported with the failures, and no failure
    failures: list[Failure] = field(default_factory=list)

    def note(self, failure: Failure) -> None:
        """Count a failure seen (a skip is counted apart, and no failure) and keep it to report."""
        self.read += 1
        self.skipped += failure.skipped
        self.failed += not failure.skipped
        self.failures.append(failure)

    def kept(self) -> str:
        """What an interrupted ingest kept, and the failures it saw, in words."""
        return (
            f"the batches written so far are kept: {self.new} new article(s), {self.duplicate} duplicate(s),"
            f" {self.versions} new version(s); {self.failed} failed and {self.skipped} skipped, reported above"
        )

    def to_dict(self) -> dict:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "versions": self.versions,
            "failed": self.failed,
            "skipped": self.skipped,
        }


class Store:
    def __init__(self, url: str | None = None, readonly: bool = False) -> None:
        self.url = database_url(url)
        self.readonly = readonly
        self.engine = _engine(self.url, readonly)
        if readonly:
            self._check_readable()
            return
        try:
            with self.engine.begin() as connection:
                schema.migrate(connection)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot open the ledger at {shown(self.url)}: {_reason(error)}") from error

    def _check_readable(self) -> None:
        """A ledger the reading commands can read: a database (not corrupt, not locked past the busy
        timeout) that materiel wrote, at this schema version: one an older materiel wrote is
        upgraded first, as the next ingest would upgrade it."""
        try:
            with self.engine.connect() as connection:
                missing = _missing_migrations(connection)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot read the ledger at {shown(self.url)}: {_reason(error)}") from error
        if missing is None:
            raise StoreError(f"no ledger at {shown(self.url)}: run `materiel ingest` first")
        if missing:
            Store(self.url)

    def ingest(
        self,
        items: Iterable[Article | Failure],
        batch_size: int | None = None,
        merged: list[dict] | None = None,
        summary: IngestSummary | None = None,
    ) -> IngestSummary:
        """Store the articles; `merged`: transfers merged on Spark for them, when the ledger held no
        claim before (the same rows the ledger's own merge gives; it builds them with their state).
        `summary`, when given, is kept up to date as the ingest goes: after a Ctrl-C it holds the
        failures seen and the articles of the batches written."""
        summary = summary if summary is not None else IngestSummary()
        merged = merged if merged is not None and self._empty() else None
        batches = _batches(
            _noting_failures(items, summary), batch_size or BATCH_SIZE, max(batch_size or 0, BULK_BATCH_SIZE)
        )
        for batch in batches:
            articles = [a for a in batch if isinstance(a, Article)]
            self._write_batch(articles, summary)
        if merged is not None:
            self._load_merged()
        self.merge_pending()
        return summary

    def _empty(self) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(select(schema.claims.c.id).limit(1)).first() is None

    def _load_merged(self) -> None:
        """Spark's transfers for an empty ledger: built here at once from all claims, with the rows
        and state that later ingests fold into, in one pass instead of group by group."""
        with self.engine.begin() as connection:
            rebuild_transfers(connection)

    def _write_batch(self, articles: list[Article], summary: IngestSummary) -> None:
        try:
            with self.engine.begin() as connection:
                new, duplicate, versions = write_batch(connection, articles)
        except OperationalError as error:
            raise StoreError(
                f"could not write to the ledger ({_reason(error)}); the batch was rolled back and nothing else changed"
            ) from error
        summary.read += len(articles)
        summary.new += new
        summary.duplicate += duplicate
        summary.versions += versions

    def merge_pending(self) -> int:
        """Fold the pending claims into their transfers (reviews are untouched)."""
        try:
            return merge_pending(self.engine)
        except OperationalError as error:
            raise StoreError(f"could not merge the ledger's transfers ({_reason(error)})") from error

    def merge(self) -> int:
        """Rebuild the merged transfers from all claims (reviews are untouched)."""
        with self.engine.begin() as connection:
            return rebuild_transfers(connection)

    def connect(self) -> Connection:
        return self.engine.connect()

    def sites(self) -> LedgerSites:
        """The ledger's line counts per site, for the cleaning of the pages of a later ingest."""
        return LedgerSites(self.engine)


def shown(url: str) -> str:
    """A database URL as messages show it: its password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _engine(url: str, readonly: bool) -> Engine:
    try:
        return _made_engine(url, readonly)
    except (ArgumentError, ImportError) as error:  # a URL of no database SQLAlchemy has a driver for here
        raise StoreError(f"cannot use {shown(url)} as the ledger (SQLite or PostgreSQL): {error}") from error


def _made_engine(url: str, readonly: bool) -> Engine:
    if url.startswith("sqlite:///") and readonly:
        path = url.removeprefix("sqlite:///")
        if not Path(path).exists():
            raise StoreError(f"no ledger at {path}: run `materiel ingest` first")
        engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    elif url.startswith("postgresql") and readonly:
        engine = create_engine(url, execution_options={"postgresql_readonly": True})
    else:
        engine = create_engine(url)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _missing_migrations(connection: Connection) -> int | None:
    """How many of the schema's migrations the ledger has not had; None for a database that holds
    no ledger."""
    if not inspect(connection).has_table(schema.schema_version.name):
        return None
    done = set(connection.execute(select(schema.schema_version.c.version)).scalars())
    return len(set(range(1, len(schema.MIGRATIONS) + 1)) - done)


def _sqlite_pragmas(connection: sqlite3.Connection, _record: object) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")  # ingest and serve share the file
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def _reason(error: SQLAlchemyError) -> str:
    return str(getattr(error, "orig", error)).splitlines()[0]


def _noting_failures(items: Iterable[Article | Failure], summary: IngestSummary) -> Iterator[Article | Failure]:
    """The items, each failure counted and kept in the summary as it passes (an interrupted ingest
    still reports the ones it saw)."""
    for item in items:
        if isinstance(item, Failure):
            summary.note(item)
        yield item


def _batches(items: Iterable, size: int, bulk: int) -> Iterator[list]:
    """Batches of `size` items, or of `bulk` while every item came already extracted."""
    batch: list = []
    extracted = True
    for item in items:
        batch.append(item)
        extracted = extracted and isinstance(item, Article) and item.done
        if len(batch) >= (bulk if extracted else size):
            yield batch
            batch, extracted = [], True
    if batch:
        yield batch


__all__ = ["IngestSummary", "Store", "article_key", "database_url", "outlet_of"]
