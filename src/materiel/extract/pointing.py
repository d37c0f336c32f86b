"""Generic nouns that point back at an item named before them: "such weapons", "these arms",
"the Iranian-supplied weapons".

A definite or demonstrative word before "weapons" or "arms" makes the noun stand for something
the reader already knows. Beside a named item of the same supplier and recipient it is that item
again (transfers.without_anaphoric_generics drops it); with no named item of its own pair it
takes the kind of the item it points at, named in its sentence or the one before ("Spain would
not send cluster bombs. Germany, too, said it would not provide such weapons": ammunition).
A bare noun points at nothing: "refused to supply arms to Ukraine", "US arms exports".
"""

from __future__ import annotations

import re
from dataclasses import replace

from materiel.article import Span, Transfer
from materiel.extract.lexicon import find_items

# What makes a generic noun point back: a definite or demonstrative word right before it, or
# before at most two modifiers ("the weapons", "such weapons", "the Iranian-supplied weapons");
# a preposition or conjunction between ends the phrase ("the supply of arms", "such as arms").
POINTING = re.compile(
    r"""\b(?:(?P<the>the)                           # "the weapons", "the Iranian-supplied weapons"
        |these|those|this|such)                     # "such weapons", "this massive arms transfer"
                                                    # ("that" is left out: "said that weapons ...")
      \s+(?:(?!(?:of|for|to|in|from|on|with|by|and|or|as)\b)[\w'’-]+\s+){0,2}$""",
    re.IGNORECASE | re.VERBOSE,
)
# How far back (in characters) the words before a generic are read for its pointing word.
POINTING_REACH = 60
# After "the": a noun that makes the generic its modifier ("the arms shipments from Britain" are
# a trade of their own; a demonstrative still points: "this arms transfer"), or a clause that
# says which ones are meant ("the weapons that it needs", "the weapons Kyiv asked for").
NOT_BACK_AFTER_THE = re.compile(
    r"""\s+(?:shipments?|exports?|sales?|deliver(?:y|ies)|suppl(?:y|ies)|transfers?|deals?
          |packages?|trade|industry|embargo|licen[cs]es?    # "the arms sales", "the arms embargo"
        |that|which|it|they|he|she|we|you                   # a relative clause
        |[A-Z]\w*)\b                                        # a clause with its subject named""",
    re.VERBOSE,
)
# Generic nouns whose pointing is read: weapons and arms, not aid or packages (the gold keeps
# "the package" as unspecified beside what it lists).
POINTING_NOUNS = re.compile(r"(?:weapons?|arms|weaponry)", re.IGNORECASE)
# Sentence ends: a stop and its spaces, or line breaks (a blank line between paragraphs is one end).
STOP = re.compile(r"[.!?][\"”’)]*\s+|\n+")
# A possessive after the generic: "these weapons' countermeasures", "the arms's makers" name what
# belongs to the weapons, not the weapons, so the generic takes no kind from them.
POSSESSIVE = re.compile(r"['’](?:s\b)?")
# Categories a pointing generic never takes from its antecedent: they are no kind of weapon.
NO_KIND = {"unspecified", "funding"}


# The head of a compound that a bare "arms" or "weapons" only modifies, when it names no transfer:
# a document, a body, a trade's makers or its rules ("the government's arms export report", "the
# arms industry", "an arms control treaty"). Beside a named item of its pair such a word is no
# transfer of its own, as a pointing one is not.
NOT_MOVED_HEAD = re.compile(
    r"""(?:\s+(?:export|import|sales?|trade|transfer|supply)(?=\s))*   # "arms export", "arms trade"
      \s+(?:reports?|registers?|data|figures|statistics|database
        |control|treaty|treaties|laws?|rules|regimes?|polic(?:y|ies)  # the trade's rules
        |industry|industries|companies|company|firms?|makers?|manufacturers?|producers?
        |dealers?|brokers?|fairs?|expos?|shows?|race|market|business|lobby)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def names_no_transfer(text: str, span: Span | None) -> bool:
    """Whether the generic noun at `span` modifies a noun that names no transfer (NOT_MOVED_HEAD)."""
    return span is not None and NOT_MOVED_HEAD.match(text, span.end) is not None


def pointing_back(text: str, span: Span | None) -> bool:
    """Whether the generic noun at `span` points back at an item named before (POINTING); one
    with no span is taken to, as before a determiner could be read."""
    if span is None:
        return True
    found = POINTING.search(text[max(0, span.start - POINTING_REACH) : span.start])
    if found is None:
        return False
    return not (found.group("the") and NOT_BACK_AFTER_THE.match(text, span.end))


def with_pointed_kinds(transfers: list[Transfer], text: str) -> list[Transfer]:
    """The transfers with a pointing "weapons" or "arms" of a pair that has no named item of its
    own put under the kind of the nearest item named before it, in its sentence or the one
    before; one that would repeat a transfer of its pair is left as it was."""
    specific = {_pair(t) for t in transfers if t.item.category not in NO_KIND}
    taken = {(*_pair(t), t.item.category) for t in transfers}
    out = []
    for transfer in transfers:
        kind = _pointed_kind(transfer, text) if _pair(transfer) not in specific else None
        if kind is not None and (*_pair(transfer), kind) not in taken:
            taken.add((*_pair(transfer), kind))
            transfer = replace(transfer, item=replace(transfer.item, category=kind))
        out.append(transfer)
    return out


def _pair(transfer: Transfer) -> tuple[str | None, str | None]:
    return (transfer.supplier.id if transfer.supplier else None, transfer.recipient.id if transfer.recipient else None)


def _pointed_kind(transfer: Transfer, text: str) -> str | None:
    item = transfer.item
    if item.category != "unspecified" or item.span is None or transfer.quantity is not None:
        return None
    if not POINTING_NOUNS.fullmatch(item.text) or not pointing_back(text, item.span):
        return None
    if POSSESSIVE.match(text, item.span.end):
        return None
    stops = [m.end() for m in STOP.finditer(text, 0, item.span.start)]
    start = stops[-2] if len(stops) > 1 else 0
    named = [m for m in find_items(text[start : item.span.start]) if m.id not in NO_KIND]
    return named[-1].id if named else None
