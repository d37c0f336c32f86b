"""Who receives an item: the 'to' or 'for' object of the cue or item, a verb's first or indirect
object, the members a plural receiver names, or the receiver of the transfer verb a clause details."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import ownto, positional, statenouns, syntax, treenames
from materiel.extract.coordinated import named_members
from materiel.extract.lexicon import Mention
from materiel.extract.packages import package_of

# Clauses a verb may sit in under the relative clause whose antecedent its stranded 'to' points
# at: "Qatar, which Washington wants to sell jets to", "... which it has agreed to ship tanks to".
RELATIVE_CHAIN = {"xcomp", "ccomp", "conj"}


def stranded_recipient(cue: Token, actors: list[Mention]) -> Mention | None:
    """'Qatar, which Washington wants to sell F-35 jets to': a 'to' left at the end of a relative
    clause (no object of its own) points at the clause's antecedent, which receives."""
    if not any(c.dep_ == "prep" and c.lower_ == "to" and not list(c.children) for c in cue.children):
        return None
    clause = cue
    while clause.dep_ in RELATIVE_CHAIN and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or not _relativised(clause):
        return None
    return treenames.mention_in([clause.head], actors)


def _relativised(clause: Token) -> bool:
    """Does the relative clause open with a relative pronoun ('which', 'that', 'whom') or none
    ('the state Washington sells jets to'), rather than name its own place ('where')?"""
    return not any(t.lower_ in ("where", "when", "whose") for t in clause.subtree if t.i < clause.i)


