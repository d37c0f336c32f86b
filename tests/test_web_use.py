"""The web page and the JSON API as a fact-checker and an analyst use them: what they download,
what a mistyped address answers, what a review may write, and what the pages show of who said what.
Made-up reports only (no NLP model loaded)."""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from materiel.api import clean_steps
from materiel.article import CATEGORIES, Actor, Article, Item, Quote, Response, Span, Speaker
from materiel.clean import NO_TEXT, require_text
from materiel.errors import error_shape
from materiel.pipeline import Failure, Runner
from materiel.read import EMPTY_PAGE
from materiel.web import data
from materiel.web.app import create_app
from tests.builders import ledger_of, report, transfer
from tests.test_cli import materiel

TOKEN = "use-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Suppliers enough that, with every category, the ledger holds more transfers than a page of the API.
SUPPLIERS = ("AUT", "BEL", "BGR", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ITA", "LVA")
SUPPLIERS += ("LTU", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "NOR", "GBR", "USA", "CAN", "AUS")
SUPPLIERS += ("JPN", "KOR", "TUR", "ISR", "IND", "BRA", "MEX", "CHE", "IRL", "LUX", "MLT", "CYP")


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> str:
    """A ledger of one made-up transfer per supplier and category: more than one page of the API."""
    reports = []
    for supplier in SUPPLIERS:
        for category in CATEGORIES:
            number = len(reports)
            text = f"Made-up report {number}: {supplier} sends {category} kit to Ukraine."
            reports.append(report(f"many-{number}", text, transfer(supplier, "UKR", Item(f"{category} kit", category))))
    assert len(reports) > data.MAX_PAGE
    return ledger_of(tmp_path_factory.mktemp("many"), *reports)


def test_the_csv_of_a_view_holds_the_whole_view_as_export_does(many: str) -> None:
    """The CSV of a view larger than a page (MAX_PAGE) held its first page only, unsaid: an analyst's
    download of the ledger lacked every transfer after the 500th."""
    client = TestClient(create_app(many))
    total = client.get("/api/v1/transfers?limit=1").json()["total"]
    served = list(csv.DictReader(io.StringIO(client.get("/api/v1/transfers.csv?sort=id&order=asc").text)))
    exported = list(csv.DictReader(io.StringIO(materiel("export", "--db", many).stdout)))
    assert len(served) == total == len(exported)
    assert served == sorted(exported, key=lambda row: row["id"])
    drones = client.get("/api/v1/transfers.csv?category=drones&limit=2&offset=5").text
    assert len(list(csv.DictReader(io.StringIO(drones)))) == len(SUPPLIERS)  # a view's limit pages the list only


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    """Two made-up reports: a Danish pledge of radios and a Polish delivery of howitzers, each with
    its supplier's response quoted, and a quotation with its speaker."""
    pledge = transfer(
        "DNK",
        "UKR",
        Item("radios", "other-equipment"),
        responses=[Response(Actor("DNK", "Denmark"), "confirmed", "Copenhagen confirmed the radios were promised.")],
    )
    text = 'Denmark has pledged radios to Ukraine. "We keep our word," said Mette Lund, a ministry adviser.'
    said = "We keep our word,"
    quote = Quote(Speaker("Mette Lund", "ministry adviser"), said, Span(text.index(said), text.index(said) + len(said)))
    delivered = "Poland has delivered howitzers to Ukraine, its ministry said."
    delivery = transfer("POL", "UKR", status="delivered", evidence=[Span(0, len(delivered))])
    folder = tmp_path_factory.mktemp("use")
    url = ledger_of(
        folder,
        report("use-1", text, pledge, quotes=[quote]),
        report("use-2", delivered, delivery),
    )
    return TestClient(create_app(url, token=TOKEN))


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/api/v1/transfers?suplier=SVK", "unknown query parameter 'suplier'"),  # a typo, not a filter
        ("/api/v1/transfers.csv?recipent=UKR", "unknown query parameter 'recipent'"),
        ("/api/v1/timeline?categroy=drones", "unknown query parameter 'categroy'"),
        ("/api/v1/flows?supplier=POL", "this address takes: category, since, until"),  # flows take no supplier
        ("/api/v1/articles?q=radios", "unknown query parameter 'q'"),
        ("/api/v1/transfers?supplier=DNK&supplier=POL", "'supplier' is given 2 times"),  # not "either"
        ("/api/v1/transfers?limit=1&limit=2", "'limit' is given 2 times"),
    ],
)
def test_an_unknown_or_repeated_query_parameter_is_a_usage_error(client: TestClient, path: str, said: str) -> None:
    """A mistyped filter answered the whole ledger as if it were the filtered view (200, every
    transfer), and a filter given twice kept its last value alone."""
    answer = client.get(path)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"] == "usage_error" and said in answer.json()["message"]


