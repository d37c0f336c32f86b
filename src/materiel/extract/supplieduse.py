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
from materiel.extract.passives import by_party
from materiel.extract.roles import Roles
from materiel.extract.treenames import first_conjunct
from materiel.extract.used import TAKEN

# Nouns of a weapon's use by the party that owns them: its strike, raid or use "with"/"of" it.
USE_NOUNS = {
    "use", "strike", "airstrike", "raid", "attack", "bombing", "bombardment", "shelling", "assault",
    "offensive", "barrage", "salvo",
}  # fmt: skip
# The noun by which an "in" phrase names who operates an item ("in Ukrainian service"); "in Ukrainian
# hands" is left out: weapons are as often captured as given.
SERVICE = "service"
# Prepositions by which a noun of use takes the weapon: "raids with", "the use of".
USE_PREPOSITIONS = {"with", "of"}
# Dependencies by which a noun of use names its owner: "Ukraine's strikes", "Afghan air raids".
OWNER_DEPS = ("poss", "amod", "compound", "nmod")


def supplied_user(item: Token | None, actors: list[Mention]) -> Roles | None:
    """Supplier (named on the item's supply participle, or on the first of the items it is listed
    with) and user of a weapon used in a passive, a clause on it or under a noun of use. None
    where the use names no user ("French-supplied shells may be fired at targets inside Belarus": the article's
    recipient is too often another state's to guess), for taken weapons, a person as user, or the
    supplier as user."""
    first = first_conjunct(item)
    if item is None or first is None or TAKEN.search(item.sent.text):
        return None
    supplier = _participle_supplier(item, actors) or _participle_supplier(first, actors)  # "US-supplied X and Y"
    item = first
    uses = _use_words(item) if supplier is not None else []
    if supplier is None or not uses:
        return None
    user = next(filter(None, (_user_of(u, actors) for u in uses)), None)
    if user is None or user.kind == "person" or user.id == supplier.id:
        return None
    return Roles(supplier, user)


def _participle_supplier(item: Token, actors: list[Mention]) -> Mention | None:
    """The actor named in the item's supply participle ("US-supplied", "British - donated")."""
    named = [w for p in supply_participles(item) for w in p.subtree]
    return next((m for m in actors for w in named if m.start <= w.idx < m.end), None)


def _use_words(item: Token) -> list[Token]:
    """The passive use verbs the item is the subject of ("the tanks were operated by"), the use
    verbs of a clause on it ("arms to be used by", "jets flown by"), and a noun of use that takes
    it by 'with' or 'of' ("Afghan air raids with", "the use of"), or 'in' service."""
    verbs = [item.head] if item.dep_ == "nsubjpass" else []
    verbs += [c for c in item.children if c.dep_ in ("relcl", "acl")]
    words = [v for v in verbs if v.lemma_.lower() in syntax.cues().users]
    preposition = item.head
    if item.dep_ == "pobj" and preposition.lower_ in USE_PREPOSITIONS:
        noun = preposition.head
        of_use = preposition.lower_ == "with" or noun.lemma_.lower() == "use"  # "the attack of" names no weapon
        words += [noun] if noun.pos_ == "NOUN" and noun.lemma_.lower() in USE_NOUNS and of_use else []
    return words + _in_service(item)


def _in_service(item: Token) -> list[Token]:
    """The noun 'service' in an 'in' phrase on the item ("tanks in Ukrainian service")."""
    places = [g for c in item.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children]
    return [g for g in places if g.dep_ == "pobj" and g.lemma_.lower() == SERVICE]


def _user_of(word: Token, actors: list[Mention]) -> Mention | None:
    """Who a use word names as the user: a noun's possessive or demonym ("Ukraine's strikes",
    "Afghan air raids"), a verb's or noun's 'by' phrase, a clause's own subject ("the missiles
    that Ukraine fired")."""
    if word.pos_ == "NOUN":
        owners = [c for c in word.children if c.dep_ in OWNER_DEPS and c.i < word.i]
        return treenames.mention_in(owners, actors) or by_party(word, actors)
    subjects = [c for c in word.children if c.dep_ == "nsubj"]
    return by_party(word, actors) or treenames.mention_in(subjects, actors)
