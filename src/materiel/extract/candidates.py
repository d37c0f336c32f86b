"""Candidates: one per item mention that a transfer cue governs and whose roles are known.

Each sentence's item mentions are read with the cue that governs them, their roles, stage, amount
and sources (one mention's reading is in `itemcandidate`); the entries of a bulleted list take the
stage of the header they hang from. A candidate that names only one side is completed from nearby
ones (see `partial`). The items a sentence moves without naming them, and the group words that
leave a supplier unnamed, are read in `unnamed`; sentences that move no weapons (taken, made,
deployed) in `nontransfer`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import homes, sections, stage, syntax, tablerows
from materiel.extract.amounts import amount_for, mention_head, mention_token
from materiel.extract.attribution import Cited, sentence_sources
from materiel.extract.bans import banned_trade
from materiel.extract.candidate import Candidate
from materiel.extract.cargo import brings_others
from materiel.extract.context import Context, Paragraph
from materiel.extract.continued import left_over
from materiel.extract.docindex import mentions_within
from materiel.extract.elided import elided_amount, elided_items
from materiel.extract.farpackages import far_listed
from materiel.extract.financed import financing_mentions
from materiel.extract.gappedshares import gapped_shares
from materiel.extract.gappedsubjects import counts_own, gapped_suppliers
from materiel.extract.headlineside import headline_side
from materiel.extract.itemcandidate import item_candidate, settle
from materiel.extract.lexicon import Mention, listed
from materiel.extract.listedgivers import listed_givers
from materiel.extract.lists import entry_line, header_roles, label_recipient, moved
from materiel.extract.nontransfer import no_transfer
from materiel.extract.notsent import not_sent
from materiel.extract.partial import (
    LOOK_BACK_SENTENCES,
    article_recipient,
    article_supplier,
    complete,
    conjoined_suppliers,
)
from materiel.extract.previous import previous_recipient
from materiel.extract.previoussupplier import previous_supplier
from materiel.extract.receivers import turned_for, turned_to
from materiel.extract.requestnouns import request_governs
from materiel.extract.roles import Roles
from materiel.extract.supplieduse import supplied_user
from materiel.extract.unnamed import armed_by_verb, bought_with_funds, military_funds, paid_for, purpose_funds
from materiel.extract.used import foreign_owner, foreign_user, on_show, permitted_use, use_stage

# The stage of a supplier a buyer turned to instead ("Cairo has turned to Russia"): weighed.
TURNED_STATUS = "considered"


@dataclass
class _Walk:
    """Where the walk over an article's sentences stands."""

    number: int = 0  # the sentence's number in the article
    header: int | None = None  # the sentence a bulleted list hangs from ("It includes:")
    heading: str | None = None  # the stage the header gives by its own transfer word, if any
    sides: Roles | None = field(default_factory=lambda: Roles(None, None))  # "The UK will send Ukraine:"
    section: sections.Section | None = None  # the section a heading opened ("Germany" over "- 18 tanks")
    previous: Paragraph | None = None  # the paragraph before


def find_candidates(context: Context) -> list[Candidate]:
    found: list[Candidate] = []
    partial: list[Candidate] = []
    walk = _Walk()
    for paragraph in context.paragraphs:
        walk.section = walk.section if sections.follows(context, walk.previous, paragraph) else None
        walk.previous = paragraph
        for sentence in paragraph.doc.sents:
            _read_sentence(context, paragraph, sentence, walk, found, partial)
    return _article_candidates(context, found, partial)


def _read_sentence(
    context: Context,
    paragraph: Paragraph,
    sentence: SpacySpan,
    walk: _Walk,
    found: list[Candidate],
    partial: list[Candidate],
) -> None:
    """Add the sentence's candidates to `found` (both sides known) or `partial`, and move the walk on."""
    walk.number += 1
    entry = walk.header is not None or sections.gives(walk.section)  # "Germany" over "Leopard 2 tanks"
    opening = sections.opened(context, paragraph, sentence, listed=entry)
    walk.section = opening or walk.section
    if opening is not None and opening.heading:
        walk.header, walk.sides = None, Roles(None, None)
        return
    if no_transfer(sentence):
        settle(context, paragraph, paragraph.items, sentence)
        return
    listing = walk.header if walk.header is not None and entry_line(sentence) else None
    candidates = _sentence_readings(context, paragraph, sentence, walk, listing)
    _add_all(candidates, walk.heading, found, partial, context)
    opens_list = sentence.text.rstrip().endswith(":")
    walk.heading = stage.heading_stage(sentence) if opens_list else walk.heading
    if opens_list:
        walk.sides = Roles(None, None) if candidates else header_roles(context, paragraph, sentence)
    walk.header = walk.number if opens_list else listing


