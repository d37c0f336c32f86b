"""Attribution: who a sentence is sourced to (people, officials, outlets and records cited).

Which words make a source (reporting verbs, "according to") and the tokens they point at are
found in `reporting`; here those tokens become named sources, with the name their head gives
(`sourcehead`). What involved parties say about a transfer (denials, confirmations) is read in
`stances`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Source, Span, Transfer
from materiel.extract.context import PRONOUNS, REFERENCES, Context, Paragraph
from materiel.extract.demands import demanding, demands
from materiel.extract.docindex import mentions_within
from materiel.extract.earlier import earlier_subject
from materiel.extract.pairs import named_pair
from materiel.extract.recordowners import bare_record as bare_written
from materiel.extract.recordowners import earlier_owner, spoken_in
from materiel.extract.refusals import refuses_transfer
from materiel.extract.reporting import RECORDS, refused, source_phrases
from materiel.extract.shortnames import with_short_name
from materiel.extract.source_names import (
    CLAUSE_WORDS,
    RECORD_PATTERNS,
    TRAILING,
    UNOWNED,
    bare_record,
    independent_voice,
    joined,
    names_itself,
    quoted_title,
)
from materiel.extract.sourcehead import head_name, titled_person
from materiel.extract.unreadpeople import pronoun_person


@dataclass
class Cited:
    """A source named in one sentence, and the actor it speaks for (when known)."""

    source: Source
    actor_id: str | None
    demand: bool = False  # the source demands the transfer ("called on Berlin to send tanks"): see `demanded`
    refusal: bool = False  # the source refuses a transfer in its sentence ("ruled out sending jets"): of no other


def sentence_sources(context: Context, paragraph: Paragraph, sentence: SpacySpan) -> list[Cited]:
    found: list[Cited] = []
    for token in sentence:
        for cited in [*_phrase_sources(context, paragraph, token), *_told(paragraph, token)]:
            if cited is not None and all(c.source.name != cited.source.name for c in found):
                found.append(cited)
    return (
        found
        + _trailing_record(paragraph, sentence)
        + _interviewed(paragraph, sentence)
        + _written_in(context, paragraph, sentence)
    )


def _written_in(context: Context, paragraph: Paragraph, sentence: SpacySpan) -> list[Cited]:
    """The owners of records named before that a speaker speaks in (`recordowners.spoken_in`)."""
    return [_owned(*found) for found in spoken_in(context, paragraph, sentence)]


def _phrase_sources(context: Context, paragraph: Paragraph, token: Token) -> list[Cited | None]:
    found = [
        cited
        for phrase in source_phrases(token)
        for cited in [*_pair(context, paragraph, phrase), *_outlets_within(paragraph, phrase)]
    ]
    if demands(token):
        for cited in found:
            if cited is not None:
                cited.demand = True
    if refuses_transfer(token):
        for cited in found:
            if cited is not None:
                cited.refusal = True
    return found


def _pair(context: Context, paragraph: Paragraph, phrase: list[Token]) -> list[Cited | None]:
    """The two people "the two officials" stand for (`pairs`), or the one source the phrase is."""
    head = phrase[0]
    at = paragraph.offset + head.idx
    span = Span(paragraph.offset + head.left_edge.idx, paragraph.offset + head.right_edge.idx + len(head.right_edge))
    pair = named_pair(context, head, at)
    return [Cited(Source(p.name, "person", span), p.actor_id) for p in pair] or [_resolve(context, paragraph, phrase)]


def callers(context: Context) -> set[tuple[str, tuple[int, int] | None]]:
    """The sources of the article that demand a transfer ("called on Berlin to send more tanks"),
    by name and place."""
    return {
        (c.source.name, _at(c.source.span))
        for paragraph in context.read()
        for sentence in demanding(paragraph.doc)
        for c in sentence_sources(context, paragraph, sentence)
        if c.demand
    }


def stating(transfer: Transfer, asked: set[tuple[str, tuple[int, int] | None]]) -> Transfer:
    """The transfer with only the sources that state it: a caller who demands it (`callers`) states
    nothing of whether it went ahead, so it decides no disclosure."""
    if not asked:
        return transfer
    return replace(transfer, sources=[s for s in transfer.sources if (s.name, _at(s.span)) not in asked])


def _at(span: Span | None) -> tuple[int, int] | None:
    return (span.start, span.end) if span else None


def demanded(cited: Cited, status: str | None) -> bool:
    """A source that demands a transfer is a source of the transfer asked for in its sentence
    only: not of a delivery or pledge merged with it, nor of any other by context, and its word
    decides no disclosure ("The White House called on Berlin to send more tanks" states nothing
    of the tanks Germany sent)."""
    return cited.demand and status != "requested"


def _trailing_record(paragraph: Paragraph, sentence: SpacySpan) -> list[Cited]:
    """The sources `source_names.TRAILING` finds in the sentence's text, whatever its parse."""
    said = sentence.text  # a span joins its tokens' text at each call: once, not once per pattern
    return [
        _cited_at(paragraph, sentence, m)
        for p in TRAILING
        for m in p.finditer(said)
        if not CLAUSE_WORDS & set(m.group("name").casefold().split()) and not bare_record(m)
    ]


