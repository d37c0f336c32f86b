"""The previous speaker's candidate knows how far back that speaker's quotation is (speakers.py
`_since`): sentences of narrative between, the same paragraph or not, and whether the quotation
opens its paragraph."""

from __future__ import annotations

import pytest

from materiel.extract.quotes import attribute
from tests.builders import article_of

pytestmark = pytest.mark.slow


def _previous_features(text: str) -> dict[str, float]:
    """The features of the previous speaker's candidate for the article's last quotation."""
    seen: list[dict[str, float]] = []

    def choose(_, options):
        seen.append(next((c.features for c in options if c.features.get("kind=prev")), {}))
        return options[0] if options else None

    attribute(article_of(text, paragraph_languages=[]), choose)
    return seen[-1]


def test_narrative_between() -> None:
    text = (
        "\u201cThe depot will be ready by May,\u201d Anna Berg said.\n\n"
        "Karl Lind, her deputy, said the roads were still closed. The trucks waited for a week.\n\n"
        "\u201cNobody told us that the bridge had been closed in March.\u201d"
    )
    features = _previous_features(text)
    assert features["prev_sentences"] == 0.5
    assert features["prev_next"] == 0.0 and features["prev_paragraph"] == 0.0
    assert features["prev_para_opens"] == 1.0


def test_quotation_right_after() -> None:
    text = (
        "\u201cThe depot will be ready by May,\u201d Anna Berg said. "
        "\u201cThe trucks will leave as soon as the roads are open again.\u201d"
    )
    features = _previous_features(text)
    assert features["prev_next"] == 1.0 and features["prev_paragraph"] == 1.0
    assert features["prev_sentences"] == 0.0
    assert features["prev_para_opens"] == 0.0
