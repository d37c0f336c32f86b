"""Request dependencies: database connections (read-only for reading) and the write token."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Request, params
from sqlalchemy.engine import Connection

from materiel.errors import MaterielError, UsageError
from materiel.ledger.store import Store


class Unauthorized(MaterielError):
    code = "unauthorized"


class WritesOff(MaterielError):
    """No token is set: no request could write (403, not a 401 that asks for credentials)."""

    code = "forbidden"


class TooLarge(MaterielError):
    code = "too_large"


def _store(request: Request, readonly: bool) -> Store:
    """One store per app and mode, made on first use (an engine holds a connection pool)."""
    stores = request.app.state.stores
    if readonly not in stores:
        stores[readonly] = Store(request.app.state.db, readonly=readonly)
    return stores[readonly]


def reader(request: Request) -> Iterator[Connection]:
    """A read-only connection for GET requests."""
    with _store(request, readonly=True).connect() as connection:
        yield connection


def writer(request: Request) -> Store:
    return _store(request, readonly=False)


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    expected = request.app.state.token
    if not expected:
        raise WritesOff("writes are off: this server was started without MATERIEL_TOKEN; set it and restart to write")
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    # The scheme's name is case-insensitive (RFC 9110 11.1); a bare token is taken as before.
    given = credentials.strip() if scheme.lower() == "bearer" else (authorization or "").strip()
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise Unauthorized("missing or wrong bearer token")


def query_of(*names: str) -> params.Depends:
    """A check of a request's query parameters against those its route takes: an unknown one (a
    mistyped filter, `suplier=SVK`) answered the whole ledger as if it were the filtered view, and one
    given twice (`supplier=SVK&supplier=UKR`) kept its last value alone; each is a usage error."""

    def check(request: Request) -> None:
        check_query(request, names)

    return Depends(check)


def check_query(request: Request, names: tuple[str, ...]) -> None:
    """Refuse a query parameter not in `names`, or one given twice (see query_of)."""
    given = [name for name, _ in request.query_params.multi_items()]
    unknown = [name for name in given if name not in names]
    if unknown:
        taken = ", ".join(names) or "none"
        raise UsageError(f"unknown query parameter {unknown[0]!r}; this address takes: {taken}")
    repeated = [name for name in given if given.count(name) > 1]
    if repeated:
        raise UsageError(f"query parameter {repeated[0]!r} is given {given.count(repeated[0])} times: give it once")


Reader = Annotated[Connection, Depends(reader)]
Writer = Annotated[Store, Depends(writer)]
TokenChecked = Depends(require_token)
