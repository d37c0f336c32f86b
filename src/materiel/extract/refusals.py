"""Refusals as statements: who refuses, rules out or blocks a transfer says where it stands
("Chancellor Lindqvist ruled out sending cruise missiles to Ukraine", "the Swiss government
refused to let Germany re-export the ammunition"), and so is a source of it, as one who announces
it is. A refusal to speak of it ("declined to say whether it would send jets") states nothing."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax

# Verbs of refusing, whose complement says what is refused.
REFUSING_VERBS = {"refuse", "reject", "decline", "rule", "oppose", "block", "veto", "dismiss", "refrain"}
# Verbs that refuse only with their particle ("ruled out sending"; not "the court ruled that").
PARTICLES = {"rule": {"out"}}
# What the complement of a refusing verb is to it: its object ("rejected the sale"), its clause
# ("refused to send", "ruled out sending") or a preposition's object ("refrained from sending").
COMPLEMENTS = {"dobj", "xcomp", "ccomp", "prep"}
# Kinds of cue (syntax.cue_kind) that tell of materiel moving: a transfer, its receipt or arrival.
MOVING = {"transfer", "receive", "arrive"}
# Verbs of speaking a refusal may govern: "declined to say whether Berlin would send jets" refuses
# the word, not the transfer.
SPEAKING = {
    "say",
    "comment",
    "confirm",
    "deny",
    "discuss",
    "disclose",
    "specify",
    "reveal",
    "elaborate",
    "detail",
    "answer",
    "speculate",
    "tell",
    "identify",
    "name",
}


def refuses_transfer(verb: Token) -> bool:
    """A verb that refuses a transfer its complement tells of ("ruled out sending Taurus missiles",
    "rejected supplying jets", "refused to let Germany re-export shells")."""
    lemma = verb.lemma_.lower()
    if lemma not in REFUSING_VERBS or verb.pos_ != "VERB":
        return False
    needed = PARTICLES.get(lemma)
    if needed and not any(c.dep_ == "prt" and c.lower_ in needed for c in verb.children):
        return False
    return any(_moves(c) for c in verb.children if c.dep_ in COMPLEMENTS)


def _moves(complement: Token) -> bool:
    if complement.lemma_.lower() in SPEAKING:
        return False
    return any(syntax.cue_kind(t) in MOVING for t in complement.subtree)
