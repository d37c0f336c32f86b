"""The lists in SQL answer what the lists in Python answered: every transfer read, its reviews
applied, filtered and searched row by row (casefold substring), sorted with missing values last
and ties in id order, then paged. The Python definition is written out below as the oracle; a
made-up ledger with corrections, a rejection, an intermediary, an undated and an unknown-supplier
transfer, non-ASCII items and LIKE's own characters is asked a grid of views both ways."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from materiel.article import Actor, Article, ClaimDate, Item, Transfer
from materiel.countries import actor_matches, actor_name
from materiel.ledger import listing, schema
from materiel.ledger.contest import COARSE
from materiel.ledger.queries import Filters, apply_reviews, list_transfers, load_transfers
from materiel.ledger.review import record_review
from materiel.ledger.store import Store
from materiel.web import data
from materiel.web import timeline as timelines

# (supplier, recipient, via, item, category, status, date, outlet's site)
REPORTS = [
    ("POL", "UKR", [], "Straße-Panzer", "armored-vehicles", "pledged", "2023-02", "daily.test"),
    ("DEU", "UKR", ["USA"], "100% kit_A", "artillery", "delivered", "2023-02-20", "wire.test"),
    ("FRA", "UKR", [], "ÉCLAIR drones", "drones", "considered", None, None),
    (None, "UKR", [], "shells", "ammunition", "pledged", "2022", "daily.test"),
    ("ITA", "MDA", [], "Ölfass trucks", "other-equipment", "delivered", "2024-05-01", "herald.test"),
    ("european-union", "UKR", [], "funds", "funding", "pledged", "2024-05", "wire.test"),
    ("POL", "UKR", [], "Straße-Panzer", "armored-vehicles", "delivered", "2023-03-01", "herald.test"),
    ("NOR", "UKR", [], "NASAMS", "air-defense", "pledged", "2019", "daily.test"),
]
# Searches: ids, actors, items (non-ASCII, casefold's ß and ss), outlets, LIKE's % _ and its escape.
SEARCHES = ["pol", "Ukr", "usa", "éclair", "ÉCLAIR", "ölfass", "ÖLFASS", "%", "_", "100%", "kit_a", "/", "wire", "x"]
# Where casefold and PostgreSQL's lower() differ (ß is "ss" to casefold): SQLite only.
CASEFOLDED = ["strasse", "STRASSE", "ß"]
FILTERS = [
    {},
    {"supplier": "Poland"},
    {"supplier": "pol", "since": "2023-02-15"},
    {"recipient": "Moldova"},
    {"via": "united states"},
    {"via": "DEU"},
    {"category": "armored-vehicles"},
    {"status": "delivered", "until": "2023-02"},
    {"since": "2023", "until": "2024-05-01"},
    {"min_sources": 2},
    {"contested": False},
    {"month": "2023-02"},
    {"month": "2023-03", "stage": "executed"},
    {"include_rejected": True},
]


def _article(number: int, report: tuple) -> Article:
    supplier, recipient, via, item, category, status, day, site = report
    transfer = Transfer(
        supplier=Actor(supplier, supplier) if supplier else None,
        recipient=Actor(recipient, recipient),
        via=[Actor(v, v) for v in via],
        item=Item(item, category),
        status=status,
        date=ClaimDate(day, "sentence") if day else None,
    )
    url = f"https://{site}/{number}" if site else None
    text = f"Made-up report {number} on {item} for {recipient}, with words of its own {number * 13}."
    return Article(id=f"list-{number}", source=f"made/{number}.txt", url=url, text=text, transfers=[transfer])


@pytest.fixture
def ledger(db_url: str) -> Store:
    store = Store(db_url)
    store.ingest([_article(n, report) for n, report in enumerate(REPORTS)])
    with store.engine.begin() as connection:
        ids = {row["items"][0]: row["id"] for row in load_transfers(connection)}
        record_review(connection, ids["shells"], "set", "supplier", "CZE")
        record_review(connection, ids["funds"], "set", "supplier", "none")
        record_review(connection, ids["NASAMS"], "set", "via", "DEU, SWE")
        record_review(connection, ids["NASAMS"], "set", "status", "delivered")
        record_review(connection, ids["Ölfass trucks"], "reject")
        record_review(connection, ids["ÉCLAIR drones"], "set", "disclosure", "denied")
        record_review(connection, ids["ÉCLAIR drones"], "set", "category", "artillery")
        # corrections undone: the field reads as stored again (a via after its undoing set anew)
        record_review(connection, ids["shells"], "set", "status", "cancelled")
        record_review(connection, ids["shells"], "unset", "status")
        record_review(connection, ids["NASAMS"], "set", "recipient", "none")
        record_review(connection, ids["NASAMS"], "unset", "recipient")
        record_review(connection, ids["funds"], "set", "via", "POL")
        record_review(connection, ids["funds"], "unset", "via")
        record_review(connection, ids["funds"], "set", "via", "")
    return store


def _within(day: str | None, bound: str, after: bool) -> bool:
    if not day:
        return False
    size = min(len(day), len(bound))
    return day[:size] >= bound[:size] if after else day[:size] <= bound[:size]


def _kept(row: dict, f: Filters) -> bool:
    stages = {s for s, coarse in COARSE.items() if coarse == f.stage}
    return all(
        [
            f.supplier is None or actor_matches(row["supplier"], f.supplier),
            f.recipient is None or actor_matches(row["recipient"], f.recipient),
            f.via is None or any(actor_matches(v, f.via) for v in row["via"]),
            f.category is None or row["category"] == f.category,
            f.status is None or row["status"] == f.status,
            f.since is None or _within(row["last_seen"], f.since, after=True),
            f.until is None or _within(row["first_seen"], f.until, after=False),
            row["corroboration"] >= f.min_sources,
            f.include_rejected or row["review"] != "rejected",
            f.contested is None or bool(row["contested"]) == f.contested,
            f.month is None
            or any(
                (e["date"] or "")[:7] == f.month and (f.stage is None or e["status"] in stages) for e in row["history"]
            ),
        ]
    )


def _found(row: dict, q: str | None) -> bool:
    if not q:
        return True
    fields = [row["id"], row["supplier"], row["recipient"], row["category"], row["status"], *row["items"]]
    fields += [*row["via"], *(e["outlet"] or "" for e in row["history"])]
    fields += [actor_name(v) for v in (row["supplier"], row["recipient"], *row["via"])]  # the names shown
    return any(q.casefold() in str(v).casefold() for v in fields if v)


def _oracle(connection, query: data.Query) -> tuple[int, list[dict]]:
    reviews: dict[str, list] = {}
    for review in connection.execute(select(schema.reviews).order_by(schema.reviews.c.id)).mappings():
        reviews.setdefault(review["transfer_id"], []).append(dict(review))
    rows = [apply_reviews(row, reviews.get(row["id"], [])) for row in load_transfers(connection)]
    kept = [row for row in rows if _kept(row, query.filters) and _found(row, query.q)]
    key = query.sort
    present = sorted((r for r in kept if r[key] is not None), key=lambda r: r[key], reverse=query.descending)
    ordered = present + [r for r in kept if r[key] is None]
    return len(ordered), ordered[query.offset : query.offset + query.limit]


def _searches(db_url: str) -> list[str | None]:
    return [None, *SEARCHES, *(CASEFOLDED if db_url.startswith("sqlite") else [])]


def test_every_filter_and_search_keeps_what_python_kept(ledger: Store, db_url: str) -> None:
    with ledger.connect() as connection:
        for filters, q in itertools.product(FILTERS, _searches(db_url)):
            query = data.Query(Filters(**filters), q, "id", False, data.MAX_PAGE)
            assert data.transfers(connection, query) == _oracle(connection, query), (filters, q)
            everything = _oracle(connection, query)[1]
            assert data.timeline(connection, data.view(connection, query)) == timelines.counts(everything)
        assert (
            list_transfers(connection, Filters(supplier="Czechia"))
            == _oracle(
                connection, data.Query(Filters(supplier="Czechia"), limit=data.MAX_PAGE, sort="id", descending=False)
            )[1]
        )


def test_every_sort_both_ways_and_every_page_is_python_s(ledger: Store) -> None:
    pages = [(data.MAX_PAGE, 0), (1, 0), (2, 3), (3, 6), (2, 40)]
    with ledger.connect() as connection:
        for sort, descending, (limit, offset) in itertools.product(data.SORTABLE, (True, False), pages):
            for filters in ({}, {"include_rejected": True}):
                query = data.Query(Filters(**filters), None, sort, descending, limit, offset)
                assert data.transfers(connection, query) == _oracle(connection, query), (sort, descending, limit)


def test_the_flows_count_what_python_counted(ledger: Store) -> None:
    with ledger.connect() as connection:
        rows = _oracle(connection, data.Query(Filters(), limit=data.MAX_PAGE, sort="id", descending=False))[1]
        flows = data.flows(connection, Filters())
    routes = {(r["supplier"] or "?", ",".join(r["via"]) or None, r["recipient"] or "?") for r in rows}
    assert {(f["supplier"], f["via"], f["recipient"]) for f in flows} == routes
    assert sorted(i for f in flows for i in f["ids"]) == sorted(r["id"] for r in rows)
    assert ("?", None, "UKR") in routes and ("NOR", "DEU,SWE", "UKR") in routes  # corrections applied


def test_the_timeline_groups_by_the_month_it_selects_on_postgresql() -> None:
    """PostgreSQL takes a GROUP BY expression for the selected one only when the two are the same
    expression (a month rebuilt with its own bound parameters would be refused there)."""
    from sqlalchemy.dialects import postgresql

    sql = str(listing.history_query([]).compile(dialect=postgresql.dialect()))
    selected = sql.split("SELECT ", 1)[1].split(" AS ", 1)[0]
    assert f"GROUP BY {selected}," in " ".join(sql.split())
