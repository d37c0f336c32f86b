"""The stage an item's own phrase tells, whatever clause it stands in, and a bidding's stage."""

from __future__ import annotations

import pytest

from materiel.extract.clause import imperative
from materiel.extract.itemstage import item_stage
from materiel.extract.nlp import load_model

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "item", "expected"),
    [
        ("The tally leaves out raids flown with U.S.-supplied aircraft.", "aircraft", "delivered"),
        ("The totals do not count strikes with Western-provided howitzers.", "howitzers", "delivered"),
        ("Egypt bought a frigate as part of a contract for 30 Rafale jets.", "jets", "pledged"),
        ("Cairo cancelled the contract for 30 Rafale jets.", "jets", "cancelled"),
        ("The proposed deal for 12 helicopters worried the neighbours.", "helicopters", "considered"),
        ("Kyiv fired Swiss-made shells at the bridge.", "shells", None),
        ("Egypt received 30 Rafale jets last year.", "jets", None),
    ],
)
def test_item_stage(sentence: str, item: str, expected: str | None) -> None:
    doc = load_model()(sentence)
    token = next(t for t in doc if t.text == item)
    assert item_stage(token) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("To Berlin: send Leopard tanks to Kyiv now.", True),
        ("Send more tanks to Ukraine, the Polish prime minister told the German chancellor.", True),
        ("Germany will send tanks to Ukraine.", False),
        ("Berlin refused to send tanks to Ukraine.", False),
    ],
)
def test_imperative(sentence: str, expected: bool) -> None:
    doc = load_model()(sentence)
    verb = next(t for t in doc if t.lower_ == "send")
    assert imperative(verb) is expected
