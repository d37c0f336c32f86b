"""Pull quotes (structure.py): a line whose word triples stand in a line PULL_QUOTE_HOST times its
length or more is a copy; the hosts are found by bisection over the lines' lengths, so the
boundary is checked here on both sides."""

from __future__ import annotations

import math
from itertools import combinations

import pytest

from materiel.clean.structure import _CORE_EDGES, PULL_QUOTE_HOST, PULL_QUOTE_SHARE, _copied, drop_duplicates
from tests.builders import article_of

QUOTE = "The ministry confirmed that the first batch of armoured trucks would arrive before the winter."
# The same sentence with an aside cut into it: not a substring, but most of its word triples.
HOST = (
    "The ministry confirmed, in a short note on Tuesday, that the first batch of armoured trucks"
    " would arrive before the winter"
)


def _host_of_length(length: int) -> str:
    """HOST padded with one last word of filler letters to exactly `length` characters."""
    padding = length - len(HOST) - 1
    assert padding > 0
    return f"{HOST} {'z' * padding}"


def _pulled(host: str) -> bool:
    article = article_of("\n".join(["Opening line of the story here.", QUOTE, host]))
    drop_duplicates(article)
    return any(r.reason == "pull_quote" for r in article.removed)


def test_a_host_of_exactly_the_share_takes_the_quote() -> None:
    needed = math.ceil(PULL_QUOTE_HOST * len(QUOTE.strip(_CORE_EDGES)))
    assert _pulled(_host_of_length(needed))


def test_a_host_one_character_short_does_not() -> None:
    needed = math.ceil(PULL_QUOTE_HOST * len(QUOTE.strip(_CORE_EDGES)))
    assert not _pulled(_host_of_length(needed - 1))


@pytest.mark.parametrize("other", ["The weather stayed dry all week in the northern valleys, farmers said on Monday."])
def test_an_unrelated_long_line_takes_nothing(other: str) -> None:
    assert not _pulled(other * 3)


def test_a_host_holding_the_share_of_triples_is_found_whichever_they_are() -> None:
    """_copied looks first for any of a few of the line's triples in a host (a host holding none
    of them misses too many): whichever triples a host holds, PULL_QUOTE_SHARE of them take the
    line and one fewer does not."""
    own = {(f"w{i}", f"w{i + 1}", f"w{i + 2}") for i in range(10)}
    folded = ["q" * 40, "h" * 100]  # the line, and one line long enough to host it

    def longer_than(length: int) -> list[int]:
        return [i for i, line in enumerate(folded) if len(line) > length]

    needed = math.ceil(PULL_QUOTE_SHARE * len(own))
    for size, expected in ((needed, True), (needed - 1, False)):
        for held in combinations(sorted(own), size):
            sets = [own, {*held, ("other", "words", "here")}]
            assert _copied(folded[0], 0, "\n".join(folded), longer_than, folded, sets.__getitem__) is expected
