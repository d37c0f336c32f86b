"""Verbs that stage what they take by more than their lemma: a verb that puts its object in a
state ("put the sale on hold", "put on hold a shipment of bombs") gives that state's stage, and a
verb of pressing another to act ("pressed Berlin to send tanks", "lobbied for the sale") asks for
the act only with the one pressed and the act wanted."""

from __future__ import annotations

from spacy.tokens import Token

# Verbs that put their object in a state that a predicate of cues.json names: "put the sale on
# hold", "placed deliveries on ice", "put the deal under review" stage the object as "the sale is
# on hold" does.
PLACING = {"put", "place"}


# Nouns of a stop that a placing verb puts on what follows 'on' or 'to': "put a hold on the sale",
# "placed a freeze on arms exports", "put a stop to deliveries".
PLACED_STOPS = {"hold": "postponed", "freeze": "postponed", "pause": "postponed", "stop": "cancelled",
                "halt": "cancelled", "end": "cancelled"}  # fmt: skip
STOPPED_PREPS = {"on", "to"}


def placed_stage(verb: Token, predicates: dict[str, str]) -> str | None:
    """The stage of the state a placing verb puts its object in, by cues.json's `predicates`, or of
    the stop it puts on what follows (PLACED_STOPS)."""
    stop = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in PLACED_STOPS), None)
    near = (*verb.children, *stop.children) if stop is not None else ()
    if stop is not None and any(c.dep_ == "prep" and c.lower_ in STOPPED_PREPS for c in near):
        return PLACED_STOPS[stop.lemma_.lower()]
    for prep in (c for c in verb.children if c.dep_ in ("prep", "prt")):
        for obj in _placed_in(prep):
            found = predicates.get(f"{prep.lower_} {obj.lemma_.lower()}")
            if found is not None:
                return found
    return None


def _placed_in(prep: Token) -> list[Token]:
    """The state a placing verb's preposition names: its object ("put the sale on hold"), or, when
    the object comes straight after the verb's particle, the word the parser hangs on the verb
    beside it ("put on hold a shipment of bombs": "hold" taken for a second object)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if objects or prep.i + 1 >= len(prep.doc):
        return objects
    after = prep.doc[prep.i + 1]
    return [after] if after.head.i == prep.head.i and after.dep_ in ("dobj", "npadvmod") else []


# Verbs of pressing another to act, which ask only with the one pressed and the act wanted
# ("pressed Berlin to send tanks", "lobbied for the sale"), not "pressed ahead with deliveries".
PRESSING = {"press", "pressure", "push", "lobby", "encourage"}


def presses_for(verb: Token) -> bool:
    """The verb takes the one pressed as object and an infinitive, or 'for' what is wanted."""
    pressed = any(c.dep_ == "dobj" for c in verb.children)
    wanted = any(c.dep_ in ("xcomp", "advcl", "ccomp") and _infinitive(c) for c in verb.children)
    return (pressed and wanted) or any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
