"""The candidate transfer: one item mention with the roles, stage and sentence it was read with.

A plain record with no reading of its own, so that every module that makes or completes
candidates (`candidates`, `partial`, `sections`, `tablerows`, `lists`, `destinations`) can import
it at the top without an import cycle: the types of its fields are imported for type checking
only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from materiel.article import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from materiel.extract.attribution import Cited
    from materiel.extract.context import Paragraph
    from materiel.extract.lexicon import Mention
    from materiel.extract.quantities import Amount
    from materiel.extract.roles import Roles


@dataclass
class Candidate:
    roles: Roles
    item: Mention
    status: str
    paragraph: Paragraph
    sentence: SpacySpan
    number: int  # the sentence's position in the article
    cue_kind: str | None = None
    refers_back: bool = False  # lists what a package named in an earlier sentence holds
    amount: Amount | None = None
    cited: list[Cited] = field(default_factory=list)
    anaphoric: bool = False  # its supplier is "it" or "the country": the last one named
    staged: bool = False  # its own stage, not the package's it lists (a list header's, an item in use)
    reason: str | None = None  # what decided `status` (Transfer.status_reason)
    status_at: Span | None = None  # the sentence that decided `status`, when not the candidate's own

    @property
    def supplier(self) -> Mention:
        assert self.roles.supplier is not None
        return self.roles.supplier

    @property
    def recipient(self) -> Mention:
        assert self.roles.recipient is not None
        return self.roles.recipient

    @property
    def key(self) -> tuple[str | None, str | None, str]:
        return self.supplier.id, self.recipient.id, self.item.id or "unspecified"

    def span(self) -> Span:
        offset = self.paragraph.offset
        return Span(offset + self.sentence.start_char, offset + self.sentence.end_char)

    def status_span(self) -> Span:
        """The sentence that decided `status`: another candidate's (a package's), else its own."""
        return self.status_at or self.span()
