"""The headline parsed as a paragraph of its own, once per headline: `headline`, `headstage`,
`disclosure`, `headlineside` and `headlinereads` read it. A module of its own so that the candidate generator can
read the headline without importing what reads the candidates."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from materiel.extract.context import Paragraph
from materiel.extract.lexicon import find_actors, find_items
from materiel.extract.nlp import load_model
from materiel.extract.outlets import source_outlets
from materiel.extract.quantities import find_amounts

if TYPE_CHECKING:
    from spacy.tokens import Doc

# How many headlines stay parsed: the articles a worker has in hand at once.
HEADLINES_KEPT = 8
# What a headline's future "to" stands for in a body sentence ("Germany to send" / "will send").
FUTURE = "will"


@lru_cache(maxsize=HEADLINES_KEPT)
def parsed_title(title: str, year: int | None) -> Paragraph:
    """The headline parsed as a paragraph of its own, once per headline, its future "to" read as
    "will" (`future_told`): its offsets are into that text. A headline that keeps its words keeps
    the parse `future_told` read it by (the same text, so the same parse: not parsed twice)."""
    told, doc = _told(title)
    if told != title:
        doc = load_model()(told)
    actors, items = find_actors(told, year), find_items(told)
    return Paragraph(0, told, doc, actors, items, find_amounts(told), source_outlets(told))


def future_told(title: str) -> str:
    """The headline with its future "to" spelled "will", as a body sentence says it: "UK to supply
    Ukraine with tanks" reads "UK will supply ...", which the parser takes for a clause (it reads
    the bare infinitive as a noun's). Only a "to" before a bare verb with no verb before it: "Tanks
    sent to Ukraine", "Germany agrees to send jets" keep theirs."""
    return _told(title)[0]


@lru_cache(maxsize=HEADLINES_KEPT)
def _told(title: str) -> tuple[str, Doc]:
    """`future_told`'s text, with the parse of the headline as written that it was read by."""
    doc = load_model()(title)
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and token.tag_ != "VB":
            return title, doc  # a verb before any "to": the headline is a clause already
        if token.lower_ == "to" and token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "VB" and token.i > 0:
            return title[: token.idx] + FUTURE + title[token.idx + len(token.text) :], doc
    return title, doc
