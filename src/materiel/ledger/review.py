"""Recording an analyst's review of a transfer: a confirmation, a rejection, a correction of one
field or the undoing of a field's corrections, each checked before it is written."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Connection

from materiel.errors import UsageError
from materiel.ledger import schema
from materiel.ledger.queries import apply_reviews, load_transfers
from materiel.ledger.review_checks import checked_review


def record_review(
    connection: Connection,
    transfer_id: str,
    action: str,
    field: str | None = None,
    value: str | None = None,
    note: str | None = None,
    last: bool = True,
) -> None:
    """One action of a review, checked (`review_checks`) and written; `last` False: more of the same
    review follow, and the quantity range is checked after the last (a range moved up is set low
    first or high first, either way)."""
    value = checked_review(connection, transfer_id, action, field, value)
    connection.execute(
        schema.reviews.insert().values(transfer_id=transfer_id, action=action, field=field, value=value, note=note)
    )
    if last:
        _check_range(connection, transfer_id)


def _check_range(connection: Connection, transfer_id: str) -> None:
    """A quantity whose low end the corrections leave above its high end ("20-10") is refused;
    the caller's transaction drops what the review wrote."""
    r = schema.reviews
    query = select(r.c.id, r.c.action, r.c.field, r.c.value, r.c.note).where(r.c.transfer_id == transfer_id)
    reviews = [dict(review) for review in connection.execute(query.order_by(r.c.id)).mappings()]
    shown = apply_reviews(load_transfers(connection, transfer_id)[0], reviews)
    low, high = shown["quantity_low"], shown["quantity_high"]
    if low is not None and high is not None and low > high:
        raise UsageError(
            f"quantity_low {low:g} would be above quantity_high {high:g} of {transfer_id}: "
            "correct quantity_high first, or both in one review"
        )
