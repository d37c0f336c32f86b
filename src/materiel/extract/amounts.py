"""Which amount an item mention carries: the count before it, or for aid and funding the money
its sentence gives; never a count of another noun ("22 arms makers", "Fifteen countries own").
Counts told after the item's own phrase (a supplier's share, the next sentence's) are in `latercounts`."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.aftercounts import count_after
from materiel.extract.context import Paragraph, mention_token
from materiel.extract.elided import count_left_out
from materiel.extract.lexicon import Mention
from materiel.extract.lookback import ends_before
from materiel.extract.othersums import civilian_sum, told_of_party
from materiel.extract.partitives import fraction_count, fraction_of, part_count, partitive_whole
from materiel.extract.quantities import Amount
from materiel.extract.totals import besides_totals

# Words between a count and its item ("10 Strv 122 tanks", "31 M1 Abrams tanks").
MAX_GAP_WORDS = 4
YEAR = re.compile(r"^(?:19|20)\d{2}$")


def mention_head(paragraph: Paragraph, mention: Mention) -> Token | None:
    """The noun an item mention stands on ("Stinger missiles": missiles)."""
    token = mention_token(paragraph, mention)
    return syntax.compound_head(token) if token is not None else None


# Aid and funding are worth money, not a number of items: a bare number before them is a sum
# written without its currency only from a million up ("billions in aid"); below it counts something
# else ("two funding channels", "three aid packages").
MIN_UNPRICED_SUM = 1_000_000


def amount_for(paragraph: Paragraph, sentence: SpacySpan, item: Mention) -> Amount | None:
    amounts = [a for a in paragraph.amounts if sentence.start_char <= a.start < sentence.end_char]
    amounts = [a for a in amounts if not told_of_party(paragraph, a, item) and not civilian_sum(paragraph.text, a)]
    if item.id in ("unspecified", "funding"):
        money = besides_totals(paragraph.text, [a for a in amounts if a.is_money])
        if money:
            return min(money, key=lambda a: abs(a.start - item.start))
        amounts = [a for a in amounts if (a.low or 0) >= MIN_UNPRICED_SUM]  # "sent billions in aid"
    if _modifies_another_noun(paragraph, item) or _held(paragraph, item):
        return None  # "22 arms makers": the count is the makers'; "which owns 300 tanks": a stock
    whole = partitive_whole(paragraph, item)
    if whole is not None:
        return part_count(amounts, whole)  # "Of its 40 jets, Sweden sent 10": 10, not 40
    share = fraction_of(paragraph, item)
    if share is not None:
        return fraction_count(amounts, share, mention_head(paragraph, item) or share)  # "half of its 40": 20
    counts = [a for a in amounts if not a.is_money and a.end <= item.start and _counts(paragraph, a, item)]
    counts = [
        a for a in counts if not _counts_another_noun(paragraph, a, item) and not _item_between(paragraph, a, item)
    ]
    if counts:
        return _with_elided(paragraph, counts[0], amounts, item)
    return (
        _adverbial_count(paragraph, amounts, item)
        or _numbering(paragraph, amounts, item)
        or count_after(paragraph, sentence, amounts, item)
        or count_left_out(paragraph, sentence, amounts, item)
    )


# Verbs whose object, in any clause, is a stock that describes its holder, not items that move:
# "15 countries that own 2,000 Leopards", "Germany, which has 300 tanks, sent 18", "Poland operates
# 250 Abrams and has sent 60 T-72s" (the auxiliary "has sent" is no verb of holding).
STOCK_VERBS = {"own", "possess", "operate", "have", "hold", "field"}


# Cue kinds that move items: a sentence with one tells a transfer beside a stock it names.
MOVING = {"transfer", "receive"}


# Pronouns by which a transfer verb moves the stock named before it ("operated 13 jets before it
# handed them over"): that stock's count is the transfer's.
BACK_OBJECTS = {"them", "it", "these", "those", "all"}


def _moves_them(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in BACK_OBJECTS for c in verb.children)


# Verbs whose object, in any clause, is a number wanted, not items that move: "an operation would
# require 35 transport jets", "Ukraine needs 300 tanks".
NEED_VERBS = {"require", "need"}


def _held(paragraph: Paragraph, item: Mention) -> bool:
    """The item is a stock its holder has ("which owns 300 tanks") or a number wanted ("needs 300 tanks")."""
    token = mention_head(paragraph, item)
    verb = token.head if token is not None else None
    if verb is None or token.dep_ != "dobj":
        return False
    lemma = verb.lemma_.lower()
    if lemma in STOCK_VERBS and verb.dep_ == "relcl":
        return True  # "15 countries that own 2,000 Leopards"
    # a stock beside a transfer told in the sentence ("operates 250 Abrams and has sent 60 T-72s";
    # not "has 14 tanks ready to send"); alone, a recipient's stock of foreign items may be what it
    # got ("Ukraine operates 20 German tanks")
    stock = lemma in STOCK_VERBS and not syntax.moved_on(token)
    stock = stock and any(syntax.cue_kind(t) in MOVING and not _moves_them(t) for t in token.sent)
    return verb.pos_ == "VERB" and (stock or lemma in NEED_VERBS)


# A count given right after the item by a verb of number: "shells numbering 300,000", "drones,
# totalling 400".
NUMBERING = re.compile(
    r"""\A\s*,?\s*(?:numbering    # shells numbering 300,000
        |totall?ing               # drones totalling 400, totaling 400
        |to\ the\ tune\ of        # missiles to the tune of 500
        )\s+(?:some\s+|about\s+|more\ than\s+|over\s+)?\Z""",
    re.IGNORECASE | re.VERBOSE,
)


def _numbering(paragraph: Paragraph, amounts: list[Amount], item: Mention) -> Amount | None:
    after = [a for a in amounts if a.start >= item.end and not a.is_money]
    if after and NUMBERING.match(paragraph.text[item.end : after[0].start]):
        return after[0]
    return None


def _with_elided(paragraph: Paragraph, count: Amount, amounts: list[Amount], item: Mention) -> Amount:
    """A count joined to the item's by "and" with the noun left out is more of the same item:
    "24 F-18 jets of the Super Hornet type and 12 of the Growler type" are 36 jets."""
    token = mention_token(paragraph, item)
    elided = [a for a in amounts if a.start > item.end and not a.is_money and _conj_of(paragraph, a, token)]
    if not elided or count.low is None or count.high is None or any(a.low is None or a.high is None for a in elided):
        return count
    low = count.low + sum(a.low for a in elided if a.low is not None)
    high = count.high + sum(a.high for a in elided if a.high is not None)
    end = elided[-1].end
    return Amount(paragraph.text[count.start : end], low, high, None, count.start, end)


def _conj_of(paragraph: Paragraph, amount: Amount, noun: Token | None) -> bool:
    """The amount is a bare number conjoined to the item's noun ("jets ... and 15")."""
    span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    return (
        noun is not None
        and span is not None
        and span.root.pos_ == "NUM"
        and span.root.dep_ == "conj"
        and span.root.head == noun
    )


