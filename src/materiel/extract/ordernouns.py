"""Orders and purchases, for tradenouns.trade_noun_roles: a buyer commits to buy from a seller
where no transfer verb governs the item (an order or contract is a commitment: pledged).

- an order or contract placed with a seller: "Egypt placed an order for 24 Rafales with France",
  "India signed a contract with Russia for the S-400" (the subject buys from the party 'with';
  a company that signs sells, as its home state: "Saab signed a contract with Thailand for ...";
  between two states, the one that makes the system named sells: homes.py);
- an order won from a buyer: "Saab won an order from Poland for two aircraft" (the subject sells),
  or awarded to a seller: "Poland awarded Hanwha a contract for 200 howitzers";
- a purchase concluded: "Greece finalised the purchase of German Leopard tanks" (the subject buys
  from the maker the item's owner names); a purchase owned: "India's purchase of S-400 systems
  from Russia" (the owner buys from the party 'from').

An order or purchase 'for' a third state ("for Ukraine") goes to that state, the buyer being its
route. A state's order from its own industry names one state twice and moves nothing, unless it is
for a third state.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import homes, treenames
from materiel.extract.lexicon import Mention
from materiel.extract.rolenames import decider_of
from materiel.extract.roles import Roles
from materiel.extract.suppliernouns import told
from materiel.extract.tradesyntax import (
    IMPORT_NOUNS,
    SELLER_KINDS,
    of_head,
    owner_of,
    stops_trade,
    subjects_of,
)

# Nouns of a purchase agreed with a seller.
ORDER_NOUNS = {"order", "contract", "deal", "agreement"}
# Verbs that conclude an order: "placed an order", "signed a contract", "finalised a deal".
ORDER_VERBS = {"place", "sign", "conclude", "ink", "seal", "finalise", "finalize"}
# Verbs of buying that an order's clause names ("signed a deal with Israel to buy radars").
BUYING = {"buy", "purchase", "acquire", "procure"}
# Words that make the party 'with' a fellow buyer, not the seller ("with Norway to buy jointly").
JOINTLY = {"jointly", "together"}
# Verbs by which a buyer concludes a purchase ("Greece finalised the purchase of German tanks");
# not 'approve', whose subject is as often the seller's government ("Washington approved the purchase").
CONCLUDING = {"finalise", "finalize", "complete", "conclude", "seal", "sign"}


def order_roles(item: Token, actors: list[Mention]) -> Roles | None:
    """'Egypt placed an order for 24 Rafales with France', 'signed a deal with Israel to buy'."""
    verb, order = _ordering(item)
    if verb is None or order is None or not told(verb, order):
        return None
    if any(w.lower_ in JOINTLY for t in (verb, item.head) for w in t.subtree):
        return None  # "signed a deal with Norway to buy submarines jointly": both buy
    partner, signer = _order_sides(verb, order, item, actors)
    bought = item.head.lemma_.lower() in BUYING
    seller = _seller_from(order, item, actors) if partner is None and not bought else None
    if seller is not None and signer is not None and seller.id != signer.id:
        # a maker's contract 'from' a state is that state's order: "Hanwha signed a contract for
        # 100 howitzers from Poland" sells to Poland
        roles = Roles(signer, seller) if signer.kind == "maker" else Roles(seller, signer)
        return _on_behalf(roles, item, (order, verb), actors)
    buying = [item, item.head] if bought else [item]
    if any(treenames.prep_objects(t, {"from"}) for t in buying):
        return None  # "a deal with Sweden to buy jets from the US": the buying names its seller
    if partner is None or signer is None or partner.kind == signer.kind == "maker":
        return None
    home = homes.home_state(item)
    if signer.kind == "maker" or (home is not None and home == signer.id):
        return Roles(signer, partner)  # "The US signed a deal with Qatar for F-15 jets"
    if home != partner.id and not homes.resells(item, partner.id) and _either_way(item, order, partner, actors):
        return None  # "The US signed a deal with Qatar for jets": either may sell
    return _on_behalf(Roles(partner, signer), item, (order, verb), actors)


def _order_sides(
    verb: Token, order: Token, item: Token, actors: list[Mention]
) -> tuple[Mention | None, Mention | None]:
    """The party an order is placed 'with' (or the other of two conjoined signers) and the signer."""
    partners = [p for t in (order, verb, item) for p in treenames.prep_objects(t, {"with"})]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    partner = treenames.mention_in(partners, actors)
    signer = treenames.mention_in(subjects, actors)
    if partner is None:  # "Egypt and France signed a contract for Rafale jets": the other signer
        partner = treenames.mention_in([c for s in subjects for c in s.children if c.dep_ == "conj"], actors)
    return partner, signer


def _seller_from(order: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """The party an order, or the item ordered, is 'from' when none is 'with': the seller ("signed
    a contract for 250 tanks from the United States"); the signer buys."""
    sources = treenames.prep_objects(order, {"from"}) + treenames.prep_objects(item, {"from"})
    return treenames.mention_in(sources, [a for a in actors if a.kind in SELLER_KINDS])


# Verbs by which a seller gets an order from its buyer ("Saab won an order from Poland").
WINNING = {"win", "receive", "secure", "land", "get", "obtain", "clinch", "bag"}


def won_order_roles(item: Token, actors: list[Mention]) -> Roles | None:
    """'Saab won an order from Poland for two aircraft', 'Rheinmetall received a contract from
    Ukraine for 100 vehicles': the subject sells to the party the order is 'from'."""
    verb, order = _order_verb(item, WINNING)
    if verb is None or order is None or not told(verb, order):
        return None
    buyer = treenames.mention_in(
        treenames.prep_objects(order, {"from"}) + treenames.prep_objects(verb, {"from"}), actors
    )
    seller = treenames.mention_in(subjects_of(verb), actors)
    if buyer is None or seller is None:
        return None
    return _on_behalf(Roles(seller, buyer), item, (order, verb), actors)


def _order_verb(item: Token, verbs: set[str]) -> tuple[Token | None, Token | None]:
    """The verb (one of `verbs`) that takes an order or contract an item is 'for', found on the
    order or on the verb ("won an order from Poland for two aircraft", parsed with 'for' on "won";
    "awarded Hanwha a contract for howitzers"), and that order."""
    head = item.head.head if item.dep_ == "pobj" and item.head.lower_ == "for" else None
    if head is not None and head.lemma_.lower() in ORDER_NOUNS and head.dep_ == "dobj":
        head = head.head
    if head is None or head.lemma_.lower() not in verbs:
        return None, None
    orders = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in ORDER_NOUNS]
    return (head, orders[0]) if orders else (None, None)


