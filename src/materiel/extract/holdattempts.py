"""A hold only tried, threatened or within reach: "Senators tried and failed to block the sale",
"lawmakers have 30 days to block the sale", "Congress moved to block the sale", "threatened to
veto the deal". The refusal or halt did not happen (yet); the transfer it aims at stands as the
commitment it is: pledged. A hold done ("blocked the sale", "voted to block the sale") keeps its
stage; so does one that a stage word of its own decides ("decided to block").
"""

from __future__ import annotations

from spacy.tokens import Token

# Stages of a hold that an attempt at it leaves undone.
HOLDS = {"refused", "cancelled"}
# Verbs whose infinitive is only tried or threatened, not done: "tried to block", "failed to block",
# "sought to block", "moved to block", "threatened to veto", "vowed to block", "pushed to block".
ATTEMPTING = {"try", "attempt", "fail", "seek", "move", "threaten", "vow", "push", "bid", "aim"}
# Nouns whose infinitive is a hold within reach or tried, not done: "have 30 days to block",
# "a bid to block", "an effort to stop", "the power to veto", "a chance to block".
WINDOWS = {"day", "week", "month", "time", "chance", "opportunity", "bid", "attempt", "effort", "move", "push",
           "power", "right", "authority", "threat"}  # fmt: skip
# The relations of an infinitive on its verb (complement) or on a noun (clause on the noun).
ON_VERB = {"xcomp"}
ON_NOUN = {"relcl", "acl"}


def attempted_hold(word: Token, stage: str) -> bool:
    """Is `word` a refusal or halt that is only tried, threatened or within reach?"""
    if stage not in HOLDS or word.pos_ != "VERB" or not _infinitive(word):
        return False
    head = word.head
    if word.dep_ in ON_VERB:
        return head.lemma_.lower() in ATTEMPTING
    return word.dep_ in ON_NOUN and head.pos_ == "NOUN" and head.lemma_.lower() in WINDOWS


def _infinitive(verb: Token) -> bool:
    """'to block', or a bare verb joined to one ("tried and failed to block")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