def _sentence_readings(
    context: Context, paragraph: Paragraph, sentence: SpacySpan, walk: _Walk, listing: int | None
) -> list[Candidate]:
    """The sentence's candidates: a table row's, else its item mentions'; a section's entries; and,
    with none, a bulleted entry's under the list's header."""
    number = walk.number
    candidates = tablerows.table_row(context, paragraph, sentence, number)
    candidates = candidates or _funded(context, paragraph, sentence, number)
    if walk.section is not None:
        candidates = sections.entries(context, paragraph, sentence, number, walk.section, candidates)
    candidates = tablerows.spoken(context, paragraph, sentence, candidates)
    if not candidates and listing is not None:
        candidates = _entries(paragraph, sentence, listing, walk.sides)
    return candidates


def _funded(context: Context, paragraph: Paragraph, sentence: SpacySpan, number: int) -> list[Candidate]:
    """The sentence's item candidates, less the funding or the purchases it pays for that another
    reads (`bought_with_funds`); what is left out is read and settled."""
    read = list(_sentence_candidates(context, paragraph, sentence, number))
    kept = bought_with_funds(read)
    settle(context, paragraph, [c.item for c in read if all(c is not k for k in kept)], sentence)
    settle(context, paragraph, paid_for(kept, paragraph.items), sentence)  # "$5bn to finance weapons"
    return kept


def _article_candidates(context: Context, found: list[Candidate], partial: list[Candidate]) -> list[Candidate]:
    """The article's candidates: those found, those completed from the rest of the article, and
    those the article's recipient or supplier completes; notes what is settled and left over."""
    found += previous_recipient(context, found, partial)
    found += previous_supplier(context, found, partial)
    found += listed_givers(context, found, partial)
    found += headline_side(context, found, partial)
    out = found + article_recipient(context, found, partial) + article_supplier(found, partial)
    context.settled.update(c.paragraph.offset + c.item.start for c in out)
    context.one_sided.update(_one_sided(partial))
    context.far_contents = far_listed(out, partial)  # "The package includes ..." far from the package
    context.left_over = left_over(out, partial, context)  # "... military aid. Tanks will follow."
    return out


def _add_all(
    candidates: list[Candidate],
    heading: str | None,
    found: list[Candidate],
    partial: list[Candidate],
    context: Context,
) -> None:
    """Add a sentence's candidates, a list entry with the stage its header gives (`heading`), a
    package's contents with the package's."""
    for candidate in map(label_recipient, candidates):
        if candidate.cue_kind == "entry" and heading is not None:
            candidate.status, candidate.staged = heading, True  # "the agreements provide for the sale of:"
            candidate.reason = "list header"
        _package_stage(candidate, found + partial)
        _add(candidate, found, partial, context)


def _one_sided(partial: list[Candidate]) -> dict[int, str]:
    """The supplier each supplier-only candidate read, by its item mention's offset in the article.
    A recipient read alone is left out: it is as often a third party the parse took for one ("urged
    the U.S. government to weigh bids to buy U.S. jets", "parts sent to the US for Israel")."""
    return {
        c.paragraph.offset + c.item.start: c.roles.supplier.id
        for c in partial
        if c.roles.supplier is not None and c.roles.recipient is None and c.roles.supplier.id is not None
    }


def _add(candidate: Candidate, found: list[Candidate], partial: list[Candidate], context: Context) -> None:
    if candidate.roles.complete:
        found.extend(c for c in conjoined_suppliers(candidate) if not counts_own(c))  # "Spain 6 and Norway 8"
        found.append(candidate)
    else:
        partial.append(candidate)
        complete(candidate, found, partial, found, context)


def _entries(paragraph: Paragraph, sentence: SpacySpan, header: int, sides: Roles | None) -> list[Candidate]:
    """Items of a bulleted entry under "It includes:" with no cue of their own: what the package
    before the list holds, numbered as the list's header so that they look back from it; under a
    header that names both parties itself ("The UK will send Ukraine:"), theirs. Not what an item
    is for ("ammunition for Leopard tanks": the tanks are not sent)."""
    if sides is None:
        return []  # "Russia has lost:": the list is no package's
    start, end = sentence.start_char, sentence.end_char
    mentions = [m for m in paragraph.items if start <= m.start < end]
    served = not_sent(mentions, {id(m): _head_and_cue(paragraph, sentence, m)[0] for m in mentions})
    return [
        Candidate(
            moved(sides, -paragraph.offset),
            m,
            "delivered",
            paragraph,
            sentence,
            header,
            "entry",
            True,
            amount_for(paragraph, sentence, m),
            reason="list entry",
        )
        for m in mentions
        if id(m) not in served
    ]


