"""The seed article end to end: every measure of the evaluation contract at 1.000."""

from __future__ import annotations

import json

import pytest

from materiel import api
from materiel.pipeline import Runner
from tests.conftest import SHARED, needs_shared

pytestmark = [needs_shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def seed_scores(runner: Runner) -> dict:
    gold_line = next(
        json.loads(x) for x in (SHARED / "gold" / "dev.jsonl").read_text().splitlines() if json.loads(x)["id"] == "seed"
    )
    scorer = api.shared_scorer(SHARED / "gold" / "dev.jsonl")
    (prediction,) = api.predict_gold_records([gold_line], SHARED, runner)
    result, errors = scorer.score({"seed": gold_line}, {"seed": prediction})
    return {"result": result, "errors": errors, "prediction": prediction}


def test_seed_scores_one_on_every_measure(seed_scores: dict) -> None:
    result = seed_scores["result"]
    values = [
        result["transfers"]["precision"],
        result["transfers"]["recall"],
        result["transfers"]["f1"],
        *result["fields"].values(),
        result["quotes"],
        *result["cleaning"].values(),
    ]
    assert all(v == 1.0 for v in values if v is not None), seed_scores["errors"]


def test_seed_row_is_the_mission_row(seed_scores: dict) -> None:
    (shells,) = [
        t
        for t in seed_scores["prediction"]["transfers"]
        if t["item"]["category"] == "ammunition" and t["supplier"]["id"] == "KOR" and t["recipient"]["id"] == "UKR"
    ]
    assert [v["id"] for v in shells["via"]] == ["USA"]
    assert (shells["quantity"]["low"], shells["quantity"]["high"]) == (100000, 999999)
    assert shells["status"] == "in_progress" and shells["disclosure"] == "unacknowledged"
    stances = {r["stance"] for r in shells["responses"]}
    assert "declined" in stances
    text = seed_scores["prediction"]["text"]
    for span in shells["evidence"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
