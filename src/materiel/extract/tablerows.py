"""Table rows and transcript turns of an explainer page (see `sections` for headings and their
entries): a row "Sweden | Archer howitzers | 8 | delivered" gives its items to the page's
recipient; a transcript speaker's "we" who sends speaks for the state in its label."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from materiel.extract import syntax
from materiel.extract.candidate import Candidate
from materiel.extract.context import Context, Paragraph
from materiel.extract.lexicon import Mention, find_actors
from materiel.extract.roles import Roles
from materiel.extract.sections import (
    STAGE_WORDS,
    Section,
    entry_stage,
    page_recipient,
    recipient_of,
    shifted,
    with_sides,
)
from materiel.extract.statenouns import STATE_KINDS

# A turn of a transcript: the speaker's label in capitals, then what they said.
TURN = re.compile(r"^\s*(?P<label>[A-Z][A-Z.'’ -]{1,40}[A-Z])\s*:\s")
# Labels of those who ask in a transcript: their "we" speaks for no state.
ASKERS = {"Q", "QUESTION", "REPORTER", "JOURNALIST", "INTERVIEWER", "MODERATOR", "HOST", "AUDIENCE"}
# A table's column of the states that receive: the rows' states are no suppliers.
RECEIVING_COLUMN = re.compile(r"\b(?:buyers?|recipients?|customers?|purchasers?|importers?|destinations?)\b", re.I)
# A table's row: cells set apart by this many bars at least.
ROW_BARS = 2


def table_row(context: Context, paragraph: Paragraph, sentence: SpacySpan, number: int) -> list[Candidate]:
    """A table's row naming a state in a cell of its own, items, and a stage in a cell of its own
    ("Sweden | Archer howitzers | 8 | delivered"): the state gives the items to the page's
    recipient."""
    text = paragraph.text
    if text.count("|") < ROW_BARS:
        return []
    cells = [c.strip() for c in text.split("|")]
    stages = [entry_stage(c) for c in cells if any(words.fullmatch(c) for _, words in STAGE_WORDS)]
    states = [m for m in paragraph.actors if m.kind in STATE_KINDS and m.id and m.text in cells]
    recipient = recipient_of(context, shifted(states[0], paragraph.offset)) if len(states) == 1 else None
    if not stages or recipient is None or _buyers(context, paragraph):
        return []
    roles = Roles(states[0], shifted(recipient, -paragraph.offset), [])
    counts = [a for a in paragraph.amounts if not a.is_money and a.text in cells]
    return [
        Candidate(
            roles,
            m,
            stages[0],
            paragraph,
            sentence,
            number,
            "entry",
            amount=next(iter(counts), None),
            staged=True,
            reason="table row",
        )
        for m in paragraph.items
    ]


def spoken(context: Context, paragraph: Paragraph, sentence: SpacySpan, found: list[Candidate]) -> list[Candidate]:
    """A transcript's turn ("PISTORIUS: We have handed over 20 Marder vehicles", "PRESS SECRETARY:
    We will send more Bradleys"): where "we" is the subject of a verb of giving (not "we need",
    "we have received"), the speaker's side
    supplies what its candidates name no supplier for, to the page's recipient where they name
    none. The speaker's side: the state or leader the label names, else the one state of the
    title that may give to the other, its seat where both may ("Transcript: Pentagon briefing
    on Ukraine aid")."""
    turn = TURN.match(paragraph.text)
    we = any(t.lower_ == "we" and t.dep_ == "nsubj" and syntax.cue_kind(t.head) == "transfer" for t in sentence)
    if turn is None or not we or not found or ASKERS & set(turn.group("label").split()):
        return found
    side = _speaker_side(context, turn)
    if side is None:
        return found
    side = replace(side, start=turn.start("label"), end=turn.end("label"))
    recipient = recipient_of(context, shifted(side, paragraph.offset))
    filled = Section(shifted(side, paragraph.offset), recipient)
    return [with_sides(c, filled) if c.roles.supplier is None and c.cue_kind == "transfer" else c for c in found]


def _speaker_side(context: Context, turn: re.Match) -> Mention | None:
    named = [m for m in find_actors(turn.group("label").title(), context.year) if m.id]
    named = [m for m in named if m.kind in STATE_KINDS or m.kind == "leader"]
    if named:
        return named[0]
    title = context.article.title or ""
    states = {m.id: m for m in find_actors(title, context.year) if m.kind in STATE_KINDS and m.id}
    hosts = [m for i, m in states.items() if page_recipient(context, i) is not None]
    seats = [m for m in hosts if m.kind == "seat"]  # "Pentagon briefing on Ukraine aid": the seat speaks
    return hosts[0] if len(hosts) == 1 else (seats[0] if len(seats) == 1 else None)


def _buyers(context: Context, row: Paragraph) -> bool:
    """The table's head names its states' column as the ones that receive ("Buyer | Item |
    Status"): the page's state sells to them, and no row of it gives to that state."""
    above = [p for p in context.read() if p.offset < row.offset and p.text.count("|") >= ROW_BARS]
    heads = [p for p in above if not any(m.kind in STATE_KINDS for m in p.actors)]
    return bool(heads) and RECEIVING_COLUMN.search(heads[-1].text) is not None
