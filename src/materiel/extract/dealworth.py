"""The price the sentence after a transfer's gives it by pointing back at the deal or the aid just
told: "Egypt signed a deal to buy jets from France. The deal is worth $5 billion", "Japan will send
military aid to Ukraine. The aid is worth $300 million", "Its value was put at $300 million", "The
$5 billion deal angered Washington" (the price before the noun), "The purchase will cost $8
billion"."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from materiel.article import Transfer
from materiel.countries import is_state_id
from materiel.extract.amounts import part_payment
from materiel.extract.civilian import CIVILIAN_AID
from materiel.extract.context import Context, Paragraph, left_out
from materiel.extract.latercounts import ELSEWHERE, next_sentence
from materiel.extract.quantities import Amount, find_amounts
from materiel.extract.singular import NOT_COUNTED

# Modifiers that point a deal noun at another deal: "The previous deal", "The 2015 deal"; here
# also "The first deal" (a count's "The first 10" is the batch just told, so latercounts leaves it).
_ELSEWHERE = rf"(?!(?:{ELSEWHERE}|first)\b)"

# What prices the noun before it: a copula or a hedge, then "worth" or a verb of price ("The deal
# is worth", "The aid, valued at", "is said to be worth", "The purchase will cost", "The package
# totals", "The contract amounts to").
_PRICED = r"""(?:
    (?:is|was|will\s+be|would\s+be|has\s+been|could\s+be|are|were|[’']s)?\s*  # is, will be, 's
    (?:(?:reportedly|reported\ to\ be|said\ to\ be|estimated\ to\ be|expected\ to\ be
        |believed\ to\ be|thought\ to\ be)\s+)?  # a hedge: is said to be worth
    (?:worth|valued\s+at|priced\s+at|estimated\s+at|put\s+at)  # worth, valued at
    |(?:will\s+|would\s+|could\s+)?(?:costs?|costing|totals?|totall?ed|totall?ing)  # will cost, totals
    |(?:will\s+|would\s+)?(?:amounts?|amounted|comes|came)\s+to  # amounts to, came to
    )"""


# A sentence that opens by pointing back at the deal just told and prices it: "The deal is worth
# $5 billion", "This sale, valued at $1.2bn, ...", "The package would be worth about €500 million",
# or by its pronoun: "It is worth $300 million". Not a deal a modifier points elsewhere: "The
# previous deal", "The 2015 deal", "The other sale".
DEAL_WORTH = re.compile(
    rf"""\A\s*(?:(?:the|this|that)\s+
        (?:{_ELSEWHERE}[\w-]+\s+){{0,2}}?
        # The deal, This arms sale, The whole package; not the previous, first or 2015 deal
        (?P<noun>deal|sale|contract|agreement|package|purchase|order)
        |it(?=\s|[’']s\b))\s*,?\s*  # It is worth, It's worth, It will be worth
        {_PRICED}\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)


# The same for the aid or the lot just told, which needs no deal in the sentence before: "The aid
# is worth $300 million", "The assistance, worth $300 million, ...", "The shipment is valued at",
# "Its value was put at $300 million", "The total value is $300 million", "The estimated total cost is
# $825 million" (as arms-sale notices price the sale just told).
# Not aid a modifier makes civilian (civilian.CIVILIAN_AID: "The humanitarian aid is worth", "The
# food deliveries were worth"): that is other aid's price.
AID_WORTH = re.compile(
    rf"""\A\s*(?:(?:the|this|that|these)\s+
        (?:{_ELSEWHERE}[\w-]+\s+){{0,2}}?
        (?P<aid>aid|assistance|donation|shipments?|deliver(?:y|ies)|consignment|transfer|batch|tranche)
        \s*,?\s*{_PRICED}
        |(?:its|the)\s+
        (?:(?:(?:total|overall|estimated)\s+){{0,2}}value         # Its value, The total value
          |(?:(?:total|overall|estimated)\s+){{1,2}}(?:cost|case\s+value)  # as arms-sale notices write it:
        )\s+  # "The estimated total cost is"; not a bare "Its cost was", which may be a lifetime's
        (?:is|was|will\s+be|stands\s+at|amounts\s+to|(?:is|was)\s+(?:put|estimated|set)\s+at)
        )\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)


# Lemmas that make a sentence tell a deal with a price: a deal noun, or buying and selling; or a
# verb of supply that trade uses, whose deal "The contract" then names ("Seoul will supply howitzers
# to Romania. The contract is worth 1 trillion won"; qty17). Not "send", "give" or "provide", which
# tell gifts as often: "Germany sent tanks to Ukraine. The deal is worth $4.5 billion" prices no gift.
DEAL_WORDS = {"deal", "contract", "agreement", "order", "purchase", "sale", "package", "buy", "sell", "acquire",
              "procure", "supply", "deliver", "export"}  # fmt: skip


# The price written before a deal or aid noun that opens the sentence by pointing back at it: "The
# $5 billion deal angered Washington", "This €500m package includes shells", "The new $300
# million aid package"; not "The previous $1 billion deal" nor "The 2015 $1 billion deal".
PRICE_BEFORE = re.compile(rf"\A\s*(?:the|this|that)\s+(?:{_ELSEWHERE}[\w-]+\s+)?\Z", re.IGNORECASE)
PRICED_NOUN = re.compile(
    rf"""[\s-]*(?:{_ELSEWHERE}[\w-]+\s+){{0,2}}?  # $300 million military aid package
        (?:(?P<deal>deal|sale|contract|agreement|purchase|order)  # a deal: told in the sentence before
        |(?P<aid>package|aid|assistance|donation|tranche))\b  # aid: an aid transfer's own""",
    re.IGNORECASE | re.VERBOSE,
)


def deal_worth(
    paragraph: Paragraph, sentence: SpacySpan, there: Paragraph, after: SpacySpan, transfer: Transfer
) -> Amount | None:
    """The price the sentence `after` the transfer's own (`sentence`; `after` may open the next
    paragraph, `there`) gives it by opening on the deal (where `sentence` tells one) or on the aid,
    where neither names a state outside the transfer ("Egypt signed a deal to buy Rafale jets from
    France, and Germany sent tanks to Ukraine" leaves the next sentence's price to neither). A
    package is the aid itself only for a transfer of aid or funding: for an item it is a sum the
    item is one part of."""
    if _other_state(paragraph, sentence, transfer) or _other_state(there, after, transfer):
        return None
    money = [a for a in there.amounts if after.start_char <= a.start < after.end_char and a.is_money]
    first = min(money, key=lambda a: a.start, default=None)
    if first is None or part_payment(there.text, first):
        return None
    opening = there.text[after.start_char : first.start]
    told = any(t.lemma_.lower() in DEAL_WORDS for t in sentence)
    aid = transfer.item.category in NOT_COUNTED
    deal = DEAL_WORTH.match(opening)
    priced = deal is not None and (told or (aid and (deal.group("noun") or "").lower() == "package"))
    before = _priced_after(there.text, opening, first, told, aid)
    return first if priced or before or _military_aid_worth(opening) or _priced_later(opening, told, aid) else None


def _priced_after(text: str, opening: str, amount: Amount, told: bool, aid: bool) -> bool:
    """The sentence opens "The <price> deal" (after a sentence that `told` a deal) or "The <price>
    package" or aid (for an `aid` transfer), with no modifier making the aid civilian."""
    noun = PRICED_NOUN.match(text, amount.end)
    if PRICE_BEFORE.match(opening) is None or noun is None:
        return False
    if noun.group("deal"):
        return told
    return aid and not CIVILIAN_AID.search(text[amount.end : noun.start("aid")])


# A deal or aid the sentence points back at anywhere before its sum, with a word of price right
# before the sum: "The deal, which also covers training, is worth", "According to officials, the
# deal is worth", "The value of the contract was put at", "Under the deal, Cairo will pay", "The
# deal will cost Cairo", "The deal has a value of". Not a deal a modifier points elsewhere ("the
# previous deal", "the 2015 contract").
POINTED = re.compile(
    rf"""\b(?<!rest\sof\s)(?<!part\sof\s)(?<!half\sof\s)(?<!balance\sof\s)(?<!portion\sof\s)(?<!remainder\sof\s)
        (?:the|this|that)\s+  # not a part of it: "The rest of the deal is worth"
        (?:{_ELSEWHERE}[\w-]+\s+){{0,2}}?
        (?:(?P<deal>deal|sale|contract|agreement|purchase|order)  # a deal: told in the sentence before
        |(?P<aid>package|aid|assistance))\b  # aid: an aid transfer's own""",
    re.IGNORECASE | re.VERBOSE,
)
PRICE_END = re.compile(
    r"""\b(?:worth|valued\s+at|value\s+of|priced\s+at|estimated\s+at|put\s+at  # worth, valued at
        |costs?(?:\s+[A-Z][\w-]*)?|costing  # will cost, will cost Cairo
        |pay|pays|paid|totals?|totall?ed|totall?ing|amounts?\s+to|amounted\s+to  # will pay, totals
        )\s+\Z""",
    re.VERBOSE,
)
VALUE_IS = re.compile(r"\bvalue\b.*\b(?:is|was|stands\s+at|stood\s+at)\s+\Z", re.IGNORECASE)  # The value of it is


def _priced_later(opening: str, told: bool, aid: bool) -> bool:
    """The sentence points back at the deal (after a sentence that `told` one) or at the aid (for an
    `aid` transfer, no modifier making it civilian) before its sum, and prices it right before the sum."""
    pointed = POINTED.search(opening)
    if pointed is None or not (PRICE_END.search(opening) or VALUE_IS.search(opening)):
        return False
    if pointed.group("deal"):
        return told
    return aid and not CIVILIAN_AID.search(opening[: pointed.start("aid")])


# How far into a paragraph the gate left out its opening sum may stand ("The deal, signed in
# Moscow after two years of talks, is worth $5 billion"): a sentence's length.
PRICE_REACH = 200


def following_sentence(context: Context, paragraph: Paragraph, local: int) -> tuple[Paragraph, SpacySpan] | None:
    """(paragraph, sentence) of the sentence after the one at `local` (latercounts.next_sentence);
    where the paragraph right after names no materiel (the gate left it out) and opens by
    pointing back with a sum in its first words ("The deal is worth $5 billion."), its first."""
    found = next_sentence(context, paragraph, local)
    if found is not None:
        return found
    end = paragraph.offset + len(paragraph.text)
    after = next((o for o, _ in context.article.paragraphs() if o >= end), None)
    if after is None or context.article.text[end:after].strip():
        return None
    parsed = left_out(context, _opens_on_price, {after})
    return (parsed[0], next(iter(parsed[0].doc.sents))) if parsed else None


def _opens_on_price(text: str) -> bool:
    """The paragraph opens by pointing back ("The", "This", "It") and names a sum early on."""
    pointing = re.match(r"\s*(?:the|this|that|these|its?)\b", text, re.IGNORECASE) is not None
    return pointing and any(a.is_money for a in find_amounts(text[:PRICE_REACH]))


def _military_aid_worth(opening: str) -> bool:
    """The opening prices the aid or lot just told (AID_WORTH), which no modifier makes civilian."""
    aid = AID_WORTH.match(opening)
    return aid is not None and (aid.start("aid") < 0 or not CIVILIAN_AID.search(opening, 0, aid.start("aid")))


def _other_state(paragraph: Paragraph, sentence: SpacySpan, transfer: Transfer) -> bool:
    involved = {a.id for a in (transfer.supplier, transfer.recipient, *transfer.via) if a is not None}
    inside = [m for m in paragraph.actors if sentence.start_char <= m.start < sentence.end_char]
    return any(is_state_id(m.id) and m.id not in involved for m in inside)


# A deal the item's own sentence points back at: "signed the third-stage deal to provide missiles",
# "The deal will provide Poland with missiles"; not one a modifier points elsewhere ("the 2015 deal").
DEAL_AGAIN = re.compile(
    rf"""\b(?:the|this|that)\s+(?:{_ELSEWHERE}[\w-]+\s+){{0,2}}?  # the, this, the third-stage
        (?:deal|contract|agreement|sale|purchase|order)\b  # the deal noun""",
    re.IGNORECASE | re.VERBOSE,
)
# A sum a sentence gives a deal: before the noun ("a 4.2 trillion-won (US$3 billion) contract", "a
# $3 billion deal") or after it ("a contract worth $3 billion", "a deal valued at €2 billion").
DEAL_PRICED_AFTER = re.compile(
    r"""(?:\s*\([^()]{1,40}\))?  # a conversion in brackets: (US$4 billion)
        [\s-]+(?:[\w-]+\s+){0,2}?(?:deal|contract|agreement|sale|purchase|order)\b""",
    re.IGNORECASE | re.VERBOSE,
)
DEAL_PRICED_BEFORE = re.compile(
    r"""\b(?:deal|contract|agreement|sale|purchase|order)\s+
        (?:worth|valued\s+at|priced\s+at)\s+(?:(?:about|some|around|nearly|almost|over|more\s+than)\s+)?\Z""",
    re.IGNORECASE | re.VERBOSE,
)
DEAL_BEFORE_REACH = 60  # characters before a sum read for its deal: "contract valued at more than "


def deal_before(paragraph: Paragraph, sentence: SpacySpan, transfer: Transfer) -> Amount | None:
    """The price of the deal the sentence before told, where the item's own sentence, with no sum
    of its own, points back at it: "A Korean maker signed a 4.2 trillion-won deal with Poland to supply
    rocket launchers. The deal will provide Poland with guided missiles." Neither sentence may name
    a state outside the transfer ("Egypt bought jets for $5 billion. The deal angered Turkey")."""
    sentences = list(paragraph.doc.sents)
    here = sentences.index(sentence) if sentence in sentences else 0
    if here == 0 or not DEAL_AGAIN.search(sentence.text):
        return None
    before = sentences[here - 1]
    if any(sentence.start_char <= a.start < sentence.end_char and a.is_money for a in paragraph.amounts):
        return None
    if _other_state(paragraph, sentence, transfer) or _other_state(paragraph, before, transfer):
        return None
    money = [a for a in paragraph.amounts if before.start_char <= a.start < before.end_char and a.is_money]
    priced = [a for a in money if not part_payment(paragraph.text, a) and _prices_deal(paragraph.text, a)]
    return priced[0] if len(priced) == 1 else None


def _prices_deal(text: str, amount: Amount) -> bool:
    after = DEAL_PRICED_AFTER.match(text, amount.end) is not None
    return after or DEAL_PRICED_BEFORE.search(text, max(0, amount.start - DEAL_BEFORE_REACH), amount.start) is not None
