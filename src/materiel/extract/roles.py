"""Who gives and who gets: supplier, recipient and intermediaries of one item in one sentence.

The actors a verb's subject, a participle's agent or a noun's modifier name are read in
rolenames.py; who holds or uses an item said to be supplied in roleholders.py; a supplier read
from the item and what is said of it (a received item's source, a passive's agent) in
rolesuppliers.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from materiel.extract import (
    arrivals,
    asking,
    backing,
    cargo,
    gapped,
    legislatures,
    licensed,
    origins,
    passives,
    receivers,
    requestnouns,
    resale,
    statenouns,
    syntax,
    thanks,
    transit,
    treenames,
)
from materiel.extract.bans import ban_giver, ban_taker, ban_target
from materiel.extract.context import Context
from materiel.extract.jointdeals import joint_signers
from materiel.extract.lexicon import Mention
from materiel.extract.makers import maker_of_sent
from materiel.extract.packages import moving_verb, portion_of
from materiel.extract.roleholders import described_user, holding_subject, participle_roles
from materiel.extract.rolenames import (
    agent_of,
    announcer_of,
    decider_of,
    earlier_state,
    item_giver,
    modifier,
    subject_of,
)
from materiel.extract.rolesuppliers import (
    buyer,
    clause_supplier,
    holding_owner,
    owner_supplied,
    package_owner,
    receive_roles,
    received_item,
)

# Prepositions that name an intermediary ("through Poland", "via Syria").
ROUTE_PREPS = {"through", "via"}

# A supplier and a recipient, either unknown.
Pair = tuple[Mention | None, Mention | None]


@dataclass
class Roles:
    supplier: Mention | None
    recipient: Mention | None
    via: list[Mention] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.supplier is not None and self.recipient is not None and self.supplier.id != self.recipient.id


# Prepositions of the one a request verb addresses: "appealed to Germany for", "called on Paris
# for", "pleaded with Berlin for".
ASKED_PREPS = {"to", "on", "with"}

# Nouns of a purchase placed with a supplier: who gives an order or a contract buys ("Riyadh gave
# London its biggest arms order": London supplies Riyadh).
ORDERS = {"order", "contract"}


def find_roles(
    context: Context, offset: int, cue: Token, item: Token, actors: list[Mention], items: list[Mention]
) -> Roles:
    """The roles of one item that a cue governs; `actors` and `items` are the mentions of the
    cue's paragraph (offsets in its text)."""
    supplier, recipient = _supplier_recipient(context, offset, cue, item, actors, items)
    if placed_order(cue, item):
        supplier, recipient = recipient, supplier
    known = {m.id for m in (supplier, recipient) if m is not None}
    tokens = treenames.prep_objects(cue, ROUTE_PREPS) + treenames.prep_objects(item, ROUTE_PREPS)
    via = [m for m in (treenames.mention_in([t], actors) for t in tokens) if m is not None and m.id not in known]
    via += [m for m in transit.transit_states(cue, item, actors, known) if all(v.id != m.id for v in via)]
    resold = _resold(cue, item, actors, Roles(supplier, recipient, via))
    if resold is not None:
        return resold
    principal = receivers.behalf_of(cue, actors)
    if principal is not None and recipient is not None and principal.id not in known:
        return Roles(supplier, principal, [recipient, *via])  # "Peru bought them on Argentina's behalf"
    return Roles(supplier, recipient, via)


def _resold(cue: Token, item: Token, actors: list[Mention], roles: Roles) -> Roles | None:
    """A resale chain (GUIDE: the first seller supplies, the middle state is via): the item's maker
    where the cue passes on what was sold to a middle state ("South Korean shells sold to the US are
    being sent on to Ukraine"), or the state the recipient passed it on to ("sold shells to the US,
    which forwarded them to Kyiv")."""
    supplier, recipient = roles.supplier, roles.recipient
    middle = resale.middle_holder(cue, item, actors)
    first = modifier(item, actors, exclude=middle) if middle is not None else None
    gives = first is not None and (supplier is None or supplier.id in (middle.id, first.id))
    if gives and (recipient is None or first.id != recipient.id):
        return Roles(first, recipient, [middle, *roles.via])
    final = resale.onward_recipient(cue, recipient, actors) if recipient is not None else None
    known = {m.id for m in (supplier, recipient) if m is not None}
    return Roles(supplier, final, [recipient, *roles.via]) if final is not None and final.id not in known else None


def placed_order(cue: Token, item: Token) -> bool:
    """The item names an order or contract that a transfer verb gives ("gave London an arms order"):
    the giver is the buyer, and the order a commitment, not a delivery."""
    return item.lemma_.lower() in ORDERS and syntax.cue_kind(cue) == "transfer" and item.head.i == cue.i


