"""lookback: the patterns anchored where a number or a name starts are searched from the start of
the last few words only, and find what a search of all the text before finds (a search of all of
it, before every number of a page scraped as one paragraph, is quadratic: bench/paragraph_growth.py)."""

from __future__ import annotations

import random
import re

import pytest

from materiel.extract import amountjoins, amounts, positional, quantities
from materiel.extract.lookback import ends_before, words_back
from tests.test_docindex import _Spy

# Each look-back the rules bound, with the most words its match spans.
BOUNDED = [
    (positional.TO_OR_FOR, positional.TO_OR_FOR_WORDS),
    (positional.NOT_DESTINATION, positional.NOT_DESTINATION_WORDS),
    (quantities.AFTER_HYPHEN, quantities.AFTER_HYPHEN_WORDS),
    (amountjoins.BETWEEN, amountjoins.BETWEEN_WORDS),
    (quantities.PARTICLE_OVER, quantities.PARTICLE_OVER_WORDS),
    (amounts.ADVERBIAL, amounts.ADVERBIAL_WORDS),
]
# Words of our own that the patterns read, some glued to others ("into", "x-to", "(the").
WORDS = [
    "to",
    "for",
    "the",
    "their",
    "by",
    "in",
    "into",
    "between",
    "handed",
    "turns",
    "5",
    "2022",
    "-",
    "\u2013",
    "5-",
    "x-to",
    "(the",
    "according",
    "according  to",
    "owing to",
    "due",
    "sent",
    "tanks",
    "over",
]
SPACES = [" ", "  ", "\n", "\t ", " " * 40, "\u00a0"]


def _texts(count: int) -> list[str]:
    rng = random.Random(7)
    texts = []
    for _ in range(count):
        parts = [rng.choice(WORDS) + rng.choice(SPACES) * rng.randint(0, 2) for _ in range(rng.randint(1, 8))]
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize(("pattern", "words"), BOUNDED, ids=lambda p: getattr(p, "pattern", str(p))[:20])
def test_the_bounded_search_finds_what_the_whole_search_finds(pattern: re.Pattern[str], words: int) -> None:
    hits = 0
    for text in _texts(400):
        for end in range(len(text) + 1):
            whole = pattern.search(text, 0, end)
            bounded = ends_before(pattern, text, end, words)
            assert (bounded and (bounded.span(), bounded.groups())) == (whole and (whole.span(), whole.groups()))
            hits += whole is not None
    assert hits  # the texts do hold matches: the comparison is not of nothing with nothing


def test_words_back_stops_at_the_last_words() -> None:
    text = "one two  three\nfour "
    assert words_back(text, len(text), 1) == text.index("four")
    assert words_back(text, len(text), 2) == text.index("three")
    assert words_back(text, text.index("four"), 1) == text.index("three")
    assert words_back(text, 3, 1) == 0
    assert words_back(text, len(text), 9) == 0


def test_the_search_reads_only_the_last_words_of_a_long_paragraph() -> None:
    filler = "The convoy moved on through the night. " * 500
    text = filler + "sent to the "
    found = ends_before(positional.TO_OR_FOR, text, len(text), positional.TO_OR_FOR_WORDS)
    assert found is not None and found.group(1) == "to"
    assert len(text) - words_back(text, len(text), positional.TO_OR_FOR_WORDS) == len("to the ")


def test_find_amounts_reads_the_words_before_each_number_only(monkeypatch: pytest.MonkeyPatch) -> None:
    places = {"AFTER_HYPHEN": quantities, "BETWEEN": amountjoins, "PARTICLE_OVER": quantities}
    spies = {name: _Spy(getattr(module, name)) for name, module in places.items()}
    for name, spy in spies.items():
        monkeypatch.setattr(places[name], name, spy)
    filler = "The convoy moved on through the night. " * 500
    found = quantities.find_amounts(filler + "It handed over 20 tanks, between 5 and 10 guns in 2022-23.")
    assert [a.text for a in found][:2] == ["20", "5 and 10"]
    read = [n for spy in spies.values() for n in spy.read]
    assert all(spy.read for spy in spies.values()) and max(read) <= len("20 tanks, between ")
