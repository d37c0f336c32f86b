"""The sentences that tell a transfer: those of its evidence, and the sentence right after each in
its paragraph, where the article goes on about what it just told ("Russia sent the drones. No
official confirmation came from Moscow."). `unconfirmed` and `debris` look there.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan

from materiel.article import Span, Transfer
from materiel.extract.context import Context, Paragraph


def evidence_and_next(transfer: Transfer, context: Context) -> Iterator[tuple[Paragraph, SpacySpan, Span]]:
    """Each sentence of the transfer's evidence, and the one after it in its paragraph, in the
    article's order: its paragraph, the parsed sentence and where it stands in the article."""
    follows = False
    for paragraph in context.read():
        for sentence in paragraph.doc.sents:
            at = Span(paragraph.offset + sentence.start_char, paragraph.offset + sentence.end_char)
            inside = any(e.start < at.end and at.start < e.end for e in transfer.evidence)
            if inside or follows:
                yield paragraph, sentence, at
            follows = inside and sentence.end < len(paragraph.doc)
        follows = False
