"""Routes: two legs A->B and B->C stated as one route become A->C via B."""

from __future__ import annotations

import re
from dataclasses import replace

from materiel.article import Actor, Span, Transfer
from materiel.extract.context import Context
from materiel.extract.lexicon import find_actors

# A route statement ("X transfers them to Y, which then ships them to Z") describes transfers
# reported within this many paragraphs of it.
ROUTE_WINDOW = 3
# How far after the first leg's sentence its onward leg is looked for: a sentence of usual length.
ONWARD_REACH = 400
ONWARD = re.compile(
    r"\b(?:then|in\ turn|onward|which\ (?:then\ )?(?:ships|sends|delivers|transfers|passes))\b"
    r"|\b(?:through|via)\b",
    re.IGNORECASE | re.VERBOSE,
)

# The onward leg in the sentence of the first: a relative clause on the middle state ("sold to
# Britain, which then ships them to Ukraine"), or a second participle with no object of its own
# ("sold to Britain and then sent to Ukraine", "bought by Poland before being passed on to Kyiv");
# a verb with an object of its own ("and then sent jets to Ukraine") is another transfer.
SAME_SENTENCE_ONWARD = re.compile(
    r""",?\s+(?:which|who)\s+(?:then\s+)?(?:ships|sends|delivers|transfers|passes|hands)\b.*
      | ,?\s+(?:and\s+then|then|and\s+later|before\s+being|to\s+be)\s+
        (?:sent|shipped|delivered|transferred|passed|handed|moved|re-?exported|forwarded)
        (?:\s+on)?\s+to\b.*""",
    re.IGNORECASE | re.VERBOSE,
)


def apply_routes(transfers: list[Transfer], context: Context) -> list[Transfer]:
    """Fold two legs A->B and B->C (stated as a route) into A->C via B."""
    out = list(transfers)
    for first in transfers:
        for end in _onward_legs(first, context):
            targets = [
                t
                for t in out
                if t.supplier
                and t.recipient
                and first.supplier
                and t.supplier.id == first.supplier.id
                and t.recipient.id == end
                and _near(t, first, context)
            ]
            if first in out:
                out.remove(first)
            if not targets:
                targets = [_rerouted(first, end, context)]
                out.append(targets[0])
            for target in targets:
                if first.recipient and all(v.id != first.recipient.id for v in target.via):
                    target.via.append(Actor(first.recipient.id, first.recipient.name))
                    target.via_span = target.via_span or _route_span(first, context.article.text)
    return out


def _rerouted(leg: Transfer, end: str, context: Context) -> Transfer:
    """The first leg A->B of a route with no A->C transfer of its own becomes A->C."""
    names = {m.id: m.name for m in find_actors(context.article.text)}
    return replace(leg, recipient=Actor(end, names.get(end, end)), via=[])


def _onward_legs(first: Transfer, context: Context) -> list[str]:
    """Recipients C of 'B then ships to C' statements that follow the leg A->B."""
    if first.supplier is None or first.recipient is None:
        return []
    middle = first.recipient.id
    same, onward = _onward(first, context.article.text)
    mentions = find_actors(onward)
    if same is None and (not mentions or mentions[0].id != middle or not ONWARD.search(onward)):
        return []
    return [m.id for m in mentions if m.id not in (middle, first.supplier.id)][:1]


def _onward(first: Transfer, text: str) -> tuple[re.Match | None, str]:
    """The onward leg told in the first leg's sentence (with its match), else the next sentence's
    opening (up to 400 characters)."""
    end = first.evidence[0].end
    same = SAME_SENTENCE_ONWARD.search(text[first.evidence[0].start : end])
    following = same.group() if same else text[end : end + ONWARD_REACH].strip()
    return same, re.split(r"(?<=[.!?])\s", following, maxsplit=1)[0]


def _route_span(first: Transfer, text: str) -> Span:
    """The sentences that told the route: the first leg's, and the next one where the onward leg
    is told there."""
    leg = first.evidence[0]
    same, onward = _onward(first, text)
    if same is not None:
        return leg
    following = text[leg.end : leg.end + ONWARD_REACH]
    start = leg.end + len(following) - len(following.lstrip())
    return Span(leg.start, start + len(onward))


def _near(target: Transfer, route: Transfer, context: Context) -> bool:
    def index(offset: int) -> int:
        return sum(1 for p in context.article.paragraphs() if p[0] <= offset)

    return abs(index(target.evidence[0].start) - index(route.evidence[0].start)) <= ROUTE_WINDOW
