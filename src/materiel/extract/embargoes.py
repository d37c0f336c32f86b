"""Arms embargoes (`lexicons/embargoes.json`): from a year on, some states send no materiel to a
state under their embargo. The learned scorer reads a side from the words near an item; where
it pairs an embargoing supplier with the embargoed state ("Russian forces advanced as US
military aid stalled"), the recipient is the wrong party of the sentence, and the reading is
dropped; so is a recipient the rules borrow for a supplier-only mention from the article or an
earlier sentence ("The Americans sent us Bradleys" in an article whose one recipient is Russia).
The rules' own readings stay: a sentence that says such a transfer in full ("France
will no longer deliver the warships to Russia") is read from its words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from materiel.article import Transfer
from materiel.extract.context import Context
from materiel.extract.dates import claim_year, mention_year
from materiel.extract.lexicon import load

if TYPE_CHECKING:
    from materiel.extract.context import Paragraph

# (supplier, recipient) pairs under an embargo, each with the year it began.
EMBARGOED: dict[tuple[str, str], int] = {
    (by, e["on"]): e["since"] for e in load("embargoes.json")["embargoes"] for by in e["by"]
}


def embargoed(transfer: Transfer, context: Context) -> bool:
    """Is the transfer from a state to one under its embargo in the transfer's year (its own
    date, else the article's; an article without a date is read as a recent one, as for wars)?"""
    if transfer.supplier is None or transfer.recipient is None:
        return False
    return under_embargo(transfer.supplier.id, transfer.recipient.id, claim_year(transfer, context) or context.year)


def under_embargo(supplier: str, recipient: str, year: int | None) -> bool:
    """Is the pair under an embargo in the year (a recent one when it is not known)?"""
    since = EMBARGOED.get((supplier, recipient))
    return since is not None and (year is None or year >= since)


def known_embargo(supplier: str, recipient: str, mentions: Iterable[tuple[Paragraph, int]], context: Context) -> bool:
    """Is a pair the rules complete from other mentions under an embargo in a year actually known:
    the first year the clauses of the mentions (paragraph, start; the completed one first) give
    ("In 2013, Italy sold Russia armoured vehicles. France also delivered helicopters." is of 2013
    in an article of 2023), else the article's; a pair no date reaches is read as recent, as the
    war rule reads it (most pages without a date are this war's news)."""
    published = context.article.published
    years = (mention_year(paragraph, start, published) for paragraph, start in mentions)
    year = next((y for y in years if y is not None), context.year)
    return under_embargo(supplier, recipient, year)
