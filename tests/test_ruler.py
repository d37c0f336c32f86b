"""The looked-up attribute rules set exactly what spaCy's attribute ruler sets."""

from __future__ import annotations

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from materiel.extract.nlp import model_name
from materiel.extract.ruler import install

# Sentences that reach the ruler's rarer rules: contractions, colloquial forms, pronoun cases,
# "there is", auxiliaries, subordinators, stray and repeated whitespace.
SENTENCES = [
    "Y'all ain't gonna believe it, but the ministry said nothin' about the missiles.",
    "Let's see whether they'll send it to us; c'mon, I told you it was coming.",
    "There are 40 tanks on the way and there's more to come, he said.",
    "It  is what\n it is:  the minister gave it to me, and I gave you the list.",
    "\t The shells, which had been promised since May, haven't arrived  yet.",
    "Do you have the drones? We do, and we did have them then, though not now.",
    "",
    "   ",
]
ATTRIBUTES = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def test_looked_up_rules_match_spacys_ruler() -> None:
    stock, looked_up = spacy.load(model_name()), spacy.load(model_name())
    assert install(looked_up)
    for sentence in SENTENCES:
        expected, got = stock(sentence), looked_up(sentence)
        assert [t.text for t in got] == [t.text for t in expected]
        assert got.to_array(ATTRIBUTES).tolist() == expected.to_array(ATTRIBUTES).tolist(), sentence
        assert [str(t.morph) for t in got] == [str(t.morph) for t in expected], sentence


def test_a_ruler_with_other_patterns_keeps_spacys_matching() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big"}, {"LOWER": "guns", "OP": "?"}]], {"LEMMA": "big"})
    assert not install(nlp)
    assert nlp("big guns")[0].lemma_ == "big"


def test_a_blank_pipeline_is_left_alone() -> None:
    assert not install(spacy.blank("en"))
