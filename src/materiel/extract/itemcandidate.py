"""One item mention's candidate: the cue that governs it, its roles, the readings that rule it
out, and its stage with what decided it. The walk over an article's sentences and lists that
calls it is in candidates.py.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import stage, syntax
from materiel.extract.bans import ban_stage
from materiel.extract.candidate import Candidate
from materiel.extract.context import Context, Paragraph
from materiel.extract.cuekinds import base_stage
from materiel.extract.financed import FUNDING, financed_roles
from materiel.extract.itemnegation import none_moved
from materiel.extract.itemstage import delivered_already, travelling, under_commitment, under_stop
from materiel.extract.lexicon import Mention
from materiel.extract.lists import MOVES
from materiel.extract.notsent import aimed_at
from materiel.extract.packages import package_of, refers_back
from materiel.extract.receivers import unnamed_recipient, unnamed_source, won_order
from materiel.extract.requestnouns import request_stage, third_party_only, unasked
from materiel.extract.rolenames import anaphoric_supplier
from materiel.extract.roles import (
    Roles,
    arrival_delivers,
    find_roles,
    own_equipment,
    participle_cue,
    placed_order,
)
from materiel.extract.rolesuppliers import owner_supplied
from materiel.extract.sanctions import punisher
from materiel.extract.subjects import criticised
from materiel.extract.suppliernouns import STATUS as SUPPLIER_STATUS
from materiel.extract.suppliernouns import supplier_noun_roles
from materiel.extract.tradenouns import trade_noun_roles
from materiel.extract.unnamed import unnamed_supplier
from materiel.extract.verbform import Staged


def settle(context: Context, paragraph: Paragraph, items: list[Mention], sentence: SpacySpan) -> None:
    """Mark the sentence's mentions among `items` as read: no later reading may add them."""
    context.settled.update(
        paragraph.offset + m.start for m in items if sentence.start_char <= m.start < sentence.end_char
    )


def item_candidate(
    context: Context,
    paragraph: Paragraph,
    sentence: SpacySpan,
    item: Mention,
    actors: list[Mention],
    number: int,
    token: Token | None,
    cue: Token | None,
) -> Candidate | None:
    """The candidate of an item mention (head noun `token`, governing `cue`); none if ruled out."""
    if item.id == FUNDING and (paid := financed_roles(token, actors, paragraph.items)) is not None:
        status, _, _ = _item_stage(context, token, token, sentence, paid)  # the verb of paying is its cue
        return Candidate(paid, item, status, paragraph, sentence, number, "transfer", reason="verb of paying")
    if (noun := _noun_roles(token, cue, actors)) is not None:
        return Candidate(noun[0], item, noun[1], paragraph, sentence, number, "transfer", reason=noun[2])
    if token is None or cue is None or _arrives_undelivered(cue, token, item, actors, paragraph.items):
        return None
    roles = _kept_roles(context, paragraph, sentence, item, actors, token, cue)
    if roles is None:
        return None
    status, reason, used = _item_stage(context, cue, token, sentence, roles)
    if unasked(cue, status):
        settle(context, paragraph, [item], sentence)  # "has never asked China for weapons"
        return None
    kind, back = syntax.cue_kind(cue), refers_back(cue) or _listed_package(token)
    anaphoric = anaphoric_supplier(cue)
    return Candidate(
        roles, item, status, paragraph, sentence, number, kind, back, anaphoric=anaphoric, staged=used, reason=reason
    )


def _kept_roles(
    context: Context,
    paragraph: Paragraph,
    sentence: SpacySpan,
    item: Mention,
    actors: list[Mention],
    token: Token,
    cue: Token,
) -> Roles | None:
    """The roles the cue gives the item, unless ruled out; one ruled out by the cue or its parties
    is settled (no reading of this item may add it), one of a punisher or a self-supply is not."""
    roles = _cue_roles(context, paragraph, cue, token, actors)
    if roles is None or _settled_out(cue, token, actors, roles):
        settle(context, paragraph, [item], sentence)
        return None
    if punisher(cue, roles.supplier) or _self_supply(roles):
        return None
    return roles


def _cue_roles(context: Context, paragraph: Paragraph, cue: Token, token: Token, actors: list[Mention]) -> Roles | None:
    """The roles the cue gives the item; none where the cue is a plea only a third party backs
    ("Kyiv's plea for tanks was backed by Poland")."""
    if third_party_only(cue, token, actors):
        return None
    return find_roles(context, paragraph.offset, cue, token, actors, paragraph.items)


