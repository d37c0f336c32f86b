"""Reach features: how a candidate triple's parties stand beyond the item's own sentence, for the
transfer scorer (`triples.py`).

A party drawn from a sentence before the item's is likelier its party the nearer it was named
("Norway will send more aid. The package includes ten boats." against a name three sentences
back); the headline's first named party is usually the story's actor ("Norway to send boats to
Ukraine"); and a party from elsewhere can only be the item's where the cue that moves the item
leaves that party's slot open or says it by a pronoun ("Deliveries of the boats began in May",
"It will also send boats"; openslots.py, `sighting_features.open_room`).

Measured out of fold (tools/transfer_ablation.py, grouped CV by source over train + dev): the three
raise F1 at 0.4 from 0.709 to 0.717 (P 0.891 R 0.601), average precision of the scored candidates
0.246 to 0.248 (0.109 to 0.125 for those never naming both parties in one sentence), the
reshuffled mean F1 0.710 to 0.713; left out one at a time, distance costs AP 0.003, the headline's
first party F1 0.004, open slots F1 0.002 and AP 0.002. Tried and dropped (each lowered AP): the
subject of the sentence a party was drawn from, a cue with no party named, an item given a number
(F1 up, AP down), the article's dominant cued pair and its share. The check set was unchanged.
"""

from __future__ import annotations

# How far back the headline stands, in sentences: further than any sentence the generator's window
# reaches (triples.WINDOW_SENTENCES is 2), so a party named only there is the furthest.
TITLE_DISTANCE = 3


def reach_features(prefix: str, distance: int, first_in_title: bool, room: frozenset[str]) -> dict[str, float]:
    """For the supplier ("s") or the recipient ("r"): how many sentences back it was last named
    (0 in the item's sentence, scaled to 0-1), whether it is the headline's first named party,
    and whether its slot on the item's cue is open to it (`room`)."""
    return {
        f"{prefix}_distance": distance / TITLE_DISTANCE,
        f"{prefix}_title_first": float(first_in_title),
        f"{prefix}_open": float(prefix in room),
    }