# A vague amount said of the item after it, as a manner: "provided Javelins by the thousands",
# "drones arrived in their hundreds".
ADVERBIAL = re.compile(
    r"""\b(?:by|in)\s+   # by the thousands, in the hundreds
        (?:the|their)\s*  # in their thousands
        \Z""",
    re.IGNORECASE | re.VERBOSE,
)
ADVERBIAL_WORDS = 2  # the most words it spans: "in their"


def _adverbial_count(paragraph: Paragraph, amounts: list[Amount], item: Mention) -> Amount | None:
    for amount in (a for a in amounts if a.start >= item.end and not a.is_money):
        between = [m for m in paragraph.items if item.end <= m.start < amount.start]
        shared = between and SHARED.search(paragraph.text, between[-1].end, amount.start) is not None
        if (
            (not between or shared)
            and ends_before(ADVERBIAL, paragraph.text, amount.start, ADVERBIAL_WORDS)
            and _of_a_move(paragraph, amount)
        ):
            return amount
    return None


# A clause said of every item listed before it: "Stingers and Javelins, both of which Washington
# sent by the thousands".
SHARED = re.compile(r"\b(?:both|all|each)\s+of\s+which\b", re.IGNORECASE)


# What the verb that "by the thousands" hangs from must do: move the item, not train or die.
MOVE_CUES = {"transfer", "receive"}


def _of_a_move(paragraph: Paragraph, amount: Amount) -> bool:
    """'by the thousands' tells how the item moved: its preposition hangs from a verb that sends or
    receives (not "soldiers trained by the thousands")."""
    span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    preposition = span.root.head if span is not None else None
    return (
        preposition is not None
        and preposition.dep_ in ("prep", "agent")  # the parser may read "by the" as a passive's agent
        and syntax.cue_kind(preposition.head) in MOVE_CUES
    )


