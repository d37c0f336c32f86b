"""An item's former destination: a clause on the item that tells whom it was once meant, bought or
built for ("sending Ukraine helicopters once meant for Afghanistan", "jets that were bought for
Afghanistan", "interceptors originally earmarked for Taiwan"). Its 'for' names the state the item
was kept for before, not the one the cue now gives it to."""

from __future__ import annotations

from spacy.tokens import Token

# Verbs of setting an item aside for someone, by lemma ("meant for", "earmarked for", "bought for").
SET_ASIDE = {
    "mean", "intend", "destine", "earmark", "reserve", "allocate", "slate", "set",  # kept for
    "buy", "purchase", "procure", "order",  # bought for
    "build", "make", "produce", "manufacture",  # made for
}  # fmt: skip
# Adverbs that put the setting aside before the cue's transfer ("once meant", "originally intended").
FORMER = {"once", "originally", "first", "initially", "previously", "formerly", "earlier"}
# Auxiliaries of a clause told before now ("had been earmarked", "were bought").
PAST_AUXILIARIES = {"had", "was", "were"}
# Verbs of buying or making: done before the giving, so told in the past they need no adverb.
ACQUIRED = {"buy", "purchase", "procure", "order", "build", "make", "produce", "manufacture"}
# Verbs that take an item away from the one it was set aside for ("diverted interceptors destined
# for Switzerland to Ukraine"): any such clause on their item tells its former destination.
DIVERTING = {"divert", "redirect", "reroute"}
# Subjects that point back to the cue's giver: what it bought or set aside for a state, it now gives
# that state ("delivered the first shells it bought for Ukraine").
BACK_POINTING = {"it", "they", "we", "he", "she"}
# Dependencies by which the clause hangs on the item, or on the cue as the parser may read it
# ("sending Ukraine helicopters once meant for ...": an adverbial clause of the verb).
CLAUSE_DEPS = {"acl", "relcl", "advcl", "ccomp"}


def former_destination(name: Token, cue: Token) -> bool:
    """Is the name the object of a 'for' on a clause that tells whom the item was set aside for
    before, outside the cue's own words (`SET_ASIDE`, marked as before by `FORMER`, a past
    auxiliary or a past verb of buying or making)?"""
    prep = next((a for a in name.ancestors if a.lower_ == "for" or a.pos_ in ("VERB", "AUX")), None)
    if prep is None or prep.lower_ != "for":
        return False  # "for Taiwan's army", "for the Afghan air force": the name under the 'for'
    verb = prep.head
    if verb.i == cue.i or verb.dep_ not in CLAUSE_DEPS or verb.lemma_.lower() not in SET_ASIDE:
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in BACK_POINTING for c in verb.children):
        return False  # "delivered the shells it bought for Ukraine": the giver's own purchase for it
    return cue.lemma_.lower() in DIVERTING or _before_now(verb)


def _before_now(verb: Token) -> bool:
    """Told as before the cue: 'once' or 'originally' on it, 'had been' or 'were', or a past
    verb of buying or making."""
    children = list(verb.children)
    if any(c.dep_ == "advmod" and c.lower_ in FORMER for c in children):
        return True
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUXILIARIES for c in children):
        return True
    return verb.lemma_.lower() in ACQUIRED and verb.tag_ in ("VBD", "VBN")
