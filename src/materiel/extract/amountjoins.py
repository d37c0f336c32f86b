"""Two amounts found side by side read as one (`quantities.find_amounts` asks `joined_pair` of each
amount and the one before it): the ends of a range ("10 to 20", "$2-3 billion", "300-400,000"),
a sum or a number in words written in two parts ("$2 billion 980 million", "two thousand five
hundred"), a round figure's plural before a scale's ("10s of thousands"), and the same number
restated in brackets ("eight (8)"); and a sum converted into another currency (`converted`),
which the first stands for.
"""

from __future__ import annotations

import re

from materiel.extract.amountvalues import Amount, scale_key
from materiel.extract.lookback import ends_before
from materiel.extract.numberforms import SCALE
from materiel.extract.numberwords import CURRENCY_WORDS, SCALES

# A sum given again in another currency, alone in brackets right after the first: "$2.8bn
# (£2.4bn)", "EUR 3.5 billion (approximately USD 3.8 billion)"; not "$5m ($3m of it for drones)".
CONVERSION_OPENS = re.compile(r"\A\s*[(\[]\s*\Z")  # only a bracket between the two sums
CONVERSION_CLOSES = re.compile(r"\s*[)\]]")  # and the bracket closes right after the second


# Two amounts that are the ends of one range: "10 to 20", "10-20", "10 or 12", "between 10 and 20",
# "$2-3 billion" (the scale said once, after the second).
RANGE_JOIN = re.compile(r"\A\s?[-\u2013\u2014]\s?\Z|\A\s(?:to|or)\s\Z", re.IGNORECASE)
BETWEEN_JOIN = re.compile(r"\A\s(?:and)\s\Z", re.IGNORECASE)  # with "between" before the first
BETWEEN = re.compile(r"\bbetween\s\Z", re.IGNORECASE)
BETWEEN_WORDS = 1  # the most words it spans: "between"
YEAR = re.compile(r"(?:1[89]|20)\d{2}\Z")
# A scale after a figure ("3 billion", "$2-3bn") or after a number word ("two to three thousand").
SCALE_WORD = re.compile(rf"(?:\d\s?-?|[a-z]\s)({SCALE})\b", re.IGNORECASE | re.VERBOSE)
# A range's ends where the first leaves out the second's thousands: "300-400,000 shells" is 300,000
# to 400,000 (the first end, taken in thousands, no greater than the second and within ten times of it).
ELIDED_LOW = re.compile(r"\d{1,3}\Z")  # the first end: a bare number below a thousand
THOUSANDS_HIGH = re.compile(r"\d{1,3},000\Z")  # the second: whole thousands, grouped
THOUSAND = 1000
WITHIN = 10


def _range_end(text: str, before: Amount, amount: Amount, offset: int) -> bool:
    between = text[before.end - offset : amount.start - offset]
    joined = RANGE_JOIN.match(between) is not None or (
        BETWEEN_JOIN.match(between) is not None
        and ends_before(BETWEEN, text, before.start - offset, BETWEEN_WORDS) is not None
    )
    low = _scaled_low(before, amount)
    return (
        joined
        and not (is_year(before) and is_year(amount))  # "from 2014 to 2022" is a span of time
        and low is not None
        and amount.high is not None
        and low < amount.high
        and (before.unit is None or amount.unit in (None, before.unit))
    )


def is_year(amount: Amount) -> bool:
    """A bare figure that can be a year (1800 to 2099)."""
    return amount.unit is None and YEAR.match(amount.text) is not None


def _scaled_low(before: Amount, amount: Amount) -> float | None:
    """The range's low end, given the second end's scale when the first has none ("$2-3 billion")."""
    scale = SCALE_WORD.search(amount.text)
    if before.low is not None and _elided_thousands(before, amount):
        return before.low * THOUSAND
    if before.low is None or scale is None or SCALE_WORD.search(before.text):
        return before.low
    return before.low * SCALES.get(scale_key(scale.group(1)), 1)


def _elided_thousands(before: Amount, amount: Amount) -> bool:
    """ "300-400,000": the first end is in thousands too."""
    if not (ELIDED_LOW.fullmatch(before.text) and THOUSANDS_HIGH.fullmatch(amount.text)):
        return False
    low, high = (before.low or 0) * THOUSAND, amount.high or 0
    return low <= high < low * WITHIN


def _range(text: str, before: Amount, amount: Amount, offset: int) -> Amount:
    words = text[before.start - offset : amount.end - offset]
    return Amount(words, _scaled_low(before, amount), amount.high, before.unit or amount.unit, before.start, amount.end)


# A sum or count in two parts, billions then millions or millions then thousands, as translations
# from Slavic languages write it: "$2 billion 980 million", "$ 2 billion $ 980 million" (2.98
# billion), "1 million 200 thousand shells"; not "$2 billion, $980 million".
BILLIONS_PART = re.compile(r"(?:billion|bn)\Z", re.IGNORECASE)  # the first part ends in billions
MILLIONS_PART = re.compile(
    rf"""\A(?:[$€£]\s?)?              # the currency again, or not: "$ 980 million", "980 million"
        \d{{1,3}}\s?(?:million|mln|mn)   # fewer than a thousand millions
        (?:\s(?:{CURRENCY_WORDS}))?\Z  # 980 million dollars
    """,
    re.IGNORECASE | re.VERBOSE,
)
MILLIONS_FIRST = re.compile(r"(?<![\d.,])\d{1,3}\s?(?:million|mln|mn)\Z", re.IGNORECASE)  # whole: "1 million"
THOUSANDS_PART = re.compile(r"\A\d{1,3}\s?thousand\Z", re.IGNORECASE)  # fewer than a thousand thousands


