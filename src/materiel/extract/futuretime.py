"""Time ahead on a verb in the present: "Poland transfers the tanks next week", "Turkey delivers
the drones in the coming months", "Germany is sending more tanks next month", "the jets are
handed over later this year" tell an act arranged, not one done or under way (pledged). News
written in another language and translated keeps this present of the planned future; English
news has it in the progressive. A past verb ("sent tanks last week") is left alone."""

from __future__ import annotations

import re

from spacy.tokens import Token

# Units of time that "next", "the coming" and "later this" date ("next week", not "next to Kyiv").
UNIT = r"""(?:days?|weeks?|months?|years?|quarters?|decades?|weekend|spring|summer|autumn|fall|winter
    |monday|tuesday|wednesday|thursday|friday|saturday|sunday
    |january|february|march|april|may|june|july|august|september|october|november|december)"""
# A phrase of time that lies ahead, matched against the whole phrase a verb's adverbial heads.
FUTURE_TIME = re.compile(
    rf"""\A(?:
        (?:early\s+|late\s+|from\s+|starting\s+|beginning\s+)?next\s+{UNIT}  # "next week", "from next month"
      | (?:in|over|within|during)\s+the\s+(?:coming|next)\s+(?:\w+\s+)?{UNIT}  # "in the coming months"
      | (?:in|within)\s+(?:a\s+few|several|a\s+couple\s+of)\s+{UNIT}  # "within a few weeks"
      | later\s+(?:this|in\s+the)\s+{UNIT}  # "later this year", "later in the month"
      | (?:by\s+)?the\s+(?:end|start|beginning|middle)\s+of\s+(?:next|the\s+coming)\s+{UNIT}  # "the end of next year"
      | (?:very\s+)?soon  # "soon" (not "soon after the war": a phrase that goes on does not match)
      | tomorrow
      | in\s+the\s+near\s+future
    )\Z""",
    re.VERBOSE | re.IGNORECASE,
)
# Dependents that carry a verb's time: "next week" (npadvmod), "in the coming months" (prep),
# "soon" (advmod).
TIME_DEPS = {"npadvmod", "prep", "advmod", "tmod", "obl"}
# Tags of the finite word of a present: "transfers", "send", "is sending", "are delivered".
PRESENT = {"VBZ", "VBP"}
# Verbs of a chain looked at: "starts to send", "plans to begin sending".
MAX_CHAIN = 3


def dated_ahead(verb: Token) -> bool:
    """A verb in the present (simple, progressive or passive) that a phrase of time ahead dates:
    on the verb, on a verb of its chain ("starts sending ... next week") or trailing its object
    ("buys 20,000 rounds next month", where the parse hangs the time on the object)."""
    chain = _chain(verb)
    if verb.pos_ not in ("VERB", "AUX") or not _present(chain[0]):
        return False
    objects = [c for v in chain for c in v.children if c.dep_ == "dobj"]
    timed = [c for v in chain for c in v.children if c.dep_ in TIME_DEPS]
    timed += [c for o in objects for c in o.children if c.dep_ == "npadvmod"]
    return any(FUTURE_TIME.match(_phrase(c)) for c in timed)


def _chain(verb: Token) -> list[Token]:
    """The verb's chain of complements, its finite verb first: "starts sending" from either verb."""
    top = verb
    while top.dep_ == "xcomp" and top.head.i != top.i:
        top = top.head
    chain = [top]
    while len(chain) < MAX_CHAIN and (below := next((c for c in chain[-1].children if c.dep_ == "xcomp"), None)):
        chain.append(below)
    return chain


def _present(verb: Token) -> bool:
    """The verb's finite word (its first helper, else itself) is in the present; a modal, a past
    or a perfect ("has sent") is not."""
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if any(c.lemma_ == "have" or c.tag_ in ("MD", "VBD", "TO") for c in helpers):
        return False
    finite = helpers[0] if helpers else verb
    return finite.tag_ in PRESENT


def _phrase(word: Token) -> str:
    return word.doc[word.left_edge.i : word.right_edge.i + 1].text


# Verbs of a trailing attribution: "Germany to send tanks, says minister".
ATTRIBUTING = {"say", "tell", "report", "confirm", "announce", "claim", "state"}


def headline_infinitive(verb: Token) -> bool:
    """The headline's future, a subject with a bare infinitive ("Germany to send tanks to
    Ukraine"), which the parse does not make the root: under a trailing attribution ("Germany to
    deliver tanks next year, says minister") or after a live blog's label, where the infinitive
    hangs from the state's name ("UPDATE: Britain to send tanks")."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.tag_ == "TO" and c.i == verb.i - 1 for c in verb.children):
        return False
    head = verb.head
    subject = any(c.dep_ == "nsubj" for c in verb.children)
    if verb.dep_ == "ccomp" and head.i > verb.i and head.lemma_.lower() in ATTRIBUTING:
        return subject
    named = verb.dep_ == "relcl" and head.pos_ == "PROPN" and head.i == verb.i - 2
    if named and (head.dep_ == "ROOT" or _attributed_after(verb)):
        # "Iran to supply Russia with missiles": the name is the root of a headline with no verb;
        # "..., sources say": the name hangs from "say"
        return True
    return (subject or named) and _after_label(verb)


def _attributed_after(verb: Token) -> bool:
    """The headline's root is a verb of telling after the infinitive ("..., sources say")."""
    root = verb.sent.root
    return root.i > verb.i and root.lemma_.lower() in ATTRIBUTING


# Marks that end a live blog's label: "UPDATE: ...", "12:05 - ...", "Breaking | ...".
LABEL_MARKS = {":", "-", "–", "—", "|"}


def _after_label(verb: Token) -> bool:
    """The sentence's root is a label before the verb, a mark between them ("UPDATE: Britain to send")."""
    root = verb.sent.root
    return root.i < verb.i and any(t.text in LABEL_MARKS for t in verb.doc[root.i + 1 : verb.i])
