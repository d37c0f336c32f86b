"""tools/near_gauge.py: near-miss transfers and the any-category/supplier/recipient gauges."""

from __future__ import annotations

from tools.near_gauge import near_misses, totals


def _gold(*transfers: tuple, via: tuple = ()) -> dict:
    rows = [{"supplier": s, "recipient": r, "category": c, "via": list(via)} for s, r, c in transfers]
    return {"id": "a", "transfers": rows}


def test_a_wrong_category_is_a_near_miss_and_a_missed_sibling_is_not() -> None:
    gold = _gold(("USA", "UKR", "funding"), ("USA", "UKR", "artillery"), ("DEU", "UKR", "drones"))
    reported = {("USA", "UKR", "unspecified"), ("DEU", "UKR", "drones")}
    ours, theirs = ("USA", "UKR", "unspecified"), ("USA", "UKR", "artillery")
    assert near_misses(reported, gold) == [(ours, theirs, "category:unspecified>artillery")]
    counts = totals([gold], {"a": reported})
    # any category finds both USA rows, but only one false triple stands beside them
    assert (counts["found"], counts["spurious"], counts["any_category"], counts["near_misses"]) == (1, 1, 3, 1)


def test_party_kinds() -> None:
    gold = _gold(("KOR", "UKR", "ammunition"), ("USA", "POL", "aircraft"), ("DEU", "UKR", "tanks"), via=("USA",))
    reported = {("USA", "UKR", "ammunition"), ("nato", "POL", "aircraft"), ("DEU", "POL", "tanks")}
    kinds = {kind for _, _, kind in near_misses(reported, gold)}
    assert kinds == {"supplier:via", "supplier:alliance", "recipient:co-party"}


def test_an_optional_gold_match_is_neither_found_nor_false() -> None:
    gold = {"id": "a", "transfers": [{"supplier": "FRA", "recipient": "UKR", "category": "missiles", "optional": True}]}
    counts = totals([gold], {"a": {("FRA", "UKR", "missiles"), ("FRA", "UKR", "aircraft")}})
    assert (counts["gold"], counts["found"], counts["spurious"], counts["near_misses"]) == (0, 0, 1, 0)
