"""Which form an answer takes: JSON, or HTML for a person reading pages.

The API (/api/...) always answers JSON. Elsewhere the Accept header decides when it prefers one of
text/html and application/json; when it prefers neither (none sent, or */*), a page route (/,
/transfers/ID, ...) answers HTML and any other path JSON. A page asked for JSON answers its API
twin's JSON (pages.py), and every answer outside the API says `Vary: Accept`.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Match

API_PREFIXES = ("/api/", "/openapi.json", "/static/")
HTML, JSON = "text/html", "application/json"


def wants_html(request: Request, page_routes: list) -> bool:
    if request.url.path.startswith(API_PREFIXES):
        return False
    weights = accept_weights(request.headers.get("accept", ""))
    html, json = weight(weights, HTML), weight(weights, JSON)
    if html != json:
        return html > json
    return any(route.matches(request.scope)[0] is not Match.NONE for route in page_routes)


def prefers_json(request: Request) -> bool:
    """Does Accept prefer JSON to HTML (`application/json`, not `*/*` nor a browser's list)?"""
    weights = accept_weights(request.headers.get("accept", ""))
    return weight(weights, JSON) > weight(weights, HTML)


def varies(request: Request) -> bool:
    """Does the answer's form depend on Accept: everywhere but the API and the static files."""
    return not request.url.path.startswith(API_PREFIXES)


def accept_weights(header: str) -> dict[str, float]:
    """Media range -> quality, as Accept lists them ('text/html;q=0.9, */*;q=0.1')."""
    weights: dict[str, float] = {}
    for part in header.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        weights[media.lower()] = quality
    return weights


def weight(weights: dict[str, float], media: str) -> float:
    """The quality Accept gives one media type: its own entry, else its type's (text/*), else */*."""
    kind = media.split("/")[0]
    for key in (media, f"{kind}/*", "*/*"):
        if key in weights:
            return weights[key]
    return 0.0
