"""A logistic regression read from a small JSON artefact (weights, bias, threshold) and applied in
plain Python: the transfer and speaker scorer (extract/model.py) and the line model
(clean/lines.py) are both one."""

from __future__ import annotations

import math

# A score is clamped to this size before the exponential: math.exp overflows past about 709, and
# a probability beyond 1 - e^-50 is 1 to a float's precision anyway.
MAX_SCORE = 50.0


class Logistic:
    """Probability from weighted features: a feature without a weight counts for nothing."""

    def __init__(self, payload: dict) -> None:
        self.weights: dict[str, float] = payload["weights"]
        self.bias = float(payload["bias"])
        self.threshold = float(payload["threshold"])

    def probability(self, features: dict[str, float]) -> float:
        raw = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(raw, MAX_SCORE), -MAX_SCORE)))
