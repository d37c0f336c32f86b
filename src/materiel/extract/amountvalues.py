"""What a matched amount says: its number in words or figures, with its scale and currency, and
the range that a bound before it ("more than", "up to") or an "N-odd" after it makes of it.

`quantities.PATTERN` finds amounts; `reading` turns the groups of one match into (low, high,
currency) and `bounded` applies its bound; `Amount` is what quantities.py makes of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from materiel.extract.numberwords import (
    CURRENCIES,
    CURRENCY_CODES,
    NAMED_CURRENCIES,
    SCALES,
    VAGUE,
    WORD_NUMBERS,
)

# What "and a half" adds to the number word before a scale ("one and a half million" is 1.5 million),
# and what the vulgar fraction adds to the figure before it ("1½ million").
HALF = 0.5
VULGAR_HALF = "½"
# Words that multiply the number word before them ("two hundred", "three dozen").
MULTIPLIERS = {"hundred": 100, "dozen": 12}

# "More than N" and "up to N" are closed as GUIDE.md writes them: "more than 100" = [101, 999]
# (up to the end of N's order of magnitude), "up to 50" = [1, 50] (from one).
OPEN_ABOVE = {"more than", "over", "at least", "in excess of", "upwards of", "upward of", "north of"}
OPEN_ABOVE |= {"no fewer than", "not less than", "no less than", "not fewer than", "a minimum of"}
OPEN_BELOW = {"up to", "fewer than", "less than", "under", "nearly", "almost", "close to"}
OPEN_BELOW |= {"no more than", "not more than", "as many as", "at most", "a maximum of"}
# "More than 100" excludes 100 itself: it starts at 101, as a reader signs it ("more than $200
# million" from 200,000,001); "fewer than 10" ends at 9. One unit is the step for sums too.
STRICT_ABOVE = {"more than", "over", "in excess of"}
STRICT_BELOW = {"fewer than", "less than", "under"}
STEP = 1
LOWEST = 1  # "up to N" starts at one item (or one unit of money), as GUIDE.md writes it


@dataclass
class Amount:
    """An amount found in a text: its words, its range, its currency and its span."""

    text: str
    low: float | None
    high: float | None
    unit: str | None  # a currency code for money, None for counts
    start: int
    end: int

    @property
    def is_money(self) -> bool:
        return self.unit is not None


Reading = tuple[float, float, str | None]  # low, high, currency


def reading(groups: dict[str, str | None], after: str) -> Reading | None:
    """What the alternative that matched says: its range and its currency."""
    if groups["few"]:
        return _few(groups)
    if groups["vague"]:
        low, high = VAGUE[groups["vague"].lower()]
        return low, high, CURRENCIES.get((groups["vcur"] or "").lower())
    if groups["word"]:
        value = _words(groups)
        return value, _odd_end(value) if groups["wodd"] else value, _currency(groups["wcur"])
    if groups["bscale"]:
        value = SCALES[groups["bscale"].lower()]
        high = _order_end(value) if groups["bplus"] else value
        return value, high, _currency(groups["bcur"] or groups["badj"])
    return _figures(groups, after)


def _words(groups: dict[str, str | None]) -> float:
    """A number in words: "sixty-one", "two hundred", "a hundred and twenty-five", "one billion"."""
    value = WORD_NUMBERS[(groups["word"] or "").lower()] + WORD_NUMBERS.get((groups["wunit"] or "").lower(), 0)
    value *= MULTIPLIERS.get((groups["wmul"] or "").lower(), 1)
    for rest in ("wrest", "wrunit"):  # "and twenty-five"
        value += WORD_NUMBERS.get((groups[rest] or "").lower(), 0)
    if groups["whalf"]:
        value += HALF
    return value * SCALES.get(scale_key(groups["wscale"] or ""), 1)


def _few(groups: dict[str, str | None]) -> Reading:
    """'several hundred', 'a few thousand', 'a few hundred thousand dollars'."""
    low, high = _times(VAGUE[(groups["few"] or "").lower()], (groups["fmul"] or "").lower())
    scale = SCALES.get((groups["fscale"] or "").lower(), 1)
    return low * scale, (high + 1) * scale - 1, _currency(groups["fcur"])


# What a bare "m" or "k" scale may count: munitions and drones go by the million or thousand
# ("1m shells", "300k rounds"); before anything else "5m" is a length or a code.
COUNTED_BY_SCALE = re.compile(
    r"""\A\s(?:(?:more|new|extra|artillery|ammunition|small-arms)\s)?  # 1m more shells, 1m artillery shells
        (?:shells|rounds|munitions|cartridges|bullets|grenades|mines|drones|rockets|missiles)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _figures(groups: dict[str, str | None], after: str) -> Reading | None:
    """A number in figures, with its scale and currency ("$1.7 billion", "740 million US dollars")."""
    number, scale = (groups["mnum"], groups["mscale"]) if groups["symbol"] else (groups["num"], groups["scale"])
    unit = _currency(groups["symbol"] or groups["cword"])
    bare = unit is None and scale and scale.lower() in ("m", "b", "k", "mil", "bil")
    if bare and (scale.lower() == "b" or not COUNTED_BY_SCALE.match(after)):
        return None  # "5m" without a currency is a distance or a code, not an amount
    value = WORD_NUMBERS.get((number or "").lower()) or _figure(number or "", whole=unit is None and not scale)
    factor = SCALES.get(scale_key(scale or ""), 1)
    # A scaled decimal is a whole number: "4.1 billion" is 4,100,000,000, not 4,099,999,999.9999995.
    if factor > 1:
        value = float(round(value * factor))
    if groups["plus"] or groups["mplus"]:
        return value, _order_end(value), unit  # "100+", "$1bn-plus" are at least N
    if groups["odd"]:
        return value, _odd_end(value), unit  # "30-odd" is 30 to 39
    return value, value, unit


