"""Where a noun of the arms trade stands in its sentence, for the frames of tradenouns.py and
ordernouns.py: the noun an item is 'of', the party that owns a noun, the subjects of the verb
that tells it, and the verbs that stop a trade rather than tell it."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.lexicon import Mention

# Nouns of a buyer's trade that a supplier holds a share of ("40% of India's arms imports").
IMPORT_NOUNS = {"import", "purchase", "acquisition", "procurement"}
# Dependencies of a participle clause whose subject is its head's ("..., providing 40% of ...").
CLAUSE_DEPS = {"advcl", "conj", "xcomp"}
# Kinds of party that can sell: a state by any of its names, its leader, or a maker; not an
# alliance or a group the buyer belongs to ("NATO's biggest arms buyer", "the EU's largest recipient").
SELLER_KINDS = {"state", "alias", "demonym", "seat", "leader", "maker"}
# Owners of a noun: "India's arms imports", "Russian arms exports".
OWNERS = {"poss", "amod", "compound", "nmod"}


def of_head(token: Token, preps: frozenset[str] = frozenset({"of"})) -> Token | None:
    """The noun a token is 'of' ("recipient of arms": recipient), or None."""
    if token.dep_ == "pobj" and token.head.lower_ in preps and token.head.head.i != token.head.i:
        return token.head.head
    return None


def owner_of(noun: Token, actors: list[Mention]) -> Mention | None:
    """The party a noun belongs to: "India's", "Russian"."""
    return treenames.mention_in([c for c in noun.children if c.dep_ in OWNERS and c.i < noun.i], actors)


def subjects_of(verb: Token) -> list[Token]:
    """A verb's subjects, or those of the clause a participle hangs from ("The US was the largest
    supplier, providing 40% of Saudi Arabia's arms imports")."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if not own and verb.dep_ == "acl":
        return [verb.head]  # "Russia, accounting for 36% of India's arms imports, ..."
    if own or verb.dep_ not in CLAUSE_DEPS:
        return own
    return [c for c in verb.head.children if c.dep_ == "nsubj"]


# Verbs that stop a trade rather than tell it ("banned arms imports from Iran"), beside the cue
# table's stages of refusing, cancelling and pausing.
STOPPING = {"ban", "bar", "prohibit", "forbid", "embargo", "restrict", "sanction"}
# The cue table's stages that stop a trade ("halted imports", "suspended imports").
STOPPED_STAGES = {"refused", "cancelled", "postponed"}


def stops_trade(verb: Token) -> bool:
    """The verb over the imports stops them ("banned", "halted", "suspended arms imports")."""
    lemma = verb.lemma_.lower()
    return lemma in STOPPING or syntax.cues().stage.get(lemma) in STOPPED_STAGES
