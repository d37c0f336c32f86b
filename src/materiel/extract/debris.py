"""Debris as evidence of a supply: what is left of a weapon shown to prove who supplied it
("debris of the missile shows it was made in North Korea"). Others tell of the supply from it;
the supplier has not owned it. Debris merely told of ("fragments of a missile they downed were
shown to reporters", "its wreckage fell on a school") proves nothing about the supply.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Span, Transfer
from materiel.extract.context import Context, Paragraph
from materiel.extract.evidence import evidence_and_next

# What is left of a weapon, as the subject of a finding ("the debris of ... shows").
DEBRIS = {"debris", "wreckage", "remnants", "fragments", "remains"}
# Verbs of a finding that the debris is the subject of (lemmas): "shows", "proved", "revealed",
# "indicate", "points to".
SHOWING = {"show", "prove", "reveal", "indicate", "point"}


def debris_shows(transfer: Transfer, context: Context) -> Span | None:
    """The first of the transfer's evidence sentences, or of the sentences right after them in
    their paragraph, in which debris shows something of the supplier or its item: the debris
    phrase or the verb's finding names the supplier or holds the transfer's item."""
    for paragraph, sentence, at in evidence_and_next(transfer, context):
        verbs = [_finding(t) for t in sentence if t.lower_ in DEBRIS]
        if any(v is not None and _of_supplier(v, paragraph, transfer) for v in verbs):
            return at
    return None


def _finding(debris: Token) -> Token | None:
    """The verb of showing that the debris phrase ("debris of X") is the active subject of,
    unnegated ("did not show" proves nothing), with "to" after "point"."""
    verb = debris.head
    if debris.dep_ != "nsubj" or verb.lemma_ not in SHOWING or not any(c.lower_ == "of" for c in debris.children):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if verb.lemma_ == "point" and not any(c.lower_ == "to" for c in verb.children):
        return None
    return verb


def _of_supplier(verb: Token, paragraph: Paragraph, transfer: Transfer) -> bool:
    """The finding (the verb with its subject and what it shows) names the supplier or holds the
    transfer's item."""
    clause: SpacySpan = verb.doc[verb.left_edge.i : verb.right_edge.i + 1]
    start, end = paragraph.offset + clause.start_char, paragraph.offset + clause.end_char
    supplier = transfer.supplier.id if transfer.supplier else None
    named = any(m.id == supplier and start <= paragraph.offset + m.start < end for m in paragraph.actors)
    item = transfer.item.span
    return named or (item is not None and start <= item.start < end)
