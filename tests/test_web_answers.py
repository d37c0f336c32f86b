"""What the web app answers, whatever the client: a body's size however it is sent, writes on a server
with no token, a page's JSON twin and its Vary header, one shape of paged list, and a claim's evidence
in an article with no paragraph breaks. Made-up reports only (no NLP model loaded)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from materiel.article import Article, Span
from materiel.errors import error_shape
from materiel.web.app import MAX_BODY_BYTES, create_app
from tests.builders import ledger_of, report, transfer

TOKEN = "answers-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
JSON_BODY = {**AUTH, "Content-Type": "application/json"}
SAID = "Norway has delivered 8 howitzers to Ukraine, the ministry said."


class _AsRead:
    """An extractor that finds nothing: what the app does with a body is under test, not the NLP."""

    def run(self, item: Article) -> Article:
        return item


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    delivered = transfer("NOR", "UKR", status="delivered", evidence=[Span(0, len(SAID))])
    return ledger_of(tmp_path_factory.mktemp("answers"), report("a-1", SAID, delivered))


@pytest.fixture
def client(url: str) -> TestClient:
    return TestClient(create_app(url, token=TOKEN, extractor=_AsRead()))


def _chunks(*fields: tuple[str, int]) -> Iterator[bytes]:
    """A JSON article of its fields' sizes, sent in pieces of 100 kB: httpx sends an iterator
    chunked, with no Content-Length."""
    yield b"{"
    for number, (name, size) in enumerate(fields):
        yield (", " if number else "").encode() + f'"{name}": "'.encode()
        for piece in range(0, size, 100_000):
            yield b"a" * min(100_000, size - piece)
        yield b'"'
    yield b"}"


def test_a_chunked_body_over_the_limit_is_refused_with_the_usual_headers(client: TestClient) -> None:
    """The size check read Content-Length only: a chunked body has none, and one of any size was read
    whole (the 2.7 MB article below, each field within its own limit, was stored: 201)."""
    before = client.get("/api/v1/articles").json()["total"]
    answer = client.post("/api/v1/articles", content=_chunks(("text", 900_000), ("html", 1_800_000)), headers=JSON_BODY)
    assert answer.status_code == 413, answer.text[:200]
    assert answer.json() == error_shape("too_large", f"request body over {MAX_BODY_BYTES} bytes")
    assert answer.headers["x-content-type-options"] == "nosniff" and "content-security-policy" in answer.headers
    assert answer.headers["cache-control"] == "no-cache"
    assert client.get("/api/v1/articles").json()["total"] == before
    small = client.post(
        "/api/v1/articles", content=_chunks(("text", 200_000)), headers=JSON_BODY
    )  # a chunked body under it
    assert small.status_code == 201, small.text[:200]


def test_writes_on_a_server_without_a_token_are_forbidden_not_unauthorized(url: str) -> None:
    """With no MATERIEL_TOKEN no token could succeed, yet a write answered 401 with WWW-Authenticate,
    which asks the client for credentials; 401 stays for a missing or wrong token when one is set."""
    closed = TestClient(create_app(url, token=""))
    (row,) = closed.get("/api/v1/transfers").json()["items"]
    for path, body in (
        ("/api/v1/articles", {"text": "x"}),
        (f"/api/v1/transfers/{row['id']}/review", {"action": "confirm"}),
    ):
        answer = closed.post(path, json=body, headers=AUTH)
        assert answer.status_code == 403 and "www-authenticate" not in answer.headers
        assert answer.json()["error"] == "forbidden" and "MATERIEL_TOKEN" in answer.json()["message"]
    wrong = TestClient(create_app(url, token=TOKEN)).post("/api/v1/articles", json={"text": "x"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"].startswith("Bearer")


def test_a_page_asked_for_json_answers_its_api_twin_and_says_it_varies_by_accept(client: TestClient) -> None:
    """A page answered HTML to `Accept: application/json`, and said no `Vary: Accept` though its
    errors already depended on Accept: a cache could hand a JSON client the HTML, or the reverse."""
    (row,) = client.get("/api/v1/transfers").json()["items"]
    article = client.get("/api/v1/articles").json()["items"][0]["id"]
    json_accept = {"Accept": "application/json"}
    for page, twin in [
        ("/?supplier=NOR", "/api/v1/transfers?supplier=NOR"),
        (f"/transfers/{row['id']}", f"/api/v1/transfers/{row['id']}"),
        (f"/articles/{article}", f"/api/v1/articles/{article}"),
        ("/flows?category=artillery", "/api/v1/flows?category=artillery"),
    ]:
        answer = client.get(page, headers=json_accept)
        assert answer.headers["content-type"] == "application/json", page
        assert answer.json() == client.get(twin).json(), page
        assert "Accept" in answer.headers["vary"]
        html = client.get(page)
        assert html.headers["content-type"].startswith("text/html") and "Accept" in html.headers["vary"]
    assert client.get("/?suplier=NOR", headers=json_accept).status_code == 400  # checked as its twin is
    assert "Accept" in client.get("/nowhere").headers["vary"]  # an error's form depends on Accept too
    assert "vary" not in client.get("/api/v1/transfers").headers  # the API answers JSON, whatever Accept says


def test_every_paged_list_has_one_shape(client: TestClient) -> None:
    """/api/v1/transfers echoed its limit and offset, /api/v1/articles did not."""
    shapes = {path: client.get(f"{path}?limit=1&offset=0").json() for path in ("/api/v1/transfers", "/api/v1/articles")}
    assert [list(shape) for shape in shapes.values()] == [["total", "limit", "offset", "items"]] * 2
    assert all(shape["limit"] == 1 and shape["offset"] == 0 for shape in shapes.values())


# A made-up briefing written as one paragraph, the claim's sentence in its middle.
BRIEFING = [f"Point {n} of the briefing covered training, fuel and spare parts for the winter." for n in range(1, 41)]


def test_a_claim_in_a_one_paragraph_article_shows_its_sentence_not_the_whole_article(tmp_path: Path) -> None:
    """The transfer page showed each claim's paragraph with its sentence marked: a text with no
    paragraph breaks is one paragraph, and each claim showed the whole article (up to 5,000
    characters). The stored span is the sentence (the API's evidence_text, `materiel show`)."""
    text = " ".join([*BRIEFING[:20], SAID, *BRIEFING[20:]])
    start = text.index(SAID)
    delivered = transfer("NOR", "UKR", status="delivered", evidence=[Span(start, start + len(SAID))])
    client = TestClient(create_app(ledger_of(tmp_path, report("one", text, delivered))))
    (row,) = client.get("/api/v1/transfers").json()["items"]
    assert client.get(f"/api/v1/transfers/{row['id']}").json()["claims"][0]["evidence_text"] == [SAID]
    section = re.search(r'<section class="claim".*?</section>', client.get(f"/transfers/{row['id']}").text, re.S)[0]
    (shown,) = re.findall(r'<p class="evidence">(.*?)</p>', section, re.S)
    assert re.search(r"<mark[^>]*>([^<]*)</mark>", shown)[1] == SAID
    assert shown.startswith("…" + BRIEFING[19]) and shown.endswith(BRIEFING[20] + "…")  # a sentence either side
    assert BRIEFING[18] not in shown and BRIEFING[21] not in shown


def test_a_claim_in_a_paragraph_of_news_length_shows_its_paragraph_whole(tmp_path: Path) -> None:
    """A paragraph of ordinary length is shown whole, as before, the sentence marked in it."""
    text = f"{BRIEFING[0]}\n\n{BRIEFING[1]} {SAID} {BRIEFING[2]} {BRIEFING[3]}\n\n{BRIEFING[4]}"
    start = text.index(SAID)
    delivered = transfer("NOR", "UKR", status="delivered", evidence=[Span(start, start + len(SAID))])
    client = TestClient(create_app(ledger_of(tmp_path, report("short", text, delivered))))
    (row,) = client.get("/api/v1/transfers").json()["items"]
    (shown,) = re.findall(r'<p class="evidence">(.*?)</p>', client.get(f"/transfers/{row['id']}").text, re.S)
    assert shown.startswith(BRIEFING[1]) and shown.endswith(BRIEFING[3]) and "…" not in shown
