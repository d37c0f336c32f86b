"""Negation of a stage: what a "not", "no" or "no longer" on a stage word makes of it ("did not
send" refused, "has not yet sent" still to come), and the "not" that negates nothing: one half
of a pair ("not only tanks but also jets") and a past act "not" done "until" a time. Used by
clause.py and the stage readers."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax

# Stages of an act done or under way: "not yet" done is still to come, and an attempt has not reached them.
EXECUTED = {"delivered", "in_progress"}


def negated_verb(verb: Token) -> bool:
    return any(_negation(c) or _no_longer(c) for c in verb.children)


def _no_longer(token: Token) -> bool:
    """ "no longer supplies jets": the parser hangs the "no" on "longer", not on the verb."""
    return token.dep_ == "advmod" and token.lower_ == "longer" and any(c.dep_ == "neg" for c in token.children)


# Words after a "not" that may make it one half of a pair, not a negation: "not only tanks but
# also jets", "sent tanks, not just shells", "did not merely send tanks but trained crews".
PAIRING = {"only", "just", "merely", "simply"}


def _negation(token: Token) -> bool:
    """A negation, not the "not" of a pair that adds (see `_paired`), nor the "not" of a past
    "did not ... until" (_not_until), which dates the act."""
    if token.dep_ != "neg" or _paired(token):
        return False
    return not _not_until(token.head)


# Words and marks of the second half of such a pair: "not only tanks but jets", "did not just
# send tanks, it sent jets too / also / as well", "did not simply sell tanks; it donated them".
ADDING = {"but", "also", "too", "well", ";"}


def _paired(token: Token) -> bool:
    """A "not only/just" that adds: a "but", "also" or a semicolon follows ("not only tanks but
    also jets"), or it follows a comma ("sent 14 tanks, not just 12"). "will not simply hand over
    jets" with neither is a refusal, and "not just yet" is "not yet"."""
    after = token.doc[token.i + 1 : token.i + 3]
    if not len(after) or after[0].lower_ not in PAIRING or after.text.lower() == "just yet":
        return False
    if token.i > token.sent.start and token.doc[token.i - 1].text == ",":
        return True
    return any(t.lower_ in ADDING for t in token.doc[token.i + 2 : token.sent.end])


# Words after "until" that leave the act undone: "had not sent tanks until now" has not sent them.
UNTIL_NOW = {"now", "today", "recently", "present", "yet"}


# Verbs of beginning: "shipments did not begin until September" began then.
BEGINNING = {"begin", "start", "commence"}
# Cue kinds of the act itself: "did not send them until March" sent them then; a wish or a decision
# ("did not intend to send tanks until its allies agreed") is not dated by "until", it is denied.
UNTIL_KINDS = {"transfer", "receive", "arrive"}


def _not_until(verb: Token) -> bool:
    """A past act "not" done "until" a time ("shipments did not begin until September 1985", "the
    tanks did not arrive until the war ended"): it was done then, late, not left undone. Only the
    act or its beginning is dated so; wishes and decisions ("did not intend", "did not plan") stay denied."""
    past = verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in verb.children)
    beginning = verb.lemma_.lower() in BEGINNING
    if not past or not (beginning or syntax.cue_kind(verb) in UNTIL_KINDS):
        return False
    # the parse may hang "until" on what was begun: "did not start sending tanks until March"
    begun = [c for c in verb.children if beginning and c.dep_ == "xcomp"]
    for child in [*verb.children, *(g for c in begun for g in c.children)]:
        if child.dep_ == "prep" and child.lower_ in ("until", "till"):
            return not any(c.lower_ in UNTIL_NOW for c in child.children)
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("until", "till") for m in child.children):
            return True
    return False


# A stage under "not": "did not send" is a refusal, "did not halt deliveries" lets them go on,
# "would not block ... from sending" leaves the transfer possible.


def still_to_come(token: Token) -> bool:
    """An act "not yet" done ("has not yet sent"), or "still not" done in the perfect ("has still
    not delivered the vehicles it pledged": still owed, like "has yet to deliver"); "is still not
    sending jets" is a refusal that goes on."""
    adverbs = {c.lower_ for c in token.children if c.dep_ == "advmod"}
    return "yet" in adverbs or ("still" in adverbs and _perfect(token))


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


NEGATED_STAGE = {
    "delivered": "refused",
    "pledged": "refused",
    "in_progress": "cancelled",
    "refused": "considered",
    "cancelled": "in_progress",
    "postponed": "in_progress",  # "did not delay the deliveries", "has not frozen its exports": they go on
}


def negated(token: Token, stage: str) -> str:
    """The stage under "not", or under "no" on a stage noun ("has no plans to send"); an act "not
    yet" done is still to come ("has not yet delivered the tanks it promised"): pledged, like "has
    yet to deliver", not refused."""
    if any(_negation(c) or _no_longer(c) or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        if stage in EXECUTED and (still_to_come(token) or token.lemma_.lower() in AWAITED):
            return "pledged"
        if stage in HELD_BACK and _held_until(token):
            return "postponed"  # "will not send the jets until the spring": put off, not refused
        return NEGATED_STAGE.get(stage, stage)
    return stage


# Verbs of the recipient's side of a handover: what "has not arrived" or "has not received" is
# awaited, not refused by the supplier ("Kyiv has not received the jets it was promised", "the
# howitzers have not arrived"); a buyer that "did not buy" them declines, and keeps "refused". A
# promise "not fulfilled" is still owed ("has not fulfilled its pledge to send tanks").
AWAITED = {"receive", "get", "obtain", "arrive", "reach", "fulfil", "fulfill"}
# Stages that a "not ... until" a time puts off: "will not send jets until the spring" (a past
# "did not send them until March" dates the act, `_not_until`).
HELD_BACK = {"pledged", "delivered"}


def _held_until(verb: Token) -> bool:
    """The negated act has an "until" a time ("until the spring", "until 2026"), not "until now"
    nor "until" a clause of a condition ("until Washington does")."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("until", "till")):
        if not any(c.lower_ in UNTIL_NOW for c in prep.children) and any(c.dep_ == "pobj" for c in prep.children):
            return True
    return False
