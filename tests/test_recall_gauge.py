"""The recall gauge's variants of a prediction file (tools/recall_gauge.py, a measuring tool)."""

from __future__ import annotations

from tools.recall_gauge import CATEGORIES, RULE_TAG, tag_of, variant


def _record() -> dict:
    transfers = [
        {"supplier": "NOR", "recipient": "LVA", "item": {"category": "artillery"}, "confidence": RULE_TAG},
        {"supplier": "SWE", "recipient": "LVA", "item": {"category": "drones"}, "confidence": 0.3},
        {"supplier": "FIN", "recipient": "LVA", "item": {"category": "naval"}, "confidence": 0.02},
    ]
    return {"id": "a", "transfers": transfers}


def test_a_variant_keeps_the_scorer_triples_from_a_probability_and_every_rule_transfer() -> None:
    kept = lambda keep_from: [t["supplier"] for t in variant([_record()], keep_from)[0]["transfers"]]  # noqa: E731
    assert kept(1.5) == ["NOR"]
    assert kept(0.3) == ["NOR", "SWE"]
    assert kept(0.0) == ["NOR", "SWE", "FIN"]


def test_any_category_repeats_each_kept_transfer_under_every_category() -> None:
    transfers = variant([_record()], 0.4, any_category=True)[0]["transfers"]
    assert len(transfers) == len(CATEGORIES)
    assert {t["item"]["category"] for t in transfers} == set(CATEGORIES)
    assert {t["supplier"] for t in transfers} == {"NOR"}


def test_a_transfer_takes_its_own_triples_tag_else_one_of_its_item_mention_else_a_rules() -> None:
    tags = {((10, 20), "SWE", "LVA", "drones"): 0.3, ((10, 20), "SWE", "EST", "drones"): 0.6}
    assert tag_of(((10, 20), "SWE", "LVA", "drones"), tags) == 0.3
    assert tag_of(((10, 20), "SWE", "LVA", "aircraft"), tags) == 0.3  # a sibling of the same pair
    assert tag_of(((10, 20), "NOR", "LVA", "drones"), tags) == 0.6  # the highest on the mention
    assert tag_of(((50, 60), "NOR", "LVA", "drones"), tags) == RULE_TAG
