"""Transfer records: candidates of one (supplier, recipient, category) merged, with evidence."""

from __future__ import annotations

import re

from materiel.article import Actor, Item, Quantity, Span, Transfer
from materiel.extract.attribution import Cited, demanded
from materiel.extract.candidate import Candidate
from materiel.extract.lexicon import Mention, listed
from materiel.extract.pagerecipient import TITLE_KIND
from materiel.extract.pointing import names_no_transfer, pointing_back
from materiel.extract.quantities import Amount, crown_currency
from materiel.extract.withdrawal import withdraws


def merge(candidates: list[Candidate], text: str = "") -> list[Transfer]:
    """One transfer per (supplier, recipient, category): evidence and quantities pooled."""
    merged: dict[tuple, Transfer] = {}
    counted: dict[tuple, str] = {}  # the stage of the candidate whose amount each transfer took
    staged: dict[tuple, int] = {}  # the sentence whose candidate last set each transfer's stage
    for candidate in candidates:
        transfer = merged.get(candidate.key)
        if transfer is None:
            merged[candidate.key] = _new_transfer(candidate)
            counted[candidate.key], staged[candidate.key] = candidate.status, candidate.number
            continue
        if candidate.span() not in transfer.evidence:
            transfer.evidence.append(candidate.span())
        if candidate.amount is not None and _counts_better(transfer, counted[candidate.key], candidate.status):
            transfer.quantity, counted[candidate.key] = _quantity(candidate), candidate.status
        later = candidate.number > staged[candidate.key] and withdraws(candidate, transfer)
        status = _furthest(transfer.status, candidate.status, later)
        if status != transfer.status:
            transfer.status, staged[candidate.key] = status, candidate.number
            transfer.status_span = candidate.status_span()
            transfer.status_reason = (
                candidate.reason if status == candidate.status else f"{status} later; {candidate.reason}"
            )
        _add_via(transfer, candidate)
        add_sources(transfer, candidate.cited)
    for key, transfer in merged.items():
        if transfer.status in ENACTED and counted[key] in WISHED:
            transfer.quantity = None  # "Kyiv asked for 300 tanks" is not the number Berlin sent
    return without_anaphoric_generics(list(merged.values()), text)


# Stages of a transfer that went ahead or was promised, and of one only asked for: the count of a
# request is not the number of the transfer that went ahead ("Ukraine asked for 300 tanks; Germany
# sent tanks"). A count weighed stays: talks "for India to buy three frigates" end in the deal.
ENACTED = {"delivered", "in_progress", "pledged"}
WISHED = {"requested"}


def _counts_better(transfer: Transfer, counted: str, stage: str) -> bool:
    """A candidate's amount is the transfer's where it has none yet, or one only wished for."""
    return transfer.quantity is None or (counted in WISHED and stage not in WISHED)


# How far along a transfer is. An article that tells a story ("agreed to send ... then stepped up
# deliveries") reports its furthest stage; a refusal outranks only talk of a transfer.
STAGE_ORDER = {
    "requested": 0,
    "considered": 1,
    "postponed": 2,
    "refused": 3,
    "cancelled": 3,
    "pledged": 4,
    "in_progress": 5,
    "delivered": 6,
}
# Generic nouns that, beside a named item of the same supplier and recipient, point back to it
# ("Biden's decision to send the weapon"): not a transfer of their own.
ANAPHORIC = re.compile(r"^(?:the\ |these\ |those\ )?(?:weapons?|arms|weaponry|munitions?)$", re.I | re.X)


# Stages that withdraw or rule out a transfer, and what they make of a commitment told before them.
WITHDRAWALS = {"refused", "cancelled"}
WITHDRAWN = "cancelled"
# The stage of a commitment put on hold: a delay told after it holds it ("postponed: delayed,
# paused, suspended, on hold"), as the deal's hold does (dealstage.py).
HELD = "postponed"


def _furthest(current: str, other: str, later: bool = False) -> str:
    """The furthest of two stages, in the article's order; a refusal or cancellation told in a
    `later` sentence than a commitment, of the items promised (withdrawal.py), withdraws it
    (GUIDE.md: "cancelled: withdrawn after a commitment"; "signed a contract for two ships. ...
    later refused to deliver them"), and a delay told so holds it ("pledged 18 tanks. ... Berlin
    has delayed the delivery of the tanks"), until a later commitment or delivery renews it."""
    if current == "pledged" and other in WITHDRAWALS and later:
        return WITHDRAWN
    if current == "pledged" and other == HELD and later:
        return HELD
    return other if STAGE_ORDER.get(other, 0) > STAGE_ORDER.get(current, 0) else current


