"""The ledger's lists in SQL: a view's filters, its search, its order, its count and its page, so
that a list request reads its page's rows and a few aggregates, whatever the ledger's size.

A transfer's fields are read as readers see them, with the analyst's review decisions applied: a
field a correction set takes the latest correction's value (what `queries.apply_reviews` does row
by row), and a transfer whose latest confirm or reject rejected it is left out unless asked for.
Only the fields some review touched carry the subqueries that read the reviews.

Written with SQLAlchemy Core for SQLite and PostgreSQL alike. Text sorts and compares by code
point as Python does (PostgreSQL: COLLATE "C"); a sort puts missing values last and orders ties by
id, as Python's stable sort of the rows in id order does. The search folds case with Python's
`str.casefold` on SQLite (a function registered on the connection), so that it finds what the
search in Python found; on PostgreSQL the search and the text are folded with `lower()`, which
follows the database's locale (README, serve): it differs from casefold where casefold maps one
character to several or to another ("Straße" is found by "straße", not by "strasse"), and under a
C locale only ASCII letters fold.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import Select, Text, and_, case, cast, exists, false, func, literal, literal_column, null, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from materiel.countries import UNKNOWN_PARTY, actor_matches, actor_name, is_known_id, known_ids
from materiel.ledger import schema
from materiel.ledger.contest import COARSE

if TYPE_CHECKING:
    from materiel.ledger.queries import Filters

# A correction's value that says "unknown" (a quantity, a supplier or a recipient: FORMAT.md's null).
UNKNOWN_VALUES = UNKNOWN_PARTY
# The fields a correction sets that the lists filter, search or sort on (with the intermediaries):
# the parties, whose correction may say "unknown", and the others.
PARTIES = ("supplier", "recipient")
CORRECTED = ("category", "status", "disclosure")
# The text columns a list sorts on (compared by code point); the others are numbers and booleans.
TEXT_SORTS = ("id", "supplier", "recipient", "category", "status", "disclosure", "first_seen", "last_seen")
# The fields the search reads that are ASCII whatever the ledger holds (with the parties, the
# intermediaries, the items and the outlets).
ASCII_SEARCHED = ("id", "category", "status")
# The name of the SQLite function that folds case as Python does.
CASEFOLD = "materiel_casefold"

t, r = schema.transfers, schema.reviews
# A transfer's columns that readers read: the merge state is the merge's own (JSON, decoded per row).
SHOWN = tuple(column for column in t.c if column.name != "merge_state")
SHOWN_NAMES = tuple(column.name for column in SHOWN)


@dataclass
class Fields:
    """A transfer's fields as SQL expressions over `transfers`, reviews applied; `via` is a key:
    the stored JSON list, or "=" and a correction's comma-separated ids."""

    columns: dict[str, ColumnElement]
    via: ColumnElement
    rejected: ColumnElement
    postgres: bool
    reviewed: bool = True  # the ledger holds a review (else a page has none to read)

    def sort_key(self, name: str) -> ColumnElement:
        column = self.columns[name]
        return self.text(column) if name in TEXT_SORTS else column

    def text(self, column: ColumnElement) -> ColumnElement:
        """Text compared by code point, as Python compares strings (SQLite's default)."""
        return column.collate("C") if self.postgres else column

    def fold(self, column: ColumnElement) -> ColumnElement:
        return func.lower(column) if self.postgres else getattr(func, CASEFOLD)(column)

    def needle(self, q: str) -> str:
        """The search folded as `fold` folds the text it is looked for in."""
        return q.lower() if self.postgres else q.casefold()


def view_fields(connection: Connection) -> Fields:
    """The fields of this ledger's transfers, with the subqueries of the reviews it holds."""
    decided = frozenset(tuple(row) for row in connection.execute(select(r.c.action, r.c.field).distinct()))
    postgres = connection.dialect.name == "postgresql"
    if not postgres:
        _register_casefold(connection)
    made = _fields(decided, postgres)
    return replace(made, columns=dict(made.columns))  # a caller's own dict; the expressions are shared


# Ledgers' sets of review kinds whose fields are kept built (each one a handful of expressions).
FIELDS_CACHE = 64


