"""Weapons a sentence names in its own forces' hands: deployed, drilled with, fired; and items
given by unnamed states ("Western arms supplies"), whose supplier no other state may stand for."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Token

from materiel.extract.amounts import mention_head
from materiel.extract.lexicon import find_items
from materiel.extract.nlp import load_model
from materiel.extract.syntax import governing_cue
from materiel.extract.unnamed import unnamed_supplier
from materiel.extract.used import in_attack, in_encounter, own_forces

pytestmark = pytest.mark.slow


class _Paragraph:
    def __init__(self, text: str) -> None:
        self.text = text
        self.doc = load_model()(text)


def _first_item(sentence: str):
    paragraph = _Paragraph(sentence)
    return mention_head(paragraph, find_items(sentence)[0])


# Each reader of a weapon in use, with sentences where it holds and near misses where it must not.
IN_USE = {
    own_forces: [
        ("The Netherlands deployed F-35 jets to Poland for a NATO exercise.", True),
        ("Norway stationed tanks in Lithuania last year.", True),
        ("Italian troops held exercises with Hungarian tanks near the border.", True),
        ("Spain sent Patriot missiles to Turkey, where they were deployed near the border.", False),
        ("Kyiv deployed the German-supplied tanks near Kharkiv.", False),
    ],
    in_attack: [
        ("Lebanon accused Israel of using cluster bombs, according to Jordanian media.", True),
        ("Serbia said Croatia struck its villages with drones.", True),
        ("Ukraine fired British-supplied missiles at the bridge.", False),
        ("Romania used rockets that Germany had sent it.", False),
        ("Both armies may be using Chinese-made drones to scout.", False),
        ("The rebels fired Iranian missiles at the tanker.", False),
    ],
    in_encounter: [
        ("Two Russian bombers were intercepted by Dutch jets over the North Sea.", True),
        ("Italian fighters escorted the transport planes across the strait.", True),
        ("Norway will send fighter jets to Ukraine, the ministry said.", False),
        ("Ukraine said its air defences intercepted drones that Iran had sent to Russia.", False),
    ],
}


@pytest.mark.parametrize(
    ("reader", "sentence", "expected"),
    [
        pytest.param(reader, sentence, expected, id=f"{reader.__name__}: {sentence[:40]}")
        for reader, cases in IN_USE.items()
        for sentence, expected in cases
    ],
)
def test_weapon_in_use(reader: Callable[[Token], bool], sentence: str, expected: bool) -> None:
    assert reader(_first_item(sentence)) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Kremlin said Western arms supplies to Kyiv would not stop Russia.", True),
        ("Moscow says the West has supplied Kyiv with tanks.", True),
        ("Western allies such as Germany sent tanks to Ukraine.", False),
        ("Germany sent tanks to Ukraine.", False),
        ("Since last year, NATO Allies have been providing Ukraine with military assistance.", False),
    ],
)
def test_unnamed_supplier(sentence: str, expected: bool) -> None:
    token = _first_item(sentence)
    cue = governing_cue(token, token.sent)
    assert cue is not None and unnamed_supplier(cue, token) is expected
