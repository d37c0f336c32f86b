"""Who gives and who gets: supplier, recipient and intermediaries of one item in one sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from materiel.extract import (
    arrivals,
    asking,
    gapped,
    legislatures,
    origins,
    positional,
    receivers,
    requestnouns,
    statenouns,
    syntax,
    treenames,
)
from materiel.extract.context import PRONOUNS, Context
from materiel.extract.lexicon import Mention
from materiel.extract.notsent import ATTACKED_VERBS
from materiel.extract.packages import package_of, portion_of
from materiel.extract.subjects import relative_antecedent, reported_pronoun, stranded_subject, subject_tokens

# Prepositions that name an intermediary ("through Poland", "via Syria").
ROUTE_PREPS = {"through", "via"}
MODIFIER_DEPS = ("poss", "amod", "compound", "nmod")


@dataclass
class Roles:
    supplier: Mention | None
    recipient: Mention | None
    via: list[Mention] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.supplier is not None and self.recipient is not None and self.supplier.id != self.recipient.id


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
    principal = receivers.behalf_of(cue, actors)
    if principal is not None and recipient is not None and principal.id not in known:
        return Roles(supplier, principal, [recipient, *via])  # "Peru bought them on Argentina's behalf"
    return Roles(supplier, recipient, via)


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
):
    kind = syntax.cue_kind(cue)
    asked = _asked_roles(context, offset, cue, item, actors)
    if asked is not None:
        return asked
    if participle_cue(cue, item):
        return _participle_roles(context, offset, cue, item, actors)
    named = requestnouns.named_asker_roles(cue, item, actors)
    if named is not None:  # "Ukraine's request for tanks was rejected by Germany": Ukraine asks
        return named
    maker = requestnouns.made_request(cue)
    if maker is not None:  # "Kyiv sent a request for tanks to Berlin": Berlin is asked, Kyiv asks
        return requestnouns.asked_party(cue, maker, item, actors), _subject(context, offset, maker, actors)
    if kind == "arrive":  # "six Spanish tanks have arrived in Ukraine"
        return arrivals.arrival_roles(cue, item, actors, modifier, _source_reader(items))
    subject = _subject(context, offset, cue, actors) or _earlier_state(context, offset, cue, actors)
    source = origins.source(cue, item, actors, items)
    if kind == "receive" and _received_item(cue, item):
        subject = _buyer(context, offset, cue, item, actors, subject)
    if kind == "receive":
        paid = syntax.paid_party(cue) if cue.lemma_.lower() in syntax.PAYING else None
        source = source or (treenames.mention_in([paid], actors) if paid is not None else None)
        return _receive_roles(cue, item, actors, items, subject, source)
    if kind == "request":
        asked = treenames.mention_in(treenames.direct_objects(cue), actors)
        return asked or source or _asked_maker(cue, item, actors, subject), subject
    owned = owner_supplied(cue, item, actors) if kind == "transfer" else None
    if owned is not None:
        return owned
    enacted = legislatures.enacted_roles(cue, subject, actors) if kind == "noun" else None
    if enacted is not None:  # "Congress approved $61bn in Ukraine aid": Ukraine receives
        return enacted
    recipient = gapped.recipient(cue, item, actors, items) or receivers.recipient(cue, item, actors, items)
    recipient = recipient or receivers.double_object(cue, item, actors)
    recipient = recipient or (arrivals.taker(cue, actors) if kind == "noun" else None)  # "took delivery of"
    recipient = recipient or (arrivals.dependent(cue, actors) if kind == "noun" else None)  # "relies on deliveries"
    recipient = recipient or (arrivals.welcomer(cue, actors, source) if kind == "noun" else None)  # "welcomed"
    recipient = recipient or _described_user(context, offset, cue, item, actors)
    recipient = recipient or _holding_subject(context, offset, cue, item, actors)
    portion = portion_of(cue)  # "Hungary blocked the EU's tranche of aid": the EU gives it
    supplier = modifier(cue, actors) or modifier(item, actors, exclude=recipient)
    supplier = supplier or (modifier(portion, actors) if portion is not None else None) or source
    if kind != "noun" or supplier is None:
        supplier = _agent(cue, actors) or _package_owner(cue, actors, recipient) or subject or supplier
    if supplier is not None and recipient is not None and supplier.id == recipient.id:
        supplier = modifier(item, actors) or source
    recipient = recipient or statenouns.recipient(cue, item, actors, supplier)
    return supplier, recipient or statenouns.earlier_group(context, offset, cue, item)


def _asked_roles(
    context: Context, offset: int, cue: Token, item: Token, actors: list[Mention]
) -> tuple[Mention | None, Mention | None] | None:
    """'Kyiv appealed to the West to send tanks': the one asked supplies and the asker receives;
    none where they are one party ("Biden urged Congress to pass the package": a request inside
    one state, not for materiel) or the cue is asked for by no one."""
    asker = asking.request_above(cue)
    if asker is None:
        return None
    asked = asking.asked(asker, actors) or treenames.mention_in([c for c in cue.children if c.dep_ == "nsubj"], actors)
    receiver = _named_recipient(cue, item, actors) or _subject(context, offset, asker, actors)
    if asked is None or receiver is None or asked.id != receiver.id:
        return asked, receiver
    return None


def _asked_maker(cue: Token, item: Token, actors: list[Mention], asker: Mention | None) -> Mention | None:
    """'Kyiv asked for US Javelins', 'requested German tanks': the state named on what a request
    takes (its object, or what it is 'for') is asked for it; not an owner ("Iran's drones")."""
    taken = item.head.i == cue.i and item.dep_ == "dobj"
    taken = taken or (item.dep_ == "pobj" and item.head.lower_ == "for" and item.head.head.i == cue.i)
    named = [c for c in item.children if c.dep_ in ("amod", "compound", "nmod") and c.i < item.i]
    found = treenames.mention_in(named, actors) if taken else None
    return None if found is None or (asker is not None and found.id == asker.id) else found


def _received_item(cue: Token, item: Token) -> bool:
    """'drones bought from Iran', 'howitzers received from Germany': a participle on the item
    names no receiver of its own."""
    return cue.dep_ == "acl" and cue.tag_ == "VBN" and cue.head.i == item.i


def _buyer(
    context: Context, offset: int, cue: Token, item: Token, actors: list[Mention], subject: Mention | None
) -> Mention | None:
    """Who got an item a participle says was got ("drones bought from Iran"): for a buying one,
    its agent ("bought by Russia") or the state named on it ("Russian drones bought from Iran");
    else the subject of the verb that receives or uses it ("Poland took delivery of howitzers
    bought from Korea") or the subject found above ("Ukraine stored missiles obtained from
    Britain"); none where that verb strikes the item ("Ukraine shot down drones bought from Iran")."""
    found = (_agent(cue, actors) or modifier(item, actors)) if cue.lemma_.lower() in origins.ACQUIRING else None
    if found is not None or item.dep_ not in ("dobj", "pobj"):
        return found or subject
    verb = item.head.head if item.dep_ == "pobj" else item.head
    if verb.lemma_.lower() in ATTACKED_VERBS or any(c.lower_ == "down" for c in verb.children):
        return None  # "destroyed", "shot down", "brought down": the item is the enemy's
    takes = syntax.cue_kind(verb) in ("receive", "noun") or verb.lemma_.lower() in syntax.cues().users
    return (_subject(context, offset, verb, actors) if takes else None) or subject


def _receive_roles(
    cue: Token,
    item: Token,
    actors: list[Mention],
    items: list[Mention],
    subject: Mention | None,
    source: Mention | None,
) -> tuple[Mention | None, Mention | None]:
    """A receiving verb's subject receives, from its 'from' source, the partner of the deal it is
    for, the supplier a clause on the item names, or the maker named on it; one that buys 'for' a
    state with no source named supplies that state."""
    source = source or origins.deal_partner(cue, item, actors, subject)
    bought_for = treenames.mention_in(
        treenames.prep_objects(cue, {"for"}) + treenames.prep_objects(item, {"for"}), actors
    )
    if bought_for and not source:
        return subject, bought_for
    source = source or _clause_supplier(item, actors, subject)
    return source or positional.maker(cue.sent, actors, items, subject), subject


def _agent(cue: Token, actors: list[Mention]) -> Mention | None:
    """'launchers supplied by the United States': a participle's agent supplies, not the subject
    of the clause the item sits in ('Russia said it destroyed ...')."""
    return treenames.mention_in([g for c in cue.children if c.dep_ == "agent" for g in c.children], actors)


def owner_supplied(cue: Token, item: Token, actors: list[Mention]) -> tuple[Mention, Mention] | None:
    """'Ukraine's Leopard tanks were supplied by Germany': the passive's agent supplied the item,
    and the state that holds it (its possessive owner) received it."""
    agent = _agent(cue, actors)
    if agent is None or item.dep_ != "nsubjpass" or item.head.i != cue.i:
        return None
    owner = _holder(item, actors, agent)
    return (agent, owner) if owner is not None else None


def _package_owner(cue: Token, actors: list[Mention], recipient: Mention | None) -> Mention | None:
    """'argues that NATO's support for Ukraine, including weapons, ...': the state whose package a
    contents cue lists gives its contents, not the subject of the clause the list sits in."""
    package = package_of(cue)
    return modifier(package, actors, exclude=recipient) if package is not None else None


def _participle_roles(context: Context, offset: int, cue: Token, item: Token, actors: list[Mention]):
    """'British-supplied missiles': the state named on the participle supplies; whoever uses the
    item ('Ukraine used ...', '... to be used by Ukrainian forces') received it."""
    named = [c for c in cue.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod", "poss")]
    supplier = treenames.mention_in(named, actors)
    return supplier, _user(context, offset, item, actors) or _holder(item, actors, supplier)


def _holder(item: Token, actors: list[Mention], supplier: Mention | None) -> Mention | None:
    """The state an item that a participle says was supplied belongs to received it ("Kyiv's
    US-supplied launchers", "Ukraine's British-donated tanks"); not the supplier's own ("America's
    US-supplied ...": no second party)."""
    owner = treenames.mention_in([c for c in item.children if c.dep_ == "poss"], actors)
    return None if owner is None or (supplier is not None and owner.id == supplier.id) else owner


def _user(context: Context, offset: int, item: Token, actors: list[Mention]) -> Mention | None:
    users = syntax.cues().users
    verb = item.head
    if item.dep_ == "dobj" and verb.lemma_.lower() in users:
        return _subject(context, offset, verb, actors)
    if item.dep_ == "pobj" and verb.lower_ == "with":
        return _wielder(context, offset, verb.head, actors)
    # "arms to be used by Ukrainian forces": the passive verb of the item or of a clause on it
    passive = [verb] if item.dep_ == "nsubjpass" else []
    passive += [c for c in item.children if c.dep_ in ("relcl", "acl")]
    for clause in passive:
        if clause.lemma_.lower() in users:
            return treenames.mention_in([g for c in clause.children if c.dep_ == "agent" for g in c.children], actors)
    return None


# Verbs whose subject acts with the item that follows 'with', so holds it: attacks ("struck the
# bridge with US-supplied rockets"), defence ("defended its skies with German-supplied systems"),
# and re-equipping ("replaced its jets with US-supplied F-35s", "armed its units with ...").
# Verbs of judging or comparing ("compared", "is happy with") say nothing of who holds it.
WIELDING = {
    "strike", "hit", "attack", "shell", "target", "bomb", "pound", "shoot", "kill", "destroy", "fight",
    "defend", "protect", "repel", "intercept",
    "replace", "arm", "equip", "re-equip", "rearm",
}  # fmt: skip


def _wielder(context: Context, offset: int, holder: Token, actors: list[Mention]) -> Mention | None:
    """Who acts 'with' a supplied item: the active subject of the verb ('Ukrainian troops struck
    a bridge with US-supplied rockets'), or the party named on the noun ('Afghan air strikes
    with U.S.-supplied aircraft'); a passive subject is what was hit, not the user."""
    if holder.pos_ in ("VERB", "AUX"):
        wields = holder.lemma_.lower() in WIELDING or holder.lemma_.lower() in syntax.cues().users
        wields = wields and not _passive(holder) and not reported_pronoun(holder)
        return _subject(context, offset, holder, actors) if wields else None
    if holder.dep_ == "dobj":  # "shelled Russian positions with ...": 'with' hung on the object
        return _wielder(context, offset, holder.head, actors)
    return modifier(holder, actors) if holder.pos_ == "NOUN" and holder.dep_ in treenames.SUBJECTS else None


def _holding_subject(context: Context, offset: int, cue: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """'Ukraine has 60 tanks sent by Poland', 'Kyiv operates jets supplied by Denmark': the one
    that holds an item a participle on it says was moved received it."""
    if cue.dep_ != "acl" or cue.head.i != item.i or item.dep_ != "dobj":
        return None
    verb = item.head
    negated = any(c.dep_ == "neg" for c in verb.children)  # "has not had jets delivered": none held
    return subject_of(context, offset, verb, actors) if verb.lemma_.lower() in syntax.HOLDING and not negated else None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _described_user(context: Context, offset: int, cue: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """'Ukraine will fly the F-16s (that) Denmark pledged', 'Kyiv received the tanks pledged by
    Spain': a transfer clause on the item names no recipient; who uses or receives the item in
    the main clause is it."""
    if cue.dep_ not in ("relcl", "acl") or cue.head.i != item.i:
        return None
    if item.dep_ == "dobj" and syntax.cue_kind(item.head) == "receive":
        return _subject(context, offset, item.head, actors)
    return _user(context, offset, item, actors)


def _clause_supplier(item: Token, actors: list[Mention], receiver: Mention | None = None) -> Mention | None:
    """'Kyiv received the jets that Denmark pledged / pledged by Denmark': the transfer clause on
    a received item names its supplier (its subject or passive agent); one that tells where the
    item went before names its holder, who now passes it on (`_former_holder`)."""
    for clause in (c for c in item.children if c.dep_ in ("relcl", "acl") and syntax.cue_kind(c) == "transfer"):
        found = _former_holder(clause, actors, receiver) or _agent(clause, actors)
        found = found or treenames.mention_in([c for c in clause.children if c.dep_ == "nsubj"], actors)
        if found is not None:
            return found
    return None


def _former_holder(clause: Token, actors: list[Mention], receiver: Mention | None) -> Mention | None:
    """'Ukraine will receive Mirage jets that were delivered to the French air force in the 1980s':
    a relative clause in the past that sends the item 'to' another party than its receiver now tells
    its history; that party held it, and gives it on."""
    if not positional.earlier_transfer(clause):
        return None
    targets = treenames.prep_objects(clause, {"to"})
    found = treenames.mention_in(targets, actors) or next(filter(None, (modifier(t, actors) for t in targets)), None)
    return found if found is not None and (receiver is None or found.id != receiver.id) else None


def subject_of(context: Context, offset: int, verb: Token, actors: list[Mention]) -> Mention | None:
    """The actor a verb's subject names (see `_subject`)."""
    return _subject(context, offset, verb, actors)


def _subject(context: Context, offset: int, cue: Token, actors: list[Mention]) -> Mention | None:
    """The subject's actor; 'he' or 'she' is the speaker of the clause above ('Biden told Zelensky
    he will send'), else the last person named, with the state they speak for."""
    for token in subject_tokens(cue):
        if token.lower_ in PRONOUNS:
            above = _reporting_subject(token, actors)
            if above is not None:
                return above
            person = context.last_person(offset + token.idx, subject=True)
            if person is not None and person.actor_id is not None:
                return Mention(person.actor_id, person.name, token.text, token.idx, token.idx + len(token), "person")
            continue
        found = treenames.mention_in([relative_antecedent(token)], actors)
        if found is not None:
            return found
    return None


# Cue kinds whose subject is a party to the transfer; a contents cue's subject is the package
# ("They include radars ...": see `packages.refers_back`).
PARTY_SUBJECTS = {"transfer", "receive", "request"}


def _earlier_state(context: Context, offset: int, cue: Token, actors: list[Mention]) -> Mention | None:
    """A subject standing for a state named before ('it', 'they', 'the country'), whichever role
    the verb gives it: the state whose clause reports it ("Egypt said it would buy ..."), else the
    subject of the sentence before (`statenouns.earlier_subject`)."""
    word = statenouns.anaphoric_subject(cue) if syntax.cue_kind(cue) in PARTY_SUBJECTS else None
    if word is None:
        return None
    return _reporting_subject(word, actors) or statenouns.earlier_subject(context, offset, cue)


def anaphoric_supplier(cue: Token) -> bool:
    """Is a transfer verb's active subject a word standing for a state named earlier ("It will
    also send ...", "They have delivered ...", "The country will deliver ...")?"""
    return syntax.cue_kind(cue) == "transfer" and statenouns.anaphoric_subject(cue) is not None


def _named_recipient(cue: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """The recipient a requested transfer names itself ("asked Canada to deliver shells to
    Ukraine"): it, not the asker, receives."""
    targets = treenames.prep_objects(cue, {"to", "for"}) + treenames.prep_objects(item, {"to", "for"})
    return treenames.mention_in(targets, actors)


def _reporting_subject(pronoun: Token, actors: list[Mention]) -> Mention | None:
    verb = pronoun.head
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp":
        return None
    stranded = stranded_subject(verb.head)  # "sent missiles to Ukraine and Poland said it would"
    subjects = [stranded] if stranded is not None else [c for c in verb.head.children if c.dep_ == "nsubj"]
    return treenames.mention_in(subjects, actors)


def modifier(token: Token, actors: list[Mention], exclude: Mention | None = None) -> Mention | None:
    """An actor named on a noun's left: 'German tanks', "Germany's aid", 'U.S.-made rockets'."""
    mods = [c for c in token.children if c.dep_ in MODIFIER_DEPS and c.i < token.i]
    found = treenames.mention_in(mods, actors)
    return None if found is not None and exclude is not None and found.id == exclude.id else found
