"""The other side from the headline: a body sentence that names one side of a transfer takes the
other from a headline that tells the same transfer between two parties ("Canada to send armoured
vehicles to Ukraine" over "Ottawa said it would ship 40 armoured vehicles next month"). A news
story's lead leaves out what its headline has just said.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from materiel.extract import syntax
from materiel.extract.amounts import mention_token
from materiel.extract.candidate import Candidate
from materiel.extract.destinations import destined
from materiel.extract.embargoes import known_embargo
from materiel.extract.hostile import war_pairs
from materiel.extract.lexicon import Mention, union_of_states
from materiel.extract.pagerecipient import TITLE_KIND
from materiel.extract.partial import GENERAL, alone_with, at_mention, narrated
from materiel.extract.roles import Roles
from materiel.extract.titles import parsed_title

if TYPE_CHECKING:
    from materiel.extract.context import Context, Paragraph

# Words before a headline's party that make it the one that gets ("to Ukraine", "for Kyiv").
TAKER_WORDS = {"to", "for", "into"}
# Cue kinds of a body mention that may take a side from the headline: a verb that moves the item
# or receives it ("would ship 40 vehicles"); not a noun ("the supply of jets was crucial"), which
# tells of a transfer without telling one.
BODY_CUES = ("transfer", "receive")
# Cue kinds whose subject in a headline gets the item ("Ukraine to get tanks", "Kyiv asks for jets").
TAKING_KINDS = ("receive", "request")


def headline_side(context: Context, found: list[Candidate], partial: list[Candidate]) -> list[Candidate]:
    """A one-sided mention that nothing completed takes its missing side from the headline, when
    the headline names exactly two parties, one as the giver and one as the taker (`_sides`),
    the mention's own side in the same role, and an item of the mention's kind (or weapons or aid
    in general); its sentence names no other party, it is no request or debate nor a quotation,
    and the pair is neither at war nor under an embargo."""
    sides = _sides(context) if partial else None
    if sides is None:
        return []
    giver, taker = sides
    done = {(id(c.paragraph), c.item.start) for c in found}
    at_war = war_pairs(context)
    out: list[Candidate] = []
    for candidate in partial:
        if (id(candidate.paragraph), candidate.item.start) in done or not _one_sided(candidate, sides):
            continue
        if frozenset((giver[1].id, taker[1].id)) in at_war:
            continue
        supplier, recipient = candidate.roles.supplier, candidate.roles.recipient
        if supplier is not None and destined(candidate, taker[1].id):
            continue
        place = [at_mention(candidate)]
        if known_embargo(giver[1].id, taker[1].id, place, context):
            continue
        supplier = supplier or _in_body(giver[1])
        recipient = recipient or _in_body(taker[1])
        out.append(replace(candidate, roles=Roles(supplier, recipient, candidate.roles.via)))
        done.add((id(candidate.paragraph), candidate.item.start))
    return out


Side = tuple["Paragraph", Mention, set]  # the parsed headline, a party, the item kinds it tells


def _sides(context: Context) -> tuple[Side, Side] | None:
    """The headline's giver and taker, where it names exactly two parties and reads one as each,
    with the kinds of item it names (a general word stands for any)."""
    title = context.article.title
    if not title:
        return None
    paragraph = parsed_title(title, context.year)
    parties = {m.id: m for m in paragraph.actors if m.id and not union_of_states(m.id)}
    kinds = {m.id for m in paragraph.items if m.id}
    if len(parties) != 2 or len({m.id for m in paragraph.actors if m.id}) != 2 or not kinds:
        return None
    takers = [m for m in parties.values() if _taker(paragraph, m)]
    givers = [m for m in parties.values() if m not in takers]
    if len(takers) != 1 or len(givers) != 1:
        return None
    if kinds & GENERAL:
        kinds = kinds | {"*"}
    return (paragraph, givers[0], kinds), (paragraph, takers[0], kinds)


def _taker(paragraph: Paragraph, mention: Mention) -> bool:
    """Is the headline's party the one that gets: after "to", "for" or "into", a first object,
    or the subject of a receiving or asking verb ("Ukraine to get Swedish combat vehicles")?"""
    token = mention_token(paragraph, mention)
    if token is None or mention.kind == "demonym":
        return False
    before = paragraph.text[: mention.start].lower().split()
    if before and before[-1] in TAKER_WORDS:
        return True
    if token.dep_ in ("dative", "iobj"):
        return True
    return token.dep_ == "nsubj" and syntax.cue_kind(token.head) in TAKING_KINDS


def _one_sided(candidate: Candidate, sides: tuple[Side, Side]) -> bool:
    """The mention names one side, the headline's party in that role, and no other party in its
    sentence; specific items only where the headline names their kind, under a verb that moves
    or receives them, past talk, narrative."""
    (_, giver, kinds), (_, taker, _) = sides
    roles = candidate.roles
    if not narrated(candidate):
        return False
    if candidate.cue_kind not in BODY_CUES or candidate.item.id in GENERAL or not ({candidate.item.id, "*"} & kinds):
        return False
    if (roles.supplier is None) == (roles.recipient is None):
        return False
    own = roles.supplier if roles.supplier is not None else roles.recipient
    wanted = giver if roles.supplier is not None else taker
    if own.id != wanted.id or (own.kind == "demonym" and roles.recipient is not None):
        return False
    return alone_with(candidate, own.id)


def _in_body(mention: Mention) -> Mention:
    """The headline's party as a mention named in the title only: no span in the text."""
    return replace(mention, start=0, end=0, kind=TITLE_KIND)