def _beneficiary(item: Token, deal: tuple[Token, ...], actors: list[Mention]) -> Mention | None:
    """The state an item, order or purchase is 'for' ("an order for shells for Ukraine"), not the
    item itself ("an order for shells")."""
    ends = [p for t in (item, *deal) for p in treenames.prep_objects(t, {"for"}) if p.i != item.i]
    return treenames.mention_in(ends, [a for a in actors if a.kind in SELLER_KINDS and a.kind != "maker"])


def _on_behalf(roles: Roles, item: Token, deal: tuple[Token, ...], actors: list[Mention]) -> Roles:
    """A buyer that buys for a third state passes the item on: that state receives, the buyer is
    the route ("Denmark placed an order with Rheinmetall for shells for Ukraine")."""
    third = _beneficiary(item, deal, actors)
    if third is None or third.id in (roles.supplier.id, roles.recipient.id):
        return roles
    via = [roles.recipient] if roles.recipient.id != roles.supplier.id else []  # a state buying at home
    return Roles(roles.supplier, third, via)


def _either_way(item: Token, order: Token, partner: Mention, actors: list[Mention]) -> bool:
    """Can a contract between two states for an item be read either way? A state signs as buyer
    or seller ("India signed a contract with Russia for ...", "The US signed a deal with Qatar
    for ..."); one places an order only as buyer, and buys only as buyer ("to buy"), and an item
    that its owner names as the partner's ("for Russian S-400s") goes from the partner."""
    if partner.kind == "maker" or order.lemma_.lower() == "order" or item.head.lemma_.lower() in BUYING:
        return False
    owner = owner_of(item, actors)
    return owner is None or owner.id != partner.id


