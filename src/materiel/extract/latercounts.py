"""Counts told of an item after its own phrase: the share a later part of its sentence gives one of
several suppliers ("200 tanks, including 80 from Germany"), or the count the next sentence gives it
by pointing back ("31 of them", "The 14 tanks arrive in March")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.countries import is_state_id
from materiel.extract import syntax
from materiel.extract.aftercounts import batch_total
from materiel.extract.amounts import amount_for, mention_head
from materiel.extract.context import Context, Paragraph
from materiel.extract.partitives import MOVING, partitive_whole
from materiel.extract.quantities import Amount

if TYPE_CHECKING:
    from materiel.extract.lexicon import Mention

# A count given after the item to one of several suppliers: "200 tanks from its allies, including
# 80 from Germany", "60 jets, of which 24 from the Netherlands", "a fleet of 26 jets, including 10
# sold to it by Russia": that supplier's share.
SHARE_OPENS = re.compile(r"(?:\bincluding|\bof\ which|\bamong\ them)\s*\Z", re.IGNORECASE | re.VERBOSE)
SHARE_FROM = re.compile(
    r"""\A\s+(?:[\w-]+\s+){0,2}?  # 80 Leopards from, 24 of them from
        (?:(?:were\s+|was\s+)?(?:sold|supplied|delivered|donated|given|transferred)\s+  # 10 jets sold ... by
            (?:to\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s+)?  # ... to the PRC by, to it by
            (?:in\s+\d{4}\s+)?  # ... in 2013 by
        )?
        (?:from|by)\s+(?:the\s+)?\Z""",
    re.IGNORECASE | re.VERBOSE,
)


# The same share told of one of several recipients: "drones sold to 30 countries, including 50 to
# Ukraine", "jets for its allies, of which 24 went to Poland".
SHARE_TO = re.compile(
    r"""\A\s+(?:[\w-]+\s+){0,2}?  # 50 drones to, 24 of them to
        (?:(?:were\s+|was\s+)?(?:sold|sent|supplied|delivered|donated|given|transferred|went|going)\s+)?  # 24 went to
        to\s+(?:the\s+)?\Z""",
    re.IGNORECASE | re.VERBOSE,
)


# The same share of a sum: "a $95 billion package, including $61 billion for Ukraine", "of which
# €5 billion in military aid to Kyiv".
SUM_TO = re.compile(
    r"""\A\s+(?:(?:in|of)\s+(?:[\w-]+\s+){0,3}?)?  # $61 billion in military aid for, of it to
        (?:for|to)\s+(?:the\s+)?\Z""",
    re.IGNORECASE | re.VERBOSE,
)


def recipient_sum(paragraph: Paragraph, item_start: int, recipient: str | None) -> Amount | None:
    """The sum the sentence of an item (paragraph offset) gives its recipient after it, as a part of
    a whole: "a $95 billion package, including $61 billion for Ukraine"."""
    return _share(paragraph, item_start, recipient, SUM_TO, money=True)


def supplier_share(paragraph: Paragraph, item_start: int, supplier: str | None) -> Amount | None:
    """The count the sentence of an item (paragraph offset) gives its supplier after it."""
    return _share(paragraph, item_start, supplier, SHARE_FROM)


def recipient_share(paragraph: Paragraph, item_start: int, recipient: str | None) -> Amount | None:
    """The count the sentence of an item (paragraph offset) gives its recipient after it."""
    return _share(paragraph, item_start, recipient, SHARE_TO)


def _share(
    paragraph: Paragraph, item_start: int, actor: str | None, joins: re.Pattern[str], money: bool = False
) -> Amount | None:
    """A count (a sum where `money`) after "including" whose words up to the actor match `joins`;
    or a count in a list of shares set off by a comma ("60 tanks, 40 from Poland and 20 from
    Slovakia"), each share told of the party after it."""
    sentence = paragraph.sentence_holding(item_start)
    if sentence is None or actor is None:
        return None
    text = paragraph.text
    named = [m for m in paragraph.actors if m.id == actor and item_start < m.start < sentence.end_char]
    parties = [m for m in paragraph.actors if item_start < m.start < sentence.end_char]
    chained = -1  # where the last share of a list set off by a comma ends ("40 from Poland")
    for amount in (a for a in paragraph.amounts if item_start < a.start < sentence.end_char and a.is_money == money):
        opened = SHARE_OPENS.search(text, 0, amount.start) is not None
        if opened and any(joins.match(text[amount.end : m.start]) for m in named if m.start > amount.end):
            return amount
        whose = next((m for m in parties if m.start > amount.end and joins.match(text[amount.end : m.start])), None)
        listed = SET_OFF.search(text, 0, amount.start) is not None or (
            chained >= 0 and NEXT_SHARE.fullmatch(text, chained, amount.start) is not None
        )
        if money or whose is None or not listed:
            chained = -1
            continue
        if whose.id == actor:
            return amount
        chained = whose.end
    return None


# A count set off by a comma after the item opens a list of shares ("received 60 tanks, 40 from
# Poland and 20 from Slovakia"); a comma or "and" leads to the next share.
SET_OFF = re.compile(r",\s*\Z")
NEXT_SHARE = re.compile(r"\s*,?\s*(?:and\s+)?")


# A count the next sentence gives the item by pointing back: "Washington will send 31 of them",
# "Eight of the systems arrive in spring", or as a batch's whole: "The batch, 24 in all, arrived".
POINTS_BACK = re.compile(
    r"""\A\s+of\s+(?:them|these|those  # 31 of them
        |the\s+(?:systems|vehicles|weapons|units|platforms|launchers)  # eight of the systems
        )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Words that tell a count is of items lost, not sent: "Two of them were destroyed".
LOSSES = re.compile(r"\b(?:destroy|lost|lose|damag|captur|shot\s+down|knocked\s+out|abandon)", re.IGNORECASE)


def count_next(paragraph: Paragraph, after: SpacySpan, category: str, involved: set[str | None]) -> Amount | None:
    """The count a sentence right after the item's (`after`, in `paragraph`) gives it again, where
    that sentence names no state but the transfer's (`involved`) or a source's ("Seoul said") and
    tells no loss: "31 of them", or
    a count of its kind of item that a determiner points back ("Britain will send Challenger tanks.
    The 14 tanks arrive in March"), not any count of the kind ("Crews have used 14 tanks")."""
    inside = [m for m in paragraph.actors if after.start_char <= m.start < after.end_char]
    others = [m for m in inside if is_state_id(m.id) and m.id not in involved and not _source_only(paragraph, m)]
    if LOSSES.search(after.text) or others:
        return None
    counts = _moving_counts(paragraph, after)
    bare = not any(after.start_char <= m.start < after.end_char for m in paragraph.items)
    back = next((a for a in counts if _counts_back(paragraph, a) or (bare and _elided_subject(paragraph, a))), None)
    items = [m for m in paragraph.items if after.start_char <= m.start < after.end_char and m.id == category]
    found = (amount_for(paragraph, after, m) for m in items)
    of_deal = DEAL_OPENS.match(after.text) is not None and OTHER_DEAL.search(after.text) is None
    told = (a for a in found if a is not None and not a.is_money and (of_deal or _points_back(paragraph.text, a)))
    whole = _whole_told(paragraph, items)
    return (
        whole
        or back
        or next(told, None)
        or _moved_count(paragraph, after, items)
        or _partitive(paragraph, after, items)
    )


def _whole_told(paragraph: Paragraph, items: list[Mention]) -> Amount | None:
    """The whole's own count where the later sentence moves a part of it: "Poland ordered K2 tanks.
    The last 6 of the 180 tanks arrived in June" (180, the lot the order was; in the item's own
    sentence the part is its count, partitives.py); not a part that does not move ("Six of the 300
    tanks in its stock are in working order")."""
    for item in items:
        part = partitive_whole(paragraph, item)
        head = mention_head(paragraph, item) if part is not None and _part_moves(part) else None
        number = next((c for c in head.children if c.dep_ == "nummod"), None) if head is not None else None
        if number is None:
            continue
        whole = [a for a in paragraph.amounts if a.start <= number.idx < a.end and not a.is_money]
        if whole:
            return whole[0]
    return None


def _part_moves(part: Token) -> bool:
    """The part is what a verb of moving takes ("6 of the 180 tanks arrived", "received 60 of the
    180"), or is due ("The last 6 of the 30 jets are due by 2026")."""
    verb = part.head if part.like_num else part
    due = verb.lemma_ == "be" and any(c.lower_ == "due" for c in verb.children)
    return due or syntax.cue_kind(verb) in MOVING


def _moved_count(paragraph: Paragraph, after: SpacySpan, items: list[Mention]) -> Amount | None:
    """The count of an item the sentence moves: the subject of "arrive" ("Six jets arrived on
    Monday") or the passive subject of a verb of transfer ("Fourteen tanks will be delivered by
    spring"); these are the items just told arriving, where "Crews have used 14 tanks" is not."""
    for item in items:
        head = mention_head(paragraph, item)
        kind = syntax.cue_kind(head.head) if head is not None else None
        moved = head is not None and (
            (head.dep_ == "nsubjpass" and kind == "transfer") or (head.dep_ == "nsubj" and kind == "arrive")
        )
        amount = amount_for(paragraph, after, item) if moved else None
        if amount is not None and not amount.is_money:
            return amount
    return None


# A count of the items just told, taken out of them by "of the": "Four of the tanks will leave
# within weeks", "Six of these new jets".
PARTITIVE = re.compile(r"\A\s+of\s+(?:the|these|those)\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)


def _partitive(paragraph: Paragraph, after: SpacySpan, items: list[Mention]) -> Amount | None:
    """A count set before "of the" and an item of the kind ("Four of the tanks")."""
    counts = _moving_counts(paragraph, after)
    text = paragraph.text
    return next((a for a in counts for m in items if m.start > a.end and PARTITIVE.match(text[a.end : m.start])), None)


# Verbs of using the items in war: a count they take (as subject or object) is of the items used,
# not sent: "Iran sent drones to Russia. One of them killed 12 civilians", "Kyiv has fired 20 of them".
USE_VERBS = {"kill", "launch", "fire", "strike", "hit", "attack", "shoot", "use", "crash", "target", "wound"}
USED_AS = {"nsubj", "nsubjpass", "dobj"}


def _moving_counts(paragraph: Paragraph, after: SpacySpan) -> list[Amount]:
    """The counts of a later sentence that may be the items': none a verb of using takes."""
    counts = [a for a in paragraph.amounts if after.start_char <= a.start < after.end_char and not a.is_money]
    return [a for a in counts if not _used(paragraph, a)]


def _used(paragraph: Paragraph, amount: Amount) -> bool:
    span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    token = span.root if span is not None else None
    return token is not None and token.dep_ in USED_AS and token.head.lemma_.lower() in USE_VERBS


# Verbs whose subject tells or reckons what the sentence says, a source and no party: "The
# shipments came to 6 million rounds, Seoul said", "South Korean intelligence estimates the total".
SOURCE_VERBS = {"say", "tell", "report", "estimate", "assess", "state", "note", "add", "claim", "believe"}
# What a state's name may be inside the phrase of its source: "South Korean intelligence", "Seoul's
# spy agency", "the Ukrainian defence ministry".
NAME_IN_PHRASE = {"compound", "amod", "poss", "nmod"}


def _source_only(paragraph: Paragraph, mention: Mention) -> bool:
    """The state is named only as the subject of a verb of saying or reckoning, or inside that
    subject's phrase: a source of the sentence, not another party to the items."""
    span = paragraph.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token.dep_ in NAME_IN_PHRASE and token.head.i != token.i:
        token = token.head
    return token is not None and token.dep_ == "nsubj" and token.head.lemma_.lower() in SOURCE_VERBS


def _counts_back(paragraph: Paragraph, amount: Amount) -> bool:
    """The count points back at the items named before: "31 of them", "The batch, 24 in all", or
    a count whose noun is left out after "the first", "a batch of" ("The first 10 arrive in May",
    "A first batch of 20 has left")."""
    text = paragraph.text
    if POINTS_BACK.match(text[amount.end :]) or batch_total(text, amount) or TOTAL_IS.search(text, 0, amount.start):
        return True
    opened = _points_back(text, amount) or LOT_OF.search(text, 0, amount.start) is not None
    return opened and _noun_left_out(paragraph, amount)


# Kinds of cue whose subject is the items that move: "18 had arrived", "Eight have been delivered".
SUBJECT_MOVES = {"transfer", "receive", "arrive"}
SUBJECTS = {"nsubj", "nsubjpass"}


def _elided_subject(paragraph: Paragraph, amount: Amount) -> bool:
    """A bare count is the subject of a verb that moves or brings items, its noun left out, in a
    sentence that names no item: it counts the items named before ("Germany promised Ukraine
    tanks. By March, 18 had arrived", "Fourteen will arrive by spring")."""
    span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in SUBJECTS or not span.root.like_num:
        return False
    verb = span.root.head
    return syntax.cue_kind(verb) in SUBJECT_MOVES and _noun_left_out(paragraph, amount)


# The total of the items named before, given its count: "estimates the total at more than a
# million rounds", "the tally now stands at 31", "bringing the total to 52".
TOTAL_IS = re.compile(
    r"""\bthe\s+(?:(?:overall|final|total)\s+)?(?:total|tally)\s+  # the total, the overall tally
        (?:(?:now|so\s+far)\s+)?
        (?:at|to|of|is|was|stands\s+at|has\s+reached|reached)\s+\Z  # at, stands at, is""",
    re.IGNORECASE | re.VERBOSE,
)


# A lot of the items named before, its count after "of": "a first batch of 20", "the second
# shipment of 30", "an initial delivery of 12".
LOT_OF = re.compile(
    r"""\b(?:batch|shipment|consignment|delivery|tranche|lot)\s+of\s+\Z  # a (first) batch of 20
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _noun_left_out(paragraph: Paragraph, amount: Amount) -> bool:
    """No noun follows the count: it counts what was named before ("The first 10 will arrive",
    not "The first 10 pilots")."""
    span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None or span.end >= len(paragraph.doc):
        return span is not None
    following = paragraph.doc[span.end]
    return span.root.dep_ != "nummod" and following.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


# A sentence that opens by pointing back at the deal or package just told, whose counts of the
# item are the transfer's: "The contract covers 30 aircraft", "The order is for 36 jets", "This
# package includes 20 Humvees".
# Modifiers that set a deal apart from the one just told: "the previous deal", "the 2015 contract".
ELSEWHERE = r"(?:previous|earlier|last|other|former|prior|original|old|next|\d{4})"
DEAL_NOUNS = r"(?:deal|sale|contract|agreement|package|purchase|order)"
# Nouns of the lot just told, plural or not: "The shipments came to some 6 million rounds", "These
# deliveries included 14 tanks".
LOT_NOUNS = r"(?:shipments?|deliveries|delivery|consignments?|batch(?:es)?|tranches?|transfers?)"
DEAL_OPENS = re.compile(
    rf"""\A\s*(?:the|this|that|these|those)\s+
        (?:(?!{ELSEWHERE}\b)[\w-]+\s+){{0,2}}?
        # The contract, This aid package, These deliveries; not the previous or 2015 deal
        (?:{DEAL_NOUNS}|{LOT_NOUNS})\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Another deal or lot the same sentence names, whose counts are its own: "The deal follows an
# earlier order for 180 tanks", "The contract adds to a 2022 purchase of 48 jets", "These deliveries
# follow an earlier shipment of 40 tanks".
OTHER_DEAL = re.compile(rf"\b{ELSEWHERE}\s+(?:[\w-]+\s+)?(?:{DEAL_NOUNS}s?|{LOT_NOUNS})\b", re.IGNORECASE)


# Determiners that point a count back at items already named: "The 14 tanks arrive in March",
# "All 31 Abrams", "These 10 jets"; not a count of other items of the kind ("Crews have used 14
# tanks").
DEFINITE = re.compile(
    r"""\b(?:the      # the 14 tanks
        |these|those  # these 10 jets
        |all|both     # all 31 Abrams, both frigates
        )\s+
        (?:(?:first|initial|last|final|remaining)\s+)?  # the first 18 tanks, the remaining 10 jets
        \Z""",
    re.IGNORECASE | re.VERBOSE,
)


def _points_back(text: str, amount: Amount) -> bool:
    """A definite determiner stands right before the count."""
    return DEFINITE.search(text, 0, amount.start) is not None


def next_sentence(context: Context, paragraph: Paragraph, local: int) -> tuple[Paragraph, SpacySpan] | None:
    """(paragraph, sentence) of the sentence after the one at `local`, across a paragraph break."""
    sentence = paragraph.sentence_holding(local)
    if sentence is None:
        return None
    sentences = list(paragraph.doc.sents)
    here = sentences.index(sentence)
    if here + 1 < len(sentences):
        return paragraph, sentences[here + 1]
    following = next((p for p in context.paragraphs if p.offset > paragraph.offset), None)
    between = context.article.text[paragraph.offset + len(paragraph.text) : following.offset] if following else "x"
    return (following, next(iter(following.doc.sents))) if following and not between.strip() else None
