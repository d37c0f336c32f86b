"""Outlets whose short names are also other things count only where the text makes them outlets."""

from __future__ import annotations

import pytest

from materiel.extract.outlets import find_outlets


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("An official told Forbes the talks had ended.", "Forbes"),
        ("Sputnik reported the launch on Monday.", "Sputnik"),
        ("The deal is near, according to Nikkei.", "Nikkei"),
        ("In an interview with Forbes, the minister spoke of tanks.", "Forbes"),
        ("The Sputnik news agency carried the statement.", "Sputnik"),
        ("Nikkei Asia covered the sale.", "Nikkei"),  # the alias 'Nikkei Asia' names the outlet Nikkei
    ],
)
def test_outlet_in_context(text: str, outlet: str) -> None:
    assert [o.name for o in find_outlets(text)] == [outlet]


@pytest.mark.parametrize(
    "text",
    [
        "Former congressman Randy Forbes said the navy needs more ships.",
        "The first Sputnik satellite reached orbit in 1957.",
        "The Nikkei index closed higher on Friday.",
    ],
)
def test_not_an_outlet(text: str) -> None:
    assert find_outlets(text) == []


def test_unambiguous_outlets_anywhere() -> None:
    assert [o.name for o in find_outlets("Reuters and the BBC covered it.")] == ["Reuters", "BBC"]
