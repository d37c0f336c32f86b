"""Which of the supplier's transfers a response bears on: one told in a transfer's evidence is of
it; one told elsewhere is of every transfer, unless it speaks of another (another kind of
materiel, another recipient named as one, a disowning naming no recipient) or is a disowning that
tells the supplier's own refusal."""

from __future__ import annotations

import re

from materiel.article import Response, Span, Transfer
from materiel.extract import syntax
from materiel.extract.context import Context
from materiel.extract.lexicon import find_actors, find_items

# Stages of a transfer others tell as moving: the supplier saying none was sent denies them.
UNDER_WAY = {"delivered", "in_progress"}


def of_other(response: Response, transfer: Transfer, transfers: list[Transfer]) -> bool:
    """The response is told in the evidence of another of the supplier's transfers, of another
    kind of materiel, and not in this one's: "Berlin said it had not sent Taurus missiles" denies
    the missiles, not the Leopard tanks told paragraphs before; a disowning told elsewhere is of
    this transfer only where it names its recipient or disowns arms to anyone, and any response
    told elsewhere that names another of its transfers' recipients as one is of that transfer. A
    denial of arms in general ("Tehran denied supplying weapons") is of every transfer."""
    if response.span is None or states(response.span, transfer):
        return False
    if response.stance == "disowned" and not _names_recipient(response, transfer):
        return not _of_arms_to_anyone(response, transfer)  # "Ryder said no F-16s had been sent": not these tanks
    if _names_other_recipient(response, transfer, transfers):
        return True  # "claims that Britain sold missiles to Saudi Arabia are false": not those to Ukraine
    return any(
        other is not transfer
        and _supplier_id(other) == _supplier_id(transfer)
        and other.item.category not in (transfer.item.category, "unspecified")
        and states(response.span, other)
        for other in transfers
    )


def _names_recipient(response: Response, transfer: Transfer) -> bool:
    recipient = transfer.recipient.id if transfer.recipient else None
    return any(m.id == recipient for m in find_actors(response.quote or ""))


def _of_arms_to_anyone(response: Response, transfer: Transfer) -> bool:
    """A disowning of arms in general that names no state but the supplier ("Pyongyang said North
    Korea has never exported weapons to anyone"): of every transfer of the supplier."""
    items = find_items(response.quote or "")
    named = {m.id for m in find_actors(response.quote or "") if m.id}
    return bool(items) and all(m.id == "unspecified" for m in items) and named <= {_supplier_id(transfer)}


# Words right before a state that name it as a recipient: "sold missiles to Saudi Arabia",
# "arms for Qatar".
RECEIVING_BEFORE = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$", re.IGNORECASE)


def _names_other_recipient(response: Response, transfer: Transfer, transfers: list[Transfer]) -> bool:
    """The response, told outside this transfer's evidence, names the recipient of another of the
    supplier's transfers as one ("to Saudi Arabia") and not this one's: it answers of that supply.
    One naming no recipient ("Tehran denied supplying weapons") is of every transfer, and a state
    named otherwise may be a speaker ("The Kremlin and Minsk declined to comment")."""
    quote = response.quote or ""
    if _names_recipient(response, transfer):
        return False
    named = {m.id for m in find_actors(quote) if RECEIVING_BEFORE.search(quote[: m.start])}
    return any(
        other.recipient is not None and other.recipient.id in named
        for other in transfers
        if other is not transfer and _supplier_id(other) == _supplier_id(transfer)
    )


def _supplier_id(transfer: Transfer) -> str | None:
    return transfer.supplier.id if transfer.supplier else None


def disowns(response: Response, transfer: Transfer) -> bool:
    """A disowning ("no Storm Shadows have been sent to Saudi Arabia") denies a transfer told as
    sent or promised elsewhere, or one others tell as sent ("Kyiv says the missiles arrived. ...
    London said none had been sent to Ukraine"). One of a refusal ("Scholz said Germany has not
    sent Taurus missiles"), or told in the evidence of a transfer not yet under way ("has not yet
    sent the promised jets"), is the supplier stating what it did not do."""
    if transfer.status == "refused":
        return False
    told_here = response.span is not None and states(response.span, transfer)
    return not told_here or transfer.status in UNDER_WAY


def states(sentence: Span, transfer: Transfer) -> bool:
    """The sentence is one of the transfer's evidence: a refusal there concerns something else
    ("Germany has sent 14 tanks, officials said, but declined to comment on further deliveries")."""
    return any(e.start < sentence.end and sentence.start < e.end for e in transfer.evidence)


def described_apart(response: Response, transfer: Transfer, context: Context) -> bool:
    """The transfer's item sits in a relative clause on the subject of the sentence the response
    is told in, and the response's verb speaks of a transfer of its own ("Iran, which has supplied
    Russia with drones, denied sending missiles to the Houthis"): the writer tells the clause's
    transfer as a fact about the speaker. Not where the verb takes no transfer ("North Korea, which
    is said to have shipped shells, denied the reports": the reports are of the shells)."""
    span = transfer.item.span
    if response.span is None or span is None or not (response.span.start <= span.start < response.span.end):
        return False
    paragraph = context.paragraph_at(span.start)
    if paragraph is None:
        return False
    item = paragraph.doc.char_span(span.start - paragraph.offset, span.end - paragraph.offset, alignment_mode="expand")
    clause = next((a for a in item.root.ancestors if a.dep_ == "relcl"), None) if item is not None else None
    if clause is None or clause.head.dep_ not in ("nsubj", "nsubjpass") or clause.head.head.dep_ != "ROOT":
        return False
    verb = clause.head.head
    said = [t for c in verb.children if c.i != clause.head.i for t in c.subtree]
    return any(syntax.cue_kind(t) in ("transfer", "receive", "noun") for t in said)
