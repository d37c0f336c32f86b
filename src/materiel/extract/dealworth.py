"""The price the sentence after a transfer's gives it by pointing back at the deal or the aid just
told: "Egypt signed a deal to buy jets from France. The deal is worth $5 billion", "Japan will send
military aid to Ukraine. The aid is worth $300 million", "Its value was put at $300 million"."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from materiel.article import Transfer
from materiel.countries import is_state_id
from materiel.extract.amounts import part_payment
from materiel.extract.civilian import CIVILIAN_AID
from materiel.extract.context import Paragraph
from materiel.extract.latercounts import ELSEWHERE
from materiel.extract.quantities import Amount

# Modifiers that point a deal noun at another deal: "The previous deal", "The 2015 deal"; here
# also "The first deal" (a count's "The first 10" is the batch just told, so latercounts leaves it).
_ELSEWHERE = rf"(?!(?:{ELSEWHERE}|first)\b)"

# A sentence that opens by pointing back at the deal just told and prices it: "The deal is worth
# $5 billion", "This sale, valued at $1.2bn, ...", "The package would be worth about €500 million",
# or by its pronoun: "It is worth $300 million". Not a deal a modifier points elsewhere: "The
# previous deal", "The 2015 deal", "The other sale".
DEAL_WORTH = re.compile(
    rf"""\A\s*(?:(?:the|this|that)\s+
        (?:{_ELSEWHERE}[\w-]+\s+){{0,2}}?
        # The deal, This arms sale, The whole package; not the previous, first or 2015 deal
        (?:deal|sale|contract|agreement|package|purchase|order)
        |it(?=\s|[’']s\b))\s*,?\s*  # It is worth, It's worth, It will be worth
        (?:is|was|will\s+be|would\s+be|has\s+been|could\s+be|[’']s)?\s*  # is worth, valued at
        (?:worth|valued\s+at|priced\s+at|estimated\s+at)\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)


# The same for the aid or the lot just told, which needs no deal in the sentence before: "The aid
# is worth $300 million", "The assistance, worth $300 million, ...", "The shipment is valued at",
# "Its value was put at $300 million", "The total value is $300 million".
# Not aid a modifier makes civilian (civilian.CIVILIAN_AID: "The humanitarian aid is worth", "The
# food deliveries were worth"): that is other aid's price.
AID_WORTH = re.compile(
    rf"""\A\s*(?:(?:the|this|that|these)\s+
        (?:{_ELSEWHERE}[\w-]+\s+){{0,2}}?
        (?P<aid>aid|assistance|donation|shipments?|deliver(?:y|ies)|consignment|transfer|batch|tranche)
        \s*,?\s*(?:is|was|will\s+be|would\s+be|has\s+been|are|were)?\s*  # The aid is worth
        (?:worth|valued\s+at|priced\s+at|estimated\s+at)
        |(?:its|the)\s+(?:(?:total|overall|estimated)\s+)?value\s+  # Its value, The total value
        (?:is|was|will\s+be|stands\s+at|amounts\s+to|(?:is|was)\s+(?:put|estimated|set)\s+at)
        )\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)


# Lemmas that make a sentence tell a deal with a price: a deal noun, or buying and selling.
DEAL_WORDS = {"deal", "contract", "agreement", "order", "purchase", "sale", "package", "buy", "sell", "acquire",
              "procure"}  # fmt: skip


def deal_worth(paragraph: Paragraph, sentence: SpacySpan, after: SpacySpan, transfer: Transfer) -> Amount | None:
    """The price the sentence `after` the transfer's own (`sentence`) gives it by opening on the
    deal (where `sentence` tells one) or on the aid, where neither names a state outside the
    transfer ("Egypt signed a deal to buy Rafale jets from France, and Germany sent tanks to
    Ukraine" leaves the next sentence's price to neither)."""
    if _other_state(paragraph, sentence, transfer) or _other_state(paragraph, after, transfer):
        return None
    money = [a for a in paragraph.amounts if after.start_char <= a.start < after.end_char and a.is_money]
    first = min(money, key=lambda a: a.start, default=None)
    if first is None or part_payment(paragraph.text, first):
        return None
    opening = paragraph.text[after.start_char : first.start]
    deal = DEAL_WORTH.match(opening) is not None and any(t.lemma_.lower() in DEAL_WORDS for t in sentence)
    return first if deal or _military_aid_worth(opening) else None


def _military_aid_worth(opening: str) -> bool:
    """The opening prices the aid or lot just told (AID_WORTH), which no modifier makes civilian."""
    aid = AID_WORTH.match(opening)
    return aid is not None and (aid.start("aid") < 0 or not CIVILIAN_AID.search(opening, 0, aid.start("aid")))


def _other_state(paragraph: Paragraph, sentence: SpacySpan, transfer: Transfer) -> bool:
    involved = {a.id for a in (transfer.supplier, transfer.recipient, *transfer.via) if a is not None}
    inside = [m for m in paragraph.actors if sentence.start_char <= m.start < sentence.end_char]
    return any(is_state_id(m.id) and m.id not in involved for m in inside)
