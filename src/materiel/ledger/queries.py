"""Reading the ledger: transfers with filters and review decisions applied, and one transfer with
its evidence (a review is recorded by `review` and checked by `review_checks`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from materiel.article import CATEGORIES, STATUSES
from materiel.countries import wanted_actor
from materiel.errors import NotFound, UsageError
from materiel.ledger import listing, schema
from materiel.ledger.beside import Beside, read_beside, read_page, step_event
from materiel.ledger.fieldspans import field_spans
from materiel.ledger.listing import UNKNOWN_VALUES
from materiel.ledger.review_checks import ACTOR_ID_FORM, CORRECTIONS
from materiel.ledger.state import disagreements_of


@dataclass
class Filters:
    supplier: str | None = None
    recipient: str | None = None
    via: str | None = None
    category: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    min_sources: int = 0
    include_rejected: bool = False
    contested: bool | None = None  # True: only transfers whose reports disagree; False: only the others
    month: str | None = None  # YYYY-MM: transfers with a claim dated in that month (a timeline bar)
    stage: str | None = None  # with month: that claim's stage (executed, committed, potential, negative)
    flow: str | None = None  # exactly the transfers of a flow of the flows page, named as listing.flow_name names it

    def __post_init__(self) -> None:
        """A filter that could match nothing by its spelling alone is a usage error, not an empty
        answer: a mistyped date, status or category, or a code that names no actor (an ISO alpha-2
        code is read as the project's id: UA is UKR). A value's outer spaces go, and a blank one is
        no filter (`--supplier " SVK"`, pasted from a table, found nothing; the web trimmed it)."""
        for name in TEXT_FILTERS:
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, value.strip() or None)
        for name in ("since", "until"):
            _check_date(name, getattr(self, name))
        for name in ("supplier", "recipient", "via"):
            setattr(self, name, _wanted(name, getattr(self, name)))
        if self.flow is not None:
            _check_flow(self.flow)
        for name, allowed in (("category", CATEGORIES), ("status", STATUSES)):
            value = getattr(self, name)
            if value is not None and value not in allowed:
                raise UsageError(f"{name} must be one of: {', '.join(allowed)}; not {value!r}")
        if self.min_sources < 0:
            raise UsageError(f"min_sources must be 0 or more; not {self.min_sources}")


# The filters given as text, trimmed before they are read.
TEXT_FILTERS = ("supplier", "recipient", "via", "category", "status", "since", "until", "month", "stage", "flow")


def _check_flow(name: str) -> None:
    try:
        listing.read_flow(name)
    except ValueError as error:
        raise UsageError(f"flow {name!r} {error}") from None


def _wanted(name: str, value: str | None) -> str | None:
    try:
        return wanted_actor(value) if value is not None else None
    except ValueError as error:
        raise UsageError(f"{name} {error}: give {ACTOR_ID_FORM}, or a name") from None


# The dates a filter takes: a day, a month or a year, as the ledger's dates are written.
DATE_FORMATS = {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}


def _check_date(name: str, value: str | None) -> None:
    try:
        if value is not None:
            datetime.strptime(value, DATE_FORMATS[len(value)])
    except (KeyError, ValueError):
        raise UsageError(f"{name} must be a date written YYYY-MM-DD, YYYY-MM or YYYY; not {value!r}") from None


def list_transfers(connection: Connection, filters: Filters | None = None) -> list[dict]:
    """The transfers the filters keep, in id order, with their review decisions applied: the
    filters run in SQL (listing.where), so only the kept transfers' rows are read."""
    fields = listing.view_fields(connection)
    conditions = listing.where(connection, fields, filters or Filters())
    rows, beside = _loaded(connection, None, conditions, reviews=fields.reviewed)
    return [apply_reviews(row, beside.reviews.get(row["id"], [])) for row in rows]


def page_transfers(
    connection: Connection, rows: list[dict], reviewed: bool = True, timeline: Select | None = None
) -> tuple[list[dict], list[tuple[str, str, int]]]:
    """The transfers of a page (their rows, as `listing.page_rows` read them), in the page's order,
    with their history, claims, sides and review decisions (`reviewed` False: the ledger holds no
    review, so none is looked for), and the counts of `timeline` (a history counts' query): all in
    one statement."""
    beside = read_page(connection, [row["id"] for row in rows], reviewed, timeline)
    found = _with_beside({row["id"]: dict(row) for row in rows}, beside)
    return [apply_reviews(row, beside.reviews.get(row["id"], [])) for row in found], beside.timeline


def apply_reviews(row: dict, reviews: list[dict]) -> dict:
    """The transfer as its reviews leave it: each field the value of its latest correction, unless
    an `unset` after it took the field back to the extracted value; the latest confirm or reject
    is the decision, else "corrected" while some field stays corrected."""
    row = {**row, "review": None, "review_notes": []}
    latest: dict[str, dict] = {}  # field -> its latest set or unset
    for review in reviews:
        if review["action"] in CORRECTIONS:
            latest[review["field"]] = review
        else:
            row["review"] = {"confirm": "confirmed", "reject": "rejected"}[review["action"]]
        if review["note"]:
            row["review_notes"].append(review["note"])
    corrected = {field: review["value"] for field, review in latest.items() if review["action"] == "set"}
    for field, value in corrected.items():
        row[field] = _typed(field, value)
    if corrected and row["review"] is None:
        row["review"] = "corrected"
    if any(field.startswith("quantity_") for field in corrected):
        _hold_corrected_end(row, corrected)
        row["quantities"] = _corrected_quantities(row)
    return row


def _hold_corrected_end(row: dict, corrected: dict) -> None:
    """One end corrected and the extracted other end past it (a page's new version reports 6, the
    analyst had set the high end to 5): the corrected end holds and the other gives way to it,
    never a range "6-5"."""
    low, high = row["quantity_low"], row["quantity_high"]
    if low is None or high is None or low <= high:
        return
    if "quantity_low" not in corrected:
        row["quantity_low"] = high
    elif "quantity_high" not in corrected:
        row["quantity_high"] = low


def _corrected_quantities(row: dict) -> list[dict]:
    """The per-unit quantities after a correction of quantity_low/high, which stand for the first
    unit's range (what the table, the CSV's `quantities` and the SIPRI and Kiel counts read); a
    transfer with none gets a count, unless it is funding (money, whose currency is not known)."""
    entries = [dict(entry) for entry in row.get("quantities") or []]
    low, high = row["quantity_low"], row["quantity_high"]
    if low is None and high is None:
        return entries[1:]
    corrected = {"low": low if low is not None else high, "high": high if high is not None else low}
    if entries:
        return [{**entries[0], **corrected}, *entries[1:]]
    return [] if row["category"] == "funding" else [{"unit": "count", **corrected}]


def _typed(field: str, value: str) -> str | float | list[str] | None:
    if field.startswith("quantity_"):
        return float(value) if value not in UNKNOWN_VALUES else None
    if field in ("supplier", "recipient") and value in UNKNOWN_VALUES:
        return None
    if field == "via":
        return [v.strip() for v in value.split(",") if v.strip()]
    return value


def load_transfers(
    connection: Connection, transfer_id: str | None = None, conditions: list[ColumnElement] | None = None
) -> list[dict]:
    """Merged transfers (all, one, or those `conditions` on `transfers` keep) in id order, as readers
    see them: each with its `history` (one step per report), `claim_ids` and `disagreements` (sides
    in claim order), without its merge state."""
    return _loaded(connection, transfer_id, conditions, reviews=False)[0]


def _loaded(
    connection: Connection, transfer_id: str | None, conditions: list[ColumnElement] | None, reviews: bool
) -> tuple[list[dict], Beside]:
    """`load_transfers` with what was read beside the transfers (their reviews, when asked): two
    statements, the transfers' and the union of the rows beside them."""
    t = schema.transfers

    def chosen(column: ColumnElement) -> list:
        return [column.in_(listing.matching(conditions))] if conditions else []

    kept = [t.c.id == transfer_id] if transfer_id else conditions or []
    query = select(*listing.SHOWN).where(*kept).order_by(t.c.id)
    rows = {r["id"]: dict(r) for r in connection.execute(query).mappings()}
    if not rows:
        return [], Beside()
    beside = read_page(connection, [transfer_id], reviews) if transfer_id else read_beside(connection, chosen, reviews)
    return _with_beside(rows, beside), beside


def _with_beside(rows: dict[str, dict], beside: Beside) -> list[dict]:
    """The transfers with their history, claims and disagreements. Rows of a transfer written after
    the transfers were read (an ingest running beside this reader: SQLite gives each statement its
    own snapshot) are left for the next read."""
    for ident, row in rows.items():
        steps = sorted(beside.steps.get(ident, []), key=lambda step: (step["day"], step["claim_id"]))
        row["history"] = [step_event(step) for step in steps]
        row["claim_ids"] = [claim["claim_id"] for claim in sorted(beside.claims.get(ident, []), key=_claim_order)]
        row["disagreements"] = disagreements_of(beside.sides.get(ident, []))
    return list(rows.values())


def _claim_order(claim: dict) -> tuple:
    return claim["day"], claim["claim_id"]


def get_transfer(connection: Connection, transfer_id: str) -> dict:
    found, beside = _loaded(connection, transfer_id, None, reviews=True)
    if not found:
        raise NotFound(f"no transfer {transfer_id!r} in the ledger")
    row = found[0]
    result = apply_reviews(row, beside.reviews.get(transfer_id, []))
    claims = [_claim(connection, claim_id) for claim_id in row["claim_ids"]]
    result["claims"] = once_per_report(_with_copies(connection, claims))
    result["disagreements"] = [_with_sides(d, result["claims"]) for d in result.get("disagreements") or []]
    return result


def _with_sides(disagreement: dict, claims: list[dict]) -> dict:
    """A disagreement with its two sides as claims (a syndicated copy stands for its report)."""

    def claim_of(claim_id: str) -> dict | None:
        return next((c for c in claims if claim_id == c["id"] or claim_id in c["copy_ids"]), None)

    sides = []
    for ids in disagreement["sides"]:
        side = [c for c in (claim_of(i) for i in ids) if c is not None]
        sides.append(list({c["id"]: c for c in side}.values()))
    return {**disagreement, "claims": sides}


def once_per_report(claims: list[dict]) -> list[dict]:
    """A syndicated copy is the same report: shown once, with the outlets that also carried it and their addresses."""
    kept: dict[str, dict] = {}
    for claim in claims:
        group = claim.get("group_id") or claim["article_id"]
        carriers = [(c["outlet"], c["url"]) for c in claim.get("copies") or []]  # its exact copies
        if group not in kept:
            kept[group] = {**claim, "also_carried_by": [], "also_carried_at": [], "copy_ids": []}
        else:
            kept[group]["copy_ids"].append(claim["id"])
            carriers.insert(0, (claim.get("outlet") or claim.get("source"), claim.get("url")))
        own = kept[group].get("outlet") or kept[group].get("source")  # a page's earlier version: not another outlet
        for carrier, url in carriers:
            if carrier and carrier != own and carrier not in kept[group]["also_carried_by"]:
                kept[group]["also_carried_by"].append(carrier)
                kept[group]["also_carried_at"].append(url)
    return list(kept.values())


def _with_copies(connection: Connection, claims: list[dict]) -> list[dict]:
    """Each claim with the exact copies of its article that other outlets ran (one statement)."""
    copies = schema.article_copies
    found: dict[str, list[dict]] = {}
    articles = sorted({claim["article_id"] for claim in claims})
    query = select(copies.c.article_id, copies.c.outlet, copies.c.url).where(copies.c.article_id.in_(articles))
    for article_id, outlet, url in connection.execute(query.order_by(copies.c.article_id, copies.c.outlet)):
        found.setdefault(article_id, []).append({"outlet": outlet, "url": url})
    return [{**claim, "copies": found.get(claim["article_id"], [])} for claim in claims]


def _claim(connection: Connection, claim_id: str) -> dict:
    c, a = schema.claims, schema.articles
    row = (
        connection.execute(
            select(c, a.c.text, a.c.title, a.c.source, a.c.url, a.c.outlet, a.c.group_id, a.c.published)
            .join(a, a.c.id == c.c.article_id)
            .where(c.c.id == claim_id)
        )
        .mappings()
        .one()
    )
    claim = {k: v for k, v in dict(row).items() if k != "text"}
    claim["evidence_text"] = [row["text"][e["start"] : e["end"]] for e in row["evidence"]]
    span = row.get("disclosure_span")
    claim["disclosure_text"] = row["text"][span["start"] : span["end"]] if span else None
    s = schema.sources
    cited = select(s.c.name, s.c.kind, s.c.start, s.c.end, s.c.sentence_start, s.c.sentence_end)
    found = [dict(r) for r in connection.execute(cited.where(s.c.claim_id == claim_id).order_by(s.c.id)).mappings()]
    claim["sources"] = [{"name": r["name"], "kind": r["kind"]} for r in found]
    claim["field_spans"] = field_spans(claim, row["text"], found)
    claim["responses"] = [
        dict(s)
        for s in connection.execute(
            select(schema.responses.c.actor, schema.responses.c.stance, schema.responses.c.quote).where(
                schema.responses.c.claim_id == claim_id
            )
        ).mappings()
    ]
    return claim
