"""Item categories of real systems and generic phrases our study articles never named
(tests/cases/extraction/categories.json): each alone in a supply sentence gives one transfer of
exactly its category (or, where a sentence names several kinds, one of each)."""

from __future__ import annotations

import pytest

from tests.conftest import CASES, load_cases

pytestmark = pytest.mark.slow
CATEGORIES = load_cases(CASES / "extraction" / "categories.json")


def _text(case: dict) -> str:
    return case.get("text") or f"Norway sent {case['name']} to Ukraine."


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=_text(c)[:60],
            marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [],
        )
        for c in CATEGORIES
    ],
)
def test_item_category(case: dict, extract_text) -> None:
    article = extract_text(_text(case))
    found = {(t.supplier and t.supplier.id, t.recipient and t.recipient.id, t.item.category) for t in article.transfers}
    wanted = case.get("categories") or [case["category"]]
    assert found == {("NOR", "UKR", c) for c in wanted}, article.to_dict()["transfers"]
