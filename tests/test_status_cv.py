"""The measuring tool of the learned stage classifier (tools/status_cv.py, status12, not shipped)."""

from tools.status_cv import COARSE, accuracy, stacked


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
