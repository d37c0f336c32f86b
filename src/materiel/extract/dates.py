"""A date on every claim: the one its sentence gives ("on Tuesday", "in March 2023", "since
February 2022"), resolved against the article's date with dateparser and kept with its span;
else a date an earlier sentence of its paragraph gives for the same supplier; else the article's
own date, marked as such.

A date is the claim's only when it belongs to the clause that reports the transfer. Dates of
something else in the sentence are left alone: a date inside a relative or participial clause
("a law passed in 2014"), a date of another noun ("his birthday on 16 May", "the battle of
Bakhmut in May"), a deadline ("by the end of March"), and a date after the article's (a plan
for later, not when the claim was made).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import ClaimDate, Span, Transfer
from materiel.extract.context import Context, Paragraph
from materiel.extract.docindex import sentence_ents, sentences_before, sentences_overlapping

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

# Words that make a date expression name a point in time rather than a length ("three years",
# "45"): a month or weekday name, a year, or a word that anchors it to the report.
POINT = re.compile(
    r"""
    \b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$)  # a month name
  | \b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b                         # a weekday
  | \b(?:19|20)\d\d\b                                                      # a year written out
  | \b(?:yesterday|today|ago|last|this|earlier|previous)\b                 # anchored to the report's date
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A date after these words is a limit or a target, not when the claim happened.
DEADLINE = re.compile(r"\b(?:by|until|till|before|within|through|from|to|between)\s*$", re.IGNORECASE)
SINCE = re.compile(r"^(?:since|from)\s+", re.IGNORECASE)
# Clause links that put a date in another event: a relative clause ("which lost tanks in the
# battle in May"), a participle ("a law passed in 2014"), an apposition, a clausal modifier.
OTHER_CLAUSE = {"relcl", "acl", "appos", "advcl", "csubj"}
# Nouns a claim's date may hang from: the transfer itself named as a noun ("the delivery on
# Monday", "a package announced on Friday"). Any other noun on the way makes the date its own
# ("his birthday on 16 May", "the battle of Avdiivka in February").
TRANSFER_NOUNS = {
    "delivery",
    "shipment",
    "transfer",
    "pledge",
    "package",
    "deal",
    "sale",
    "contract",
    "agreement",
    "announcement",
    "decision",
    "aid",
    "handover",
    "consignment",
}
# The paragraph's earlier sentences are read only this far back for a date (news paragraphs
# are one to three sentences; further back is another event).
PARAGRAPH_REACH = 2


def date_claims(transfers: list[Transfer], context: Context) -> None:
    """Give each transfer its claim date (sentence, paragraph) or the article's date."""
    base = _base(context.article.published)
    for transfer in transfers:
        transfer.date = _claim_date(transfer, context, base) or _article_date(base)


def claim_year(transfer: Transfer, context: Context) -> int | None:
    """The year the transfer's own sentence or paragraph dates it to; None when it gives none."""
    found = _claim_date(transfer, context, _base(context.article.published))
    return int(found.value[:4]) if found else None


def mention_year(paragraph: Paragraph, start: int, published: str | None) -> int | None:
    """The year the clause that names the mention at `start` (in the paragraph) dates it to ("In
    2013, Italy sold Russia armoured vehicles"); None when its sentence gives none."""
    span = paragraph.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    found = _first_date(token.sent, _verb_above(token), paragraph, _base(published), "sentence")
    return int(found.value[:4]) if found else None


def _base(published: str | None) -> date | None:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def _article_date(base: date | None) -> ClaimDate | None:
    return ClaimDate(base.isoformat(), "article") if base else None


def _claim_date(transfer: Transfer, context: Context, base: date | None) -> ClaimDate | None:
    for evidence in transfer.evidence:
        paragraph = context.paragraph_at(evidence.start)
        if paragraph is None:
            continue
        sentences = sentences_overlapping(
            paragraph.doc, evidence.start - paragraph.offset, evidence.end - paragraph.offset
        )
        for sentence in sentences:
            anchor = _anchor(sentence, paragraph, transfer)
            found = _first_date(sentence, anchor, paragraph, base, "sentence")
            if found:
                return found
        if sentences:
            found = _from_paragraph(sentences[0], paragraph, transfer, base)
            if found:
                return found
    return None


