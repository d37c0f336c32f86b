"""Counts given to several parties "respectively": "Germany and France sent 20 and 30 tanks
respectively to Ukraine" gives Germany 20 and France 30, in the order the states are named."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from materiel.extract.context import Paragraph
from materiel.extract.lexicon import Mention
from materiel.extract.quantities import Amount

RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# What joins the counts of one list: "20 and 30", "10, 12 and 14", "five or six".
COUNT_JOIN = re.compile(r"\A\s*(?:,|,?\s+and|,?\s+or)\s+\Z", re.IGNORECASE)
# What may stand between the last count and its item: words, no punctuation ("30 Leopard 2 tanks").
TO_ITEM = re.compile(r"\A[\w\s-]*\Z")
# What joins the states of one list: "Germany and France", "Poland, the Czech Republic and Slovakia".
STATE_JOIN = re.compile(r"\A\s*(?:,|,?\s+and)\s+(?:the\s+)?\Z", re.IGNORECASE)
# Mention kinds that name a state a count may go with.
PARTY_KINDS = {"state", "alias", "demonym", "seat"}


def respective_count(paragraph: Paragraph, sentence: SpacySpan, item: Mention, party: str) -> Amount | None:
    """The count of a "respectively" list before the item that goes with `party`: the counts pair
    in order with the states of the list of states (as many as the counts) that names the party.
    Without "respectively", a list of states named before a list of as many counts pairs with it
    the same way ("Canada, Norway and Spain sent 8, 8 and 6 tanks")."""
    said = RESPECTIVELY.search(sentence.text) is not None
    counts = _count_list(paragraph, sentence, item)
    if len(counts) < 2:
        return None
    for states, end in _state_lists(paragraph, sentence):
        if len(states) == len(counts) and party in states and (said or end <= counts[0].start):
            return counts[states.index(party)]
    return None


def _state_lists(paragraph: Paragraph, sentence: SpacySpan) -> list[tuple[list[str], int]]:
    """The ids of the states a sentence names, in the lists they are joined in ("Germany and
    France", "Ukraine, Moldova and Georgia"), each with the offset where the list ends."""
    named = [
        m
        for m in paragraph.actors
        if sentence.start_char <= m.start < sentence.end_char and m.kind in PARTY_KINDS and m.id
    ]
    lists: list[tuple[list[str], int]] = []
    for before, mention in zip([None, *named], named, strict=False):
        joined = before is not None and STATE_JOIN.match(paragraph.text[before.end : mention.start])
        if joined and mention.id not in lists[-1][0]:
            lists[-1] = ([*lists[-1][0], mention.id or ""], mention.end)
        elif not joined:
            lists.append(([mention.id or ""], mention.end))
    return lists


def _count_list(paragraph: Paragraph, sentence: SpacySpan, item: Mention) -> list[Amount]:
    """The counts joined in a list right before the item ("20 and 30 tanks"), in order."""
    before = [a for a in paragraph.amounts if sentence.start_char <= a.start and a.end <= item.start and not a.is_money]
    if not before or not TO_ITEM.match(paragraph.text[before[-1].end : item.start]):
        return []
    chain = [before[-1]]
    for amount in reversed(before[:-1]):
        if not COUNT_JOIN.match(paragraph.text[amount.end : chain[0].start]):
            break
        chain.insert(0, amount)
    return chain