def _package_stage(candidate: Candidate, earlier: list[Candidate]) -> None:
    """'It includes ...' after a package: the listed items share the stage of the package's last
    mention a few sentences back."""
    if not candidate.refers_back or candidate.staged:
        return
    for other in reversed(earlier):
        if other.number < candidate.number and candidate.number - other.number <= LOOK_BACK_SENTENCES:
            candidate.status, candidate.reason = other.status, f"package before; {other.reason}"
            candidate.status_at = other.status_span()
            return


def _sentence_candidates(
    context: Context, paragraph: Paragraph, sentence: SpacySpan, number: int
) -> Iterator[Candidate]:
    """The candidates of the sentence's item mentions, with their amounts and the sentence's sources."""
    items = _sentence_items(paragraph, sentence)
    actors = mentions_within(paragraph.doc, paragraph.actors, sentence.start_char, sentence.end_char)
    heads = {id(m): _head_and_cue(paragraph, sentence, m) for m in items}
    specific_cues = {heads[id(m)][1].i for m in items if m.id != "unspecified" and heads[id(m)][1] is not None}
    served = _unsent(items, heads)
    cited = None
    for item in items:
        token, cue = heads[id(item)]
        if _nothing_moved(token, cue):
            settle(context, paragraph, [item], sentence)
            continue
        used = _foreign_used(context, paragraph, token, actors)
        if used is not None:  # "Russia launched Iranian drones at Kyiv": Iran supplied Russia
            settle(context, paragraph, [item], sentence)
            status = use_stage(token)  # "would use British missiles": only talk of a supply
            yield _used(context, Candidate(used, item, status, paragraph, sentence, number, "transfer", reason="use"))
            continue
        if id(item) in served or _said_by_specific(paragraph, item, cue, specific_cues) or _carries(token, heads):
            settle(context, paragraph, [item], sentence)
            continue  # "spare parts for MiG-29s": the jets are what the parts are for, not sent
        candidate = item_candidate(context, paragraph, sentence, item, actors, number, token, cue)
        if candidate is not None:
            candidate.amount = elided_amount(paragraph, item) or amount_for(paragraph, sentence, item)
            cited = sentence_sources(context, paragraph, sentence) if cited is None else cited  # once a sentence
            yield from _with_followers(candidate, cited, token, cue, actors, items)


def _with_followers(
    candidate: Candidate,
    cited: list[Cited],
    token: Token | None,
    cue: Token | None,
    actors: list[Mention],
    items: list[Mention],
) -> Iterator[Candidate]:
    """The candidate with its sentence's sources, then those that follow from it: the supplier its
    buyer turned to, the suppliers a gapped clause names ("..., Spain 6 and Norway 8"), and the
    parties of a gapped list of shares ("73% of its arms imports from the US, 13% from Britain")."""
    candidate.cited = cited
    yield candidate
    yield from _turned_to(candidate, cue, actors, items)
    yield from gapped_suppliers(candidate, token, actors)
    yield from gapped_shares(candidate, token, actors)


def _sentence_items(paragraph: Paragraph, sentence: SpacySpan) -> list[Mention]:
    """The sentence's item mentions; else the military funds or the arming a verb tells, or the
    items an elided clause repeats ("Germany sent 14 tanks. France sent 30.")."""
    start, end = sentence.start_char, sentence.end_char
    named = [m for m in paragraph.items if start <= m.start < end] + financing_mentions(paragraph, sentence)
    named += purpose_funds(paragraph, sentence) if named else []  # "gave Kyiv $200m to buy drones"
    items = named or military_funds(paragraph, sentence) or armed_by_verb(sentence)
    return items or elided_items(paragraph, sentence)


def _unsent(items: list[Mention], heads: dict) -> set[int]:
    """The ids of the items no transfer moves: platforms, targets and wants (`notsent`), and stocks."""
    return not_sent(items, {id(m): heads[id(m)][0] for m in items}) | _stocks(items, heads)


