"""Candidates: one per item mention that a transfer cue governs and whose roles are known.

Each sentence's item mentions are read with the cue that governs them, their roles, stage, amount
and sources; the entries of a bulleted list take the stage of the header they hang from. A
candidate that names only one side is completed from nearby ones (see `partial`). The items a
sentence moves without naming them, and the group words that leave a supplier unnamed, are read
in `unnamed`; sentences that move no weapons (taken, made, deployed) in `nontransfer`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import homes, sections, stage, syntax, tablerows
from materiel.extract.amounts import amount_for, mention_head, mention_token
from materiel.extract.attribution import sentence_sources
from materiel.extract.bans import ban_stage, banned_trade
from materiel.extract.candidate import Candidate
from materiel.extract.cargo import brings_others
from materiel.extract.context import Context, Paragraph
from materiel.extract.continued import left_over
from materiel.extract.elided import elided_amount, elided_items
from materiel.extract.farpackages import far_listed
from materiel.extract.gappedsubjects import counts_own, gapped_suppliers
from materiel.extract.headlineside import headline_side
from materiel.extract.itemnegation import none_moved
from materiel.extract.itemstage import delivered_already, travelling, under_commitment, under_stop
from materiel.extract.lexicon import Mention, listed
from materiel.extract.listedgivers import listed_givers
from materiel.extract.lists import MOVES, entry_line, header_roles, label_recipient, moved
from materiel.extract.nontransfer import no_transfer
from materiel.extract.notsent import aimed_at, not_sent
from materiel.extract.packages import package_of, refers_back
from materiel.extract.partial import (
    LOOK_BACK_SENTENCES,
    article_recipient,
    article_supplier,
    complete,
    conjoined_suppliers,
)
from materiel.extract.previous import previous_recipient
from materiel.extract.previoussupplier import previous_supplier
from materiel.extract.receivers import turned_for, turned_to, unnamed_recipient, unnamed_source, won_order
from materiel.extract.requestnouns import request_governs, request_stage, third_party_only, unasked
from materiel.extract.rolenames import anaphoric_supplier
from materiel.extract.roles import (
    Roles,
    arrival_delivers,
    find_roles,
    own_equipment,
    participle_cue,
    placed_order,
)
from materiel.extract.rolesuppliers import owner_supplied
from materiel.extract.sanctions import punisher
from materiel.extract.subjects import criticised
from materiel.extract.supplieduse import supplied_user
from materiel.extract.suppliernouns import STATUS as SUPPLIER_STATUS
from materiel.extract.suppliernouns import supplier_noun_roles
from materiel.extract.tradenouns import trade_noun_roles
from materiel.extract.unnamed import armed_by_verb, military_funds, unnamed_supplier
from materiel.extract.used import foreign_owner, foreign_user, on_show, permitted_use, use_stage
from materiel.extract.verbform import Staged

# The stage of a supplier a buyer turned to instead ("Cairo has turned to Russia"): weighed.
TURNED_STATUS = "considered"


def find_candidates(context: Context) -> list[Candidate]:
    found: list[Candidate] = []
    partial: list[Candidate] = []
    number, header = 0, None  # header: the sentence a bulleted list hangs from ("It includes:")
    heading = None  # the stage the header gives by its own transfer word, if any
    sides: Roles | None = Roles(None, None)  # the parties the header names ("The UK will send Ukraine:")
    section, previous = None, None  # the section a heading opened ("Germany" over "- 18 tanks")
    for paragraph in context.paragraphs:
        section = section if sections.follows(context, previous, paragraph) else None
        previous = paragraph
        for sentence in paragraph.doc.sents:
            number += 1
            entry = header is not None or sections.gives(section)  # "Germany" over "Leopard 2 tanks"
            opening = sections.opened(context, paragraph, sentence, listed=entry)
            section = opening or section
            if opening is not None and opening.heading:
                header, sides = None, Roles(None, None)
                continue
            if no_transfer(sentence):
                _settle(context, paragraph, paragraph.items, sentence)
                continue
            listing = header if header is not None and entry_line(sentence) else None
            candidates = tablerows.table_row(context, paragraph, sentence, number)
            candidates = candidates or list(_sentence_candidates(context, paragraph, sentence, number))
            if section is not None:
                candidates = sections.entries(context, paragraph, sentence, number, section, candidates)
            candidates = tablerows.spoken(context, paragraph, sentence, candidates)
            if not candidates and listing is not None:
                candidates = _entries(paragraph, sentence, listing, sides)
            for candidate in map(label_recipient, candidates):
                if candidate.cue_kind == "entry" and heading is not None:
                    candidate.status, candidate.staged = heading, True  # "the agreements provide for the sale of:"
                    candidate.reason = "list header"
                _package_stage(candidate, found + partial)
                _add(candidate, found, partial, context)
            opens_list = sentence.text.rstrip().endswith(":")
            heading = stage.heading_stage(sentence) if opens_list else heading
            if opens_list:
                sides = Roles(None, None) if candidates else header_roles(context, paragraph, sentence)
            header = number if opens_list else listing
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
            return


def _settle(context: Context, paragraph: Paragraph, items: list[Mention], sentence: SpacySpan) -> None:
    context.settled.update(
        paragraph.offset + m.start for m in items if sentence.start_char <= m.start < sentence.end_char
    )


def _sentence_candidates(
    context: Context, paragraph: Paragraph, sentence: SpacySpan, number: int
) -> Iterator[Candidate]:
    start, end = sentence.start_char, sentence.end_char
    items = (
        [m for m in paragraph.items if start <= m.start < end]
        or military_funds(paragraph, sentence)
        or armed_by_verb(sentence)
    )
    items = items or elided_items(paragraph, sentence)  # "Germany sent 14 tanks. France sent 30."
    actors = [m for m in paragraph.actors if start <= m.start < end]
    heads = {id(m): _head_and_cue(paragraph, sentence, m) for m in items}
    specific_cues = {heads[id(m)][1].i for m in items if m.id != "unspecified" and heads[id(m)][1] is not None}
    served = not_sent(items, {id(m): heads[id(m)][0] for m in items})
    served |= _stocks(items, heads)
    cited = None
    for item in items:
        token, cue = heads[id(item)]
        if permitted_use(token) or on_show(cue) or (token is not None and syntax.doer_only(token)):
            _settle(context, paragraph, [item], sentence)
            continue  # "allowed Ukraine to use American weapons", "the exhibition features", "hit by
            # Russian drones": nothing moved
        used = foreign_user(context, paragraph.offset, token, actors) or foreign_owner(token, actors)
        used = used or supplied_user(token, actors)  # "rockets to be used by Ukrainian troops"
        if used is not None:  # "Russia launched Iranian drones at Kyiv": Iran supplied Russia
            _settle(context, paragraph, [item], sentence)
            status = use_stage(token)  # "would use British missiles": only talk of a supply
            yield _used(context, Candidate(used, item, status, paragraph, sentence, number, "transfer", reason="use"))
            continue
        if id(item) in served or _said_by_specific(paragraph, item, cue, specific_cues) or _carries(token, heads):
            _settle(context, paragraph, [item], sentence)
            continue  # "spare parts for MiG-29s": the jets are what the parts are for, not sent
        candidate = _candidate(context, paragraph, sentence, item, actors, number, token, cue)
        if candidate is not None:
            candidate.amount = elided_amount(paragraph, item) or amount_for(paragraph, sentence, item)
            cited = sentence_sources(context, paragraph, sentence) if cited is None else cited  # once a sentence
            candidate.cited = cited
            yield candidate
            yield from _turned_to(candidate, cue, actors, items)
            yield from gapped_suppliers(candidate, token, actors)  # "..., Spain 6 and Norway 8"


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


def _candidate(context, paragraph, sentence, item: Mention, actors, number: int, token, cue) -> Candidate | None:
    if token is not None and cue is None and (named := supplier_noun_roles(token, actors)) is not None:
        # "its arms supplier"
        return Candidate(named, item, SUPPLIER_STATUS, paragraph, sentence, number, "transfer", reason="supplier noun")
    if token is not None and (traded := trade_noun_roles(token, actors)) is not None:
        # "its arms customer"
        return Candidate(traded[0], item, traded[1], paragraph, sentence, number, "transfer", reason="trade noun")
    if token is None or cue is None:
        return None
    if syntax.cue_kind(cue) == "arrive" and not arrival_delivers(cue, token, item, actors, paragraph.items):
        return None  # "the delegation arrived in Kyiv with tanks", "Russian missiles reached Kyiv"
    if third_party_only(cue, token, actors):
        _settle(context, paragraph, [item], sentence)  # "Kyiv's plea for tanks was backed by Poland"
        return None
    roles = find_roles(context, paragraph.offset, cue, token, actors, paragraph.items)
    owned = own_equipment(token, actors, roles.recipient) and not (
        participle_cue(cue, token) or owner_supplied(cue, token, actors)  # "Kyiv's US-supplied", "supplied by"
    )
    if syntax.hypothetical(cue) or owned or aimed_at(cue, roles.recipient, actors):
        _settle(context, paragraph, [item], sentence)  # ruled out: no reading of this item may add it
        return None
    unnamed = unnamed_supplier(cue, token) or unnamed_source(cue, token, actors)  # "from 30 states"
    if roles.supplier is None and (criticised(cue) or unnamed):
        _settle(context, paragraph, [item], sentence)  # the critic is no supplier, or no state is named
        return None
    if roles.recipient is None and unnamed_recipient(cue, token, actors):
        _settle(context, paragraph, [item], sentence)  # "sells them abroad": no state of the article gets it
        return None
    if punisher(cue, roles.supplier):
        return None  # "sanctioned firms over drones sent to Russia": the sanctioning state sent none
    if _self_supply(roles):
        return None  # "asked Congress for funding": a state's own budget, and the item may be another's
    recipient = roles.recipient.id if roles.recipient else None
    used = delivered_already(token, recipient, context.year)  # "HIMARS, which Ukraine has used": delivered
    status, reason = ("delivered", "in use") if used else _cue_stage(cue, token, sentence)
    if unasked(cue, status):
        _settle(context, paragraph, [item], sentence)  # "has never asked China for weapons"
        return None
    kind, back = syntax.cue_kind(cue), refers_back(cue) or _listed_package(token)
    anaphoric = anaphoric_supplier(cue)
    return Candidate(
        roles, item, status, paragraph, sentence, number, kind, back, anaphoric=anaphoric, staged=used, reason=reason
    )


def _cue_stage(cue: Token, token: Token, sentence: SpacySpan) -> Staged:
    """The stage of an item not in use, and what decided it: what the item's own phrase tells
    ("a contract for jets", "the tanks are on their way", "a suspension of arms sales"), else its
    cue's or a request's; then an order placed, or none moved."""
    told = _item_told(token)
    status, reason = told or _stage_reason(cue, sentence)
    if told is None and (asked := request_stage(cue, status)) != status:
        status, reason = asked, "request"
    if (placed_order(cue, token) or won_order(cue)) and status in ("delivered", "in_progress"):
        status, reason = "pledged", "order"  # an order given or won is placed, not yet filled
    if (none := none_moved(token, status)) != status:
        status, reason = none, "none moved"  # "has sent no weapons": refused
    return status, reason


# What an item's own phrase tells of its stage, and the name of each reading.
ITEM_TOLD = (
    (under_commitment, "item: commitment"),
    (travelling, "item: travelling"),
    (under_stop, "item: stop"),
    (ban_stage, "item: ban"),  # "announced restrictions on arms export licences": postponed
)


def _item_told(token: Token) -> Staged | None:
    """The stage the item's phrase tells: "a contract for jets", "the tanks are on their way",
    "announced a suspension of arms sales"."""
    for telling, why in ITEM_TOLD:
        if (told := telling(token)) is not None:
            return told, why
    return None


def _listed_package(token: Token) -> bool:
    """Is the item the package itself whose contents its sentence lists, named before ("The aid
    consists of drones and shells" after "Lithuania announced new military aid")? It takes that
    mention's stage, as the contents do."""
    verb = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and verb.i != token.i and refers_back(verb)


def _stage_reason(cue: Token, sentence: SpacySpan) -> Staged:
    """A package's items share its stage: the stage of the package noun ("the new package
    includes"), or of the verb that moves what the list details ("are sending weapons, including
    tanks"); else the cue's own. With what decided it."""
    package = package_of(cue)
    if package is not None and syntax.cue_kind(package) == "noun":
        return stage.stage_reason(package, base_stage(package))
    above = syntax.governing_cue(package, sentence) if package is not None else None
    if above is not None and above is not cue and syntax.cue_kind(above) in MOVES:
        return stage.stage_reason(above, base_stage(above))
    return stage.stage_reason(cue, base_stage(cue))


def _self_supply(roles: Roles) -> bool:
    return roles.supplier is not None and roles.recipient is not None and roles.supplier.id == roles.recipient.id


def base_stage(cue: Token) -> str:
    table = syntax.cues()
    lemma = cue.lemma_.lower()
    for words in (table.transfer, table.receive, table.request, table.arrive, table.nouns):
        if lemma in words:
            return words[lemma]
    return "delivered"
