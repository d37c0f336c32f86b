"""Items that each name their own receiver: "sold tanks to Pakistan and jets to Algeria", "will
send howitzers to Kyiv, radars to Chisinau and trucks to Tbilisi".

When one verb of giving moves several items and a 'to' phrase naming a party follows each of them,
English pairs them in order: each item goes to the first 'to' after it. The parser hangs the
second 'to' on the verb, on the first party or on the second item, so the pairing is read from the
order of the words: only for a verb, with 'to' phrases inside its clause (not a "force-to-force"
compound further on), at least two of them naming different parties, each with an item of its own
between it and the one before (otherwise the one 'to' is shared: "sent tanks and jets to Poland").

Where the parse gives no such pairs (it joins the second party to the first, "sold S-400 systems to
India and Su-30 fighters to Vietnam"; the cue is a noun, "the sale of F-16 jets to Turkey and of
Patriot missiles to Greece"; or each party comes before 'with' and its item, "supplies India with
S-400 systems and Vietnam with Su-30 fighters"), the pairs are read from the words alone: an item's
party is the one 'to' names right after it (before the next item, with no comma between), else the
one right before 'with' and it; the reading holds only where another item of the sentence has a
party of its own, a different one.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.docindex import doc_text
from materiel.extract.lexicon import Mention

# Dependency labels the parser gives a 'to' that names where something goes.
TO_LABELS = {"prep", "dative"}
# Between an item and its party: words with no clause break, then 'to' ("systems to India",
# "jets worth $2 billion to Turkey", "missiles to the Houthis").
TO_PARTY = re.compile(r"\A[^,;:()]*?\bto\s+(?:the\s+)?\Z", re.IGNORECASE)
# Between a party and its item: 'with' and up to three words ("India with S-400 systems", "Vietnam
# with 12 more Su-30 fighters").
WITH_ITEM = re.compile(r"\A\s+with\s+(?:[\w.,$-]+\s+){0,3}\Z", re.IGNORECASE)
# Kinds of actor name that do not receive: an adjective of origin, a maker.
NOT_RECEIVING = {"demonym", "maker"}


def own_receiver(cue: Token, item: Token, actors: list[Mention], items: list[Mention]) -> Mention | None:
    """The party in the first 'to' phrase after the item, when the cue's items alternate with 'to'
    phrases naming at least two different parties; None otherwise."""
    named = _to_parties(cue, actors, items) if item.i > cue.i and cue.pos_ == "VERB" else []
    if len({m.id for _, m in named}) < 2 or not _alternating(cue, named, items):
        return by_word_order(item, actors, items)
    return next((m for to, m in named if to.i > item.i), None)


def _to_parties(cue: Token, actors: list[Mention], items: list[Mention]) -> list[tuple[Token, Mention]]:
    """Each 'to' after the cue in its sentence whose object names a party, in order; not the end of
    a range of items ("from French howitzers to German vehicles"), whose object is an item."""
    found = []
    for token in cue.sent:
        if token.i <= cue.i or token.lower_ != "to" or token.dep_ not in TO_LABELS or cue not in token.ancestors:
            continue
        objects = [c for c in token.children if c.dep_ == "pobj" and not _is_item(c, items)]
        mention = treenames.mention_in(objects, actors)
        if mention is not None and mention.id is not None:
            found.append((token, mention))
    return found


def _is_item(token: Token, items: list[Mention]) -> bool:
    return any(m.start <= token.idx < m.end for m in items)


def _alternating(cue: Token, named: list[tuple[Token, Mention]], items: list[Mention]) -> bool:
    """Does an item stand between the cue (or the previous 'to' phrase's party) and each 'to'?"""
    doc = cue.doc
    starts = [cue.idx + len(cue.text)] + [doc[to.i + 1].idx for to, _ in named[:-1]]
    return all(
        any(start <= m.start and m.end <= to.idx for m in items) for start, (to, _) in zip(starts, named, strict=True)
    )


def by_word_order(item: Token, actors: list[Mention], items: list[Mention]) -> Mention | None:
    """The item's own party where the sentence gives two items two different parties, else None."""
    text, sentence = doc_text(item.doc), item.sent
    low, high = sentence.start_char, sentence.end_char
    mentions = sorted((m for m in items if low <= m.start < high), key=lambda m: m.start)
    mine = _own_mention(item, mentions)
    if mine is None:
        return None
    parties = [_party(text, mentions, index, actors, low, high) for index in range(len(mentions))]
    own = parties[mentions.index(mine)]
    if own is None or not any(p is not None and p.id != own.id for p in parties):
        return None
    return own


def _own_mention(item: Token, mentions: list[Mention]) -> Mention | None:
    """The item mention on the item's token, or the last one among its words ("HIMARS launchers")."""
    on = [m for m in mentions if m.start <= item.idx < m.end]
    if on:
        return on[0]
    within = [m for m in mentions if item.left_edge.idx <= m.start and m.end <= item.idx + len(item.text)]
    return within[-1] if within else None


def _party(
    text: str, mentions: list[Mention], index: int, actors: list[Mention], low: int, high: int
) -> Mention | None:
    """The party of the index-th item: named by 'to' after it, else before 'with' and it."""
    mention = mentions[index]
    after = mentions[index + 1].start if index + 1 < len(mentions) else high
    before = mentions[index - 1].end if index else low
    receiving = [a for a in actors if a.kind not in NOT_RECEIVING]
    to = [a for a in receiving if mention.end <= a.start < after and TO_PARTY.match(text[mention.end : a.start])]
    if to:
        return min(to, key=lambda a: a.start)
    with_ = [a for a in receiving if before <= a.start and a.end <= mention.start]
    return next((a for a in with_ if WITH_ITEM.match(text[a.end : mention.start])), None)
