"""Who received an item that a participle or clause on it says was supplied: the one who uses or
holds it ("Ukraine used British-supplied missiles", "Kyiv operates jets supplied by Denmark"),
acts with it ("struck the bridge with US-supplied rockets") or owns it ("Kyiv's US-supplied
launchers").
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.context import Context
from materiel.extract.lexicon import Mention
from materiel.extract.rolenames import modifier, subject_of
from materiel.extract.subjects import reported_pronoun


def participle_roles(
    context: Context, offset: int, cue: Token, item: Token, actors: list[Mention]
) -> tuple[Mention | None, Mention | None]:
    """'British-supplied missiles': the state named on the participle supplies; whoever uses the
    item ('Ukraine used ...', '... to be used by Ukrainian forces') received it."""
    named = [c for c in cue.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod", "poss")]
    supplier = treenames.mention_in(named, actors)
    return supplier, _user(context, offset, item, actors) or holder_of(item, actors, supplier)


def holder_of(item: Token, actors: list[Mention], supplier: Mention | None) -> Mention | None:
    """The state an item that a participle says was supplied belongs to received it ("Kyiv's
    US-supplied launchers", "Ukraine's British-donated tanks"); not the supplier's own ("America's
    US-supplied ...": no second party)."""
    owner = treenames.mention_in([c for c in item.children if c.dep_ == "poss"], actors)
    return None if owner is None or (supplier is not None and owner.id == supplier.id) else owner


def _user(context: Context, offset: int, item: Token, actors: list[Mention]) -> Mention | None:
    users = syntax.cues().users
    verb = item.head
    if item.dep_ == "dobj" and verb.lemma_.lower() in users:
        return subject_of(context, offset, verb, actors)
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
        return subject_of(context, offset, holder, actors) if wields else None
    if holder.dep_ == "dobj":  # "shelled Russian positions with ...": 'with' hung on the object
        return _wielder(context, offset, holder.head, actors)
    return modifier(holder, actors) if holder.pos_ == "NOUN" and holder.dep_ in treenames.SUBJECTS else None


def holding_subject(context: Context, offset: int, cue: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """'Ukraine has 60 tanks sent by Poland', 'Kyiv operates jets supplied by Denmark': the one
    that holds an item a participle on it says was moved received it."""
    if cue.dep_ != "acl" or cue.head.i != item.i or item.dep_ != "dobj":
        return None
    verb = item.head
    negated = any(c.dep_ == "neg" for c in verb.children)  # "has not had jets delivered": none held
    return subject_of(context, offset, verb, actors) if verb.lemma_.lower() in syntax.HOLDING and not negated else None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def described_user(context: Context, offset: int, cue: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """'Ukraine will fly the F-16s (that) Denmark pledged', 'Kyiv received the tanks pledged by
    Spain': a transfer clause on the item names no recipient; who uses or receives the item in
    the main clause is it."""
    if cue.dep_ not in ("relcl", "acl") or cue.head.i != item.i:
        return None
    if item.dep_ == "dobj" and syntax.cue_kind(item.head) == "receive":
        return subject_of(context, offset, item.head, actors)
    return _user(context, offset, item, actors)