@lru_cache(maxsize=FIELDS_CACHE)
def _fields(decided: frozenset[tuple[str, str | None]], postgres: bool) -> Fields:
    """The fields for a ledger whose reviews are these (action, field) pairs: built once per set,
    since building SQL expressions costs a request more than running them on a small ledger."""
    reviewed, actions = {field for action, field in decided if action == "set"}, {action for action, _ in decided}
    columns: dict[str, ColumnElement] = {c.name: c for c in SHOWN}
    for name in PARTIES:
        if name in reviewed:
            columns[name] = _actor(name)
    for name in CORRECTED:
        if name in reviewed:
            columns[name] = func.coalesce(_latest(name), t.c[name])
    via = cast(t.c.via, Text)
    if "via" in reviewed:
        latest = _latest("via", blank="")
        via = case((latest.is_(None), via), else_=literal("=") + latest)
    rejected = _rejected() if "reject" in actions else false()
    return Fields(columns, via, rejected, postgres, reviewed=bool(decided))


def _register_casefold(connection: Connection) -> None:
    """Python's casefold as a SQLite function of this connection (registering it again is cheap)."""
    raw = connection.connection.driver_connection
    raw.create_function(CASEFOLD, 1, lambda v: v.casefold() if isinstance(v, str) else v, deterministic=True)


def _latest(field: str, blank: str | None = None) -> ColumnElement:
    """The value of the transfer's latest correction of `field`; NULL when none, or when an `unset`
    undid it (`blank`: what a correction without a value reads as, so that it is told from none)."""
    given = r.c.value if blank is None else func.coalesce(r.c.value, blank)
    value = case((r.c.action == "unset", null()), else_=given)  # undone: the stored value again
    where = (r.c.transfer_id == t.c.id, r.c.action.in_(("set", "unset")), r.c.field == field)
    return select(value).where(*where).order_by(r.c.id.desc()).limit(1).correlate(t).scalar_subquery()


def _actor(name: str) -> ColumnElement:
    """A supplier or recipient: the latest correction's (none: unknown, as `queries._typed` reads
    it), else the stored one."""
    latest = _latest(name, blank="")
    return case((latest.is_(None), t.c[name]), (latest.in_(UNKNOWN_VALUES), None), else_=latest)


def _rejected() -> ColumnElement:
    """The transfer's latest confirm or reject is a reject."""
    where = (r.c.transfer_id == t.c.id, r.c.action.in_(("confirm", "reject")))
    latest = select(r.c.action).where(*where).order_by(r.c.id.desc()).limit(1).correlate(t).scalar_subquery()
    return func.coalesce(latest, "") == "reject"


def via_list(key: str) -> list[str]:
    """The intermediaries a `Fields.via` key stands for."""
    if key.startswith("="):
        return [v.strip() for v in key[1:].split(",") if v.strip()]
    return json.loads(key)


def route(key: str) -> str:
    """The intermediaries of a `Fields.via` key as a flow names them: comma-separated in id order (a
    set: a correction's "POL,CZE" is the stored ["CZE", "POL"]), "" for none."""
    return ",".join(sorted(via_list(key)))


# A flow as the flows page draws it, named for the list its band opens: its supplier, its
# intermediaries (as `route` writes them; none for a straight flow) and its
# recipient between two marks, with UNNAMED for a party the reports do not name: "DEU>POL,CZE>UKR",
# "?>>UKR".
FLOW_MARK, UNNAMED = ">", "?"


@dataclass(frozen=True)
class Flow:
    supplier: str | None
    via: str
    recipient: str | None


def flow_name(supplier: str, via: str | None, recipient: str) -> str:
    """The name of a flow of the flows page (its parties as it shows them: UNNAMED for none)."""
    return FLOW_MARK.join((supplier, via or "", recipient))


def read_flow(name: str) -> Flow:
    """The flow `flow_name` named; a ValueError for a name that could list nothing by its spelling."""
    parts = name.split(FLOW_MARK)
    if len(parts) != 3:
        written = f"actor ids, {UNNAMED} for an unnamed party, no VIA for none"
        raise ValueError(f"is not written SUPPLIER>VIA>RECIPIENT ({written})")
    supplier, via, recipient = parts
    for ident in (supplier, recipient):
        if ident != UNNAMED and not is_known_id(ident):
            raise ValueError(f"names {ident!r}, which is no actor id (nor {UNNAMED} for an unnamed party)")
    vias = via.split(",") if via else []
    for ident in vias:
        if not is_known_id(ident):
            raise ValueError(f"names the intermediary {ident!r}, which is no actor id")
    route = ",".join(sorted(vias))
    return Flow(None if supplier == UNNAMED else supplier, route, None if recipient == UNNAMED else recipient)


