"""States the article shows fighting each other: weapons between them are attacks, not supplies.

A sentence where one state attacks, invades, shells or fires at another ("Russia launched drones
at Ukraine", "Israel's strikes on Iran", "the invasion of Kuwait by Iraq" is left alone: only the
active order is read) makes the two belligerents in this article; a transfer between them, in
either direction, is then the attack itself read as a delivery ("Russia sent missiles into
Kyiv"), and is dropped. Only the nearest state before the act and the first after it count, so
a supplier named later in the sentence ("as Russia attacks Ukraine, Iran ships drones to
Russia") is not taken for a target, and a place where the fighting happens is no target
("bombing rebels in Syria").

Parties at open war since a year (`lexicons/wars.json`: Russia and Ukraine from 2014) are
belligerents in every article of that year or later, also where the article tells no act of war
("Ukraine must receive the support it needs to repel Russian forces"); an article without a date
is read as a recent one. A transfer whose own sentence dates it before the war began ("In 2010,
Russia delivered helicopters to Ukraine", in a 2023 article) is read in its own year.
"""

from __future__ import annotations

import re

from materiel.article import Transfer
from materiel.extract.context import Context
from materiel.extract.dates import claim_year
from materiel.extract.lexicon import find_actors, load

# Acts of war by one state on another, written in the active order (attacker, act, target).
# Each alternative keeps item names out: "attack helicopters" and "strike drones" are materiel.
ACT_OF_WAR = re.compile(
    r"""
    \binva(?:ded|des|ding|sion\ of)\b                          # "invaded", "its invasion of"
  | \battack(?:s|ed|ing)?(?:\ (?:on|against|in))?\b           # the verb, or the noun with its
                                                               # target ("attack helicopters" name
                                                               # no state after the act)
  | \bwar\ (?:on|against)\b | \baggression\ against\b           # "Russia's war on Ukraine"
  | \b(?:shell|bomb|bombard)(?:ed|ing)\b                        # artillery and air raids ("shells"
                                                               # and "bombs" are the items)
  | \bstrikes?\ (?:on|against|inside|deep\ inside)\b            # "struck" also strikes deals
  | (?<![\w-])(?:fired|fires|firing|launched|launches|launching)\b  # weapons sent at a target
                                                               # ("test-launching" sends nothing):
    (?:\s+[\w-]+){0,4}?\s+(?:at|on|against|into)\b              # "launched 40 drones at"
  | \boccup(?:ied|ies|ying|ation\ of)\b                         # "the parts it occupies"
  | (?<=['’]s\ )(?:[\w-]+\ ){0,2}?                                 # the attacker's own war, its
    (?:war|aggression|offensive)\ (?:in|on|against)\b              # aggression: "Russia's full-scale
                                                               # war in Ukraine" ("the war in
                                                               # Ukraine" names no attacker)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# How far (in characters) the attacker may stand before the act ("Russia on Tuesday launched").
NEAR = 60
# What stands between a state and the act when the state is not the attacker.
NOT_ATTACKER = re.compile(
    r"""
    \b(?:its|it|their|they|his|her|he|she)\b   # a pronoun is the attacker ("the US believed it to be
                                             # ahead of its invasion of Ukraine")
  | [;.!?]                                   # a clause ends ("British interests; the attack on")
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The target follows the act at once, with at most these words between ("invasion of the
# eastern ..."); a state further on is where something else happens ("bombing rebels in Syria").
TARGET_GAP = re.compile(r"\s*(?:(?:the|of|northern|southern|eastern|western|central)\s+)*", re.IGNORECASE)


# Parties at open war, with the year each war began.
WARS: list[tuple[frozenset[str], int]] = [(frozenset(w["pair"]), w["since"]) for w in load("wars.json")["wars"]]


def standing_wars(year: int | None) -> set[frozenset[str]]:
    """The pairs at open war in the article's year; all of them when it has no date."""
    return {pair for pair, since in WARS if year is None or year >= since}


def hostile_pairs(context: Context) -> set[frozenset[str]]:
    """Pairs of states one of which the article shows attacking the other, read from every
    paragraph once per article: the war is often told where no materiel is named, so outside
    what the NLP parsed."""
    if context.shown_at_war is None:
        context.shown_at_war = _read_hostile_pairs(context)
    return context.shown_at_war


def _read_hostile_pairs(context: Context) -> set[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    for _, text in context.article.paragraphs():
        acts = list(ACT_OF_WAR.finditer(text))
        if not acts:
            continue
        states = [m for m in find_actors(text, context.year) if m.id and m.id.isupper()]
        for act in acts:
            before = [m for m in states if act.start() - NEAR <= m.end <= act.start()]
            if before and NOT_ATTACKER.search(text, before[-1].end, act.start()):
                continue
            after = [m for m in states if m.start >= act.end() and _adjoins(text, act.end(), m.start)]
            if before and after and before[-1].id != after[0].id:
                pairs.add(frozenset((before[-1].id, after[0].id)))
    return pairs


def _adjoins(text: str, end: int, start: int) -> bool:
    return TARGET_GAP.fullmatch(text, end, start) is not None


def war_pairs(context: Context) -> set[frozenset[str]]:
    """The pairs `drop_hostile` removes when a transfer has no date of its own: shown fighting, or
    at open war in the article's year (training's cross-validation applies it as shipped)."""
    return hostile_pairs(context) | standing_wars(context.year)


def drop_hostile(transfers: list[Transfer], context: Context) -> list[Transfer]:
    """The transfers that are not between two states the article shows at war."""
    if not transfers:
        return transfers
    pairs = hostile_pairs(context)
    return [t for t in transfers if not (t.supplier and t.recipient and _at_war(t, pairs, context))]


def _at_war(transfer: Transfer, shown: set[frozenset[str]], context: Context) -> bool:
    """The two are shown fighting in the article, or at open war in the transfer's year (its own
    date, else the article's)."""
    pair = _pair(transfer)
    if pair in shown:
        return True
    if not any(pair == war for war, _ in WARS):
        return False
    return pair in standing_wars(claim_year(transfer, context) or context.year)


def _pair(transfer: Transfer) -> frozenset[str]:
    return frozenset((transfer.supplier.id, transfer.recipient.id))
