"""The learned transfer scorer: its features, its plain-Python application, and that `make model`
rebuilds the shipped artefact from ../shared/gold."""

from __future__ import annotations

import json
import math

import pytest

from materiel.extract import rule_transfers
from materiel.extract.context import build_context
from materiel.extract.model import ARTEFACT, Scorer, group_of, load_scorer
from materiel.extract.triples import find_triples, rule_triples, transfer_key
from tests.builders import article_of
from tests.conftest import needs_shared


def test_scorer_applies_weights_and_threshold() -> None:
    scorer = Scorer({"weights": {"a": 2.0, "b": -1.0}, "bias": -1.0, "threshold": 0.5})
    assert scorer.probability({"a": 1.0}) == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert scorer.probability({}) == pytest.approx(1 / (1 + math.exp(1.0)))
    assert scorer.accepts({"a": 1.0}) and not scorer.accepts({"b": 1.0})


def test_shipped_artefact_is_small_and_sane() -> None:
    payload = json.loads(ARTEFACT.read_text())
    assert ARTEFACT.stat().st_size < 50_000
    assert 0.0 < payload["threshold"] < 1.0
    assert len(payload["weights"]) > 20
    assert load_scorer().threshold == payload["threshold"]


def test_group_is_the_source_prefix() -> None:
    assert group_of("hel_20240507T110000Z_UA_en_492c5a48b3") == "hel"
    assert group_of("seed") == "seed"


def test_cross_validation_reports_no_pair_the_pipeline_drops_as_at_war() -> None:
    from tools.transfer_cv import shipped

    rows = [{"at_war": True}, {"at_war": False}, {}]
    assert shipped(rows, [0.9, 0.9, 0.3]) == [0.0, 0.9, 0.3]


def test_war_pairs_hold_pairs_shown_fighting_and_standing_wars() -> None:
    from materiel.extract.hostile import war_pairs

    text = "Russia invaded Ukraine in 2022. Germany sent tanks to Poland."
    context = build_context(article_of(text, published="2023-05-01"))
    assert frozenset({"RUS", "UKR"}) in war_pairs(context)
    assert frozenset({"DEU", "POL"}) not in war_pairs(context)


@pytest.mark.slow
def test_triples_read_roles_of_an_item_without_a_cue() -> None:
    text = "German Leopard tanks rolled toward the front in Ukraine on Monday."
    article = article_of(text)
    context = build_context(article)
    triples = {t.key: t.features for t in find_triples(context, rule_transfers(context))}
    forward = triples[("DEU", "UKR", "armored-vehicles")]
    backward = triples[("UKR", "DEU", "armored-vehicles")]
    assert forward["max_s_mods_item"] == 1.0 and backward["max_s_mods_item"] == 0.0
    assert forward["s_supplier_share"] > backward["s_supplier_share"]


@pytest.mark.slow
def test_settled_items_are_left_to_the_rules() -> None:
    """An item the rules ruled out (a hypothetical) gives the scorer no triple to add."""
    text = "If Germany sent Taurus missiles to Ukraine, Moscow would treat it as an escalation."
    context = build_context(article_of(text))
    assert rule_transfers(context) == []
    assert find_triples(context, []) == []


@pytest.mark.slow
def test_rule_triples_read_the_rules_own_items() -> None:
    """An item the rules read is settled, so the generator leaves it; read again for the rules'
    keys only, it gives their triple its features (for measuring a veto, tools/transfer_cv.py)."""
    text = "Norway delivered eight self-propelled howitzers to Latvia last week. Latvia thanked Oslo."
    context = build_context(article_of(text, published="2024-03-01"))
    rules = rule_transfers(context)
    key = ("NOR", "LVA", "artillery")
    assert key in {transfer_key(t) for t in rules}
    assert key not in {t.key for t in find_triples(context, rules)}
    readings = {t.key: t.features for t in rule_triples(context, rules)}
    assert set(readings) == {key}
    assert readings[key]["rule_triple"] == 1.0 and readings[key]["max_both_sent"] == 1.0


@pytest.mark.slow
def test_general_items_carry_money_and_military_qualifier() -> None:
    """Aid with money in its sentence, called military and moved by a cue, says so; bare aid not,
    and humanitarian aid is no item at all."""
    text = (
        "Norway approved $300 million in Foreign Military Financing for Moldova. "
        "Sweden sent more aid to Armenia. Denmark sent humanitarian aid to Georgia."
    )
    context = build_context(article_of(text))
    triples = {t.key: t.features for t in find_triples(context, [])}
    money = triples[("NOR", "MDA", "funding")]
    assert money["max_general_money"] == 1.0 and money["max_general_military"] == 1.0
    assert money["max_general_governed"] == 1.0
    bare = triples[("SWE", "ARM", "unspecified")]
    assert bare["max_general_money"] == 0.0 and bare["max_general_military"] == 0.0
    assert not any(key[:2] == ("DNK", "GEO") for key in triples)


