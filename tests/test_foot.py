"""The foot of a page: a headline that closes it, and a lone bulleted headline set into it
(clean/foot.py), as cases of tests/cases/cleaning/foot.json."""

from __future__ import annotations

import json

import pytest

from materiel.article import Article
from materiel.clean.foot import drop_closing_headline, drop_story_lists
from tests.conftest import CASES

DATA = json.loads((CASES / "cleaning" / "foot.json").read_text("utf-8"))
CLOSING = DATA["cases"] + [dict(c, drops=False) for c in DATA["negatives"]]


@pytest.mark.parametrize("case", CLOSING, ids=[c["name"] for c in CLOSING])
def test_closing_headline(case: dict) -> None:
    article = Article(id="case", source="test", text="\n\n".join(case["lines"]))
    drop_closing_headline(article)
    headlines = [line for line in case["lines"][2:] if not line.endswith((".", ":"))] if case["drops"] else []
    assert all(line not in article.text for line in headlines)
    assert all(line in article.text for line in case["lines"] if line not in headlines)
    assert [r.reason for r in article.removed] == ["read_more"] * len(headlines)


@pytest.mark.parametrize("case", DATA["lone_links"], ids=[c["name"] for c in DATA["lone_links"]])
def test_lone_bulleted_headline(case: dict) -> None:
    article = Article(id="case", source="test", text="\n\n".join(case["lines"]))
    drop_story_lists(article)
    bullets = [line for line in case["lines"] if line.startswith(("* ", "- "))]
    assert all((line not in article.text) == case["drops"] for line in bullets)
    assert all(line in article.text for line in case["lines"] if line not in bullets)
