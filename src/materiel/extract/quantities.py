"""Quantities: counts, vague amounts as ranges, and money with its currency.

The amounts of a text are found here; what one match says (its value, scale, currency, bound) is
read in `amountvalues`, and the ranges, sums in two parts, restatements and conversions that join
two amounts into one are `amountjoins`'.
"""

from __future__ import annotations

import re

from materiel.extract.amountjoins import ROUND_FIGURE, converted, is_year, joined_pair
from materiel.extract.amountvalues import Amount, bounded, reading
from materiel.extract.daynumbers import is_day, reference_first
from materiel.extract.lookback import ends_before
from materiel.extract.numberforms import (
    NOT_CALIBRE,
    NOT_DESIGNATION,
    NOT_MEASURE,
    NOT_ORDINAL,
    NOT_SHARE,
    NUMBER,
    SCALE,
)
from materiel.extract.numberwords import (
    CURRENCY_CODES,
    CURRENCY_WORDS,
    SMALL_WORDS,
    VAGUE,
    WORD_NUMBERS,
)

# Crowns are the currency of several states; the supplier of the transfer settles which
# (a Swedish package in crowns is in kronor), and the Czech crown stands when it cannot.
CROWN_CURRENCIES = {"SWE": "SEK", "DNK": "DKK", "NOR": "NOK", "CZE": "CZK", "ISL": "ISK"}


def crown_currency(unit: str | None, state: str | None) -> str | None:
    """The currency code of an amount, with "crowns" settled by the state that pays."""
    return CROWN_CURRENCIES.get(state or "", "CZK") if unit == "crowns" else unit


