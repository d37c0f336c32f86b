"""Amounts a sentence tells of something other than its item: a relative clause's figure said of a
party ("Japan, whose defence budget is $55 billion, ..."; "Ukraine, whose army has lost 500
tanks"), a sum of civilian aid ("and $1 billion in humanitarian aid"), or a budget ("a defence
budget of $50 billion"). None of them is the number or price of the items moved."""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract.civilian import CIVILIAN_AID
from materiel.extract.context import Paragraph
from materiel.extract.cuekinds import cue_kind
from materiel.extract.lexicon import Mention
from materiel.extract.quantities import Amount

# The aid a sum is said to be in, after it: "$1 billion in humanitarian aid", "€50 million of
# economic assistance"; the modifiers before the noun are read by civilian.CIVILIAN_AID.
AID_AFTER = re.compile(
    r"""\s+(?:in|of)\s+  # $1 billion in, €50 million of (matched at the sum's end)
        (?P<modifiers>(?:[\w-]+\s+){1,3}?)  # humanitarian, economic and financial
        (?:aid|assistance|support|relief)\b  # the aid noun""",
    re.IGNORECASE | re.VERBOSE,
)

# What makes the sum after it a state's spending, not a price: "a defence budget of $50 billion",
# "whose military budget is $55 billion", "military spending of $20 billion", "budget stood at".
BUDGET_BEFORE = re.compile(
    r"""\b(?:budget|spending|expenditure)s?\s+  # a budget, its spending
        (?:of|is|was|stands\s+at|stood\s+at|reached|totall?ed|amounts\s+to|amounted\s+to)\s+  # of, is, reached
        (?:(?:about|some|around|nearly|almost|over|more\s+than)\s+)?\Z  # a bound: is about
    """,
    re.IGNORECASE | re.VERBOSE,
)
BUDGET_REACH = 60  # characters before a sum read for its budget: "defence budget stood at about "
# What makes a sum spent on items after all: "spending of €100 million on drones".
SPENT_ON = re.compile(r"\s+on\b", re.IGNORECASE)


def civilian_sum(text: str, amount: Amount) -> bool:
    """The sum is one of civilian aid or a budget: never what the items of a transfer cost."""
    aid = AID_AFTER.match(text, amount.end)
    if aid is not None and CIVILIAN_AID.search(aid.group("modifiers")):
        return True
    budget = BUDGET_BEFORE.search(text, max(0, amount.start - BUDGET_REACH), amount.start) is not None
    return budget and SPENT_ON.match(text, amount.end) is None


def told_of_party(paragraph: Paragraph, amount: Amount, item: Mention) -> bool:
    """The amount stands in a relative clause on a party ("Japan, whose budget is $55 billion,";
    "Ukraine, whose army has lost 500 tanks") and is none of the item's: the item is outside the
    clause, or the amount is a count no word of the clause above it moves or asks for ("lost"). A
    count the clause moves stays ("Ukraine, which received 31 Abrams tanks,"), and so does the
    price the clause gives its own item ("Poland, which paid $4.75 billion for Abrams tanks,")."""
    span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None:
        return False
    path = [span.root, *span.root.ancestors]
    clause = next((t for t in path if t.dep_ == "relcl"), None)
    if clause is None or not _is_party(paragraph, clause.head):
        return False
    if not _start(clause.left_edge) <= item.start < _end(clause.right_edge):
        return True
    return not amount.is_money and not any(cue_kind(t) is not None for t in path[: path.index(clause) + 1])


def _is_party(paragraph: Paragraph, token: Token) -> bool:
    return any(m.start <= token.idx < m.end for m in paragraph.actors)


def _start(token: Token) -> int:
    return token.idx


def _end(token: Token) -> int:
    return token.idx + len(token.text)
