"""Demands for a supply: a verb that calls on someone to send, supply or deliver arms ("called on
Berlin to send tanks", "urged Germany to supply jets"). Its caller states the transfer asked for,
in its own sentence, and no other (see `attribution.demanded`); a demand to stop a supply or not
to make one states the supply that goes on. `reporting.py` takes "call" as a reporting verb only
in such a demand.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Verbs of supply that a demand must name for its caller to state a transfer.
DEMANDED_SUPPLY = {"send", "supply", "provide", "deliver", "ship", "transfer", "arm", "give", "sell"}


# Verbs of a demand ("called on Berlin to send tanks", "urged Germany to supply jets"): the caller is a
# source of the transfer it demands, in its own sentence, and of nothing else (see `demands`).
DEMAND_VERBS = {"call", "urge"}
# Verbs that make a demand one to end a supply ("called on Russia to stop supplying arms"): its
# caller states the supply that goes on, as a source of it; so does a demand not to supply ("urge
# all countries not to provide assistance to Russia").
STOPPING = {"stop", "cease", "halt", "end", "suspend"}
# Key of the per-doc memo in `Doc.user_data` of the sentences holding a demand (`demanding`): each
# article's callers are asked for twice (`disclosure`, `finish`), and a parse never changes.
DEMANDING = "materiel.demanding"


def demands(token: Token) -> bool:
    """The verb demands a supply ("called on Berlin to send more tanks"): its speaker asks for a
    transfer, and states none that went ahead or was promised; not a demand to stop one or not to
    make one."""
    if token.lemma_.lower() not in DEMAND_VERBS or token.pos_ != "VERB" or not calls_for(token):
        return False  # most tokens: their clauses are not looked for
    clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
    return not any(c.lemma_.lower() in STOPPING or any(g.dep_ == "neg" for g in c.children) for c in clauses)


def calls_for(token: Token) -> bool:
    """ "Called on Russia to stop providing arms", "called for Germany to send tanks": a demand
    that names a supply; not "called for calm as Germany sent tanks" (the caller states nothing
    of it), "called on Kyiv in June" (a visit) or "called the delay shameful"."""
    clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
    return any(
        any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        and any(t.lemma_.lower() in DEMANDED_SUPPLY for t in c.subtree)
        for c in clauses
    )


def demanding(doc: Doc) -> list[Span]:
    """The doc's sentences that hold a demand (`demands`), in order: every token is looked at once
    per doc, not once per ask (kept as token bounds, numbers, as `Doc.user_data` may be saved)."""
    bounds = doc.user_data.get(DEMANDING)
    if bounds is None:
        bounds = doc.user_data[DEMANDING] = [(s.start, s.end) for s in doc.sents if any(demands(t) for t in s)]
    return [doc[start:end] for start, end in bounds]
