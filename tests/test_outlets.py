"""Outlets whose short names are also other things count only where the text makes them outlets."""

from __future__ import annotations

import pytest

from materiel.extract.credit import outlet_credits, wire_credits
from materiel.extract.outlets import find_outlets, source_outlets
from tests.builders import article_of


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


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Chancellor Olaf Scholz told the daily Handelsblatt Germany would send 20 Marder vehicles.", ["Handelsblatt"]),
        ("Scholz told the weekly Die Zeit Germany's allies would follow.", ["Die Zeit"]),
        ("Tanks will go, the defence secretary told the newspaper Kyiv Independent.", ["Kyiv Independent"]),
        ("Drones were sold, reported the daily South China Morning Post.", ["South China Morning Post"]),
        ("Jets will go to Kyiv, according to the German daily Handelsblatt.", ["Handelsblatt"]),
        ("Iran has shipped drones to Russia, according to the weekly Pentagon briefing.", []),
        ("Iran has shipped drones, according to the weekly Pentagon press briefing.", []),
        ("According to the daily UK Defence Intelligence update, Iran has delivered missiles.", []),
    ],
)
def test_described_credit_names_only_the_outlet(text: str, names: list[str]) -> None:
    """A described credit ("the daily X") ends its name before a state the sentence goes on about,
    and is no outlet where the kind word belongs to a briefing or an update (mendQ)."""
    credits = outlet_credits(article_of(text))
    assert [(s.name, s.kind) for s in credits] == [(n, "media") for n in names]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The Israeli newspaper Dorvat Yom carried the story.", "Dorvat Yom"),  # an outlet's noun before it
        ("You had to read a paper like Lantern Weekly for that.", "Lantern Weekly"),
        ("The state-run Kestrel news agency said so.", "Kestrel"),  # an outlet's noun after it
        ("The Nordland Post newspaper wrote on Sunday.", "Nordland Post"),
        ("Radio Tamsin aired the interview.", "Radio Tamsin"),  # names of an outlet's shape
        ("An officer told Agencia Solana in July.", "Agencia Solana"),
        ("The Harbour Tribune reported it first.", "Harbour Tribune"),
        ("The Vardo Press Agency said so.", "Vardo Press Agency"),
        ("It was first reported by the Calder Post.", "Calder Post"),
        ("Scholz told the daily Dorvat Yom Germany would send tanks.", "Dorvat Yom"),  # ends before a state
    ],
)
def test_unlisted_outlet_marked_by_its_words(text: str, outlet: str) -> None:
    """An outlet no lexicon lists, named as one by the words around it (src26), for sources only."""
    assert [o.text for o in source_outlets(text)] == [outlet]
    assert find_outlets(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "According to the plan, the tanks leave in May.",
        "The minister told the parliament the jets would go.",
        "The Pentagon reported that the shells had arrived.",
        "The Sunday newspaper said the deal was near.",  # a day, not a name
        "The Russian newspaper said the deal was near.",  # a people
        "Pentagon TV showed the launchers.",  # a body the lexicon knows
        "The defence white paper Future Force set the budget.",  # a government's paper
        "The Defense Intelligence Agency said so.",
    ],
)
def test_no_outlet_without_its_words(text: str) -> None:
    assert source_outlets(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("KYIV (Kestrel) - Poland has sent 14 Leopard 2 tanks to Ukraine.", ["Kestrel"]),  # unlisted agency
        ("WARSAW (Reuters) - Poland has sent 14 Leopard 2 tanks to Ukraine.", ["Reuters"]),
        ("KYIV (UPDATED) - Poland has sent 14 Leopard 2 tanks to Ukraine.", []),  # a tag of the story
        ("KYIV (Ukraine) - Poland has sent 14 Leopard 2 tanks to Ukraine.", []),  # a place
    ],
)
def test_dateline_credits_an_unlisted_agency(text: str, names: list[str]) -> None:
    assert [s.name for s in wire_credits(article_of(text))] == names
