"""Running totals: an amount that adds up all a supplier has given so far, told beside the new
package it grows by ("The new $400 million package brings total aid to Ukraine to $44 billion").
Where a transfer's item has another amount to take, the running total is the last choice."""

from __future__ import annotations

import re

from materiel.extract.quantities import Amount

# The amount a total is raised to: "brings the total to $44 billion", "bringing US aid to Kyiv
# since 2022 to more than $45 billion", "raising its contribution to 2 billion euros", "taking the
# tally to 52". The amount stands right after the "to" (its own "more than", "about" are its text).
RAISED_TO = re.compile(
    r"""\b(?:bring|brings|bringing|brought    # brings the total to $44 billion
        |raise|raises|raised|raising           # raising its contribution to €2 billion
        |take|takes|taking|took                # taking the tally to 52
        |push|pushes|pushed|pushing            # pushing overall aid to $50 billion
        |lift|lifts|lifted|lifting             # lifting the sum to $3 billion
        )\b[^.;:!?]{0,100}?\bto\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)


# What tells that the amounts of a sentence sum up a span of time, not one package: "has provided
# more than $44 billion since February 2022", "so far", "to date", "in total".
RUNNING = re.compile(
    r"""\bsince\s+(?:[\w-]+\s+){0,3}?(?:19|20)\d{2}\b  # since 2022, since late February 2022
        |\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\b  # since the start of the war
        |\bsince\s+(?:[\w'’-]+\s+){0,3}?(?:war|invasion)\b  # since Russia's full-scale invasion
        |\bso\s+far\b                                 # has given $5 billion so far
        |\bto\s+date\b                                # $5 billion to date
        |\bin\s+total\b|\ball\s+told\b|\baltogether\b  # in total, all told, altogether
        |\bcumulative\b                               # cumulative aid of $5 billion
        """,
    re.IGNORECASE | re.VERBOSE,
)


# A rate right after a sum: the sum is given every year or month, which makes it the new aid a
# supplier commits to, never a total of all it gave ("will raise its military aid to £3bn a year",
# "to €2 billion annually", "€500 million per year since 2022").
RATE_AFTER = re.compile(
    r"""\A[ \t]*,?[ \t]*(?:(?:a|per|each|every)\s+(?:year|annum|month)  # £3bn a year, per annum, each month
        |annually|yearly|monthly                                      # €2 billion annually
        )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# What makes the sum after it the one a change starts from, not the new amount: "will raise its
# aid to £3bn, up from £2.3bn", "down from $5 billion", "compared with €1 billion last year".
CHANGED_FROM = re.compile(
    r"""\b(?:(?:up|down)\s+from      # up from £2.3bn, down from $5 billion
        |compared\s+(?:with|to)      # compared with €1 billion
        )\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)

# How far before an amount its "bringing ... to" may open (characters).
RAISE_REACH = 160


def raised_to(text: str, start: int, end: int | None = None) -> bool:
    """The amount at `start` (ending at `end`, where known) is what a running total is brought to
    ("bringing the total to $45 billion"), not a rate ("raise its aid to £3bn a year")."""
    if end is not None and RATE_AFTER.match(text, end):
        return False
    return RAISED_TO.search(text, max(0, start - RAISE_REACH), start) is not None


def changed_from(text: str, start: int) -> bool:
    """The amount at `start` is the old one a change starts from ("up from £2.3bn")."""
    return CHANGED_FROM.search(text, max(0, start - RAISE_REACH), start) is not None


def besides_totals(text: str, amounts: list[Amount]) -> list[Amount]:
    """The amounts less those a total is raised to and those a change starts from, where any other
    is left."""
    new = [a for a in amounts if not raised_to(text, a.start, a.end) and not changed_from(text, a.start)]
    return new or amounts


def running_total(sentence: str, text: str, start: int, end: int | None = None) -> bool:
    """The amount at `start` (of `text`) sums up a span of time: its sentence (`sentence`) tells
    one ("since 2022", "so far", "to date"), or the amount is what a total is raised to; never a
    sum given a year or a month (`end`: where the amount ends, where known)."""
    if end is not None and RATE_AFTER.match(text, end):
        return False
    return raised_to(text, start) or RUNNING.search(sentence) is not None
