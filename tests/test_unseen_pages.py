"""Made-up pages of sites unlike the corpus's (tests/cases/cleaning/unseen.json) and of furniture
in kinds and wordings those lack (furniture25.json): cleaned as `materiel clean` cleans a file, each
page's furniture must go and its article text stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from materiel.api import clean
from materiel.article import Article
from tests.conftest import CASES

PAGES = [
    case
    for name in ("unseen.json", "furniture25.json")
    for case in json.loads((CASES / "cleaning" / name).read_text(encoding="utf-8"))["cases"]
]
PARAMS = [
    pytest.param(c, id=c["name"], marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [])
    for c in PAGES
]


def _fold(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("case", PARAMS)
def test_unseen_page(case: dict, tmp_path: Path) -> None:
    path = tmp_path / case["file"]
    path.write_text(case["input"], encoding="utf-8")
    [article] = list(clean([path], dates=False, paragraph_languages=False))
    assert isinstance(article, Article)
    text = _fold(article.text)
    assert article.title == case["title"]
    assert [k for k in case["keeps"] if _fold(k) not in text] == []
    assert [d for d in case["drops"] if _fold(d) in text] == []