def _cited_at(paragraph: Paragraph, sentence: SpacySpan, found: re.Match[str]) -> Cited:
    name = found.group("name").rstrip(".")  # a sentence's full stop, not an initial's
    start = paragraph.offset + sentence.start_char + found.start("name")
    end = start + len(name)
    outlets = [o for o in paragraph.outlets if start <= paragraph.offset + o.start < end]
    kind = "media" if outlets and found.re not in RECORD_PATTERNS else _kind(name, paragraph)
    return Cited(Source(name, kind, Span(start, end)), None)


# Verbs whose hearer, when an outlet, carries the story ("told Reuters", "confirmed to CNN").
TOLD_VERBS = {"tell", "say", "confirm", "speak", "explain", "admit", "reveal"}
# Words right before an outlet that make it the one a speaker talked to ("in an interview with
# Bild", "speaking to the BBC", "interviewed by CNN", "said in a statement to AFP").
INTERVIEWED = re.compile(
    r"""
    \b(?:(?:interview|interviewed|speaking|spoke|talking)  # an interview, or talk
    \s+(?:with|to|by|on)                               # with (the) outlet that follows
    | (?:statement|comments?|remarks)\s+to)             # words given to it ("said in a statement to AFP")
    \s+(?:the\s+)?$
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _interviewed(paragraph: Paragraph, sentence: SpacySpan) -> list[Cited]:
    """The outlets a speaker gave an interview to: the story is their report too."""
    return [
        Cited(Source(o.text, "media", Span(paragraph.offset + o.start, paragraph.offset + o.end)), None)
        for o in paragraph.outlets
        if sentence.start_char <= o.start < sentence.end_char
        and INTERVIEWED.search(paragraph.text[max(0, o.start - INTERVIEW_REACH) : o.start])
    ]


# How much text before an outlet is read for the words that say it gave the interview.
INTERVIEW_REACH = 40


def _told(paragraph: Paragraph, verb: Token) -> list[Cited]:
    """The outlet a speaker told or said something to ("an officer told Reuters", "Cohen said
    to Check Your Fact", "Reuters was told by two sources"): the story is that outlet's report too."""
    if verb.lemma_.lower() not in TOLD_VERBS or refused(verb):
        return []
    hearers = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
    if verb.lemma_.lower() == "tell" and not any(c.dep_ == "xcomp" for c in verb.children):  # not "was told to leave"
        hearers += [c for c in verb.children if c.dep_ == "nsubjpass"]  # "Reuters was told"
    hearers += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    return [o for h in hearers for o in _outlets_within(paragraph, [h])]


def _outlets_within(paragraph: Paragraph, phrase: list[Token]) -> list[Cited]:
    """Outlets named inside a source phrase ('a draft of the budget seen by Reuters')."""
    head = phrase[0]
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    return [
        Cited(Source(o.text, "media", Span(paragraph.offset + o.start, paragraph.offset + o.end)), None)
        for o in paragraph.outlets
        if start <= o.start < end
    ]


def _resolve(context: Context, paragraph: Paragraph, phrase: list[Token]) -> Cited | None:
    head = phrase[0]
    at = paragraph.offset + head.idx
    span = Span(paragraph.offset + head.left_edge.idx, paragraph.offset + head.right_edge.idx + len(head.right_edge))
    if head.lower_ in PRONOUNS:
        person = pronoun_person(context, at)
        return Cited(Source(person.name, "person", span), person.actor_id) if person else None
    if bare_written(head):  # "Amnesty published a report. ... The report said": Amnesty's
        outlet_report = head.lemma_.lower() in REFERENCES and context.last_outlet(at) is not None
        earlier = earlier_owner(context, head, at, general=not outlet_report)
        if earlier is not None:
            return _owned(*earlier, span)
    if head.lemma_.lower() in REFERENCES and head.pos_ == "NOUN" and not names_itself(head):
        outlet = context.last_outlet(at)
        return Cited(Source(outlet, "media", span), None) if outlet else None
    if _bare_authors(head):  # "a paper like India Today ... The authors say": the paper's
        outlet = context.last_outlet(at)
        if outlet:
            return Cited(Source(outlet, "media", span), None)
    earlier = earlier_subject(head)
    if earlier is not None:  # "The Pentagon released its assessment. It said ..."
        return _resolve(context, paragraph, [earlier])
    return _named_source(context, paragraph, head, at, span)


def _named_source(context: Context, paragraph: Paragraph, head: Token, at: int, span: Span) -> Cited | None:
    """The source the phrase's head names: a titled person, an outlet, or an actor's or other
    body's name; none for a word that names no one, a share or a record of no one's."""
    name = head_name(head)
    if head.dep_ == "poss":  # "Austin's confirmation": Austin
        name = re.sub(r"['’]s?$", "", name).strip()
    if not name or name.lower() in NOT_NAMES or _share(head):
        return None
    if _unowned_record(head):
        return None
    person = titled_person(context, head, name, at)
    if person is not None:
        return Cited(Source(person.name, "person", span), person.actor_id)
    outlet_noun = head.lemma_.lower() in OUTLET_NOUNS and head.pos_ == "NOUN"
    kind = "media" if outlet_noun or quoted_title(head) else _kind(name, paragraph)
    actor = None if independent_voice(name) else _actor_of(paragraph, head)
    return Cited(Source(with_short_name(name, head), kind, span), actor)


# Words before a record's noun that belong to the name of a record named by its maker ("a US
# intelligence report", "leaked Pentagon documents"); not its article or number.
NAMING_MODIFIERS = {"compound", "amod"}


def _owned(paragraph: Paragraph, owner: Token, span: Span) -> Cited:
    """The owner of a record named before (`recordowners`), cited where the record is cited."""
    name = re.sub(r"['’]s?$", "", head_name(owner)).strip()  # "Amnesty's report": "Amnesty"
    if owner.dep_ == "compound":  # "a US intelligence report", "the WikiLeaks cables": the whole
        record = owner.head
        name = joined([t for t in record.subtree if (t.i <= record.i and t.dep_ in NAMING_MODIFIERS) or t == record])
    actor = None if independent_voice(name) else _actor_of(paragraph, owner)
    return Cited(Source(name, _kind(name, paragraph), span), actor)


def _bare_authors(head: Token) -> bool:
    """ "The authors" with nothing after them to say of what ("the authors of the study"): those of
    the outlet named last."""
    if head.lemma_.lower() != "author" or head.pos_ != "NOUN" or any(c.dep_ == "prep" for c in head.children):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


# Pronouns no earlier name is found for: no source's name ("according to them", "the groups have
# each documented"); "US" is a state.
NOT_NAMES = {"it", "they", "them", "we", "i", "you", "this", "that", "these", "those", "which", "who", "each"}


def _unowned_record(head: Token) -> bool:
    """A record named by nothing but its kind ("The data show", "Figures show", "New images
    show"): nobody's, where "Satellite images", "Leaked documents" or "data from SIPRI" say whose."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in RECORDS:
        return False
    return all(
        (c.dep_ in ("det", "amod", "punct") and c.lower_ in UNOWNED | {","})
        or (c.dep_ == "acl" and not any(t.dep_ == "agent" for t in c.subtree))  # ", released on Monday,"
        for c in head.children
    )


# Heads that give a share of people, not who they are ("73 percent say", "a third said"): a poll's
# answer, whose source is the poll.
SHARES = {"percent", "cent", "%", "third", "quarter", "fifth", "half"}


def _share(head: Token) -> bool:
    return head.lemma_.lower() in SHARES or head.pos_ == "NUM"


# Reference nouns that say the name they carry is an outlet ("the Observer newspaper", "the
# Tasnim news agency"); a report or a journal may be anybody's.
OUTLET_NOUNS = REFERENCES - {"report", "journal"}


def _kind(name: str, paragraph: Paragraph) -> str:
    """What a source is: an outlet of its paragraph ("media"), an official ("officials", a ministry,
    a spokesperson, the government) or anyone else ("other")."""
    if any(o.text in name for o in paragraph.outlets):
        return "media"
    if re.search(r"\bofficials?\b|\bministry\b|\bspokes|\bgovernment\b", name, re.IGNORECASE):
        return "official"
    return "other"


def _actor_of(paragraph: Paragraph, head: Token) -> str | None:
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    inside = mentions_within(paragraph.doc, paragraph.actors, start, end)
    return inside[0].id if inside else None
