"""A weapon that a hyphenated participle says a state supplied ("British-supplied rockets"), used
by a party that a passive or a noun of use names rather than a verb's subject (`used.foreign_user`
reads that one): the passive's agent ("rockets to be used by Ukrainian troops", "jets flown by
Ukrainian pilots") or the party that owns the noun of the attack or the use ("Afghan air raids
with American-supplied jets", "Ukraine's use of British-supplied missiles", "strikes by Israel
with US-supplied bombs"). The user got the weapon from the state the participle names, and
already has it: delivered (`used.use_stage`). "-made" and "-built" name a maker only and are
left to `used.foreign_owner`.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.itemstage import supply_participles
from materiel.extract.lexicon import Mention
from materiel.extract.roles import Roles
from materiel.extract.treenames import first_conjunct
from materiel.extract.used import TAKEN

# Nouns of a weapon's use by the party that owns them: its strike, raid or use "with"/"of" it.
USE_NOUNS = {
    "use", "strike", "airstrike", "raid", "attack", "bombing", "bombardment", "shelling", "assault",
    "offensive", "barrage", "salvo",
}  # fmt: skip
# Prepositions by which a noun of use takes the weapon: "raids with", "the use of".
USE_PREPOSITIONS = {"with", "of"}
# Dependencies by which a noun of use names its owner: "Ukraine's strikes", "Afghan air raids".
OWNER_DEPS = ("poss", "amod", "compound", "nmod")


def supplied_user(item: Token | None, actors: list[Mention]) -> Roles | None:
    """Supplier (named on the item's supply participle) and user of a weapon used in a passive
    with an agent or under a noun of use with an owner; none for taken weapons, a person as
    user, or a user who is the supplier."""
    item = first_conjunct(item)
    if item is None or TAKEN.search(item.sent.text):
        return None
    supplier = _participle_supplier(item, actors)
    if supplier is None:
        return None
    user = _passive_user(item, actors) or _noun_user(item, actors)
    if user is None or user.kind == "person" or user.id == supplier.id:
        return None
    return Roles(supplier, user)


def _participle_supplier(item: Token, actors: list[Mention]) -> Mention | None:
    """The actor named in the item's supply participle ("US-supplied", "British - donated")."""
    named = [w for p in supply_participles(item) for w in p.subtree]
    return next((m for m in actors for w in named if m.start <= w.idx < m.end), None)


def _passive_user(item: Token, actors: list[Mention]) -> Mention | None:
    """The agent of a use verb in the passive, of which the item is the subject ("the tanks were
    operated by Ukrainian crews") or which a clause on the item holds ("arms to be used by
    Ukrainian forces", "jets flown by Ukrainian pilots")."""
    verbs = [item.head] if item.dep_ == "nsubjpass" else []
    verbs += [c for c in item.children if c.dep_ in ("relcl", "acl")]
    users = [v for v in verbs if v.lemma_.lower() in syntax.cues().users]
    return next(filter(None, (_by_party(v, actors) for v in users)), None)


def _noun_user(item: Token, actors: list[Mention]) -> Mention | None:
    """The owner of a noun of use that takes the item by 'with' or 'of': its possessive or
    demonym ("Afghan air raids with"), else its 'by' phrase ("the use of ... by Ukraine")."""
    preposition = item.head
    if item.dep_ != "pobj" or preposition.lower_ not in USE_PREPOSITIONS:
        return None
    noun = preposition.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in USE_NOUNS:
        return None
    if preposition.lower_ == "of" and noun.lemma_.lower() != "use":
        return None  # "the attack of ..." names its target or time, not what it was made with
    owners = [c for c in noun.children if c.dep_ in OWNER_DEPS and c.i < noun.i]
    return treenames.mention_in(owners, actors) or _by_party(noun, actors)


def _by_party(head: Token, actors: list[Mention]) -> Mention | None:
    """The actor of a 'by' phrase on the head: a passive's agent or a noun's 'by'."""
    parties = [g for c in head.children if c.dep_ in ("agent", "prep") and c.lower_ == "by" for g in c.children]
    return treenames.mention_in(parties, actors)
