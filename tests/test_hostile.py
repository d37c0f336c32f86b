"""Parties at open war since a year (lexicons/wars.json): materiel between them is no supply."""

from __future__ import annotations

import pytest

from materiel.extract.hostile import standing_wars
from tests.builders import article_of

SENTENCE = "Ukraine sold Russia twenty helicopter engines for its army."


def test_standing_wars_by_year() -> None:
    assert frozenset(("RUS", "UKR")) in standing_wars(2023)
    assert frozenset(("RUS", "UKR")) not in standing_wars(2010)
    assert frozenset(("RUS", "UKR")) in standing_wars(None)  # an undated article is read as recent


@pytest.mark.slow
@pytest.mark.parametrize(("published", "kept"), [("2010-05-01", True), ("2023-05-01", False)])
def test_pair_at_war_is_dropped_from_its_year(runner, published: str, kept: bool) -> None:
    article = runner.run_one(article_of(SENTENCE, published=published))
    keys = {(t.supplier.id, t.recipient.id) for t in article.transfers if t.supplier and t.recipient}
    assert (("UKR", "RUS") in keys) is kept, article.to_dict()["transfers"]
