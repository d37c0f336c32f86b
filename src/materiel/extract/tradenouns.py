"""Transfers told in the words of arms-trade statistics and procurement, where no transfer verb
governs the item (the frames of orders and purchases are in ordernouns.py, where a trade noun
stands in tradesyntax.py):

- a buyer named by a noun of its role: "Egypt was the largest customer of Italy's arms exports",
  "Azerbaijan is Israel's second biggest arms customer" (the subject receives, the owner supplies),
  and the same the other way round, the buyers after the verb ("Italy's largest arms customers
  were Qatar and Kuwait", "Among the recipients of Spanish arms were Morocco and Peru");
- a supplier's share of a buyer's imports: "France accounted for 40% of India's arms imports",
  "Russia supplied a third of Algeria's weapons imports" (the subject supplies, the owner receives);
  a buyer's share of a supplier's exports: "India accounted for 30% of France's arms exports",
  "Qatar took a quarter of Italian arms exports" (the subject receives, the owner supplies);
- a purchase concluded: "Greece finalised the purchase of German Leopard tanks" (the subject buys
  from the maker the item's owner names); a purchase owned: "India's purchase of S-400 systems
  from Russia" (the owner buys from the party 'from');
- a buyer's imports from a supplier: "India's arms imports from Russia rose", "India cut its
  imports of arms from Russia", "Pakistan's imports of Chinese weapons" (the owner or the party
  'by' receives, the party 'from' or the item's owner supplies);
- an order or contract placed with a seller: "Egypt placed an order for 24 Rafales with France",
  "India signed a contract with Russia for the S-400" (the subject buys from the party 'with';
  a company that signs sells, as its home state: "Saab signed a contract with Thailand for ...";
  between two states, the one that makes the system named sells: homes.py);
- an order won from a buyer: "Saab won an order from Poland for two aircraft" (the subject sells).

An order or purchase 'for' a third state ("for Ukraine") goes to that state, the buyer being its
route. Statistics tell what was delivered; an order or contract is a commitment (pledged). A state's
order from its own industry names one state twice and moves nothing, unless it is for a third state.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.lexicon import Mention
from materiel.extract.ordernouns import (
    awarded_roles,
    order_roles,
    owned_purchase_roles,
    purchase_roles,
    won_order_roles,
)
from materiel.extract.roles import Roles
from materiel.extract.suppliernouns import equated_by, holders, predicated_by, told
from materiel.extract.tradesyntax import (
    IMPORT_NOUNS,
    OWNERS,
    SELLER_KINDS,
    of_head,
    owner_of,
    stops_trade,
    subjects_of,
)

# Nouns of a state's role as a buyer of materiel.
CUSTOMER_NOUNS = {"customer", "recipient", "buyer", "importer", "client", "purchaser"}
# Nouns of a supplier's trade that a buyer is the customer of ("customer of Italy's arms exports").
EXPORT_NOUNS = {"export", "sale"}
# Words for a part of a whole: "40%", "40 percent", "a third", "the bulk", "a share".
SHARES = {"%", "percent", "share", "third", "half", "quarter", "fifth", "majority", "bulk", "two-thirds"}
# Verbs whose subject holds the share: "accounted for", "supplied", "provided", "made up".
SHARE_VERBS = {"account", "supply", "provide", "make", "represent", "deliver"}
# Verbs whose subject holds a share of a seller's exports: "accounted for", "took", "made up",
# "absorbed"; giving verbs are left out ("India supplied 30% of France's exports" is no sale).
TAKING_VERBS = {"account", "make", "represent", "take", "absorb"}
# The stages the frames give: statistics count deliveries, orders are commitments.
TOLD = "delivered"
ORDERED = "pledged"


def trade_noun_roles(item: Token, actors: list[Mention]) -> tuple[Roles, str] | None:
    """Both sides and the stage of an item that a statistic or an order tells, or None."""
    frames = (
        (_customer_roles, TOLD),
        (_share_roles, TOLD),
        (_export_share_roles, TOLD),
        (order_roles, ORDERED),
        (won_order_roles, ORDERED),
        (awarded_roles, ORDERED),
        (purchase_roles, ORDERED),
        (_import_roles, TOLD),
        (owned_purchase_roles, ORDERED),
    )
    for frame, status in frames:
        roles = frame(item, actors)
        if roles is not None and roles.supplier.id != roles.recipient.id:
            return roles, status
    return None


# What a buyer is the customer of, or for ("the first export customer for the Rafale").
CUSTOMER_PREPS = frozenset({"of", "for"})


def _customer_roles(item: Token, actors: list[Mention]) -> Roles | None:
    """'Egypt was the largest customer of Italy's arms exports', 'X is Y's biggest arms buyer',
    'Qatar became the first export customer for the German tank'."""
    noun = item if item.lemma_.lower() in CUSTOMER_NOUNS else of_head(item, CUSTOMER_PREPS)
    if noun is None or noun.lemma_.lower() not in CUSTOMER_NOUNS:
        return None
    verb = predicated_by(noun) or equated_by(noun)
    if verb is None or not told(verb, noun):
        return None
    recipient = treenames.mention_in(holders(verb, noun), actors)
    sellers = [c for c in item.children if c.dep_ in OWNERS and c.i < item.i] if item.i != noun.i else []
    sellers += treenames.prep_objects(noun, {"from"}) + [c for c in noun.children if c.dep_ == "poss"]
    supplier = treenames.mention_in(sellers, [a for a in actors if a.kind in SELLER_KINDS])
    return Roles(supplier, recipient) if supplier and recipient else None


def _share_roles(item: Token, actors: list[Mention]) -> Roles | None:
    """'France accounted for 40% of India's arms imports', 'supplied a third of its imports'."""
    told_share = _told_share(item, IMPORT_NOUNS, SHARE_VERBS)
    if told_share is None:
        return None
    trade, verb = told_share
    supplier = treenames.mention_in(subjects_of(verb), actors)
    recipient = owner_of(trade, actors)
    return Roles(supplier, recipient) if supplier and recipient else None