def without_anaphoric_generics(transfers: list[Transfer], text: str = "") -> list[Transfer]:
    """The transfers less a generic noun ("the weapons") beside a named item of the same supplier
    and recipient; a generic that is one member of a list with items (in the article `text`) is
    a kind of its own ("troops, weapons and ammunition") and stays, and so does a bare one that
    points at nothing ("refused to supply arms", "US arms exports"; pointing.py), unless it only
    modifies a noun of no transfer ("the arms export report")."""
    specific = {
        (t.supplier.id, t.recipient.id)
        for t in transfers
        if t.item.category != "unspecified" and t.supplier and t.recipient
    }
    return [
        t
        for t in transfers
        if not (
            t.item.category == "unspecified"
            and t.quantity is None
            and ANAPHORIC.match(t.item.text)
            and (not text or pointing_back(text, t.item.span) or names_no_transfer(text, t.item.span))
            and not (t.item.span and listed(text, t.item.span.start, t.item.span.end))
            and t.supplier
            and t.recipient
            and (t.supplier.id, t.recipient.id) in specific
        )
    ]


# Bodies whose aid is relief, never materiel: the UN's agencies (UNRWA, UNICEF, the WFP) give and
# receive humanitarian aid, so "aid" or "funding" to or from them is no military transfer unless
# the words say so ("military aid to the UN mission").
RELIEF_BODIES = {"united-nations"}
MILITARY_WORDS = re.compile(r"\b(?:military|security|defen[cs]e|lethal|arms|weapons?)\b", re.IGNORECASE)


def without_relief_aid(transfers: list[Transfer]) -> list[Transfer]:
    """The transfers that are not unnamed aid to or from a relief body."""
    return [t for t in transfers if not _relief_aid(t)]


def _relief_aid(transfer: Transfer) -> bool:
    parties = {a.id for a in (transfer.supplier, transfer.recipient) if a is not None}
    return (
        bool(parties & RELIEF_BODIES)
        and transfer.item.category in ("unspecified", "funding")
        and MILITARY_WORDS.search(transfer.item.text) is None
    )


def _new_transfer(candidate: Candidate) -> Transfer:
    offset = candidate.paragraph.offset
    transfer = Transfer(
        supplier=_actor(candidate.supplier, offset),
        recipient=_actor(candidate.recipient, offset),
        item=Item(
            candidate.item.text,
            candidate.item.id or "unspecified",
            candidate.item.lethal,
            Span(offset + candidate.item.start, offset + candidate.item.end),
        ),
        quantity=_quantity(candidate) if candidate.amount else None,
        status=candidate.status,
        evidence=[candidate.span()],
        status_reason=candidate.reason,
        status_span=candidate.status_span(),
    )
    add_sources(transfer, candidate.cited)
    _add_via(transfer, candidate)
    return transfer


def _add_via(transfer: Transfer, candidate: Candidate) -> None:
    for mention in candidate.roles.via:
        if all(v.id != mention.id for v in transfer.via):
            transfer.via.append(_actor(mention, candidate.paragraph.offset))


def _actor(mention: Mention, offset: int) -> Actor:
    if mention.kind == TITLE_KIND:
        return Actor(mention.id, mention.name)  # named in the title only (pagerecipient.page_recipient)
    return Actor(mention.id, mention.name, Span(offset + mention.start, offset + mention.end))


def _quantity(candidate: Candidate) -> Quantity:
    assert candidate.amount is not None
    supplier = candidate.roles.supplier.id if candidate.roles.supplier else None
    return quantity_of(candidate.amount, candidate.paragraph.offset, supplier)


def quantity_of(amount: Amount, offset: int, supplier: str | None) -> Quantity:
    """An amount read in a paragraph, as the transfer's quantity (crowns settled by the supplier)."""
    unit = crown_currency(amount.unit, supplier)
    return Quantity(amount.text, amount.low, amount.high, unit, Span(offset + amount.start, offset + amount.end))


def add_sources(transfer: Transfer, cited: list[Cited]) -> None:
    names = {s.name for s in transfer.sources}
    for item in cited:
        if item.source.name not in names and not demanded(item, transfer.status):
            item.source.actor_id = item.actor_id
            transfer.sources.append(item.source)
            names.add(item.source.name)
