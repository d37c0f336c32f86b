"""Sources by quotation: the speaker of a quotation that tells of a transfer.

Who says a quotation is read by the learned speaker ranker (`quotes`), which finds speakers the
verbs of saying of `attribution` do not name: a speaker introduced in the paragraph before a
block quotation ("Kremlin spokesman Ivan Petrenko said:" and the quotation below it), a speaker
named before a colon, a pronoun's earlier name. A quotation in the paragraph that tells the
transfer states it for a reader; one a paragraph away does when it names one of the transfer's
parties ("'Berlin keeps its word,' Marsh said", after "Germany will send tanks to Poland").
"""

from __future__ import annotations

from materiel.article import Quote, Source, Span, Transfer
from materiel.extract.context import Context, Paragraph
from materiel.extract.docindex import mentions_within

# How many paragraphs away a quotation that names a party of the transfer still speaks of it (news
# paragraphs are short: a reaction often follows in the next one; as `contextsources`).
NEARBY_PARAGRAPHS = 1
PERSON = "PERSON"


def add_quote_sources(transfers: list[Transfer], quotes: list[Quote], context: Context) -> None:
    """Each transfer's sources gain the speakers of the quotations in its evidence's paragraphs,
    and of those a paragraph away that name its supplier or recipient."""
    paragraphs = context.read()
    people = {e.text.lower() for p in paragraphs for e in p.doc.ents if e.label_ == PERSON}
    for transfer in transfers:
        near = evidence_paragraphs(transfer, paragraphs)
        names = {s.name.lower() for s in transfer.sources}
        for quote in quotes:
            index = _paragraph_of(quote.span, paragraphs)
            if quote.speaker is None or index is None or not _tells(transfer, paragraphs[index], index, near, quote):
                continue
            if not _a_person(quote.speaker.name, people):
                continue
            if not any(quote.speaker.name.lower() in n for n in names):
                cited = Source(quote.speaker.name, "person", None, quote.speaker.actor_id, quote.span)
                transfer.sources.append(cited)  # its sentence: the quotation that makes it one
                names.add(quote.speaker.name.lower())


def _a_person(name: str, people: set[str]) -> bool:
    """The speaker is a person the parser names in the article ("Petrenko", of "Ivan Petrenko"):
    not an outlet, a ministry or a state the ranker took for the speaker ("the ministry", "Kyiv")."""
    name = name.lower()
    return any(p == name or p.endswith(" " + name) for p in people)


def _tells(transfer: Transfer, paragraph: Paragraph, index: int, near: list[int], quote: Quote) -> bool:
    if index in near:
        return True
    if quote.span is None or not any(abs(index - n) <= NEARBY_PARAGRAPHS for n in near):
        return False
    if quote.speaker is not None and transfer.supplier is not None and quote.speaker.actor_id == transfer.supplier.id:
        return True  # the supplier's own speaker beside its supply speaks for it ("We keep our word")
    start, end = quote.span.start - paragraph.offset, quote.span.end - paragraph.offset
    sides = {a.id for a in (transfer.supplier, transfer.recipient) if a is not None and a.id}
    if any(m.id in sides for m in mentions_within(paragraph.doc, paragraph.actors, start, end)):
        return True
    return bool(mentions_within(paragraph.doc, paragraph.items, start, end)) or bool(
        mentions_within(paragraph.doc, paragraph.amounts, start, end)
    )


def evidence_paragraphs(transfer: Transfer, paragraphs: list[Paragraph]) -> list[int]:
    """The indexes of the paragraphs that hold the transfer's evidence."""
    return [
        index
        for index, paragraph in enumerate(paragraphs)
        if any(paragraph.offset <= e.start < paragraph.offset + len(paragraph.text) for e in transfer.evidence)
    ]


def _paragraph_of(span: Span | None, paragraphs: list[Paragraph]) -> int | None:
    if span is None:
        return None
    for index, paragraph in enumerate(paragraphs):
        if paragraph.offset <= span.start < paragraph.offset + len(paragraph.text):
            return index
    return None
