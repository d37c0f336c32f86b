"""Further givers in a gapped clause: "Poland has given Ukraine 14 tanks, Spain 6 and Norway 8".

English leaves out the verb, its object and the item of parallel clauses that change only the
subject and the count. After a transfer verb's counted item, a state with a count of its own and
no noun of its own, set beside the item (parsed as its apposition or a conjunct of one), gives the
same item to the same recipient in that count.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.candidate import Candidate
from materiel.extract.lexicon import Mention
from materiel.extract.roles import Roles

# How the parse sets the later subjects beside the item: "tanks, Spain 6" (appos), "and Norway 8"
# (a conjunct of the first, or of the item).
BESIDE = {"appos", "conj"}


def gapped_suppliers(candidate: Candidate, token: Token | None, actors: list[Mention]) -> Iterator[Candidate]:
    """Copies of a transfer verb's candidate for each state beside its counted item with a count."""
    roles = candidate.roles
    if token is None or candidate.cue_kind != "transfer" or not roles.complete or not _counted(token):
        return
    taken = {roles.supplier.id, roles.recipient.id}
    for state, count in _states_with_counts(token):
        mention = treenames.mention_in([state], actors)
        amount = next((a for a in candidate.paragraph.amounts if a.start <= count.idx < a.end), None)
        if mention is None or mention.id in taken or amount is None or amount.is_money:
            continue
        taken.add(mention.id)
        yield replace(candidate, roles=Roles(mention, roles.recipient), amount=amount)


def _counted(token: Token) -> bool:
    return any(c.dep_ == "nummod" for c in token.children)


def _states_with_counts(token: Token) -> Iterator[tuple[Token, Token]]:
    """(state, count) pairs beside the item: a proper noun whose only modifier is a number."""
    stack = [c for c in token.children if c.dep_ in BESIDE and c.i > token.i]
    while stack:
        word = stack.pop(0)
        stack += [c for c in word.children if c.dep_ == "conj"]
        counts = [c for c in word.children if c.dep_ == "nummod" and c.i > word.i]
        if word.pos_ == "PROPN" and counts and not any(c.dep_ in ("compound", "amod") for c in word.children):
            yield word, counts[0]


def counts_own(candidate: Candidate) -> bool:
    """Does the candidate's supplier carry a count of its own ("Spain 6")? Such a state is a gapped
    subject with its own transfer (`gapped_suppliers`), not a conjunct sharing another's count."""
    supplier = candidate.roles.supplier
    if supplier is None:
        return False
    span = candidate.paragraph.doc.char_span(supplier.start, supplier.end, alignment_mode="expand")
    return span is not None and any(c.dep_ == "nummod" and c.i > span.root.i for c in span.root.children)
