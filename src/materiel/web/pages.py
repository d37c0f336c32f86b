"""The pages: ledger, transfer, article, flows, and a self-contained API reference at /docs.

A page asked for JSON (Accept prefers application/json) answers what its API twin answers, its query
checked as the twin checks it: /api/v1/transfers, /transfers/{id}, /articles/{id}, /flows, and the
OpenAPI schema for /docs."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response

from materiel.article import CATEGORIES, STATUSES
from materiel.countries import actor_name
from materiel.ledger.contest import COARSE
from materiel.ledger.export import quantities_text
from materiel.ledger.queries import Filters, get_transfer
from materiel.web import api, data, negotiate
from materiel.web import timeline as timelines
from materiel.web.api import VIEW_PARAMETERS, TransferQuery
from materiel.web.deps import Reader, check_query
from materiel.web.render import excerpts, field_sentence, flow_layout, highlighted, web_link

router = APIRouter(include_in_schema=False)
# A stage's badge: its coarse class, with "done" for executed (the stylesheet's name for it).
STAGE_CLASS = {stage: "done" if coarse == "executed" else coarse for stage, coarse in COARSE.items()}


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    context.update(
        request=request,
        stage_class=STAGE_CLASS,
        writable=bool(request.app.state.token),
        name=actor_name,
        quantities=quantities_text,
        stages=timelines.STAGES,
        web_link=web_link,
    )
    return request.app.state.templates.TemplateResponse(request, template, context)


def _wants_json(request: Request, names: tuple[str, ...] = ()) -> bool:
    """Does the client ask this page for JSON? Then its query is checked as its API twin checks it
    (`names`: the parameters the twin takes)."""
    if not negotiate.prefers_json(request):
        return False
    check_query(request, names)
    return True


def _json(payload: dict) -> JSONResponse:
    return JSONResponse(jsonable_encoder(payload))


@router.get("/", response_class=HTMLResponse)
def ledger(request: Request, params: Annotated[TransferQuery, Query()], connection: Reader) -> Response:
    if _wants_json(request, VIEW_PARAMETERS):
        return _json(api.transfers(params, connection))
    query = params.to_query()
    data.check(query)
    # The page's rows, the view's count and its timeline: each in SQL, none reads the whole ledger.
    viewed = data.view(connection, query)
    total, rows, counted = data.page(connection, viewed, query, timeline=True)
    current = _view_parameters(params)

    def link(**change: Any) -> str:
        return "/?" + urlencode({**current, **change})

    return _page(
        request,
        "ledger.html",
        rows=rows,
        total=total,
        params=params,
        sortable=data.SORTABLE,
        categories=CATEGORIES,  # closed sets: chosen, not typed (a typo would be a usage error)
        statuses=STATUSES,
        csv_link=_csv_link(current),
        link=link,
        drawing=timelines.draw(counted, lambda month, stage: link(month=month, stage=stage, offset=0)),
        undated=counted["undated"],
    )


def _view_parameters(params: TransferQuery) -> dict[str, Any]:
    """The view's own parameters (contested=false too, which a test of falsity dropped from every link
    and from the CSV of this view), booleans as the query writes them."""
    return {
        k: str(v).lower() if isinstance(v, bool) else v for k, v in params.model_dump(exclude_defaults=True).items()
    }


def _csv_link(current: dict[str, Any]) -> str:
    """The view's rows as CSV, every page of them: a person's download, opened in a spreadsheet, so
    with the mark Excel needs to read UTF-8."""
    return "/api/v1/transfers.csv?" + urlencode(
        {**{k: v for k, v in current.items() if k not in ("limit", "offset")}, "bom": "true"}
    )


@router.get("/transfers/{transfer_id}", response_class=HTMLResponse)
def transfer(request: Request, transfer_id: str, connection: Reader) -> Response:
    if _wants_json(request):
        return _json(api.transfer(transfer_id, connection))
    row = get_transfer(connection, transfer_id)
    text = data.texts(connection, [claim["article_id"] for claim in row["claims"]])
    for claim in row["claims"]:
        spans = [{**e, "label": "evidence", "kind": "evidence", "transfer": None} for e in claim["evidence"]]
        claim["paragraphs"] = excerpts(text[claim["article_id"]], spans)
        for found in claim["field_spans"]:
            found["html"] = field_sentence(found)
    counted = timelines.counts([row])
    anchors = _bar_anchors(row["history"])
    return _page(
        request,
        "transfer.html",
        row=row,
        anchors=anchors,
        drawing=timelines.draw(counted, lambda month, stage: f"#h-{month}-{stage}"),
        undated=counted["undated"],
    )


def _bar_anchors(history: list[dict]) -> list[str | None]:
    """The anchor a timeline bar links to: on the first history step of its month and stage."""
    seen: set[str] = set()
    anchors = []
    for event in history:
        month = timelines.month_of(event.get("date"))
        key = f"h-{month}-{COARSE.get(event['status'])}"
        anchors.append(key if key not in seen and len(month) == len(timelines.MONTH) else None)
        seen.add(key)
    return anchors


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, connection: Reader) -> Response:
    if _wants_json(request):
        return _json(api.article(article_id, connection))
    item = data.article(connection, article_id)
    return _page(request, "article.html", item=item, paragraphs=highlighted(item["text"], data.highlights(item)))


@router.get("/flows", response_class=HTMLResponse)
def flows(
    request: Request,
    connection: Reader,
    category: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Response:
    if _wants_json(request, ("category", "since", "until")):
        return _json(api.flows(connection, category or None, since or None, until or None))
    items = data.flows(connection, Filters(category=category or None, since=since or None, until=until or None))
    shown = {k: v for k, v in (("category", category), ("since", since), ("until", until)) if v}
    nodes, bands, height = flow_layout(items, shown)
    return _page(
        request,
        "flows.html",
        items=items,
        nodes=nodes,
        bands=bands,
        height=height,
        category=category or "",
        categories=CATEGORIES,  # a closed set, chosen as on the ledger page: a typo was a 400 page
        since=since or "",
        until=until or "",
    )


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> Response:
    schema = request.app.openapi()
    if _wants_json(request):
        return _json(schema)
    return _page(request, "docs.html", schema=schema)
