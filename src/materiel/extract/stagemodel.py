"""The shipped stage model: a multinomial logistic regression over stagefeatures.py, stacked over
the rules' stage, read from a small JSON artefact (status18).

The rules were written against train and dev, where they read the stage right 0.93 of the time;
on unseen articles (the check set) 0.71. The model learns from the gold stages without the rules'
reading as a feature, so what it knows is general (the governing verb's class, tense, modality,
stage words of the sentence and the headline). Where its coarse class differs from the rules'
with a probability of at least the artefact's `override`, the transfer takes the model's class
(as the class's most common stage). Trained by `tools/train_status.py` (`make model`); applied
here in plain Python. Without the artefact the rules' stage stands.
"""

from __future__ import annotations

import dataclasses
import json
import math
from functools import cache
from pathlib import Path

from materiel.article import Article, Transfer
from materiel.extract.stagefeatures import stage_features
from materiel.ledger.contest import COARSE

ARTEFACT = Path(__file__).resolve().parent / "models" / "status.json"


@cache
def load_stage_model(path: Path = ARTEFACT) -> StageModel | None:
    return StageModel(json.loads(path.read_text("utf-8"))) if path.exists() else None


class StageModel:
    """Coarse stage probabilities of a transfer, and the stage it takes."""

    def __init__(self, payload: dict) -> None:
        self.weights: dict[str, dict[str, float]] = payload["weights"]
        self.bias: dict[str, float] = payload["bias"]
        self.override = float(payload["override"])
        self.stages: dict[str, str] = payload["stages"]

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        raw = {k: self.bias[k] + sum(w.get(n, 0.0) * v for n, v in features.items()) for k, w in self.weights.items()}
        top = max(raw.values())
        exps = {k: math.exp(v - top) for k, v in raw.items()}
        total = sum(exps.values())
        return {k: v / total for k, v in exps.items()}

    def stage(self, status: str, features: dict[str, float]) -> str:
        """The rules' `status`, unless the model is sure enough of another coarse class."""
        probs = self.probabilities(features)
        top = max(probs, key=probs.__getitem__)
        if top == COARSE.get(status) or probs[top] < self.override:
            return status
        return self.stages[top]


def restage(article: Article, transfers: list[Transfer]) -> None:
    """Step of extraction: each transfer's stage, the rules' or the model's where it overrides them."""
    model = load_stage_model()
    if model is None or not transfers:
        return
    from materiel.extract.nlp import load_model

    nlp = load_model()
    plain = {"text": article.text, "title": article.title, "published": article.published}
    for transfer in transfers:
        transfer.status = model.stage(transfer.status, stage_features(dataclasses.asdict(transfer), plain, nlp))