def where(connection: Connection, f: Fields, filters: Filters, q: str | None = None) -> list[ColumnElement]:
    """The conditions of a view: the filters' (as `queries.Filters` reads them) and the search's."""
    c = f.columns
    found = [c["corroboration"] >= filters.min_sources, *_actors(connection, f, filters)]
    if filters.flow is not None:
        found += _in_flow(connection, f, read_flow(filters.flow))
    found += [c[n] == getattr(filters, n) for n in ("category", "status") if getattr(filters, n) is not None]
    if filters.since is not None:
        found.append(_within(f, c["last_seen"], filters.since, after=True))
    if filters.until is not None:
        found.append(_within(f, c["first_seen"], filters.until, after=False))
    if not filters.include_rejected:
        found.append(~f.rejected)
    if filters.contested is not None:
        found.append(c["contested"].is_(filters.contested))
    if filters.month is not None:
        found.append(_in_bar(filters.month, filters.stage))
    if q:
        found.append(_search(connection, f, f.needle(q)))
    return found


def _actors(connection: Connection, f: Fields, filters: Filters) -> list[ColumnElement]:
    """Supplier, recipient and intermediary by id or shown name: the values the ledger holds that
    match, read once (a few hundred actors at most), then kept by equality."""
    found = []
    for name in PARTIES:
        wanted = getattr(filters, name)
        if wanted is not None:
            column = f.columns[name]
            found.append(column.in_(_values(connection, column, lambda v, w=wanted: actor_matches(v, w))))
    if filters.via is not None:
        wanted = filters.via
        found.append(
            f.via.in_(_values(connection, f.via, lambda k: any(actor_matches(v, wanted) for v in via_list(k))))
        )
    return found


def _in_flow(connection: Connection, f: Fields, flow: Flow) -> list[ColumnElement]:
    """The transfers `data.flows` counts in the flow: its parties exactly (none for an unnamed one)
    and its intermediaries exactly (none: a straight transfer)."""
    found = [
        f.columns[name].is_(None) if ident is None else f.columns[name] == ident
        for name, ident in (("supplier", flow.supplier), ("recipient", flow.recipient))
    ]
    return [*found, f.via.in_(_values(connection, f.via, lambda key: route(key) == flow.via))]


def _values(connection: Connection, column: ColumnElement, keep: Callable[[str], bool]) -> list[str]:
    """The distinct values a column takes that `keep` keeps (actors: a few hundred at most)."""
    return [v for v in connection.execute(select(column).distinct()).scalars() if v is not None and keep(v)]


def _within(f: Fields, day: ColumnElement, bound: str, after: bool) -> ColumnElement:
    """`queries._compare` in SQL: the date and the bound compared to the precision of the coarser;
    a missing or empty date is kept by no bound."""
    size, length = len(bound), func.length(day)
    longer, shorter = f.text(func.substr(day, 1, size)), f.text(func.substr(literal(bound), 1, length))
    compared = (longer >= bound, day >= shorter) if after else (longer <= bound, day <= shorter)
    return and_(day.is_not(None), day != "", case((length >= size, compared[0]), else_=compared[1]))


def _in_bar(month: str, stage: str | None) -> ColumnElement:
    """`queries.in_bar` in SQL: a history step in the month (and at the stage, when one is asked)."""
    e = schema.transfer_events.alias("step")
    found = [e.c.transfer_id == t.c.id, func.coalesce(func.substr(e.c.date, 1, 7), "") == month]
    if stage is not None:
        found.append(e.c.status.in_([s for s, coarse in COARSE.items() if coarse == stage]))
    return exists().where(*found).correlate(t)


