"""Where an item comes from: the actor after 'from' on a cue, on the item, on the noun it is 'of',
on a buying participle or on a share of it; and the partner of a deal that a purchase is for."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import positional, syntax
from materiel.extract.lexicon import Mention


def source(cue: Token, item: Token, actors: list[Mention], items: list[Mention]) -> Mention | None:
    """The actor after 'from' on the cue, the item or the noun it is 'of', or right after the
    item wherever the parse hangs that 'from' ("Patriot systems and Storm Shadow missiles from the
    U.K.": on the first entry of the list). An item after 'from' starts a range of items ("from
    German Leopard tanks to ..."): the state on it made that item, it sends nothing."""
    heads = (cue, item, *_of_head(item), *_acquisitions(item))
    objects = [t for h in heads for t in syntax.prep_objects(h, {"from"})]
    following = item.doc[item.i + 1] if item.i + 1 < len(item.doc) else None
    if following is not None and following.lower_ == "from":
        objects = [c for c in following.children if c.dep_ == "pobj"] + objects
    objects += [t for h in (*objects, cue, item) for t in _share_sources(h)]
    return syntax.mention_in([t for t in objects if not positional.names_materiel(t, items)], actors)


# Participles of buying whose 'from' names the seller of the item they describe ("66 F-16 fighters
# ordered from the United States", "howitzers bought from South Korea").
ACQUIRING = {"order", "buy", "purchase", "acquire", "import", "procure", "lease"}


def _acquisitions(item: Token) -> list[Token]:
    """The buying participles on an item ("ordered from ...") where its seller's 'from' hangs."""
    return [c for c in item.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ACQUIRING]


def _share_sources(head: Token) -> list[Token]:
    """'received 200 tanks from its allies, including 80 from Germany': the states a share is
    'from', after givers that name no state ("including" hangs from the givers, the verb or the
    item)."""
    shares = [g for c in head.children if c.lower_ == "including" for g in c.children if g.dep_ == "pobj"]
    return [t for share in shares for t in syntax.prep_objects(share, {"from"})]


def _of_head(item: Token) -> list[Token]:
    """The noun an item is 'of' ("$100 million worth of drones from China", "a shipment of shells
    to Kyiv"): where the item's 'from' and 'to' often hang."""
    return [item.head.head] if item.dep_ == "pobj" and item.head.lower_ == "of" else []


# Nouns of a bargain: the party it is "with" is the other side of a purchase it is for.
DEALS = {"agreement", "deal", "contract", "accord", "arrangement", "memorandum"}


def deal_partner(cue: Token, actors: list[Mention], buyer: Mention | None) -> Mention | None:
    """'an agreement with France to purchase 36 Rafale jets', 'signed a contract with France to
    buy ...': the partner sells."""
    if cue.dep_ in ("acl", "relcl"):
        deals = [cue.head]
    elif cue.dep_ in ("advcl", "xcomp"):
        deals = [c for c in cue.head.children if c.dep_ == "dobj"]
    else:
        return None
    deals = [d for d in deals if d.lemma_.lower() in DEALS]
    partner = syntax.mention_in([t for d in deals for t in syntax.prep_objects(d, {"with"})], actors)
    return partner if partner is not None and (buyer is None or partner.id != buyer.id) else None