def test_the_parameters_an_address_takes_still_work(client: TestClient) -> None:
    assert client.get("/api/v1/transfers?supplier=DNK&q=radio&sort=id&order=asc&limit=5&offset=0").json()["total"] == 1
    assert client.get("/api/v1/transfers.csv?supplier=POL&bom=true").text.startswith("\ufeffid,")
    assert client.get("/api/v1/flows?category=artillery&since=2020").status_code == 200
    assert client.get("/api/v1/articles?limit=1&offset=1").json()["total"] == 2
    assert client.get("/?supplier=DNK&utm_source=mail").status_code == 200  # a page keeps a shared link working


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "-5"])
def test_a_correction_of_a_quantity_is_a_finite_count_or_amount(client: TestClient, value: str) -> None:
    """float() reads "nan", "inf" and "1e400" too: such a correction was written, and the ledger
    showed "-5-inf (count)", `show -f json` wrote Infinity (not JSON) and the API null."""
    (row,) = client.get("/api/v1/transfers?supplier=POL").json()["items"]
    path = f"/api/v1/transfers/{row['id']}/review"
    answer = client.post(path, json={"action": "set", "field": "quantity_high", "value": value}, headers=AUTH)
    assert answer.status_code == 400 and "finite number, 0 or more" in answer.json()["message"]
    assert client.get(f"/api/v1/transfers/{row['id']}").json()["review"] is None  # nothing written


def test_the_cli_refuses_the_same_quantity(tmp_path: Path) -> None:
    url = ledger_of(tmp_path, report("q-1", "Norway has delivered howitzers to Ukraine.", transfer("NOR", "UKR")))
    (row,) = json.loads(materiel("ledger", "--db", url, "-f", "json").stdout)
    refused = materiel("review", row["id"], "--set", "quantity_low=inf", "--db", url)
    assert refused.returncode == 2 and "finite number" in refused.stderr
    assert materiel("review", row["id"], "--set", "quantity_low=0", "--db", url).returncode == 0
    shown = json.loads(materiel("show", row["id"], "-f", "json", "--db", url).stdout)
    assert shown["quantity_low"] == 0.0


