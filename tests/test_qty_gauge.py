"""tools/qty_gauge.py: the variants of our own quantities that blind-check's totals are read through."""

from __future__ import annotations

from tools.qty_gauge import EVERY, VARIANTS, variant

TEXT = "Norway will send Ukraine 20 howitzers. The aid is worth $50 million.\n\nIt also sends radios."


def _records() -> list[dict]:
    howitzers = {"category": "artillery", "span": {"start": 28, "end": 37}}
    aid = {"category": "unspecified", "span": {"start": 43, "end": 46}}
    radios = {"category": "other-equipment", "span": {"start": 84, "end": 90}}
    return [
        {"id": "a", "title": "Norway sends $50 million in aid", "text": TEXT, "transfers": [
            {"item": howitzers, "quantity": {"low": 20, "high": 20, "unit": None, "span": {"start": 25, "end": 27}}},
            {"item": aid, "quantity": {"low": 5e7, "high": 5e7, "unit": "USD", "span": {"start": 56, "end": 67}}},
            {"item": radios, "quantity": None},
        ]},
    ]  # fmt: skip


def _quantities(name: str) -> list:
    return [t["quantity"] for t in variant(_records(), VARIANTS[name])[0]["transfers"]]


def test_drop_variants_drop_only_their_class() -> None:
    assert [q is None for q in _quantities("drop_money")] == [False, True, True]
    assert [q is None for q in _quantities("drop_count")] == [True, False, True]
    assert _quantities("base") == [t["quantity"] for t in _records()[0]["transfers"]]


def test_sentence_of_the_item_decides_other_sentence() -> None:
    # the aid's sum stands in its own sentence; moving the aid's mention to the first sentence makes it another's
    assert [q is None for q in _quantities("drop_other_sentence")] == [False, False, True]
    records = _records()
    records[0]["transfers"][1]["item"]["span"] = {"start": 0, "end": 6}
    kept = variant(records, VARIANTS["drop_other_sentence"])[0]["transfers"]
    assert kept[1]["quantity"] is None


def test_fills_touch_only_empty_quantities() -> None:
    assert _quantities("every_for_empty")[2] == EVERY
    assert _quantities("every_for_empty")[:2] == [t["quantity"] for t in _records()[0]["transfers"][:2]]
    assert _quantities("lead_money_for_empty")[2]["low"] == 5e7  # the headline's sum
    assert _quantities("every_for_given") == [EVERY, EVERY, None]


def test_nearby_money_fills_only_where_the_place_holds_a_sum() -> None:
    # the radios' paragraph holds no sum; the sentence before it, and the headline, give $50 million
    assert _quantities("para_money_for_empty")[2] is None
    assert _quantities("previous_sentence_money_for_empty")[2]["low"] == 5e7
    assert _quantities("title_money_for_empty")[2]["low"] == 5e7
    assert _quantities("evidence_money_for_empty")[2] is None  # no evidence span given
    assert _quantities("para_money_for_empty")[:2] == [t["quantity"] for t in _records()[0]["transfers"][:2]]
