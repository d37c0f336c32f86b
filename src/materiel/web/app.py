"""The web app: a JSON API under /api/v1 and the pages analysts check the ledger in.

GET requests read through a read-only connection; the two write endpoints need the bearer token
(MATERIEL_TOKEN, compared in constant time). Every error is the same JSON shape, except where a
person reads pages: there it is a small HTML page with the same status and message (negotiate.py). Article text is
untrusted: templates escape everything, and a Content-Security-Policy forbids inline script.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Mapping
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from materiel.api import extract_steps
from materiel.errors import MaterielError, StoreError, error_shape
from materiel.web import api, negotiate
from materiel.web.deps import TooLarge
from materiel.web.described import described
from materiel.web.worker import Extractor

# Bodies larger than this are refused: unread when Content-Length says so, and a chunked one (no
# Content-Length) once its chunks add up to more. An article is rarely over 1 MB.
MAX_BODY_BYTES = 2_000_000
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


STATUS = {
    "not_found": 404,
    "usage_error": 400,
    # an empty page: the request is well formed, and its content is nothing to store (RFC 9110 15.5.21)
    "skipped": 422,
    "unauthorized": 401,
    "forbidden": 403,
    "store_error": 503,
    "too_large": 413,
}
# Headers an error's status calls for (RFC 9110 11.6.1, RFC 6750 3): a 401 names the scheme it wants.
ERROR_HEADERS = {"unauthorized": {"WWW-Authenticate": 'Bearer realm="materiel"'}}


def create_app(db: str | None = None, token: str | None = None, extractor: Extractor | None = None) -> FastAPI:
    app = FastAPI(
        title="materiel",
        version="1",
        docs_url=None,
        redoc_url=None,
        description="The ledger of arms and military-aid transfers, with its evidence.",
    )
    app.openapi = lambda: described(app)  # FastAPI's description, without its validation answer
    app.state.db = db
    app.state.stores = {}
    # A daemon process, started at the first POST and ended with the server.
    app.state.extractor = extractor or Extractor(extract_steps)
    app.state.token = token if token is not None else os.environ.get("MATERIEL_TOKEN")
    app.state.templates = Jinja2Templates(directory=str(_here() / "templates"))
    app.mount("/static", StaticFiles(directory=str(_here() / "static")), name="static")
    # Inside the guard, so that its 413 carries the headers (the guard's own wrapping of the body
    # would hand the route an exception group, which FastAPI answers 400).
    app.add_middleware(BodyCap)
    _middleware(app)
    _errors(app)
    app.include_router(api.router)
    from materiel.web import pages

    app.include_router(pages.router)
    app.state.page_routes = pages.router.routes
    app.state.routes = [*api.router.routes, *pages.router.routes]  # the routes whose methods a 405 names
    app.add_middleware(HeadAsGet)
    return app


class BodyCap:
    """A request body read with a cap, however it arrives: the guard's check of Content-Length let a
    chunked body (Transfer-Encoding: chunked, no Content-Length) of any size through, read whole.
    Past the cap, reading the body raises the 413 that FastAPI passes on to the error handlers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        read = 0

        async def capped() -> Message:
            nonlocal read
            message = await receive()
            read += len(message.get("body", b"")) if message["type"] == "http.request" else 0
            if read > MAX_BODY_BYTES:
                raise StarletteHTTPException(413, f"request body over {MAX_BODY_BYTES} bytes")
            return message

        await self.app(scope, capped, send)


