"""A transfer told on in the next sentence: "Norway announced new military aid for Ukraine on
Monday. Twenty howitzers will be delivered by the spring."

A sentence that moves an item without naming who gives it or who gets it, right after a sentence
that tells a general transfer (weapons, aid, a package: unspecified or funding) of one supplier
to one recipient, goes on with that transfer: the item is what the pair's transfer holds. The
rules leave such an item one-sided or with no side at all (`partial.complete` borrows sides only
from a mention of the same kind of item, or for a contents list), and the scorer sees only a pair
named before it. Only a mention that a cue moves (a candidate the rules made) qualifies, and only
where its own sentence names no party outside the pair and no side of its own that differs:
"Russia fired drones at Kyiv" after "Iran sent Russia weapons" names Ukraine's capital, and a
drone in talk of numbers ("the ratio of artillery to shells") is moved by no cue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from materiel.article import Transfer
from materiel.extract.candidate import Candidate
from materiel.extract.embargoes import known_embargo
from materiel.extract.farpackages import inherited, place
from materiel.extract.partial import GENERAL, at_mention
from materiel.extract.triples import transfer_key

if TYPE_CHECKING:
    from materiel.extract.context import Context

# The stage of a plea: the asker's sentence leaves the giver open, whatever was told before it.
ASKED = "requested"


def left_over(out: list[Candidate], partial: list[Candidate], context: Context) -> list[Candidate]:
    """The one-sided or sideless candidates of a specific item that no reading completed or settled;
    not a request, whose asker names no giver ("Kyiv has long asked for tanks")."""
    done = {place(c) for c in out} | context.settled
    return [c for c in partial if c.item.id not in GENERAL and place(c) not in done and c.status != ASKED]


def continued(context: Context, transfers: list[Transfer]) -> list[Transfer]:
    """A transfer for each left-over candidate whose previous sentence told a general transfer of a
    pair its own sentence agrees with; none where the article reports the key already."""
    starts = _sentence_starts(context)
    keys = {transfer_key(t) for t in transfers}
    out: list[Transfer] = []
    for candidate in context.left_over:
        previous = starts.get(candidate.number - 1)
        if previous is None:
            continue
        for package in _told_in(transfers, previous):
            key = (package.supplier.id, package.recipient.id, candidate.item.id)
            if key in keys or not _agrees(candidate, key[:2]):
                continue
            if known_embargo(key[0], key[1], [at_mention(candidate)], context):
                continue
            keys.add(key)
            out.append(
                inherited(
                    candidate, package, candidate.status, keep_spans=True, reason=f"continued; {candidate.reason}"
                )
            )
    return out


def _sentence_starts(context: Context) -> dict[int, int]:
    """Each sentence's number (as `candidates.find_candidates` counts them) and where it starts."""
    starts: dict[int, int] = {}
    for paragraph in context.paragraphs:
        for sentence in paragraph.doc.sents:
            starts[len(starts) + 1] = paragraph.offset + sentence.start_char
    return starts


def _told_in(transfers: list[Transfer], start: int) -> list[Transfer]:
    """The general transfers of a named pair with evidence in the sentence that starts there."""
    return [
        t
        for t in transfers
        if t.item.category in GENERAL
        and t.supplier is not None
        and t.recipient is not None
        and any(e.start == start for e in t.evidence)
    ]


def _agrees(candidate: Candidate, pair: tuple) -> bool:
    """The candidate's own sides, if any, are the pair's, and its sentence names no one else."""
    roles = candidate.roles
    if roles.supplier is not None and roles.supplier.id != pair[0]:
        return False
    if roles.recipient is not None and roles.recipient.id != pair[1]:
        return False
    start, end = candidate.sentence.start_char, candidate.sentence.end_char
    named = {m.id for m in candidate.paragraph.actors if start <= m.start < end and m.id}
    return named <= set(pair)
