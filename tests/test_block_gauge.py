"""The block gauge's runs and places (tools/block_gauge.py, a measuring tool)."""

from __future__ import annotations

from collections import Counter

from tools.block_gauge import blocks, gauge, place

PARAGRAPHS = [
    "A coastal state has shipped forty patrol boats to its neighbour, the ministry said on Monday, after talks.",
    "What the shipment holds",
    "- 40 patrol boats",
    "- 2 repair barges",
    "The boats will guard the northern bay, where smugglers have landed twice this year,"
    " officials of the coastal state said on Tuesday.",
    "More from the region",
    "Harbour town opens a new ferry terminal after years of delay · 5 min read",
    "Fishermen protest over quotas in the north - Jane Roe",
]


def test_runs_are_paragraphs_without_a_sentence_end() -> None:
    runs = blocks(PARAGRAPHS)
    assert runs[0] is None and runs[4] is None
    assert runs[1:4] == [(1, 4)] * 3 and runs[5:] == [(5, 8)] * 3


def test_a_run_after_the_prose_under_a_heading_with_stamps_and_a_byline() -> None:
    assert place(PARAGRAPHS, (5, 8), last_prose=4, first_prose=0) == {
        "after": True,
        "before": False,
        "headed": True,
        "stamped": True,
        "byline": True,
    }
    inside = place(PARAGRAPHS, (1, 4), last_prose=4, first_prose=0)
    assert not inside["after"] and not inside["headed"] and not inside["stamped"]


def test_snippets_are_counted_by_their_block() -> None:
    record = {"id": "x", "must_drop": ["Fishermen protest over quotas"], "must_keep": ["2 repair barges"]}
    tally: Counter[str] = Counter()
    gauge(record, "\n\n".join(PARAGRAPHS), tally, listing=False)
    assert tally["must_drop in blocks: after"] == 1 and tally["must_drop in blocks: headed"] == 1
    assert tally["must_keep in blocks"] == 1 and tally["must_keep in blocks: after"] == 0
