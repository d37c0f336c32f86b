"""Openness: each value tied to the sentence that decided it, and no `official` that nothing shows."""

from __future__ import annotations

import pytest

from materiel.extract.disclosure import government_of
from materiel.extract.public_acts import NEGATED_ACT
from materiel.extract.stances import STANCES, _holds
from tests.builders import article_of

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


@pytest.mark.parametrize(
    ("url", "state"),
    [
        ("https://www.defense.gov/News/Releases/x/", "USA"),
        ("https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/x/", "USA"),
        ("https://www.gov.uk/government/news/x", "GBR"),
        ("https://www.defense.gouv.fr/actualites/x", "FRA"),
        ("https://www.mnd.go.kr/x", "KOR"),
        ("https://www.mil.gov.ua/news/x", "UKR"),
        ("https://www.nato.int/cps/en/natohq/news_x.htm", "nato"),
        ("https://ec.europa.eu/commission/presscorner/detail/en/x", "european-union"),
        ("https://news.un.org/en/story/x", "united-nations"),
        ("http://en.kremlin.ru/events/president/news/x", "RUS"),
        ("https://www.bundesregierung.de/breg-en/news/x", "DEU"),
        ("https://www.canada.ca/en/department-national-defence/news/x.html", "CAN"),
        ("https://www.notkremlin.ru/x", None),
        ("https://www.notnato.int.example.com/x", None),
        ("https://www.reuters.com/world/x", None),
        ("https://www.govexec.com/defense/x", None),
        (None, None),
    ],
)
def test_government_of(url: str | None, state: str | None) -> None:
    assert government_of(url) == state


def test_a_government_page_states_its_own_transfers(runner) -> None:

    text = "Germany has sent 14 Leopard 2 tanks to Ukraine.\n\nFrance has sent 6 Caesar howitzers to Ukraine."
    article = runner.run_one(article_of(text, url="https://www.bmvg.bund.de/x"))
    found = _by_supplier(article)
    assert found["DEU"].disclosure is None  # bund.de is no government label: the host decides nothing
    article = runner.run_one(article_of(text, url="https://www.defense.gouv.fr/x"))
    found = _by_supplier(article)
    assert (found["FRA"].disclosure, found["FRA"].disclosure_reason) == (
        "official",
        "published on the supplier government's own site",
    )
    assert found["DEU"].disclosure is None  # another state's transfer on that page stays unknown


@pytest.mark.parametrize(
    ("sentence", "denies"),
    [
        ("Tehran says it has never sent drones to Russia.", True),
        ("The ministry insisted they did not supply the shells.", True),
        ("Ukraine's president said Germany had not delivered the promised tanks.", False),  # a complaint
        ("The envoy said it would not send jets.", False),  # a refusal, not a past act denied
    ],
)
def test_denial_is_the_speakers_own_past_act(sentence: str, denies: bool) -> None:
    denied = dict(STANCES)["denied"]
    assert (denied.search(sentence) is not None) is denies


@pytest.mark.parametrize(
    ("before", "negated"),
    [
        ("Germany has not ", True),
        ("Germany has not yet ", True),
        ("Berlin hasn't ", True),
        ("Berlin cannot ", True),
        ("Berlin is yet to ", True),
        ("Germany has not only ", False),  # "not only announced ... but also": it adds
        ("Germany has ", False),
        ("a note on the ", False),
    ],
)
def test_negated_act(before: str, negated: bool) -> None:
    assert bool(NEGATED_ACT.search(before)) is negated


@pytest.mark.parametrize(
    ("sentence", "before", "denies"),
    [
        ("Tehran said the claims were false.", "Iran has shipped drones to Russia, Kyiv said.", True),
        ("Tehran said the claims were completely false.", "Iran has shipped drones to Russia.", True),
        ("Berlin said the reports were not false.", "Germany has sent Taurus missiles to Ukraine.", False),
        ("Tehran called the claims hardly credible.", "Iran has shipped drones to Russia.", False),
        ("Russia said it shot down several, but London said the claims were false.", "Britain sent them.", False),
        ("London called the claims propaganda.", "Russia claimed it destroyed five of the tanks.", False),
        ("Berlin said the claims were false.", "Russia said Germany had sent troops to Ukraine.", False),
        ("Moscow said the tanks would burn, and London called the claims nonsense.", "Britain will send tanks.", False),
    ],
)
def test_a_rebuttal_denies_only_claims_of_a_supply(sentence: str, before: str, denies: bool) -> None:
    """Claims called false deny the transfer only where they tell of a supply (mendQ)."""
    found = dict(STANCES)["rebutted"].search(sentence)
    assert (found is not None and _holds("rebutted", found, sentence, lambda: before)) is denies


@pytest.mark.parametrize(
    ("sentence", "declines"),
    [
        ("The sale has not yet been confirmed by Washington.", True),
        ("Washington has not confirmed the sale.", True),
        ("The sale has not yet been confirmed by Congress.", False),  # a legislature's vote
        ("The sale has not been confirmed by the White House.", True),
        ("Washington has not confirmed when the jets will arrive.", False),  # a detail
        ("The date of the first delivery has not been confirmed.", False),  # a detail's complement
        ("The date has not been confirmed.", False),
    ],
)
def test_not_confirmed_is_of_the_transfer(sentence: str, declines: bool) -> None:
    found = dict(STANCES)["declined"].search(sentence)
    assert (found is not None and _holds("declined", found, sentence, lambda: "")) is declines
