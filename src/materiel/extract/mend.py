"""Mending a parse the English model splits: the double-object form cut after its first object.

In "The United States will send Ukraine 500 Stinger missiles." the parser reads "Ukraine" as the
dative of "send" and then starts a sentence of its own at the count: "500 Stinger missiles." is
a second root with no verb, and the verb keeps a recipient and no object ("Germany will send
Ukraine 18 Leopard 2A6 tanks" is read whole). A clause that ends on a verb's dative, with no
object and no punctuation after it, followed by a sentence whose root is a noun, is one clause:
the noun phrase is the verb's direct object, and any count the parser hung on the dative ("sell
Taiwan 66 F-16 jets") is the object's. "will send Ukraine a message" is parsed whole, and left
as it is; the lexicons decide what an object is.

The same form under a verb of promise or intent ("The US promised to send Ukraine 500 Stinger
missiles") is parsed whole, but with the object hung on the upper verb ("promised ... missiles"):
an object after the dative of the verb below belongs to that verb. And a state of two words
right after the verb and before the object's count ("to sell Saudi Arabia 48 Eurofighter
jets") is read as the object's modifier: it is the verb's dative. An arrival on a timetable
("The tanks are due to arrive in Kyiv", "are expected to arrive") has no subject of its own: the
subject of the timetable word above it is what arrives. A sentence in the order of another language
("Arrived to Ukraine the howitzers from France") leaves "arrive" with no subject and the thing
that arrives read as its object: the verb takes no object, so that noun is its subject.

A relative clause that lists contents ("Norway has sent weapons to Ukraine, which include 20
howitzers") is hung by the parser on the nearest noun, the state the weapons went to; a state
does not include howitzers, the weapons do. A clause of a listing verb with a relative subject on
a name that is the "to" object or dative of a verb with an object before it describes that object.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

COMPONENT = "materiel_double_object"
# The parts of speech of a fragment's root that make it an object: a noun phrase, or a count
# standing for one ("send Ukraine 24 F-16" read as a number).
OBJECT_ROOTS = {"NOUN", "PROPN", "NUM"}
# What the parser may hang on the dative that belongs to the object: its count or a designation.
OBJECT_LEFTOVERS = {"nummod", "compound", "quantmod"}


# Reads a token's entity type (a caller that left the entity recognizer out runs it on first need).
Entity = Callable[[Token], str]


@Language.component(COMPONENT)
def mend_double_objects(doc: Doc) -> Doc:
    """The pipeline step: each of the mendings the module's docstring lists, in place."""
    return mend(doc, _entity_type)


def mend(doc: Doc, entity: Entity) -> Doc:
    """The mendings of a parsed doc, reading entity types through `entity` only where the parse
    has the shape of a mending that needs them."""
    sentences = list(doc.sents)
    for first, second in pairwise(sentences):
        dative = _open_dative(first)
        if dative is not None and second.root.pos_ in OBJECT_ROOTS:
            _join(dative, first, second)
    for token in doc:
        if token.dep_ == "dative":
            _lower_object(token)
            continue
        verb = _verb_before_count(token) if token.dep_ in STATE_AS_MODIFIER else None
        arriving = token.lemma_.lower() in INTRANSITIVE and token.pos_ == "VERB"
        if token.dep_ in STATE_AS_MODIFIER and (verb is not None or arriving) and entity(token) in STATES:
            if verb is not None:
                _state_as_dative(token, verb)
        elif arriving and token.dep_ == "xcomp":
            _raised_subject(token)
        elif arriving:
            _inverted_subject(token, entity)
        elif token.dep_ == "relcl" and token.lemma_.lower() in LISTING:
            _listing_on_object(token)
    return doc


def _entity_type(token: Token) -> str:
    return token.ent_type_


def _open_dative(clause: Span) -> Token | None:
    """The dative a clause ends on ("will send Ukraine", "will sell Taiwan 66"), where its verb
    has no object yet and nothing closes the clause."""
    last = clause[-1]
    if last.is_punct or last.is_space:
        return None
    dative = last
    while dative.dep_ in OBJECT_LEFTOVERS and dative.head.i < dative.i:
        dative = dative.head
    verb = dative.head
    if dative.dep_ != "dative" or verb.pos_ not in ("VERB", "AUX") or verb.i > dative.i:
        return None
    if any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in verb.children):
        return None
    return dative


def _join(dative: Token, first: Span, second: Span) -> None:
    """Make the second sentence's root the object of the dative's verb, and hand it the tokens
    after the dative."""
    obj = second.root
    for token in first[dative.i - first.start + 1 :]:
        if token.head.i <= dative.i:
            token.head = obj
    obj.head = dative.head
    obj.dep_ = "dobj"


