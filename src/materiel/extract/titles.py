"""The headline parsed as a paragraph of its own, once per headline: `headline`, `headstage`,
`disclosure` and `headlineside` read it. A module of its own so that the candidate generator can
read the headline without importing what reads the candidates."""

from __future__ import annotations

from functools import lru_cache

from materiel.extract.context import Paragraph
from materiel.extract.lexicon import find_actors, find_items
from materiel.extract.nlp import load_model
from materiel.extract.outlets import find_outlets
from materiel.extract.quantities import find_amounts

# How many headlines stay parsed: the articles a worker has in hand at once.
HEADLINES_KEPT = 8


@lru_cache(maxsize=HEADLINES_KEPT)
def parsed_title(title: str, year: int | None) -> Paragraph:
    """The headline parsed as a paragraph of its own, once per headline."""
    actors, items = find_actors(title, year), find_items(title)
    return Paragraph(0, title, load_model()(title), actors, items, find_amounts(title), find_outlets(title))
