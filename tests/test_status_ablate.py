"""tools/status_ablate.py: the ablation of our own statuses that blind-check's totals are read through."""

from __future__ import annotations

from tools.status_ablate import _condition, ablate


def _records() -> list[dict]:
    return [
        {"id": "a", "transfers": [
            {"status": "delivered", "item": {"category": "aircraft"}, "disclosure": "official", "quantity": None},
            {"status": "in_progress", "item": {"category": "funding"}, "disclosure": None, "quantity": {"low": 3}},
            {"status": "pledged", "item": {"category": "aircraft"}, "disclosure": "official", "quantity": None},
        ]},
    ]  # fmt: skip


def test_a_coarse_class_moves_whole() -> None:
    records = _records()
    assert ablate(records, "executed", "pledged", []) == 2
    assert [t["status"] for t in records[0]["transfers"]] == ["pledged", "pledged", "pledged"]


def test_conditions_on_our_own_fields_narrow_it() -> None:
    records = _records()
    assert ablate(records, "executed", "pledged", [("disclosure", {"official"})]) == 1
    assert ablate(records, "executed", "none", [("quantity", {"yes"}), ("category", {"funding"})]) == 1
    assert [t["status"] for t in records[0]["transfers"]] == ["pledged", None, "pledged"]


def test_all_takes_every_class() -> None:
    records = _records()
    assert ablate(records, "all", "considered", [("category", {"aircraft"})]) == 2
    assert records[0]["transfers"][1]["status"] == "in_progress"


def test_what_decided_the_status_narrows_it() -> None:
    records = _records()
    reasons = ["verb: send", "scorer; progressive: ship", "stage word: agree"]
    for transfer, reason in zip(records[0]["transfers"], reasons, strict=True):
        transfer["status_reason"] = reason
    assert ablate(records, "executed", "pledged", [_condition("decider=verb,stage word")]) == 1
    assert ablate(records, "executed", "considered", [_condition("reason~scorer; progressive")]) == 1
    assert ablate(records, "all", "refused", [_condition("reason~progressive")]) == 0
    assert [t["status"] for t in records[0]["transfers"]] == ["pledged", "considered", "pledged"]
