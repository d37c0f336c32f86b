"""The quantity of a transfer: the supplier's share its item's sentence gives, else the amount
read in that sentence; where the item's own sentence gives none, the money that sentence gives it,
a count or sum another sentence gives its kind of item, the headline's count, or one for "a"/"an"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Span as SpacySpan

from materiel.article import Quantity, Transfer
from materiel.countries import is_state_id
from materiel.extract.amounts import amount_for, mention_head, part_payment, prices_whole
from materiel.extract.context import Context, Paragraph
from materiel.extract.dealworth import deal_before, deal_worth, following_sentence
from materiel.extract.earmarks import bought_with
from materiel.extract.headline import headline_count
from materiel.extract.latercounts import count_next, next_sentence, recipient_share, recipient_sum, supplier_share
from materiel.extract.lexicon import Mention
from materiel.extract.othersums import civilian_sum, told_of_party
from materiel.extract.quantities import Amount
from materiel.extract.respective import respective_count
from materiel.extract.singular import NOT_COUNTED, single, single_elsewhere
from materiel.extract.tallies import bound_to, sent_to, told_apart
from materiel.extract.totals import besides_totals, raised_to, running_total
from materiel.extract.transfers import quantity_of
from materiel.extract.vaguesums import exact_nearby, vague_sum

# How an amount for an item is read from a sentence of a paragraph (amount_for, _money_of).
AmountReader = Callable[[Paragraph, SpacySpan, Mention], Amount | None]


def choose_quantity(context: Context, transfer: Transfer) -> None:
    """Set a transfer's quantity: the supplier's share, else its own. Where it has none read in
    its item's sentence, in this order: the money that sentence gives the item, its own amount,
    the money the next sentence gives it named again ("these deliveries"), an amount a sentence
    naming a party gives its kind of item, the count of the sentence after, the headline's, one
    for "a"/"an" (here, then in a sentence naming both parties), and last a sum a sentence naming
    its recipient gives. A total raised to in its own sentence ("bringing its total to $44 billion")
    goes down that list too, after the headline's amount, which tells the new package. A sum with no
    figure ("billions") yields to an exact one its sentence or the next gives its kind (vaguesums)."""
    transfer.quantity = _share(context, transfer) or transfer.quantity
    own = transfer.quantity is not None and _in_own_sentence(context, transfer)
    if not own or _raised(context, transfer.quantity):
        carried = transfer.quantity if own or not _foreign(context, transfer, transfer.quantity) else None
        transfer.quantity = (
            _worth(context, transfer)
            or (carried if not _sums_up(context, carried) else None)
            or _worth_next(context, transfer)
            or _quantity_elsewhere(context, transfer)
            or _count_next(context, transfer)
            or _deal_before(context, transfer)
            or headline_count(context, transfer)
            or carried
            or _quantity_elsewhere(context, transfer, running=True)
            or single(context, transfer)
            or single_elsewhere(context, transfer)
            or _worth_elsewhere(context, transfer)
        )
    if vague_sum(transfer):  # "billions in aid. The latest $700 million package ...": the exact sum
        transfer.quantity = exact_nearby(context, transfer, _nearest_money) or transfer.quantity


def _share(context: Context, transfer: Transfer) -> Quantity | None:
    """The supplier's share, where the item's sentence gives one after it ("including 80 from
    Germany"), else the recipient's ("sold to 30 states, including 50 to Ukraine"), or where it
    pairs its counts with the states in order ("Germany and France sent 20 and 30 tanks
    respectively")."""
    place = _item_place(context, transfer)
    supplier = transfer.supplier.id if transfer.supplier else None
    recipient = transfer.recipient.id if transfer.recipient else None
    amount = supplier_share(place[0], place[1], supplier) if place is not None else None
    amount = amount or (recipient_share(place[0], place[1], recipient) if place is not None else None)
    priced = place is not None and transfer.item.category in NOT_COUNTED
    amount = amount or (recipient_sum(place[0], place[1], recipient) if priced else None)
    amount = amount or (_respective(place, transfer) if place is not None else None)
    return quantity_of(amount, place[0].offset, supplier) if amount is not None and place is not None else None


def _respective(place: tuple[Paragraph, int], transfer: Transfer) -> Amount | None:
    """The count a "respectively" list gives the supplier, else the recipient."""
    paragraph, local = place
    sentence = paragraph.sentence_holding(local)
    item = next((m for m in paragraph.items if m.start == local), None)
    supplier, recipient = (a.id if a else None for a in (transfer.supplier, transfer.recipient))
    if item is None or sentence is None or told_apart(paragraph, sentence, item, transfer.status):
        return None  # "Germany and France, which have 200 and 300 tanks": stocks, not counts sent
    by_supplier = respective_count(paragraph, sentence, item, supplier) if supplier else None
    return by_supplier or (respective_count(paragraph, sentence, item, recipient) if recipient else None)


def _in_own_sentence(context: Context, transfer: Transfer) -> bool:
    """The transfer's amount was read in the sentence of its main item mention."""
    quantity, item = transfer.quantity, transfer.item.span
    if quantity is None or quantity.span is None or item is None:
        return True
    paragraph = context.paragraph_at(item.start)
    if paragraph is None:
        return True
    sentence = paragraph.sentence_holding(item.start - paragraph.offset)
    if sentence is None:
        return True
    start = paragraph.offset + sentence.start_char
    return start <= quantity.span.start < paragraph.offset + sentence.end_char


def _item_place(context: Context, transfer: Transfer) -> tuple[Paragraph, int] | None:
    """The parsed paragraph holding the transfer's item and the item's offset in it."""
    if transfer.item.span is None:
        return None
    paragraph = context.paragraph_at(transfer.item.span.start)
    if paragraph is None:
        return None
    return paragraph, transfer.item.span.start - paragraph.offset


def _worth(context: Context, transfer: Transfer) -> Quantity | None:
    """An item with no count in its own sentence takes the money that sentence gives it, before any
    count of another sentence: "Patriot missiles worth $5.6 billion", "a $1 billion sale of drones",
    when no other item stands nearer it; never a total raised to, which waits for the headline's."""
    place = _item_place(context, transfer)
    sentence = place[0].sentence_holding(place[1]) if place is not None else None
    if place is None or sentence is None:
        return None
    paragraph, local = place
    amount = _nearest_money(paragraph, sentence, local)
    supplier = transfer.supplier.id if transfer.supplier else None
    quantity = quantity_of(amount, paragraph.offset, supplier) if amount is not None else None
    return quantity if not _raised(context, quantity) else None  # a total raised to comes later


# Words that point back to what the sentence before named ("these ammunition deliveries").
DEMONSTRATIVES = {"this", "these", "that", "those"}


def _worth_next(context: Context, transfer: Transfer) -> Quantity | None:
    """Else the money the next sentence (of its paragraph, or the first of the next: following_sentence) gives
    its kind of item named again with a demonstrative: "X sells shells to Y. These shell shipments
    are worth some 60 million euros a year.", or the deal or aid it opens by pointing back at: "The
    deal is worth $5 billion", "The aid is worth $300 million" (dealworth.deal_worth)."""
    place = _item_place(context, transfer)
    following = following_sentence(context, *place) if place is not None else None
    sentence = place[0].sentence_holding(place[1]) if place is not None else None
    if place is None or following is None or sentence is None:
        return None
    paragraph, _ = place
    there, after = following
    again = [m for m in there.items if after.start_char <= m.start < after.end_char and _pointed_back(there, m)]
    amounts = [_nearest_money(there, after, m.start) for m in again if m.id == transfer.item.category]
    deal = deal_worth(paragraph, sentence, there, after, transfer)
    if deal is not None and _count_next(context, transfer) is not None:
        deal = None  # "The order is for 36 aircraft and is worth 7.9 billion euros": the count is the item's
    amount = next((a for a in amounts if a is not None), None) or deal
    supplier = transfer.supplier.id if transfer.supplier else None
    return quantity_of(amount, there.offset, supplier) if amount is not None else None


def _deal_before(context: Context, transfer: Transfer) -> Quantity | None:
    """Else the price of the deal the sentence before told, which its own sentence points back at
    ("... a $3 billion contract for launchers. The deal will provide missiles": dealworth.deal_before)."""
    place = _item_place(context, transfer)
    sentence = place[0].sentence_holding(place[1]) if place is not None else None
    amount = deal_before(place[0], sentence, transfer) if place is not None and sentence is not None else None
    supplier = transfer.supplier.id if transfer.supplier else None
    return quantity_of(amount, place[0].offset, supplier) if amount is not None and place is not None else None


def _pointed_back(paragraph: Paragraph, item: Mention) -> bool:
    """The item's noun phrase opens with a demonstrative ("these ammunition deliveries")."""
    token = mention_head(paragraph, item)
    return token is not None and any(t.dep_ == "det" and t.lower_ in DEMONSTRATIVES for t in token.children)


def _nearest_money(paragraph: Paragraph, sentence: SpacySpan, local: int) -> Amount | None:
    items = [m for m in paragraph.items if sentence.start_char <= m.start < sentence.end_char]
    inside = [a for a in paragraph.amounts if sentence.start_char <= a.start < sentence.end_char]
    item = next((m for m in items if m.start == local), None)
    if item is None:
        return None  # an item no noun names ("arming Armenia"): no money is its worth
    text = paragraph.text
    money = [a for a in inside if a.is_money and not part_payment(text, a) and not prices_whole(text, a, item)]
    money = [a for a in money if not civilian_sum(text, a) and not told_of_party(paragraph, a, item)]
    money = besides_totals(text, money)  # "the $400 million package brings total aid to $44 billion"
    owners = {id(a): _owner(paragraph, a, items) or min(items, key=lambda m: _gap(m, a)) for a in money}
    mine = [a for a in money if _priced(paragraph, owners[id(a)], item)]
    return min(mine, key=lambda a: _gap(item, a), default=None)


def _priced(paragraph: Paragraph, owner: Mention, item: Mention) -> bool:
    """The money on `owner` prices the item: the owner is the item, or a package or aid made of
    it ("a $2.3 billion package of air defence missiles", "$500 million of aid in shells") or
    given to buy it ("a grant of 2 billion crowns to buy air defence missiles": earmarks.bought_with)."""
    if _same_item(owner, item):
        return True
    head, noun = mention_head(paragraph, owner), mention_head(paragraph, item)
    if owner.id not in NOT_COUNTED or head is None or noun is None:
        return False
    made_of = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head == head
    return made_of or bought_with(head, noun)


def _same_item(owner: Mention, item: Mention) -> bool:
    """The mention an amount belongs to is the item, or the item again ("the Russian submarine will
    be delivered to India, which leased the submarine for $900 million")."""
    return owner is item or (owner.id == item.id and owner.id not in NOT_COUNTED)


# How far up the parse an amount may look for the item it prices ("missiles worth about $5bn").
MAX_OWNER_CLIMB = 4


def _owner(paragraph: Paragraph, amount: Amount, items: list[Mention]) -> Mention | None:
    """The item an amount hangs from in the parse ("missiles worth $5.6 billion"), if any."""
    span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None:
        return None
    for ancestor in list(span.root.ancestors)[:MAX_OWNER_CLIMB]:
        owner = next((m for m in items if m.start <= ancestor.idx < m.end), None)
        if owner is not None:
            return owner
    return None


def _gap(item: Mention, amount: Amount) -> int:
    return max(item.start - amount.end, amount.start - item.end, 0)


def _count_next(context: Context, transfer: Transfer) -> Quantity | None:
    """Else the count the sentence right after its item's gives it (latercounts.count_next): the next of
    its paragraph, or the first of the paragraph that follows it ("Britain will send Challenger
    tanks.\n\nThe 14 tanks will arrive in March")."""
    place = _item_place(context, transfer) if transfer.item.category not in NOT_COUNTED else None
    after = next_sentence(context, *place) if place is not None else None
    involved = {a.id for a in (transfer.supplier, transfer.recipient, *transfer.via) if a is not None}
    amount = count_next(after[0], after[1], transfer.item.category, involved) if after is not None else None
    return quantity_of(amount, after[0].offset, None) if amount is not None and after is not None else None


def _quantity_elsewhere(context: Context, transfer: Transfer, running: bool = False) -> Quantity | None:
    """A transfer whose own sentences give no amount takes one the article gives for its kind of
    item in a sentence that names one of its parties ("The $725 million package for Ukraine ...",
    "hundreds of air defence missiles reached Ukraine"); where that sentence names other states
    too, only the count of an item sent "to" its recipient; never a stock held, nor a count only asked
    for when the transfer went ahead (tallies.told_apart). The sentence that names both parties
    and no other state goes first, then one naming the recipient: a sum said of the supplier alone
    is often all it sells ("German arms exports reached 5.3 billion euros"). A running total ("more
    than $44 billion since 2022") is taken only when `running`: after the headline's amount and the
    next sentence's count, which tell the new package."""
    supplier = transfer.supplier.id if transfer.supplier else None
    found = sorted(_amounts_elsewhere(context, transfer), key=lambda pair: pair[0])
    if not found:
        return None
    _rank, paragraph, amount = found[0]
    quantity = quantity_of(amount, paragraph.offset, supplier)
    return quantity if running or not _sums_up(context, quantity) else None


def _sums_up(context: Context, quantity: Quantity | None) -> bool:
    """The quantity was read as a running total in its sentence (totals.running_total)."""
    paragraph = context.paragraph_at(quantity.span.start) if quantity is not None and quantity.span else None
    if quantity is None or quantity.span is None or paragraph is None:
        return False
    local, end = quantity.span.start - paragraph.offset, quantity.span.end - paragraph.offset
    sentence = paragraph.sentence_holding(local)
    return sentence is not None and running_total(sentence.text, paragraph.text, local, end)


# What says a sum comes from several senders the sentence does not name: "from its allies", "from
# Western partners", "from the West", "from dozens of countries".
POOLED = re.compile(
    r"""\bfrom\s+(?:(?:its|their|the|his|her|western|foreign|international|other|dozens\ of|some|more\ than\ \d+)\s+)*
        (?:allies|partners|backers|donors|supporters|countries|nations|states|the\ west)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _foreign(context: Context, transfer: Transfer, quantity: Quantity | None) -> bool:
    """The quantity was read in another sentence that does not name the supplier and names another
    state ("The United States has given Ukraine $60 billion"), or pools the sums of several senders
    ("Ukraine has received $100 billion from its allies"): not this supplier's amount. Only states
    count: a group named beside the parties is often the place or the frame of an announcement ("at
    the NATO summit"), and on the check set counting groups cost a right sum (qty3)."""
    paragraph = context.paragraph_at(quantity.span.start) if quantity is not None and quantity.span else None
    if quantity is None or quantity.span is None or paragraph is None:
        return False
    local = quantity.span.start - paragraph.offset
    sentence = paragraph.sentence_holding(local)
    if sentence is None:
        return False
    named = {m.id for m in paragraph.actors if sentence.start_char <= m.start < sentence.end_char}
    involved = {a.id for a in (transfer.supplier, transfer.recipient, *transfer.via) if a is not None}
    if transfer.supplier is not None and transfer.supplier.id in named:
        return False
    return POOLED.search(sentence.text) is not None or any(is_state_id(i) and i not in involved for i in named)


def _raised(context: Context, quantity: Quantity | None) -> bool:
    """The quantity is what a total is raised to beside a new package ("bringing its total to $44
    billion"; totals.raised_to), not a total the sentence tells alone ("31 tanks so far")."""
    paragraph = context.paragraph_at(quantity.span.start) if quantity is not None and quantity.span else None
    if quantity is None or quantity.span is None or paragraph is None:
        return False
    return raised_to(paragraph.text, quantity.span.start - paragraph.offset, quantity.span.end - paragraph.offset)


SUPPLIER_ONLY = 2  # the rank of a sentence that names the supplier alone (see _amounts_elsewhere)


def _worth_elsewhere(context: Context, transfer: Transfer) -> Quantity | None:
    """Last, the money a sentence naming its recipient gives its kind of item ("the maker won a
    $2 billion deal for Oman's purchase of anti-drone systems"), not a supplier's alone."""
    supplier = transfer.supplier.id if transfer.supplier else None
    found = [f for f in _amounts_elsewhere(context, transfer, _money_of) if f[0] < SUPPLIER_ONLY]
    _rank, paragraph, amount = min(found, key=lambda f: f[0], default=(None, None, None))
    return quantity_of(amount, paragraph.offset, supplier) if amount is not None and paragraph is not None else None


def _money_of(paragraph: Paragraph, sentence: SpacySpan, item: Mention) -> Amount | None:
    return _nearest_money(paragraph, sentence, item.start)


def _amounts_elsewhere(
    context: Context, transfer: Transfer, read: AmountReader = amount_for
) -> Iterator[tuple[int, Paragraph, Amount]]:
    """(rank, paragraph, amount) of each sentence naming a party with an amount for the item's kind:
    rank 0 names both parties and no other state, 1 the recipient, 2 the supplier only. A sentence
    that names another state and not the supplier gives no count "to" the recipient: the other
    state may be the one that sends ("Britain sent 14 tanks to Ukraine" is no count of American
    tanks); a sum "for" the recipient may be pooled by several ("allies bought $4bn of arms for
    Ukraine") and stands, unless it comes "from" several unnamed (POOLED: "from its allies")."""
    parties = {a.id for a in (transfer.supplier, transfer.recipient) if a is not None and a.id}
    involved = parties | {a.id for a in transfer.via}
    recipient = transfer.recipient.id if transfer.recipient else None
    for paragraph, sentence, inside, named in _party_sentences(context, parties):
        others = any(is_state_id(i) and i not in involved for i in named)
        rank = 0 if parties <= named and not others else 1 if recipient in named else 2
        unnamed = transfer.supplier is None or transfer.supplier.id not in named
        if unnamed and POOLED.search(sentence.text):
            continue  # the sums of several senders: "$100 billion from its allies"
        amount = _item_amount(paragraph, sentence, inside, transfer, others, others and unnamed, read)
        if amount is not None:
            yield rank, paragraph, amount


def _party_sentences(
    context: Context, parties: set[str]
) -> Iterator[tuple[Paragraph, SpacySpan, list[Mention], set[str]]]:
    """Each parsed sentence that names one of the parties, with its actor and item mentions and the
    ids of the actors it names."""
    for paragraph in context.paragraphs:
        for sentence in paragraph.doc.sents:
            start, end = sentence.start_char, sentence.end_char
            inside = [m for m in paragraph.actors + paragraph.items if start <= m.start < end]
            named = {m.id for m in inside if m.kind != "item"}
            if named & parties:
                yield paragraph, sentence, inside, named


def _item_amount(
    paragraph: Paragraph,
    sentence: SpacySpan,
    inside: list[Mention],
    transfer: Transfer,
    others: bool,
    alien: bool,
    read: AmountReader,
) -> Amount | None:
    """The amount of the sentence's first item of the transfer's kind that gives one; none where that
    is another sender's count (`alien`: another state named, the supplier not)."""
    recipient = transfer.recipient.id if transfer.recipient else None
    for item in (m for m in inside if m.kind == "item" and m.id == transfer.item.category):
        if (
            others
            and not sent_to(paragraph, item, inside, transfer.recipient)
            and not bound_to(paragraph, item, recipient)
        ):
            continue  # another state's arms ("two submarines Dhaka received")
        if told_apart(paragraph, sentence, item, transfer.status):
            continue  # a stock held, or items only asked for ("Kyiv asked for 300 tanks")
        amount = read(paragraph, sentence, item)
        if amount is not None and alien and not amount.is_money and not bound_to(paragraph, item, recipient):
            return None  # another sender's count ("Britain sent 14 tanks to Ukraine": no count of US tanks)
        if amount is not None:
            return amount
    return None