def _anchor(sentence: SpacySpan, paragraph: Paragraph, transfer: Transfer) -> Token:
    """The verb that reports the transfer: the first verb above its item, else the sentence's root."""
    item = transfer.item.span
    if item is not None:
        for token in sentence:
            if paragraph.offset + token.idx >= item.start and paragraph.offset + token.idx < item.end:
                return _verb_above(token)
    return sentence.root


def _verb_above(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _first_date(
    sentence: SpacySpan, anchor: Token, paragraph: Paragraph, base: date | None, basis: str
) -> ClaimDate | None:
    for entity in sentence_ents(sentence):
        if entity.label_ == "DATE" and _belongs(entity, anchor):
            found = _resolved(entity, paragraph, base, basis)
            if found:
                return found
    return None


def _belongs(entity: SpacySpan, anchor: Token) -> bool:
    """The date hangs from the anchor (or a verb above it, 'said on Monday') through no other
    clause and no noun but the transfer's own."""
    above = {anchor.i, *(t.i for t in anchor.ancestors)}
    token = entity.root
    while token.i not in above:
        if token.dep_ in OTHER_CLAUSE or token.head.i == token.i:
            return False
        token = token.head
        if token.i not in above and token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in TRANSFER_NOUNS:
            return False
    return True


def _from_paragraph(
    sentence: SpacySpan, paragraph: Paragraph, transfer: Transfer, base: date | None
) -> ClaimDate | None:
    """A date an earlier sentence of the paragraph gives, when it names the same supplier and the
    date hangs from its main verb ("The Pentagon announced a package on Tuesday. It includes ...")."""
    supplier = transfer.supplier.id if transfer.supplier else None
    earlier = sentences_before(sentence, PARAGRAPH_REACH)
    for previous in reversed(earlier):
        named = {m.id for m in paragraph.actors if previous.start_char <= m.start < previous.end_char}
        if supplier is not None and supplier in named:
            found = _first_date(previous, previous.root, paragraph, base, "paragraph")
            if found:
                return found
    return None


def _resolved(entity: SpacySpan, paragraph: Paragraph, base: date | None, basis: str) -> ClaimDate | None:
    text = entity.text.strip()
    before = paragraph.text[max(0, entity.start_char - 12) : entity.start_char]
    if not POINT.search(text) or DEADLINE.search(before):
        return None
    since = SINCE.match(text) or re.search(r"\bsince\s*$", before, re.IGNORECASE)
    point = resolve(SINCE.sub("", text), base)
    if point is None:
        return None
    value, day = point
    if base is not None and day > base:
        return None  # a plan for later: the claim itself is of the report's time
    span = Span(paragraph.offset + entity.start_char, paragraph.offset + entity.end_char)
    if since:
        if base is None:
            return None
        return ClaimDate(base.isoformat(), basis, text, span, since=value)
    return ClaimDate(value, basis, text, span)


# Words that place a date within a period ("early March", "mid-2023", "earlier this month"):
# dateparser reads the period, which is as precise as the text is.
QUALIFIER = re.compile(
    r"^(?:the\s+)?(?:early|earlier|late|later|mid-?|middle\s+of|end\s+of|start\s+of|beginning\s+of)\s*(?:the\s+)?",
    re.IGNORECASE,
)


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(text: str) -> int | None:
    """The weekday a bare weekday expression names ('Monday', 'on Monday'), else None."""
    word = re.sub(r"^on\s+", "", text.strip(), flags=re.IGNORECASE).casefold()
    return WEEKDAYS.index(word) if word in WEEKDAYS else None


@lru_cache(maxsize=64)
def _parser(base: date | None) -> DateDataParser:
    from dateparser.date import DateDataParser  # imported here: only articles with dated claims need it

    settings: dict = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def resolve(text: str, base: date | None) -> tuple[str, date] | None:
    """An ISO value as precise as the text (day, month or year) and its first day; relative
    expressions ('on Tuesday', 'last week') need the article's date."""
    text = QUALIFIER.sub("", text)
    has_year = re.search(r"\b(?:19|20)\d\d\b", text)
    if base is None and not has_year:
        return None
    if base is not None and _weekday(text) == base.weekday():
        return base.isoformat(), base  # "on Monday" in Monday's paper is that day, not a week before
    found = _parser(base).get_date_data(text)
    if found.date_obj is None:
        return None
    day = found.date_obj.date()
    if found.period == "year":
        return f"{day.year:04d}", date(day.year, 1, 1)
    if found.period == "month":
        return f"{day.year:04d}-{day.month:02d}", date(day.year, day.month, 1)
    return day.isoformat(), day
