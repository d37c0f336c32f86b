"""A transfer's stage changed by a reading after the rules' and the scorer's, with the name of
that reading as its `status_reason` ("later sentence", "headline", ...) and the sentence that told
it as its `status_span` (None for the headline), so that a user sees what decided the stage a
ledger row holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from materiel.article import Span, Transfer

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


def restage(transfer: Transfer, status: str, reason: str, span: Span | None) -> None:
    """Give the transfer `status`, `reason` as what decided it and `span` as the sentence that told
    it, where the stage changes."""
    if status != transfer.status:
        transfer.status, transfer.status_reason, transfer.status_span = status, reason, span


def told_at(offset: int, sentence: SpacySpan) -> Span:
    """A parsed sentence of the paragraph at `offset`, in article offsets."""
    return Span(offset + sentence.start_char, offset + sentence.end_char)
