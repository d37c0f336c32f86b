"""Vetoes on the scorer's triples (choose.py): a side named only as a reporter's state, as the
party a transfer angers, or after 'from' as a recipient is no party of that triple. Checked on the
triples themselves, whatever the scorer would say of them."""

from __future__ import annotations

import pytest

from materiel.article import Article
from materiel.extract.choose import _reacting_only, _recipient_gives, _source_only
from materiel.extract.context import build_context
from materiel.extract.partyvetoes import _listed_together
from materiel.extract.triples import Triple, find_triples

pytestmark = pytest.mark.slow


def _triples(text: str) -> dict[tuple[str, str, str], Triple]:
    context = build_context(Article(id="t", source="test", text=text))
    return {t.key: t for t in find_triples(context, [])}


@pytest.mark.parametrize(
    ("text", "key", "vetoed"),
    [
        # the reporters' state is named only on the people cited
        ("The militia has drones built in Iran, according to British officials.", ("IRN", "GBR", "drones"), True),
        ("The rebels fire missiles supplied by Iran, Israeli officials say.", ("IRN", "ISR", "missiles"), True),
        # a state's media report what it got: the state stays a party
        (
            "Germany has delivered 40 Marder vehicles to Ukraine, according to Ukrainian media.",
            ("DEU", "UKR", "armored-vehicles"),
            False,
        ),
    ],
)
def test_source_only(text: str, key: tuple[str, str, str], vetoed: bool) -> None:
    triples = _triples(text)
    assert key in triples, sorted(triples)
    assert _source_only(triples[key]) is vetoed


@pytest.mark.parametrize(
    ("text", "key", "vetoed"),
    [
        (
            "In Taipei, the ministry hailed the sale of the missiles, one of many arms deals that angered China.",
            ("TWN", "CHN", "missiles"),
            True,
        ),
        ("The sale of the jets to Egypt angered Israel.", ("ISR", "EGY", "aircraft"), True),
        ("The sale of the jets to Egypt angered Israel.", ("EGY", "ISR", "aircraft"), True),
    ],
)
def test_reacting_only(text: str, key: tuple[str, str, str], vetoed: bool) -> None:
    triples = _triples(text)
    assert key in triples, sorted(triples)
    assert _reacting_only(triples[key]) is vetoed


@pytest.mark.parametrize(
    ("key", "vetoed"),
    [
        (("UKR", "NLD", "aircraft"), True),  # what comes from the Netherlands is not sent to it
        (("NLD", "UKR", "aircraft"), False),
    ],
)
def test_recipient_gives(key: tuple[str, str, str], vetoed: bool) -> None:
    triples = _triples("Ukraine pressed for the delivery of the jets from the Netherlands.")
    assert key in triples, sorted(triples)
    assert _recipient_gives(triples[key]) is vetoed


@pytest.mark.parametrize(
    ("text", "key", "vetoed"),
    [
        # two parties in one list after 'to' are both recipients: no sale from one to the other
        (
            "Washington's refusal to clear weapons sales to Oman and Jordan angered both capitals.",
            ("JOR", "OMN", "unspecified"),
            True,
        ),
        # the same list after 'from' holds two suppliers
        ("The junta bought rifles from Serbia and Belarus last year.", ("SRB", "BLR", "small-arms"), True),
        # a list after 'between' names parties that may deal with each other
        (
            "Talks between Vietnam and India on the sale of cruise missiles resumed in March.",
            ("IND", "VNM", "missiles"),
            False,
        ),
    ],
)
def test_listed_together(text: str, key: tuple[str, str, str], vetoed: bool) -> None:
    triples = _triples(text)
    assert key in triples, sorted(triples)
    assert _listed_together(triples[key]) is vetoed
