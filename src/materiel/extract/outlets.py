"""Outlets named in text. A short name that is also something else in defence news ("Forbes" a
person's name, "Sputnik" a satellite, "Nikkei" a stock index; media.json "only_as_outlet") is an
outlet only where the words around it treat it as one ("told Forbes", "Sputnik reported",
"according to Nikkei"); the longer names ("Nikkei Asia") are outlets anywhere. A name no lexicon
lists is an outlet where the words around it say so ("the Israeli newspaper X", "the X news agency",
"Radio X", "the X Tribune reported"): the press cites outlets no list holds (`marked_outlets`)."""

from __future__ import annotations

import re
from functools import cache

from materiel.extract.lexicon import Mention, find_actors, load, outlet_finder

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
    """The outlets the lexicon lists named in the text (offsets in it), an ambiguous short name
    only as an outlet."""
    return [o for o in outlet_finder().find(text) if o.text not in _only_as_outlet() or _as_outlet(text, o)]


def source_outlets(text: str) -> list[Mention]:
    """The outlets a source may be: those the lexicon lists and the names the words around them
    mark as outlets. Speakers' names keep to `find_outlets`: an unlisted outlet's name reads as
    a person's or a body's there as before."""
    known = find_outlets(text)
    marked = [m for m in marked_outlets(text) if not any(o.start < m.end and m.start < o.end for o in known)]
    return sorted(known + marked, key=lambda o: o.start)


def cited_outlets(text: str) -> list[Mention]:
    """The outlets a source may be named by: a short name in brackets after the full one ("The
    Associated Press (AP)") not again, as the article names one outlet, printed in full."""
    found = source_outlets(text)
    return [o for n, o in enumerate(found) if not (n and _glosses(text, found[n - 1], o))]


def _glosses(text: str, full: Mention, short: Mention) -> bool:
    """The short name in brackets right after the outlet's full name: "The Associated Press (AP)"."""
    bracketed = text[full.end : short.start].strip() == "(" and text[short.end : short.end + 1] == ")"
    return full.name == short.name and bracketed


def _as_outlet(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - OUTLET_REACH) : mention.start]
    return OUTLET_BEFORE.search(before) is not None or OUTLET_AFTER.match(text, mention.end) is not None


# A name as the press prints an outlet's: up to five capitalised words or numbers, with the
# lower-case particles of other languages inside ("Corriere della Sera", "Channel 4").
NAME = r"(?-i:(?:The\s+)?[A-Z][\w&'’-]*(?:\s+(?:(?:of|de|della|del|di|la|le|el|al)\s+)?(?:[A-Z][\w&'’-]*|\d+)){0,4})"
# Nouns for an outlet, in front of its name or after it.
OUTLET_NOUN = r"""(?:newspaper|daily|weekly|tabloid|magazine|broadcaster|news\s+agency|press\s+agency
    |news\s+(?:site|website|outlet|channel|portal)|outlet|paper|publication)"""
# Each pattern read on its own, as one name may end one and open another ("the Israeli newspaper X").
MARKED = tuple(
    re.compile(p, re.VERBOSE)
    for p in (
        # an outlet's noun before the name: "the Israeli newspaper X", "a paper like X" (not a
        # government's white paper)
        rf"(?<!white\s)\b{OUTLET_NOUN}\s+(?:like\s+|such\s+as\s+)?\[?(?P<name>{NAME})",
        # an outlet's noun after the name: "the X newspaper", "X news agency" (not "X TV", which is
        # as often a place's tower or a pundit's channel)
        rf"""(?P<name>{NAME})\]?\s+(?:newspaper|daily|news\s+agency|press\s+agency|magazine|broadcaster|tabloid
            |weekly|news\s+(?:site|website|portal))\b""",
        # a name of an outlet's shape: "Radio X", "Agencia X", "Agence X"
        rf"\b(?P<name>(?:Radio|Agencia|Agence|Agenzia)\s+{NAME})",
        # and "X News Agency", "the X Tribune", "the X Post", "the X Times"
        rf"""(?P<name>{NAME}\s+(?:News\s+Agency|Press\s+Agency|Television|Tribune|Gazette|Herald|Post|Times|Journal
            |Telegraph|Chronicle))\b""",
    )
)
# A name in the possessive is the outlet's owner, not the outlet ("Woodward's newspaper").
POSSESSIVE = re.compile(r"['’]s?$")
# Words a run of capitals before or after an outlet's noun may be that name no outlet: days and
# months ("the Sunday paper", "the paper Monday"), and a run that opens a sentence ("Officials").
NOT_OUTLET_WORDS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December The This That Its Their His Her A An Published Updated Posted""".split()  # noqa: SIM905
)


def marked_outlets(text: str) -> list[Mention]:
    """Names no lexicon lists that the words around them mark as outlets: an outlet's noun before
    or after the name ("the Israeli newspaper X", "the X news agency") or a name of an outlet's
    shape ("Radio X", "X News Agency", "the X Tribune"); never a state, its people or a body the
    actors' lexicon knows ("the Russian newspaper", "Pentagon TV")."""
    found = []
    for match in (m for pattern in MARKED for m in pattern.finditer(text)):
        start, end = match.span("name")
        name = match.group("name")
        if name.startswith("The ") and " " in name[4:]:  # "the Harbour Tribune", but "The National"
            start, name = start + 4, name[4:]
        name = _before_actor(name)
        end = start + len(name)
        if not name or name.removeprefix("The ").split()[0] in NOT_OUTLET_WORDS or POSSESSIVE.search(name):
            continue
        if _known_actor(name.removeprefix("The ")):
            continue
        if not any(f.start < end and start < f.end for f in found):
            found.append(Mention(None, name, name, start, end, "outlet"))
    return sorted(found, key=lambda f: f.start)


def _before_actor(name: str) -> str:
    """The name up to an actor the lexicon knows inside it, which the sentence goes on about ("the
    daily X Germany would send": "X")."""
    inside = [a.start for a in find_actors(name) if a.start > 0]
    return name[: min(inside)].rstrip() if inside else name


def _known_actor(name: str) -> bool:
    """A name the actors' lexicon reads, whole or in its first word ("Russian", "Pentagon", "NATO")."""
    return any(a.start == 0 for a in find_actors(name))
