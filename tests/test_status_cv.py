"""The measuring tools of the learned stage classifier (tools/status_cv.py, status12; its case-fitted
form, tools/status_cases.py, status18): not shipped."""

from materiel.extract.nlp import load_model
from tools.stage_features import stage_features
from tools.status_cases import sentence_features
from tools.status_cv import COARSE, accuracy, confusion, errors_by_source, overrides, stacked


def test_stacked_overrides_the_rules_only_when_confident() -> None:
    probs = {"executed": 0.75, "committed": 0.2, "potential": 0.05}
    assert stacked("committed", probs, 0.7) == "executed"
    assert stacked("committed", probs, 0.8) == "committed"
    assert stacked("executed", probs, 0.5) == "executed"


def test_accuracy_counts_the_coarse_class_per_split() -> None:
    rows = [{"label": "executed", "split": "train"}, {"label": "committed", "split": "dev"}]
    assert accuracy(rows, ["executed", "potential"]) == "0.500 (1/2)"
    assert accuracy(rows, ["executed", "potential"], lambda r: r["split"] == "train") == "1.000 (1/1)"
    assert accuracy(rows, ["executed", "potential"], lambda r: False) == "-"


def test_coarse_classes_are_the_scorers() -> None:
    assert {COARSE[s] for s in ("delivered", "in_progress")} == {"executed"}
    assert {COARSE[s] for s in ("requested", "considered", "postponed")} == {"potential"}
    assert {COARSE[s] for s in ("refused", "cancelled")} == {"negative"}


def test_overrides_count_the_changed_rows_and_who_was_right() -> None:
    rows = [
        {"id": "a_1", "label": "executed", "rule": "pledged"},
        {"id": "a_2", "label": "committed", "rule": "pledged"},
        {"id": "b_1", "label": "negative", "rule": "considered"},
        {"id": "b_2", "label": "potential", "rule": "requested"},
    ]
    # changed: a_1 (model right), a_2 (rules right), b_1 (both wrong); b_2 kept
    assert overrides(rows, ["executed", "executed", "executed", "potential"]) == (3, 1, 1)
    assert overrides(rows, ["committed", "committed", "potential", "potential"]) == (0, 0, 0)


def test_confusion_and_errors_by_source_read_the_rules_against_the_gold() -> None:
    rows = [
        {"id": "hel_1", "label": "executed", "rule": "pledged"},
        {"id": "hel_2", "label": "executed", "rule": "in_progress"},
        {"id": "pen_1", "label": "negative", "rule": "cancelled"},
    ]
    table = confusion(rows)
    assert table[1].split() == ["executed", "1", "1", "0", "0"]
    assert table[4].split() == ["negative", "0", "0", "0", "1"]
    assert errors_by_source(rows) == "hel 1/2"


def test_case_rows_keep_only_features_a_lone_sentence_can_have() -> None:
    rows = [{"features": {"rule_pledged": 1.0, "head_ahead": 1.0, "lead": 1.0, "gov_neg": 1.0, "ahead": 1.0}}]
    assert sentence_features(rows) == ["ahead", "gov_neg"]


def test_features_read_the_verb_and_the_time_of_the_evidence() -> None:
    text = "Norway will send four patrol boats to Ghana next year."
    start = text.index("patrol boats")
    item = {"start": start, "end": start + len("patrol boats")}
    transfer = {"item": {"span": item}, "evidence": [{"start": 0, "end": len(text)}]}
    features = stage_features(transfer, {"text": text, "title": None, "published": "2025-03-01"}, load_model())
    assert features["gov_modal_future"] == 1.0
    assert features["gov_transfer_delivered"] == 1.0  # 'send': a verb of transfer
    assert features["ahead"] == 1.0
    assert features["past_mark"] == 0.0
