"""Openness: each value tied to the sentence that decided it, and no `official` that nothing shows."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TEXT = (
    "Slovakia will give 13 MiG-29 jets to Ukraine.\n\n"
    "Germany has sent 14 Leopard 2 tanks to Ukraine.\n\n"
    "Belarus has shipped drones to Russia, according to a monitoring group. Minsk denied the report on Monday."
)
REPORTED = "North Korea has shipped artillery shells to Russia, according to South Korean intelligence."


def _by_supplier(article) -> dict:
    return {t.supplier.id: t for t in article.transfers if t.supplier}


def test_each_disclosure_names_its_sentence(extract_text) -> None:
    article = extract_text(TEXT)
    found = _by_supplier(article)

    def decided(supplier: str) -> str:
        span = found[supplier].disclosure_span
        return article.text[span.start : span.end]

    assert (found["SVK"].disclosure, found["SVK"].disclosure_reason) == (
        "official",
        "a commitment only the supplier can make",
    )
    assert decided("SVK") == "Slovakia will give 13 MiG-29 jets to Ukraine."
    assert found["BLR"].disclosure == "denied" and decided("BLR") == "Minsk denied the report on Monday."


def test_only_third_parties_name_their_sentence(extract_text) -> None:
    article = extract_text(REPORTED)
    (transfer,) = article.transfers
    assert (transfer.disclosure, transfer.disclosure_reason) == ("unacknowledged", "only third parties report it")
    assert article.text[transfer.disclosure_span.start : transfer.disclosure_span.end] == REPORTED


def test_nothing_shown_leaves_it_unknown(extract_text) -> None:
    transfer = _by_supplier(extract_text(TEXT))["DEU"]
    assert (transfer.disclosure, transfer.disclosure_reason, transfer.disclosure_span) == (None, None, None)
