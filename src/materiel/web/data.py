"""What the web app reads: transfers (filtered, searched, sorted, paged), articles with their
findings as highlight spans, and flows between suppliers, intermediaries and recipients."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from materiel.errors import NotFound, UsageError
from materiel.ledger import listing, schema
from materiel.ledger.export import FLAT_COLUMNS
from materiel.ledger.queries import Filters, page_transfers
from materiel.web import timeline as timelines
from materiel.web.render import UNKNOWN

# The ledger's flat columns that hold one comparable value each.
SORTABLE = tuple(
    c
    for c in FLAT_COLUMNS
    if c not in ("via", "items", "review", "quantity_low", "quantity_high", "quantity_unit", "quantities")
    and not c.endswith(("_name", "_names"))
)
MAX_PAGE = 500


@dataclass
class Query:
    filters: Filters
    q: str | None = None
    sort: str = "last_seen"
    descending: bool = True
    limit: int = 100
    offset: int = 0


def check(query: Query) -> None:
    if query.sort not in SORTABLE:
        raise UsageError(f"sort must be one of: {', '.join(SORTABLE)}")
    if not 1 <= query.limit <= MAX_PAGE or query.offset < 0:
        raise UsageError(f"limit must be 1-{MAX_PAGE} and offset at least 0")


@dataclass
class View:
    """A query's view in SQL: its conditions on `transfers` and its fields (reviews applied)."""

    fields: listing.Fields
    conditions: list


def view(connection: Connection, query: Query) -> View:
    fields = listing.view_fields(connection)
    return View(fields, listing.where(connection, fields, query.filters, query.q))


def transfers(connection: Connection, query: Query) -> tuple[int, list[dict]]:
    check(query)
    total, rows, _ = page(connection, view(connection, query), query)
    return total, rows


def page(connection: Connection, viewed: View, query: Query, timeline: bool = False) -> tuple[int, list[dict], dict]:
    """The view's count, the rows of the query's page, in its order (missing values last, ties in
    id order; the rows of the page only are read), and with `timeline` the timeline's counts over
    the view (else empty): three statements, whatever the page."""
    ordered = listing.order(viewed.fields, query.sort, query.descending)
    rows, total = listing.page_rows(connection, viewed.conditions, ordered, query.limit, query.offset)
    counts = listing.history_query(viewed.conditions) if timeline else None
    if not rows and counts is None:
        return total, [], {}
    found, steps = page_transfers(connection, rows, viewed.fields.reviewed, counts)
    return total, found, timelines.tally(steps) if timeline else {}


def every_row(connection: Connection, query: Query) -> list[dict]:
    """All the rows of the query's view, in its order, read a page at a time: the CSV of a view is
    the whole view (one page of MAX_PAGE rows dropped the rest of a larger ledger, unsaid)."""
    check(query)
    viewed = view(connection, query)
    rows: list[dict] = []
    while True:
        total, found, _ = page(connection, viewed, replace(query, limit=MAX_PAGE, offset=len(rows)))
        rows.extend(found)
        if not found or len(rows) >= total:
            return rows


def timeline(connection: Connection, viewed: View) -> dict:
    """The timeline's counts over the view's transfers (grouped in SQL)."""
    return timelines.tally(listing.history_counts(connection, viewed.conditions))


def article(connection: Connection, article_id: str) -> dict:
    row = connection.execute(select(schema.articles).where(schema.articles.c.id == article_id)).mappings().first()
    if row is None:
        raise NotFound(f"no article {article_id!r} in the ledger")
    result = {k: v for k, v in dict(row).items() if k != "minhash"}
    result["claims"] = [
        dict(c)
        for c in connection.execute(
            select(schema.claims).where(schema.claims.c.article_id == article_id).order_by(schema.claims.c.id)
        ).mappings()
    ]
    result["quotes"] = [
        dict(q)
        for q in connection.execute(
            select(schema.quotes).where(schema.quotes.c.article_id == article_id).order_by(schema.quotes.c.id)
        ).mappings()
    ]
    result["transfer_of_claim"] = _transfer_of_claims(connection, [c["id"] for c in result["claims"]])
    return result


def texts(connection: Connection, article_ids: list[str]) -> dict[str, str]:
    """The clean texts of the articles, in one statement (a transfer's page highlights its claims'
    sentences in them: reading each article whole, its claims and quotes too, was four a claim)."""
    a = schema.articles
    return dict(connection.execute(select(a.c.id, a.c.text).where(a.c.id.in_(sorted(set(article_ids))))).all())


def _transfer_of_claims(connection: Connection, claim_ids: list[str]) -> dict[str, str]:
    c = schema.transfer_claims
    query = select(c.c.claim_id, c.c.transfer_id).where(c.c.claim_id.in_(sorted(set(claim_ids))))
    return dict(connection.execute(query).all())


def articles(connection: Connection, limit: int, offset: int) -> tuple[int, list[dict]]:
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise UsageError(f"limit must be 1-{MAX_PAGE} and offset at least 0")
    a = schema.articles
    total = connection.execute(select(func.count()).select_from(a)).scalar() or 0
    rows = connection.execute(
        select(a.c.id, a.c.title, a.c.source, a.c.url, a.c.published, a.c.language)
        .order_by(a.c.ingested_at, a.c.id)
        .limit(limit)
        .offset(offset)
    ).mappings()
    return total, [dict(r) for r in rows]


def highlights(item: dict) -> list[dict]:
    """Every finding of an article as a labelled span of its text, for highlighting."""
    spans = []
    for claim in item["claims"]:
        for evidence in claim["evidence"]:
            parties = f"{claim['supplier'] or UNKNOWN} → {claim['recipient'] or UNKNOWN}"
            label = f"{parties} · {claim['category']} · {claim['status']}"
            spans.append(
                {
                    "start": evidence["start"],
                    "end": evidence["end"],
                    "label": label,
                    "kind": "transfer",
                    "transfer": item["transfer_of_claim"].get(claim["id"]),
                }
            )
    for quote in item["quotes"]:
        if quote["start"] is not None:
            spans.append(
                {
                    "start": quote["start"],
                    "end": quote["end"],
                    "label": f"quote: {quote['speaker'] or '?'}",
                    "kind": "quote",
                    "transfer": None,
                }
            )
    return sorted(spans, key=lambda s: (s["start"], -s["end"]))


def flows(connection: Connection, filters: Filters) -> list[dict]:
    """Transfers counted by supplier, intermediary (or none) and recipient."""
    totals: dict[tuple, dict] = {}
    for ident, supplier, recipient, via_key, category in listing.flow_rows(connection, filters):
        via = listing.route(via_key) or None
        key = (supplier or UNKNOWN, via, recipient or UNKNOWN)
        entry = totals.setdefault(
            key,
            {"supplier": key[0], "via": via, "recipient": key[2], "count": 0, "categories": set(), "ids": []},
        )
        entry["count"] += 1
        entry["categories"].add(category)
        entry["ids"].append(ident)
    return [{**v, "categories": sorted(v["categories"])} for v in sorted(totals.values(), key=lambda v: -v["count"])]
