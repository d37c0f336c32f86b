"""Rebuttals: whether the claims a party calls false tell of a supply, read in the rebuttal's own
sentence or the one before it, and not of what befell the arms ("Russia said it had shot down
several, but London said the claims were false" rebuts a boast, not a supply).
"""

from __future__ import annotations

import re

# What the claims a party calls false may tell: a supply (its denial), or what befell the arms
# ("Russia said it had shot down several, but London said the claims were false": a rebuttal of
# the enemy's boast, not of the supply).
SUPPLY_CLAIM = re.compile(
    r"""\b(?:suppl(?:y|ies|ied|ying)|deliver(?:y|ies|ed|ing|s)?|ship(?:s|ped|ping|ments?)?  # a supply
        |sen(?:d|ds|t|ding)|transferr?(?:s|ed|ing)?|provid(?:e|es|ed|ing)|exports?|exported|sold|sell(?:s|ing)?
        |(?:re-?)?arm(?:s|ed|ing)|gave|give[ns]?|receiv(?:e|es|ed|ing)|bought|purchas(?:e|es|ed|ing)
        |hand(?:ed|ing)|hands?\ over|donat(?:e|es|ed|ing|ions?)          # a handover, a gift ("had
        |lent|lend(?:s|ing)?|leas(?:e|es|ed|ing)|loan(?:s|ed|ing)?)\b      # handed tanks"), a loan or lease
        (?!\s+(?:[\w-]+\s+)?(?:troops|soldiers|instructors|advis[eo]rs|mercenaries|personnel|volunteers
          |forces|delegations?|diplomats|envoys)\b)      # people sent are no supply ("had sent troops")
    """,
    re.IGNORECASE | re.VERBOSE,
)
FATE_CLAIM = re.compile(
    r"""\b(?:destroy(?:s|ed|ing)?|shot\ down|shoot(?:s|ing)?\ down|down(?:s|ed|ing)|hit|struck|strikes?
        |damag(?:e|es|ed|ing)|knock(?:s|ed)?\ out|eliminat(?:e|es|ed|ing)|wip(?:e|es|ed|ing)\ out
        |captur(?:e|es|ed|ing)|intercept(?:s|ed|ing)?|burn(?:s|ed|t|ing)?)\b  # "destroyed five", "downed"
        (?!\s+(?:a|an|the|its|their|new)\s+(?:[\w-]+\s+)?(?:deals?|agreements?|contracts?|accords?|bargains?)\b)
                                                        # "struck a deal to supply" is no fate
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A relative clause on a noun of the claim, to the next comma: what befell the arms there ("Iran
# had supplied Russia with drones that hit Kyiv") does not make the claim one of their fate.
RELATIVE = re.compile(r"\b(?P<before>\w+),?\s+(?:that|which)\b[^,;:]*", re.IGNORECASE)
# Words after which "that" opens the claim itself, no relative clause: "said that it had shot
# down several", "rejected reports that its drones hit Kyiv", "so that", "such that".
OPENING_THAT = {
    "said", "says", "say", "claimed", "claims", "claim", "reported", "alleged", "alleges", "stated",
    "added", "believed", "believes", "thought", "insisted", "boasted", "announced", "showed", "shows",
    "suggested", "warned", "wrote", "feared", "fears", "clear", "so", "such", "reports", "report",
    "allegations", "accusations", "suggestions", "rumours", "rumors", "news", "fact", "idea",
}  # fmt: skip


def _main_clauses(told: str) -> str:
    """The claim without its relative clauses ("drones that hit Kyiv" reads "drones")."""
    return RELATIVE.sub(lambda m: m.group(0) if m["before"].lower() in OPENING_THAT else m["before"], told)


# A claim told before the rebuttal in its own sentence ("Russia said it had shot down several, but
# officials said the claims were false"): the claims called false are that one.
CLAIMING = re.compile(r"\b(?:said|says|claim(?:s|ed)?|report(?:s|ed)|alleg(?:es|ed)|boast(?:s|ed))\b", re.IGNORECASE)
# How far back the sentence before a rebuttal is read (characters).
BEFORE_REACH = 400


def sentence_before(text: str, at: int) -> str:
    """The sentence before a position in the article, whichever paragraph it is in."""
    pieces = re.split(r"(?<=[.!?])[\"”’]?\s+", text[max(0, at - BEFORE_REACH) : at].strip())
    return pieces[-1] if pieces else ""


def of_supply(sentence: str, before: str) -> bool:
    """The claims a rebuttal calls false tell of a supply: the nearest of its sentence and the
    one before that tells something speaks of one, not of arms destroyed or shot down (where the
    rebuttal's own sentence tells the claim, "Moscow said the tanks would burn, and London called
    the claims nonsense", the sentence before is not read)."""
    for told in (sentence, before):
        if FATE_CLAIM.search(_main_clauses(told)):
            return False
        if SUPPLY_CLAIM.search(told):
            return True
    return False
