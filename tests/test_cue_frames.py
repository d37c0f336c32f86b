"""Cue verbs that move an item only in some frames (meant23): "build" sells what it makes only "for"
a named party, and "divert" or "redirect" move no materiel where what they move is money. A sentence
where such a verb is no cue keeps the features the transfer scorer reads from its cues."""

from __future__ import annotations

import pytest

from materiel.extract.cuekinds import cue_kind
from materiel.extract.nlp import load_model

# (sentence, the verb's word, its cue kind)
FRAMES = [
    ("Navantia will build five corvettes for Saudi Arabia's navy.", "build", "transfer"),
    ("A German shipyard is building three frigates for the Egyptian navy.", "building", "transfer"),
    ("The deal lets Riyadh build up its own defence capabilities.", "build", None),
    ("The package includes courses meant to build up the skills of Saudi army officers.", "build", None),
    ("Russia is building a garrison town for a new artillery brigade.", "building", None),
    ("Rheinmetall will build a new tank factory for Ukraine.", "build", None),
    ("Turkey is building a drone plant for Ukraine near Kyiv.", "building", None),
    ("Minsk is building new barracks for the Russian artillery brigade.", "building", None),
    ("Washington diverted Patriot interceptors destined for Switzerland to Ukraine.", "diverted", "transfer"),
    ("Profits from the arms sales were diverted to the rebels.", "diverted", None),
    ("The ministry redirected funds to the army's budget.", "redirected", None),
]


@pytest.mark.parametrize(("text", "word", "kind"), FRAMES)
def test_frame_decides_the_cue(text: str, word: str, kind: str | None) -> None:
    doc = load_model()(text)
    verb = next(t for t in doc if t.text == word)
    assert cue_kind(verb) == kind