def _nothing_moved(token: Token | None, cue: Token | None) -> bool:
    """'allowed Ukraine to use American weapons', 'the exhibition features', 'hit by Russian
    drones': nothing moved."""
    return permitted_use(token) or on_show(cue) or (token is not None and syntax.doer_only(token))


def _foreign_used(context: Context, paragraph: Paragraph, token: Token | None, actors: list[Mention]) -> Roles | None:
    """Maker and user or holder of a foreign weapon ("rockets to be used by Ukrainian troops")."""
    used = foreign_user(context, paragraph.offset, token, actors) or foreign_owner(token, actors)
    return used or supplied_user(token, actors)


def _turned_to(
    candidate: Candidate, cue: Token | None, actors: list[Mention], items: list[Mention]
) -> Iterator[Candidate]:
    """The sale's buyer turned to another supplier ("Paris postponed the sale of the jets, and Cairo
    has turned to Russia"): that supplier's items are weighed, Russia to Egypt `considered`; the
    items it turned 'for' where it names them ("turned to Russia for MiG-29 jets"), else the
    sale's, unless a third state makes those ("Rafale jets" are French, not Russian)."""
    turned = turned_to(cue, actors, affirmed=True) if cue is not None else None  # none for "its arms supplier"
    recipient, supplier = candidate.roles.recipient, candidate.roles.supplier
    if turned is None or recipient is None or recipient.id != turned[1].id:
        return
    if supplier is not None and supplier.id == turned[0].id:
        return
    wanted = [m for m in items if _names_any(candidate.paragraph, m, turned_for(cue))]
    if not wanted:
        token = mention_head(candidate.paragraph, candidate.item)
        made = homes.home_state(token) if token is not None else None
        wanted = [] if made is not None and made != turned[0].id else [candidate.item]
    for item in wanted:
        moved = replace(
            candidate, item=item, roles=Roles(turned[0], turned[1]), status=TURNED_STATUS, reason="turned to"
        )
        moved.amount = amount_for(candidate.paragraph, candidate.sentence, item)
        yield moved


def _names_any(paragraph: Paragraph, item: Mention, tokens: list[Token]) -> bool:
    """Is one of the tokens the item mention's head?"""
    token = mention_head(paragraph, item)
    return token is not None and any(t.i == token.i for t in tokens)


def _carries(token: Token | None, heads: dict) -> bool:
    """Is the item a carrier on a journey that moves the sentence's other items (`cargo.brings_others`)?"""
    others = {head.i for head, _ in heads.values() if head is not None and head is not token}
    return token is not None and brings_others(token, others)


def _stocks(items: list[Mention], heads: dict) -> set[int]:
    """Items held beside items a transfer word moves ("owns no F-16 jets and has sent 40 T-72
    tanks"): a stock, read by no other reading either. Alone ("has 300 tanks but sent 18") the
    held item may be what the number moved is of."""
    if not any(cue is not None for _, cue in heads.values()):
        return set()
    return {
        id(m) for m in items if heads[id(m)][1] is None and heads[id(m)][0] is not None and syntax.held(heads[id(m)][0])
    }


def _said_by_specific(paragraph: Paragraph, item: Mention, cue: Token | None, specific_cues: set[int]) -> bool:
    """A general item under a cue that specific items share: "military equipment (helmets, body
    armour)": the specific items say it. Not when it is negated, or listed beside them
    ("weapons and ammunition": both)."""
    return (
        item.id == "unspecified"
        and cue is not None
        and cue.i in specific_cues
        and not _negated_item(paragraph, item)
        and not listed(paragraph.text, item.start, item.end)
    )


def _used(context: Context, candidate: Candidate) -> Candidate:
    """A foreign weapon's use as a candidate, with its sentence's amount and sources."""
    paragraph, sentence = candidate.paragraph, candidate.sentence
    candidate.amount = amount_for(paragraph, sentence, candidate.item)
    candidate.cited = sentence_sources(context, paragraph, sentence)
    return candidate


def _head_and_cue(paragraph: Paragraph, sentence: SpacySpan, item: Mention) -> tuple[Token | None, Token | None]:
    """An item's head noun ("Stinger missiles": missiles) and the transfer cue governing it."""
    token = mention_head(paragraph, item)
    if token is None:
        return None, None
    cue = request_governs(token) or syntax.governing_cue(token, sentence)
    return token, cue or banned_trade(token)  # "an arms export ban on Riyadh": the export


def _negated_item(paragraph: Paragraph, item: Mention) -> bool:
    token = mention_token(paragraph, item)
    return token is not None and stage.stage_of(token.head, "delivered") in ("refused", "cancelled")