@pytest.mark.slow
@needs_shared
def test_rebuild_gives_the_shipped_artefact(tmp_path) -> None:
    from tests.conftest import SHARED
    from tools import train_transfers

    rows = [r for r in train_transfers.dump(SHARED, tmp_path / "triples.jsonl") if r["label"] is not None]
    names = sorted({n for r in rows for n in r["features"]})
    out = tmp_path / "transfers.json"
    train_transfers.export(train_transfers.fit(rows, names), names, train_transfers.THRESHOLD, out)
    rebuilt, shipped = json.loads(out.read_text()), json.loads(ARTEFACT.read_text())
    assert rebuilt["threshold"] == shipped["threshold"]
    assert rebuilt["weights"].keys() == shipped["weights"].keys()
    for name, weight in shipped["weights"].items():
        assert rebuilt["weights"][name] == pytest.approx(weight, abs=1e-4), name


def test_competition_ranks_an_articles_candidates_by_first_score() -> None:
    """The measuring tool's second-stage features (tools/stacking.py, issue 12, not shipped)."""
    from tools.stacking import competition

    keys = [("USA", "UKR", "drones"), ("DEU", "UKR", "drones"), ("USA", "ISR", "tanks")]
    first, second, alone = competition(keys, [0.7, 0.2, 0.4])
    assert first == {
        "first_score": 0.7,
        "top_in_category": 1.0,
        "category_margin": pytest.approx(0.5),
        "top_supplier_for_recipient": 1.0,
    }
    assert second["top_in_category"] == 0.0 and second["category_margin"] == pytest.approx(-0.5)
    assert second["top_supplier_for_recipient"] == 0.0
    assert alone["top_in_category"] == 1.0 and alone["category_margin"] == pytest.approx(0.4)


def test_out_of_fold_listing_keeps_only_the_scorers_errors() -> None:
    from tools.transfer_oof import errors

    def row(label: float, rule: bool = False) -> dict:
        return {"id": "a_1", "key": ["USA", "UKR", "aircraft"], "label": label, "rule": rule, "sentence": "s"}

    rows = [row(1.0), row(1.0), row(0.0), row(0.0), row(1.0, rule=True)]
    listing = errors(rows, [0.1, 0.9, 0.6, 0.2, 0.0], 0.4)
    assert [(e["kind"], e["p"]) for e in listing] == [("rejected", 0.1), ("accepted", 0.6)]


def test_out_of_fold_listing_adds_the_rules_spurious_triples_when_asked() -> None:
    """With `rules`, a spurious triple the rules report is listed last; one the pipeline drops (a
    pair at war, probability 0) and a true one are not."""
    from tools.transfer_oof import errors

    def row(label: float, rule: bool) -> dict:
        return {"id": "a_1", "key": ["USA", "UKR", "aircraft"], "label": label, "rule": rule, "sentence": "s"}

    rows = [row(0.0, True), row(0.0, True), row(1.0, True), row(0.0, False)]
    listing = errors(rows, [1.0, 0.0, 1.0, 0.5], 0.4, rules=True)
    assert [(e["kind"], e["p"]) for e in listing] == [("accepted", 0.5), ("rule", 1.0)]


@pytest.mark.slow
def test_open_page_pair_for_a_sentence_that_names_neither_party() -> None:
    """A sentence that names neither party and leaves both slots of its cue open ("The shipment
    includes ...") continues the story's transfer between its leading giver and taker; one whose
    cue holds a party of its own ("Chile sent radios") does not."""
    text = (
        "Norway has sent armoured vehicles to Moldova. Norway also delivered trucks to Moldova. "
        "The shipment includes helmets and body armour. Separately, Chile sent field radios."
    )
    context = build_context(article_of(text))
    triples = {t.key: t.features for t in find_triples(context, [])}
    assert triples[("NOR", "MDA", "protective-gear")]["open_page_pair"] == 1.0
    assert all(f["open_page_pair"] == 0.0 for key, f in triples.items() if key[2] != "protective-gear")


def test_ablation_leaves_out_a_sighting_features_summaries_and_a_triple_feature() -> None:
    from tools.transfer_ablation import left_out

    names = ["max_s_open", "mean_s_open", "max_r_open", "s_share", "open_page_pair", "s_open"]
    assert left_out(names, {"s_open"}) == ["max_r_open", "s_share", "open_page_pair"]
    assert left_out(names, {"s_share"}) == ["max_s_open", "mean_s_open", "max_r_open", "open_page_pair", "s_open"]


@pytest.mark.slow
def test_room_and_first_person_for_a_party_named_before() -> None:
    """A supplier named in the sentence before may take the giver slot a pronoun holds ("It will
    also send tanks"); "Chile sent tanks" fills it with a party of its own; "We will send
    howitzers" says the giver in the first person."""
    text = (
        "Norway has promised Moldova more help. It will also send armoured vehicles. "
        "Norway has promised Moldova more help. Chile sent helmets. "
        "Norway has promised Moldova more help. We will send howitzers, an official said."
    )
    context = build_context(article_of(text))
    triples = {t.key: t.features for t in find_triples(context, [])}
    pronoun = triples[("NOR", "MDA", "armored-vehicles")]
    assert pronoun["max_s_room"] == 1.0 and pronoun["max_r_room"] == 1.0 and pronoun["max_s_first_person"] == 0.0
    assert triples[("NOR", "MDA", "protective-gear")]["max_s_room"] == 0.0
    assert triples[("NOR", "MDA", "artillery")]["max_s_first_person"] == 1.0
