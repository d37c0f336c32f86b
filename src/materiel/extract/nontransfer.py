"""Sentences that talk about weapons without moving any: weapons taken from the enemy, sold for
scrap or sent back to be mended, forces sent for drills or patrols (`sanctions.deployment`),
weapons made and not moved. `candidates` reads no candidate in them, and `choose` drops a transfer
seen only in them.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from materiel.extract.licensed import in_sentence as licensed
from materiel.extract.sanctions import deployment

# Sentences that talk about weapons without a transfer: captured, scrapped or mended equipment.
NOT_TRANSFER = re.compile(
    r"""\b(?:captured|seized|trophy)\b                       # taken from the enemy
      | \bfor\ scrap\b | \bscrap\ ?yards?\b                  # old ships and jets sold to be broken up
      | \bship-?break(?:ing|ers?)\b                         # move no arms ("sold its old carrier for
                                                           # scrap to a ship-breaking firm in Turkey")
      | \b(?:sen[dt]s?|sending|ship(?:s|ped|ping)?|return(?:s|ed|ing)?  # a user's own weapons sent to be
          |t(?:ook|aken|akes)|brought|fl(?:ew|own))\b[^.;]{0,80}?  # mended: "sent two damaged tanks back
        \b(?:back|damaged|broken|worn[\s-]out)\b[^.;]{0,80}?  # to Poland for repair"; not the systems
        \bfor\ (?:an?\ |the\ )?                               # "Germany delivered to Ukraine" that
        (?:repairs?|refurbishment|overhaul|maintenance|servicing)\b  # "are on their way back for repairs"
    """,
    re.I | re.X,
)
# Words for making weapons: a sentence about making them moves none, unless it also says that
# some were moved (below).
MADE = re.compile(
    r"""\b(?:co-?)?(?:produces?|producing)\b                  # made at home, or made together
      | (?<!-)\bmanufactur(?!ed\ (?:in|by|during|since|before)\b)\w+  # made; not "manufactured in
                                                             # the 1960s", "in Iran" or "by Boeing":
                                                             # when, where or by whom what is moved
                                                             # was made; nor "US-manufactured jets",
                                                             # a maker's name on what is moved""",
    re.I | re.X,
)

# Verbs that move weapons from one party to another: a sentence that makes weapons and says, in
# a relative clause on them, that one of these moved them ("rockets it produces, which Washington
# has provided to Kyiv") still tells a transfer. A clause of its own ("...; China has also
# provided Russia with drone bodies") is another statement that a long sentence ran together.
MOVED = {"send", "provide", "supply", "deliver", "transfer", "give", "donate", "ship", "sell", "gift", "lend"}


def no_transfer(sentence: SpacySpan) -> bool:
    """A sentence about weapons taken from the enemy, about forces sent for drills or patrols, or
    about making weapons and not moving them (making under another state's licence moves them:
    licensed.py)."""
    said = sentence.text
    if NOT_TRANSFER.search(said) or deployment(sentence):
        return True
    made = bool(MADE.search(said)) and not any(t.dep_ == "relcl" and t.lemma_ in MOVED for t in sentence)
    return made and not licensed(sentence)
