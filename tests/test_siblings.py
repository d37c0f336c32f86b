"""Listed siblings: the other categories of a list share the transfer found for one of them."""

from __future__ import annotations

import pytest

from materiel import api
from materiel.article import Actor, Item, Span, Transfer
from materiel.extract.context import build_context
from materiel.extract.siblings import listed_siblings
from materiel.pipeline import Runner
from tests.builders import article_of
from tests.conftest import CASES, load_cases

CASES_LIST = load_cases(CASES / "extraction" / "siblings.json")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cleaner() -> Runner:
    return Runner(api.clean_steps())


def _anchor(case: dict, context) -> Transfer:
    """The transfer a rule or the scorer would have found: the case's anchor item, its sentence."""
    paragraph = context.paragraphs[0]
    item = next(m for m in paragraph.items if m.id == case["anchor"])
    sentence = next(s for s in paragraph.doc.sents if s.start_char <= item.start < s.end_char)
    offset = paragraph.offset
    return Transfer(
        supplier=Actor(case["supplier"], case["supplier"]),
        recipient=Actor(case["recipient"], case["recipient"]),
        item=Item(item.text, case["anchor"], True, Span(offset + item.start, offset + item.end)),
        evidence=[Span(offset + sentence.start_char, offset + sentence.end_char)],
    )


@pytest.mark.parametrize("case", CASES_LIST, ids=[c["text"][:50] for c in CASES_LIST])
def test_listed_siblings(case: dict, cleaner: Runner) -> None:
    article = cleaner.run_one(article_of(case["text"]))
    context = build_context(article)
    found = listed_siblings(context, [_anchor(case, context)])
    categories = {t.item.category for t in found}
    assert set(case["expect"]) <= categories, categories
    assert not categories & set(case["absent"]), categories
    assert all((t.supplier.id, t.recipient.id) == (case["supplier"], case["recipient"]) for t in found)
