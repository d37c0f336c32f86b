"""clause_break looks only at the tokens between the pair; it must answer as a walk over the whole
sentence does, for every pair of places (before, inside and after the sentence)."""

from __future__ import annotations

from materiel.extract.nlp import load_model
from materiel.extract.treenames import clause_break, subject_of_next_clause

TEXT = (
    "The weather was mild. Iran sent drones to Russia and the Houthis fired missiles at ships. "
    "Germany and France sent tanks to Ukraine, and Poland delivered jets."
)


def _walk(sentence, low: int, high: int) -> bool:
    return any(low < t.i < high and subject_of_next_clause(t) for t in sentence)


def test_clause_break_answers_as_the_whole_walk() -> None:
    doc = load_model()(TEXT)
    answers = []
    for sentence in doc.sents:
        for low in range(-1, len(doc) + 1):
            for high in range(-1, len(doc) + 2):
                expected = _walk(sentence, low, high)
                assert clause_break(sentence, low, high) == expected, (sentence.text, low, high)
                answers.append(expected)
    assert any(answers) and not all(answers)