# What joins two items of a list ("100 drones and 500 missiles", "drones as well as 500 missiles").
LIST_JOIN = re.compile(
    r"""\b(?:and     # 100 drones and 500 missiles
        |or           # 10 tanks or 20 howitzers
        |plus         # 12 jets plus 30 missiles
        |as\ well\ as  # 40 trucks as well as 10 radars
        )\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _item_between(paragraph: Paragraph, amount: Amount, item: Mention) -> bool:
    """In a list each count is its own item's: "100 drones and 500 missiles" gives the missiles 500,
    not the drones' 100."""
    return any(
        amount.end <= m.start and m.end <= item.start and LIST_JOIN.search(paragraph.text, m.end, item.start)
        for m in paragraph.items
    )


def _counts_another_noun(paragraph: Paragraph, amount: Amount, item: Mention) -> bool:
    """'Fifteen countries own Leopards': the number counts the noun it modifies, not the item; so
    too the noun the item is listed after ("100 troops and Challenger tanks": the troops')."""
    span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    token = mention_token(paragraph, item)
    if span is None or token is None or span.root.dep_ != "nummod":
        return False
    counted = span.root.head
    return (
        counted.pos_ == "NOUN"
        and not (item.start <= counted.idx < item.end)
        and (counted != token.head or token.dep_ == "conj")
        and not _unit_of(counted, token)
    )


# Nouns that count pieces of the item named after "of": "two batteries of Patriot missiles" are two
# Patriot batteries, as the gold counts "a Patriot battery" as one (GUIDE.md is silent on units);
# "500 pieces of body armour", "200 items of equipment" count the item itself; so do the formations
# jets and air defence come in ("two squadrons of Rafales", "two battalions of S-300s", "a regiment").
UNIT_NOUNS = {"battery", "unit", "set", "piece", "item"}  # two batteries, three units, two sets of NASAMS
UNIT_NOUNS |= {"squadron", "battalion", "regiment"}


def _unit_of(counted: Token, item: Token) -> bool:
    item = syntax.compound_head(item)  # "units of the IRIS-T system": system
    preposition = item.head
    return counted.lemma_.lower() in UNIT_NOUNS and preposition.lower_ == "of" and preposition.head == counted


# Nouns an item names the trade of ("22 arms makers", "three arms deals"), its users or what serves
# it ("12 F-16 pilots", "two submarine bases"): a count before them counts them, not the items.
NOT_ITEM_HEADS = {
    "maker", "manufacturer", "producer", "company", "firm", "dealer", "trader", "broker",  # who trade
    "exporter", "importer", "supplier", "contractor", "factory", "plant", "industry",
    "deal", "contract", "licence", "license", "embargo", "program", "programme",  # what governs the trade
    "pilot", "crew", "operator", "instructor", "technician", "mechanic",  # who use it ("12 F-16 pilots")
    "base", "basis", "technology", "simulator",  # what serves it ("two submarine bases", lemmatised "basis")
}  # fmt: skip


def _modifies_another_noun(paragraph: Paragraph, item: Mention) -> bool:
    token = mention_token(paragraph, item)
    return (
        token is not None
        and token.dep_ == "compound"
        and token.head.idx >= item.end
        and token.head.lemma_.lower() in NOT_ITEM_HEADS
    )


# What parts a count from its item: a bracket, a semicolon, or a comma or full stop that is no
# digit group's ("14,000 MK-84 2,000-pound bombs" keeps its 14,000).
GAP_BREAK = re.compile(r"[;()]|[,.](?!\d)")


def _counts(paragraph: Paragraph, amount: Amount, item: Mention) -> bool:
    text = paragraph.text
    gap = text[amount.end : item.start]
    return (
        len(gap.split()) <= MAX_GAP_WORDS
        and not GAP_BREAK.search(gap)
        and not _designation(paragraph, amount)
        and not YEAR.match(amount.text)
    )


# Marks after a capitalised word that end its name: a count after them opens the next phrase.
LIST_MARKS = set(",;:")


def _designation(paragraph: Paragraph, amount: Amount) -> bool:
    """A bare number after a capitalised word is part of a name ("Leopard 2", "Patriot 3"), unless
    that word is an actor the items go to ("sent Ukraine 20 howitzers")."""
    before = paragraph.text[max(0, amount.start - 30) : amount.start].split()
    if (
        not before
        or not before[-1][:1].isupper()
        or before[-1][-1] in LIST_MARKS  # "38 HIMARS, 20 Mi-17 helicopters": a list's next count
        or amount.text[:1].isalpha()
        or _after_function_word(paragraph, amount)
    ):
        return False
    return not any(paragraph.text[m.end : amount.start].isspace() for m in paragraph.actors)


# Parts of speech of a capitalised word that opens a sentence before a count and names nothing:
# "The 14 tanks", "All 31 Abrams", "Another 20 howitzers", "Its 13 jets".
FUNCTION_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "ADV", "PART"}


