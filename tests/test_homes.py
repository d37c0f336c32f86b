"""Every entry of lexicons/homes.json, written before an item noun, names its maker state."""

from __future__ import annotations

import pytest

from materiel.extract.homes import home_state, resells
from materiel.extract.lexicon import load
from materiel.extract.nlp import load_model

pytestmark = pytest.mark.slow
HOMES = load("homes.json")["homes"]


@pytest.mark.parametrize(("name", "state"), [pytest.param(n, s, id=n) for s, names in HOMES.items() for n in names])
def test_home_entry(name: str, state: str) -> None:
    doc = load_model()(f"Moldova signed a contract for 12 new {name} systems.")
    item = next(t for t in doc if t.lower_ == "systems")
    assert home_state(item) == state


@pytest.mark.parametrize(
    "text",
    [
        "Moldova signed a contract for 12 new systems.",  # no system named
        "Moldova signed a contract for Swedish-French Gripen-Rafale systems.",  # a joined name: none
    ],
)
def test_no_single_home(text: str) -> None:
    doc = load_model()(text)
    item = [t for t in doc if t.lower_ in ("systems", "jets")][-1]
    assert home_state(item) is None


RESELLERS = load("homes.json")["resellers"]


@pytest.mark.parametrize(("name", "states"), [pytest.param(n, s, id=n) for n, s in RESELLERS.items()])
def test_reseller_entry(name: str, states: list[str]) -> None:
    """Each reseller's system is a designation of homes.json whose maker is another state."""
    doc = load_model()(f"Moldova signed a contract for 12 used {name} systems.")
    item = next(t for t in doc if t.lower_ == "systems")
    maker = home_state(item)
    assert maker is not None and maker not in states
    assert all(resells(item, state) for state in states)
    assert not resells(item, maker)
