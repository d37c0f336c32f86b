"""Who "the two officials" or "both leaders" are: the two people an article named last before
them ("Sullivan held a call with Director Chang ... The two officials condemned the transfer of
missiles to Russia": Sullivan and Chang), the way readouts and joint statements go on after
naming who met."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.context import Context, Person

# Plural nouns for the people who met or spoke ("the two leaders", "both ministers").
PEOPLE = {"official", "leader", "minister", "president", "counterpart", "diplomat", "secretary", "envoy", "chief"}
# Words that count the people as two ("the two officials", "both leaders").
TWO = {"two", "both"}
# How many paragraphs before the pair's own the two people may be named in: a readout names who
# met in its first sentence and says what they did in the next paragraph.
PAIR_PARAGRAPHS = 1


def named_pair(context: Context, head: Token, at: int) -> list[Person]:
    """The two people "the two officials" (at `at`, an offset in the article) stand for; none for
    another phrase or where fewer than two people are named close enough before it."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or head.lemma_.lower() not in PEOPLE:
        return []
    if not any(c.dep_ in ("nummod", "det", "predet") and c.lower_ in TWO for c in head.children):
        return []
    since = _paragraph_start(context, at)
    people: list[Person] = []
    for person in reversed(context.people):
        if since <= person.start < at and not person.quoted and all(p.name != person.name for p in people):
            people.append(person)
    return people[:2] if len(people) >= 2 else []


def _paragraph_start(context: Context, at: int) -> int:
    """Where the paragraph `PAIR_PARAGRAPHS` before the one holding `at` starts."""
    starts = [p.offset for p in context.read() if p.offset <= at]
    return starts[-1 - PAIR_PARAGRAPHS] if len(starts) > PAIR_PARAGRAPHS else 0
