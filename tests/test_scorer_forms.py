"""The measuring tool of scorer forms (tools/scorer_forms.py, issue 12): its shipped form sums up
sightings exactly as the package does, so its figures for the other forms are comparable."""

from __future__ import annotations

import pytest

from materiel.extract.triples import Sighting, Triple, _sighting_summary
from tools.scorer_forms import SUMMARIES, _ranked


def _sighting(number: int, **features: float) -> Sighting:
    full = {"both_sent": 0.0, "cue_any": 0.0, "s_subject": 0.0} | features
    return Sighting(None, None, None, number, full)  # type: ignore[arg-type]


SIGHTINGS = [
    _sighting(3, both_sent=1.0, cue_any=1.0, s_subject=1.0),
    _sighting(1, s_subject=0.5),
    _sighting(2, both_sent=1.0),
]


def _cached(sightings: list[Sighting]) -> list[dict]:
    """As the tool's cache stores a sighting: its non-zero features and its sentence number."""
    return [{n: v for n, v in s.features.items() if v} | {"_number": s.number} for s in sightings]


def test_base_summary_is_the_packages() -> None:
    shipped = _sighting_summary(Triple(("DEU", "UKR", "tanks"), None, None, SIGHTINGS))  # type: ignore[arg-type]
    measured = SUMMARIES["base"](_cached(SIGHTINGS))
    for name, value in shipped.items():
        assert measured.get(name, 0.0) == pytest.approx(value), name
    assert {n for n, v in measured.items() if v} <= set(shipped)


def test_best_sighting_is_the_triples_best() -> None:
    triple = Triple(("DEU", "UKR", "tanks"), None, None, SIGHTINGS)  # type: ignore[arg-type]
    assert _ranked(_cached(SIGHTINGS))[0]["_number"] == triple.best().number == 3
    best = SUMMARIES["best"](_cached(SIGHTINGS))
    assert best["best_s_subject"] == 1.0 and best["max_s_subject"] == 1.0 and "mean_s_subject" not in best


def test_top_k_means_leave_out_the_weakest_sightings() -> None:
    top = SUMMARIES["topk"](_cached(SIGHTINGS))
    assert top["mean_both_sent"] == 1.0 and top["mean_s_subject"] == pytest.approx(0.5)
    assert SUMMARIES["base"](_cached(SIGHTINGS))["mean_both_sent"] == pytest.approx(2 / 3)
