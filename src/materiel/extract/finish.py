"""Article-level passes over assembled transfers: openness and confidence.

The sources a transfer gets by context are read in contextsources.py, whether a source leaves
itself unnamed in anonymous.py.
"""

from __future__ import annotations

import re

from materiel.article import Response, Source, Span, Transfer
from materiel.countries import is_state_id
from materiel.extract.anonymous import unnamed_source
from materiel.extract.attribution import callers, stating
from materiel.extract.context import Context
from materiel.extract.lexicon import find_actors
from materiel.extract.responses_of import described_apart, disowns, of_other, states
from materiel.extract.stances import STANCE_DISCLOSURE, find_responses, title_responses


def set_disclosure(transfers: list[Transfer], context: Context) -> None:
    """Official when the supplier itself speaks; otherwise what the supplier said about it."""
    if not transfers:
        return  # nothing to decide: the stances (and the paragraphs parsed for them) are not needed
    title_actors = find_actors(context.article.title or "")
    responses = find_responses(context) + title_responses(context.article.title, title_actors)
    asked = callers(context)
    for transfer in transfers:
        supplier = transfer.supplier.id if transfer.supplier else None
        own = [r for r in responses if r.actor and r.actor.id == supplier and not of_other(r, transfer, transfers)]
        own = [r for r in own if not described_apart(r, transfer, context)]  # "Iran, which has supplied ..."
        transfer.responses = own
        stated = stating(transfer, asked)
        unnamed = [s for s in stated.sources if unnamed_source(s, context)]
        transfer.disclosure = _disclosure(stated, own, supplier, _fellow_suppliers(transfers, transfer), unnamed)
        transfer.confidence = _confidence(transfer)


# What leaves a transfer unacknowledged where none of the supplier's own sources states it: a
# refusal to comment, or a supply done in secret.
UNSEEN = {"declined", "covert"}
# What the supplier says that outweighs its own officials being cited: a spokesman who denies it
# or "neither confirms nor denies" it is quoted, yet the supplier has not stated the transfer.
OUTWEIGH_OWN_SOURCE = ("denied", "disowned", "non_denial")


def _fellow_suppliers(transfers: list[Transfer], transfer: Transfer) -> set[str]:
    """The states the article has supplying the same recipient: their officials speak of a
    shared effort ("Denmark and the Netherlands will send F-16s, the Dutch ministry said")."""
    recipient = transfer.recipient.id if transfer.recipient else None
    return {
        t.supplier.id for t in transfers if t.supplier and t.supplier.id and t.recipient and t.recipient.id == recipient
    }


def _disclosure(
    transfer: Transfer, own: list[Response], supplier: str | None, fellows: set[str], unnamed: list[Source]
) -> str:
    stances = {r.stance for r in own if r.stance != "disowned" or disowns(r, transfer)}
    for stance in OUTWEIGH_OWN_SOURCE:
        if stance in stances:
            return STANCE_DISCLOSURE[stance]
    declining = [r.span for r in own if r.stance == "declined" and r.span and not states(r.span, transfer)]
    declining += [r.span for r in own if r.stance == "rebutted" and r.span]  # its own source calling the reports false
    named = [s for s in transfer.sources if s.actor_id and s not in unnamed]
    if any(s.actor_id == supplier and not _said_in(s, declining) for s in named):
        return "official"
    if "rebutted" in stances:
        return "denied"  # the reports called false, where none of the supplier's own states it
    if stances & UNSEEN:
        return "unacknowledged"
    if _only_third_parties(transfer, supplier, fellows, unnamed):
        return "unacknowledged"  # "according to South Korean intelligence", "sources familiar with"
    return "official"


def _said_in(source: Source, sentences: list[Span]) -> bool:
    """The source is cited in one of these sentences: what it said there is a refusal to comment
    ("Ankara said it does not comment on exports"), not a statement of the transfer."""
    return source.span is not None and any(s.start <= source.span.start < s.end for s in sentences)


