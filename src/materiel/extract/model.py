"""The shipped transfer scorer: a logistic regression read from a small JSON artefact.

The weights are trained by `tools/train_transfers.py` (`make model`) on the annotated articles of
../shared/gold; here they are only applied, in plain Python, so running materiel needs neither
scikit-learn nor the training data.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from materiel.logistic import Logistic

ARTEFACT = Path(__file__).resolve().parent / "models" / "transfers.json"


@cache
def load_scorer(path: Path = ARTEFACT) -> Scorer:
    return Scorer(json.loads(path.read_text("utf-8")))


class Scorer(Logistic):
    """Probability that a candidate triple is a transfer the article reports."""

    def accepts(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold


def group_of(article_id: str) -> str:
    """The source an annotated article comes from: its id's prefix ('hel_2022...' -> 'hel')."""
    return article_id.split("_", 1)[0]
