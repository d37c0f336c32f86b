"""Whether a clause that says an item moved tells the item's earlier history rather than its move
in the transfer at hand: "will send Ukraine 15 Gepard guns that were delivered to Qatar years ago",
"will give Ukraine 13 MiG-29 jets, which were shipped to Slovakia in the 1990s". Such a clause
went to another party than the transfer's recipient, or is dated before the clause that tells the
transfer; it gives the item no stage of its own (itemstage._moved_since)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract.clause import done
from materiel.extract.dates import OTHER_CLAUSE
from materiel.extract.docindex import sentence_ents
from materiel.extract.lexicon import find_actors
from materiel.extract.syntax import cue_kind
from materiel.extract.treenames import prep_objects

# Prepositions that name where an item went: "delivered to Qatar", "shipped into Poland".
DESTINATIONS = {"to", "into"}
# And, for a verb of arrival only, where it came to be: "arrived in Poland", "landed at Rzeszow".
ARRIVED_AT = {"in", "at"}
# Time nouns that, before "ago", put an act years back: "years ago", "two decades ago", "a
# decade ago" ("a year ago", "months ago" may be after the pledge the article tells).
LONG_AGO = {"years", "decades", "decade"}
DATE_YEAR = re.compile(
    r"""
    \b(?P<decade>(?:19|20)\d)0s\b      # a decade: "the 1990s", "in the early 2000s" (its last year)
  | \b(?P<year>(?:19|20)\d\d)\b        # a year written out: "in 1995", "in March 2023"
  | \b(?P<last>last\ year)\b           # the year before the article's
    """,
    re.IGNORECASE | re.VERBOSE,
)
# How far back a pledge told in the past tense with no date of its own may lie: a report tells of
# a pledge of its own year or the one before, so only a move dated before that (two or more years
# before the report) is the item's earlier life ("pledged 14 tanks, which arrived last year" is
# still the pledge's delivery).
PAST_REACH = 1


def earlier_history(verb: Token, main: Token, recipient: str | None, year: int | None) -> bool:
    """The moved clause `verb` tells of another party or an earlier time than the clause `main`
    that tells the transfer to `recipient` (an actor id), in an article of `year`."""
    return _went_elsewhere(verb, recipient, year) or _long_ago(verb) or _dated_before(verb, main, year)


def _went_elsewhere(verb: Token, recipient: str | None, year: int | None) -> bool:
    """'delivered to Qatar', 'delivered to the French air force', 'arrived in Poland': a named
    party or place that is not the transfer's recipient ('to Ukrainian troops', 'in Kyiv' are)."""
    preps = DESTINATIONS | (ARRIVED_AT if cue_kind(verb) == "arrive" else set())
    for place in prep_objects(verb, preps):
        phrase = place.doc[place.left_edge.i : place.right_edge.i + 1].text
        named = {m.id for m in find_actors(phrase, year) if m.id}
        if named and recipient not in named:
            return True
    return False


def _long_ago(verb: Token) -> bool:
    """'that were delivered to Qatar years ago', 'which arrived two decades ago'."""
    agos = [t for t in verb.subtree if t.lower_ == "ago"]
    return any(c.lower_ in LONG_AGO for a in agos for c in a.children)


def _dated_before(verb: Token, main: Token, year: int | None) -> bool:
    """A year in the moved clause before the main clause's own year, else before the article's
    (PAST_REACH before it when the main clause is past): 'will send jets, which were shipped to
    Slovakia in the 1990s'; 'pledged jets in 2015, which arrived in 2016' is no history. With no
    year of the article, any dated past move is before a main clause still to come ('will send')."""
    clause = {t.i for t in verb.subtree}
    told = _year_in([e for e in sentence_ents(verb.sent) if e.root.i in clause], year)
    if told is None:
        return False
    own = _year_in([e for e in sentence_ents(verb.sent) if e.root.i not in clause and _dates(e.root, main)], year)
    if own is not None:
        return told < own
    if year is None:
        return not done(main)
    return told < (year - PAST_REACH if done(main) else year)


def _dates(token: Token, main: Token) -> bool:
    """The date hangs from the main verb through no other clause and no noun ('In 2015, Germany
    pledged'; not the '2000' of 'Mirage 2000 jets')."""
    while token.i != main.i:
        if token.dep_ in OTHER_CLAUSE or token.head.i == token.i:
            return False
        token = token.head
        if token.i != main.i and token.pos_ in ("NOUN", "PROPN"):
            return False
    return True


def _year_in(entities: list, year: int | None) -> int | None:
    """The first year a DATE entity names: a year, a decade's last year, 'last year'."""
    for entity in entities:
        match = DATE_YEAR.search(entity.text) if entity.label_ == "DATE" else None
        if match is None:
            continue
        if match.group("decade"):
            return int(match.group("decade")) * 10 + 9
        if match.group("year"):
            return int(match.group("year"))
        if year is not None:
            return year - 1
    return None
