"""Reach features: how a candidate triple's parties and item stand in the article beyond the
item's own sentence, for the transfer scorer (`triples.py`).

A party drawn from a sentence before the item's (or from the headline) is likelier its party when
it was that sentence's subject ("Norway will send more aid. The package includes ten boats.") and
when it is near; the headline's first named party is usually the story's actor. A sentence whose
cue moves an item with no party named at all ("Deliveries of the howitzers began in May") leaves
both sides to the story. A story that keeps telling one transfer names one pair with transfer cues
more often than any other (its dominant pair); and an item given a number ("40 tanks") is more
often an item moved than one only talked about.
"""

from __future__ import annotations

from collections import Counter

from materiel.extract.amounts import mention_head, mention_token
from materiel.extract.context import Paragraph
from materiel.extract.lexicon import Mention

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod"}
# Dependencies of a number on the item it counts ("40 tanks", "dozens of drones": nummod/quantmod).
COUNT_DEPS = {"nummod", "quantmod"}
# Where a party was named, as a distance in sentences before the item's ("sent": 0); the headline
# counts as further back than any sentence the window reaches (triples.WINDOW_SENTENCES is 2).
TITLE_DISTANCE = 3


def subject_ids(paragraph: Paragraph, actors: list[Mention]) -> set[str]:
    """The ids of the actors that are (or possessively modify) a subject of their sentence."""
    out = set()
    for mention in actors:
        token = mention_token(paragraph, mention)
        while token is not None and token.dep_ in MODIFIER_DEPS and token.head.i != token.i:
            token = token.head
        if token is not None and token.dep_ in SUBJECT_DEPS and mention.id:
            out.add(mention.id)
    return out


def outside_features(prefix: str, where: str, distance: int, subject: bool, first_in_title: bool) -> dict[str, float]:
    """A party's distance back from the item's sentence (scaled to 0-1), whether the sentence it
    was drawn from had it as subject (for a party from outside the item's sentence), and whether
    it is the headline's first named party."""
    return {
        f"{prefix}_distance": (0 if where == "sent" else distance) / TITLE_DISTANCE,
        f"{prefix}_outside_subject": float(where != "sent" and subject),
        f"{prefix}_title_first": float(first_in_title),
    }


def elided_cue(actors: list[Mention], kinds: dict) -> float:
    """The item's sentence has a cue of transfer or receipt but names no party at all."""
    return float(not actors and bool(kinds.keys() & {"transfer", "receive", "noun"}))


def counted(paragraph: Paragraph, item: Mention) -> float:
    """The item is given a number ("40 tanks", "two air defence systems", "dozens of drones")."""
    head = mention_head(paragraph, item)
    if head is None:
        return 0.0
    numbers = [c for c in head.children if c.dep_ in COUNT_DEPS or (c.like_num and c.i < head.i)]
    of_phrase = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.like_num
    return float(bool(numbers) or of_phrase)


def pair_features(pair: tuple[str, str], cue_pairs: Counter) -> dict[str, float]:
    """The pair's share of the article's sightings that name both parties with a cue in one
    sentence, and whether it is the one pair (if one leads) named so most often."""
    total = sum(cue_pairs.values())
    ranked = cue_pairs.most_common(2)
    leads = bool(ranked) and ranked[0][0] == pair and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
    return {"pair_cue_share": cue_pairs[pair] / total if total else 0.0, "pair_dominant": float(leads)}
