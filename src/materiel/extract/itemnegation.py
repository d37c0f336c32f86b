"""An item counted as none or set apart by "not": "has sent no weapons", "will deliver no tanks",
"tanks but not jets" are refusals of that item; "no more than 30 tanks" is a count, and "not just
shells" adds rather than refuses."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.negation import AWAITED, EXECUTED, NEGATED_STAGE, PAIRING, still_to_come


def none_moved(item: Token, stage: str) -> str:
    """The stage of an item counted as none ("has sent no weapons to Ukraine", "will deliver no
    tanks"): the act named did not or will not happen, as under "not"; "no F-16s yet" are still to
    come (pledged), as "has not yet delivered" (`negated`). "No more than 30 tanks" is a count
    (a number on the item, or "no" before a comparative), not a refusal. An item set apart by "not"
    ("tanks but not jets") is refused as one under "no" is."""
    if _set_apart(item):
        return "pledged" if stage in EXECUTED and _yet(item) else NEGATED_STAGE.get(stage, stage)
    counted_none = _none_of(item)
    if not counted_none and not any(c.dep_ == "det" and c.lower_ == "no" for c in item.children):
        return stage
    if any(_counts(c) for c in item.children) or any(_bounding_no(t) for t in item.subtree):
        return stage
    verb = counted_none.head if counted_none is not None else item.head
    if stage in EXECUTED and (still_to_come(verb) or verb.lemma_.lower() in AWAITED):
        return "pledged"  # "none of the tanks have arrived": awaited, as "have not arrived" is
    return NEGATED_STAGE.get(stage, stage)


def _counts(child: Token) -> bool:
    """A number on the item ("no 30 tanks" is no refusal), not a model name the parser takes for
    one ("no F-16 jets have arrived")."""
    return child.dep_ == "nummod" and child.like_num


def _none_of(item: Token) -> Token | None:
    """The "none" that counts the item ("none of the tanks has arrived", "none of the promised jets
    were delivered"), which negates the verb it is the subject of as "no" does."""
    prep = item.head
    if item.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lower_ != "none":
        return None
    return prep.head if prep.head.dep_ in ("nsubj", "nsubjpass") else None


# Words between a "not" and the item that make the "not" no refusal of it.
NOT_REFUSING = PAIRING | {
    "least",  # emphasis: "and, not least, Gepard guns"
    "mention",  # "not to mention ammunition": sent as well
    "enough",  # a complaint of the amount: "but not enough ammunition" (some was sent)
}


def _set_apart(item: Token) -> bool:
    """An item coordinated or in apposition under "not" ("will send tanks but not jets",
    "delivered howitzers, not tanks"): what is sent is the other; this one is not. The words that
    make "not" one half of a pair stand between it and the item, whichever of them the parse hangs
    them on ("not just shells", "not only shells")."""
    if item.dep_ not in ("conj", "appos"):
        return False
    return any(c.dep_ == "neg" and not _not_refusing(c, item) for c in item.children)


def _not_refusing(neg: Token, item: Token) -> bool:
    return any(t.lower_ in NOT_REFUSING for t in item.doc[neg.i + 1 : item.i])


def _yet(item: Token) -> bool:
    """ "Tanks but not yet jets": still to come; "yet" stands between the "not" and the item."""
    start = min((c.i for c in item.children if c.dep_ == "neg"), default=item.i)
    return any(t.lower_ == "yet" for t in item.doc[start : item.i])


# Comparatives after "no" that bound a count: "no more than 30", "no fewer than 40", "no less than 18".
BOUND_COMPARATIVES = {"more", "less", "fewer"}


def _bounding_no(token: Token) -> bool:
    """Is the token a "no" right before a comparative that bounds a number ("no more than 30")?"""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return (
        token.lower_ == "no"
        and following is not None
        and following.lower_ in BOUND_COMPARATIVES
        and any(t.like_num for t in token.doc[token.i + 2 : token.i + 5])
    )
