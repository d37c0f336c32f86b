"""The stage a headline tells: the article reports the furthest stage of a transfer (GUIDE.md), and
the headline is part of it ("Leopard tanks from Germany arrive in Ukraine" over a body that tells
only the pledge). A headline advances a transfer whose two parties it names, and no other state,
by the stage its transfer word gives the transfer's kind of item, when that stage is further."""

from __future__ import annotations

from spacy.tokens import Doc

from materiel.article import Transfer
from materiel.extract import stage, syntax
from materiel.extract.candidates import base_stage
from materiel.extract.context import Context
from materiel.extract.headline import parsed_title
from materiel.extract.transfers import STAGE_ORDER


def advance_by_headline(context: Context, transfers: list[Transfer]) -> None:
    """Give each transfer the headline's stage for its kind of item where that is further."""
    title = context.article.title
    if not title:
        return
    paragraph = parsed_title(title, context.year)
    named = {m.id for m in paragraph.actors if m.id}
    for transfer in transfers:
        parties = {a.id for a in (transfer.supplier, transfer.recipient) if a is not None and a.id}
        if len(parties) < 2 or not parties <= named or any(_is_state(i) and i not in parties for i in named):
            continue
        for item in (m for m in paragraph.items if m.id == transfer.item.category):
            told = _item_stage(paragraph.doc, item.start, item.end)
            if told is not None and STAGE_ORDER.get(told, 0) > STAGE_ORDER.get(transfer.status, 0):
                transfer.status = told


def _is_state(ident: str) -> bool:
    """States go by their ISO alpha-3 code, everything else by a lowercase slug."""
    return len(ident) == 3 and ident.isupper()


def _item_stage(doc: Doc, start: int, end: int) -> str | None:
    """The stage the transfer word governing the headline's item gives it, if one governs it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    cue = syntax.governing_cue(span.root, doc[:])
    return stage.stage_of(cue, base_stage(cue)) if cue is not None else None
