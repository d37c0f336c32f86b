"""A title with its own "of" or "for" phrase ("Minister of Defence Anna Berg") names its holder:
the holder opens the sentence as its subject, is no preposition's object, and a pronoun after it
stands for the sentence's opener (speakerplaces.py, speakerverbs.titled)."""

from __future__ import annotations

import pytest

from materiel.extract.quotes import attribute
from materiel.extract.speakerverbs import titled
from tests.builders import article_of

pytestmark = pytest.mark.slow


def _pronoun(text: str):
    """The pronoun candidate of the article's last quotation."""
    seen = []

    def choose(_, options):
        seen.append(next((c for c in options if c.mention and c.mention.kind == "pronoun"), None))
        return None

    attribute(article_of(text, paragraph_languages=[]), choose)
    return seen[-1]


def test_a_title_with_its_own_phrase_opens_the_sentence() -> None:
    text = (
        "Minister of Defence Anna Berg visited the depot near the border on Monday. "
        "\u201cThe trucks will leave as soon as the roads are open,\u201d she said."
    )
    candidate = _pronoun(text)
    assert candidate.name == "Anna Berg" and candidate.opener_pronoun
    assert candidate.features["ante_opener"] == 1.0 and candidate.features["ante_object"] == 0.0


def test_a_minister_for_a_portfolio_opens_the_sentence() -> None:
    text = (
        "Minister for Foreign Affairs Karl Lind toured the shipyard with its workers. "
        "\u201cThe hulls will be finished by the spring,\u201d he said."
    )
    candidate = _pronoun(text)
    assert candidate.name == "Karl Lind" and candidate.opener_pronoun


@pytest.mark.xfail(strict=True, reason="the mention finder reads 'Secretary for the Navy' as a role and drops the name")
def test_a_secretary_for_a_body_opens_the_sentence() -> None:
    text = (
        "Secretary for the Navy Karl Lind toured the shipyard with its workers. "
        "\u201cThe hulls will be finished by the spring,\u201d he said."
    )
    candidate = _pronoun(text)
    assert candidate is not None and candidate.name == "Karl Lind" and candidate.opener_pronoun


def test_a_preposition_before_a_name_still_makes_it_an_object() -> None:
    text = (
        "Karl Lind met with Anna Berg at the depot on Monday. "
        "\u201cThe trucks will leave as soon as the roads are open,\u201d she said."
    )
    candidate = _pronoun(text)
    assert candidate.name == "Anna Berg" and candidate.features["ante_object"] == 1.0
    assert not candidate.opener_pronoun


def test_titled_needs_a_title_word_before_the_phrase() -> None:
    titled_text = "Yesterday Minister of Defence Anna Berg"
    plain_text = "Yesterday the Friends of Peace Anna Berg"
    assert titled(titled_text, titled_text.index("Anna"))
    assert not titled(plain_text, plain_text.index("Anna"))
