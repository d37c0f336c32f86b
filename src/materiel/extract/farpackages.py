"""Contents of a package told far from it: "The package includes artillery shells and NASAMS
systems" several sentences after "Norway will send a new military aid package to Ukraine".

A contents cue whose subject is a definite transfer noun ("the package", "the aid", "the
shipment") lists what a package the article named before holds, however far back: the definite
word points at it. `partial.complete` looks only a few sentences back, for a pronoun ("It
includes ...") as much as for a noun; what it leaves (`far_listed`) takes, once the rules and the
scorer have read the article's transfers (`far_contents`), the sides of the latest general
transfer (unspecified or funding) told before it in a sentence with the same noun ("the package"
after "a $400m aid package"), or else of the article's one general pair before it. Where that
sentence gave the package to several parties ("aid for Ukraine and Israel"), the listing sentence
must name the recipient it means ("the package includes missiles, which Ukraine needs"); a
sentence that names a party outside the pair is left alone (the package may be that party's).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from materiel.article import Item, Span, Transfer
from materiel.extract import syntax
from materiel.extract.amounts import mention_head
from materiel.extract.candidate import Candidate
from materiel.extract.embargoes import known_embargo
from materiel.extract.packages import ANAPHORS, package_of
from materiel.extract.partial import GENERAL, POTENTIAL, at_mention
from materiel.extract.transfers import add_sources, quantity_of
from materiel.extract.triples import transfer_key

if TYPE_CHECKING:
    from materiel.extract.context import Context


def far_listed(found: list[Candidate], partial: list[Candidate]) -> list[Candidate]:
    """The contents mentions with no side that a definite package noun lists and that nothing
    nearby completed (`found` holds the completed ones, at the same item mention)."""
    done = {place(c) for c in found}
    return [c for c in partial if place(c) not in done and _listed_far(c) and _package_noun(c) is not None]


def far_contents(context: Context, transfers: list[Transfer]) -> list[Transfer]:
    """A transfer for each far contents mention, with the sides of the package it lists and, unless
    it tells its own, the package's stage; none where the article reports its key already."""
    text = context.article.text
    out: list[Transfer] = []
    for candidate in context.far_contents:
        package = _package(candidate, transfers, text)
        if package is None or package.supplier is None or package.recipient is None:
            continue
        key = (package.supplier.id, package.recipient.id, candidate.item.id)
        if key in {transfer_key(t) for t in transfers + out}:
            continue
        if known_embargo(package.supplier.id, package.recipient.id, [at_mention(candidate)], context):
            continue
        staged = (candidate.status, candidate.reason) if candidate.staged else (package.status, package.status_reason)
        transfer = inherited(candidate, package, staged[0], reason=f"far package; {staged[1]}")
        if not candidate.staged:
            transfer.status_span = package.status_span  # the package's stage, told where it was
        out.append(transfer)
    return out


def inherited(
    candidate: Candidate, package: Transfer, status: str, keep_spans: bool = False, reason: str | None = None
) -> Transfer:
    """The candidate's item as a transfer of the package's pair at `status`, with its own amount and
    sources; the pair's name spans stay only where `keep_spans` (a neighbouring sentence's)."""
    offset = candidate.paragraph.offset
    item = candidate.item
    supplier = package.supplier.id if package.supplier else None
    spans = {} if keep_spans else {"span": None}
    transfer = Transfer(
        supplier=replace(package.supplier, **spans) if package.supplier else None,
        recipient=replace(package.recipient, **spans) if package.recipient else None,
        item=Item(item.text, item.id or "unspecified", item.lethal, Span(offset + item.start, offset + item.end)),
        quantity=quantity_of(candidate.amount, offset, supplier) if candidate.amount else None,
        status=status,
        evidence=[candidate.span()],
        status_reason=reason,
        status_span=candidate.status_span(),
    )
    add_sources(transfer, candidate.cited)
    return transfer


def place(candidate: Candidate) -> int:
    """The candidate's item mention by its offset in the article."""
    return candidate.paragraph.offset + candidate.item.start


def _listed_far(candidate: Candidate) -> bool:
    """A contents mention of a specific item whose sentence names neither side, in talk past
    asking or weighing."""
    roles = candidate.roles
    return (
        candidate.refers_back
        and candidate.cue_kind == "contents"
        and roles.supplier is None
        and roles.recipient is None
        and candidate.item.id not in GENERAL
        and candidate.status not in POTENTIAL
    )


def _package_noun(candidate: Candidate) -> Token | None:
    """The definite transfer noun the contents cue lists ("the package" of "the package
    includes"); none for a pronoun, whose antecedent is only the last few sentences'."""
    token = mention_head(candidate.paragraph, candidate.item)
    cue = syntax.governing_cue(token, candidate.sentence) if token is not None else None
    package = package_of(cue) if cue is not None else None
    if package is None or package.lower_ in ANAPHORS or package.pos_ != "NOUN":
        return None
    return package


def _package(candidate: Candidate, transfers: list[Transfer], text: str) -> Transfer | None:
    """The general transfer the package noun points at: of the general transfers told before the
    listing sentence, those told last in a sentence with the noun's word ("aid package" for "the
    package"), else all of them; one pair, or the one whose recipient the listing sentence names,
    and no party named there outside it."""
    start = candidate.span().start
    general = [
        t for t in transfers if t.item.category in GENERAL and t.supplier is not None and t.recipient is not None
    ]
    noun = _package_noun(candidate)
    word = re.compile(rf"\b{re.escape(noun.lemma_)}", re.I) if noun is not None else None
    last = {id(t): _last_told(t, start, text, word) for t in general}
    latest = max((at for at in last.values() if at is not None), default=None)
    if latest is not None:
        options = [t for t in general if last[id(t)] == latest]
    else:
        options = [t for t in general if _last_told(t, start, text, None) is not None]
    pairs = {(t.supplier.id, t.recipient.id): t for t in options if t.supplier and t.recipient}
    here = _named_in(candidate)
    if len(pairs) > 1:
        pairs = {pair: t for pair, t in pairs.items() if pair[1] in here}
    if len(pairs) != 1:
        return None
    ((pair, package),) = pairs.items()
    return package if here <= set(pair) else None


def _last_told(transfer: Transfer, before: int, text: str, word: re.Pattern | None) -> int | None:
    """Where the last evidence sentence of the transfer before a position starts (with `word`,
    the last that holds it), if any."""
    starts = [
        e.start for e in transfer.evidence if e.end <= before and (word is None or word.search(text[e.start : e.end]))
    ]
    return max(starts, default=None)


def _named_in(candidate: Candidate) -> set[str]:
    """The actor ids the candidate's sentence names."""
    start, end = candidate.sentence.start_char, candidate.sentence.end_char
    return {m.id for m in candidate.paragraph.actors if start <= m.start < end and m.id}
