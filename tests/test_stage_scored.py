"""The cue that stages a scorer's transfer whose item no cue governs (choose._clause_cue)."""

from __future__ import annotations

import pytest

from materiel.extract.choose import _clause_cue
from materiel.extract.nlp import load_model

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "item", "expected"),
    [
        # a participle on the item moves it, before any cue of another clause
        ("Given that a battalion needs 35 jets, China has 26 jets, including 10 jets sold by Russia.", 15, "sold"),
        ("The navy's fleet includes ten frigates sold to Egypt by France in 2015.", 6, "sold"),
        # 'given' opening a clause or a phrase is no cue; the next cue word is
        ("Given that the drones were never used, Iran shipped them home.", 3, "shipped"),
        ("Given the delays, Germany has sent tanks to Ukraine.", 7, "sent"),
        # a sentence with no cue word but 'given' as a conjunction has none
        ("Given that the war goes on, the tanks matter.", 8, None),
    ],
)
def test_clause_cue(sentence: str, item: int, expected: str | None) -> None:
    doc = load_model()(sentence)
    token = doc[item]
    cue = _clause_cue(token, doc[:])
    assert (cue.text if cue is not None else None) == expected, [(t.i, t.text, t.dep_) for t in doc]
