"""The ledger's tables (SQLAlchemy Core) and its numbered migrations.

Extracted data (articles, claims and their sources, responses, quotes) and derived data (merged
transfers) are kept apart from the analyst's review decisions, which no re-ingest or re-merge
touches. Each migration is a numbered function; `schema_version` records which have run.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), server_default=func.now()),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),  # hash of the normalised clean text
    Column("external_id", Text, index=True),  # the id the input gave (file stem, JSONL id, WARC id)
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", String(40)),
    Column("fetched", String(40)),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("language", String(12)),
    Column("removed", JSON, nullable=False),
    Column("repairs", JSON, nullable=False),
    Column("version_of", String(64)),  # the earlier version of the same page, when it changed
    Column("group_id", String(64), index=True),  # near-duplicate (syndication) group
    Column("minhash", JSON),
    Column("ingested_at", DateTime(timezone=True), server_default=func.now()),
    Column("published_from", String(16)),  # where the article's date came from (html-meta, file-name, ...)
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(80), primary_key=True),  # article id + ordinal: stable across re-ingest
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), index=True),
    Column("supplier", String(64)),
    Column("supplier_name", Text),
    Column("recipient", String(64)),
    Column("recipient_name", Text),
    Column("via", JSON, nullable=False),
    Column("category", String(32), nullable=False),
    Column("item_text", Text),
    Column("quantity_text", Text),
    Column("quantity_low", Float),
    Column("quantity_high", Float),
    Column("unit", String(8)),
    Column("status", String(16), nullable=False),
    Column("disclosure", String(16)),
    Column("confidence", Float),
    Column("evidence", JSON, nullable=False),
    Column("date", String(40)),  # the claim's date (ISO, as precise as its text), else the article's
    Column("date_basis", String(12)),  # sentence, paragraph or article
    Column("date_text", Text),  # the words that gave the date ("on Tuesday")
    Column("date_span", JSON),  # their offsets in the article's text
    Column("date_since", String(10)),  # "since February 2022": the start of the period
    Column("disclosure_reason", Text),  # what decided the disclosure
    Column("disclosure_span", JSON),  # the sentence that decided it
    Column("status_reason", Text),  # what decided the status ("verb: send, perfect", "stage word: agree")
    Column("status_span", JSON),  # the sentence that decided the status (null: the headline, or not known)
    Column("via_span", JSON),  # the sentence that gave the intermediary
    Column("quantity_span", JSON),  # the sentence that gave the quantity
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(80), ForeignKey("claims.id", ondelete="CASCADE"), index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16)),
    Column("start", Integer),
    Column("end", Integer),
    Column("sentence_start", Integer),  # the sentence that cites the source
    Column("sentence_end", Integer),
)

responses = Table(
    "responses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(80), ForeignKey("claims.id", ondelete="CASCADE"), index=True),
    Column("actor", String(64)),
    Column("stance", String(16)),
    Column("quote", Text),
    Column("start", Integer),
    Column("end", Integer),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), index=True),
    Column("speaker", Text),
    Column("affiliation", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
)

transfers = Table(
    "transfers",
    metadata,
    Column("id", String(40), primary_key=True),  # stable: hash of supplier, recipient, category, cluster
    Column("supplier", String(64)),
    Column("recipient", String(64)),
    Column("via", JSON, nullable=False),
    Column("category", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("disclosure", String(16)),
    Column("first_seen", String(40)),
    Column("last_seen", String(40)),
    Column("corroboration", Integer, nullable=False),
    Column("quantity_low", Float),
    Column("quantity_high", Float),
    Column("items", JSON, nullable=False),
    Column("contested", Boolean, nullable=False, server_default=false()),  # its claims disagree
    Column("quantities", JSON),  # one range per unit (count, each currency), never mixed
    # What folding a new claim into the transfer needs (merge.transfer_state): the date span and the
    # deciding claims of status, disclosure and first and last step; NULL: rebuild on the next touch.
    Column("merge_state", JSON),
)

transfer_claims = Table(
    "transfer_claims",
    metadata,
    # A transfer's claims, one row each (its claim_ids): what a disagreement with a new claim needs.
    Column("claim_id", String(80), primary_key=True),
    Column("transfer_id", String(40), nullable=False),
    Column("day", Integer, nullable=False),  # order in the transfer: the claim's day (or its article's)
    Column("window_day", Integer),  # the claim's own date (contest windows); NULL: none
    Column("report", String(64), nullable=False),  # near-duplicate group (or article): one report
    Column("status", String(16), nullable=False),
    Column("disclosure", String(16)),
    Column("unit", String(8)),
    Column("quantity_low", Float),
    Column("quantity_high", Float),
)

transfer_sides = Table(
    "transfer_sides",
    metadata,
    # A transfer's disagreements: each claim on each side of each check (contest.CHECKS) it fails.
    Column("transfer_id", String(40), primary_key=True),
    Column("check", Integer, primary_key=True),  # the check's place in contest.CHECKS
    Column("side", Integer, primary_key=True),  # 0 or 1
    Column("claim_id", String(80), primary_key=True),
    Column("day", Integer, nullable=False),  # the claim's place in claim order, with its id
)

transfer_events = Table(
    "transfer_events",
    metadata,
    # A transfer's history, one step per report (its first claim): appended, never rewritten whole.
    Column("transfer_id", String(40), primary_key=True),
    Column("report", String(64), primary_key=True),
    Column("claim_id", String(80), nullable=False),
    Column("day", Integer, nullable=False),
    Column("credit", Text),  # the outlet it counts for in corroboration (else its group)
    Column("date", String(40)),
    Column("date_basis", String(12)),
    Column("status", String(16), nullable=False),
    Column("disclosure", String(16)),
    Column("outlet", Text),
    Column("article_id", String(64)),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("transfer_id", String(40), nullable=False, index=True),
    Column("action", String(16), nullable=False),  # confirm, reject, set
    Column("field", String(32)),
    Column("value", Text),
    Column("note", Text),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
)


article_copies = Table(
    "article_copies",
    metadata,
    # An exact copy of a stored article (the same clean text and title) that another outlet ran: not
    # stored again (one report, counted once), but its outlet and address kept, so that a transfer
    # lists every outlet that carried its report.
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("outlet", Text, primary_key=True),
    Column("url", Text),
    Column("source", Text, nullable=False),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("key", BigInteger, primary_key=True),  # one LSH band of the article's MinHash (dedupe.band_keys)
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

pending_groups = Table(
    "pending_groups",
    metadata,
    # A (supplier, recipient, category) whose claims changed and whose transfers are not yet
    # rebuilt: written with the claims, cleared by the merge, so a crash between the two resumes.
    Column("key", Text, primary_key=True),  # JSON [supplier, recipient, category]
)

pending_claims = Table(
    "pending_claims",
    metadata,
    # A claim not yet folded into its transfer, with its group's key: written with the claim.
    Column("claim_id", String(80), primary_key=True),
    Column("key", Text, nullable=False, index=True),
)

site_lines = Table(
    "site_lines",
    metadata,
    # How many distinct pages of one site (clean.siterepeat.site_of) a normalised line stood on
    # (line_key), so that a later run with one page of that site knows its furniture.
    Column("outlet", Text, primary_key=True),
    Column("line_hash", BigInteger, primary_key=True),
    Column("pages", Integer, nullable=False),
)

site_pages = Table(
    "site_pages",
    metadata,
    # The pages already counted in `site_lines` (clean.siterepeat.page_key): a page read again adds nothing.
    Column("page", BigInteger, primary_key=True),
    Column("outlet", Text, nullable=False),
)

# The merge reads and rewrites one (supplier, recipient, category) group at a time.
GROUP_INDEXES = (
    Index("claims_group", claims.c.supplier, claims.c.recipient, claims.c.category),
    Index("transfers_group", transfers.c.supplier, transfers.c.recipient, transfers.c.category),
)
# Folding a claim into a transfer reads its neighbours in time, its step's outlet and its last step.
FOLD_INDEXES = (
    Index("transfer_claims_window", transfer_claims.c.transfer_id, transfer_claims.c.window_day),
    Index("transfer_events_credit", transfer_events.c.transfer_id, transfer_events.c.credit),
    Index("transfer_events_day", transfer_events.c.transfer_id, transfer_events.c.day),
)
FOLD_TABLES = (transfer_claims, transfer_events, transfer_sides, pending_claims)


def _v1(connection: Connection) -> None:
    metadata.create_all(connection, tables=[articles, claims, sources, responses, quotes, transfers, reviews])


def _v2(connection: Connection) -> None:
    """Columns added to the tables since version 1 (claim dates, disclosure evidence, contested
    transfers, quantities per unit, where an article's date came from)."""
    _add_missing_columns(connection)


def _add_missing_columns(connection: Connection) -> None:
    existing = set(inspect(connection).get_table_names())
    present = {table: {c["name"] for c in inspect(connection).get_columns(table)} for table in existing}
    for table in metadata.sorted_tables:
        for column in table.columns:
            if table.name in present and column.name not in present[table.name]:
                _add_column(connection, table.name, column)


def _add_column(connection: Connection, table: str, column: Column) -> None:
    kind = column.type.compile(dialect=connection.dialect)
    default = " DEFAULT FALSE NOT NULL" if column.server_default is not None else ""
    connection.execute(text(f'ALTER TABLE {table} ADD COLUMN "{column.name}" {kind}{default}'))


def _v3(connection: Connection) -> None:
    """The band table (with the bands of the articles already stored), pending groups, and the
    indexes of the merge by group."""
    from materiel.ledger.upgrade import add_bands

    add_bands(connection)


def _v4(connection: Connection) -> None:
    """The site line counts (empty: the pages already stored count from their next ingest)."""
    from materiel.ledger.upgrade import add_site_lines

    add_site_lines(connection)


def _v5(connection: Connection) -> None:
    """Transfers folded in place: their claims, history and disagreements as rows, their merge
    state, the pending claims; every transfer rebuilt once so that it has them."""
    from materiel.ledger.upgrade import add_fold_tables

    add_fold_tables(connection)


def _v6(connection: Connection) -> None:
    """The claims' `status_reason` (what decided each claim's stage); claims stored before it keep
    NULL, since an unchanged page is not extracted again."""
    _add_missing_columns(connection)


def _v7(connection: Connection) -> None:
    """The exact copies' outlets (empty: a copy dropped before it is kept when it is next ingested)."""
    article_copies.create(connection, checkfirst=True)


def _v8(connection: Connection) -> None:
    """The sentences that decided each claim's status, via, quantity and sources."""
    from materiel.ledger.upgrade import add_field_spans

    add_field_spans(connection)


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8]


# PostgreSQL's advisory lock for migrating a ledger ("mate" in ASCII): any fixed number will do.
MIGRATION_LOCK = 0x6D617465


def migrate(connection: Connection) -> int:
    """Run the migrations not yet applied; return the schema version. One process at a time: two
    ingests started at once into a new ledger both found no table and both made it, and the
    second failed ("table schema_version already exists"). The lock is taken only when there is
    something to do, so opening an up-to-date ledger never waits on a writer."""
    if _applied(connection) != set(range(1, len(MIGRATIONS) + 1)):
        _lock(connection)
        schema_version.create(connection, checkfirst=True)
        done = _applied(connection)  # again, under the lock: another process may have run them
        for number, step in enumerate(MIGRATIONS, 1):
            if number not in done:
                step(connection)
                connection.execute(schema_version.insert().values(version=number))
    return len(MIGRATIONS)


def _applied(connection: Connection) -> set[int]:
    if not inspect(connection).has_table(schema_version.name):
        return set()
    return set(connection.execute(select(schema_version.c.version)).scalars())


def _lock(connection: Connection) -> None:
    """Hold the ledger's write lock until the transaction ends (SQLite: the database's, waited for
    as long as the busy timeout; PostgreSQL: an advisory lock)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
