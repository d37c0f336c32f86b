"""The API's OpenAPI description says what the server answers: every route's documented status
codes are provoked for real, each answer in its documented shape (an error: the one error shape),
and every answer provoked is documented. Made-up reports only (no NLP model loaded)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from materiel.article import Article
from materiel.errors import ERROR_KEYS
from materiel.web.app import MAX_BODY_BYTES, create_app
from tests.builders import ledger_of, report, transfer

TOKEN = "described-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
OVERSIZE = {**AUTH, "Content-Length": str(MAX_BODY_BYTES + 1)}


class _AsRead:
    """An extractor that finds nothing: the answers are under test, not the NLP."""

    def run(self, item: Article) -> Article:
        return item


class _Faulty:
    """A ledger store with a fault of the server's own in every use (not the ledger's 503)."""

    def __getattr__(self, name: str) -> object:
        raise RuntimeError(f"a made-up fault in Store.{name}")


class Clients:
    """A server on a ledger with a token, one without a token, and one whose ledger is missing."""

    def __init__(self, tmp_path: Path) -> None:
        url = ledger_of(tmp_path, report("d-1", "Made-up: Norway sends radios to Ukraine.", transfer("NOR", "UKR")))
        self.ok = TestClient(create_app(url, token=TOKEN, extractor=_AsRead()))
        self.no_token = TestClient(create_app(url, token="", extractor=_AsRead()))
        self.missing = TestClient(create_app(f"sqlite:///{tmp_path / 'none' / 'x.db'}", token=TOKEN))
        faulty = create_app(url, token=TOKEN, extractor=_AsRead())
        faulty.state.stores = {True: _Faulty(), False: _Faulty()}
        self.faulty = TestClient(faulty, raise_server_exceptions=False)  # a fault of the server's: its 500
        self.transfer = self.ok.get("/api/v1/transfers").json()["items"][0]["id"]
        self.article = self.ok.get("/api/v1/articles").json()["items"][0]["id"]

    def path(self, template: str, known: bool = True) -> str:
        ids = (self.transfer, self.article) if known else ("000000000000", "no-such-article")
        return template.replace("{transfer_id}", ids[0]).replace("{article_id}", ids[1])


Provoke = Callable[[Clients, str, str], httpx.Response]


def _get(c: Clients, method: str, template: str) -> httpx.Response:
    return c.ok.request(method, c.path(template))


def _unknown_parameter(c: Clients, method: str, template: str) -> httpx.Response:
    if method == "POST":
        return c.ok.post(c.path(template), json={"mistyped": 1}, headers=AUTH)
    return c.ok.request(method, c.path(template) + "?mistyped=1")


def _unknown_id(c: Clients, method: str, template: str) -> httpx.Response:
    body = {"json": {"action": "confirm"}, "headers": AUTH} if method == "POST" else {}
    return c.ok.request(method, c.path(template, known=False), **body)


def _missing_ledger(c: Clients, method: str, template: str) -> httpx.Response:
    body = {"json": _BODIES.get(template), "headers": AUTH} if method == "POST" else {}
    return c.missing.request(method, c.path(template), **body)


def _fault(c: Clients, method: str, template: str) -> httpx.Response:
    body = {"json": _BODIES.get(template), "headers": AUTH} if method == "POST" else {}
    return c.faulty.request(method, c.path(template), **body)


_BODIES = {
    "/api/v1/articles": {"text": "Made-up: Chile sends two patrol boats to Peru."},
    "/api/v1/transfers/{transfer_id}/review": {"action": "confirm", "note": "made-up"},
}


def _posted(headers: dict[str, str] | None = None, body: dict | None = None, server: str = "ok") -> Provoke:
    def post(c: Clients, _method: str, template: str) -> httpx.Response:
        client = getattr(c, server)
        return client.post(c.path(template), json=body or _BODIES[template], headers=headers or AUTH)

    return post


# How each answer is provoked, for the GET routes and for each write.
READS: dict[str, Provoke] = {
    "200": _get,
    "400": _unknown_parameter,
    "404": _unknown_id,
    "500": _fault,
    "503": _missing_ledger,
}
WRITES: dict[str, Provoke] = {
    "201": _posted(),
    "400": _unknown_parameter,
    "401": _posted({"Authorization": "Bearer wrong"}),
    "403": _posted(server="no_token"),
    "404": _unknown_id,
    "413": _posted(OVERSIZE),
    "422": _posted(body={"text": " "}),
    "500": _fault,
    "503": _missing_ledger,
}
# The reads that name one item (a 404 when it is not in the ledger).
ONE_ITEM = ("{transfer_id}", "{article_id}")


@pytest.fixture(scope="module")
def clients(tmp_path_factory) -> Clients:
    return Clients(tmp_path_factory.mktemp("described"))


def _operations(clients: Clients) -> list[tuple[str, str, dict]]:
    schema = clients.ok.get("/openapi.json").json()
    return [(path, method.upper(), op) for path, ops in schema["paths"].items() for method, op in ops.items()]


def _provokers(method: str, path: str) -> dict[str, Provoke]:
    """The answers a route gives and how to provoke each."""
    if method == "POST":  # a review names its transfer (404); an article may be empty (422)
        item = "{transfer_id}" in path
        return {code: how for code, how in WRITES.items() if (code != "404" or item) and (code != "422" or not item)}
    return {code: how for code, how in READS.items() if code != "404" or any(p in path for p in ONE_ITEM)}


def test_every_documented_answer_is_the_server_s_and_every_answer_is_documented(clients: Clients) -> None:
    """The description listed a 422 of FastAPI's validation shape on every route, which the server
    never answers (a bad query or body is a 400 in the error shape), and none of the 400, 401, 403,
    404, 413, 422 (an empty article), 500 (a fault of its own) and 503 answers it gives, each in the
    one error shape."""
    schema = clients.ok.get("/openapi.json").json()
    operations = _operations(clients)
    assert operations, "no route described"
    for path, method, op in operations:
        provokers = _provokers(method, path)
        assert sorted(op["responses"]) == sorted(provokers), (method, path)
        for code, provoke in provokers.items():
            answer = provoke(clients, method, path)
            assert str(answer.status_code) == code, (method, path, answer.text[:200])
            documented = op["responses"][code]
            if code.startswith(("4", "5")):
                assert tuple(answer.json()) == ERROR_KEYS, (method, path, code)
                assert _schema(schema, documented)["required"] == list(ERROR_KEYS), (method, path, code)
            else:
                kind = answer.headers["content-type"].split(";")[0]
                assert list(documented["content"]) == [kind], (method, path)


def _schema(schema: dict, response: dict) -> dict:
    """A documented response's JSON schema, its reference followed."""
    found = response["content"]["application/json"]["schema"]
    name = found["$ref"].rsplit("/", 1)[-1]
    return schema["components"]["schemas"][name]


def test_the_docs_page_lists_each_route_s_answers(clients: Clients) -> None:
    """The /docs page shows the answers the description lists: a 422 for an empty article among them."""
    page = clients.ok.get("/docs").text
    assert "422" in page and "skipped" in page and "413" in page
