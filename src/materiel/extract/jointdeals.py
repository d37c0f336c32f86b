"""A deal that buyer and seller sign together, told with the transfer it provides for: "The Polish
Armament Agency and Hanwha Aerospace signed a deal to supply 200 guided missiles". The two signers
are the verb's subject together; the maker among them sells (as its home state) and the other
party buys. Two states, or two makers, leave the direction open."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.lexicon import Mention

# Verbs that conclude a deal ("signed", "inked", "sealed", "finalised").
CONCLUDING = {"sign", "conclude", "ink", "seal", "finalise", "finalize"}
# How far above the transfer verb the signing verb may stand ("signed a deal to supply": the
# infinitive hangs from the deal noun, which hangs from the verb).
MAX_CLIMB = 3


def joint_signers(cue: Token, actors: list[Mention]) -> tuple[Mention, Mention] | None:
    """The (seller, buyer) of a transfer verb under a deal its two parties signed together."""
    if syntax.cue_kind(cue) != "transfer":
        return None
    verb = _signing_verb(cue)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None:
        return None
    partners = [c for c in subject.children if c.dep_ == "conj"]
    if not partners:
        return None
    split = partners[0].left_edge.idx  # the first signer is named before the second's phrase
    first = treenames.mention_in([subject], [a for a in actors if a.end <= split])
    # "a consortium comprising Hanwha" (the parse may join the participle itself to the first signer)
    members = [g for p in partners for c in p.children if c.dep_ in ("acl", "prep") for g in c.children]
    members = [g for g in members + [c for p in partners for c in p.children] if g.dep_ in ("dobj", "pobj")]
    second = treenames.mention_in(partners + members, [a for a in actors if a.start >= split])
    if first is None or second is None or first.id == second.id:
        return None
    makers = [m for m in (first, second) if m.kind == "maker"]
    if len(makers) != 1:
        return None
    return (first, second) if makers[0] is first else (second, first)


def _signing_verb(cue: Token) -> Token | None:
    for ancestor in list(cue.ancestors)[:MAX_CLIMB]:
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in CONCLUDING:
            return ancestor
    return None
