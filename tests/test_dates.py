"""Dates: the article's date from what the input carries, and each claim's date from its sentence."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from materiel.article import Article
from materiel.clean import batch_clean_steps
from materiel.clean.published import find_published, iso_day
from materiel.cli import clean_view
from materiel.extract.dates import resolve
from materiel.pipeline import Runner
from materiel.read.jsonl import read_jsonl_bytes
from tests.builders import article_of
from tests.conftest import CASES, load_cases

ARTICLE_DATES = load_cases(CASES / "cleaning" / "dates.json")
CLAIM_DATES = load_cases(CASES / "extraction" / "dates.json")
# Lines of story put before a date to push it out of the header the article's date is read from.
FILLER = "\n\n".join(f"Paragraph {n} of the story goes on." for n in range(80))


@pytest.mark.parametrize("case", ARTICLE_DATES, ids=[c["name"] for c in ARTICLE_DATES])
def test_article_date(case: dict) -> None:
    article = Article(
        id="case",
        source=case["source"],
        text=case.get("text", "").replace("{filler}", FILLER),
        html=case.get("html"),
        url=case.get("url"),
        published=case.get("given"),
        fetched=case.get("fetched"),
    )
    find_published(article)
    assert (article.published, article.published_from) == (case["published"], case["from"])
    if "found_fetched" in case:
        assert iso_day(article.fetched) == case["found_fetched"]


def test_jsonl_fields_under_other_names() -> None:
    lines = [
        {"id": "a", "text": "Body.", "date": "2023-03-17", "crawled_at": "2023-03-18T01:00:00Z"},
        {"id": "b", "text": "Body.", "published_at": "17 March 2023"},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    first, second = read_jsonl_bytes("feed.jsonl", data)
    assert (first.published, first.fetched) == ("2023-03-17", "2023-03-18T01:00:00Z")
    find_published(second)
    assert (second.published, second.published_from) == ("2023-03-17", "input")


def test_warc_date_is_the_capture_time() -> None:
    from warcio.warcwriter import WARCWriter

    from materiel.read.warc import read_warc_bytes

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    page = b"<html><head><meta property='article:published_time' content='2023-01-02'></head><body>x</body></html>"
    record = writer.create_warc_record(
        "https://a.test/1",
        "resource",
        payload=io.BytesIO(page),
        warc_content_type="text/html",
        warc_headers_dict={"WARC-Date": "2024-05-07T11:00:00Z"},
    )
    writer.write_record(record)
    (article,) = read_warc_bytes("crawl.warc.gz", buffer.getvalue())
    assert article.fetched == "2024-05-07T11:00:00Z" and article.published is None
    find_published(article)
    assert (article.published, article.published_from) == ("2023-01-02", "html-meta")


@pytest.mark.parametrize(
    ("text", "base", "value"),
    [
        ("Tuesday", "2024-05-08", "2024-05-07"),
        ("Wednesday", "2024-05-08", "2024-05-08"),
        ("11 October", "2024-05-08", "2023-10-11"),
        ("last week", "2024-05-08", "2024-05-01"),
        ("March 2023", None, "2023-03"),
        ("2019", None, "2019"),
        ("early March", "2024-05-08", "2024-03"),
        ("Tuesday", None, None),
    ],
)
def test_resolve(text: str, base: str | None, value: str | None) -> None:
    from datetime import date

    found = resolve(text, date.fromisoformat(base) if base else None)
    assert (found[0] if found else None) == value


@pytest.mark.slow
@pytest.mark.parametrize("case", CLAIM_DATES, ids=[c["text"][:50] for c in CLAIM_DATES])
def test_claim_date(case: dict, runner) -> None:
    article = runner.run_one(article_of(case["text"], published=case.get("published")))
    assert isinstance(article, Article)
    want = case["expect"]
    found = [t for t in article.transfers if (t.supplier and t.supplier.id, t.item.category) == tuple(want["transfer"])]
    assert found, article.to_dict()["transfers"]
    date = found[0].date
    assert (date.value if date else None, date.basis if date else None) == (want["value"], want["basis"])
    if want.get("text"):
        assert date.text == want["text"]
        assert article.text[date.span.start : date.span.end] == want["text"]
    if "since" in want:
        assert date.since == want["since"]


def _inputs() -> list[Article]:
    """Pages and texts that carry a date in each way find_published reads one, and a given value
    that is not a date (noted in both cleanings)."""
    pages = sorted((Path(__file__).parent / "pages" / "dates").glob("*.html"))
    return [
        *(Article(id=p.name, source=p.name, html=p.read_text(encoding="utf-8")) for p in pages),
        Article(id="label", source="label.txt", text="Published: 4 May 2023\n\nThe ferry ran late again."),
        Article(id="given", source="feed.jsonl", text="The ferry ran late again.", published="soon"),
    ]


def test_the_cleaning_without_dates_changes_nothing_that_clean_shows() -> None:
    dated = list(Runner(batch_clean_steps()).run(_inputs()))
    undated = list(Runner(batch_clean_steps(dates=False)).run(_inputs()))
    assert [clean_view(a) for a in undated] == [clean_view(a) for a in dated]
    assert all(a.published for a in dated[:-1]) and not any(a.published for a in undated)
    assert any("'soon' is not a date" in note for note in undated[-1].notes)
