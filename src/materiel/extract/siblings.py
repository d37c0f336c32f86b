"""Listed siblings: the other kinds of item named in one list with an item already read as sent.

"Iran has sent drones, shells and artillery rockets to Russia", "the package includes Javelins
as well as Stinger missiles", "tanks along with armoured personnel carriers": every item of a
coordinated list shares the movement of the list, so each category the list names is a transfer
with the same supplier, recipient and stage as the one already found. Only items the parse rules
left unread qualify: a sibling the rules settled (read, or ruled out as hypothetical, captured or
a platform served) keeps their verdict.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Item, Span, Transfer
from materiel.extract.amounts import amount_for, mention_head
from materiel.extract.context import Context, Paragraph
from materiel.extract.lexicon import Mention
from materiel.extract.transfers import quantity_of
from materiel.extract.triples import transfer_key

# Categories too general to stand as a list's own entry ("weapons, ammunition and equipment"):
# the specific entries say what moved.
GENERAL = {"unspecified", "funding"}
# Words that attach an entry to a list without a coordinating conjunction ("tanks along with
# armoured vehicles", "drones together with their launchers").
COMPANION = {"along", "together"}
# Words that take an entry out of the list it stands in ("Javelins but not F-16s").
EXCLUDING = {"not", "no", "without", "except", "excluding"}


def listed_siblings(context: Context, transfers: list[Transfer]) -> list[Transfer]:
    """Transfers of the other categories listed beside an item of a transfer already found."""
    have = {transfer_key(t) for t in transfers}
    out: list[Transfer] = []
    for transfer in transfers:
        if transfer.supplier is None or transfer.recipient is None or transfer.item.category in GENERAL:
            continue
        for paragraph, sentence, sibling in _siblings(context, transfer):
            key = (transfer.supplier.id, transfer.recipient.id, sibling.id)
            if key not in have:
                have.add(key)
                out.append(_sibling_transfer(transfer, paragraph, sentence, sibling))
    return out


def _siblings(context: Context, transfer: Transfer) -> Iterator[tuple[Paragraph, SpacySpan, Mention]]:
    """Unsettled items in the transfer's evidence sentences coordinated with one of its category."""
    for paragraph in context.paragraphs:
        end = paragraph.offset + len(paragraph.text)
        for evidence in (e for e in transfer.evidence if paragraph.offset <= e.start < end):
            local = evidence.start - paragraph.offset
            sentence = paragraph.sentence_holding(local)
            if sentence is None:
                continue
            items = [m for m in paragraph.items if sentence.start_char <= m.start < sentence.end_char]
            anchors = [m for m in items if m.id == transfer.item.category]
            group = {t.i for m in anchors for t in _list_of(paragraph, m)}
            for item in items:
                token = mention_head(paragraph, item)
                if (
                    token is not None
                    and token.i in group
                    and item.id not in GENERAL
                    and item.id != transfer.item.category
                    and paragraph.offset + item.start not in context.settled
                    and not _excluded(token, sentence)
                ):
                    yield paragraph, sentence, item


def _list_of(paragraph: Paragraph, item: Mention) -> list[Token]:
    """The heads of a list an item stands in: its conjuncts, and entries joined by 'along with'
    (to the item, or to the verb it is the object of: "held helicopters along with fuel")."""
    token = mention_head(paragraph, item)
    if token is None:
        return []
    members = [token, *token.conjuncts]
    hosts = [*members, token.head] if token.dep_ == "dobj" else members
    for host in hosts:
        for word in _companion_withs(host):
            found = [c for c in word.children if c.dep_ == "pobj"]
            members.extend(t for head in found for t in (head, *head.conjuncts))
    return members


def _companion_withs(host: Token) -> list[Token]:
    """The 'with' of 'along with' / 'together with' under a token, however the parse hangs it:
    'along' over 'with', or 'with' carrying 'along'."""
    out = []
    for child in host.children:
        if child.lower_ in COMPANION:
            out.extend(w for w in child.children if w.lower_ == "with")
        elif child.lower_ == "with" and any(w.lower_ in COMPANION for w in child.children):
            out.append(child)
    return out


def _excluded(token: Token, sentence: SpacySpan) -> bool:
    """'... but not F-16s', 'no tanks': an entry the list names only to leave out."""
    before = token.doc[max(token.i - 3, sentence.start) : token.i]
    return any(t.lower_ in EXCLUDING for t in before) or any(c.dep_ == "neg" for c in token.children)


def _sibling_transfer(transfer: Transfer, paragraph: Paragraph, sentence: SpacySpan, item: Mention) -> Transfer:
    offset = paragraph.offset
    amount = amount_for(paragraph, sentence, item)
    supplier = transfer.supplier.id if transfer.supplier else None
    return replace(
        transfer,
        item=Item(item.text, item.id or "unspecified", item.lethal, Span(offset + item.start, offset + item.end)),
        quantity=quantity_of(amount, offset, supplier) if amount is not None else None,
        evidence=[Span(offset + sentence.start_char, offset + sentence.end_char)],
        via=list(transfer.via),
        sources=[replace(s) for s in transfer.sources],
        responses=[],
    )
