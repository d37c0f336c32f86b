"""Schema versions 3 to 5, and 8, on a ledger of any age.

Version 3: the band table filled from the stored signatures. A ledger written before it keeps
each article's MinHash in `articles.minhash`; its bands are computed from those values, so its
near-duplicate groups go on exactly as before.

Version 4: the site line counts, created empty. The lines a page had when it was counted are not
stored (its clean text has lost them), so the pages already in the ledger are not counted: a
page counts when it is next ingested, once.

Version 5: a transfer's claims, history and disagreements are rows (`transfer_claims`,
`transfer_events`, `transfer_sides`) and its `merge_state` holds what folding a new claim into it
needs; the JSON `history`, `claim_ids` and `disagreements` columns go. Every transfer is rebuilt
once from its claims (the same rows as before, now with their state), and whatever was pending is
merged by that rebuild. Reviews are untouched.

Version 8: the sentences that decided a claim's status, via and quantity (`claims.status_span`,
`via_span`, `quantity_span`) and the sentence citing each source (`sources.sentence_start`,
`sentence_end`), added empty. A claim stored before them keeps NULL: they are known only while a
page is extracted, and an unchanged page is not extracted again; `show` and the page show those
fields without a sentence, as before. Re-ingesting a changed page fills them.
"""

from __future__ import annotations

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection

from materiel.ledger import schema
from materiel.ledger.dedupe import BANDS, band_keys

# Articles read per round trip while filling the band table.
BACKFILL_CHUNK = 1000


def add_bands(connection: Connection) -> None:
    for table in (schema.article_bands, schema.pending_groups):
        table.create(connection, checkfirst=True)
    for index in schema.GROUP_INDEXES:
        index.create(connection, checkfirst=True)
    if connection.execute(select(schema.article_bands.c.key).limit(1)).first() is None:
        _backfill(connection)


def _backfill(connection: Connection) -> None:
    query = select(schema.articles.c.id, schema.articles.c.minhash).where(schema.articles.c.minhash.is_not(None))
    rows: list[dict] = []
    stored = connection.execute(query.execution_options(stream_results=True, yield_per=BACKFILL_CHUNK))
    for ident, values in stored:
        rows.extend({"key": key, "article_id": ident} for key in band_keys(values))
        if len(rows) >= BACKFILL_CHUNK * BANDS:
            connection.execute(schema.article_bands.insert(), rows)
            rows = []
    if rows:
        connection.execute(schema.article_bands.insert(), rows)


def add_site_lines(connection: Connection) -> None:
    for table in (schema.site_lines, schema.site_pages):
        table.create(connection, checkfirst=True)


# The transfers' columns before version 5 that it keeps as rows instead.
DROPPED_COLUMNS = ("history", "claim_ids", "disagreements")


def add_fold_tables(connection: Connection) -> None:
    from materiel.ledger.merge import rebuild_transfers

    for table in schema.FOLD_TABLES:
        table.create(connection, checkfirst=True)
    for index in schema.FOLD_INDEXES:
        index.create(connection, checkfirst=True)
    present = {c["name"] for c in inspect(connection).get_columns("transfers")}
    if "merge_state" not in present:
        schema._add_column(connection, "transfers", schema.transfers.c.merge_state)
    for name in DROPPED_COLUMNS:
        if name in present:
            connection.execute(text(f'ALTER TABLE transfers DROP COLUMN "{name}"'))
    rebuild_transfers(connection)


def add_field_spans(connection: Connection) -> None:
    schema._add_missing_columns(connection)
