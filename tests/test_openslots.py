"""Open slots: which side of a transfer the cue of an item leaves unsaid, says by a pronoun, or
fills with words of its own (openslots.py)."""

from __future__ import annotations

import pytest

from materiel.extract import syntax
from materiel.extract.lexicon import find_actors, find_items
from materiel.extract.nlp import load_model
from materiel.extract.openslots import actor_token_indices, slots

pytestmark = pytest.mark.slow


def _slots(sentence: str) -> tuple[str | None, str | None]:
    doc = load_model()(sentence)
    item = find_items(sentence)[0]
    token = doc.char_span(item.start, item.end, alignment_mode="expand").root
    spans = [(m.start, m.end) for m in find_actors(sentence) if m.id]
    return slots(syntax.governing_cue(token, doc[:]), actor_token_indices(doc[:], spans))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an agentless passive and a bare noun of transfer name neither side
        ("The howitzers were delivered in March.", ("open", "open")),
        ("The delivery of 20,000 helmets was announced in January.", ("open", "open")),
        # a cargo's or a package's contents name neither
        ("The freighter was loaded with mortars and armoured trucks.", ("open", "open")),
        # a pronoun or a definite stand-in gives or takes
        ("It will also send 40 tanks next month.", ("pointed", "open")),
        ("The country has supplied them with artillery shells.", ("pointed", "pointed")),
        # a party of the sentence fills its side
        ("Washington has provided Javelin missiles.", ("filled", "open")),
        ("Russia sent drones to the front.", ("filled", "filled")),
        ("Iran's shipments of drones continued.", ("filled", "open")),
        ("Howitzers were sold by France to Peru.", ("filled", "filled")),
    ],
)
def test_slots_of_the_items_cue(sentence: str, expected: tuple[str, str]) -> None:
    assert _slots(sentence) == expected


def test_no_cue_no_slots() -> None:
    """An item no cue governs ("the tanks rolled through the town") has no slots to fill."""
    assert _slots("The tanks rolled slowly through the town.") == (None, None)
