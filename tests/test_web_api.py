"""The JSON API: every endpoint, its filters, its errors, the token, and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from materiel import api
from materiel.errors import ERROR_KEYS
from materiel.ledger.store import Store
from materiel.web.app import MAX_BODY_BYTES, create_app
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def db(tmp_path_factory, runner) -> str:
    path = tmp_path_factory.mktemp("web") / "ledger.db"
    Store(str(path)).ingest(api.extract([ROOT / "examples"], runner))
    return str(path)


@pytest.fixture
def client(db: str) -> TestClient:
    return TestClient(create_app(db, token=TOKEN))


def test_transfers_list_filters_sort_and_pages(client: TestClient) -> None:
    everything = client.get("/api/v1/transfers").json()
    assert everything["total"] >= 6
    slovak = client.get("/api/v1/transfers", params={"supplier": "svk"}).json()
    assert slovak["total"] == 1 and slovak["items"][0]["corroboration"] == 3
    assert all(
        r["category"] == "ammunition" for r in client.get("/api/v1/transfers?category=ammunition").json()["items"]
    )
    assert client.get("/api/v1/transfers?via=USA").json()["total"] >= 1
    assert client.get("/api/v1/transfers?min_sources=3").json()["total"] == 1
    assert client.get("/api/v1/transfers?q=MiG").json()["total"] == 1
    ascending = [r["supplier"] for r in client.get("/api/v1/transfers?sort=supplier&order=asc").json()["items"]]
    assert ascending == sorted(ascending)
    page = client.get("/api/v1/transfers?limit=2&offset=1").json()
    assert len(page["items"]) == 2 and page["items"][0] == everything["items"][1]


def test_transfer_detail_has_evidence_spans(client: TestClient) -> None:
    (row,) = client.get("/api/v1/transfers?supplier=SVK").json()["items"]
    detail = client.get(f"/api/v1/transfers/{row['id']}").json()
    assert [step["status"] for step in detail["history"]] == ["considered", "pledged", "delivered"]
    claim = detail["claims"][0]
    article = client.get(f"/api/v1/articles/{claim['article_id']}").json()
    for span, sentence in zip(claim["evidence"], claim["evidence_text"], strict=True):
        assert article["text"][span["start"] : span["end"]] == sentence


def test_articles_and_flows(client: TestClient) -> None:
    listing = client.get("/api/v1/articles?limit=3").json()
    assert listing["total"] >= 8 and len(listing["items"]) == 3
    detail = client.get(f"/api/v1/articles/{listing['items'][0]['id']}").json()
    assert {"text", "removed", "repairs", "claims", "quotes", "highlights"} <= set(detail)
    flows = client.get("/api/v1/flows").json()["items"]
    assert any(f["via"] == "USA" and f["supplier"] == "CAN" for f in flows)
    assert client.get("/api/v1/flows?category=aircraft").json()["items"][0]["supplier"] == "SVK"


def test_csv_of_the_view(client: TestClient) -> None:
    response = client.get("/api/v1/transfers.csv?supplier=SVK")
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.strip().splitlines()
    assert lines[0].startswith("id,supplier") and len(lines) == 2


def test_errors_share_one_shape(client: TestClient) -> None:
    for response, status in [
        (client.get("/api/v1/transfers/nope"), 404),
        (client.get("/api/v1/articles/nope"), 404),
        (client.get("/api/v1/transfers?sort=evil"), 400),
        (client.get("/api/v1/transfers?limit=0"), 400),
        (client.get("/api/v1/no-such-endpoint"), 404),
    ]:
        assert response.status_code == status
        assert set(response.json()) == set(ERROR_KEYS)
    said = client.get("/docs").text  # the API's page gives the shape whole
    assert all(f"&#34;{key}&#34;:" in said or f'"{key}":' in said for key in ERROR_KEYS)


BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_a_page_s_error_is_an_html_page_a_client_asking_for_json_gets_the_json_shape(client: TestClient) -> None:
    for path, status in [
        ("/transfers/nope", 404),
        ("/articles/nope", 404),
        ("/?sort=evil", 400),
        ("/?status=bogus", 400),
    ]:
        for headers in ({}, BROWSER):  # a page route: HTML unless JSON is asked for
            page = client.get(path, headers=headers)
            assert page.status_code == status and page.headers["content-type"].startswith("text/html"), path
            assert f"<h1>{status} " in page.text and '<a href="/">Back to the ledger</a>' in page.text
        asked = client.get(path, headers={"Accept": "application/json"})
        assert asked.status_code == status and set(asked.json()) == set(ERROR_KEYS)
        assert asked.json()["message"] in client.get(path).text.replace("&#39;", "'").replace("&#34;", '"')


def test_the_api_answers_json_even_to_a_browser_and_unknown_paths_follow_accept(client: TestClient) -> None:
    assert client.get("/api/v1/transfers/nope", headers=BROWSER).json()["error"] == "not_found"
    assert client.get("/api/v1/transfers?sort=evil", headers=BROWSER).json()["error"] == "usage_error"
    assert client.get("/no-such-page").json()["error"] == "not_found"
    page = client.get("/no-such-page", headers=BROWSER)
    assert page.status_code == 404 and "Back to the ledger" in page.text
    hostile = client.get("/transfers/<b>x<img src=1>", headers=BROWSER)
    assert hostile.status_code == 404 and "<b>x" not in hostile.text and "&lt;b&gt;x&lt;img" in hostile.text


def test_writes_need_the_token(client: TestClient, db: str) -> None:
    (row,) = client.get("/api/v1/transfers?supplier=SVK").json()["items"]
    path = f"/api/v1/transfers/{row['id']}/review"
    assert client.post(path, json={"action": "confirm"}).status_code == 401
    assert client.post(path, json={"action": "confirm"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/v1/articles", json={"text": "x"}).status_code == 401
    # no token set: no token could write, so the answer is 403 (writes are off), not a 401 that asks for one
    assert TestClient(create_app(db, token="")).post(path, json={"action": "confirm"}, headers=AUTH).status_code == 403
    done = client.post(
        path,
        json={"action": "set", "field": "status", "value": "delivered", "note": "<b>ok</b>"},
        headers=AUTH,
    )
    assert done.status_code == 201 and done.json()["review_notes"][-1] == "<b>ok</b>"
    assert (
        client.post(path, json={"action": "set", "field": "status", "value": "bogus"}, headers=AUTH).status_code == 400
    )
    wrong = client.post(path, json={"action": "set", "field": "supplier", "value": "XXX"}, headers=AUTH)
    assert wrong.status_code == 400 and "alpha-3" in wrong.json()["message"]


def test_post_article_ingests_once(client: TestClient) -> None:
    body = {"id": "api-1", "text": "Portugal has sent six Leopard 2 tanks to Ukraine, the ministry said."}
    first = client.post("/api/v1/articles", json=body, headers=AUTH).json()
    assert first["new"] == 1 and first["transfers"] == 1
    assert client.post("/api/v1/articles", json=body, headers=AUTH).json()["duplicate"] == 1
    assert client.get("/api/v1/transfers?supplier=PRT").json()["total"] == 1
    assert client.post("/api/v1/articles", json={"id": "x"}, headers=AUTH).status_code == 400


def test_request_size_limit(client: TestClient) -> None:
    big = "a" * (MAX_BODY_BYTES + 10)
    response = client.post("/api/v1/articles", content=big, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 413 and response.json()["error"] == "too_large"


@pytest.mark.parametrize("evil", ["' OR 1=1 --", "USA'; DROP TABLE transfers; --", "%' UNION SELECT * FROM reviews --"])
def test_sql_injection_in_filters_is_inert(client: TestClient, evil: str) -> None:
    response = client.get("/api/v1/transfers", params={"q": evil})
    assert response.status_code == 200 and response.json()["total"] == 0
    # an actor (a known name or id), a value from a closed set, or a date
    for name in ("supplier", "recipient", "via", "category", "status", "since", "until"):
        response = client.get("/api/v1/transfers", params={name: evil})
        assert response.status_code == 400 and response.json()["error"] == "usage_error"
    assert client.get("/api/v1/transfers").json()["total"] >= 6


def test_script_in_article_is_shown_as_text(client: TestClient) -> None:
    text = 'Estonia has sent <script>alert("x")</script> 12 howitzers to Ukraine, officials said.'
    made = client.post("/api/v1/articles", json={"id": "xss", "text": text}, headers=AUTH)
    assert made.status_code == 201
    page = client.get(f"/articles/{made.json()['article_id']}")
    assert "<script>alert" not in page.text and "&lt;script&gt;alert" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_pages_render(client: TestClient) -> None:
    (row,) = client.get("/api/v1/transfers?supplier=SVK").json()["items"]
    for path in (
        "/",
        "/?supplier=SVK&sort=status&order=asc",
        f"/transfers/{row['id']}",
        "/flows",
        "/flows?category=aircraft",
        "/docs",
        "/openapi.json",
        "/static/app.js",
    ):
        assert client.get(path).status_code == 200, path
    assert "<mark" in client.get(f"/transfers/{row['id']}").text


def test_get_uses_a_read_only_connection(db: str, tmp_path: Path) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    with Store(db, readonly=True).connect() as connection, pytest.raises(OperationalError):
        connection.execute(text("DELETE FROM reviews"))
