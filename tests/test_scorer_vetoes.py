"""Vetoes on the scorer's triples (choose.py): a side named only as a reporter's state, as the
party a transfer angers, or after 'from' as a recipient is no party of that triple. Checked on the
triples themselves, whatever the scorer would say of them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from materiel.extract.choose import _reacting_only, _recipient_gives, _source_only
from materiel.extract.context import build_context
from materiel.extract.partyvetoes import _listed_together
from materiel.extract.triples import Triple, find_triples
from tests.builders import article_of

pytestmark = pytest.mark.slow


def _vetoes(veto: Callable[[Triple], bool], text: str, key: tuple[str, str, str]) -> bool:
    """Whether `veto` holds of the triple `key` the text's candidates make (which must be there)."""
    context = build_context(article_of(text))
    triples = {t.key: t for t in find_triples(context, [])}
    assert key in triples, sorted(triples)
    return veto(triples[key])


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
    assert _vetoes(_source_only, text, key) is vetoed


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
    assert _vetoes(_reacting_only, text, key) is vetoed


@pytest.mark.parametrize(
    ("key", "vetoed"),
    [
        (("UKR", "NLD", "aircraft"), True),  # what comes from the Netherlands is not sent to it
        (("NLD", "UKR", "aircraft"), False),
    ],
)
def test_recipient_gives(key: tuple[str, str, str], vetoed: bool) -> None:
    text = "Ukraine pressed for the delivery of the jets from the Netherlands."
    assert _vetoes(_recipient_gives, text, key) is vetoed


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
    assert _vetoes(_listed_together, text, key) is vetoed
