"""A request noun that its asker sends or makes ("Ukraine sent a request for tanks to Germany",
"Kyiv made a request for Patriots from Berlin"): the subject of the verb asks, the party the
request goes 'to' or is made 'from' is asked, and nothing is delivered by sending the request."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.clause import negated_verb
from materiel.extract.lexicon import Mention

# Verbs whose object is a request the subject puts to someone ("sent a request", "made a plea").
MAKING = {"send", "make", "submit", "file", "issue", "put", "lodge", "forward", "transmit", "renew", "deliver", "hand"}
# Prepositions naming the party a request is put to ("to Germany") or asked of ("from Berlin").
ASKED_PREPS = {"to", "from", "of"}
# Stages a request noun may not take from the verb that makes it: sending a request delivers nothing.
MOVING_STAGES = {"delivered", "in_progress"}


def made_request(cue: Token) -> Token | None:
    """The verb that makes or sends a request noun cue ('sent a request'), if any."""
    table = syntax.cues()
    if syntax.cue_kind(cue) != "noun" or table.nouns.get(cue.lemma_.lower()) != "requested":
        return None
    verb = cue.head
    if cue.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in MAKING:
        return None
    return verb


def asked_party(cue: Token, verb: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """The party a made request goes to or is asked of, on the noun, its verb or the item asked
    for ("a request for tanks from Germany")."""
    tokens = treenames.prep_objects(cue, ASKED_PREPS) + treenames.prep_objects(verb, ASKED_PREPS)
    tokens += treenames.prep_objects(item, {"from"})
    tokens += [c for c in verb.children if c.dep_ in ("dative", "iobj")]
    return treenames.mention_in(tokens, actors)


def request_stage(cue: Token, found: str) -> str:
    """A made request's stage: what the verb would move is only asked for."""
    return "requested" if made_request(cue) is not None and found in MOVING_STAGES else found


def unasked(cue: Token, status: str) -> bool:
    """A request verb under "not" or "never" ("Ukraine has never asked China for weapons", "Kyiv
    has not requested jets"): no one asked, so nothing is requested of anyone."""
    return status == "requested" and syntax.cue_kind(cue) == "request" and negated_verb(cue)
