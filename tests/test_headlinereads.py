"""The headline read as a body sentence (headlinereads.py): its future "to", and the transfers a
body that only points at them takes from it, or does not."""

from __future__ import annotations

import pytest

from materiel.extract.titles import future_told

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("title", "told"),
    [
        ("UK to supply Ukraine with tanks", "UK will supply Ukraine with tanks"),  # the headline's future
        ("Norway to send air defence to Kyiv", "Norway will send air defence to Kyiv"),
        ("Tanks sent to Ukraine", "Tanks sent to Ukraine"),  # a participle, no future
        ("Germany agrees to send jets", "Germany agrees to send jets"),  # a verb before: a clause already
    ],
)
def test_future_to_reads_will(title: str, told: str) -> None:
    assert future_told(title) == told


def test_a_body_refusal_keeps_the_headline_out(extract_text) -> None:
    """The body reads the pair refusing weapons: the headline's missiles are not added."""
    article = extract_text(
        "Berlin has refused to supply Kyiv with weapons of that range. The missiles stay in German depots.",
        "Germany to send Taurus missiles to Ukraine",
    )
    assert not any(t.item.category == "missiles" for t in article.transfers), article.transfers


def test_the_headline_transfer_stands_on_the_body_sentence(extract_text) -> None:
    """Its item and evidence are the body's mention and sentence; its parties have no span."""
    article = extract_text("The first jets will arrive before the end of the year.", "Belgium to send F-16s to Ukraine")
    (transfer,) = article.transfers
    assert article.text[transfer.item.span.start : transfer.item.span.end] == "jets"
    assert transfer.evidence[0].start == 0 and transfer.evidence[0].end == len(article.text)
    assert transfer.supplier.span is None and transfer.status_reason.startswith("headline")