def _visible(page: str) -> str:
    """A page's text as a reader sees it: tags and their attributes (a title's tooltip) left out."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_quotations_are_shown_with_their_speakers_and_responses_with_their_words(client: TestClient) -> None:
    """The article page named a quotation's speaker in a tooltip only (title="quote: ..."), which
    a keyboard, a phone or a screen reader does not show; the transfer page listed a response's
    party and stance without the words it was given in."""
    (row,) = client.get("/api/v1/transfers?supplier=DNK").json()["items"]
    detail = client.get(f"/api/v1/transfers/{row['id']}").json()
    article = _visible(client.get(f"/articles/{detail['claims'][0]['article_id']}").text)
    assert "Mette Lund (ministry adviser): “We keep our word,”" in article
    transfer_page = _visible(client.get(f"/transfers/{row['id']}").text)
    assert "DNK Denmark confirmed: “Copenhagen confirmed the radios were promised.”" in transfer_page


def test_a_finding_in_an_article_is_a_link_to_its_transfer(client: TestClient) -> None:
    """A highlighted finding opened its transfer by a script's click on a <mark>: no keyboard or
    screen reader reaches it. It is a link now."""
    (row,) = client.get("/api/v1/transfers?supplier=POL").json()["items"]
    claim = client.get(f"/api/v1/transfers/{row['id']}").json()["claims"][0]
    page = client.get(f"/articles/{claim['article_id']}").text
    linked = re.search(r'<a class="finding" href="/transfers/([^"]+)"><mark[^>]*>([^<]+)</mark></a>', page)
    assert linked is not None and linked.group(1) == row["id"]
    assert html.unescape(linked.group(2)) == claim["evidence_text"][0]


class _Controls(HTMLParser):
    """A page's form controls with no name a screen reader reads (an aria-label, or a <label> around
    them or `for` them), and its heading levels in order."""

    def __init__(self) -> None:
        super().__init__()
        self.bare: list[tuple[str, str]] = []  # (name, id) of a control with no aria-label, outside a label
        self.labelled: set[str] = set()  # the ids a <label for=...> names
        self.headings: list[int] = []
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = dict(attrs)
        if tag == "label":
            self.in_label += 1
            self.labelled.add(given.get("for") or "")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        control = tag in ("input", "select", "textarea") and given.get("type") not in ("hidden", "submit")
        if control and not (given.get("aria-label") or self.in_label):
            self.bare.append((given.get("name") or tag, given.get("id") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label -= 1

    def unnamed(self) -> list[str]:
        return [name for name, ident in self.bare if not ident or ident not in self.labelled]


def test_every_form_control_has_a_name_and_headings_do_not_skip_a_level(client: TestClient) -> None:
    """The ledger's supplier, recipient, via and min-sources boxes, the flows' filters and the review
    form's decision, field, value and note had a placeholder only: a screen reader says "edit text"."""
    (row,) = client.get("/api/v1/transfers?supplier=DNK").json()["items"]
    article = client.get(f"/api/v1/transfers/{row['id']}").json()["claims"][0]["article_id"]
    for path in ("/", "/flows", f"/transfers/{row['id']}", f"/articles/{article}", "/docs", "/transfers/none"):
        page = _Controls()
        page.feed(client.get(path, headers={"Accept": "text/html"}).text)
        assert page.unnamed() == [], path
        assert page.headings.count(1) == 1, path
        assert all(b - a <= 1 for a, b in itertools.pairwise(page.headings)), (path, page.headings)


def _links(page: str) -> dict[str, dict[str, list[str]]]:
    """A page's links by their text, each as its query."""
    return {html.unescape(text): parse_qs(urlsplit(html.unescape(href)).query) for href, text in LINK.findall(page)}


LINK = re.compile(r'<a[^>]* href="([^"]*)"[^>]*>([^<]+)</a>')
LEDGER_ROW = re.compile(r'<a class="transfer-link"')


def test_the_ledger_page_says_where_it_stands_in_the_view_and_pages_both_ways(many: str) -> None:
    """The ledger page had a Next link only, said nothing of which rows it showed, sorted by a column
    it did not show (last seen) without saying so, kept the page's offset when sorted again (page 2 of
    another order), dropped the sort when filtered, and past the end said "No transfers match"."""
    client = TestClient(create_app(many))
    page = client.get("/?limit=100&offset=150&sort=supplier&order=asc").text
    assert "Transfers 151–250 of 520" in _visible(page)
    links = _links(page)
    assert links["Previous page"]["offset"] == ["50"] and links["Next page"]["offset"] == ["250"]
    assert links["recipient"]["offset"] == ["0"] and links["supplier"]["order"] == ["desc"]
    assert re.search(r'<th aria-sort="ascending"><a [^>]*>supplier</a>', page)
    assert '<input type="hidden" name="sort" value="supplier">' in page  # a filter keeps the order
    first = client.get("/").text
    assert re.search(r'<th aria-sort="descending"><a [^>]*>last seen</a>', first) and "Previous page" not in first
    past = _visible(client.get("/?offset=1000").text)
    assert "No transfers match" not in past and "the view holds 520" in past


