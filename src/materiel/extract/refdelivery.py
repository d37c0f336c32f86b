"""Deliveries told beside an order in the order's own sentence, as reference works and summaries
tell a deal: a done clause dated by its years, on the lot, with no party of its own ("India
ordered 36 jets from France in 2016, and they were delivered between 2019 and 2022", "..., all of
which were delivered by 2024", "Greece ordered 24 jets from France (delivered 2022-2024)", "...,
and the last of them arrived in 2021"), deliveries as the object of "with" ("..., with deliveries
completed in 2022", "..., with deliveries running from 2022 to 2025"), or deliveries as the
subject of their phase coordinated with the order ("..., and deliveries began in May"). The years
such a clause names, read against the article's date, say how far the deliveries went: all past,
delivered; running past it, under way; all ahead, still promised.

clausestage.py applies it where the sentence holds one transfer and names no party but its own.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import syntax

# Cue kinds of a verb that moves the lot: "were delivered", "were shipped", "arrived".
MOVING = {"transfer", "arrive"}
# Clause relations that put a done clause beside the order: coordinated ("and they were
# delivered"), adverbial ("(delivered 2022-2024)", "all of which were delivered"), on the lot
# ("24 fighters, ordered in 2015, delivered 2015-2017"), or the main clause after a semicolon.
BESIDE = {"conj", "advcl", "acl", "relcl", "ROOT"}
# Subjects that take the lot up: a pronoun ("they were delivered"); a share of them ("all of which
# were delivered") goes through `_share`; a bare "which" may be the items' earlier history ("13
# jets, which were shipped to Slovakia in the 1990s").
LOT_PRONOUNS = {"they", "these", "those"}
# Those of them that may open a sentence of their own: "They were delivered between 2019 and 2022".
LATER_PRONOUNS = {"they", "these", "those"}
# Counts of a share of the lot whose "of" names it: "all of which", "most of them"; and the end of
# the lot ("the last of them", "the rest of them": what came when the lot was complete).
SHARES = {"all", "most", "some", "half", "many", "each", "both", "last", "rest", "remainder"}
# Nouns of the deliveries that "with" puts beside the order: "with deliveries completed in 2022".
DELIVERY_NOUNS = {"delivery", "shipment", "transfer"}
# Verbs of the deliveries' phase and the stage each tells: ended ("completed"), or going on
# ("running from 2022 to 2025", "taking place in 2022 and 2023", "starting in 2020").
COMPLETING = {"complete", "finish", "conclude", "end"}
PHASES = {
    **dict.fromkeys(COMPLETING, "delivered"),
    "run": "in_progress",
    "take": "in_progress",  # "taking place"
    "continue": "in_progress",
    "begin": "in_progress",
    "start": "in_progress",
}
# A year as a reference work writes it, alone or in a range: "2019", "2022-2024".
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def delivery_beside(sentence: SpacySpan, after: int, year: int | None) -> str | None:
    """The stage a done clause or a "with deliveries ..." phrase after the character `after` tells
    of the order's lot, read against the article's year; None where there is none."""
    for token in sentence:
        if token.idx < after:
            continue
        told = _done_clause(token) or _with_deliveries(token) or _deliveries_clause(token)
        if told is not None:
            return _dated(told, token, year)
    return None


def _done_clause(verb: Token) -> str | None:
    """A done, unnegated clause of a moving verb with no subject or one that takes the lot up."""
    if not _dated_beside(verb):
        return None
    arrival = syntax.cue_kind(verb) == "arrive"
    if any(c.dep_ in ("neg", "dobj") or c.tag_ in ("MD", "TO") for c in verb.children):
        return None  # "were not delivered", "Germany delivered tanks", "would be delivered"
    if not arrival and any(c.dep_ == "nsubj" for c in verb.children):
        return None  # "Germany delivered": a party of its own; an arrival's subject may be the lot
    shared = verb.head.children if verb.dep_ == "conj" else []
    if any(c.dep_ in ("neg", "aux") and c.tag_ in ("RB", "MD", "TO") for c in shared):
        return None  # "will be made in Britain and delivered by 1989": the modal is the pair's
    if any(c.dep_ == "agent" and not _dated_agent(c) for c in verb.children):
        return None  # "funding allocated by NATO and Ukraine": a party of its own
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return None  # "they were supplied with shells": the recipient, not the lot
    # The lot is the subject of a passive ("they were delivered") or of an arrival ("the last of
    # them arrived in 2021").
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" or (arrival and c.dep_ == "nsubj")), None)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if subject is None:
        return None if passive or syntax.hypothetical(verb) else "delivered"  # "(delivered 2022-2024)"
    if subject.lower_ in LOT_PRONOUNS or _share(subject):
        return None if syntax.hypothetical(verb) else "delivered"
    return None


def _dated_beside(verb: Token) -> bool:
    """A moving verb in the past, dated, in a clause beside the order: what a done clause needs."""
    if syntax.cue_kind(verb) not in MOVING or verb.tag_ not in ("VBN", "VBD"):
        return False
    if syntax.cues().transfer.get(verb.lemma_.lower()) == "pledged":
        return False  # "under a deal approved in 2023", "the package announced in 2022": a commitment, not a delivery
    if not years_in(verb):
        return False  # undated ("a package announced today", "(delivered)" as a list's label): no reference
    # "wants the tanks delivered": a wish, no clause beside the order
    return verb.dep_ in BESIDE or _bracketed(verb)


def years_in(head: Token) -> list[int]:
    """The years a phrase names as times, not those in a name ("Mirage 2000 jets")."""
    dates = (t for t in head.subtree if t.dep_ not in ("compound", "nummod"))
    return [int(y) for t in dates for y in YEAR.findall(t.text)]


def _bracketed(verb: Token) -> bool:
    """A participle opening a bracket, whatever the parse made of it: "(delivered 2019-2021)"."""
    return verb.i > 0 and verb.doc[verb.i - 1].text in ("(", "[")


def _dated_agent(agent: Token) -> bool:
    """'by 2024', 'by late 1989': a time the parse took for an agent."""
    return bool(years_in(agent))


def _share(subject: Token) -> bool:
    """'all of which', 'most of them': a share of the lot named before."""
    if subject.lower_ not in SHARES:
        return False
    of = [c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"]
    return any(g.lower_ in ("which", "them", "these", "those") for p in of for g in p.children)


def _with_deliveries(noun: Token) -> str | None:
    """Deliveries that "with" puts beside the order, with the verb of their phase: "with deliveries
    completed in 2022" (a participle on the noun) or "with deliveries taking place in 2022" (the
    noun the subject of a gerund under "with")."""
    if noun.lemma_.lower() not in DELIVERY_NOUNS or noun.tag_ != "NNS":
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        phase = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")), None)
    elif noun.dep_ == "nsubj" and noun.head.dep_ == "pcomp" and noun.head.head.lower_ == "with":
        phase = noun.head
    else:
        return None
    if phase is None or any(c.dep_ == "neg" for c in phase.children):
        return None
    return PHASES.get(phase.lemma_.lower())


def _deliveries_clause(noun: Token) -> str | None:
    """Deliveries as the subject of a clause of their phase coordinated with the order's: "...,
    and deliveries began in May", "...; the deliveries were completed in 2020"."""
    if noun.lemma_.lower() not in DELIVERY_NOUNS or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    phase = noun.head
    if phase.dep_ not in ("conj", "ROOT") or phase.i < noun.i:
        return None
    if any(c.dep_ == "neg" or c.tag_ == "MD" for c in phase.children):
        return "pledged" if phase.lemma_.lower() in PHASES else None  # "will begin", "have not begun": still to come
    if any(c.dep_ == "prep" and c.lower_ in ("to", "from") for c in noun.children):
        return None  # "deliveries to Poland began": another lot of its own
    return PHASES.get(phase.lemma_.lower())


def _dated(told: str, token: Token, year: int | None) -> str:
    """The stage told, as the years its clause names put it against the article's year: all of
    them ahead, still promised; some ahead, under way."""
    clause = token.head if token.dep_ in ("pobj", "nsubj", "nsubjpass") else token  # "with ...", "deliveries began ..."
    named = years_in(clause)
    if year is None or not named:
        return told
    if min(named) > year:
        return "pledged"
    return "in_progress" if max(named) > year else told
