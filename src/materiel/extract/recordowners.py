"""Whose a record is when a source names it by its kind alone ("The report said ...", "According
to the study, ...", "The documents show ...", "The statement read: ..."): the owner of the last
record of that kind the article named before with its owner ("Amnesty International published a
report on Monday", "a study by the Kiel Institute", "the Pentagon's assessment", "a cable from the
US embassy", "the WikiLeaks cables"). A record named by its kind alone is nobody's until then, and
stays nobody's where no earlier one says whose it is."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Span
from materiel.extract.context import Context, Paragraph
from materiel.extract.earlier import BODIES
from materiel.extract.records import RECORDS, WRITTEN

# Kinds of record a source may name alone: those of `records.WRITTEN` ("the report", "the
# statement", "the letter", "the cable"), and a body's resolution ("according to the resolution").
KINDS = WRITTEN | {"resolution"}
# Kinds general enough to take up a record of any kind named before ("ISW said this in a new
# assessment ... the report said", "the Senate passed a resolution ... According to the document").
GENERAL_KINDS = {"report", "document", "text"}
# The records a general kind takes up ("a new assessment ... the report"); what was said or sent
# (a statement, a notice, a letter) is no report.
TAKEN_UP = RECORDS | {"assessment", "investigation", "resolution"}
# Determiners that point back to a record named before ("the report", "this study", "these
# documents"); "a report" or "reports" are new ones.
BACK_DETERMINERS = {"the", "this", "that", "these", "those"}
# Prepositions after a record's noun that name whose it is ("a report by Amnesty", "a cable from
# the embassy", "the findings of the panel").
OWNER_PREPOSITIONS = {"by", "from", "of"}
# Verbs by which someone puts out a record of their own: their subject is its owner ("Amnesty
# published a report", "the ministry issued a statement"); not "Reuters obtained the documents",
# whose owner is somebody else.
MAKING_VERBS = {
    "publish",
    "release",
    "issue",
    "produce",
    "compile",
    "prepare",
    "write",
    "send",
    "submit",
    "file",
    "unveil",
    "pass",  # "the Senate passed a resolution"
    "adopt",
}
# Participles after a record's noun whose agent or origin is its owner ("a study published by
# SIPRI", "a cable originating from the embassy", "a letter signed by 40 senators").
MAKING_PARTICIPLES = MAKING_VERBS | {"originate", "sign", "author", "commission"}


def bare_record(head: Token) -> bool:
    """A record named by its kind and a determiner that points back, with no owner of its own
    ("The report said", not "A report by Amnesty said" nor "Amnesty's report said")."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in KINDS:
        return False
    if not any(c.dep_ == "det" and c.lower_ in BACK_DETERMINERS for c in head.children):
        return False
    return owner_of(head) is None


def earlier_owner(context: Context, head: Token, at: int, general: bool = True) -> tuple[Paragraph, Token] | None:
    """The owner of the record the head takes up, and the paragraph it is named in: the last
    record of the head's kind named before `at` (an offset in the article), or for a general kind
    with none of its own (where `general`), the last record of `TAKEN_UP`. Records named by their kind alone take up
    an earlier one and are passed over; the one taken up may have no owner ("a report on the
    war ... The report said": nobody's)."""
    lemma = head.lemma_.lower()
    same = other = None
    for paragraph, token in _records_before(context, at):
        if token.lemma_.lower() == lemma:
            same = (paragraph, token)
        elif general and lemma in GENERAL_KINDS and token.lemma_.lower() in TAKEN_UP:
            other = (paragraph, token)
    taken_up = same or other
    if taken_up is None:
        return None
    owner = owner_of(taken_up[1])
    return (taken_up[0], owner) if owner is not None else None


def _records_before(context: Context, at: int) -> Iterator[tuple[Paragraph, Token]]:
    """The records named before `at` that are not named by their kind alone, in order."""
    for paragraph in context.read():
        if paragraph.offset >= at:
            return
        for token in paragraph.doc:
            if paragraph.offset + token.idx >= at:
                return
            if token.pos_ == "NOUN" and token.lemma_.lower() in KINDS and not bare_record(token):
                yield paragraph, token


def owner_of(record: Token) -> Token | None:
    """Who a record is said to be by: its possessor, a name compounded with it, the object of "by",
    "from" or "of" after it or of a participle of making after it, or the subject of a verb of
    making whose object it is."""
    for child in record.children:
        if child.dep_ == "poss" and _owner(child):
            return child
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ not in ("DATE", "TIME"):
            return child
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
            owner = next((g for g in child.children if g.dep_ == "pobj" and _owner(g)), None)
            if owner is not None:
                return owner
        if child.dep_ == "acl" and child.lemma_.lower() in MAKING_PARTICIPLES:
            made_by = _made_by(child)
            if made_by is not None:
                return made_by
    return _maker_subject(record) or _speaker_in(record)


def _made_by(participle: Token) -> Token | None:
    """The agent of a participle of making, or what it comes from ("published by SIPRI",
    "originating from the embassy")."""
    for child in participle.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("by", "from")):
            owner = next((g for g in child.children if g.dep_ == "pobj" and _owner(g)), None)
            if owner is not None:
                return owner
    return None


def _maker_subject(record: Token) -> Token | None:
    """The subject of the verb of making whose object the record is ("Amnesty published a
    report"), or the agent of its passive ("A report was released by the institute")."""
    verb = record.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in MAKING_VERBS:
        return None
    if record.dep_ == "dobj":
        return next((c for c in verb.children if c.dep_ == "nsubj" and _owner(c)), None)
    if record.dep_ == "nsubjpass":
        return _made_by(verb)
    return None


# Bodies whose records an article cites, beside those that speak (`earlier.BODIES`): "a cable from
# the US embassy", "a letter from the senate".
RECORD_BODIES = BODIES | {"embassy", "consulate", "mission", "parliament", "senate", "congress", "house"}


# Verbs of saying whose subject says what it says in a record of its own ("ISW said this in a new
# assessment", "the ministry wrote in a letter").
SAYING_VERBS = {"say", "write", "state", "note", "warn", "announce", "report", "conclude", "find", "explain"}


def _speaker_in(record: Token) -> Token | None:
    """Who said something "in" the record ("ISW said this in a new assessment": ISW's)."""
    preposition = record.head
    if record.dep_ != "pobj" or preposition.lower_ != "in":
        return None
    verb = preposition.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SAYING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and _owner(c)), None)


def _owner(token: Token) -> bool:
    """A name ("Amnesty International", "the Pentagon") or a body ("the ministry", "the embassy")."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.lemma_.lower() in RECORD_BODIES)


def spoken_in(context: Context, paragraph: Paragraph, sentence: SpacySpan) -> list[tuple[Paragraph, Token, Span]]:
    """The owner of a record named before, that a speaker is said to speak in, with the paragraph
    it is named in and where the record is cited ("A cable from the embassy leaked ... In the
    cable, the ambassador writes that ...": the embassy's word too)."""
    found = []
    for record in sentence:
        verb = record.head.head
        if record.dep_ != "pobj" or record.head.lower_ != "in" or verb.lemma_.lower() not in SAYING_VERBS:
            continue
        span = Span(paragraph.offset + record.left_edge.idx, paragraph.offset + record.idx + len(record))
        earlier = earlier_owner(context, record, span.start) if bare_record(record) else None
        found += [(*earlier, span)] if earlier is not None else []
    return found