def _ordering(item: Token) -> tuple[Token | None, Token | None]:
    """The verb that concludes the order an item is 'for' or bought under, and the order noun."""
    head = item.head
    if item.dep_ == "dobj" and head.lemma_.lower() in BUYING and head.dep_ in ("acl", "xcomp", "advcl"):
        head = head.head  # "a deal with Israel to buy radars": the buying is the deal's
    elif item.dep_ == "pobj" and head.lower_ == "for":
        head = head.head  # "an order for 24 Rafales", "signed a contract ... for the S-400"
    else:
        return None, None
    if head.lemma_.lower() in ORDER_NOUNS and head.dep_ == "dobj":
        return (head.head, head) if head.head.lemma_.lower() in ORDER_VERBS else (None, None)
    if head.lemma_.lower() in ORDER_VERBS:
        orders = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in ORDER_NOUNS]
        return (head, orders[0]) if orders else (None, None)
    return None, None


def purchase_roles(item: Token, actors: list[Mention]) -> Roles | None:
    """'Greece finalised the purchase of German tanks', 'completed its purchase of jets from France'."""
    purchase = of_head(item)
    if purchase is None or purchase.lemma_.lower() not in IMPORT_NOUNS or purchase.dep_ != "dobj":
        return None
    verb = purchase.head
    if verb.lemma_.lower() not in CONCLUDING or not told(verb, purchase):
        return None
    buyer = treenames.mention_in([c for c in purchase.children if c.dep_ == "poss"] + subjects_of(verb), actors)
    seller = owner_of(item, actors) or treenames.mention_in(
        [p for t in (purchase, item, verb) for p in treenames.prep_objects(t, {"from"})], actors
    )
    if buyer is None or seller is None or buyer.kind == "maker":
        return None
    return _on_behalf(Roles(seller, buyer), item, (purchase, verb), actors)


# Nouns of a buyer's purchase that its owner makes ("India's purchase of", "India's order for").
OWNED_PURCHASES = (IMPORT_NOUNS - {"import"}) | {"order"}


def owned_purchase_roles(item: Token, actors: list[Mention]) -> Roles | None:
    """'India's purchase of S-400 systems from Russia angered Washington', 'Turkey's acquisition
    of jets from the US', 'India's order for 26 jets from France': the purchase's owner buys, its
    'from' sells (the owner of a "sale" is the seller: that noun is a transfer cue of its own);
    the agent of a seller's decision on it sells ("Turkey's purchase of jets was approved by the
    United States", rolenames.decider_of); else the state named on the item ("Turkey's purchase
    of Russian S-400 systems"), as on imports; not the buyer's own ("India's purchase of Indian
    jets": its own industry's)."""
    purchase = of_head(item) or _order_for(item)
    if purchase is None or purchase.lemma_.lower() not in OWNED_PURCHASES:
        return None
    if stops_trade(purchase.head) or not told(purchase.head, purchase):
        return None
    buyer = treenames.mention_in([c for c in purchase.children if c.dep_ == "poss"], actors)
    sellers = [a for a in actors if a.kind in SELLER_KINDS]
    seller = treenames.mention_in([p for t in (purchase, item) for p in treenames.prep_objects(t, {"from"})], sellers)
    seller = seller or decider_of(purchase, sellers)  # "Turkey's purchase of jets was approved by the US"
    seller = seller or (owner_of(item, sellers) if item.i != purchase.i else None)  # "of Russian S-400s"
    if buyer is None or seller is None or buyer.kind == "maker" or buyer.id == seller.id:
        return None
    return _on_behalf(Roles(seller, buyer), item, (purchase,), actors)


def _order_for(item: Token) -> Token | None:
    """The order noun an item is 'for' ("India's order for 26 jets"), or None."""
    head = item.head.head if item.dep_ == "pobj" and item.head.lower_ == "for" else None
    return head if head is not None and head.lemma_.lower() == "order" else None


# Verbs by which a buyer gives a seller an order or contract ("Poland awarded Hanwha a contract").
AWARDING = {"award", "give", "grant", "hand"}


def awarded_roles(item: Token, actors: list[Mention]) -> Roles | None:
    """'Poland awarded Hanwha a contract for 200 howitzers', 'awarded a contract to Saab for
    radars': the subject buys from the party the order is given to."""
    verb, order = _order_verb(item, AWARDING)
    if verb is None or order is None or not told(verb, order):
        return None
    given = [c for c in verb.children if c.dep_ in ("dative", "iobj")] + treenames.prep_objects(verb, {"to"})
    seller = treenames.mention_in(given, [a for a in actors if a.kind in SELLER_KINDS])
    buyer = treenames.mention_in(subjects_of(verb), actors)
    if buyer is None or seller is None or buyer.kind == "maker":
        return None
    return _on_behalf(Roles(seller, buyer), item, (order, verb), actors)
