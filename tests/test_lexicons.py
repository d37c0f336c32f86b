"""Every lexicon entry, in a sentence written for it, does what its entry says.

The sentences are generated from one template per kind of entry, so each entry of the item and
actor lexicons is justified by a case of its own rather than by an article that happened to use it.
"""

from __future__ import annotations

import re

import pytest

from materiel.extract.civilian import BARE_MONEY
from materiel.extract.lexicon import find_actors, load
from materiel.extract.senses import BARE_GUN

pytestmark = pytest.mark.slow
ITEMS = load("items.json")
ACTORS = load("actors.json")


def _item_cases() -> list:
    cases = []
    for kind in ("generic", "systems"):
        for term, (category, _lethal) in ITEMS[kind].items():
            # read by the words around them: the tests below
            if not BARE_GUN.fullmatch(term) and term not in BARE_MONEY:
                cases.append(pytest.param(term, category, id=f"{kind}:{term}"))
    return cases


@pytest.mark.parametrize(("term", "category"), _item_cases())
def test_item_entry(term: str, category: str, extract_text) -> None:
    article = extract_text(f"Germany has sent new {term} to Ukraine.")
    assert category in {t.item.category for t in article.transfers}, article.to_dict()["transfers"]


@pytest.mark.parametrize("term", sorted(BARE_MONEY))
def test_bare_money_is_funding_when_its_sentence_is_military(term: str, extract_text) -> None:
    # a bare grant or loan is budget money unless its sentence names a military purpose (civilian.py)
    military = extract_text(f"Germany has given a new {term} to Ukraine for military equipment.")
    assert "funding" in {t.item.category for t in military.transfers}, military.to_dict()["transfers"]
    assert extract_text(f"Germany has given a new {term} to Ukraine for schools.").transfers == []


@pytest.mark.parametrize("term", [t for t in ITEMS["generic"] if BARE_GUN.fullmatch(t)])
def test_bare_gun_alone_is_small_arms(term: str, extract_text) -> None:
    # a bare gun with no word of artillery around it is a firearm (senses.py), and nothing else
    article = extract_text(f"Germany has sent new {term} to Ukraine.")
    assert {t.item.category for t in article.transfers} == {"small-arms"}, article.to_dict()["transfers"]


@pytest.mark.parametrize("term", [t for t in ITEMS["generic"] if BARE_GUN.fullmatch(t)])
def test_bare_gun_beside_howitzers_is_its_entry(term: str, extract_text) -> None:
    # beside another piece of artillery the gun is the entry's own category: artillery
    category = ITEMS["generic"][term][0]
    article = extract_text(f"Germany has sent new {term} and howitzers to Ukraine.")
    assert category == "artillery", category
    assert {t.item.category for t in article.transfers} == {category}, article.to_dict()["transfers"]


def _actor_cases() -> list:
    cases = []
    for kind in ("alias", "seat", "org"):
        for ident, names in ACTORS[kind].items():
            cases += [pytest.param(name, ident, id=f"{kind}:{name}") for name in names if ident != "MDA"]
    return cases


@pytest.mark.parametrize(("name", "ident"), _actor_cases())
def test_actor_entry_as_supplier(name: str, ident: str, extract_text) -> None:
    article = extract_text(f"{name} has sent tanks to Moldova, officials said.")
    assert ident in {t.supplier.id for t in article.transfers if t.supplier}, article.to_dict()["transfers"]


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        pytest.param(n, i, id=n)
        for i, names in ACTORS["demonym"].items()
        for n in names
        if not n.endswith("s") and i != "MDA"
    ],
)
def test_demonym_entry_as_supplier(name: str, ident: str, extract_text) -> None:
    article = extract_text(f"{name} howitzers were delivered to Moldova last week.")
    assert ident in {t.supplier.id for t in article.transfers if t.supplier}, article.to_dict()["transfers"]


@pytest.mark.parametrize(("year", "ident"), [(1985, "SUN"), (1991, "SUN"), (1993, "RUS"), (None, "RUS")])
def test_moscow_in_its_time(year: int | None, ident: str) -> None:
    assert [m.id for m in find_actors("Moscow shipped missiles to Hanoi.", year)] == [ident, "VNM"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Jordan sent artillery shells to Ukraine.", True),
        ("Officials said Chad has received armoured vehicles.", True),
        ("Rep. Jim Jordan sent a letter to the committee.", False),
        ("Jordan said the talks went well.", False),
        ("Georgia signed a budget bill.", False),
    ],
)
def test_excluded_name_as_subject_of_a_supply(sentence: str, found: bool) -> None:
    assert any(m.kind == "state" for m in find_actors(sentence)) == found


@pytest.mark.parametrize(
    ("sentence", "ids"),
    [
        ("Lockheed builds the jets at its plant in Marietta, Georgia, for the Air Force.", ["USA"]),
        ("The soldiers train at Fort Moore, Georgia.", []),
        ("Arms went to Armenia, Azerbaijan, Georgia and Moldova.", ["ARM", "AZE", "GEO", "MDA"]),
        ("Egypt, Jordan and Qatar bought the jets.", ["EGY", "JOR", "QAT"]),
        ("Rebels attacked in the Central African Republic, Niger and Chad.", ["CAF", "NER", "TCD"]),
    ],
)
def test_excluded_name_after_a_comma(sentence: str, ids: list[str]) -> None:
    """After a comma an excluded name is a listed state only when a state comes before the comma;
    after a town it is the second half of an address, a US state (placed._address)."""
    assert [m.id for m in find_actors(sentence)] == ids


@pytest.mark.parametrize(
    ("sentence", "ids"),
    [
        ("Among the buyers were also Jordan, Kuwait and Bahrain.", ["JOR", "KWT", "BHR"]),
        ("Deliveries went ahead: Georgia and the United States signed the deal.", ["GEO", "USA"]),
        ("Jordan, Smith and Jones voted against the bill.", []),
        ("Georgia and Florida passed the budget bills.", []),
        ("Michael Jordan, France and Spain were on the cover.", ["FRA", "ESP"]),
        ("The jets are built in Marietta, Georgia, Texas and Kansas.", []),
    ],
)
def test_excluded_name_heading_a_list_of_states(sentence: str, ids: list[str]) -> None:
    """An excluded name is a state where it heads a list whose next item is one (placed._listed_first),
    not after a capitalised word (a person's name) nor in an address."""
    assert [m.id for m in find_actors(sentence)] == ids


@pytest.mark.parametrize(
    ("sentence", "ids"),
    [
        ("The Navy tested the missile at China Lake in California.", []),
        ("US destroyers sailed through the Taiwan Strait.", ["USA"]),
        ("China sent warships to the South China Sea.", ["CHN"]),
        ("China sent warships to Lake Chad.", ["CHN"]),
    ],
)
def test_state_name_that_begins_a_place(sentence: str, ids: list[str]) -> None:
    """A state's name that begins a longer name of a place names no state (placed.begins_a_place)."""
    assert [m.id for m in find_actors(sentence)] == ids


def test_placed_names_are_plain_words() -> None:
    """placed.py skips a sentence without the name's text before its search: right only for names
    without pattern syntax."""
    assert all(re.escape(name) == name for name in ACTORS["placed"])
