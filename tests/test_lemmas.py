"""The remembering lemmatizer sets exactly the lemmas spaCy's rule lemmatizer sets."""

from __future__ import annotations

import spacy
from spacy.attrs import LEMMA

from materiel.extract.lemmas import install
from materiel.extract.nlp import model_name
from materiel.extract.ruler import install as install_ruler

# Sentences with words in their base form and inflected, seen again (answered from memory the
# second time), the attribute ruler's own lemmas (contractions), proper nouns, irregular and
# suffixed forms (looked up in the word lists of each part of speech) and stray spaces.
SENTENCES = [
    "The ministry sent tanks; the tanks were sent in May, and more tanks are being sent.",
    "She said they'd delivered better drones than the drones delivered last year.",
    "Y'all ain't gonna believe it: the shells haven't arrived, he's sure of it.",
    "Ukraine's Defence Ministry received 14 Leopard 2A4s from the Netherlands.",
    "It  is what\n it is:  the missiles, the missiles, the missiles.",
    "Geese ferried cheaper howitzers; the oxen were loaded onto barges by the sappers.",
    "",
    "   ",
]


def test_remembered_lemmas_are_spacys() -> None:
    stock, remembering = spacy.load(model_name()), spacy.load(model_name())
    install_ruler(stock)
    install_ruler(remembering)
    assert install(remembering)
    for _ in range(2):  # the second time every lemma comes from memory
        for sentence in SENTENCES:
            expected, got = stock(sentence), remembering(sentence)
            assert got.to_array([LEMMA]).tolist() == expected.to_array([LEMMA]).tolist(), sentence
            assert [t.lemma_ for t in got] == [t.lemma_ for t in expected], sentence
    assert remembering.get_pipe("lemmatizer").remembered


def test_remembered_lemmas_in_batches_are_spacys() -> None:
    stock, remembering = spacy.load(model_name()), spacy.load(model_name())
    assert install(remembering)
    expected = [[t.lemma_ for t in doc] for doc in stock.pipe(SENTENCES)]
    assert [[t.lemma_ for t in doc] for doc in remembering.pipe(SENTENCES)] == expected


def test_a_pipeline_without_a_rule_lemmatizer_is_left_alone() -> None:
    assert not install(spacy.blank("en"))
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not install(nlp)
