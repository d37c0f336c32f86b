"""The stage an item's own phrase tells, whatever clause it stands in, and a bidding's stage."""

from __future__ import annotations

import pytest

from materiel.extract.clause import imperative
from materiel.extract.governed import governed_stage
from materiel.extract.itemstage import item_stage
from materiel.extract.nlp import load_model
from materiel.extract.stage import REFUSED_DEPS, stage_of

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
    ("sentence", "recipient", "year", "expected"),
    [
        # a move to the transfer's recipient, or with no party named, at the pledge's time
        ("Germany pledged 18 Leopard tanks that were later delivered to Ukraine.", "UKR", 2024, "delivered"),
        ("Britain promised Ukraine 14 Challenger tanks, which arrived in March.", "UKR", 2024, "delivered"),
        ("Britain promised Ukraine 14 tanks, which were handed to Ukrainian crews in May.", "UKR", 2024, "delivered"),
        ("Britain promised Ukraine 14 tanks, which arrived in Kyiv in May.", "UKR", 2024, "delivered"),
        ("Britain promised Ukraine 14 Challenger tanks, which arrived last year.", "UKR", 2024, "delivered"),
        ("In 2015 Britain promised Ukraine 14 tanks, which were delivered in 2016.", "UKR", 2024, "delivered"),
        ("Norway pledged Ukraine eight Leopard tanks, which were shipped in 2023.", "UKR", 2024, "delivered"),
        # the item's earlier history: another party, or a time before the transfer's clause
        ("Germany will send Ukraine 15 Gepard guns that were delivered to Qatar years ago.", "UKR", 2024, None),
        ("Slovakia will give Ukraine 13 MiG-29 jets, which were shipped to Slovakia in the 1990s.", "UKR", 2024, None),
        ("France will send Ukraine 6 Mirage jets that were delivered to the French air force.", "UKR", 2024, None),
        ("Germany will send Ukraine 15 Gepard guns that were delivered in 2012.", "UKR", 2024, None),
        ("Germany will send Ukraine 15 Gepard guns, which were delivered last year.", "UKR", 2024, None),
        ("Germany pledged 14 Leopard tanks, which arrived in Poland for training.", "UKR", 2024, None),
        ("Germany pledged 14 Leopard tanks, which arrived two decades ago.", "UKR", None, None),
        ("Germany pledged 15 Gepard guns, which were shipped in 2020.", "UKR", 2024, None),
        ("Germany will send Ukraine 15 Gepard guns that were delivered in the 1990s.", "UKR", None, None),
    ],
)
def test_moved_since(sentence: str, recipient: str, year: int | None, expected: str | None) -> None:
    """A clause that says the items moved marks them delivered only when it tells of the
    transfer's recipient and is not dated before the clause that tells the transfer."""
    doc = load_model()(sentence)
    token = next(t for t in doc if t.text in ("tanks", "guns", "jets"))
    assert item_stage(token, recipient, year) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Germany refused to approve the export of Leopard tanks to Ukraine.",
        "Sweden declined to sign the contract to sell Gripen jets to Colombia.",
    ],
)
def test_refused_infinitive_is_governed(sentence: str) -> None:
    """A commitment as a refusal's infinitive is refused by governed_stage, before the refused
    request's table (which so has no "xcomp" for "pledged") is read."""
    doc = load_model()(sentence)
    verb = next(t for t in doc if t.lemma_ in ("approve", "sign"))
    assert verb.dep_ == "xcomp" and "xcomp" not in REFUSED_DEPS["pledged"]
    assert governed_stage(verb, "pledged") == "refused"
    cue = next(t for t in doc if t.lemma_ in ("export", "sell"))
    assert stage_of(cue, "delivered") == "refused"


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
