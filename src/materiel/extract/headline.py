"""The count a headline gives a transfer's items when the body names them again without it:
"Germany to send 18 tanks to Ukraine" over "Berlin confirmed the delivery of Leopard tanks"."""

from __future__ import annotations

from materiel.article import Quantity, Transfer
from materiel.countries import is_state_id
from materiel.extract.amounts import amount_for, part_payment
from materiel.extract.context import Context, Paragraph
from materiel.extract.quantities import Amount, crown_currency, find_amounts
from materiel.extract.tallies import told_apart
from materiel.extract.titles import parsed_title


def headline_count(context: Context, transfer: Transfer) -> Quantity | None:
    """The amount the headline gives the transfer's kind of item, where the headline names both its
    parties and no other state, and tells no stock or mere wish ("Kyiv asks for 300 tanks"). One
    party is not enough: "Ukraine gets 31 Abrams" is no count of German tanks, and "German arms
    exports hit 5 billion euros" no sum of one buyer's."""
    title = context.article.title
    if not title or not find_amounts(title):
        return None
    paragraph = parsed_title(title, context.year)
    named = {m.id for m in paragraph.actors}
    parties = {a.id for a in (transfer.supplier, transfer.recipient) if a is not None and a.id}
    involved = parties | {a.id for a in transfer.via}
    if len(parties) < 2 or not parties <= named or any(is_state_id(i) and i not in involved for i in named):
        return None
    sentence = paragraph.doc[:]
    supplier = transfer.supplier.id if transfer.supplier else None
    for item in (m for m in paragraph.items if m.id == transfer.item.category):
        if told_apart(paragraph, sentence, item, transfer.status):
            continue
        amount = amount_for(paragraph, sentence, item) or _price(paragraph, transfer.item.category)
        if amount is not None:
            return Quantity(amount.text, amount.low, amount.high, crown_currency(amount.unit, supplier))
    return None


def _price(paragraph: Paragraph, category: str) -> Amount | None:
    """The headline's one sum, where all the items it names are of the transfer's kind: "Seoul signs
    $5.8bn tank deal with Warsaw" prices the tanks; "$2bn deal for jets and tanks" prices neither."""
    money = [a for a in paragraph.amounts if a.is_money]
    if len(money) != 1 or {m.id for m in paragraph.items} != {category} or part_payment(paragraph.text, money[0]):
        return None
    return money[0]
