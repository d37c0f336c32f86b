"""The stage of arms-sale language (sales20): a notice of a sale, a hold only tried, a deal one is
close to, a letter of offer, a sale's terms, a timetable in a complement, a buyer evaluating bids,
and a dated commitment beside an order. Each read on the cue word itself, so the rule is tested
whether or not the learned scorer keeps the transfer its sentence holds."""

from __future__ import annotations

import pytest

from materiel.extract.described import described
from materiel.extract.holdattempts import attempted_hold
from materiel.extract.letters import letter_stage
from materiel.extract.nearing import near_beside
from materiel.extract.nlp import load_model
from materiel.extract.refdelivery import delivery_beside
from materiel.extract.stage import stage_reason
from materiel.extract.verbform import verb_form_reason

pytestmark = pytest.mark.slow


def _token(sentence: str, word: str):
    doc = load_model()(sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a notice of a sale tells its approval, whatever describes it
        ("The Pentagon notified lawmakers of a potential sale of 400 missiles to Taiwan.", "pledged"),
        ("Congress was notified of a proposed sale of Harpoon missiles to Egypt.", "pledged"),
        ("The State Department informed Congress of the sale of 40 jets to Turkey.", "pledged"),
        # without one, the modifier decides
        ("Germany is weighing a possible sale of tanks to Qatar.", "considered"),
        ("A potential sale of 40 jets to Turkey worried Greece.", "considered"),
        # a sale's terms, told in the present
        ("The sale covers up to 1,500 missiles for Egypt.", "pledged"),
        ("The sale includes 24 jets and their engines.", "pledged"),
    ],
)
def test_a_sale_noun_is_described(sentence: str, expected: str) -> None:
    assert described(_token(sentence, "sale")) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The sale included 24 jets and their engines.",  # the past may tell what was delivered
        "Kyiv was notified of the delivery of the tanks.",  # a delivery one is told of: not a sale's approval
    ],
)
def test_not_described_by_these_rules(sentence: str) -> None:
    noun = next(t for t in load_model()(sentence) if t.lemma_ in ("sale", "delivery"))
    assert described(noun) is None


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Senators tried and failed to block the sale of bombs to Riyadh.", "block", True),
        ("Lawmakers have 30 days to block the sale of jets to Taiwan.", "block", True),
        ("Congress moved to block the sale of jets to Turkey.", "block", True),
        ("The White House threatened to veto the sale of radars to China.", "veto", True),
        ("The Senate voted to block the sale of bombs to Riyadh.", "block", False),
        ("Congress blocked the sale of jets to Turkey.", "blocked", False),
        ("Germany decided to halt the sale of tanks to Riyadh.", "halt", False),
    ],
)
def test_attempted_hold(sentence: str, word: str, expected: bool) -> None:
    token = _token(sentence, word)
    stage = "cancelled" if token.lemma_ == "halt" else "refused"
    assert attempted_hold(token, stage) is expected


def test_an_attempted_hold_leaves_the_sale_pledged() -> None:
    tried = _token("Senators tried and failed to block the sale of bombs to Riyadh.", "sale")
    assert stage_reason(tried, "delivered") == ("pledged", "stage word: block, attempted")
    done = stage_reason(_token("The Senate voted to block the sale of bombs to Riyadh.", "sale"), "delivered")
    assert done[0] == "refused"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Egypt is close to a deal to buy 24 Su-35 fighters from Russia.", True),
        # the deal itself takes 'to buy': the deal is a commitment neared (stage._stage_of)
        ("Egypt is on the verge of a deal to buy 24 Su-35 fighters from Russia.", False),
        ("Egypt went to Moscow to buy 24 Su-35 fighters from Russia.", False),
        ("Egypt signed a deal to buy 24 Su-35 fighters from Russia.", False),
    ],
)
def test_near_beside(sentence: str, expected: bool) -> None:
    assert near_beside(_token(sentence, "buy")) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Washington sent India a letter of offer for 31 drones.", "pledged"),
        ("Riyadh signed the letter of acceptance for the jets.", "pledged"),
        ("Washington sent India 31 drones.", None),
        ("India sent a letter of request to Washington for 31 drones.", None),  # requestnouns.py's
        ("Washington sent India a letter about the drones.", None),
    ],
)
def test_letter_stage(sentence: str, expected: str | None) -> None:
    verb = next(t for t in load_model()(sentence) if t.pos_ == "VERB")
    assert letter_stage(verb) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Brazil expects the first fighters from Sweden to arrive in 2021.", "arrive", "pledged"),
        ("Poland expects the howitzers from Korea to be delivered next year.", "delivered", "pledged"),
        ("Brazil saw the first fighters from Sweden arrive in 2021.", "arrive", "delivered"),
    ],
)
def test_an_arrival_expected(sentence: str, word: str, expected: str) -> None:
    assert verb_form_reason(_token(sentence, word), "delivered")[0] == expected


def test_a_buyer_evaluating_bids_weighs_them() -> None:
    sentence = "Switzerland is evaluating bids from France and Sweden for 36 fighter jets."
    assert stage_reason(_token(sentence, "jets"), "delivered") == ("considered", "bids: bid")
    judged = "Analysts evaluated the performance of the launchers that the United States sent to Ukraine."
    assert stage_reason(_token(judged, "sent"), "delivered")[0] == "delivered"  # judging no bid weighs nothing


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Israel will receive 25 jets from the United States under a deal approved in 2023.", None),
        ("Greece bought 24 jets under a package announced in 2021.", None),
        ("India ordered 36 jets from France in 2016; they were delivered between 2019 and 2022.", "delivered"),
    ],
)
def test_a_dated_commitment_is_no_delivery(sentence: str, expected: str | None) -> None:
    sentence_span = next(load_model()(sentence).sents)
    after = sentence.index("jets") + len("jets")
    assert delivery_beside(sentence_span, after, 2024) == expected
