"""The price of a deal for named items, for each other kind of item of the pair that the article
gives no amount of its own.

A deal between two states for named items is often priced once: "Seoul signed a $4 billion contract
to supply Warsaw with rocket launchers. Seoul will also deliver guided missiles to Poland". The
launchers take the sum in their sentence; the missiles, which no sentence counts or prices, are the
same pair's business at the same stage, and the sum is the only measure the article gives of them.
So a transfer left with no quantity takes the money another transfer of named items between the
same supplier and recipient, at the same stage, was given, when that is one sum read outside the
transfer's own sentences. Not an aid package's total or a fund ("a $400 million package that
includes HIMARS": the whole's money is no item's), nor a sum in the transfer's own sentence, which
`choose_quantity` already weighed; two different sums for the pair leave it open (which deal
bought these?), as does a count: "20 tanks" says nothing of how many guns came with them.
"""

from __future__ import annotations

from dataclasses import replace

from materiel.article import Quantity, Transfer
from materiel.extract.singular import NOT_COUNTED

# Stages of one deal: a sum promised and a delivery of it are one deal's, a request is not.
STAGE_CLASS = {
    "delivered": "executed",
    "in_progress": "executed",
    "pledged": "committed",
    "requested": "potential",
    "considered": "potential",
    "postponed": "potential",
    "refused": "negative",
    "cancelled": "negative",
}


def price_from_deal(transfers: list[Transfer]) -> None:
    """Give each transfer with no quantity the one sum its pair's other transfers of named items at
    its stage have, read outside its own sentences."""
    for transfer in transfers:
        if transfer.quantity is None:
            sum_ = _deal_sum(transfer, transfers)
            transfer.quantity = replace(sum_) if sum_ is not None else None


def _deal_sum(transfer: Transfer, transfers: list[Transfer]) -> Quantity | None:
    sums = {
        (other.quantity.low, other.quantity.high, other.quantity.unit): other.quantity
        for other in transfers
        if other is not transfer
        and other.item.category not in NOT_COUNTED
        and _same_deal(transfer, other)
        and _money(other.quantity)
        and not _in_evidence(other.quantity, transfer)
    }
    return next(iter(sums.values())) if len(sums) == 1 else None


def _same_deal(transfer: Transfer, other: Transfer) -> bool:
    pair = _pair(transfer)
    return (
        None not in pair
        and _pair(other) == pair
        and STAGE_CLASS.get(transfer.status or "") == STAGE_CLASS.get(other.status or "")
    )


def _in_evidence(quantity: Quantity, transfer: Transfer) -> bool:
    """The sum is read in one of the transfer's own sentences."""
    span = quantity.span
    return span is not None and any(e.start <= span.start < e.end for e in transfer.evidence)


def _pair(transfer: Transfer) -> tuple[str | None, str | None]:
    return (
        transfer.supplier.id if transfer.supplier else None,
        transfer.recipient.id if transfer.recipient else None,
    )


def _money(quantity: Quantity | None) -> bool:
    return quantity is not None and quantity.unit is not None and quantity.low is not None
