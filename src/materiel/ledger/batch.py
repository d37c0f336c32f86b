"""One batch of articles into the ledger: a few queries for the whole batch, one `executemany`
per table, the new claims and their merge groups marked pending, and the pages' lines counted per
site (each page once, see sitelines), all in the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, null, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from materiel.article import Article
from materiel.ledger import schema
from materiel.ledger.dedupe import KEYS_PER_QUERY, BatchGroups, band_keys, signature
from materiel.ledger.merge import chunks
from materiel.ledger.rows import BatchRows, article_key, article_row, group_key, outlet_of
from materiel.ledger.sitelines import store_site_lines
from materiel.read.ids import page_of


def write_batch(connection: Connection, articles: list[Article]) -> tuple[int, int, int]:
    """Insert the batch's new articles and their findings; (new, duplicate, versions)."""
    keys = [article_key(a) for a in articles]
    stored = _existing(connection, keys)
    previous, stored_versions = _previous_versions(connection, articles)
    fresh = _first_of_each_key(articles, keys, set(stored))
    _retire(connection, {i for k, a in fresh for i in stored_versions.get(version_key(a.id, a.source), ()) if i != k})
    signatures = {key: [int(v) for v in signature(a.text).hashvalues] for key, a in fresh}
    bands = {key: band_keys(values) for key, values in signatures.items()}
    groups = BatchGroups(connection, (k for found in bands.values() for k in found))
    rows = BatchRows()
    versions, latest, superseded = 0, {}, set()
    for key, article in fresh:
        page = version_key(article.id, article.source)
        earlier = previous.setdefault(page, key)
        versions += earlier != key
        superseded.update([latest[page]] if page in latest else [])
        latest[page] = key
        group = groups.group_for(key, bands[key])
        rows.articles.append(article_row(key, article, earlier if earlier != key else None, group, signatures[key]))
        rows.bands.extend({"key": band, "article_id": key} for band in bands[key])
        rows.add_findings(key, article)
    _insert(connection, rows)
    _retire(connection, superseded)  # a feed's record given again below, changed: the last one stands
    _keep_copies(connection, articles, keys, {**stored, **{key: outlet_of(a) for key, a in fresh}})
    store_site_lines(connection, articles)
    return len(fresh), len(articles) - len(fresh), versions


def _existing(connection: Connection, keys: list[str]) -> dict[str, str | None]:
    """The keys already in the ledger, each with its article's outlet."""
    a = schema.articles
    found: dict[str, str | None] = {}
    for chunk in chunks(sorted(set(keys)), KEYS_PER_QUERY):
        found.update(dict(connection.execute(select(a.c.id, a.c.outlet).where(a.c.id.in_(chunk))).all()))
    return found


def _keep_copies(connection: Connection, articles: list[Article], keys: list[str], outlets: dict) -> None:
    """The outlets of the batch's exact copies of an article (stored, or new in this batch) that
    another outlet ran: the copy is not stored again, but who carried it is (once per outlet)."""
    copies: dict[tuple[str, str], dict] = {}
    for key, article in zip(keys, articles, strict=True):
        outlet = outlet_of(article)
        if outlet and outlet != outlets[key]:
            copies.setdefault(
                (key, outlet), {"article_id": key, "outlet": outlet, "url": article.url, "source": article.source}
            )
    if copies:
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        connection.execute(dialect.insert(schema.article_copies).on_conflict_do_nothing(), list(copies.values()))


def version_key(external_id: str, source: str) -> tuple[str, str]:
    """What makes two stored articles versions of one page: its id where it was read. A feed
    record is its id in its feed, at whatever line: a feed written again with a record above a
    corrected one moved it, and its old version's claims stayed beside the new ones."""
    return external_id, page_of(source)


def _previous_versions(connection: Connection, articles: list[Article]) -> tuple[dict[tuple, str], dict[tuple, list]]:
    """version_key -> the first stored article with it (a changed page's old version), and ->
    every stored article with it (the versions a new one supersedes)."""
    a = schema.articles
    found: dict[tuple, str] = {}
    every: dict[tuple, list] = {}
    for chunk in chunks(sorted({article.id for article in articles}), KEYS_PER_QUERY):
        query = select(a.c.external_id, a.c.source, a.c.id).where(a.c.external_id.in_(chunk))
        for external, source, ident in connection.execute(query):
            found.setdefault(version_key(external, source), ident)
            every.setdefault(version_key(external, source), []).append(ident)
    return found, every


def _retire(connection: Connection, superseded: set[str]) -> None:
    """The claims of a page's earlier versions leave the ledger, since the page now says otherwise
    (a corrected count, supplier or stage): deleted with their sources and responses (the old text
    stays, as the new version's `version_of`), and the transfers that held them lose their merge
    state, so that this ingest's merge rebuilds their groups from the claims that remain."""
    c, held, transfers = schema.claims, schema.transfer_claims, schema.transfers
    for chunk in chunks(sorted(superseded), KEYS_PER_QUERY):
        claims = connection.execute(
            select(c.c.id, c.c.supplier, c.c.recipient, c.c.category).where(c.c.article_id.in_(chunk))
        ).all()
        for ids in chunks([claim.id for claim in claims], KEYS_PER_QUERY):
            holders = select(held.c.transfer_id).where(held.c.claim_id.in_(ids))
            connection.execute(update(transfers).where(transfers.c.id.in_(holders)).values(merge_state=null()))
            for table in (schema.sources, schema.responses, schema.pending_claims, c):
                connection.execute(delete(table).where((c.c.id if table is c else table.c.claim_id).in_(ids)))
        mark_pending(connection, [group_key(claim.supplier, claim.recipient, claim.category) for claim in claims])


def _first_of_each_key(articles: list[Article], keys: list[str], stored: set[str]) -> list[tuple[str, Article]]:
    """The batch's articles not in the ledger yet, each text once (a repeat is a duplicate)."""
    seen = set(stored)
    fresh = []
    for key, article in zip(keys, articles, strict=True):
        if key not in seen:
            seen.add(key)
            fresh.append((key, article))
    return fresh


def _insert(connection: Connection, rows: BatchRows) -> None:
    for table, values in (
        (schema.articles, rows.articles),
        (schema.claims, rows.claims),
        (schema.sources, rows.sources),
        (schema.responses, rows.responses),
        (schema.quotes, rows.quotes),
        (schema.article_bands, rows.bands),
        (schema.pending_claims, rows.pending),
    ):
        for same_columns in _by_columns(values):
            connection.execute(table.insert(), same_columns)
    mark_pending(connection, rows.groups)


def _by_columns(rows: list[dict]) -> list[list[dict]]:
    """Rows split by the columns they name: one executemany binds the same columns for every row,
    and a column a row leaves out must stay SQL NULL (a JSON column would store 'null' for None)."""
    split: dict[tuple, list[dict]] = {}
    for row in rows:
        split.setdefault(tuple(row), []).append(row)
    return list(split.values())


def mark_pending(connection: Connection, groups: Iterable[str]) -> None:
    """Mark merge groups pending (a group already pending stays so, once). A group marked with no
    pending claim of its own is rebuilt from all its claims at the next merge."""
    values = [{"key": key} for key in sorted(set(groups))]
    if not values:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    connection.execute(dialect.insert(schema.pending_groups).on_conflict_do_nothing(), values)
