"""Recording an analyst's review of a transfer: a confirmation, a rejection, a correction of one
field or the undoing of a field's corrections, each checked before it is written."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Connection

from materiel.errors import NotFound, UsageError
from materiel.ledger import schema
from materiel.ledger.queries import CORRECTIONS, REVIEWABLE, apply_reviews, canonical_value, check_field, load_transfers

# What a review records: a confirmation, a rejection, a correction of one field, or the undoing of
# a field's corrections (back to the value extracted from the reports).
REVIEW_ACTIONS = ("confirm", "reject", "set", "unset")


def record_review(
    connection: Connection,
    transfer_id: str,
    action: str,
    field: str | None = None,
    value: str | None = None,
    note: str | None = None,
    last: bool = True,
) -> None:
    """One action of a review; `last` False: more of the same review follow, and the quantity range
    is checked after the last (a range moved up is set low first or high first, either way)."""
    exists = connection.execute(select(schema.transfers.c.id).where(schema.transfers.c.id == transfer_id)).first()
    if exists is None:
        raise NotFound(f"no transfer {transfer_id!r} in the ledger")
    if action not in REVIEW_ACTIONS:  # the CLI and the API offer only these; a library caller too
        raise UsageError(f"action must be one of: {', '.join(REVIEW_ACTIONS)}; not {action!r}")
    _check_unused(action, field, value)
    if action == "set":
        check_field(field, value)
        value = canonical_value(field, value)
    elif action == "unset":
        _check_undo(connection, transfer_id, field)
        value = None
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


def _check_unused(action: str, field: str | None, value: str | None) -> None:
    """A review given what its action does not use is refused: it was stored and ignored."""
    if action in ("confirm", "reject") and (field is not None or value is not None):
        raise UsageError(f"{action} takes no field or value: it is about the whole transfer")
    if action == "unset" and value is not None:
        raise UsageError("unset takes no value: the field shows the extracted value again")


def _check_undo(connection: Connection, transfer_id: str, field: str | None) -> None:
    """An `unset` undoes a field's standing correction; a field with none has nothing to undo."""
    if field not in REVIEWABLE:
        raise UsageError(f"cannot unset {field!r}; fields: {', '.join(sorted(REVIEWABLE))}")
    r = schema.reviews
    where = (r.c.transfer_id == transfer_id, r.c.field == field, r.c.action.in_(CORRECTIONS))
    latest = connection.execute(select(r.c.action).where(*where).order_by(r.c.id.desc()).limit(1)).scalar()
    if latest != "set":
        raise UsageError(f"{field} of {transfer_id} has no correction to undo: it is the extracted value")
