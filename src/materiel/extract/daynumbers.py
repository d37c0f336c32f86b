"""Numbers that belong to a date or a reference, not to an amount: the day of "3 March" or
"March 3", and the figure before a space-grouped number ("On May 12 300 shells" is the 12th of May
and 300 shells, not 12,300)."""

from __future__ import annotations

import re

# A month's name, capitalised ("May" but not "may"), full or abbreviated.
MONTH = r"""(?-i:January|February|March|April|May|June|July|August|September|October|November|December
    |Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"""
MONTH_AFTER = re.compile(rf"\A(?:st|nd|rd|th)?\s(?:of\s)?{MONTH}\b", re.VERBOSE)  # 3 March, 3rd of May
MONTH_BEFORE = re.compile(rf"\b{MONTH}\s\Z", re.VERBOSE)  # March 3
DAY = re.compile(r"\d{1,2}\Z")  # a day of the month is one or two figures
LAST_DAY = 31
COUNTED_NEXT = re.compile(r"\A\s[a-z]")

# Words after which a figure is a day or a reference's number, so that a space after it does not
# group thousands: "On March 3 120 drones" (3120?), "Figure 4 500 tanks", "on day 12 300 shells".
REFERENCE_BEFORE = re.compile(
    rf"""(?:\b(?P<month>{MONTH})                     # March 3, May 12: a date's day
        |\b(?i:pages?|pp?\.|figures?|fig\.|tables?)    # page 4, figure 4, table 2: a place in a text
        |\b(?i:no|nos|art|para|sec)\.                  # No. 4, Art. 5, para. 3: an abbreviated number
        |\b(?i:numbers?|articles?|sections?|paragraphs?|chapters?|clauses?)  # Article 5: a reference
        |\b(?i:day|week)                             # day 12: a day counted in an operation or war
        )\s\Z""",
    re.VERBOSE,
)
# The first group of a number whose thousands a plain space groups ("40 000"): "12" of "12 300";
# a rest that starts with a nought is no number of its own ("May 2 000 shells" is 2,000).
SPACE_GROUP = re.compile(r"\d{1,3}(?=\ [1-9]\d{2})")
# A day before the month, so the figure after it is no day: "on 3 March 12 000 shells".
DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?\Z")
# How far before a number the words above are looked for: the longest they match, with its space
# ("paragraphs ", "September. ", "31st of "), is 11 characters. A look over all the text before
# each number made the cost of a paragraph quadratic in its length (bench/paragraph_growth.py).
LOOK_BACK = 16


def reference_first(text: str, start: int, number: str) -> int | None:
    """Where the rest of a space-grouped number starts when its first group is a day or a reference
    number ("May 12 300 shells": the 300), else None."""
    first = SPACE_GROUP.match(number)
    before = REFERENCE_BEFORE.search(text, _back(start), start)
    if first is None or before is None:
        return None
    day_before = DAY_BEFORE.search(text, _back(before.start()), before.start())
    if before.group("month") and (int(first.group()) > LAST_DAY or day_before):
        return None  # "By March 40 000 shells", "on 3 March 12 000 shells": no day to glue
    return start + first.end() + 1


def is_day(text: str, number: str, value: float, start: int, end: int) -> bool:
    """The number is the day of a date ("on 3 March", "March 3"), not an amount."""
    return (
        DAY.match(number) is not None
        and 1 <= value <= LAST_DAY
        and (MONTH_AFTER.match(text[end:]) is not None or _after_month(text, start, end))
    )


def _after_month(text: str, start: int, end: int) -> bool:
    """'March 3' is a date unless a word in lower case follows: "in May 10 tanks arrived" counts."""
    return MONTH_BEFORE.search(text, _back(start), start) is not None and COUNTED_NEXT.match(text[end:]) is None


def _back(end: int) -> int:
    """Where the look for the words before a number that ends at `end` starts."""
    return max(0, end - LOOK_BACK)
