"""What the API's OpenAPI description says of its answers: the one error shape, the errors each
route gives, and not FastAPI's validation answer, a 422 of another shape that the server never
gives (a bad query or body is a 400 in the error shape; its 422 is an empty article's)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ConfigDict, Field


class ErrorOut(BaseModel):
    """Every error's one shape: the command line's error lines (errors.ERROR_KEYS)."""

    model_config = ConfigDict(title="Error")

    error: str = Field(
        description=(
            "Its kind: usage_error, unauthorized, forbidden, not_found, too_large, skipped, store_error,"
            " internal_error."
        )
    )
    source: str | None = Field(description="The input it is about: null in the API's answers.")
    message: str = Field(description="What went wrong, in words.")


# Each error status the API answers, and when.
ERRORS = {
    400: "usage_error: an unknown or repeated query parameter, a value out of its range, a malformed body",
    401: "unauthorized: the bearer token is missing or wrong (with WWW-Authenticate)",
    403: "forbidden: writes are off, the server was started without MATERIEL_TOKEN",
    404: "not_found: no such transfer or article in the ledger",
    413: "too_large: a request body over 2 MB, sent with a Content-Length or chunked",
    422: "skipped: an empty article, one that cleans to no text, or one over the time budget; nothing stored",
    500: "internal_error: a fault of the server's own, met while answering (its log has the details)",
    503: "store_error: the ledger cannot be opened or read",
}
# FastAPI's validation answer, which every route with a parameter is given unless it documents a 422.
VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")


def answers(*codes: int) -> dict[int | str, dict[str, Any]]:
    """A route's error answers, for its `responses`: each in the one error shape."""
    return {code: {"model": ErrorOut, "description": ERRORS[code]} for code in codes}


# The error answers of the reading routes, of those that read one item, and of the writes.
READS, ONE_ITEM = answers(400, 500, 503), answers(400, 404, 500, 503)
WRITES = answers(400, 401, 403, 413, 500, 503)


def described(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI description (made once): FastAPI's, without the validation answer."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        for operations in schema["paths"].values():
            for operation in operations.values():
                if _is_validation(operation["responses"].get("422")):
                    del operation["responses"]["422"]
        found = schema.get("components", {}).get("schemas", {})
        for name in VALIDATION_SCHEMAS:
            found.pop(name, None)
        app.openapi_schema = schema
    return app.openapi_schema


def _is_validation(response: dict | None) -> bool:
    reference = ((response or {}).get("content", {}).get("application/json", {}).get("schema", {})).get("$ref", "")
    return reference.endswith("/" + VALIDATION_SCHEMAS[0])
