"""Items a sentence names that are not what moves: platforms, targets and weapons fired."""

from __future__ import annotations

import pytest

from materiel.extract.lexicon import find_items
from materiel.extract.nlp import load_model
from materiel.extract.notsent import not_sent

pytestmark = pytest.mark.slow


def _not_sent(sentence: str) -> set[str]:
    doc = load_model()(sentence)
    items = find_items(sentence)
    heads = {}
    for item in items:
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        heads[id(item)] = span.root if span is not None else None
    return {m.text for m in items if id(m) in not_sent(items, heads)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Germany sent shells for the Gepard guns to Ukraine.", {"Gepard guns"}),
        (
            "Russia delivered the S-300 system to Iran, a system that can engage aircraft and missiles.",
            {"aircraft", "missiles"},
        ),
        ("Russia had fired 24 Shahed drones over the weekend, the air force said.", {"Shahed drones"}),
        ("Ukraine fired British-supplied Storm Shadow missiles at the bridge.", set()),
        ("Germany sent 14 tanks and 20 drones to Ukraine.", set()),
    ],
)
def test_not_sent(sentence: str, expected: set[str]) -> None:
    assert _not_sent(sentence) == expected
