"""Paragraphs are parsed without the lemmatizer; `lemma_of` gives every token the lemma the full
pipeline would have given it."""

from __future__ import annotations

from pathlib import Path

import pytest

from materiel.extract.nlp import LAZY_COMPONENTS, lemma_of, load_model

pytestmark = pytest.mark.slow
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# Corpus files compared token by token: some thousands of tokens of real news.
CORPUS_FILES = 15
WRITTEN = [
    "Germany has sent 14 Leopard tanks to Ukraine, the ministry said on Tuesday.",
    "They're gonna deliver the missiles; Kyiv wasn't told when the jets would be handed over.",
    "The U.S. approved the sale of F-16s, which Ankara had sought for years.",
]


def _texts() -> list[str]:
    files = sorted(CORPUS.rglob("*.txt"))[:CORPUS_FILES] if CORPUS.exists() else []
    return WRITTEN + [f.read_text(encoding="utf-8", errors="replace")[:5000] for f in files]


def test_lazy_lemmas_equal_the_full_pipeline() -> None:
    nlp = load_model()
    texts = _texts()
    full = list(nlp.pipe(texts))
    lazy = list(nlp.pipe(texts, disable=LAZY_COMPONENTS))
    for whole, partial in zip(full, lazy, strict=True):
        assert [lemma_of(t) for t in partial] == [t.lemma_ for t in whole]
        assert [lemma_of(t) for t in whole] == [t.lemma_ for t in whole]
