"""Items that each name their own receiver: "sold tanks to Pakistan and jets to Algeria", "will
send howitzers to Kyiv, radars to Chisinau and trucks to Tbilisi".

When one verb of giving moves several items and a 'to' phrase naming a party follows each of them,
English pairs them in order: each item goes to the first 'to' after it. The parser hangs the
second 'to' on the verb, on the first party or on the second item, so the pairing is read from the
order of the words: only for a verb, with 'to' phrases inside its clause (not a "force-to-force"
compound further on), at least two of them naming different parties, each with an item of its own
between it and the one before (otherwise the one 'to' is shared: "sent tanks and jets to Poland").
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.lexicon import Mention

# Dependency labels the parser gives a 'to' that names where something goes.
TO_LABELS = {"prep", "dative"}


def own_receiver(cue: Token, item: Token, actors: list[Mention], items: list[Mention]) -> Mention | None:
    """The party in the first 'to' phrase after the item, when the cue's items alternate with 'to'
    phrases naming at least two different parties; None otherwise."""
    if item.i <= cue.i or cue.pos_ != "VERB":
        return None
    named = _to_parties(cue, actors, items)
    if len({m.id for _, m in named}) < 2 or not _alternating(cue, named, items):
        return None
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
