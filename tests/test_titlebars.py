"""A bar in a page's title sets navigation beside the headline (clean/titlemarks.py,
without_bar_segments): the segment of the most words stays, its words counted up to a dash. Titles written for
these tests."""

from __future__ import annotations

import pytest

from materiel.clean.titlemarks import without_bar_segments

CUT = [
    ("Mine-clearing vehicles reach the coast | Harbour Ledger - Daily news", "Mine-clearing vehicles reach the coast"),
    ("Opinion | Why the frigates matter for the Baltic", "Why the frigates matter for the Baltic"),
    ("World | Europe | Drones hit a depot near the border", "Drones hit a depot near the border"),
    ("Drones hit a depot | Ukraine war live", "Drones hit a depot"),
    ("Harbour Festival 2024 | Lights on the water draw record crowds", "Lights on the water draw record crowds"),
]
KEPT = [
    "Frigates for the Baltic - and what they will cost",  # a dash is the headline's own
    "Navy | Mines",  # no segment long enough for a headline
    "Radar deal signed: what it means for the coast",
]


@pytest.mark.parametrize(("title", "headline"), CUT)
def test_the_segments_beside_a_bar_go(title: str, headline: str) -> None:
    assert without_bar_segments(title) == headline


@pytest.mark.parametrize("title", KEPT)
def test_a_title_without_a_bar_or_a_long_segment_stays(title: str) -> None:
    assert without_bar_segments(title) == title
