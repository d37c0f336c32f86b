"""No bare common noun as a source: what may report a transfer is an outlet, a person, an office,
an institution or a record, named ("Reuters", "Kowalski", "the Pentagon") or by a noun of one of
those ("officials", "the ministry", "customs data", "critics"). A phrase of common nouns only, with
no name in it and no such head, is what a sentence tells of, not who tells it: "The contracts
signed in March cover 48 howitzers", "Lessons from the war convinced Norway", "Weapons shipped
by Canada include ...". The parse took it for a speaker; it is dropped (srcprec22).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from materiel.article import Source, Transfer
from materiel.extract.context import REFERENCES, Context
from materiel.extract.records import RECORDS, WRITTEN
from materiel.extract.source_names import CITED_SPEAKERS, STATEMENTS

# Heads of a noun phrase that may speak or report, beside the lexicons of cited speakers, records,
# statements and outlets: people by role or stance, bodies and institutions, and written records.
SPEAKING_HEADS = {
    # people named by what they are or do ("critics say", "rebel groups claim", "Western leaders")
    "critic", "leader", "user", "watcher", "member", "lawyer", "activist", "campaigner", "scholar",
    "historian", "reporter", "commentator", "hacker", "blogger", "pilot", "soldier", "veteran",
    "worker", "employee", "manager", "founder", "director", "head", "negotiator", "mediator",
    "adviser", "advisor", "envoy", "representative", "delegate", "legislator", "politician",
    "president", "chancellor", "secretary", "premier", "ambassador", "general", "admiral", "chief",
    "fellow", "professor", "specialist", "monitor", "inspector", "auditor", "whistleblower", "group",
    # office holders ("the senator called on", "the governor said")
    "senator", "congressman", "congresswoman", "mp", "deputy", "governor", "mayor", "judge", "king",
    "queen", "prince", "emperor", "pope", "captain", "colonel", "commander", "officer", "spokesman",
    # bodies and institutions ("the company said", "the authorities", "the alliance confirmed")
    "authority", "company", "firm", "manufacturer", "maker", "contractor", "organization",
    "organisation", "institute", "institution", "military", "army", "navy", "force", "command",
    "council", "committee", "commission", "panel", "court", "parliament", "congress", "senate",
    "administration", "office", "department", "embassy", "union", "alliance", "coalition", "bloc",
    "party", "media", "press", "website", "site", "channel", "network", "service", "tank", "police",
    "bureau", "staff", "team", "center", "centre", "foundation", "think",
    # what someone wrote or put out ("the release said", "the budget shows", "the book reveals")
    "release", "budget", "draft", "book", "account", "article", "story", "column", "op-ed",
    "editorial", "letter", "post", "tweet", "message", "email", "correspondence", "note", "paper",
    "minutes", "file", "leak", "source", "evidence", "finding", "assessment", "estimate", "review",
    "poll", "update", "bulletin", "briefing", "summary", "testimony", "interview",
}  # fmt: skip
SPEAKERS = SPEAKING_HEADS | CITED_SPEAKERS | RECORDS | WRITTEN | STATEMENTS | REFERENCES
# Verbs of saying whose subject speaks, whatever its words: an outlet's name printed in lower case
# ("as the time reported") says so; a noun that covers or convinces does not.
SAYING = {"say", "report", "write", "tell", "state", "claim", "announce", "confirm", "deny", "reveal", "allege"}
# Marks around a title, however the page cases it.
QUOTE_MARKS = {'"', "“", "„", "«", "'", "‘"}
# Entity labels that make a phrase a name, whatever its words' case.
NAMES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


def drop_bare_nouns(transfers: list[Transfer], context: Context) -> None:
    """Step over assembled transfers: each loses the sources that are bare common nouns."""
    for transfer in transfers:
        transfer.sources = [s for s in transfer.sources if not _bare(s, context)]


def _bare(source: Source, context: Context) -> bool:
    phrase = _phrase(source, context)
    return phrase is not None and bare_noun_phrase(phrase)


def bare_noun_phrase(phrase: SpacySpan) -> bool:
    """Common nouns only (no name, no word capitalised past the sentence's first) under a head that
    is no speaker, body or record, neither the subject (or, inverted, the object) of a verb of
    saying nor a quoted title."""
    words = [t for t in phrase if t.is_alpha]
    if not words or any(t.pos_ == "PROPN" or t.ent_type_ in NAMES for t in words):
        return False
    if any(t.text[0].isupper() and not t.is_sent_start for t in words):
        return False
    head = phrase.root
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.lemma_.lower() in SAYING:
        return False  # "as the time reported", "writes harbourline": a name printed in lower case
    if phrase.start > 0 and phrase.doc[phrase.start - 1].text in QUOTE_MARKS:
        return False  # a quoted title ('writes "harbourline"')
    return head.pos_ == "NOUN" and not {head.lemma_.lower(), head.lower_} & SPEAKERS


def _phrase(source: Source, context: Context) -> SpacySpan | None:
    """The parsed words of the source's name, where its span lies in a parsed paragraph."""
    span = source.span
    if span is None:
        return None
    for paragraph in context.read():
        local = span.start - paragraph.offset
        if 0 <= local < len(paragraph.text):
            # the name inside its span: a citation's span may hold the words around it ("contracts
            # seen by the newspaper Kommersant" for "contracts")
            at = paragraph.text.casefold().find(source.name.casefold(), local, span.end - paragraph.offset)
            if at < 0:
                return None
            return paragraph.doc.char_span(at, at + len(source.name), alignment_mode="expand")
    return None