def double_object(cue: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """'send Ukraine fresh aid', parsed with Ukraine as a modifier of aid: the modifier receives."""
    names = [c for c in item.children if c.dep_ == "nmod" and c.pos_ == "PROPN" and _first_object(cue, c)]
    found = treenames.mention_in(names, actors)
    return found if found is not None and found.kind != "demonym" else None


def _first_object(cue: Token, name: Token) -> bool:
    """Does the name follow the verb as its first object ("send Ukraine fresh aid", "give the
    Ukrainians")? Not so a name on an item further on ("announced the site where a U.S. THAAD
    unit will be deployed": the maker)."""
    between = cue.doc[cue.i + 1 : name.i]
    return cue.i < name.i and all(t.dep_ == "det" for t in between)


def recipient(cue: Token, item: Token, actors: list[Mention], items: list[Mention]) -> Mention | None:
    """The actor an item goes to, as the cue or the item names it (see the module's docstring)."""
    own = ownto.own_receiver(cue, item, actors, items)  # "sold tanks to Pakistan and jets to Algeria"
    if own is not None:
        return own
    targets = _targets(cue, item, items)
    found = _named_receiver(cue, item, actors, targets)
    if found is not None:
        return found
    listed = treenames.prep_objects(item.head, {"to", "for"}) if item.dep_ == "conj" else []
    if any(_states_named_before(t) for t in targets + listed):
        return None  # "radars and munitions for the three countries": each item of the list
    if any(_unnamed_party(t, actors) for t in targets if t.i > cue.i):
        return None  # "send tanks to Ukraine and sell rifles to other governments": its own receiver
    return (
        # "will donate Ukraine 8 tanks, which Germany delivered to Norway": a first object the
        # parse hangs on the item comes before any 'to' further on (a relative clause's, there)
        double_object(cue, item, actors)
        or positional.after_to(cue, actors, items)
        or positional.right_after(cue, actors)
        or _clause_recipient(cue, actors)
        or _order_giver(cue, actors)
        or turned_buyer(cue, actors)
    )


def _targets(cue: Token, item: Token, items: list[Mention]) -> list[Token]:
    """What the cue or the item goes 'to' or 'for' (not the end of a range), those after the cue
    first, then what the cue's package is 'for' ("Denmark's package for Ukraine includes F-16s")."""
    targets = treenames.prep_objects(cue, {"to", "for", "into"}) + treenames.prep_objects(item, {"to", "for"})
    # "To the Germans: send tanks to Ukraine": a 'to' before the verb may address someone, the
    # one after it names where the item goes, so it comes first (a stable sort keeps the rest)
    targets = sorted((t for t in targets if not positional.range_end(t, items)), key=lambda t: t.i < cue.i)
    package = package_of(cue)
    if package is not None:
        targets += treenames.prep_objects(package, {"to", "for"})
    return targets


def _named_receiver(cue: Token, item: Token, actors: list[Mention], targets: list[Token]) -> Mention | None:
    """The actor a target, the cue's objects or its passive subject name as the receiver."""
    found = treenames.mention_in(targets, actors) or stranded_recipient(cue, actors)
    # "arm Kyiv with tanks", and "arming Armenia" where the verb stands for the weapons it moves:
    # the object is armed
    armed_objects = []
    if item.i == cue.i or any(c.lower_ == "with" for c in cue.children):
        armed_objects = treenames.direct_objects(cue)
        found = found or treenames.mention_in(armed_objects, actors)
    if found is None:
        found = treenames.mention_in([c for c in cue.children if c.dep_ in ("dative", "iobj")], actors)
    if found is None and item.dep_ == "dobj":  # "send Ukraine fresh aid": the first object receives
        found = treenames.mention_in([c for c in cue.children if c.dep_ == "dobj" and c.i < item.i], actors)
    armed = found is None and item.dep_ == "pobj" and item.head.lower_ == "with" and item.head.head.i == cue.i
    if armed or (found is None and item.dep_ == "dobj"):  # "Ukraine will be sent / was supplied with tanks"
        found = treenames.mention_in([c for c in cue.children if c.dep_ == "nsubjpass"], actors)
    if found is None:  # "exported to over 30 countries, including Ukraine", "arming groups such as Hamas"
        found = treenames.mention_in(named_members(targets + armed_objects), actors) or _armed_for(cue, actors)
    return found


# Verbs by which a buyer seeks another supplier ("Cairo has turned to Russia", "Manila looked to
# Seoul instead", "Baku switched to Israeli drones").
TURNING = {"turn", "look", "switch", "pivot"}
# How a clause with a subject of its own joins the sale's: conjoined ("and Cairo turned") or
# adverbial ("as Cairo turned").
OWN_CLAUSES = ("conj", "advcl")


def turned_buyer(cue: Token, actors: list[Mention]) -> Mention | None:
    """'Paris postponed the sale of the jets, and Cairo has turned to Russia': the subject of a
    clause conjoined to the cue's, that turns to another supplier, was the buyer the sale was for."""
    turned = turned_to(cue, actors)
    return turned[1] if turned is not None else None


def turned_to(cue: Token, actors: list[Mention], affirmed: bool = False) -> tuple[Mention, Mention] | None:
    """The party a buyer turned to instead of the cue's supplier, and that buyer ("..., and Cairo
    has turned to Russia": Russia, Cairo): the buyer now weighs that party's items. `affirmed`:
    not where it did not turn ("Cairo has not turned to Russia", still the sale's buyer)."""
    verb = cue if cue.pos_ in ("VERB", "AUX") else next((a for a in cue.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    for turn in (c for c in verb.children if c.dep_ in OWN_CLAUSES and c.lemma_.lower() in TURNING):
        party = treenames.mention_in(treenames.prep_objects(turn, {"to"}), actors) if _to_party(turn, actors) else None
        buyer = treenames.mention_in([c for c in turn.children if c.dep_ == "nsubj"], actors)
        if affirmed and any(c.dep_ == "neg" for c in turn.children):
            continue
        if party is not None and buyer is not None and party.id != buyer.id:
            return party, buyer
    return None


def turned_for(cue: Token) -> list[Token]:
    """What the buyer turned to another supplier for ("..., and Egypt turned to Russia for MiG-29
    jets": jets), on a turning clause joined to the cue's verb."""
    verb = cue if cue.pos_ in ("VERB", "AUX") else next((a for a in cue.ancestors if a.pos_ in ("VERB", "AUX")), None)
    turns = [c for c in verb.children if c.dep_ in OWN_CLAUSES and c.lemma_.lower() in TURNING] if verb else []
    return [o for turn in turns for o in treenames.prep_objects(turn, {"for"})]


def _to_party(verb: Token, actors: list[Mention]) -> bool:
    """The verb turns 'to' a party the article names ("turned to Russia"), not to a matter ("turned
    to the next item", "switched to lobbying Washington")."""
    objects = treenames.prep_objects(verb, {"to"})
    return any(m.start <= o.idx < m.end for o in objects for m in actors)


# Nouns of an order a seller wins or holds ("a contract from the Netherlands to supply ...").
ORDER_NOUNS = {"order", "contract", "deal"}
# Verbs by which a seller gets or closes an order ("won an order from Poland to deliver ..."):
# ordernouns.WINNING and the verbs of signing; one that loses or seeks it ("lost an order", "bid for
# a contract") commits nothing.
ORDER_WINNING = {"win", "secure", "land", "clinch", "obtain", "get", "receive", "sign", "conclude", "ink"}


# Prepositions naming the buyer an order is from or made with ("a contract with Poland to supply").
ORDER_PARTIES = {"from", "with"}


def _order_giver(cue: Token, actors: list[Mention]) -> Mention | None:
    """'Rheinmetall secured a contract from the Netherlands to supply 20 systems': the party an
    order that the cue qualifies is 'from' buys what the cue supplies."""
    order = won_order(cue)
    if order is None:
        return None
    return treenames.mention_in(
        treenames.prep_objects(order, ORDER_PARTIES) + treenames.prep_objects(order.head, ORDER_PARTIES), actors
    )


def won_order(cue: Token) -> Token | None:
    """The order noun a cue's infinitive fills: on the noun ("a contract from Poland to supply
    howitzers") or, as the parse may hang it, on the verb whose object the order is ("won an order
    from Poland to deliver 96 howitzers"). What the order moves is committed, not yet delivered."""
    if cue.dep_ == "acl" and cue.head.lemma_.lower() in ORDER_NOUNS:
        return cue.head
    if cue.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return None
    if cue.head.lemma_.lower() not in ORDER_WINNING:
        return None
    return next((c for c in cue.head.children if c.dep_ == "dobj" and c.lemma_.lower() in ORDER_NOUNS), None)


# Clauses of a participle that details what the verb above it moves ("provided backing to Kyiv,
# supplying artillery"): no subject or recipient of their own.
DETAILING_DEPS = {"advcl", "xcomp", "conj"}


# Verbs of a purpose clause whose object the moved items arm ("sold jets to arm Taiwan", "approved
# $300 million to equip Ukraine's army").
ARMING = {"arm", "equip", "rearm", "resupply"}


def _armed_for(cue: Token, actors: list[Mention]) -> Mention | None:
    """The object of a purpose clause of arming on the cue: 'sold F-16s to arm Taiwan'."""
    clauses = [c for c in cue.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ARMING]
    return treenames.mention_in([o for c in clauses for o in treenames.direct_objects(c)], actors)


def _clause_recipient(cue: Token, actors: list[Mention]) -> Mention | None:
    """'The US has provided military backing to Kyiv, supplying artillery': a participle clause with
    no recipient of its own under a transfer verb gives to whom that verb gives; so does a verb
    conjoined to it with no subject of its own ('provides Kyiv with intelligence and sends
    weapons', 'gave training to Ukraine and supplied ammunition')."""
    head = cue.head
    shares = (cue.tag_ == "VBG" and cue.dep_ in DETAILING_DEPS) or (cue.dep_ == "conj" and cue.pos_ == "VERB")
    if not shares or head.i == cue.i or syntax.cue_kind(head) != "transfer":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    found = treenames.mention_in(treenames.prep_objects(head, {"to", "for"}), actors)
    if found is None and cue.dep_ == "conj":
        found = treenames.mention_in(_head_receivers(head), actors)
    return found


def _head_receivers(head: Token) -> list[Token]:
    """Who a transfer verb names as receiving without 'to': its indirect object ('gives Ukraine
    training', also when parsed as a name on the object: 'provides Kiev intelligence support'),
    or its object when the thing given follows 'with' ('provides Kyiv with ...')."""
    datives = [c for c in head.children if c.dep_ in ("dative", "iobj")]
    objects = treenames.direct_objects(head)
    names = [c for o in objects for c in o.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    datives += [c for c in names if _first_object(head, c)]
    if any(c.lower_ == "with" for c in head.children):
        datives += objects
    return datives


def _states_named_before(noun: Token) -> bool:
    """'radars for the three countries', 'missiles to these nations': the item goes to states the
    text named before, which the words do not say one by one; a state named after ('plus more
    weapons to the UAE') receives some other item."""
    return noun.tag_ in ("NNS", "NNPS") and statenouns.state_noun(noun)


# Adverbs that send an item out of the country to no one named ("sells them abroad").
ABROAD = {"abroad", "overseas"}
# Determiners of a noun that brings in a party of its own, none named before ("to a buyer", "to
# some customers", "to other governments"), unlike "the", "its" or "these" that point back.
INDEFINITE = {"a", "an", "another", "some", "other", "any", "several", "many", "various", "unnamed", "foreign"}
# Nouns for receiving parties, states or others, and the places they hold ("to less stable
# governments", "to rebels", "to a buyer", "to conflict zones"); nouns of things ("contributed to a
# project") and of a state's own forces ("to troops in the east": the article's state) are not.
PARTIES = (
    {"country", "countries", "government", "governments", "state", "states", "nation", "nations"}  # states
    | {"regime", "regimes", "ruler", "rulers", "dictator", "dictators"}  # their rulers
    | {"buyer", "buyers", "customer", "customers", "client", "clients"}  # the trade's buyers
    | {"rebel", "rebels", "militia", "militias", "insurgents", "group", "groups", "party", "parties"}  # armed groups
    | {"ally", "allies", "partner", "partners", "civilians", "zone", "zones"}  # friends, people, places
)
# Nouns for supplying parties that a 'from' names ("from foreign suppliers", "from 30 states").
SOURCES = PARTIES | {"supplier", "suppliers", "exporter", "exporters", "donor", "donors", "seller", "sellers"}


def unnamed_recipient(cue: Token, item: Token, actors: list[Mention]) -> bool:
    """Does the item go, by the sentence's own words, to receivers that are no named state: out of
    the country ("sells them abroad") or to a class or an indefinite party ("selling drones to less
    stable governments", "supplied guns to rebels", "sold to a buyer")? Then the article's or an
    earlier sentence's state is not its recipient. Words on the way from the item up to its cue
    count ("the selling of drones to buyers", "sent tanks abroad")."""
    path = [item, *(t for t in item.ancestors if t.i != cue.i and cue in t.ancestors), cue]
    if any(c.dep_ == "advmod" and c.lower_ in ABROAD for t in path for c in t.children):
        return True
    targets = [g for t in path for g in treenames.prep_objects(t, {"to"})]
    if any(_unnamed_party(t, actors) for t in targets):
        return True
    return any(_unnamed_armed_group(t, actors) for t in targets + _equipped_objects(item))


# Nouns of an armed group that fights a government ("the M23 rebels", "a local militia"), and
# words that make a group one ("the M23 rebel group", "an armed movement").
ARMED_NOUNS = {"rebels", "rebel", "militia", "militias", "insurgents", "guerrillas", "separatists", "militants"}
GROUP_NOUNS = {"group", "groups", "movement", "movements", "faction", "factions"}
ARMING_WORDS = {"rebel", "armed", "militant", "insurgent", "separatist", "paramilitary", "guerrilla", "jihadist"}


def _unnamed_armed_group(noun: Token, actors: list[Mention]) -> bool:
    """An armed group that no lexicon names, whatever names it bears ("the M23 rebel group",
    "Shiite militias in Iraq"): a party of its own, not a state the sentence or the article names
    near it. A group the lexicon knows ("the Houthi rebels") is named, and goes its own way."""
    if any(m.start <= t.idx < m.end for t in noun.subtree for m in actors if t.i <= noun.i):
        return False
    if noun.lower_ in ARMED_NOUNS:
        return True
    return noun.lower_ in GROUP_NOUNS and any(c.lower_ in ARMING_WORDS for c in noun.children)


def _equipped_objects(item: Token) -> list[Token]:
    """The party a verb equips with the item ("supplied the M23 rebel group with mortars")."""
    item = treenames.first_conjunct(item)
    if item is None or item.dep_ != "pobj" or item.head.lower_ != "with":
        return []
    holder = item.head.head
    return [holder] if holder.dep_ == "dobj" else [c for c in holder.children if c.dep_ == "dobj"]


def unnamed_source(cue: Token, item: Token, actors: list[Mention]) -> bool:
    """Does the item come, by the sentence's own words, from parties that are no named state: a
    class, an indefinite party or a count of them ("received weapons from at least 30 states",
    "bought arms from foreign suppliers", "from several countries")? Then an earlier sentence's
    supplier is not its supplier: the sentence says it had many."""
    sources = [t for h in (cue, item) for t in treenames.prep_objects(h, {"from"})]
    return any(_unnamed_party(t, actors, SOURCES) or _counted_parties(t, actors) for t in sources)


def _counted_parties(noun: Token, actors: list[Mention]) -> bool:
    """A count of party nouns with no determiner, no name and no members named ("30 states", "at
    least a dozen countries"); "the two countries" points back, "30 countries including Poland"
    names some."""
    if noun.lower_ not in SOURCES or noun.tag_ != "NNS" or any(m.start <= noun.idx < m.end for m in actors):
        return False
    children = list(noun.children)
    counted = any(c.dep_ == "nummod" for c in children)
    return counted and not any(c.dep_ in ("det", "poss", "appos", "conj", "prep", "compound") for c in children)


def _unnamed_party(noun: Token, actors: list[Mention], parties: frozenset[str] | set[str] = PARTIES) -> bool:
    """A party noun that names no state and points back to none: a bare plural ("rebels", "less
    stable governments") or one brought in by an indefinite word ("a buyer", "other countries").
    Not a possessed one ("Kyiv's allies"), one of a named group ("Gulf states"), nor one naming
    its members ("countries such as Poland")."""
    named = any(m.start <= t.idx < m.end for t in noun.subtree for m in actors)
    if noun.lower_ not in parties or named:
        return False
    if any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in noun.children):
        return False  # "its allies", "Gulf states": parties of a named state or group
    words = [c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "predet")]
    if any(w in INDEFINITE for w in words):
        return True
    return noun.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod") for c in noun.children)


def behalf_of(cue: Token, actors: list[Mention]) -> Mention | None:
    """The state on whose behalf a buyer buys ("bought Exocets on Argentina's behalf", "buys shells
    on behalf of Ukraine"): the item is that state's, and the buyer a state it passes through (via,
    GUIDE). Only a receiving verb's: a sender acting for another ("On behalf of NATO, Britain
    delivered radars") is the supplier's side."""
    if syntax.cue_kind(cue) != "receive":
        return None
    behalf = [t for t in cue.sent if t.lower_ == "behalf" and t.head.lower_ in ("on", "in") and _verb_above(t) == cue]
    names = [c for t in behalf for c in t.children if c.dep_ == "poss"]
    names += [g for t in behalf for g in treenames.prep_objects(t, {"of"})]
    return treenames.mention_in(names, actors) or _bought_for(cue, actors)


# Verbs of buying whose 'for' may name a third state the purchase is for ("bought shells for Ukraine").
BUYING = {"buy", "purchase", "procure", "acquire"}


def _bought_for(cue: Token, actors: list[Mention]) -> Mention | None:
    """'Norway will buy mortar bombs for Ukraine from a Finnish maker': a state a purchase from a
    named seller is 'for' is the buyer's principal, as 'on behalf of' (the 'for' hangs on the verb,
    its object or the seller). None without a seller 'from', where the 'for' may be a use."""
    if cue.lemma_.lower() not in BUYING:
        return None
    sellers = treenames.prep_objects(cue, {"from"}) + [
        g for o in treenames.direct_objects(cue) for g in treenames.prep_objects(o, {"from"})
    ]
    if treenames.mention_in(sellers, actors) is None:
        return None
    holders = [cue, *treenames.direct_objects(cue), *sellers]
    return treenames.mention_in([g for h in holders for g in treenames.prep_objects(h, {"for"})], actors)


def _verb_above(token: Token) -> Token | None:
    """The first verb the token hangs from."""
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)


def equips_named_party(item: Token | None) -> bool:
    """The item is what a verb equips a party with that a proper name owns ("Moscow supplied
    Bashar al-Assad's army with tanks"): that party, though no lexicon names it, gets the item,
    not the article's recipient."""
    item = treenames.first_conjunct(item)
    if item is None or item.dep_ != "pobj" or item.head.lower_ != "with":
        return False
    holder = item.head.head  # the verb, or its object where the parse hangs 'with' there
    objects = [holder] if holder.dep_ == "dobj" else [c for c in holder.children if c.dep_ == "dobj"]
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for o in objects for c in o.children)