def _search(connection: Connection, f: Fields, needle: str) -> ColumnElement:
    """`data._matches` in SQL: the folded needle in the folded id, parties, category, status, an
    item (its transfer's items are its claims' items), an intermediary or an outlet of its history.
    The items and outlets are each searched once, as sets of transfer ids, not once per transfer."""
    e, tc, claim = (
        schema.transfer_events.alias("step"),
        schema.transfer_claims.alias("own"),
        schema.claims.alias("said"),
    )
    # ids, categories and statuses are ASCII (a hash, closed sets): lower() folds them as casefold does
    plain = [func.lower(f.columns[n]).contains(needle, autoescape=True) for n in ASCII_SEARCHED]
    plain += [f.fold(f.columns[n]).contains(needle, autoescape=True) for n in PARTIES]
    # and the name the pages show beside an actor's id: "Slovakia" (or "slovak") finds SVK
    named = {ident for ident, name in _actor_names() if needle in f.needle(name)}
    plain += [f.columns[n].in_(sorted(named)) for n in PARTIES] if named else []
    vias = _values(connection, f.via, lambda k: any(needle in f.needle(v) or v in named for v in via_list(k)))
    said = select(claim.c.id).where(f.fold(claim.c.item_text).contains(needle, autoescape=True))
    items = select(tc.c.transfer_id).where(tc.c.claim_id.in_(said))
    outlets = select(e.c.transfer_id).where(f.fold(e.c.outlet).contains(needle, autoescape=True))
    return or_(*plain, f.via.in_(vias), t.c.id.in_(items.correlate(None)), t.c.id.in_(outlets.correlate(None)))


@cache
def _actor_names() -> tuple[tuple[str, str], ...]:
    """Every actor id (states, former states, organisations) with the name shown beside it."""
    import pycountry

    former, organisations = known_ids()
    ids = {country.alpha_3 for country in pycountry.countries} | former | organisations
    return tuple(sorted((ident, actor_name(ident) or ident) for ident in ids))


def order(f: Fields, sort: str, descending: bool) -> list[ColumnElement]:
    """Missing values last, then the sort's column either way, then ties by id."""
    key = f.sort_key(sort)
    return [f.columns[sort].is_(None), key.desc() if descending else key.asc(), f.sort_key("id").asc()]


def count(connection: Connection, conditions: list[ColumnElement]) -> int:
    return connection.execute(select(func.count()).select_from(t).where(*conditions)).scalar() or 0


def page_rows(connection: Connection, conditions: list, ordered: list, limit: int, offset: int) -> tuple[list, int]:
    """The rows of a page and the view's count, in one statement (a window count); a page past the
    end has no row to carry the count, so it is counted on its own."""
    query = select(*SHOWN, func.count().over()).where(*conditions).order_by(*ordered).limit(limit).offset(offset)
    found = connection.execute(query).all()
    if found:
        return [dict(zip(SHOWN_NAMES, row[:-1], strict=True)) for row in found], found[0][-1]
    return [], count(connection, conditions) if offset else 0


def matching(conditions: list[ColumnElement]) -> Select:
    """The ids of the view's transfers, as a subquery."""
    return select(t.c.id).where(*conditions)


def history_counts(connection: Connection, conditions: list[ColumnElement]) -> list[tuple[str, str, int]]:
    """(month, status, steps) over the history of the view's transfers: the timeline's counts."""
    return [(month, status, n) for month, status, n in connection.execute(history_query(conditions))]


def history_query(conditions: list[ColumnElement]) -> Select:
    e = schema.transfer_events
    # PostgreSQL takes a GROUP BY expression for the selected one only when the two are the same
    # expression: constants written into the statement keep them so however the month is built.
    month = func.coalesce(func.substr(e.c.date, literal_column("1"), literal_column("7")), literal_column("''"))
    return (
        select(month, e.c.status, func.count())
        .where(e.c.transfer_id.in_(matching(conditions)))
        .group_by(month, e.c.status)
    )


def flow_rows(connection: Connection, filters: Filters) -> list[tuple]:
    """(id, supplier, recipient, intermediaries' key, category) of the transfers the filters keep,
    in id order: what the flows count, without the transfers' history, claims and sides."""
    f = view_fields(connection)
    c = f.columns
    columns = (c["id"], c["supplier"], c["recipient"], f.via, c["category"])
    query = select(*columns).where(*where(connection, f, filters)).order_by(f.sort_key("id"))
    return [tuple(row) for row in connection.execute(query)]
