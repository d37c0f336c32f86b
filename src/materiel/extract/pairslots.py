"""Pair slots: for a party of a triple named outside the item's sentence, what stands in its slot
of the cue that moves the item there (issue 12: most missed transfers had a candidate scored
below the threshold, a party often named only in the sentences before).

"It will also send tanks" says its giver by a pronoun and "the tanks were delivered" leaves it
open: a supplier named before may take that slot; "Chile sent tanks" fills it with a party of its
own, and "the delivery of tanks to Peru" fills the taker's with the item's own "to". "We will send
tanks" says the giver in the first person, the speaker's side, which a party named before is
seldom. The slots are read by `openslots.py`; `sighting_features.pair_features` adds these.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.lexicon import Mention
from materiel.extract.openslots import OPEN, POINTED, TAKER_PREPS, held_by

# First-person pronouns in a giver slot: the speaker's side ("we will send", "our deliveries").
FIRST_PERSON = {"we", "us", "our"}


def slot_features(
    fillers: tuple[list[Token], list[Token]] | None,
    actor_tokens: set[int],
    sides: dict[str, tuple[Mention, str]],
    item_takers: list[Token],
) -> dict[str, bool]:
    """For each side ("s", "r") named outside the sentence, whether its slot of the cue
    (`openslots.slot_fillers`: givers, takers; the item's own "to" or "for" objects count as
    takers) is open or pointed, and whether the giver slot is said in the first person."""
    if fillers is None:
        return {}
    givers, takers = fillers[0], fillers[1] + item_takers
    out = {}
    for prefix, slot in (("s", givers), ("r", takers)):
        if sides[prefix][1] != "sent":
            out[f"{prefix}_room"] = held_by(slot, actor_tokens) in (OPEN, POINTED)
    out["s_first_person"] = sides["s"][1] != "sent" and any(f.lower_ in FIRST_PERSON for f in givers)
    return out


def item_takers(item: Token | None) -> list[Token]:
    """The item's own "to" or "for" objects ("the provision of drones to Iran")."""
    if item is None:
        return []
    return [
        g for c in item.children if c.dep_ == "prep" and c.lower_ in TAKER_PREPS for g in c.children if g.dep_ == "pobj"
    ]
