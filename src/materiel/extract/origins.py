"""Where an item comes from: the actor after 'from' on a cue, on the item, on the noun it is 'of',
on a buying participle or on a share of it; and the partner of a deal that a purchase is for."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.countries import is_state_id
from materiel.extract import homes, positional, syntax, treenames
from materiel.extract.coordinated import named_members
from materiel.extract.lexicon import Mention
from materiel.extract.withdrawal import REQUESTS


def source(cue: Token, item: Token, actors: list[Mention], items: list[Mention]) -> Mention | None:
    """The actor after 'from' on the cue, the item or the noun it is 'of', or right after the
    item wherever the parse hangs that 'from' ("Patriot systems and Storm Shadow missiles from the
    U.K.": on the first entry of the list). An item after 'from' starts a range of items ("from
    German Leopard tanks to ..."): the state on it made that item, it sends nothing."""
    following = item.doc[item.i + 1] if item.i + 1 < len(item.doc) else None
    misparsed = _named_after_misparsed_from(item, following, actors, items)
    if misparsed is not None:
        return misparsed
    asks = cue.pos_ == "NOUN" and cue.lemma_.lower() in REQUESTS  # "the request from Kyiv": who asks
    heads = (*(() if asks else (cue,)), item, *_of_head(item), *_acquisitions(cue, item))
    objects = [t for h in heads for t in treenames.prep_objects(h, {"from"})]
    if following is not None and following.lower_ == "from":
        objects = [c for c in following.children if c.dep_ == "pobj"] + objects
    objects += [t for h in (*objects, cue, item) for t in _share_sources(h)]
    objects += named_members(objects)  # "shells from its allies, including Iran"
    return treenames.mention_in([t for t in objects if not positional.names_materiel(t, items)], actors)


def _named_after_misparsed_from(
    item: Token, following: Token | None, actors: list[Mention], items: list[Mention]
) -> Mention | None:
    """'got HIMARS from the US and Storm Shadow missiles from Britain': the parse takes the next
    list entry's item for the object of the item's own 'from' (the state but its modifier, "the
    US ... missiles"); the actor right after that 'from', before the 'and', is the item's source,
    not the 'from' on the verb, which is the next entry's."""
    froms = [c for c in item.children if c.dep_ == "prep" and c.lower_ == "from"]
    froms += [following] if following is not None and following.lower_ == "from" else []
    for word in froms:
        objects = [c for c in word.children if c.dep_ == "pobj"]
        if not objects or not all(positional.names_materiel(t, items) for t in objects):
            continue
        after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
        if after is not None and after.lower_ == "the" and after.i + 1 < len(word.doc):
            after = word.doc[after.i + 1]
        named = [m for m in actors if after is not None and m.start == after.idx and _before_and(word.doc, m)]
        if named:
            return named[0]
    return None


# How far after a state's name the 'and' opening the next list entry may start (characters): a
# comma and a space or two ("from the US, and Storm Shadow missiles").
AND_REACH = 5


def _before_and(doc: Doc, mention: Mention) -> bool:
    """Is the mention followed by 'and' (the next entry of a list), not part of an item's name
    ("from Swedish CV90 vehicles to ...": a range, the state the maker)?"""
    return any(t.lower_ == "and" for t in doc if mention.end <= t.idx < mention.end + AND_REACH)


# Participles of buying whose 'from' names the seller of the item they describe ("66 F-16 fighters
# ordered from the United States", "howitzers bought from South Korea").
ACQUIRING = {"order", "buy", "purchase", "acquire", "import", "procure", "lease"}


def _acquisitions(cue: Token, item: Token) -> list[Token]:
    """The buying participles where the item's seller's 'from' hangs: on the item ("howitzers
    ordered from ..."), on the noun it is 'of' ("the first batch of howitzers, ordered last year,
    from India"), or set off by commas on a receiving cue ("received howitzers, ordered last year,
    from India", parsed as the cue's adverbial clause)."""
    on_nouns = [c for h in (item, *_of_head(item)) for c in h.children if c.dep_ in ("acl", "relcl")]
    on_cue = [c for c in cue.children if c.dep_ == "advcl" and c.tag_ == "VBN"] if _receiving(cue) else []
    return [c for c in on_nouns + on_cue if c.lemma_.lower() in ACQUIRING]


def _receiving(cue: Token) -> bool:
    return syntax.cue_kind(cue) == "receive"


def _share_sources(head: Token) -> list[Token]:
    """'received 200 tanks from its allies, including 80 from Germany': the states a share is
    'from', after givers that name no state ("including" hangs from the givers, the verb or the
    item)."""
    shares = [g for c in head.children if c.lower_ == "including" for g in c.children if g.dep_ == "pobj"]
    return [t for share in shares for t in treenames.prep_objects(share, {"from"})]


def _of_head(item: Token) -> list[Token]:
    """The noun an item is 'of' ("$100 million worth of drones from China", "a shipment of shells
    to Kyiv"), or the noun a named item stands before ("the Arrow 3 system from Israel", "the
    Patriot batteries from Germany"): where the item's 'from' and 'to' often hang."""
    if item.dep_ == "pobj" and item.head.lower_ == "of":
        return [item.head.head]
    return [item.head] if item.dep_ in NAMING_DEPS and item.head.pos_ == "NOUN" and item.head.i > item.i else []


# How a system's name stands before the noun it names: "the Arrow 3 system", "Patriot batteries".
NAMING_DEPS = {"compound", "nmod"}


# Nouns of a bargain: the party it is "with" is the other side of a purchase it is for.
DEALS = {"agreement", "deal", "contract", "accord", "arrangement", "memorandum"}
# Prepositions that put a purchase under a bargain ("under a $2 billion agreement with Washington,
# Taipei will buy ...", "as part of a deal with France").
UNDER = {"under", "through"}
# Verbs of coming to terms whose 'with' is the other side of the purchase their clause tells
# ("Brazil agreed with Sweden to acquire 36 Gripen fighters").
AGREEING = {"agree", "sign"}
# Words that make the party 'with' a fellow buyer, not the seller ("agreed with Norway to buy
# jets jointly", "together with Germany"); not "joint", as often a statement's or a venture's.
JOINTLY = {"jointly", "together"}


def deal_partner(cue: Token, item: Token, actors: list[Mention], buyer: Mention | None) -> Mention | None:
    """'an agreement with France to purchase 36 Rafale jets', 'signed a contract with France to
    buy ...', 'under a deal with Washington, Taipei will buy ...', 'agreed with Sweden to acquire
    ...': the partner sells, unless it buys with the buyer (`_jointly`) or the item is made by
    another state ("agreed with Estonia to buy IRIS-T systems": German) that the partner does not
    sell on second-hand ("agreed with the Netherlands to acquire F-16s": Dutch jets). A bargain
    the purchase is told under is a seller's only with a state or a maker ("under a deal with the
    European Union, Turkey will buy ...": a union that sells nothing)."""
    deals = [d for d in _deals(cue) if d.lemma_.lower() in DEALS]
    withs = [t for d in deals for t in treenames.prep_objects(d, {"with"})]
    under = {t.i for t in _under(cue)}
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in AGREEING:
        withs += treenames.prep_objects(cue.head, {"with"})
    if _jointly(cue, withs):
        return None
    partner = treenames.mention_in(withs, actors)
    if partner is None or (buyer is not None and partner.id == buyer.id):
        return None
    if _named_seller(cue, item, actors):
        return None  # "agreed with Denmark to buy F-16 jets from the United States": the seller is named
    home = homes.home_state(item)
    if home is not None and home != partner.id and not homes.resells(item, partner.id):
        return None  # a third state makes it, and the partner sells none of its own on
    if any(d.i in under for d in deals) and not is_state_id(partner.id):
        return None
    return partner


def _named_seller(cue: Token, item: Token, actors: list[Mention]) -> bool:
    """An actor after 'from' on the buying verb or the item, or on a noun in a phrase of the verb's
    where the parse hangs it ("to buy F-16 jets for its air force from the United States")."""
    phrases = [o for p in cue.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    objects = [t for h in phrases for t in treenames.prep_objects(h, {"from"})]
    return source(cue, item, actors, []) is not None or treenames.mention_in(objects, actors) is not None


def _jointly(cue: Token, withs: list[Token]) -> bool:
    """The party 'with' buys too: an adverb of joint action on the buying verb or on the verb of
    agreeing ("agreed with Norway to buy jets jointly"), or on the 'with' itself ("together with
    Germany")."""
    heads = [cue, cue.head] if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in AGREEING else [cue]
    adverbs = [c for h in heads for c in h.children if c.dep_ == "advmod"]
    preps = [w.head for w in withs if w.head.lower_ == "with"]
    adverbs += [c for p in preps for c in p.children] + [p.head for p in preps]
    return any(w.lower_ in JOINTLY for w in adverbs)


def _deals(cue: Token) -> list[Token]:
    """The nouns of a bargain a buying verb is told under: the noun it qualifies, the object of the
    verb its clause hangs on, or the object of 'under' or 'as part of' on the verb itself."""
    under = _under(cue)
    if cue.dep_ in ("acl", "relcl"):
        return [cue.head, *under]
    if cue.dep_ in ("advcl", "xcomp"):
        return [c for c in cue.head.children if c.dep_ == "dobj"] + under
    return under


def _under(cue: Token) -> list[Token]:
    """The nouns after 'under', 'through' or 'as part of' on the buying verb."""
    parts = [p for p in treenames.prep_objects(cue, {"as"}) if p.lemma_.lower() == "part"]
    return treenames.prep_objects(cue, UNDER) + [t for p in parts for t in treenames.prep_objects(p, {"of"})]
