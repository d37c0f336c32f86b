"""tools/qty_misses.py: matched transfers' quantities classed as right, empty or wrong, and where a
miss's gold amount is written."""

from __future__ import annotations

from tools.qty_misses import classify

TEXT = "Norway will send Ukraine howitzers. It had sold Poland 12 guns.\n\nThe 20 howitzers leave in May."


def _gold() -> dict:
    return {"a": {"transfers": [
        {"supplier": "NOR", "recipient": "UKR", "category": "artillery", "quantity": [20, 20]},
        {"supplier": "NOR", "recipient": "POL", "category": "artillery", "quantity": [12, 12]},
        {"supplier": "NOR", "recipient": "UKR", "category": "aircraft", "quantity": [2, 2]},
        {"supplier": "NOR", "recipient": "UKR", "category": "drones", "quantity": [5, 5], "optional": True},
    ]}}  # fmt: skip


def _transfer(recipient: str, category: str, item_at: int, quantity: dict | None) -> dict:
    item = {"category": category, "span": {"start": item_at, "end": item_at + 5}}
    return {"supplier": {"id": "NOR"}, "recipient": {"id": recipient}, "item": item, "quantity": quantity}


def _pred(first: dict | None) -> dict:
    return {"a": {"id": "a", "title": "Norway to send 2 jets", "text": TEXT, "transfers": [
        _transfer("UKR", "artillery", 25, first),
        _transfer("POL", "artillery", 57, {"low": 12, "high": 12, "span": {"start": 54, "end": 56}}),
        _transfer("UKR", "aircraft", 25, None),
        _transfer("UKR", "drones", 25, None),
    ]}}  # fmt: skip


def test_classes_and_places() -> None:
    twelve = {"low": 12, "high": 12, "span": {"start": 54, "end": 56}}  # read in the next sentence
    rows = classify(_gold(), _pred(twelve))
    assert [r["class"] for r in rows] == ["wrong-other", "right", "empty"]  # the optional one not scored
    assert rows[0]["gold_at"] == ["body"] and rows[2]["gold_at"] == ["title"]
    assert "gold_at" not in rows[1]


def test_right_from_another_sentence() -> None:
    twenty = {"low": 20, "high": 20, "span": {"start": 68, "end": 70}}
    assert classify(_gold(), _pred(twenty))[0]["class"] == "right-other"