def _second_part(text: str, before: Amount, amount: Amount, offset: int) -> bool:
    parts = (BILLIONS_PART.search(before.text) and MILLIONS_PART.match(amount.text)) or (
        MILLIONS_FIRST.search(before.text) and THOUSANDS_PART.match(amount.text)
    )
    return (
        before.low is not None
        and before.low == before.high
        and (before.unit is None or amount.unit in (None, before.unit))
        and bool(parts)
        and not text[before.end - offset : amount.start - offset].strip()  # only a space between
    )


# A number in words in two parts, the second below the first's scale: "two thousand five hundred",
# "one million two hundred thousand", "three thousand and fifty".
WORDS_SCALED = re.compile(r"[a-z]\s(?:thousand|million|billion)\Z", re.IGNORECASE)  # the first: a word, a scale
WORDS_REST = re.compile(r"\A[a-z][a-z\s-]*\Z", re.IGNORECASE)  # the second: words only, no currency
WORDS_BETWEEN = re.compile(r"\A\s(?:and\s)?\Z", re.IGNORECASE)
# The second part has a scale of its own ("five hundred", "two hundred thousand") or follows "and"
# ("three thousand and fifty"): a bare small number after a round one is a new phrase ("a million
# two years ago", "of the ten thousand two were lost").
REST_SCALED = re.compile(r"\b(?:hundred|thousand|million)\b", re.IGNORECASE)


def _word_rest(text: str, before: Amount, amount: Amount, offset: int) -> bool:
    scale = WORDS_SCALED.search(before.text)
    return (
        scale is not None
        and before.unit is None
        and amount.unit is None
        and before.low is not None
        and before.low == before.high
        and amount.low is not None
        and amount.low == amount.high
        and WORDS_REST.match(amount.text) is not None
        and amount.low < SCALES[scale.group().split()[-1].lower()]
        and _joined_by(text[before.end - offset : amount.start - offset], amount.text)
    )


def _joined_by(between: str, rest: str) -> bool:
    """Only a space, or "and", between the parts, and the second scaled unless after "and"."""
    joined = WORDS_BETWEEN.match(between)
    return joined is not None and ("and" in between.lower() or REST_SCALED.search(rest) is not None)


# A round figure: ten, a hundred, a thousand and so on ("100s of drones" are hundreds: quantities.py).
ROUND_FIGURE = re.compile(r"10+\Z|1(?:,000)+\Z")


# A round figure's plural before a scale's ("10s of thousands", "100s of millions of dollars"): one
# amount, tens or hundreds of that scale, not "100s" and then "millions".
OF_BETWEEN = re.compile(r"\s+of\s+")
SCALE_FIRST = re.compile(r"(?:thousands|millions|billions)\b", re.IGNORECASE)


def _plural_of_scale(text: str, before: Amount, amount: Amount, offset: int) -> bool:
    plural = before.text.endswith("s") and ROUND_FIGURE.match(before.text[:-1]) is not None
    between = OF_BETWEEN.fullmatch(text[before.end - offset : amount.start - offset])
    return plural and between is not None and SCALE_FIRST.match(amount.text) is not None


def _scaled(text: str, before: Amount, amount: Amount, offset: int) -> Amount:
    """The plural figure times the scale: from its lowest to just under its next order's."""
    scale, words = amount.low or 0, text[before.start - offset : amount.end - offset]
    low, high = (before.low or 0) * scale, ((before.high or 0) + 1) * scale - 1
    return Amount(words, low, high, amount.unit, before.start, amount.end)


def _joined(text: str, before: Amount, amount: Amount, offset: int) -> Amount:
    value = (before.low or 0) + (amount.low or 0)
    words = text[before.start - offset : amount.end - offset]
    return Amount(words, value, value, before.unit or amount.unit, before.start, amount.end)


def converted(text: str, before: Amount, amount: Amount, offset: int) -> bool:
    """The sum is the one before given again in another currency, in brackets right after it."""
    between = text[before.end - offset : amount.start - offset]
    return (
        before.is_money
        and amount.is_money
        and CONVERSION_OPENS.match(between) is not None
        and CONVERSION_CLOSES.match(text, amount.end - offset) is not None
    )


def _restated(text: str, before: Amount, amount: Amount, offset: int) -> bool:
    """The same number again, alone in brackets right after the first: "eight (8)", "14 (fourteen)"."""
    return (
        (before.low, before.high, before.unit) == (amount.low, amount.high, amount.unit)
        and CONVERSION_OPENS.match(text[before.end - offset : amount.start - offset]) is not None
        and CONVERSION_CLOSES.match(text, amount.end - offset) is not None
    )


def _with_restatement(text: str, before: Amount, amount: Amount, offset: int) -> Amount:
    """The first number, spanning its restatement and the closing bracket, so the noun follows it."""
    close = CONVERSION_CLOSES.match(text, amount.end - offset)
    end = offset + (close.end() if close is not None else amount.end - offset)
    return Amount(text[before.start - offset : end - offset], before.low, before.high, before.unit, before.start, end)


def joined_pair(text: str, before: Amount, amount: Amount, offset: int) -> Amount | None:
    """The amount before and this one read as one, or None where they are two: a restatement in
    brackets, a sum or a number in words in two parts, a round figure's plural before a scale, a
    range's two ends (tried in this order)."""
    if _restated(text, before, amount, offset):
        return _with_restatement(text, before, amount, offset)
    if _second_part(text, before, amount, offset) or _word_rest(text, before, amount, offset):
        return _joined(text, before, amount, offset)
    if _plural_of_scale(text, before, amount, offset):
        return _scaled(text, before, amount, offset)
    if _range_end(text, before, amount, offset):
        return _range(text, before, amount, offset)
    return None
