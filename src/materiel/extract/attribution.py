"""Attribution: who a sentence is sourced to, and what involved parties said about a transfer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Actor, Response, Source, Span
from materiel.extract.context import PRONOUNS, REFERENCES, Context, Paragraph

REPORT_VERBS = {
    "promise",
    "pledge",
    "vow",
    "warn",
    "urge",
    "tweet",
    "brief",
    "say",
    "report",
    "write",
    "tell",
    "state",
    "claim",
    "announce",
    "confirm",
    "add",
    "note",
    "cite",
    "reveal",
    "publish",
    "allege",
    "insist",
    "explain",
    "stress",
}
# A source name longer than this many tokens is a clause, not a name: we keep its head part.
MAX_SOURCE_TOKENS = 10
# Words after a source's head that may belong to its name ("officials in Kyiv", "a spokesman
# for the ministry"); further on, a modifier is usually a clause about the source.
NAME_WINDOW = 4


@dataclass
class Cited:
    """A source named in one sentence, and the actor it speaks for (when known)."""

    source: Source
    actor_id: str | None


def sentence_sources(context: Context, paragraph: Paragraph, sentence: SpacySpan) -> list[Cited]:
    found: list[Cited] = []
    for token in sentence:
        for phrase in _source_phrases(token):
            for cited in [_resolve(context, paragraph, phrase), *_outlets_within(paragraph, phrase)]:
                if cited is not None and all(c.source.name != cited.source.name for c in found):
                    found.append(cited)
    return found


def _outlets_within(paragraph: Paragraph, phrase: list[Token]) -> list[Cited]:
    """Outlets named inside a source phrase ('a draft of the budget seen by Reuters')."""
    head = phrase[0]
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    return [
        Cited(Source(o.name, "media", Span(paragraph.offset + o.start, paragraph.offset + o.end)), None)
        for o in paragraph.outlets
        if start <= o.start < end
    ]


def _source_phrases(token: Token) -> list[list[Token]]:
    lemma = token.lemma_.lower()
    if lemma == "accord" or token.lower_ == "according":
        return [[g] for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    if lemma == "cite" and token.tag_ == "VBG":
        return [[c] for c in token.children if c.dep_ == "dobj"]
    if lemma in REPORT_VERBS and token.pos_ == "VERB":
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        agents = [g for c in token.children if c.dep_ == "agent" for g in c.children]
        return [[t] for t in agents or subjects if t.dep_ != "nsubjpass"]
    if token.lower_ == "source" and token.i + 1 < len(token.doc) and token.nbor().text in (":", "."):
        return []
    return []


def _resolve(context: Context, paragraph: Paragraph, phrase: list[Token]) -> Cited | None:
    head = phrase[0]
    at = paragraph.offset + head.idx
    span = Span(paragraph.offset + head.left_edge.idx, paragraph.offset + head.right_edge.idx + len(head.right_edge))
    if head.lower_ in PRONOUNS:
        person = context.last_person(at, subject=True)
        return Cited(Source(person.name, "person", span), person.actor_id) if person else None
    if head.lemma_.lower() in REFERENCES and head.pos_ == "NOUN":
        outlet = context.last_outlet(at)
        return Cited(Source(outlet, "media", span), None) if outlet else None
    name = _name(head)
    if not name or name.lower() in ("it", "they", "we", "i", "you", "this", "that", "which", "who"):
        return None
    person = _titled_person(context, head, name, at)
    if person is not None:
        return Cited(Source(person.name, "person", span), person.actor_id)
    return Cited(Source(name, _kind(name, paragraph), span), _actor_of(paragraph, head))


# Office titles that stand for the person an article named with them before ("Foreign Secretary
# David Cameron ... the foreign secretary said").
OFFICES = {"secretary", "minister", "president", "chancellor", "premier", "spokesman", "spokeswoman",
           "spokesperson", "ambassador", "commander", "general", "admiral", "envoy", "chief"}
# How much text before a person's name is read for the title that ends right before it.
TITLE_REACH = 40


def _titled_person(context: Context, head: Token, name: str, at: int):
    """The person last named with this office title, when the source is the title alone ("the
    foreign secretary"); a title with a name of its own ("Foreign Secretary David Cameron") or
    with nobody named before is left as it is."""
    words = [t for t in head.subtree if t.i <= _name_end(head)]
    if head.lemma_.lower() not in OFFICES or any(t.ent_type_ == "PERSON" for t in words):
        return None
    title = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE).casefold()
    text = context.article.text.casefold()
    for person in reversed(context.people):
        if person.start < at and text[max(0, person.start - TITLE_REACH) : person.start].rstrip().endswith(title):
            return person
    return None


def _name(head: Token) -> str:
    tokens = [t for t in head.subtree if t.dep_ not in ("relcl", "punct") or t.i == head.i]
    tokens = [t for t in tokens if t.i <= _name_end(head)][:MAX_SOURCE_TOKENS]
    return re.sub(r"\s+", " ", " ".join(t.text for t in tokens)).replace(" 's", "'s").strip(" ,.")


def _name_end(head: Token) -> int:
    """The last token of a source's name: the head and a few words after it ("officials in
    Kyiv"), and a name begun there runs to its end ("an analysis by the Committee for a
    Responsible Federal Budget"), since a cut name is nobody's."""
    end = head.i + NAME_WINDOW
    doc = head.doc
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return end


def _kind(name: str, paragraph: Paragraph) -> str:
    if any(o.text in name for o in paragraph.outlets):
        return "media"
    if re.search(r"\bofficials?\b|\bministry\b|\bspokes", name, re.IGNORECASE):
        return "official"
    return "other"


def _actor_of(paragraph: Paragraph, head: Token) -> str | None:
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    inside = [m for m in paragraph.actors if start <= m.start < end]
    return inside[0].id if inside else None


# What an involved party says about a reported transfer, strongest first. Each alternative is a
# way news phrases it; the stance decides the transfer's openness (see `disclosure`).
STANCES = (
    (
        "denied",
        re.compile(
            r"""
        \b(?:denied|denies|deny|dismissed|rejected|refuted)\b   # "Seoul denied the report",
            (?!\s+(?:a\ |the\ )?request)                      # but not "rejected a request"
      | \bcalled\ (?:the\ )?(?:reports?|claims?|it)\ (?:false|fake|baseless|untrue)
    """,
            re.IGNORECASE | re.VERBOSE,
        ),
    ),
    (
        "non_denial",
        re.compile(
            r"""
        \b(?:did|does|would)\ not\ (?:directly\ |explicitly\ |publicly\ )?(?:refute|deny|dispute)\b
      | \bneither\ confirm\w*\ nor\ den\w+
    """,
            re.IGNORECASE | re.VERBOSE,
        ),
    ),
    (
        "declined",
        re.compile(
            r"""
        \b(?:declined|refused)\ to\ comment\b | \bno\ comment\b
      | \bdid\ not\ (?:immediately\ )?respond\ to\ (?:a\ )?requests?\ for\ comment
      | \b(?:does|do|did)\ not\ (?:publicly\ )?(?:recogni[sz]e|acknowledge|confirm)\b
      | \b(?:secretly|covertly|clandestinely|quietly)\b
    """,
            re.IGNORECASE | re.VERBOSE,
        ),
    ),
    (
        "confirmed",
        re.compile(r"\bconfirmed\b|\bannounced\b|\bsaid\ it\ (?:had|has|would)\b", re.IGNORECASE | re.VERBOSE),
    ),
)
STANCE_DISCLOSURE = {
    "denied": "denied",
    "non_denial": "unacknowledged",
    "declined": "unacknowledged",
    "confirmed": "official",
}


def find_responses(context: Context) -> list[Response]:
    """Every stance sentence with the actors in it (and the title, where 'Seoul does not...')."""
    responses = []
    for paragraph in context.paragraphs:
        for sentence in paragraph.doc.sents:
            responses.extend(_sentence_responses(paragraph, sentence))
    return responses


def _sentence_responses(paragraph: Paragraph, sentence: SpacySpan) -> list[Response]:
    for stance, pattern in STANCES:
        if pattern.search(sentence.text):
            start, end = sentence.start_char, sentence.end_char
            actors = [m for m in paragraph.actors if start <= m.start < end]
            span = Span(paragraph.offset + start, paragraph.offset + end)
            return [Response(Actor(m.id, m.name), stance, sentence.text.strip(), span) for m in actors]
    return []


def title_responses(title: str | None, actors) -> list[Response]:
    for stance, pattern in STANCES:
        if title and pattern.search(title):
            return [Response(Actor(m.id, m.name), stance, title) for m in actors]
    return []
