"""Paragraph.sentence_holding: the parsed sentence that holds a paragraph offset, none elsewhere."""

from __future__ import annotations

import pytest
import spacy

from materiel.extract.context import Paragraph

TEXT = "Tanks arrived. Jets followed."
FIRST, SECOND = "Tanks arrived.", "Jets followed."


@pytest.fixture(scope="module")
def paragraph() -> Paragraph:
    """The two sentences split by spaCy's rule-based sentencizer: no model to load."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Paragraph(offset=40, text=TEXT, doc=nlp(TEXT), actors=[], items=[], amounts=[], outlets=[])


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        (0, FIRST),  # the first sentence's first character
        (len(FIRST) - 1, FIRST),  # its last: the full stop
        (len(FIRST) + 1, SECOND),  # the second's first character
        (len(TEXT) - 1, SECOND),  # the second's last
    ],
)
def test_the_sentence_holding_an_offset(paragraph: Paragraph, local: int, expected: str) -> None:
    sentence = paragraph.sentence_holding(local)
    assert sentence is not None and sentence.text == expected


@pytest.mark.parametrize(
    "local",
    [
        len(FIRST),  # the space between the two sentences belongs to neither
        len(TEXT),  # just past the end
        len(TEXT) + 40,  # an article offset given by mistake (the paragraph's own offset is 40)
    ],
)
def test_no_sentence_outside_the_sentences(paragraph: Paragraph, local: int) -> None:
    assert paragraph.sentence_holding(local) is None