def arrival_delivers(cue: Token, item: Token, mention: Mention, actors: list[Mention], items: list[Mention]) -> bool:
    """Is an arrival verb's item delivered where it arrives (see `arrivals.is_delivery`)?"""
    return arrivals.is_delivery(cue, item, mention, actors, modifier, _source_reader(items))


def _source_reader(items: list[Mention]) -> arrivals.Source:
    """`origins.source` with the paragraph's item mentions bound, as arrivals.py reads it."""
    return lambda cue, item, actors: origins.source(cue, item, actors, items)


def participle_cue(cue: Token, item: Token) -> bool:
    """Is the cue a participle on the item itself ("British-supplied missiles")?"""
    return syntax.cue_kind(cue) == "transfer" and cue.dep_ == "amod" and cue.head.i == item.i


def own_equipment(item: Token, actors: list[Mention], recipient: Mention | None) -> bool:
    """'missiles for Ukrainian aircraft': the aircraft are the recipient's own, not transferred."""
    owners = [c for c in item.children if c.dep_ in ("amod", "poss") and c.i < item.i]
    owner = treenames.mention_in(owners, actors)
    return recipient is not None and owner is not None and owner.id == recipient.id


def _supplier_recipient(
    context: Context, offset: int, cue: Token, item: Token, actors: list[Mention], items: list[Mention]
) -> Pair:
    framed = _framed_roles(context, offset, cue, item, actors, items)
    if framed is not None:
        return framed
    kind = syntax.cue_kind(cue)
    subject = subject_of(context, offset, cue, actors) or earlier_state(context, offset, cue, actors)
    source = origins.source(cue, item, actors, items)
    if kind == "receive":
        subject = buyer(context, offset, cue, item, actors, subject) if received_item(cue, item) else subject
        return receive_roles(cue, item, actors, items, subject, source or _paid(cue, actors))
    if kind == "request":
        # the one asked is the object, or the one appealed 'to' or called 'on' ("appealed to
        # Germany for air defence", "called on Paris for jets")
        asked = treenames.mention_in(treenames.direct_objects(cue) + treenames.prep_objects(cue, ASKED_PREPS), actors)
        return asked or source or _asked_maker(cue, item, actors, subject), subject
    decided = _voiced_roles(cue, item, actors, kind, subject)
    if decided is not None:
        return decided
    recipient = _recipient(context, offset, cue, item, actors, items, kind, source)
    return _supplier_and_recipient(context, offset, cue, item, actors, kind, subject, source, recipient)


def _framed_roles(
    context: Context, offset: int, cue: Token, item: Token, actors: list[Mention], items: list[Mention]
) -> Pair | None:
    """Roles a frame around the cue decides whole: a making under licence, a request, a thanks, a
    carrier's load, a participle on the item, a joint deal, a request noun, an arrival; none where
    no frame does."""
    kind = syntax.cue_kind(cue)
    granted = _granted_roles(context, offset, cue, item, actors)
    if granted is not None:
        return granted
    if cargo.carrier(cue) is not None:  # "a ship carrying shells", "a plane loaded with shells"
        sides = _cargo_roles(context, offset, cue, item, actors, items)
        if kind == "transfer" or any(side is not None for side in sides):
            return sides  # a load with no side named is a shipment's contents told before
    if participle_cue(cue, item):
        return participle_roles(context, offset, cue, item, actors)
    return _dealt_roles(context, offset, cue, item, actors, items, kind)


def _granted_roles(context: Context, offset: int, cue: Token, item: Token, actors: list[Mention]) -> Pair | None:
    """Roles of a licence, a request or a thanks around the cue; none where there is none."""
    licence = _licence_roles(context, offset, cue, actors)
    if licence is not None:  # "India builds Hawk jets under licence from Britain": Britain supplies
        return licence
    asked = _asked_roles(context, offset, cue, item, actors)
    if asked is not None:
        return asked
    return thanks.thanked_roles(context, offset, cue, item, actors)  # "Kyiv thanked Berlin for the tanks"


def _dealt_roles(
    context: Context,
    offset: int,
    cue: Token,
    item: Token,
    actors: list[Mention],
    items: list[Mention],
    kind: str | None,
) -> Pair | None:
    """Roles of a joint deal, a request noun or an arrival around the cue; none where there is none."""
    joint = joint_signers(cue, actors)
    if joint is not None:  # "Poland's agency and Hanwha signed a deal to supply missiles"
        return joint
    named = requestnouns.named_asker_roles(cue, item, actors)
    if named is not None:  # "Ukraine's request for tanks was rejected by Germany": Ukraine asks
        return named
    maker = requestnouns.made_request(cue)
    if maker is not None:  # "Kyiv sent a request for tanks to Berlin": Berlin is asked, Kyiv asks
        return requestnouns.asked_party(cue, maker, item, actors), subject_of(context, offset, maker, actors)
    if kind == "arrive":  # "six Spanish tanks have arrived in Ukraine"
        return arrivals.arrival_roles(cue, item, actors, modifier, _source_reader(items))
    return None