def _noun_roles(token: Token | None, cue: Token | None, actors: list[Mention]) -> tuple[Roles, str, str] | None:
    """The roles, stage and reason a supplier noun ("its arms supplier", with no cue) or a trade
    noun ("its arms customer") names."""
    if token is not None and cue is None and (named := supplier_noun_roles(token, actors)) is not None:
        return named, SUPPLIER_STATUS, "supplier noun"
    if token is not None and (traded := trade_noun_roles(token, actors)) is not None:
        return traded[0], traded[1], "trade noun"
    return None


def _arrives_undelivered(cue: Token, token: Token, item: Mention, actors: list[Mention], items: list[Mention]) -> bool:
    """An arrival that delivers nothing: "the delegation arrived in Kyiv with tanks", "Russian
    missiles reached Kyiv"."""
    return syntax.cue_kind(cue) == "arrive" and not arrival_delivers(cue, token, item, actors, items)


def _settled_out(cue: Token, token: Token, actors: list[Mention], roles: Roles) -> bool:
    """Is the item ruled out for every reading: a hypothetical, the recipient's own equipment or a
    target; no supplier beside a critic or an unnamed group ("from 30 states"); no recipient where
    it goes to no state of the article ("sells them abroad")?"""
    owned = own_equipment(token, actors, roles.recipient) and not (
        participle_cue(cue, token) or owner_supplied(cue, token, actors)  # "Kyiv's US-supplied", "supplied by"
    )
    if syntax.hypothetical(cue) or owned or aimed_at(cue, roles.recipient, actors):
        return True
    unnamed = unnamed_supplier(cue, token) or unnamed_source(cue, token, actors)  # "from 30 states"
    if roles.supplier is None and (criticised(cue) or unnamed):
        return True
    return roles.recipient is None and unnamed_recipient(cue, token, actors)


def _item_stage(context: Context, cue: Token, token: Token, sentence: SpacySpan, roles: Roles) -> tuple[str, str, bool]:
    """The item's stage, what decided it, and whether the item is in use already ("HIMARS, which
    Ukraine has used": delivered)."""
    recipient = roles.recipient.id if roles.recipient else None
    used = delivered_already(token, recipient, context.year)
    status, reason = ("delivered", "in use") if used else _cue_stage(cue, token, sentence)
    return status, reason, used


def _cue_stage(cue: Token, token: Token, sentence: SpacySpan) -> Staged:
    """The stage of an item not in use, and what decided it: what the item's own phrase tells
    ("a contract for jets", "the tanks are on their way", "a suspension of arms sales"), else its
    cue's or a request's; then an order placed, or none moved."""
    told = _item_told(token)
    status, reason = told or _stage_reason(cue, sentence)
    if told is None and (asked := request_stage(cue, status)) != status:
        status, reason = asked, "request"
    if (placed_order(cue, token) or won_order(cue)) and status in ("delivered", "in_progress"):
        status, reason = "pledged", "order"  # an order given or won is placed, not yet filled
    if (none := none_moved(token, status)) != status:
        status, reason = none, "none moved"  # "has sent no weapons": refused
    return status, reason


# What an item's own phrase tells of its stage, and the name of each reading.
ITEM_TOLD = (
    (under_commitment, "item: commitment"),
    (travelling, "item: travelling"),
    (under_stop, "item: stop"),
    (ban_stage, "item: ban"),  # "announced restrictions on arms export licences": postponed
)


def _item_told(token: Token) -> Staged | None:
    """The stage the item's phrase tells: "a contract for jets", "the tanks are on their way",
    "announced a suspension of arms sales"."""
    for telling, why in ITEM_TOLD:
        if (told := telling(token)) is not None:
            return told, why
    return None


def _listed_package(token: Token) -> bool:
    """Is the item the package itself whose contents its sentence lists, named before ("The aid
    consists of drones and shells" after "Lithuania announced new military aid")? It takes that
    mention's stage, as the contents do."""
    verb = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and verb.i != token.i and refers_back(verb)


def _stage_reason(cue: Token, sentence: SpacySpan) -> Staged:
    """A package's items share its stage: the stage of the package noun ("the new package
    includes"), or of the verb that moves what the list details ("are sending weapons, including
    tanks"); else the cue's own. With what decided it."""
    package = package_of(cue)
    if package is not None and syntax.cue_kind(package) == "noun":
        return stage.stage_reason(package, base_stage(package))
    above = syntax.governing_cue(package, sentence) if package is not None else None
    if above is not None and above is not cue and syntax.cue_kind(above) in MOVES:
        return stage.stage_reason(above, base_stage(above))
    return stage.stage_reason(cue, base_stage(cue))


def _self_supply(roles: Roles) -> bool:
    """Are supplier and recipient one state ("asked Congress for funding": a state's own budget,
    and the item may be another's)?"""
    return roles.supplier is not None and roles.recipient is not None and roles.supplier.id == roles.recipient.id
