"""The stage of an item in a sentence with no transfer word: a commitment in it decides."""

from __future__ import annotations

import pytest

from materiel.extract.nlp import load_model
from materiel.extract.stage import bare_stage

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The deal makes Qatar the first foreign customer for American MQ-9B drones.", "pledged"),
        ("Both governments signed a letter of intent covering air defence systems.", "pledged"),
        ("A bill before the Senate covers air defence systems for Taiwan.", "considered"),
        ("Ukrainian crews fired American HIMARS rockets at the bridge.", "delivered"),
    ],
)
def test_bare_stage(sentence: str, expected: str) -> None:
    doc = load_model()(sentence)
    assert bare_stage(doc[:]) == expected
