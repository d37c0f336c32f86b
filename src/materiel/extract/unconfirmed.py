"""Unconfirmed: a sentence naming no one but the transfer's parties that says it has not been
confirmed, in the transfer's evidence or right after it. `disclosure` reads it as the supplier not
having owned the transfer (unacknowledged)."""

from __future__ import annotations

import re

from materiel.article import Span, Transfer
from materiel.extract.context import Context
from materiel.extract.evidence import evidence_and_next
from materiel.extract.stances import UNCONFIRMED_PASSIVE, unconfirmed_detail

# A sentence with no one in it saying the transfer is unconfirmed ("The transfer has not been
# officially confirmed", "There has been no official confirmation"): the supplier has not owned
# it. The subject must be the transfer or the report, not a detail ("the number has not been
# confirmed"); "independently" is the outlet's own check, not the supplier's silence.
UNCONFIRMED = re.compile(
    rf"""
    {UNCONFIRMED_PASSIVE}                                             # "the transfer has not been confirmed"
  | \bno\ (?:official|public|government)\ (?:confirmation|acknowledge?ment)\b  # "there has been no
                                                                      # official confirmation"
  | \bunconfirmed\ (?:reports?|claims?)\b                               # "unconfirmed reports say"
    """,
    re.IGNORECASE | re.VERBOSE,
)


def unconfirmed_in(transfer: Transfer, context: Context) -> Span | None:
    """The first of the transfer's evidence sentences, or of the sentences right after them in
    their paragraph, that says no one has confirmed it and names no one but its parties ("no
    official confirmation from Athens"; not "the deal with France has not been confirmed")."""
    parties = {transfer.supplier and transfer.supplier.id, transfer.recipient and transfer.recipient.id}
    for paragraph, sentence, at in evidence_and_next(transfer, context):
        named = {m.id for m in paragraph.actors if sentence.start_char <= m.start < sentence.end_char}
        said = [m for m in UNCONFIRMED.finditer(sentence.text) if not unconfirmed_detail(sentence.text, m)]
        if named <= parties and said:
            return at
    return None
