"""A supplier named a sentence or two before: a recipient-only mention that nothing completed
takes the one other party the sentences before it name, when the words there make that party a
giver to this very recipient ("Turkey has stepped up its support for Azerbaijan. Drones were
delivered to Baku in the autumn."). The mirror of `previous.previous_recipient`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from materiel.extract.amounts import mention_token
from materiel.extract.candidate import Candidate
from materiel.extract.embargoes import known_embargo
from materiel.extract.hostile import war_pairs
from materiel.extract.lexicon import Mention
from materiel.extract.partial import GENERAL, alone_with, at_mention, narrated
from materiel.extract.previous import (
    earlier_sentences,
    fill_once,
    help_noun,
    in_paragraph_of,
    named_by_sentence,
    receiving,
)
from materiel.extract.roles import Roles

if TYPE_CHECKING:
    from materiel.extract.context import Context, Paragraph

# Dependencies of a subject.
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Dependencies of a name on the noun it owns or qualifies ("US support", "Germany's weapons").
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod"}
# Cue kinds of a recipient-only mention that may take its supplier from before: a transfer
# ("were delivered to Baku") or a receipt ("Cairo received 20 jets"); not a request or a noun.
CARRIED_CUES = ("transfer", "receive")
# Verbs whose subject is no giver even where a recipient is named beside it ("Germany criticised
# the aid for Ukraine", "France welcomed the support for Kyiv").
NOT_GIVING = {"criticise", "criticize", "condemn", "oppose", "question", "welcome", "praise", "discuss", "debate"}


def previous_supplier(context: Context, found: list[Candidate], partial: list[Candidate]) -> list[Candidate]:
    """'Turkey has stepped up its support for Azerbaijan. Drones were delivered to Baku.': a
    recipient-only mention of a specific item that nothing completed, alone in its sentence with
    its recipient, gets the one other party the sentence or two before name, where one sentence
    there names both: that party as the giver (the subject, the owner of the help, or after
    "from") and the recipient as the one helped (`previous.receiving`). Not a request or a
    debate, not a quotation, never a pair the article shows at war or under an embargo."""
    waiting = [c for c in partial if _waits_for_supplier(c)]
    if not waiting:
        return []
    named, _ = named_by_sentence(context)
    at_war = war_pairs(context)
    return fill_once(found, waiting, lambda c: _supplier_roles(c, named, at_war, context))


def _supplier_roles(
    candidate: Candidate, named: dict[int, list[tuple[Paragraph, Mention]]], at_war: set, context: Context
) -> Roles | None:
    """The candidate's roles with the giver the sentences before name (see `previous_supplier`)."""
    recipient = candidate.roles.recipient.id
    before = [(n, p, m) for n in earlier_sentences(candidate) for p, m in named.get(n, [])]
    parties = {m.id for _, _, m in before if m.id != recipient}
    if len(parties) != 1:
        return None
    (supplier,) = parties
    giver = next(iter(_gives_to(before, supplier, recipient)), None)
    if giver is None or frozenset((supplier, recipient)) in at_war:
        return None
    if known_embargo(supplier, recipient, [at_mention(candidate), (giver[0], giver[1].start)], context):
        return None
    return Roles(in_paragraph_of(candidate, *giver), candidate.roles.recipient, candidate.roles.via)


def _waits_for_supplier(candidate: Candidate) -> bool:
    """Recipient-only, of a specific item, under a transfer or receiving verb, past talk, in the
    narrative, and naming no other party in its sentence."""
    roles = candidate.roles
    if roles.recipient is None or roles.supplier is not None or roles.recipient.id is None:
        return False
    if roles.recipient.kind == "demonym" or candidate.item.id in GENERAL or candidate.cue_kind not in CARRIED_CUES:
        return False
    return narrated(candidate) and alone_with(candidate, roles.recipient.id)


def _gives_to(before: list, supplier: str, recipient: str) -> list[tuple[Paragraph, Mention]]:
    """The supplier's mentions in an earlier sentence that also names the recipient as helped,
    where the supplier is that sentence's giver."""
    out = []
    for number, paragraph, mention in before:
        if mention.id != supplier or not giving(paragraph, mention):
            continue
        same = [(p, m) for n, p, m in before if n == number and m.id == recipient]
        if any(receiving(p, m) for p, m in same):
            out.append((paragraph, mention))
    return out


def giving(paragraph: Paragraph, mention: Mention) -> bool:
    """The party gives in its sentence: the subject of a verb that gives or helps ("Turkey
    stepped up its support", "The US is the largest supplier of arms"), the owner of help ("US
    support for Israel"), or after "from" or "by" ("weapons from Iran", "arms supplied by Turkey")."""
    token = mention_token(paragraph, mention)
    if token is None or mention.kind == "demonym":
        return False
    if token.dep_ in SUBJECT_DEPS:
        return token.head.lemma_.lower() not in NOT_GIVING
    if token.dep_ in MODIFIER_DEPS:
        return help_noun(token.head)
    return token.dep_ == "pobj" and token.head.lower_ in ("from", "by")