# Dependencies of a verb under another whose object the parser may take: "promised to send".
LOWER_VERBS = {"xcomp", "ccomp"}


def _lower_object(dative: Token) -> None:
    """Hand the object the upper verb holds after a lower verb's dative to the lower verb."""
    verb = dative.head
    if verb.pos_ != "VERB" or verb.dep_ not in LOWER_VERBS or verb.i > dative.i:
        return
    if any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return
    upper = verb.head
    objects = [c for c in upper.children if c.dep_ == "dobj" and c.i > dative.i]
    if upper.i < verb.i and objects:
        objects[0].head = verb


# How the parser may hang a state's name on the object that follows it ("Saudi Arabia 48 jets").
STATE_AS_MODIFIER = {"nmod", "compound"}
# Entity types of a state.
STATES = {"GPE"}


def _verb_before_count(state: Token) -> Token | None:
    """The verb of a state's name that stands right after it and before its object's count."""
    obj = state.head
    verb = obj.head
    if obj.dep_ != "dobj" or verb.pos_ != "VERB" or state.left_edge.i != verb.i + 1:
        return None
    after = state.doc[state.i + 1] if state.i + 1 < len(state.doc) else None
    if after is None or after.dep_ != "nummod" or after.head.i != obj.i:
        return None
    return verb


def _state_as_dative(state: Token, verb: Token) -> None:
    """A state's name between a verb and its object's count is the verb's dative."""
    state.head = verb
    state.dep_ = "dative"


# Verbs of arriving that take no object: a noun read as one, after the verb, is what arrives.
INTRANSITIVE = {"arrive"}
# How the parser reads a subject put after the verb: as an object or a bare noun of time.
POSTPOSED = {"dobj", "npadvmod"}
# Entity types of a bare noun of time ("arrived Monday"), which stays what it is.
TIMES = {"DATE", "TIME"}


def _inverted_subject(verb: Token, entity: Entity) -> None:
    """The noun after a subjectless "arrived" that the parser made its object is its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return
    nouns = [c for c in verb.rights if c.dep_ in POSTPOSED and c.pos_ in ("NOUN", "PROPN")]
    if nouns and entity(nouns[0]) not in TIMES:
        nouns[0].dep_ = "nsubj"


# Verbs of a clause that lists what something holds ("which include 20 howitzers").
LISTING = {"include", "contain", "comprise", "consist", "feature"}
# Relative pronouns that stand as such a clause's subject.
RELATIVE_SUBJECTS = {"which", "that"}


def _listing_on_object(clause: Token) -> None:
    """Rehang a listing clause that the parser hung on a verb's recipient state onto the verb's
    object ("sent weapons to Ukraine, which include howitzers": the weapons include them)."""
    state = clause.head
    if not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_SUBJECTS for c in clause.children):
        return
    if state.pos_ != "PROPN":  # a name, whatever the recognizer makes of it ("Kyiv" as a person)
        return
    verb = state.head.head if state.dep_ == "pobj" and state.head.lower_ == "to" else state.head
    if state.dep_ not in ("pobj", "dative") or verb.pos_ not in ("VERB", "AUX"):
        return
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < state.i]
    if objects:
        clause.head = objects[0]


# Words that put an arrival on a timetable, the subject of the clause above it ("the tanks are due
# to arrive", "are expected to arrive", "is scheduled / set / slated to arrive").
RAISING = {"due", "expect", "schedule", "set", "slate", "suppose", "likely"}
# Prepositions of the place an arrival names ("to arrive in Kyiv").
PLACE_PREPS = {"in", "at", "to", "into"}


def _raised_subject(verb: Token) -> None:
    """'The tanks are due to arrive in Kyiv': what arrives is the subject of the timetable word
    above the subjectless arrival; it becomes the arrival's own subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return
    if not any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS for c in verb.children):
        return  # "are expected to arrive before winter": no place to read, the clause above tells the rest
    upper = verb.head
    if upper.lemma_.lower() not in RAISING:
        return
    clause = upper.head if upper.dep_ == "acomp" else upper  # "are due": the subject is the copula's
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    if subjects:
        subjects[0].head = verb
        subjects[0].dep_ = "nsubj"


def install(nlp: Language) -> bool:
    """Add the mending to the end of a pipeline that parses: True if it was added."""
    if "parser" not in nlp.pipe_names or COMPONENT in nlp.pipe_names:
        return False
    nlp.add_pipe(COMPONENT, last=True)
    return True