_WORDS = "|".join(sorted(map(re.escape, WORD_NUMBERS), key=len, reverse=True))
_SMALL = "|".join(sorted(SMALL_WORDS, key=len, reverse=True))
_VAGUE = "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True))
_CODES = "(?:" + "|".join(CURRENCY_CODES) + ")"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_BIG = "(?:thousand|million|billion|trillion)"  # the scales "and a half" may stand before
# A figure with a large scale after it: the naira's "N" and the rand's "R" are currencies only
# before one ("N50 billion", "R1.5bn"), never before a bare figure ("R2", a designation's).
SCALED = r"\d[\d.,]*\s?(?:trillion|billion|million|bn|mn|tn|m)\b"
PATTERN = re.compile(
    rf"""
    (?:\b(?P<bound>
        no\ more\ than|not\ more\ than|as\ many\ as|at\ most|a\ maximum\ of  # at most N: "up to N"
        |no\ fewer\ than|not\ less\ than|no\ less\ than|not\ fewer\ than|a\ minimum\ of  # at least N
        |in\ excess\ of|upwards?\ of|north\ of  # at least N: "upwards of", "upward of"
        |more\ than|over|at\ least|up\ to|nearly|almost|close\ to  # open bounds: see OPEN_ABOVE
        |about|around|some|roughly|approximately|approx\.|ca\.|an\ estimated  # N itself
        |fewer\ than|less\ than|under))?\s*  # below N: see STRICT_BELOW
    (?:
        (?P<symbol>(?<![a-z])(?:US|CA|C|AU|A|NZ|NT|HK|S)\$|\$(?-i:US)(?=\s?\d)|\$|€|£|¥|₹|₩|₪|₺|₦  # C$5m, NT$5bn,
                                                       #   $US1bn (US dollars, as Australian copy writes them), $5m
            |(?<![a-z])Rs\.?(?=\s?\d)                 # Rs 500 crore, not the end of "years 2022"
            |(?<![\w.])(?-i:NIS|KSh|Ksh|Tk|Dhs|Dh)(?=\s?\d)  # NIS 1.2bn (shekels), KSh 3bn (Kenyan
                                                       #   shillings), Tk 5 crore (taka), Dh2bn (dirhams)
            |(?<![\w.-])(?-i:N|R)(?=\s?{SCALED})        # N50 billion (naira), R1.5bn (rand): only scaled
            |E£                                         # E£2 billion (Egyptian pounds)
            |(?<![a-z])(?-i:{_CODES})(?=\s|\d)         # USD4bn in capitals, not the end of "country 20"
            |(?<![a-z])(?:US\ )?(?:dollars|pounds|euros)(?=\s\d)  # "dollars 35bn", as archives write "$35bn"
        )\s?
            (?P<mnum>{NUMBER}|{_WORDS})(?:[\s-]?(?P<mscale>{SCALE})\b(?:(?<=mil|bil)\.)?)?  # USD one billion, $1.2 mil.
            (?P<mplus>\+|-plus\b|\sor\s(?:more|above)\b)?             # $1bn+, $1 billion-plus: at least N
      | (?<![\w./])(?<![^\W\d_]-)  # not a designation's number after a letter and a dash (F-16)
            (?P<num>{NUMBER}){NOT_SHARE}{NOT_CALIBRE}{NOT_MEASURE}{NOT_ORDINAL}{NOT_DESIGNATION}
            (?:[\s-]?(?P<scale>{SCALE})\b(?:(?<=mrd|mio|mil|bil|mld)\.)?)?  # 2 million, 1,5 Mrd. Euro, 1.2 mil. USD
            (?:[\s-](?P<cword>{CURRENCY_WORDS}|{_CODES})\b)?        # 80 billion euros, 5.6 trillion-won, 7bn SEK
            (?P<plus>\+|-plus\b|\sor\s(?:more|above)\b)?              # 100+, 100,000-plus, 50 or more: at least N
            (?P<odd>[\s-]odd\b(?!-))?                                 # 30-odd, 100 odd: N and a little more
      | (?P<few>several|a\ few)\s(?P<fmul>hundred|thousand|million|billion|dozen)\b  # several hundred
            (?:\s(?P<fscale>thousand|million|billion)\b)?             # a few hundred thousand
            (?:\s(?P<fcur>{CURRENCY_WORDS})\b)?                     # a few million dollars
      | (?P<vague>{_VAGUE})(?:\s(?:of\s)?(?P<vcur>{CURRENCY_WORDS}))?\b     # hundreds of thousands
      | (?<![\w-])(?P<word>{_WORDS})(?:(?:-|(?<=ty)\s)(?P<wunit>{_UNITS}))?\b  # sixty-one, twenty one
            (?P<wodd>-odd\b)?(?!-(?!and-a-half\s{_BIG}\b)\w)                 # twenty-odd: N and a little more
            {NOT_SHARE}
            (?:\s(?P<wmul>hundred|dozen)\b)?                          # two hundred, three dozen
            (?:(?<=undred|ousand)\sand\s(?P<wrest>{_SMALL})(?:-(?P<wrunit>{_UNITS}))?\b)?  # a hundred and
                                                       #   twenty-five; not "five and ten", two ends
            (?P<whalf>(?:\sand\sa\shalf|-and-a-half)             # one and a half million,
                (?=\s{_BIG}\b))?                                  #   one-and-a-half million
            (?:\s(?P<wscale>thousand|million|billion|trillion          # one billion
                |lakh\s+crores?|crores?|lakhs?)\b)?                    # three lakh, two crore (Indian English)
            (?:(?:(?<=llion|usand|crore)|(?<=crores))  # one billion dollars, two crore rupees,
                \s(?P<wcur>{CURRENCY_WORDS})\b)?       #   not "eight Yuan boats"
      | (?<![\w-])(?:an?|another)\s(?:(?:additional|further|extra|new)\s)?  # a million, an additional
            (?P<bscale>million|billion|trillion)\b                    # billion: one of the scale
            (?P<bplus>\+|-plus\b|-(?=(?:dollar|euro)\b))?            # a million-plus, a billion-dollar deal
            (?:(?<=-)(?P<badj>dollar|euro)\b)?                        #   (at least one of the scale)
            (?:\s(?P<bcur>{CURRENCY_WORDS})\b)?                     # a billion dollars
    )
""",
    re.IGNORECASE | re.VERBOSE,
)


def find_amounts(text: str, offset: int = 0) -> list[Amount]:
    """The amounts of a text; a sum given again in another currency is left out (the first stands),
    and a sum written in two parts is one."""
    found: list[Amount] = []
    for match in PATTERN.finditer(text):
        amount = _amount(match, offset)
        if amount is None or (found and converted(text, found[-1], amount, offset)):
            continue
        one = joined_pair(text, found[-1], amount, offset) if found else None
        if one is not None:
            found[-1] = one
        elif not ends_before(AFTER_HYPHEN, text, amount.start - offset, AFTER_HYPHEN_WORDS) and not _dated(
            text, amount, offset
        ):
            found.append(_plural_figure(text, amount, offset))  # "2022-23" is no amount
    return found


# What follows a year that makes it a decade: "the 1990s", "the 1980's".
DECADE = re.compile(r"['\u2019]?s\b")


