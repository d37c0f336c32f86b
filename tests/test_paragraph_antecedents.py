"""A party named in the paragraph before ("Ukraine has asked for armour. // It will get ..."): the
transfer's span for it points at its own words there, not at the pronoun's paragraph."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TEXTS = [
    "Ukraine has asked its allies for more armour.\n\nIt will get 40 Marder vehicles from Germany.",
    "Britain is stepping up its support for Kyiv.\n\nThe country will also send 20 Storm Shadow missiles.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_party_span_is_its_own_name(text: str, extract_text) -> None:
    (transfer,) = extract_text(text).transfers
    for actor in (transfer.supplier, transfer.recipient):
        assert actor is not None and actor.span is not None
        named = text[actor.span.start : actor.span.end]
        assert named in ("Ukraine", "Germany", "Britain", "Kyiv"), named


def test_no_party_from_a_heading(extract_text) -> None:
    """A heading has no sentence of its own whose subject the next paragraph's "it" takes."""
    assert extract_text("Germany\n\nIt will also send 20 Taurus missiles.").transfers == []
