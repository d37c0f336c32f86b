"""Which generic nouns point back at an item named before (pointing.py), and which bare gun is
a firearm (senses.py): the words around one noun, no parse."""

from __future__ import annotations

import pytest

from materiel.article import Span
from materiel.extract.lexicon import find_items
from materiel.extract.pointing import names_no_transfer, pointing_back


def _span(text: str, word: str) -> Span:
    start = text.rindex(word)
    return Span(start, start + len(word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Berlin would not provide such weapons", "weapons"),
        ("Russia began using the Iranian-supplied weapons", "weapons"),
        ("These arms reached Kyiv", "arms"),
        ("The weapons arrived on Monday", "weapons"),
        ("the US blocked this massive arms transfer", "arms"),
    ],
)
def test_points_back(text: str, word: str) -> None:
    assert pointing_back(text, _span(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Scholz refused requests to supply arms to Ukraine", "arms"),  # a bare noun
        ("A third of French arms exports were sold to Gulf states", "arms"),
        ("the supply of weapons to Kyiv", "weapons"),  # a preposition ends the phrase
        ("items such as weapons and ammunition", "weapons"),  # "such as" lists
        ("Berlin said that weapons would follow", "weapons"),  # "that" begins a clause
        ("Most of the arms shipments from Britain", "arms"),  # the trade itself
        ("the weapons Kyiv asked for", "weapons"),  # a clause says which
        ("the weapons that it needs", "weapons"),
    ],
)
def test_points_at_nothing(text: str, word: str) -> None:
    assert not pointing_back(text, _span(text, word))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Venezuela bought guns, combat planes and missiles from Russia.", "small-arms"),
        ("Militias were handed guns by the regime.", "small-arms"),
        ("Germany will send guns and 155mm shells.", "artillery"),
        ("The guns out-range Russian artillery.", "artillery"),
        ("Kyiv wants more howitzers and guns.", "artillery"),
        ("Heavy guns pounded the town.", "artillery"),
    ],
)
def test_bare_gun_by_its_sentence(text: str, category: str) -> None:
    guns = [m for m in find_items(text) if m.text.lower() == "guns"]
    assert guns and guns[0].id == category


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("missile systems like HIMARS and the Patriot", ["artillery", "air-defense"]),
        ("radars, such as the S-400", ["air-defense"]),
        ("missiles, including Patriot interceptors", ["air-defense"]),
        ("tanks, including Abrams", ["armored-vehicles", "armored-vehicles"]),  # one kind: both stay
        ("weapons such as HIMARS", ["unspecified", "artillery"]),  # a package stays
        ("drones and HIMARS", ["drones", "artillery"]),  # no example: a list
        ("missiles such as the ones Iran makes", ["missiles"]),  # no name follows
    ],
)
def test_generic_spelled_out_by_names(text: str, kinds: list[str]) -> None:
    assert [m.id for m in find_items(text)] == kinds


@pytest.mark.parametrize(
    ("text", "word", "none"),
    [
        ("according to the annual arms export report", "arms", True),
        ("the German arms industry", "arms", True),
        ("an arms control treaty", "arms", True),
        ("approved the arms sales to Jordan", "arms", False),  # the trade moves arms
        ("restrictions on some arms export licences", "arms", False),
        ("refused to supply arms to Ukraine", "arms", False),
    ],
)
def test_generic_modifying_no_transfer(text: str, word: str, none: bool) -> None:
    assert names_no_transfer(text, _span(text, word)) is none