def _told_share(item: Token, nouns: set[str], verbs: set[str]) -> tuple[Token, Token] | None:
    """The trade noun (one of `nouns`: "imports", "exports") whose share the item names or is, and
    the verb (one of `verbs`) that tells the share, where the sentence tells it as fact."""
    trade = item if item.lemma_.lower() in nouns else of_head(item)
    share = of_head(trade) if trade is not None and trade.lemma_.lower() in nouns else None
    if share is None or share.lemma_.lower() not in SHARES:
        return None
    verb = share.head.head if share.dep_ == "pobj" else share.head
    return (trade, verb) if verb.lemma_.lower() in verbs and told(verb, share) else None


def _export_share_roles(item: Token, actors: list[Mention]) -> Roles | None:
    """'India accounted for 30% of France's arms exports', 'Qatar took a quarter of Italian arms
    exports'; a share of world exports ("11% of global arms exports") has no owner and no buyer."""
    told_share = _told_share(item, EXPORT_NOUNS, TAKING_VERBS)
    if told_share is None:
        return None
    trade, verb = told_share
    recipient = treenames.mention_in(subjects_of(verb), actors)
    supplier = owner_of(trade, [a for a in actors if a.kind in SELLER_KINDS])
    return Roles(supplier, recipient) if supplier and recipient else None


# Possessive pronouns on imports, whose owner is the clause's subject ("India cut its imports").
POSSESSIVE_PRONOUNS = {"its", "their"}


def _import_roles(item: Token, actors: list[Mention]) -> Roles | None:
    """'India's arms imports from Russia rose', 'arms imports by India from Russia', 'India cut
    its imports of arms from Russia', 'Pakistan's imports of Chinese weapons'."""
    trade = item if item.lemma_.lower() == "import" else of_head(item) or _listing_head(item)
    if trade is None or trade.lemma_.lower() != "import" or stops_trade(trade.head) or not told(trade.head, trade):
        return None
    sellers = [a for a in actors if a.kind in SELLER_KINDS]
    supplier = treenames.mention_in([p for t in (trade, item) for p in treenames.prep_objects(t, {"from"})], sellers)
    if supplier is None and trade.i != item.i:
        supplier = owner_of(item, sellers)
    recipient = owner_of(trade, actors) or treenames.mention_in(treenames.prep_objects(trade, {"by"}), actors)
    if recipient is None and any(c.lower_ in POSSESSIVE_PRONOUNS for c in trade.children if c.dep_ == "poss"):
        recipient = treenames.mention_in(subjects_of(trade.head), actors)
    return Roles(supplier, recipient) if supplier and recipient else None


# Verbs by which a noun lists what it holds ("Russia's imports from Iran include drones").
LISTING = {"include", "comprise", "consist"}
# Words for arms on such imports: other goods' imports ("oil imports") list no materiel.
ARMS_WORDS = {"arm", "arms", "weapon", "military", "defence", "defense", "munition"}


def _listing_head(item: Token) -> Token | None:
    """The subject of the verb that lists the item among its contents, or None."""
    verb = item.head if item.dep_ == "dobj" else None
    if verb is None or verb.lemma_.lower() not in LISTING:
        return None
    trade = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    goods = [c for c in trade.children if c.dep_ == "compound"] if trade is not None else []
    return trade if all(c.lemma_.lower() in ARMS_WORDS for c in goods) else None
