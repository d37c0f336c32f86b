"""Property-based tests (hypothesis): readers and cleaning never crash, stay in bounds, settle."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from materiel.article import Article
from materiel.clean import CLEAN_STEPS
from materiel.clean.encoding import repair_line
from materiel.pipeline import Failure, Runner
from materiel.read import read_blob
from tests.builders import article_of

CLEAN = Runner(CLEAN_STEPS)
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
# Text like scraped pages: letters of several scripts, mojibake characters, punctuation, newlines.
PAGE_TEXT = st.text(
    alphabet=st.sampled_from(
        string.ascii_letters
        + string.digits
        + " .,;:!?'\"-\n\n“”«»—"
        + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ³¿º¹"
        + "абвгдежзийклмнопрстуфхцчшщыьэюяіїєАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩ"
        + "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕ"
        + "ąćęłńóśźżčďěňřšťůž"
    ),
    max_size=600,
)
TAGS = st.sampled_from(["p", "div", "span", "article", "h1", "li", "ul", "script", "style", "a", "table", "td"])


@st.composite
def html_trees(draw, depth: int = 0) -> str:
    children = draw(
        st.lists(
            st.one_of(
                PAGE_TEXT.map(lambda t: t.replace("<", " ")), html_trees(depth + 1) if depth < 4 else st.just("x")
            ),
            max_size=4,
        )
    )
    tag = draw(TAGS)
    return f"<{tag}>" + "".join(children) + (f"</{tag}>" if draw(st.booleans()) else "")


def clean_text(text: str) -> Article | Failure:
    return CLEAN.run_one(article_of(text))


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.html.gz", "a.jsonl", "a.warc.gz", "a.wet"]))
def test_any_bytes_are_read_or_reported(data: bytes, name: str) -> None:
    for item in read_blob(name, data):
        assert isinstance(item, Article | Failure)
        if isinstance(item, Article):
            assert isinstance(CLEAN.run_one(item), Article | Failure)


@SETTINGS
@given(PAGE_TEXT)
def test_cleaning_never_raises_and_settles(text: str) -> None:
    first = clean_text(text)
    assert isinstance(first, Article)
    again = CLEAN.run_one(article_of(first.text, title=first.title))
    assert isinstance(again, Article)
    assert again.text == first.text
    assert again.repairs == []


@SETTINGS
@given(html_trees())
def test_random_html_is_cleaned_without_error(html: str) -> None:
    result = CLEAN.run_one(Article(id="h", source="h", html=html))
    assert isinstance(result, Article)
    assert "<script" not in result.text


@SETTINGS
@given(st.text(max_size=300))
def test_repair_of_any_unicode_line_never_raises(line: str) -> None:
    repairs: list = []
    fixed = repair_line(line.replace("\n", " "), repairs)
    assert isinstance(fixed, str)
    assert repair_line(fixed, []) == fixed


@settings(max_examples=40, deadline=None, derandomize=True)
@given(PAGE_TEXT)
def test_extracted_offsets_stay_inside_the_text(text: str) -> None:
    from materiel import api

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.txt"
        path.write_text("Germany has sent 14 Leopard 2 tanks to Ukraine. " + text, encoding="utf-8")
        (article,) = list(api.extract([path], _extract_runner()))
        if isinstance(article, Failure):  # a line read as the headline leaves no text: skipped, said so
            (cleaned,) = list(api.clean([path]))
            assert article.code == "skipped" and not cleaned.text.strip() and cleaned.title
            return
    assert isinstance(article, Article)
    for transfer in article.transfers:
        for span in transfer.evidence:
            assert 0 <= span.start < span.end <= len(article.text)
    for quote in article.quotes:
        assert quote.span is None or 0 <= quote.span.start < quote.span.end <= len(article.text)


_RUNNER: list[Runner] = []


def _extract_runner() -> Runner:
    if not _RUNNER:
        from materiel import api

        _RUNNER.append(Runner(api.extract_steps()))
    return _RUNNER[0]
