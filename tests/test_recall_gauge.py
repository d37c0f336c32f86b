"""The recall gauge's tags (tools/recall_gauge.py, a measuring tool on dev and train)."""

from __future__ import annotations

from tools.recall_gauge import RULE_TAG, tag_of


def test_a_transfer_takes_its_own_triples_tag_else_one_of_its_item_mention_else_a_rules() -> None:
    tags = {((10, 20), "SWE", "LVA", "drones"): 0.3, ((10, 20), "SWE", "EST", "drones"): 0.6}
    assert tag_of(((10, 20), "SWE", "LVA", "drones"), tags) == 0.3
    assert tag_of(((10, 20), "SWE", "LVA", "aircraft"), tags) == 0.3  # a sibling of the same pair
    assert tag_of(((10, 20), "NOR", "LVA", "drones"), tags) == 0.6  # the highest on the mention
    assert tag_of(((50, 60), "NOR", "LVA", "drones"), tags) == RULE_TAG
