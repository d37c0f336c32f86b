"""The depth guard before an HTML page is parsed (clean/htmldepth.py): a page nested deeper than
MAX_HTML_DEPTH is given up at once, as a page past the time budget is (skipped with its reason),
the rest of a batch done; pages as sites write them, however many sibling items or unclosed
paragraphs, are parsed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from materiel.article import Article
from materiel.clean import CLEAN_STEPS
from materiel.clean.htmldepth import MAX_HTML_DEPTH, TooDeep, check_depth
from materiel.pipeline import Failure, Runner
from tests.test_cli import materiel

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "article-extraction" / "html"
STORY = "<p>Norway has sent twelve howitzers to Ukraine, its defence ministry said on Monday.</p>"


def _page(opening: str, depth: int, closing: str = "") -> str:
    return f"<html><head><title>Howitzers</title></head><body>{opening * depth}{STORY}{closing * depth}</body></html>"


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("<div>", "</div>"),  # closed: 40,000 took 150 s of CPU in the main-text extraction
        ("<div class='x'>", ""),  # never closed, as a broken template leaves them
        ("<ul><li>", ""),  # lists in list items: 80,000 took 62 s in the parse alone
        ("<table><tr><td>", "</td></tr></table>"),  # tables in cells
        ("<SPAN>", "</span>"),  # any element, in any case
    ],
)
def test_a_page_nested_deeper_than_the_limit_is_refused_before_it_is_parsed(opening: str, closing: str) -> None:
    """review15: the time budget's timer cannot interrupt the parser's C code, so such a page ran
    for minutes (a 5 MB page holds a million levels) before it was given up. Here 1.5 times the
    limit, which the parser still reads in a blink: without the guard the page came out as text."""
    html = _page(opening, MAX_HTML_DEPTH * 3 // 2, closing)
    with pytest.raises(TooDeep, match="nested deeper than 1,000"):
        check_depth(html)
    failure = Runner(CLEAN_STEPS).run_one(Article(id="deep", source="deep.html", html=html))
    assert isinstance(failure, Failure) and failure.skipped
    assert "nested deeper than 1,000 elements" in failure.problem


@pytest.mark.parametrize(
    "body",
    [
        "<ul>" + "<li>item" * 5000 + "</ul>",  # siblings that close each other
        "<select>" + "<option>1990" * 5000 + "</select>",  # a year picker
        "<div>" + "<p>a paragraph" * 5000 + "</div>",  # paragraphs never closed
        "<table>" + "<tr><td>a<td>b" * 3000 + "</table>",  # cells and rows never closed
        "<div>" + "text<br>" * 5000 + "<img src=x.png>" * 3000 + "</div>",  # void elements
        "<div>" + "<a href=x>link" * 3000 + "</div>",  # links never closed close each other
        "<div>" + "<div>a</div>" * 5000 + "</div>",  # many elements, shallow
        "<table>" + "<tr><td><font face=arial>x</td></tr>" * 3000 + "</table>",  # unclosed, then closed by the cell
    ],
)
def test_pages_with_many_elements_but_little_depth_are_parsed(body: str) -> None:
    html = f"<html><body>{'<div>' * (MAX_HTML_DEPTH - 10)}{'</div>' * (MAX_HTML_DEPTH - 10)}{body}{STORY}</body></html>"
    check_depth(html)


@pytest.mark.skipif(not BENCH.is_dir(), reason="the extraction benchmark's pages are not here")
def test_every_page_of_the_extraction_benchmark_passes_the_guard() -> None:
    for page in sorted(BENCH.glob("*.html.gz")):
        check_depth(gzip.decompress(page.read_bytes()).decode("utf-8", "replace"))


def test_one_page_nested_too_deep_is_reported_and_the_rest_of_the_folder_done(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_text(_page("<div>", MAX_HTML_DEPTH * 2))
    (tmp_path / "story.html").write_text(_page("<div>", 3, "</div>"))
    result = materiel("extract", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr  # a skip, as a page past the time budget
    errors = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert [(e["error"], Path(e["source"]).name) for e in errors] == [("skipped", "deep.html")]
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["story"]
