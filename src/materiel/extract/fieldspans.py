"""The sentence behind each field whose value a mention gives: the quantity's, the first via
party's and each source's, so that a reader checks a row against the words that decided it.

`status_span` is set where the stage is decided (`transfers.merge`, `choose`, `restage`) and a
route's `via_span` where the route is read (`routes`), a quotation's speaker's `sentence_span`
where the quotation makes it a source (`quotesources`); here the rest is filled from the spans of
the mentions themselves, after every step that may add or change them.
"""

from __future__ import annotations

from materiel.article import Span, Transfer
from materiel.extract.context import Context


def link_fields(transfers: list[Transfer], context: Context) -> None:
    """Give each transfer's quantity, via and sources the sentence of their mention."""
    for transfer in transfers:
        if transfer.quantity is not None:
            transfer.quantity_span = _sentence(transfer.quantity.span, context)
        if transfer.via_span is None:
            named = next((v.span for v in transfer.via if v.span is not None), None)
            transfer.via_span = _sentence(named, context)
        for source in transfer.sources:  # a speaker has the quotation (quotesources), not a name
            source.sentence_span = _sentence(source.span, context) or source.sentence_span


def _sentence(span: Span | None, context: Context) -> Span | None:
    """The parsed sentence around a mention; None where the mention has no span (the title's)."""
    found = context.sentence_at(span)
    return Span(found.start, found.end) if found is not None else None
