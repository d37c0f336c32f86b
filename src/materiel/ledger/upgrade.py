"""Schema versions 3 and 4 on a ledger of any age.

Version 3: the band table filled from the stored signatures. A ledger written before version 3
keeps each article's MinHash in `articles.minhash`; its bands are computed from those values, so
its near-duplicate groups go on exactly as before. Its merged transfers were rebuilt whole at its
last ingest, so no group is pending.

Version 4: the site line counts, created empty. The lines a page had when it was counted are not
stored (its clean text has lost them), so the pages already in the ledger are not counted: a
page counts when it is next ingested, once.
"""

from __future__ import annotations

from sqlalchemy import select
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
