"""The web view against hostile pages and odd requests: scraped titles, text and addresses stay
text; HEAD, unknown methods, the token's 401 and huge numbers answer as HTTP says, never a 500."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from materiel import api
from materiel.ledger.store import Store
from materiel.web.app import create_app

pytestmark = pytest.mark.slow
TOKEN = "hostile-token"
# Invented pages of a scraped feed: markup and formulas in the text, script in the address.
RECORDS = [
    {
        "id": "linked",
        "url": "https://news.example/story?id=7",
        "text": "Finland has sent 8 howitzers to Estonia, the ministry said.",
    },
    {
        "id": "scripted",
        "url": "javascript:alert(document.cookie)",
        "text": '"><img src=x onerror=alert(1)> Greece buys boats\n\n'
        "Greece has sent 4 =HYPERLINK(1) patrol boats to Cyprus, the navy said.",
    },
]


@pytest.fixture(scope="module")
def client(tmp_path_factory, runner) -> TestClient:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    Store(str(folder / "ledger.db")).ingest(api.extract([folder / "feed.jsonl"], runner))
    return TestClient(create_app(str(folder / "ledger.db"), token=TOKEN))


def _article(client: TestClient, url: str) -> str:
    items = client.get("/api/v1/articles").json()["items"]
    return next(a["id"] for a in items if a["url"] == url)


def test_only_an_http_address_is_a_link_and_markup_stays_text(client: TestClient) -> None:
    linked = client.get(f"/articles/{_article(client, RECORDS[0]['url'])}").text
    assert '<a class="source-link" href="https://news.example/story?id=7"' in linked
    scripted = client.get(f"/articles/{_article(client, RECORDS[1]['url'])}").text
    assert "javascript:alert(document.cookie)" in scripted and 'href="javascript' not in scripted
    assert "source-link" not in scripted
    assert "<img src=x" not in scripted and "&lt;img src=x onerror=alert(1)&gt;" in scripted


@pytest.mark.parametrize("path", ["/", "/flows", "/api/v1/transfers", "/api/v1/transfers.csv"])
def test_head_answers_as_get_without_a_body(client: TestClient, path: str) -> None:
    got, head = client.get(path), client.head(path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


def test_a_method_not_allowed_says_which_are_and_a_401_names_its_scheme(client: TestClient) -> None:
    refused = client.put("/api/v1/transfers")
    assert refused.status_code == 405 and refused.headers["allow"] == "GET, HEAD"  # HeadAsGet answers HEAD
    assert refused.json()["error"] == "method_not_allowed"
    assert client.head("/api/v1/transfers/x/review").status_code == 405  # HEAD reads, never writes
    denied = client.post("/api/v1/articles", json={"text": "x"})
    assert denied.status_code == 401 and denied.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/articles?offset=100000000000000000000",
        "/api/v1/transfers?offset=100000000000000000000",
        "/api/v1/transfers?min_sources=100000000000000000000",
        "/api/v1/transfers?month=2024-13",
        "/api/v1/timeline?month=2024-00",
    ],
)
def test_out_of_range_numbers_are_usage_errors_not_500(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400 and response.json()["error"] == "usage_error", response.text


@pytest.mark.parametrize("path", ["/api/v1/transfers?q=%00", "/api/v1/transfers?q=radar%00s", "/?q=%00"])
def test_a_nul_in_the_search_is_a_usage_error_not_every_transfer(client: TestClient, path: str) -> None:
    """SQLite's text functions end a string at a NUL, so the search "\x00" matched every transfer;
    PostgreSQL refuses a NUL in text outright. No stored text holds one (posted NULs are dropped)."""
    response = client.get(path)
    assert response.status_code == 400, response.text
    if path.startswith("/api/"):
        assert response.json()["error"] == "usage_error"


def test_csv_of_the_view_starts_with_the_byte_order_mark_only_when_asked(client: TestClient) -> None:
    plain = client.get("/api/v1/transfers.csv").text
    assert plain.startswith("id,supplier,")
    marked = client.get("/api/v1/transfers.csv?bom=true").text
    assert marked == "\ufeff" + plain
    page = client.get("/").text
    assert "/api/v1/transfers.csv?" in page and "bom=true" in page


def test_a_nul_in_a_posted_article_is_not_stored(client: TestClient) -> None:
    text = "Norway has sent 3 radars\x00 to Latvia, the ministry said."
    made = client.post(
        "/api/v1/articles", json={"id": "n\x00ul", "text": text}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert made.status_code == 201 and made.json()["id"] == "nul"
    stored = client.get(f"/api/v1/articles/{made.json()['article_id']}").json()
    assert "\x00" not in stored["text"] and "radars to Latvia" in stored["text"]


def test_a_posted_page_nested_too_deep_is_skipped_at_once_not_a_server_error(client: TestClient) -> None:
    """review15: the depth guard's refusal reached the API as the server's 500 (a read_error from the
    worker reads as a bug met on the page); the page is the client's, given up as a page past the
    time budget is: 422 `skipped`, nothing stored."""
    html = "<html><body>" + "<div>" * 3000 + "<p>Norway has sent 3 radars to Latvia.</p>" + "</div>" * 3000
    answer = client.post("/api/v1/articles", json={"html": html}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"] == "skipped" and "nested deeper than 1,000" in answer.json()["message"]