# A clock time: "10:32", "09:15 Germany Delivers...", "at 9.15 am", "14.05 GMT" (the hour, the
# minutes or the whole time is no amount).
CLOCK_AFTER = re.compile(r"[:.]\d\d\b(?![.,]?\d)")  # the hour: minutes follow ("10:32")
CLOCK_BEFORE = re.compile(r"\b\d{1,2}[:.]\Z")  # the minutes: an hour precedes ("10:32")
# How far before the minutes their hour is looked for: CLOCK_BEFORE matches 3 characters at most
# ("10:"); not the whole text before, whose length made the cost quadratic in a paragraph's.
CLOCK_REACH = 3
CLOCK_WHOLE = re.compile(r"\d{1,2}[.:]\d\d\Z")  # "9.15" read as one number, when am/pm or a zone follows
CLOCK_MARK = re.compile(r"\s?(?:a\.?m\.?|p\.?m\.?|GMT|UTC|CET|EET|EST|local\ time)(?!\w)", re.IGNORECASE)


def _dated(text: str, amount: Amount, offset: int) -> bool:
    """The number is a day of a date ("on 3 March"), a decade ("in the 1990s") or a clock time
    ("10:32"), not an amount."""
    decade = is_year(amount) and DECADE.match(text, amount.end - offset) is not None
    return decade or _day(text, amount, offset) or _clock(text, amount, offset)


def _clock(text: str, amount: Amount, offset: int) -> bool:
    """The number is (part of) a time of day: "10:32", "at 9.15 am"."""
    if amount.unit is not None:
        return False
    start, end = amount.start - offset, amount.end - offset
    if CLOCK_AFTER.match(text, end) or CLOCK_BEFORE.search(text, max(0, start - CLOCK_REACH), start):
        return True
    return CLOCK_WHOLE.fullmatch(amount.text) is not None and CLOCK_MARK.match(text, end) is not None


def _day(text: str, amount: Amount, offset: int) -> bool:
    """The number is the day of a date ("on 3 March", "March 3"), not an amount."""
    start, end = amount.start - offset, amount.end - offset
    return amount.unit is None and is_day(text, amount.text, amount.low or 0, start, end)


# A figure right after a number and a dash ("2022-23", "10-20"): the second end of a range, or nothing.
AFTER_HYPHEN = re.compile(r"\d\s?[-\u2013\u2014]\s?\Z")
AFTER_HYPHEN_WORDS = 2  # the most words it spans: "2022 -"


# A round figure in the plural is a vague amount of its order: "100s of drones" are hundreds (100 to
# 999), "1,000s of shells" thousands; a year's plural is a decade, left out before ("the 1990s").
PLURAL_S = re.compile(r"s\b")


def _plural_figure(text: str, amount: Amount, offset: int) -> Amount:
    end = amount.end - offset
    if amount.unit is not None or not ROUND_FIGURE.match(amount.text) or not PLURAL_S.match(text, end):
        return amount
    low = float(amount.text.replace(",", ""))
    return Amount(amount.text + "s", low, low * 10 - 1, None, amount.start, amount.end + 1)


# "over" right after these verbs is their particle ("handed over 20 tanks"), not "more than".
PARTICLE_OVER = re.compile(r"\b(?:hand|turn|pass|sign)(?:s|ed|ing)?\s*$", re.IGNORECASE)
PARTICLE_OVER_WORDS = 1  # the most words it spans: "handed"


def _amount(match: re.Match[str], offset: int) -> Amount | None:
    if (match.group("bound") or "").lower() == "over" and ends_before(
        PARTICLE_OVER, match.string, match.start(), PARTICLE_OVER_WORDS
    ):
        rest = PATTERN.match(match.string, match.end("bound"))  # the same amount, without "over"
        return _amount(rest, offset) if rest is not None and rest.group("bound") is None else None
    rest_at = match.group("num") and reference_first(match.string, match.start("num"), match.group("num"))
    if rest_at:  # "On May 12 300 shells": the day is no part of the count
        rest = PATTERN.match(match.string, rest_at)
        return _amount(rest, offset) if rest is not None else None
    read = reading(match.groupdict(), match.string[match.end() :])
    if read is None:
        return None
    low, high, unit = read
    low, high = bounded(match.group("bound"), low, high)
    return Amount(match.group().strip(), low, high, unit, offset + match.start() + _lead(match), offset + match.end())


def _lead(match: re.Match[str]) -> int:
    return len(match.group()) - len(match.group().lstrip())
