"""An analyst's review checked before it is written: its transfer, its action, a correction's
field and value against the closed sets and the known actors, an undoing against the corrections
it undoes."""

from __future__ import annotations

import math

from sqlalchemy import select
from sqlalchemy.engine import Connection

from materiel.article import CATEGORIES, DISCLOSURES, STATUSES
from materiel.countries import id_for, id_of_alpha_2, is_known_id
from materiel.errors import NotFound, UsageError
from materiel.ledger import schema
from materiel.ledger.listing import UNKNOWN_VALUES

# The reviews that change a field: a correction, and its undoing.
CORRECTIONS = ("set", "unset")
REVIEWABLE = {
    "supplier",
    "recipient",
    "category",
    "status",
    "disclosure",
    "quantity_low",
    "quantity_high",
    "via",
}


# What a review records: a confirmation, a rejection, a correction of one field, or the undoing of
# a field's corrections (back to the value extracted from the reports).
REVIEW_ACTIONS = ("confirm", "reject", "set", "unset")


def checked_review(
    connection: Connection, transfer_id: str, action: str, field: str | None, value: str | None
) -> str | None:
    """The value a review stores, once the review is checked: its transfer in the ledger, its action
    one of REVIEW_ACTIONS given only what it uses, a correction's field and value in their sets (the
    value as stored: an alpha-2 code as the project's id), an undoing's field corrected."""
    exists = connection.execute(select(schema.transfers.c.id).where(schema.transfers.c.id == transfer_id)).first()
    if exists is None:
        raise NotFound(f"no transfer {transfer_id!r} in the ledger")
    if action not in REVIEW_ACTIONS:  # the CLI and the API offer only these; a library caller too
        raise UsageError(f"action must be one of: {', '.join(REVIEW_ACTIONS)}; not {action!r}")
    _check_unused(action, field, value)
    if action == "set":
        check_field(field, value)
        return canonical_value(field, value)
    if action == "unset":
        _check_undo(connection, transfer_id, field)
        return None
    return value


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


# The form an actor id takes (FORMAT.md), said in the error for one that is not.
ACTOR_ID_FORM = (
    "an ISO 3166-1 alpha-3 code (UKR) or alpha-2 code (UA), a former state's code (SUN, DDR, YUG, CSK, ZAR, RHO) "
    "or an organisation's slug (nato, european-union, hezbollah)"
)


def check_field(field: str | None, value: str | None) -> None:
    """A correction's field and value, checked against the closed sets before anything is written."""
    _check_field(field, value)
    if field in ("supplier", "recipient") and (value or "") not in UNKNOWN_VALUES:
        _check_actor(field, value or "")
    elif field == "via":
        for part in (value or "").split(","):
            if part.strip():
                _check_actor(field, part.strip())


def canonical_value(field: str | None, value: str | None) -> str | None:
    """A checked correction's value as stored: an ISO alpha-2 code as the project's id (UA: UKR)."""
    if field in ("supplier", "recipient") and value is not None and value not in UNKNOWN_VALUES:
        return _actor_id(value)
    if field == "via" and value is not None:
        return ",".join(_actor_id(part.strip()) for part in value.split(",") if part.strip())
    return value


def _actor_id(ident: str) -> str:
    return ident if is_known_id(ident) or not ident.isupper() else id_of_alpha_2(ident) or ident


def _check_actor(field: str, ident: str) -> None:
    if is_known_id(ident) or (ident.isupper() and id_of_alpha_2(ident)):
        return
    meant = id_for(ident)
    hint = f" (did you mean {meant}?)" if meant else ""
    raise UsageError(f"{field} {ident!r} is no known actor id{hint}: give {ACTOR_ID_FORM}")


def _check_field(field: str | None, value: str | None) -> None:
    if field not in REVIEWABLE:
        raise UsageError(f"cannot set {field!r}; fields: {', '.join(sorted(REVIEWABLE))}")
    allowed = {"status": STATUSES, "disclosure": DISCLOSURES, "category": CATEGORIES}.get(field)
    if allowed and not (value or "").strip():  # an empty value box: these fields have no unknown
        raise UsageError(f"{field} cannot be empty (it has no unknown): give one of: {', '.join(allowed)}")
    if allowed and value not in allowed:
        raise UsageError(f"{field} must be one of: {', '.join(allowed)}")
    if field.startswith("quantity_") and value not in UNKNOWN_VALUES:
        _check_quantity(field, value or "")


def _check_quantity(field: str, value: str) -> None:
    """A count or an amount: a number, finite and not negative. float() also reads "nan", "inf" and
    "1e400", which the ledger showed as "-5-inf (count)", `show -f json` as Infinity (not JSON) and
    the API as null."""
    try:
        number = float(value)
    except ValueError as error:
        raise UsageError(f"{field} must be a number") from error
    if not math.isfinite(number) or number < 0:
        raise UsageError(f"{field} must be a finite number, 0 or more; not {value!r}")