def _licence_roles(context: Context, offset: int, cue: Token, actors: list[Mention]) -> Pair | None:
    """A making under licence, or a permission to make, with the granting verb's subject as licensor."""
    granting = licensed.granting_verb(cue)
    granter = subject_of(context, offset, granting, actors) if granting is not None else None
    return licensed.licence_roles(cue, actors, granter)


def _paid(cue: Token, actors: list[Mention]) -> Mention | None:
    """The party a verb of paying pays for what it buys ("paid Iran $300 million for drones")."""
    paid = syntax.paid_party(cue) if cue.lemma_.lower() in syntax.PAYING else None
    return treenames.mention_in([paid], actors) if paid is not None else None


def _voiced_roles(cue: Token, item: Token, actors: list[Mention], kind: str, subject: Mention | None) -> Pair | None:
    """Roles a passive transfer, an owner's supply or an enacting legislature decide whole."""
    passive = passives.passive_sides(cue, item, actors) if kind == "transfer" else None
    if passive is not None:  # "Ukraine was promised 50 tanks by Poland"
        return passive
    owned = owner_supplied(cue, item, actors) if kind == "transfer" else None
    if owned is not None:
        return owned
    enacted = legislatures.enacted_roles(cue, subject, actors) if kind == "noun" else None
    if enacted is not None:  # "Congress approved $61bn in Ukraine aid": Ukraine receives
        return enacted
    return None


def _recipient(
    context: Context,
    offset: int,
    cue: Token,
    item: Token,
    actors: list[Mention],
    items: list[Mention],
    kind: str,
    source: Mention | None,
) -> Mention | None:
    """The recipient the cue's own words name, in order of how directly they name it."""
    recipient = gapped.recipient(cue, item, actors, items) or receivers.recipient(cue, item, actors, items)
    recipient = recipient or receivers.double_object(cue, item, actors)
    recipient = recipient or (backing.backed_party(cue, actors) if kind == "transfer" else None)  # "to help Kyiv"
    if kind == "noun":  # "a shipment of shells bound for Kyiv"
        recipient = recipient or cargo.destination(cue, item, actors)
    moving = moving_verb(cue)  # "sent Kyiv a consignment containing mortars": Kyiv gets the mortars
    recipient = recipient or (receivers.recipient(moving, cue.head, actors, items) if moving is not None else None)
    recipient = recipient or (arrivals.taker(cue, actors) if kind == "noun" else None)  # "took delivery of"
    recipient = recipient or (arrivals.arrived_at(cue, actors) if kind == "noun" else None)  # "a shipment arrived in"
    recipient = recipient or (arrivals.dependent(cue, actors) if kind == "noun" else None)  # "relies on deliveries"
    recipient = recipient or (arrivals.welcomer(cue, actors, source) if kind == "noun" else None)  # "welcomed"
    recipient = recipient or (arrivals.beneficiary(cue, actors, source) if kind == "noun" else None)  # "thanks to"
    recipient = recipient or described_user(context, offset, cue, item, actors)
    recipient = recipient or holding_subject(context, offset, cue, item, actors)
    return recipient or holding_owner(cue, actors)  # "Ukraine's fleet includes Dutch-supplied jets"


def _supplier_and_recipient(
    context: Context,
    offset: int,
    cue: Token,
    item: Token,
    actors: list[Mention],
    kind: str,
    subject: Mention | None,
    source: Mention | None,
    recipient: Mention | None,
) -> Pair:
    """The supplier named on the cue or item, by a portion's owner, a ban, an agent or the subject;
    then the recipient a ban or a state noun names where the cue's words named none."""
    giver, taker = _portion_sides(cue, actors, source)  # "Hungary blocked the EU's tranche of aid"
    maker = modifier(item, actors, exclude=recipient)
    maker = None if maker_of_sent(item, maker) else maker  # "a plot to ship American-made rifles to X"
    supplier = modifier(cue, actors) or maker or giver or source
    supplier = supplier or ban_giver(cue, actors)  # "Germany's ban on arms exports to Riyadh"
    recipient = recipient or ban_taker(cue, actors)  # "Kyiv urged Berlin to lift its ban on tank exports"
    recipient = recipient or ban_target(cue, actors)  # "imposed an arms export ban on Saudi Arabia"
    recipient = recipient or (taker if supplier is giver else None)
    supplier = supplier or (item_giver(item, actors) if kind == "noun" and item.i != cue.i else None)
    if kind != "noun" or supplier is None:
        named = agent_of(cue, actors) or decider_of(cue, actors) or package_owner(cue, actors, recipient)
        named = named or (announcer_of(cue, actors) if kind == "noun" else None)  # "Berlin's decision on the delivery"
        supplier = named or subject or supplier
    if supplier is not None and recipient is not None and supplier.id == recipient.id:
        supplier = modifier(item, actors) or source or clause_supplier(item, actors)  # "jets supplied by"
    recipient = recipient or statenouns.recipient(cue, item, actors, supplier)
    return supplier, recipient or statenouns.earlier_group(context, offset, cue, item)


