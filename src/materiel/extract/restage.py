"""A transfer's stage changed by a reading after the rules' and the scorer's, with the name of
that reading as its `status_reason` ("later sentence", "headline", ...), so that a user sees what
decided the stage a ledger row holds."""

from __future__ import annotations

from materiel.article import Transfer


def restage(transfer: Transfer, status: str, reason: str) -> None:
    """Give the transfer `status`, and `reason` as what decided it, where the stage changes."""
    if status != transfer.status:
        transfer.status, transfer.status_reason = status, reason
