"""Sources by what a named person does in a transfer's own sentence.

Some acts state a transfer in public as a verb of saying would: thanking for it or welcoming it
("Zelensky thanked Berlin for the Leopard tanks", a party's word that they came), and approving,
authorising, signing, deciding, agreeing to, offering or ordering it ("Biden approved $1 billion
in weapons for Kyiv", an office holder's public act that commits the supplier). The person who
does it, named in the transfer's sentence, stands behind it for a reader, as "Biden announced"
does, when what is acted on holds the transfer's item ("Nowak signed her book" is no act on the
tanks sent in the same sentence). Read after the disclosure is set: who spoke for the supplier
is decided by the verbs of saying (`attribution`), not by these acts.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Source, Span, Transfer
from materiel.extract.context import PRONOUNS, Context, Paragraph
from materiel.extract.docindex import sentence_ents
from materiel.extract.reporting import refused
from materiel.extract.unreadpeople import pronoun_person

ACTING_VERBS = {
    "thank",  # "Zelensky thanked Germany for the tanks"
    "welcome",  # "Sandu welcomed the delivery of air defence systems"
    "praise",  # "Kuleba praised the decision to send jets"
    "hail",  # "the minister hailed the arrival of the first howitzers"
    "applaud",  # "Duda applauded the agreement on tanks"
    "approve",  # "Biden approved $1 billion in weapons for Ukraine"
    "authorize",  # "the president authorized the transfer of missiles"
    "authorise",
    "sign",  # "Erdogan signed the deal to buy jets"
    "decide",  # "Rutte decided to send F-16s to Ukraine"
    "agree",  # "Putin agreed to supply missiles to Iran"
    "offer",  # "Macron offered Rafale jets to India"
    "order",  # "Biden ordered the Pentagon to send cluster munitions"
}
# Who does it: a person the parser names (not "Germany thanked ...", a state that is a party), and
# not a capital or a state the parser takes for one ("Tallinn decided to provide ..."): a leader
# the lexicon knows is a person.
PERSON = "PERSON"
PERSON_ACTORS = {"leader"}
# The doer's grammatical role: the subject of the active verb ("Biden approved"; "the sale was
# approved by Congress" names an agent the parse gives no subject role).
SUBJECT_DEPS = {"nsubj"}


def add_acting_sources(transfers: list[Transfer], context: Context) -> None:
    """Each transfer's sources gain the named people who act on it (`ACTING_VERBS`) in one of its
    own sentences, with its kind of item in what the verb takes."""
    for transfer in transfers:
        names = {s.name for s in transfer.sources}
        for paragraph, sentence in _own_sentences(transfer, context):
            for source in _actors(context, paragraph, sentence, transfer.item.category):
                if source.name not in names:
                    transfer.sources.append(source)
                    names.add(source.name)


def _own_sentences(transfer: Transfer, context: Context) -> list[tuple[Paragraph, SpacySpan]]:
    return [
        (paragraph, sentence)
        for paragraph in context.read()
        for sentence in paragraph.doc.sents
        if any(_within(paragraph, sentence, e) for e in transfer.evidence)
    ]


def _within(paragraph: Paragraph, sentence: SpacySpan, evidence: Span) -> bool:
    start = paragraph.offset + sentence.start_char
    return evidence.start <= start < evidence.end


def _actors(context: Context, paragraph: Paragraph, sentence: SpacySpan, category: str) -> list[Source]:
    subjects = [
        subject
        for token in sentence
        if _acts(token) and _on_item(paragraph, token, category)
        for subject in token.children
        if subject.dep_ in SUBJECT_DEPS
    ]
    named = [
        _source(paragraph, entity)
        for subject in subjects
        for entity in sentence_ents(sentence)
        if entity.label_ == PERSON and entity.root == subject and not _a_place(paragraph, entity)
    ]
    return named + [s for s in (_pronoun_source(context, paragraph, t) for t in subjects) if s is not None]


def _pronoun_source(context: Context, paragraph: Paragraph, subject: Token) -> Source | None:
    """The person a "he"/"she" who acts stands for ("He approved the sale of jets", with the
    president named before), as for a pronoun that says (`unreadpeople.pronoun_person`)."""
    if subject.lower_ not in PRONOUNS:
        return None
    person = pronoun_person(context, paragraph.offset + subject.idx)
    if person is None:
        return None
    at = paragraph.offset + subject.idx
    return Source(person.name, "person", Span(at, at + len(subject)))


def _acts(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in ACTING_VERBS and not refused(token)


def _on_item(paragraph: Paragraph, verb: Token, category: str) -> bool:
    """The verb's words after its subject hold an item of the transfer's kind ("approved $1 billion
    in military aid", "decided to send jets", "thanked Germany for the tanks"), outside a clause
    of another event that a conjunction joins to it ("signed the guest book before Norway sent
    howitzers")."""
    start, end = verb.idx, verb.right_edge.idx + len(verb.right_edge)
    others = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in verb.children if _other_event(c)]
    return any(
        m.id == category and start <= m.start < end and not any(low <= m.start < high for low, high in others)
        for m in paragraph.items
    )


def _other_event(child: Token) -> bool:
    """An adverbial clause with a conjunction of its own ("before", "while", "after", "because"):
    what it tells is not what the verb acts on."""
    return child.dep_ == "advcl" and any(c.dep_ == "mark" for c in child.children)


def _a_place(paragraph: Paragraph, entity: SpacySpan) -> bool:
    return any(
        m.kind not in PERSON_ACTORS and m.start < entity.end_char and entity.start_char < m.end
        for m in paragraph.actors
    )


def _source(paragraph: Paragraph, entity: SpacySpan) -> Source:
    span = Span(paragraph.offset + entity.start_char, paragraph.offset + entity.end_char)
    return Source(entity.text, "person", span)
