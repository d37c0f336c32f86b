"""The learned stage model stacked over the rules (stagemodel.py, status18) and its features."""

from materiel.extract.nlp import load_model
from materiel.extract.stagefeatures import stage_features
from materiel.extract.stagemodel import ARTEFACT, StageModel, load_stage_model

TOY = {
    "weights": {"executed": {"past_mark": 3.0}, "committed": {"ahead": 3.0}, "potential": {}, "negative": {}},
    "bias": {"executed": 0.0, "committed": 0.0, "potential": 0.0, "negative": 0.0},
    "override": 0.8,
    "stages": {"executed": "delivered", "committed": "pledged", "potential": "considered", "negative": "refused"},
}


def test_the_model_overrides_the_rules_only_when_sure_of_another_class() -> None:
    model = StageModel(TOY)
    assert model.stage("pledged", {"past_mark": 1.0}) == "delivered"  # p(executed) ~ 0.87
    assert model.stage("in_progress", {"past_mark": 1.0}) == "in_progress"  # the same coarse class
    assert model.stage("considered", {"past_mark": 0.5}) == "considered"  # p ~ 0.6: below the override
    assert abs(sum(model.probabilities({"ahead": 1.0}).values()) - 1.0) < 1e-9


def test_the_shipped_artefact_knows_every_coarse_class() -> None:
    model = load_stage_model(ARTEFACT)
    assert model is not None
    assert (
        set(model.weights) == set(model.bias) == set(model.stages) == {"executed", "committed", "potential", "negative"}
    )
    assert 0.5 < model.override < 1.0


def test_features_read_the_verb_and_the_time_of_the_evidence() -> None:
    text = "Norway will send four patrol boats to Ghana next year."
    start = text.index("patrol boats")
    item = {"start": start, "end": start + len("patrol boats")}
    transfer = {"item": {"span": item}, "evidence": [{"start": 0, "end": len(text)}]}
    features = stage_features(transfer, {"text": text, "title": None, "published": "2025-03-01"}, load_model())
    assert features["gov_modal_future"] == 1.0
    assert features["ahead"] == 1.0
    assert features["past_mark"] == 0.0
    assert features["gov_transfer_delivered"] == 1.0  # 'send': a verb of transfer