class HeadAsGet:
    """HEAD answered as GET without its body (RFC 9110 9.3.2): FastAPI's routes take GET only, so a
    link checker's or `curl -I`'s HEAD got 405. Only reading routes take GET."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _here() -> Path:
    return Path(str(resources.files("materiel.web")))


def _middleware(app: FastAPI) -> None:
    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            # refused unread, with the headers every other answer carries
            response = _error_response(request, TooLarge(f"request body over {MAX_BODY_BYTES} bytes"))
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        # The ledger changes with every ingest and review, and a release changes the script and the
        # stylesheet: a browser asks again each time (the static files answer 304 by their ETag).
        response.headers.setdefault("Cache-Control", "no-cache")
        if negotiate.varies(request):
            # a page and its JSON twin share an address: a cache must not answer one for the other
            response.headers["Vary"] = ", ".join([*_listed(response.headers.get("Vary")), "Accept"])
        return response


def _errors(app: FastAPI) -> None:
    @app.exception_handler(MaterielError)
    async def materiel_error(request: Request, error: MaterielError) -> Response:
        return _error_response(request, error)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return _http_error_response(request, error)

    @app.exception_handler(SQLAlchemyError)
    async def store_error(request: Request, error: SQLAlchemyError) -> Response:
        reason = str(getattr(error, "orig", error)).splitlines()[0]
        return _error_response(request, StoreError(f"cannot read the ledger: {reason}"))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception) -> Response:
        # The server's log has the traceback; the client gets the shape every other error has.
        message = f"{type(error).__name__}: an internal error (the server's log has the details)"
        return _answer(request, error_shape("internal_error", message), 500)

    from fastapi.exceptions import RequestValidationError

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _answer(request, error_shape("usage_error", f"{where}: {first.get('msg', 'invalid')}"), 400)


def _http_error_response(request: Request, error: StarletteHTTPException) -> Response:
    """Starlette's HTTP errors (no route, a method the address does not take) in the one shape."""
    code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(error.status_code, "http_error")
    # A 405 carries its Allow header (RFC 9110 15.5.6), which the HTTPException holds.
    headers = _with_head(_allowed(request, error.headers)) if error.status_code == 405 else error.headers
    if error.status_code == 405 and request.method == "OPTIONS":
        return Response(status_code=204, headers=headers)  # what the address allows (RFC 9110 9.3.7)
    return _answer(request, error_shape(code, str(error.detail)), error.status_code, headers)


def _listed(header: str | None) -> list[str]:
    """The names a list header (Vary) holds, without "Accept", which the guard adds once."""
    return [name.strip() for name in (header or "").split(",") if name.strip() and name.strip().lower() != "accept"]


def _allowed(request: Request, headers: Mapping[str, str] | None) -> Mapping[str, str] | None:
    """A 405's headers with every method the address takes: Starlette's Allow names the first
    route's only (GET of /api/v1/articles, without its POST)."""
    scope = {**request.scope, "method": "GET"}
    methods = [
        method
        for route in request.app.state.routes
        if route.matches(scope)[0] is not Match.NONE
        for method in sorted(getattr(route, "methods", None) or ())
    ]
    return {**(headers or {}), "Allow": ", ".join(dict.fromkeys(methods))} if methods else headers


def _with_head(headers: Mapping[str, str] | None) -> Mapping[str, str] | None:
    """An Allow that names GET names HEAD too: HeadAsGet answers it."""
    methods = [m.strip() for m in (headers or {}).get("Allow", "").split(",")]
    if "GET" not in methods or "HEAD" in methods:
        return headers
    return {**(headers or {}), "Allow": ", ".join([*methods, "HEAD"])}


def _error_response(request: Request, error: MaterielError) -> Response:
    return _answer(request, error.to_dict(), STATUS.get(error.code, 500), ERROR_HEADERS.get(error.code))


def _answer(request: Request, payload: dict, status: int, headers: Mapping[str, str] | None = None) -> Response:
    """The JSON error shape, or for a person reading pages an HTML page saying the same."""
    if not negotiate.wants_html(request, request.app.state.page_routes):
        return JSONResponse(payload, status_code=status, headers=headers)
    context = {"status": status, "error": payload["error"], "message": payload["message"]}
    page = request.app.state.templates.get_template("error.html").render(request=request, **context)
    return HTMLResponse(page, status_code=status, headers=headers)


__all__ = ["create_app"]