def scale_key(scale: str) -> str:
    """A scale word as SCALES spells it: lower case, one space, no plural ("Lakh  Crores")."""
    return " ".join(scale.lower().split()).rstrip("s")


# Thousands grouped by a comma, a no-break space or an apostrophe ("1,200", "300 000", "1'000"); any other comma is a
# decimal comma ("1,5 Mrd.").
GROUPED = re.compile(r"\d{1,3}(?:[,\u00a0\u202f\u2009 '\u2019]\d{3})+(?:\.\d+)?\Z")
# Dots that group thousands ("10.000 Schuss", "1.000.000"): a count with three figures after its
# one dot and no scale or currency is whole, not a fraction ("1.5 million" keeps its decimal).
DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+\Z")


def _figure(number: str, whole: bool = False) -> float:
    """The value of a number in figures; `whole` when it is a bare count, where dots group thousands."""
    if GROUPED.match(number):
        return float(re.sub(r"[,\u00a0\u202f\u2009 '\u2019]", "", number))
    if DOT_GROUPED.match(number) and (whole or number.count(".") > 1):
        return float(number.replace(".", ""))
    if number.endswith(VULGAR_HALF):  # "1½ million"
        return float(number[: -len(VULGAR_HALF)]) + HALF
    return float(number.replace(",", "."))


def _times(vague: tuple[float, float], word: str) -> tuple[float, float]:
    """A vague count of hundreds, dozens, millions: "several hundred" is 300 to 999."""
    factor = MULTIPLIERS.get(word) or SCALES[word]
    return vague[0] * factor, (vague[1] + 1) * factor - 1


def _currency(word: str | None) -> str | None:
    """A currency code from a symbol or word ("US dollars" is dollars)."""
    word = re.sub(r"\s+", " ", (word or "").strip())
    if word.upper() in CURRENCY_CODES:
        return word.upper()
    if word.lower() in NAMED_CURRENCIES:
        return NAMED_CURRENCIES[word.lower()]
    return CURRENCIES.get(re.sub(r"^u\.?s\.?\s", "", word.lower()))


def bounded(bound: str | None, low: float, high: float) -> tuple[float | None, float | None]:
    """The range a bound before the number makes of it: "more than 100" is 101 to 999, "up to 50" is
    1 to 50, "about 50" is 50."""
    bound = (bound or "").lower()
    if bound in OPEN_ABOVE:
        start = low + (STEP if bound in STRICT_ABOVE else 0)
        return start, _order_end(start)
    if bound in OPEN_BELOW:
        return LOWEST, high - (STEP if bound in STRICT_BELOW else 0)
    return low, high


def _order_end(value: float) -> int:
    """The last whole number with as many digits as `value` (101 -> 999, 2.5e6 -> 9,999,999)."""
    return 10 ** len(str(int(value))) - 1


# "N-odd" is N and fewer than one step of its leading figure more: "30-odd" is 30 to 39, "100-odd"
# 100 to 199; below ten it is N itself ("five-odd" says no more than five).
ODD_FROM = 10


def _odd_end(value: float) -> float:
    """The high end of "N-odd"."""
    if value < ODD_FROM:
        return value
    return value + 10 ** (len(str(int(value))) - 1) - STEP
