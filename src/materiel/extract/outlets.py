"""Outlets named in text. A short name that is also something else in defence news ("Forbes" a
person's name, "Sputnik" a satellite, "Nikkei" a stock index; media.json "only_as_outlet") is an
outlet only where the words around it treat it as one ("told Forbes", "Sputnik reported",
"according to Nikkei"); the longer names ("Nikkei Asia") are outlets anywhere."""

from __future__ import annotations

import re
from functools import cache

from materiel.extract.lexicon import Mention, load, outlet_finder

# Words right before a name that make it an outlet.
OUTLET_BEFORE = re.compile(
    r"""
    \b(?:according\s+to                                           # "according to Nikkei"
      | (?:reported|cited|quoted|revealed|published|seen|obtained)\s+by  # "as reported by Forbes"
      | told|citing|cited                                         # "an official told Forbes"
      | (?:interview|interviewed|speaking|spoke|talking)\s+(?:with|to|by|on)  # "in an interview with Forbes"
      | (?:published|appeared|writing|wrote|written)\s+(?:in|for)  # "writing in Forbes"
      | (?:report|article|story|column|analysis)\s+(?:in|by|from|for))  # "a report by Nikkei"
    \s+(?:the\s+)?$
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words right after a name that make it an outlet.
OUTLET_AFTER = re.compile(
    r"""
    (?:\s+(?:first|also|previously|earlier))?(?:\s+(?:has|had))?  # "Sputnik first reported"
    \s+(?:reported|reports|wrote|writes|revealed|learned|learnt|cited|quoted)\b  # it reported
    | \s+(?:news\s+agency|agency|newspaper|magazine|daily|outlet|business\s+daily)\b  # "Sputnik news agency"
    | ['’]s?\s+(?:report|reporting|story|article|analysis|correspondent|journalist)\b  # "Nikkei's report"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# How much text before a name is read for the words that make it an outlet.
OUTLET_REACH = 40


@cache
def _only_as_outlet() -> frozenset[str]:
    return frozenset(load("media.json")["only_as_outlet"])


def find_outlets(text: str) -> list[Mention]:
    """The outlets named in the text (offsets in it), an ambiguous short name only as an outlet."""
    return [o for o in outlet_finder().find(text) if o.text not in _only_as_outlet() or _as_outlet(text, o)]


def cited_outlets(text: str) -> list[Mention]:
    """The outlets a source may be named by: a short name in brackets after the full one ("The
    Associated Press (AP)") not again, as the article names one outlet, printed in full."""
    found = find_outlets(text)
    return [o for n, o in enumerate(found) if not (n and _glosses(text, found[n - 1], o))]


def _glosses(text: str, full: Mention, short: Mention) -> bool:
    """The short name in brackets right after the outlet's full name: "The Associated Press (AP)"."""
    bracketed = text[full.end : short.start].strip() == "(" and text[short.end : short.end + 1] == ")"
    return full.name == short.name and bracketed


def _as_outlet(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - OUTLET_REACH) : mention.start]
    return OUTLET_BEFORE.search(before) is not None or OUTLET_AFTER.match(text, mention.end) is not None