@pytest.mark.parametrize(
    ("path", "allowed"),
    [("/api/v1/transfers", "GET, HEAD"), ("/", "GET, HEAD"), ("/api/v1/articles", "GET, POST, HEAD")],
)
def test_options_says_what_an_address_allows_and_allow_names_head(client: TestClient, path: str, allowed: str) -> None:
    """OPTIONS answered 405, and an Allow header named GET without the HEAD that the app answers."""
    answer = client.options(path)
    assert answer.status_code == 204 and sorted(answer.headers["allow"].split(", ")) == sorted(allowed.split(", "))
    refused = client.put(path)
    assert refused.status_code == 405 and sorted(refused.headers["allow"].split(", ")) == sorted(allowed.split(", "))
    assert client.options("/static/app.js").headers["allow"] == "GET, HEAD"  # its own Allow, not HEAD twice


def test_the_bearer_scheme_is_case_insensitive(client: TestClient) -> None:
    """RFC 9110 11.1: "bearer" is the scheme "Bearer"; it was refused (401)."""
    (row,) = client.get("/api/v1/transfers?supplier=POL").json()["items"]
    path = f"/api/v1/transfers/{row['id']}/review"
    for header in (f"bearer {TOKEN}", f"BEARER  {TOKEN}"):
        assert client.post(path, json={"action": "confirm"}, headers={"Authorization": header}).status_code == 201
    assert client.post(path, json={"action": "confirm"}, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401


def test_a_browser_asks_again_for_what_an_ingest_or_a_release_changes(client: TestClient) -> None:
    """No response said how long it kept: a browser could reuse app.js (Last-Modified, no Cache-Control)
    from before an upgrade with the new pages."""
    for path in ("/", "/api/v1/transfers", "/static/app.js", "/api/v1/transfers/none"):
        assert client.get(path).headers["cache-control"] == "no-cache", path
    script = client.get("/static/app.js")
    assert client.get("/static/app.js", headers={"If-None-Match": script.headers["etag"]}).status_code == 304


def test_a_transfer_rejected_on_the_web_can_be_listed_again_as_ledger_rejected_does(tmp_path: Path) -> None:
    """A transfer rejected from its page left the ledger page, the API and the CSV with no way back
    to it on the web (the CLI has `ledger --rejected`): who rejected it by mistake had to know its id."""
    reports = [report("r-1", "Spain has delivered howitzers to Ukraine.", transfer("ESP", "UKR", status="delivered"))]
    reports.append(report("r-2", "Italy has pledged howitzers to Ukraine.", transfer("ITA", "UKR")))
    url = ledger_of(tmp_path, *reports)
    client = TestClient(create_app(url, token=TOKEN))
    (spanish,) = client.get("/api/v1/transfers?supplier=ESP").json()["items"]
    path = f"/api/v1/transfers/{spanish['id']}/review"
    assert client.post(path, json={"action": "reject"}, headers=AUTH).status_code == 201
    assert client.get("/api/v1/transfers").json()["total"] == 1
    listed = client.get("/api/v1/transfers?rejected=true&sort=id&order=asc").json()["items"]
    cli = json.loads(materiel("ledger", "--rejected", "-f", "json", "--db", url).stdout)
    assert [(r["id"], r["review"]) for r in listed] == [(r["id"], r["review"]) for r in cli]
    assert ("rejected" in [r["review"] for r in listed]) and len(listed) == 2
    assert len(client.get("/api/v1/transfers.csv?rejected=true").text.strip().splitlines()) == 3
    assert f'href="/transfers/{spanish["id"]}"' in client.get("/?rejected=true").text
    assert f'href="/transfers/{spanish["id"]}"' not in client.get("/").text


def test_the_csv_and_the_links_of_an_uncontested_view_keep_its_filter(tmp_path: Path) -> None:
    """On /?contested=false the ledger page counted the uncontested transfers, but its links (sort,
    pages, the timeline's bars) and its "CSV of this view" dropped the filter (False read as 'no
    value'): the CSV held the contested ones too, and the form showed "all reports"."""
    delivered = transfer("FIN", "EST", status="delivered")
    denial = transfer("FIN", "EST", status="delivered", disclosure="denied")
    reports = [report("c-1", "Finland has delivered howitzers to Estonia.", delivered, published="2024-05-02")]
    reports.append(report("c-2", "Finland denied sending howitzers to Estonia.", denial, published="2024-05-03"))
    reports.append(report("c-3", "Norway has pledged howitzers to Estonia.", transfer("NOR", "EST")))
    client = TestClient(create_app(ledger_of(tmp_path, *reports)))
    assert client.get("/api/v1/transfers?contested=true").json()["total"] == 1
    page = client.get("/?contested=false").text
    links = _links(page)
    served = client.get(html.unescape(re.search(r'id="csv" href="([^"]+)"', page)[1]))
    assert len(list(csv.DictReader(io.StringIO(served.text.lstrip("\ufeff"))))) == 1 == len(LEDGER_ROW.findall(page))
    assert links["supplier"]["contested"] == ["false"]
    assert '<option value="false" selected>' in page


def test_a_flow_through_two_intermediaries_opens_its_transfer(tmp_path: Path) -> None:
    """A band of the flow diagram through two intermediaries linked to via=POL,CZE, which the ledger's
    via filter (one intermediary) matched to nothing: the band opened an empty ledger."""
    through = transfer("DEU", "UKR", via=[Actor("POL", "Poland"), Actor("CZE", "Czechia")], status="delivered")
    client = TestClient(create_app(ledger_of(tmp_path, report("v-1", "Germany sent howitzers via Poland.", through))))
    (flow,) = client.get("/api/v1/flows").json()["items"]
    (band,) = set(re.findall(r'<a href="(/\?[^"]+)"><path', client.get("/flows").text))  # one link, each branch
    assert sorted(flow["via"].split(",")) == ["CZE", "POL"]
    assert re.findall(r'href="/transfers/([^"]+)"', client.get(html.unescape(band)).text) == flow["ids"]


def test_a_flow_through_two_intermediaries_is_drawn_through_each_one(tmp_path: Path) -> None:
    """A flow through Poland and Czechia was drawn through one node named "CZE,POL", a party no
    report names: now one branch through each intermediary's own node, half the band's width each."""
    through = transfer("DEU", "UKR", via=[Actor("POL", "Poland"), Actor("CZE", "Czechia")], status="delivered")
    straight = transfer("DEU", "MDA", via=[Actor("POL", "Poland")], status="delivered")
    client = TestClient(
        create_app(
            ledger_of(
                tmp_path,
                report("v-2", "Germany sent howitzers to Ukraine via Poland and Czechia.", through),
                report("v-3", "Germany sent howitzers to Moldova via Poland.", straight),
            )
        )
    )
    drawing = client.get("/flows").text
    named = re.findall(r"<text [^>]*>([^<]+)<title>", drawing)
    assert sorted(named) == ["CZE", "DEU", "MDA", "POL", "UKR"]  # no "CZE,POL" node, POL once
    widths = {title: float(width) for width, title in re.findall(r'stroke-width="([\d.]+)"><title>([^<]+)<', drawing)}
    assert widths == {"DEU → CZE, POL → UKR: 1": 9.0, "DEU → POL → MDA: 1": 18.0}
    assert len(re.findall(r"<path ", drawing)) == 3  # the two branches and the straight band


@pytest.mark.parametrize(
    "query", ["supplier=%20DNK", "supplier=DNK%20", "q=radios%20", "q=%20radios", "category=other-equipment%20"]
)
def test_a_value_pasted_with_spaces_around_it_still_filters(client: TestClient, query: str) -> None:
    """A name copied from a table with a space around it (" DNK") matched nothing, or was a usage error."""
    assert client.get(f"/api/v1/transfers?{query}").json()["total"] == 1
    assert "Ledger <small>1 transfer</small>" in client.get(f"/?{query}").text


def test_a_flow_from_or_to_an_unknown_party_opens_its_transfer_and_a_title_says_unknown(tmp_path: Path) -> None:
    """A band whose supplier or recipient the report does not name linked to supplier=?, which matched
    nothing (an empty ledger); the transfer page's title and the article's finding read "None → UKR"."""
    said = "Someone has delivered howitzers to Ukraine."
    received = report("u-1", said, transfer(None, "UKR", status="delivered", evidence=[Span(0, len(said))]))
    client = TestClient(create_app(ledger_of(tmp_path, received)))
    (flow,) = client.get("/api/v1/flows").json()["items"]
    (band,) = re.findall(r'<a href="(/\?[^"]+)"><path', client.get("/flows").text)
    assert re.findall(r'href="/transfers/([^"]+)"', client.get(html.unescape(band)).text) == flow["ids"]
    detail = client.get(f"/transfers/{flow['ids'][0]}").text
    assert "<title>? → UKR · materiel</title>" in detail and "None" not in detail
    article = client.get(f"/articles/{client.get('/api/v1/articles').json()['items'][0]['id']}").text
    assert 'title="? → UKR · artillery · delivered"' in article  # the finding's label, not "None → UKR"


class _AsRead:
    """An extractor that finds nothing: what an article's reading does is under test, not the NLP."""

    def run(self, item: Article) -> Article:
        return item


def test_an_empty_text_is_no_500_nor_the_end_of_a_feed(tmp_path: Path) -> None:
    """{"text": ""} raised a TypeError while its id was made: the API answered 500, and `clean`,
    `extract` and `ingest` of a feed stopped at that record with the rest of the feed undone. A
    feed's empty record is skipped with its reason now (no failure), and the rest is read; the API
    stored an empty article (201) where the readers skip it: it answers the skip now, a 422."""
    client = TestClient(create_app(str(tmp_path / "posted.db"), token=TOKEN, extractor=_AsRead()))
    for body in ({"text": ""}, {"text": " \n\t "}, {"html": "  "}):
        answer = client.post("/api/v1/articles", json=body, headers=AUTH)
        assert answer.status_code == 422, answer.text
        assert answer.json() == error_shape("skipped", EMPTY_PAGE), answer.text
    assert client.get("/api/v1/articles").json()["total"] == 0  # nothing stored
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": ""}\n{"text": "Norway has sent 8 howitzers to Ukraine."}\n')
    cleaned = materiel("clean", str(feed), "-f", "jsonl")
    assert cleaned.returncode == 0, cleaned.stderr
    texts = [json.loads(line)["text"] for line in cleaned.stdout.splitlines()]
    assert texts == ["Norway has sent 8 howitzers to Ukraine."]
    assert [json.loads(line)["error"] for line in cleaned.stderr.splitlines()] == ["skipped"]


class _Cleaned:
    """An extractor that cleans and finds nothing: the cleaning's skip is under test, not the NLP."""

    def run(self, item: Article) -> Article | Failure:
        return Runner([*clean_steps(), require_text]).run_one(item)


def test_a_posted_page_that_cleans_to_no_text_is_skipped_not_stored(tmp_path: Path) -> None:
    """A posted page of menus only was stored as an article with no text (the worker's skip came
    back as a 400, a malformed request): it answers the skip, a 422, as an empty page does."""
    client = TestClient(create_app(str(tmp_path / "posted.db"), token=TOKEN, extractor=_Cleaned()))
    menus = "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>"
    answer = client.post("/api/v1/articles", json={"html": menus}, headers=AUTH)
    assert answer.status_code == 422, answer.text
    assert answer.json() == error_shape("skipped", NO_TEXT), answer.text
    assert client.get("/api/v1/articles").json()["total"] == 0


@pytest.mark.parametrize(
    ("path", "body", "said"),
    [
        ("/api/v1/articles", {"text": "Norway sends radios.", "datePublished": "2024-05-01"}, "body.datePublished"),
        ("/api/v1/transfers/{id}/review", {"action": "confirm", "notes": "ministry said so"}, "body.notes"),
    ],
)
def test_a_field_a_write_does_not_take_is_refused_not_dropped(tmp_path: Path, path: str, body: dict, said: str) -> None:
    """A posted field the endpoint does not know was dropped without a word: an article's
    "datePublished" (a feed's name for its date) lost the date, a review's "notes" its note."""
    url = ledger_of(tmp_path, report("w-1", "Norway has sent radios to Ukraine.", transfer("NOR", "UKR")))
    client = TestClient(create_app(url, token=TOKEN, extractor=_AsRead()))
    (row,) = client.get("/api/v1/transfers").json()["items"]
    answer = client.post(path.format(id=row["id"]), json=body, headers=AUTH)
    assert answer.status_code == 400 and said in answer.json()["message"], answer.text
    assert client.get("/api/v1/articles").json()["total"] == 1
    assert client.get(f"/api/v1/transfers/{row['id']}").json()["review"] is None


@pytest.mark.parametrize("q", ["Denmark", "denm", "DNK"])
def test_the_search_finds_a_party_by_the_name_the_page_shows(client: TestClient, q: str) -> None:
    """Every row shows "DNK Denmark", but the search read the ids only: "Denmark" found nothing."""
    (row,) = client.get("/api/v1/transfers", params={"q": q}).json()["items"]
    assert row["supplier"] == "DNK"
    assert "Ledger <small>1 transfer</small>" in client.get("/", params={"q": q}).text


def test_a_body_refused_for_its_size_carries_the_headers_every_answer_does(client: TestClient) -> None:
    """The 413 was answered before the headers were set: no Content-Security-Policy, nosniff or
    Cache-Control on it."""
    big = {**AUTH, "Content-Type": "application/json", "Content-Length": str(3_000_000)}
    for accept in ("application/json", "text/html"):  # the API answers JSON to both
        answer = client.post("/api/v1/articles", content=b"{}", headers={**big, "Accept": accept})
        assert answer.status_code == 413 and answer.json()["error"] == "too_large"
        assert answer.headers["x-content-type-options"] == "nosniff" and "content-security-policy" in answer.headers
        assert answer.headers["cache-control"] == "no-cache"


def test_the_flows_page_offers_the_categories_as_the_ledger_page_does(client: TestClient) -> None:
    """The flows' category was a free text box: "Artillery" or "tanks" answered a 400 page."""
    page = client.get("/flows?category=artillery").text
    offered = re.findall(r"<option(?: selected)?>([^<]+)</option>", page)
    assert offered == list(CATEGORIES) and "<option selected>artillery</option>" in page


def _statements(client: TestClient, path: str) -> int:
    """How many SQL statements one GET ran (after a first one warmed the app)."""
    assert client.get(path).status_code == 200
    ran: list[str] = []
    engine = client.app.state.stores[True].engine

    def note(*_args: object) -> None:
        ran.append("statement")

    event.listen(engine, "before_cursor_execute", note)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return len(ran)


def test_a_transfer_page_reads_its_articles_texts_at_once(tmp_path: Path) -> None:
    """The transfer page read each claim's article whole (its claims, quotes and their transfers: four
    statements a claim) for the text alone: a transfer of 300 reports ran 1,200 statements more."""
    reports = [
        report(f"s-{n}", f"Report {n}: Germany pledges howitzers to Ukraine.", transfer("DEU", "UKR"), published=day)
        for n, day in enumerate(("2024-01-02", "2024-01-09", "2024-01-16", "2024-01-23", "2024-01-30", "2024-02-06"))
    ]
    client = TestClient(create_app(ledger_of(tmp_path, *reports)))
    (row,) = client.get("/api/v1/transfers").json()["items"]
    assert len(client.get(f"/api/v1/transfers/{row['id']}").json()["claims"]) == 6
    page, own = _statements(client, f"/transfers/{row['id']}"), _statements(client, f"/api/v1/transfers/{row['id']}")
    assert page == own + 1  # the API's reading of the transfer, and one of the texts
