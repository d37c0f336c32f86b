"""Further parties in a gapped list of shares: "Saudi Arabia gets 73% of its arms imports from the
US, 13% from Britain and 4% from France", "half of Russia's arms exports went to India, 20% to
China".

Arms-trade statistics leave out the verb and the trade noun of parallel shares that change only
the figure and the party. After a statistic read on a buyer's imports or a seller's exports, a share
set beside the first (parsed as its apposition or a conjunct of one) with a party of its own after
'from' (imports: a further supplier to the same buyer) or 'to' (exports: a further buyer from the
same seller) is a transfer of the same item between the same buyer or seller and that party.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.candidate import Candidate
from materiel.extract.lexicon import Mention
from materiel.extract.roles import Roles
from materiel.extract.tradenouns import EXPORT_NOUNS, SHARES
from materiel.extract.tradesyntax import IMPORT_NOUNS, SELLER_KINDS, of_head

# How the parse sets the later shares beside the first: "73% ..., 13% from Britain" (appos), "and
# 4% from France" (a conjunct of the first, or of one beside it).
BESIDE = {"appos", "conj"}
# How it sets them beside the verb of a share that is its subject: "Half of its exports went to
# India, 20% to China" (a noun phrase as adverb), "and 10% to Algeria" (a conjunct of the verb).
BESIDE_VERB = {"npadvmod", "conj"}
# What a share's list goes on through: the shares beside it, and its prepositions, under which the
# parse may hang the next share ("20% from Israel, 6% from Belarus").
FOLLOWING = BESIDE | BESIDE_VERB | {"prep"}
# The preposition that names the further party of each trade: imports come 'from' a supplier,
# exports go 'to' a buyer.
FROM, TO = "from", "to"


def gapped_shares(candidate: Candidate, token: Token | None, actors: list[Mention]) -> Iterator[Candidate]:
    """Copies of a complete statistic's candidate for each further share's party."""
    roles = candidate.roles
    trade = _trade_noun(token)
    share = of_head(trade) if trade is not None else None
    if not roles.complete or share is None or share.lemma_.lower() not in SHARES:
        return
    imports = trade.lemma_.lower() in IMPORT_NOUNS
    kinds = SELLER_KINDS if imports else {a.kind for a in actors}
    parties = [a for a in actors if a.kind in kinds]
    taken = {roles.supplier.id, roles.recipient.id}
    for beside in _shares_beside(share):
        party = treenames.mention_in(_objects(beside, FROM if imports else TO), parties)
        if party is None or party.id in taken:
            continue
        taken.add(party.id)
        gapped = Roles(party, roles.recipient) if imports else Roles(roles.supplier, party)
        yield replace(candidate, roles=gapped, amount=None)


def _objects(share: Token, prep: str) -> list[Token]:
    """The objects of the share's preposition, or where the parse hangs it elsewhere, of the
    preposition right after the share ("went to India, 20% to China")."""
    own = treenames.prep_objects(share, {prep})
    after = share.nbor(1) if share.i + 1 < share.sent.end else None
    if own or after is None or after.lower_ != prep:
        return own
    return [c for c in after.children if c.dep_ == "pobj"]


def _trade_noun(token: Token | None) -> Token | None:
    """The imports or exports the item names: itself, the noun it is compounded on ("arms
    imports"), or the noun it is 'of' ("imports of arms")."""
    if token is None:
        return None
    for noun in (token, token.head if token.dep_ == "compound" else None, of_head(token)):
        if noun is not None and noun.lemma_.lower() in IMPORT_NOUNS | EXPORT_NOUNS:
            return noun
    return None


def _shares_beside(share: Token) -> Iterator[Token]:
    """The shares set beside the first, in order: its appositions and conjuncts and theirs, those
    the parse hangs from the verb of the first's clause, and those under their prepositions ("20%
    from Israel, 6% from Belarus"); never a share under another verb ("while Pakistan gets 80%")."""
    verb = share.head.head if share.dep_ == "pobj" else share.head
    stack = [c for c in share.children if c.dep_ in FOLLOWING and c.i > share.i]
    stack += [c for c in verb.children if c.dep_ in BESIDE_VERB and c.i > share.i]
    while stack:
        word = stack.pop(0)
        if word.dep_ != "prep" and word.lemma_.lower() not in SHARES:
            continue
        stack += [c for c in word.children if c.dep_ in FOLLOWING and c.i > share.i and c not in stack]
        if word.dep_ != "prep":
            yield word