def _after_function_word(paragraph: Paragraph, amount: Amount) -> bool:
    span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    return span is not None and span.start > 0 and _not_a_name(paragraph.doc[span.start - 1])


# Tags of a finite verb or a participle: a headline's capitals give its verb ("Germany Sends 18
# Tanks", "Kyiv Received 31 Abrams"), which names nothing; a base form only with its "To" or "Will"
# ("US To Deliver 31 Tanks"), as "Harpoon Block 2" is a name.
FINITE_TAGS = {"VBZ", "VBD", "VBN"}


def _not_a_name(word: Token) -> bool:
    """The capitalised word before a count is a function word or a headline's verb."""
    if word.pos_ in FUNCTION_POS:
        return True
    verb = word.pos_ in ("VERB", "AUX")
    return verb and (word.tag_ in FINITE_TAGS or (word.tag_ == "VB" and any(c.dep_ == "aux" for c in word.children)))


# A sum paid towards a price is a part of it, not what the items are worth: "paid a $194 million
# installment on the submarines", "a down payment of $50 million".
PAYMENT_PART = r"(?:installment|instalment|down[\s-]payment|deposit|advance\s+payment)"
PART_AFTER = re.compile(rf"\A\s+{PAYMENT_PART}\b", re.IGNORECASE)  # $194 million installment
PART_BEFORE = re.compile(rf"\b{PAYMENT_PART}s?\s+of\s+\Z", re.IGNORECASE)  # a deposit of $5 million


# A sum that is the price of one item, not of all the items: "jets at $120 million apiece", "€500
# million each", "$2 million per missile", "a unit price of $4 million"; a sum "per year" or "per
# cent" is a rate, which GUIDE.md counts as the sum.
UNIT_PRICE_AFTER = re.compile(
    r"""\A\s*(?:each|apiece                        # $120 million each, apiece
        |a\s+(?:piece|unit)                          # $3 million a piece, a unit
        |per\s+(?!(?:cent|year|annum|month|week|day|quarter)\b)[a-z-]+  # $2 million per missile, not per year
        )\b""",
    re.IGNORECASE | re.VERBOSE,
)
UNIT_PRICE_BEFORE = re.compile(
    r"""\b(?:unit\s+(?:price|cost)              # a unit price of $4 million
        |(?:price|cost)\s+per\s+[a-z-]+          # a cost per jet of $80 million
        |each\s+(?!(?:year|month|week|day|time)\b)  # each jet costs $80 million, not "each year"
            [^.;,]{0,30}?\b(?:costs?|costing|priced\s+at|is\s+worth|sells?\s+for)
        )\s+(?:of\s+)?\Z""",
    re.IGNORECASE | re.VERBOSE,
)


def part_payment(text: str, amount: Amount) -> bool:
    """The amount is a part of the price: an installment, a down payment or a deposit, or the price
    of one item ("at $120 million apiece")."""
    return bool(
        PART_AFTER.match(text[amount.end :])
        or PART_BEFORE.search(text[: amount.start])
        or UNIT_PRICE_AFTER.match(text[amount.end :])
        or UNIT_PRICE_BEFORE.search(text[: amount.start])
    )


# What introduces the parts of a whole: a sum before it is the whole's, not one part's.
PARTS_FOLLOW = re.compile(
    r"""\b(?:including   # $38 billion in investments including ... air defense
        |includes?         # a $2 billion package that includes tanks
        |such\ as          # $5 billion of equipment such as radars
        )\b""",
    re.IGNORECASE | re.VERBOSE,
)


# What tells that the item after it is one part of a whole priced after: "Harpoon missiles as part
# of a $1 billion deal", "a frigate as part of a 5 billion euro contract for jets".
PART_OF = re.compile(r"\bas\s+(?:a\s+)?part\s+of\b", re.IGNORECASE)


def prices_whole(text: str, amount: Amount, item: Mention) -> bool:
    """The sum prices a whole the item is only listed in: "listing more than $38 billion in possible
    investments including ... air defense and coastal security", "missiles as part of a $2.5
    billion package"."""
    if amount.end <= item.start:
        return PARTS_FOLLOW.search(text, amount.end, item.start) is not None
    return PART_OF.search(text, item.end, amount.start) is not None
