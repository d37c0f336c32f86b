"""An HTML page's date read from its tags without htmldate: htmldate's own answer, or nothing."""

from __future__ import annotations

import gzip
from itertools import product
from pathlib import Path

import pytest
from htmldate import find_date
from htmldate.core import DATE_ATTRIBUTES, ITEMPROP_ATTRS_ORIGINAL, NAME_MODIFIED, PROPERTY_MODIFIED

from materiel.article import Article
from materiel.clean import metadate
from materiel.clean.metadate import meta_day
from materiel.clean.published import find_published
from tests.conftest import SHARED, needs_shared


def htmldate_day(html: str) -> str | None:
    return find_date(html, original_date=True, extensive_search=False)


def test_the_tag_names_are_htmldates() -> None:
    assert metadate.DATE_NAMES == DATE_ATTRIBUTES
    assert metadate.DATE_ITEMPROPS == ITEMPROP_ATTRS_ORIGINAL
    assert metadate.FALLBACKS["name"] == NAME_MODIFIED
    assert metadate.FALLBACKS["property"] == PROPERTY_MODIFIED


TAGS = (
    '<meta property="article:published_time" content="{value}">',
    '<meta name="date" content="{value}">',
    '<meta itemprop="datePublished" datetime="{value}">',
    '<meta name="description" content="{value}">',
    '<meta property="article:modified_time" content="2020-02-02T10:00:00Z">',
    '<link rel="canonical" href="https://example.org/2021/03/04/story">',
    '<link rel="canonical" href="https://example.org/news/story">',
)
VALUES = (
    "2019-11-19",
    "2019-11-19T01:19:34Z",
    "2019-11-19T01:19:34.819Z",
    "2019-11-19T01:19:34+01:00",
    "2019-11-19 01:19",
    "November 19, 2019, 07:47 PM EST",
    "1990-05-05",
    "2019-13-40",
    "",
)
BODIES = (
    "<p>Text.</p>",
    '<script type="application/ld+json">{"datePublished": "2018-07-06T00:00:00Z"}</script><p>Text.</p>',
)


def page(head: str, body: str) -> str:
    return f"<html><head><title>A page</title>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(("first", "second", "value", "body"), list(product(TAGS, TAGS, VALUES, BODIES)))
def test_an_answer_is_htmldates(first: str, second: str, value: str, body: str) -> None:
    html = page(first.format(value=value) + second.format(value=value), body)
    found = meta_day(html)
    assert found is None or found == htmldate_day(html)


def test_the_common_tags_are_answered() -> None:
    assert meta_day(page('<meta property="article:published_time" content="2024-05-07T10:00:00+02:00">', "")) == (
        "2024-05-07"
    )
    assert meta_day(page("", BODIES[1])) == "2018-07-06"
    assert meta_day(page(TAGS[5], "")) == "2021-03-04"


def test_a_tag_in_a_script_or_comment_is_not_read() -> None:
    hidden = (
        '<!-- <meta name="date" content="2011-01-01"> -->'
        '<script>var m = \'<meta name="date" content="2012-02-02">\';</script>'
    )
    html = page(hidden + '<meta name="date" content="2019-11-19">', "")
    assert meta_day(html) == htmldate_day(html) == "2019-11-19"


@needs_shared
def test_every_html_page_of_the_benchmark_and_corpus() -> None:
    files = sorted((SHARED / "bench" / "article-extraction" / "html").glob("*.gz"))
    files += sorted((SHARED / "corpus").rglob("*.htm*"))
    answered = 0
    for path in files:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        html = data.decode("utf-8", "replace")
        found = meta_day(html)
        assert found is None or found == htmldate_day(html), path.name
        answered += found is not None
    assert answered > len(files) / 2


# Pages written for these tests (tests/pages/dates/), each with the day the shortcut gives: the
# canonical URL's date before a tag's, the first publication tag, a tag after others hidden in a
# comment and a script, JSON-LD alone; and None where htmldate must decide: a date written out
# in words, a <time> element, a modified date alone (htmldate's reserve), a tag in the body.
PAGES = Path(__file__).parent / "pages" / "dates"
SHORTCUT_DAYS = {
    "canonical-url.html": "2023-06-14",
    "open-graph.html": "2023-10-02",
    "hidden-tags.html": "2023-03-21",
    "json-ld.html": "2023-08-09",
    "written-date.html": None,
    "time-element.html": None,
    "modified-only.html": None,
    "body-itemprop.html": None,
}


@pytest.mark.parametrize("name", sorted(SHORTCUT_DAYS))
def test_the_shortcut_agrees_with_htmldate_on_written_pages(name: str) -> None:
    html = (PAGES / name).read_text(encoding="utf-8")
    expected = htmldate_day(html)
    assert expected is not None
    assert meta_day(html) == SHORTCUT_DAYS[name]
    article = Article(id=name, source=name, html=html)
    find_published(article)
    assert (article.published, article.published_from) == (expected, "html-meta")


def test_every_written_page_is_listed() -> None:
    assert sorted(p.name for p in PAGES.glob("*.html")) == sorted(SHORTCUT_DAYS)