def _cargo_roles(
    context: Context, offset: int, cue: Token, item: Token, actors: list[Mention], items: list[Mention]
) -> Pair:
    """A carrier's goods ("a ship carrying Iranian drones to Russia"): they come from the 'from',
    the journey's start, their maker's name or the carrier's flag ("a Russian ship"), and go where
    the carrier is bound or lands; the carrier itself is no party."""
    source = origins.source(cue, item, actors, items) or cargo.origin(cue, actors)
    supplier = source or modifier(item, actors) or subject_of(context, offset, cue, actors)
    recipient = cargo.destination(cue, item, actors) or receivers.recipient(cue, item, actors, items)
    return supplier, recipient


def _asked_roles(context: Context, offset: int, cue: Token, item: Token, actors: list[Mention]) -> Pair | None:
    """'Kyiv appealed to the West to send tanks': the one asked supplies and the asker receives;
    none where no one is asked to sell what the asker would buy ("hopes to acquire jets from
    Korea": the buying verb's roles), where they are one party ("Biden urged Congress to pass
    the package": a request inside one state, not for materiel) or the cue is asked for by no one."""
    asker = asking.request_above(cue)
    if asker is None:
        return None
    asked = asking.asked(asker, actors) or treenames.mention_in([c for c in cue.children if c.dep_ == "nsubj"], actors)
    asked = asked or _passive_giver(cue, actors)  # "Kyiv wants to be sent jets by the Netherlands"
    if asked is None and syntax.cue_kind(cue) == "receive":
        return None  # "Taiwan wants to buy drones from the US": the buying verb's own roles
    if asked is None and _wants_to_give(cue, asker):
        return None  # "Washington wants to sell jets to Qatar": the wanter sells
    receiver = _named_recipient(cue, item, actors) or subject_of(context, offset, asker, actors)
    if asked is None or receiver is None or asked.id != receiver.id:
        return asked, receiver
    return None


def _passive_giver(cue: Token, actors: list[Mention]) -> Mention | None:
    """'Kyiv hopes to be given jets by Norway': the party 'by' a passive transfer verb gives, also
    where the parse hangs the 'by' as a plain preposition."""
    if not any(c.dep_ == "auxpass" for c in cue.children):
        return None
    return passives.by_party(cue, actors)


def _wants_to_give(cue: Token, asker: Token) -> bool:
    """'France hopes to sell Rafale jets to Chile': a transfer verb in the active, right under a
    request verb that asks no one, has the request's subject as its own: the one who wishes
    gives, so the transfer verb's roles stand ("Kyiv wants to be sent jets" still asks)."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)
    return syntax.cue_kind(cue) == "transfer" and cue.dep_ == "xcomp" and cue.head.i == asker.i and not passive


def _asked_maker(cue: Token, item: Token, actors: list[Mention], asker: Mention | None) -> Mention | None:
    """'Kyiv asked for US Javelins', 'requested German tanks': the state named on what a request
    takes (its object, or what it is 'for') is asked for it; not an owner ("Iran's drones")."""
    taken = item.head.i == cue.i and item.dep_ == "dobj"
    taken = taken or (item.dep_ == "pobj" and item.head.lower_ == "for" and item.head.head.i == cue.i)
    named = [c for c in item.children if c.dep_ in ("amod", "compound", "nmod") and c.i < item.i]
    found = treenames.mention_in(named, actors) if taken else None
    return None if found is None or (asker is not None and found.id == asker.id) else found


def _named_recipient(cue: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """The recipient a requested transfer names itself ("asked Canada to deliver shells to
    Ukraine"): it, not the asker, receives."""
    targets = treenames.prep_objects(cue, {"to", "for"}) + treenames.prep_objects(item, {"to", "for"})
    return treenames.mention_in(targets, actors)


def _portion_sides(cue: Token, actors: list[Mention], source: Mention | None) -> Pair:
    """The giver and taker a portion noun's owner names (packages.portion_of): "the EU's tranche of
    aid" (the owner gives, not the subject that blocks it); "Ukraine's second tranche of aid from
    Japan" (the 'from' gives, the owner takes)."""
    portion = portion_of(cue)
    owner = modifier(portion, actors) if portion is not None else None
    if owner is None or source is None or owner.id == source.id:
        return owner, None
    return source, owner
