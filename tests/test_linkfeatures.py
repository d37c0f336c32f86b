"""Link features (extract/linkfeatures.py): whether a party named before an item's sentence is
linked to the item, by the rules of the language the module lists. Each passage is written for the
test; the feature is read off the triple `find_triples` makes."""

from __future__ import annotations

import pytest

from materiel.extract.context import build_context
from materiel.extract.triples import find_triples
from tests.builders import article_of

pytestmark = pytest.mark.slow

LINKS = ("max_s_link_paragraph", "max_r_link_paragraph")


def _links(text: str, key: tuple[str, str, str]) -> tuple[float | None, float | None]:
    features = {t.key: t.features for t in find_triples(build_context(article_of(text)), [])}[key]
    return features.get(LINKS[0]), features.get(LINKS[1])


def test_parties_told_before_in_the_items_paragraph() -> None:
    """Support told for Estonia by the UK; the next sentence's guns, in a passive, are theirs."""
    text = "The UK confirmed further support for Estonia today. Twelve AS-90 guns will be handed over next month."
    assert _links(text, ("GBR", "EST", "artillery")) == (1.0, 1.0)


def test_parties_told_only_in_the_paragraph_before() -> None:
    text = "The UK confirmed further support for Estonia today.\n\nTwelve AS-90 guns will be handed over next month."
    assert _links(text, ("GBR", "EST", "artillery")) == (0.0, 0.0)


def test_a_taker_of_the_items_sentence_outranks_one_told_before() -> None:
    """Ukraine takes the howitzers; the US was told beside Poland, its own taker."""
    text = "The US sent tanks to Poland last month. Ukraine received 30 howitzers."
    assert _links(text, ("USA", "POL", "artillery")) == (0.0, 0.0)
    assert _links(text, ("USA", "UKR", "artillery"))[0] == 0.0


def test_a_party_in_a_role_the_cue_leaves_unexplained_holds_both_sides() -> None:
    text = "Russia supplied S-400 systems to Turkey in 2019. Greece took delivery of new Rafale jets in 2022."
    assert _links(text, ("RUS", "TUR", "aircraft")) == (0.0, 0.0)


def test_the_earlier_sentence_must_tell_the_same_side() -> None:
    """Egypt bought from France: France gives, Egypt takes, whatever their order."""
    text = "Egypt bought a second batch of warplanes from France in 2021. The deal covers 30 Rafale jets."
    assert _links(text, ("FRA", "EGY", "aircraft")) == (1.0, 1.0)
    assert _links(text, ("EGY", "FRA", "aircraft")) == (0.0, 0.0)


def test_a_joint_subject_may_be_either_side() -> None:
    text = "China and Pakistan concluded a naval agreement in 2015. Under it, Beijing will build eight submarines."
    assert _links(text, ("CHN", "PAK", "naval"))[1] == 1.0


def test_a_definite_general_item_pointing_back_supplies_no_pair() -> None:
    text = "Germany delivered Leopard tanks to Ukraine in March. The weapons arrived at the front within weeks."
    assert _links(text, ("DEU", "UKR", "unspecified")) == (0.0, 0.0)


def test_war_news_tells_no_side_of_a_supply() -> None:
    text = "Russia fired dozens of missiles at Ukraine overnight. The drones struck power plants in Lviv."
    assert _links(text, ("RUS", "UKR", "drones")) == (0.0, 0.0)


def test_no_link_feature_for_parties_of_the_items_sentence() -> None:
    assert _links("Norway sent armoured vehicles to Moldova.", ("NOR", "MDA", "armored-vehicles")) == (None, None)
