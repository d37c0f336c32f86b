"""Who supplied an item, read from the item and what is said of it rather than the cue's own
clause: the source of what a receiving verb takes ("received from", the deal's partner, the
transfer clause on the item, a former holder), the buyer of an item a participle says was bought,
the passive's agent of an item its owner holds, and the state whose package lists it.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import homes, origins, positional, syntax, treenames
from materiel.extract.context import Context
from materiel.extract.holdings import holding_of
from materiel.extract.lexicon import Mention
from materiel.extract.notsent import ATTACKED_VERBS
from materiel.extract.packages import package_of
from materiel.extract.roleholders import holder_of
from materiel.extract.rolenames import agent_of, modifier, subject_of


def received_item(cue: Token, item: Token) -> bool:
    """'drones bought from Iran', 'howitzers received from Germany': a participle on the item
    names no receiver of its own."""
    return cue.dep_ == "acl" and cue.tag_ == "VBN" and cue.head.i == item.i


def buyer(
    context: Context, offset: int, cue: Token, item: Token, actors: list[Mention], subject: Mention | None
) -> Mention | None:
    """Who got an item a participle says was got ("drones bought from Iran"): for a buying one,
    its agent ("bought by Russia") or the state named on it ("Russian drones bought from Iran");
    else the subject of the verb that receives or uses it ("Poland took delivery of howitzers
    bought from Korea") or the subject found above ("Ukraine stored missiles obtained from
    Britain"); none where that verb strikes the item ("Ukraine shot down drones bought from Iran")."""
    found = (agent_of(cue, actors) or modifier(item, actors)) if cue.lemma_.lower() in origins.ACQUIRING else None
    if found is not None or item.dep_ not in ("dobj", "pobj"):
        return found or subject
    verb = item.head.head if item.dep_ == "pobj" else item.head
    if verb.lemma_.lower() in ATTACKED_VERBS or any(c.lower_ == "down" for c in verb.children):
        return None  # "destroyed", "shot down", "brought down": the item is the enemy's
    takes = syntax.cue_kind(verb) in ("receive", "noun") or verb.lemma_.lower() in syntax.cues().users
    return (subject_of(context, offset, verb, actors) if takes else None) or subject


def receive_roles(
    cue: Token,
    item: Token,
    actors: list[Mention],
    items: list[Mention],
    subject: Mention | None,
    source: Mention | None,
) -> tuple[Mention | None, Mention | None]:
    """A receiving verb's subject receives, from its 'from' source, the partner of the deal it is
    for, the supplier a clause on the item names, the maker named on it, or the state named in the
    sentence that makes the system it buys ("told Washington it will purchase Apache helicopters");
    one that buys 'for' a state with no source named supplies that state."""
    source = source or origins.deal_partner(cue, item, actors, subject)
    bought_for = treenames.mention_in(
        treenames.prep_objects(cue, {"for"}) + treenames.prep_objects(item, {"for"}), actors
    )
    if bought_for and not source:
        return subject, bought_for
    source = source or clause_supplier(item, actors, subject)
    source = source or positional.maker(cue.sent, actors, items, subject, item)
    return source or homes.system_maker(cue, item, subject, actors), subject


def owner_supplied(cue: Token, item: Token, actors: list[Mention]) -> tuple[Mention, Mention] | None:
    """'Ukraine's Leopard tanks were supplied by Germany': the passive's agent supplied the item,
    and the state that holds it (its possessive owner) received it."""
    agent = agent_of(cue, actors)
    if agent is None or item.dep_ != "nsubjpass" or item.head.i != cue.i:
        return None
    owner = holder_of(item, actors, agent)
    return (agent, owner) if owner is not None else None


def package_owner(cue: Token, actors: list[Mention], recipient: Mention | None) -> Mention | None:
    """'argues that NATO's support for Ukraine, including weapons, ...': the state whose package a
    contents cue lists gives its contents, not the subject of the clause the list sits in. The
    owner of a holding ("Ukraine's fleet includes Dutch-supplied jets") holds them: no giver."""
    package = package_of(cue)
    if package is None or holding_of(cue) is not None:
        return None
    return modifier(package, actors, exclude=recipient)


def holding_owner(cue: Token, actors: list[Mention]) -> Mention | None:
    """'Ukraine's fleet includes Dutch-supplied F-16 jets': the owner of the holding a listing verb
    lists received what it holds."""
    holding = holding_of(cue)
    return modifier(holding, actors) if holding is not None else None


def clause_supplier(item: Token, actors: list[Mention], receiver: Mention | None = None) -> Mention | None:
    """'Kyiv received the jets that Denmark pledged / pledged by Denmark': the transfer clause on
    a received item names its supplier (its subject or passive agent); one that tells where the
    item went before names its holder, who now passes it on (`_former_holder`)."""
    for clause in (c for c in item.children if c.dep_ in ("relcl", "acl") and syntax.cue_kind(c) == "transfer"):
        found = _former_holder(clause, actors, receiver) or agent_of(clause, actors)
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
