"""The per-doc memo of the sentences that hold a demand (perf25): `attribution.callers` is asked
twice per article (disclosure, finish), and the demand verbs of a doc are looked for once, giving
the sentences a fresh look gives."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from materiel.extract import demands
from materiel.extract.nlp import load_model

pytestmark = pytest.mark.slow

# Our own wording: a demand for a supply, then a sentence with none.
TEXT = "The mayor called on Oslo to send more armoured trucks. Moldova received forty of them."


def test_demanding_sentences_are_looked_for_once_per_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = load_model()(TEXT)
    fresh = [(s.start, s.end) for s in doc.sents if any(demands.demands(t) for t in s)]
    asked: list[int] = []
    original = demands.demands

    def counting(token: Token) -> bool:
        asked.append(token.i)
        return original(token)

    monkeypatch.setattr(demands, "demands", counting)
    first = demands.demanding(doc)
    second = demands.demanding(doc)
    assert [(s.start, s.end) for s in first] == [(s.start, s.end) for s in second] == fresh
    assert len(fresh) == 1 and first[0].text.startswith("The mayor called")
    assert len(asked) == len(set(asked))  # no token asked twice
