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
        # what a purpose clause on a cue keeps working is served, not sent
        ("The United States sent spare parts to Ukraine to keep its fighter jets flying.", {"fighter jets"}),
        ("Norway gave Ukraine $50 million to maintain the fleet of F-16s.", {"F-16s"}),
        ("France supplied engines to India so that its helicopters can fly.", {"helicopters"}),
        ("Ukraine needs more mechanics to keep its fighter jets flying.", {"fighter jets"}),
        # a purpose that moves the item, words of its own that move it, a promise, money to pay for it
        ("Germany raised its budget for Ukraine in order to send more tanks.", set()),
        ("Denmark sent technicians to Ukraine to help Ukraine fly the F-16s it received from the Netherlands.", set()),
        ("The US promised to replace the tanks Ukraine lost.", set()),
        ("Norway donated $100 million to Ukraine to pay for howitzers.", set()),
        ("Kyiv asked Berlin to approve the delivery of Taurus missiles.", set()),
        ("Poland wants to keep its MiG-29 jets flying.", set()),
    ],
)
def test_not_sent(sentence: str, expected: set[str]) -> None:
    assert _not_sent(sentence) == expected