# Sources that report rather than comment: a state's officials or intelligence, unnamed.
REPORTERS = re.compile(r"\b(?:officials?|intelligence|sources?|diplomats?|agency|services)\b", re.IGNORECASE)
# What a state's analysts give out, which reports as they do: "according to a Pentagon assessment"
# (a state's, not a UN panel's or an institute's).
ASSESSMENTS = re.compile(r"\b(?:assessments?|estimates?)\b", re.IGNORECASE)
# A state's institutions, spokesmen and office holders, which also speak of others' public aid
# ("the British defence ministry said" in the next paragraph of a US package): reporters only of
# what was sent or promised, where the transfer's own sentence cites them ("Iran has sent drones
# to Russia, the UK ministry said").
INSTITUTIONS = re.compile(
    r"""\b(?:ministry|government|military|army|armed\ forces|navy  # "the UK defence ministry said"
        |spokes(?:man|woman|person)|embassy|command|council        # "a US National Security Council spokesman"
        |department                                                 # "the US State Department said"
        |joint\ chiefs|general\ staff|chiefs\ of\ staff             # "Seoul's Joint Chiefs of Staff"
        |president|(?:prime\ )?minister|chancellor|secretary|ambassador  # "Ukrainian President Volodymyr Zelensky"
        )\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Intelligence reports on others' arms, never on its own state's: one named by no state is a third party's.
INTELLIGENCE = re.compile(r"\bintelligence\b", re.IGNORECASE)


def _only_third_parties(transfer: Transfer, supplier: str | None, fellows: set[str], unnamed: list[Source]) -> bool:
    """Every source is a third state's officials or intelligence, a third state itself ("South
    Korea says", "according to Washington") of what a state sent or promised (an alliance's aid,
    "NATO's support for Ukraine", is a public programme, and a refusal or talk a public stance),
    or anonymous: the supplier has said nothing. An outlet carries what its sources told it
    ("the Washington Post reported, citing US officials"): the others decide.
    Outlets alone ("Reuters reported"), people of no state (who may only be commenting on an
    announced transfer) and the recipient's or a fellow supplier's officials leave the default."""
    parties = {supplier, transfer.recipient.id if transfer.recipient else None} | fellows
    reported = is_state_id(supplier) and transfer.status in SENT_OR_PROMISED

    def third(source: Source) -> bool:
        if source in unnamed:
            return True
        named = {m.id for m in find_actors(source.name)} | {source.actor_id} - {None}
        if parties & named:
            return False
        if REPORTERS.search(source.name):
            return bool(named) or INTELLIGENCE.search(source.name) is not None
        if ASSESSMENTS.search(source.name) and any(is_state_id(n) for n in named):
            return True
        return reported and (_a_state_itself(source.name) or _state_office(source, named, transfer))

    # an outlet carries what others told it ("intelligence agencies" are no outlet, if read as one)
    cited = [s for s in transfer.sources if s.kind != "media" or REPORTERS.search(s.name)]
    return supplier is not None and bool(cited) and all(third(s) for s in cited)


def _state_office(source: Source, named: set[str], transfer: Transfer) -> bool:
    """A state's institution or office holder ("the UK defence ministry", "Ukrainian President
    Volodymyr Zelensky", or "Zelensky" alone, a state's leader the lexicon knows), not an
    alliance's, cited in one of the transfer's own sentences."""
    span = source.span
    return (
        (INSTITUTIONS.search(source.name) is not None or _a_leader(source.name))
        and any(is_state_id(i) for i in named)
        and span is not None
        and any(e.start <= span.start < e.end for e in transfer.evidence)
    )


# Stages a third state reports of a supply it has seen or learnt of, unlike a refusal or talk.
SENT_OR_PROMISED = {"delivered", "in_progress", "pledged"}
# Kinds of name that stand for a state as a whole: its name, an alias, its capital or seat of
# power ("Seoul", "the White House"); a leader or a demonym is a person or an adjective.
STATE_ITSELF = {"state", "alias", "seat"}
# How much of a source's name may lie outside the state's name ("the", "'s").
NAME_SLACK = 4


def _a_leader(name: str) -> bool:
    """The source is one office holder of a state, named by the name alone ("Kuleba", "Olaf
    Scholz"), as the actors' lexicon lists its leaders and ministers."""
    found = find_actors(name)
    return len(found) == 1 and found[0].kind == "leader" and len(name) - len(found[0].text) <= NAME_SLACK


def _a_state_itself(name: str) -> bool:
    """The source is a state named as such, nothing more: "South Korea", "Seoul", "the United States"."""
    found = find_actors(name)
    return (
        len(found) == 1
        and found[0].kind in STATE_ITSELF
        and len(found[0].id or "") == 3
        and len(name) - len(found[0].text) <= NAME_SLACK
    )


def _confidence(transfer: Transfer) -> float:
    score = 0.5 + 0.1 * min(len(transfer.evidence), 2) + 0.1 * bool(transfer.sources)
    score += 0.1 * (transfer.item.category != "unspecified")
    return round(min(score, 0.95), 2)
