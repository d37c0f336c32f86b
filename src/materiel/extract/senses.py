"""Senses of item words that name no materiel, told apart by the words around them.

The item lexicon matches words; some of them also mean something else: "a new round of
sanctions" is no ammunition, "aircraft" sold to an airline are airliners.
"""

from __future__ import annotations

import re

# An airline in the sentence makes its unnamed aircraft airliners: "a sale of Boeing aircraft to
# Qatar Airways", "the airline will acquire 10 more aircraft" (a named type, "F-16", or a military
# one, "fighter jets", stays).
AIRLINER_WORDS = {"aircraft", "plane", "airplane", "jet"}
AIRLINE = re.compile(r"\b(?:Airways|Airlines|Air\ Lines|airlines?|flag\ carrier)\b", re.VERBOSE)


def airliners(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], an aircraft word, names airliners: a bare word beside an airline."""
    if text[start:end].lower().rstrip("s") not in AIRLINER_WORDS:
        return False
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    return AIRLINE.search(text, start, min(ends, default=len(text))) is not None


# A bare "round" that is a stage, not a cartridge: "a new round of sanctions", "the first round",
# "doing the rounds"; "rounds of cluster munitions" and "5,000 rounds a day" stay ammunition.
NOT_A_ROUND_BEFORE = re.compile(
    r"""\b(?:new|first|second|third|fourth|fifth|latest|next|another|initial|final|fresh|opening
        |doing\ the|making\ the)\s+$""",  # a stage of something, or a story going about
    re.IGNORECASE | re.VERBOSE,
)
NOT_A_ROUND_AFTER = re.compile(
    r"""\s+of\s+                                      # "round of talks", "rounds of strikes", unless
        (?![^.;]{0,40}?\b(?:\d|\w*mm|cluster|artillery|ammunition|munitions?|shells?|mortar|tank|live)\b)
                                                    # a calibre or ammunition comes next""",
    re.IGNORECASE | re.VERBOSE,
)
# The preposition: "crowded round him", "south round to Klintsy" ("rounds to Kyiv" are cartridges).
PREPOSITION_AFTER = re.compile(r"\s+(?:to|him|her|them)\b", re.IGNORECASE)


def not_a_round(text: str, written: str, end: int) -> bool:
    """Whether `written`, an ammunition word ending at `end`, is a bare "round" that is no cartridge."""
    word = written.lower()
    if word not in ("round", "rounds"):
        return False
    start = end - len(written)
    return bool(
        NOT_A_ROUND_BEFORE.search(text[max(0, start - 20) : start])
        or NOT_A_ROUND_AFTER.match(text, end)
        or (word == "round" and PREPOSITION_AFTER.match(text, end))
    )
