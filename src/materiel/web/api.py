"""The JSON API under /api/v1 (its OpenAPI schema is served at /openapi.json and shown at /docs)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from materiel.errors import InternalError, Skipped, UsageError
from materiel.ledger import export
from materiel.ledger.queries import Filters, get_transfer
from materiel.ledger.review import record_review
from materiel.ledger.store import article_key
from materiel.pipeline import Failure
from materiel.read import without_empty
from materiel.read.jsonl import dict_to_article
from materiel.web import data
from materiel.web import timeline as timelines
from materiel.web.deps import Reader, TokenChecked, Writer, query_of
from materiel.web.described import ONE_ITEM, READS, WRITES, answers

router = APIRouter(prefix="/api/v1", tags=["api"])
# The largest offset or count a query takes: SQLite's integers are 64-bit, and a larger one (an
# offset of 10**20) raised OverflowError inside the query, a 500, not a usage error.
MAX_INTEGER = 2**63 - 1


class TransferQuery(BaseModel):
    supplier: str | None = None
    recipient: str | None = None
    via: str | None = None
    category: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    min_sources: int = Field(0, ge=0, le=MAX_INTEGER)
    contested: bool | None = Field(None, description="true: only transfers whose reports disagree.")
    rejected: bool = Field(False, description="true: also the transfers a review rejected (as `ledger --rejected`).")
    month: str | None = Field(None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="With a claim dated in this month.")
    stage: Literal["executed", "committed", "potential", "negative"] | None = Field(
        None, description="With month: that claim's stage."
    )
    flow: str | None = Field(
        None,
        max_length=1000,
        description="Exactly the transfers of one flow of /flows: SUPPLIER>VIA>RECIPIENT, as DEU>POL,CZE>UKR "
        "(? for an unnamed party, no VIA for a straight flow).",
    )
    # No NUL: SQLite's text functions end a string at one (so "\x00" matched every transfer) and
    # PostgreSQL refuses it; no stored text holds one.
    q: str | None = Field(None, max_length=200, pattern=r"^[^\x00]*$", description="Search ids, items and outlets.")
    sort: str = "last_seen"
    order: Literal["asc", "desc"] = "desc"
    limit: int = Field(100, ge=1, le=data.MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_INTEGER)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, values: Any) -> Any:
        """An HTML form sends empty fields as empty strings: they mean 'no filter'. A value's outer
        spaces go (a name pasted from a table, " SVK", found nothing)."""
        if isinstance(values, dict):
            values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
            return {k: v for k, v in values.items() if v not in ("", None)}
        return values

    def to_query(self) -> data.Query:
        filters = Filters(
            self.supplier,
            self.recipient,
            self.via,
            self.category,
            self.status,
            self.since,
            self.until,
            self.min_sources,
            include_rejected=self.rejected,
            contested=self.contested,
            month=self.month,
            stage=self.stage,
            flow=self.flow,
        )
        return data.Query(filters, self.q, self.sort, self.order == "desc", self.limit, self.offset)


TransferParams = Annotated[TransferQuery, Query()]
# The query parameters a view of the ledger takes; an address with another, or one twice, is refused.
VIEW_PARAMETERS = tuple(TransferQuery.model_fields)
VIEW, NONE = query_of(*VIEW_PARAMETERS), query_of()


@router.get(
    "/transfers", summary="Merged transfers, filtered, searched, sorted and paged", dependencies=[VIEW], responses=READS
)
def transfers(params: TransferParams, connection: Reader) -> dict:
    total, rows = data.transfers(connection, params.to_query())
    return listed(total, rows, params.limit, params.offset)


def listed(total: int, items: list[dict], limit: int, offset: int) -> dict:
    """A page of a list, in the one shape every paged list of the API has."""
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get(
    "/transfers.csv",
    summary="The same view as CSV",
    response_class=Response,
    dependencies=[query_of(*VIEW_PARAMETERS, "bom")],
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}, **READS},
)
def transfers_csv(
    params: TransferParams,
    connection: Reader,
    bom: Annotated[bool, Query(description="Start with a UTF-8 byte-order mark, for Excel.")] = False,
) -> Response:
    rows = data.every_row(connection, params.to_query())  # the whole view, whatever its limit and offset
    text = export.render(rows, "csv") or ""  # the export's CSV: its columns, formulas kept as text
    return Response(
        export.BOM + text if bom else text,
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="transfers.csv"'},
    )


@router.get(
    "/transfers/{transfer_id}",
    summary="One transfer: history, claims and evidence spans",
    dependencies=[NONE],
    responses=ONE_ITEM,
)
def transfer(transfer_id: str, connection: Reader) -> dict:
    return get_transfer(connection, transfer_id)


@router.get(
    "/timeline",
    summary="Claims per month by stage over the transfers of a view (same filters)",
    dependencies=[VIEW],
    responses=READS,
)
def timeline(params: TransferParams, connection: Reader) -> dict:
    return data.timeline(connection, data.view(connection, params.to_query()))


@router.get(
    "/transfers/{transfer_id}/timeline",
    summary="One transfer's claims per month by stage",
    dependencies=[NONE],
    responses=ONE_ITEM,
)
def transfer_timeline(transfer_id: str, connection: Reader) -> dict:
    return timelines.counts([get_transfer(connection, transfer_id)])


@router.get("/articles", summary="Articles in the ledger", dependencies=[query_of("limit", "offset")], responses=READS)
def articles(
    connection: Reader,
    limit: Annotated[int, Query(ge=1, le=data.MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_INTEGER)] = 0,
) -> dict:
    total, rows = data.articles(connection, limit, offset)
    return listed(total, rows, limit, offset)


@router.get(
    "/articles/{article_id}",
    summary="One article: clean text, what cleaning did, findings",
    dependencies=[NONE],
    responses=ONE_ITEM,
)
def article(article_id: str, connection: Reader) -> dict:
    item = data.article(connection, article_id)
    item["highlights"] = data.highlights(item)
    return item


@router.get(
    "/flows",
    summary="Transfer counts supplier -> intermediary -> recipient",
    dependencies=[query_of("category", "since", "until")],
    responses=READS,
)
def flows(connection: Reader, category: str | None = None, since: str | None = None, until: str | None = None) -> dict:
    return {"items": data.flows(connection, Filters(category=category, since=since, until=until))}


class ArticleIn(BaseModel):
    # A field this does not take is refused, not dropped: "datePublished" (which a feed's record may
    # use) or "publised" lost the article's date unsaid.
    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, max_length=200)
    text: str | None = Field(None, max_length=1_000_000)
    html: str | None = Field(None, max_length=2_000_000)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40)


@router.post(
    "/articles",
    summary="Ingest one article (text or HTML); needs the bearer token",
    dependencies=[TokenChecked],
    status_code=201,
    responses={**WRITES, **answers(422)},
)
def ingest(body: ArticleIn, store: Writer, request: Request) -> dict:
    item = next(without_empty([dict_to_article(body.model_dump(exclude_none=True), "api")]))
    if isinstance(item, Failure):
        raise Skipped(item.problem) if item.skipped else UsageError(item.problem)
    result = request.app.state.extractor.run(item)  # a worker process, given up after the budget
    if isinstance(result, Failure):  # skipped: cleaned to no text, or over the time budget (422)
        # else a bug met on the page, or the worker died on it: the server's error (500), not a
        # malformed request (400)
        raise Skipped(result.problem) if result.skipped else InternalError(result.problem)
    summary = store.ingest([result])
    return {
        "id": result.id,
        "article_id": article_key(result),
        "new": summary.new,
        "duplicate": summary.duplicate,
        "transfers": len(result.transfers),
        "quotes": len(result.quotes),
    }


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")  # "notes" for "note" dropped the analyst's note unsaid

    action: Literal["confirm", "reject", "set", "unset"] = Field(
        description="unset: undo the field's corrections (the extracted value again)."
    )
    field: str | None = Field(None, max_length=32)
    value: str | None = Field(None, max_length=200)
    note: str | None = Field(None, max_length=2000)


@router.post(
    "/transfers/{transfer_id}/review",
    summary="Confirm, reject, correct or undo a correction; needs the bearer token",
    dependencies=[TokenChecked],
    status_code=201,
    responses={**WRITES, **answers(404)},
)
def review(transfer_id: str, body: ReviewIn, store: Writer) -> dict:
    with store.engine.begin() as connection:
        record_review(connection, transfer_id, body.action, body.field, body.value, body.note)
    with store.connect() as connection:
        return get_transfer(connection, transfer_id)


__all__ = ["router"]
