"""Counts said of an item after it: in brackets ("Leopard 2 tanks (14)"), after a list line's colon
("Leopard 2 tanks: 18"), as the whole set off by a comma ("Abrams tanks to Ukraine, 31 in all";
"jets, a total of 30 by 2028"; "The batch, 24 in all, arrived"), or set off and pointing back
("NLAWs: more than 5,000 of them")."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from materiel.extract.context import Paragraph, mention_token
from materiel.extract.lexicon import Mention
from materiel.extract.quantities import Amount

YEAR = re.compile(r"^(?:19|20)\d{2}$")  # "(2023)" after an item is its date, not its count


# A count said of the item after it: alone in brackets right after it ("Leopard 2 tanks (14)",
# "AMRAAM missiles (about 100)"), or set off by a comma as the whole where the sentence names no
# other item before it ("sent Abrams tanks to Ukraine, 31 in all"; "missiles, some 200 in total";
# not "tanks and trucks, 30 in all", a whole of both).
BRACKET_OPENS = re.compile(r"\A\s*[(\[]\s*\Z")  # only a bracket between the item and the count
BRACKET_CLOSES = re.compile(  # and the bracket closes right after the count, or after "in all"
    r"\s*(?:(?:in\s+all|in\s+total|all\s+told|altogether)\s*)?[)\]]", re.IGNORECASE
)
# A list's line that gives the item, then its count after a colon or a dash: "Leopard 2 tanks: 18",
# "Gepard guns – 52"; the count ends the line ("Tanks: 18 from Germany" says whose).
LABEL_OPENS = re.compile(
    r"""\A\s*(?::                  # Leopard 2 tanks: 18
        |[\u2013\u2014]           # Gepard guns \u2013 52 (an en or em dash)
        |\s-)\s*\Z               # Gepard guns - 52 (a hyphen set off by spaces)
    """,
    re.VERBOSE,
)
# A count set off after the item that points back at it: "sent NLAWs: more than 5,000 of them",
# "Storm Shadow missiles, a dozen of them so far" (not "40 of which", a part told apart).
SET_OFF = re.compile(r"\A\s*(?:[,:\u2013\u2014]|\s-)\s*\Z")
OF_THEM = re.compile(r"\s+of\s+(?:them|these|those)\b", re.IGNORECASE)
LINE_ENDS = re.compile(r"[ \t]*[.;]?[ \t]*(?:\n|\Z)")
COMMA_BEFORE = re.compile(r",\s*\Z")
TOTAL_AFTER = re.compile(
    r"""\s+(?:in\s+all          # 31 in all
        |in\s+total              # 14 in total
        |all\s+told              # 40 all told
        |altogether              # 20 altogether
        )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The whole set off by a comma and named before its count: "handed over F-16 jets, a total of 30"; the
# count ends its clause, or a word that is no noun follows it ("a total of 30 by 2028"); not "a total
# of 30 airmen", a whole of another noun.
TOTAL_BEFORE = re.compile(r",\s*a\s+total\s+of\s*\Z", re.IGNORECASE)
TOTAL_ENDS = re.compile(
    r"""\s*(?:[,.;:)\u2013\u2014]|\Z)              # the clause ends: ", a total of 30."
      | \s+(?:by|in|so|since|over|from|this|last|next|to|of\s+them|until|before|after|when
          |are|were|is|was|have|had|will|would|and|as|with)\b  # a word of time, place or verb
    """,
    re.IGNORECASE | re.VERBOSE,
)


def count_after(paragraph: Paragraph, sentence: SpacySpan, amounts: list[Amount], item: Mention) -> Amount | None:
    """The first count after the item's noun said of it in brackets, after a list line's colon or
    dash, or as its whole."""
    text, noun_end = paragraph.text, _noun_end(paragraph, item)
    for amount in (a for a in amounts if a.start >= noun_end and not a.is_money):
        between = text[noun_end : amount.start]
        bracketed = BRACKET_OPENS.match(between) and BRACKET_CLOSES.match(text, amount.end)
        labelled = LABEL_OPENS.match(between) and LINE_ENDS.match(text, amount.end)
        pointed = SET_OFF.match(between) and OF_THEM.match(text, amount.end)
        if (bracketed or labelled or pointed) and not YEAR.match(amount.text):
            return amount
        others = [m for m in paragraph.items if sentence.start_char <= m.start < amount.start and m != item]
        if _total(text, amount) and not others and not _counts_other(paragraph, sentence, amount, noun_end):
            return amount
    return None


# Plural nouns of parties, which a whole after them counts: "to several other countries, 12 in all".
PARTY_NOUNS = {"countries", "states", "nations", "allies", "partners", "customers", "buyers", "members",
               "governments", "armies"}  # fmt: skip
# Words on a plural noun that count it vaguely, which a whole after it makes exact: "to many
# clients, 40 in all", "dozens of cities, 30 in all".
VAGUE_COUNTS = {"several", "many", "other", "some", "numerous", "various", "multiple", "few", "dozens",
                "hundreds", "more"}  # fmt: skip


def _counts_other(paragraph: Paragraph, sentence: SpacySpan, amount: Amount, noun_end: int) -> bool:
    """The whole after a comma counts the plural noun right before it, when that is not the item's
    and is one a count is of: parties ("to Ukraine and to several other countries, 12 in all") or
    a noun counted vaguely ("to many clients, 40 in all"). A name ("to Ukraine, 31 in all", "to
    the Emirates"), a singular noun ("after the request"), a span of time ("over two years") or
    what comes with the items ("with spare barrels, 18 in all") leaves the whole to the item."""
    comma = paragraph.text.rfind(",", 0, amount.start)
    before = [t for t in sentence if t.idx < comma and not t.is_punct]
    if not before or before[-1].tag_ != "NNS" or before[-1].idx + len(before[-1]) <= noun_end:
        return False
    noun = before[-1]
    vague = any(w.lower_ in VAGUE_COUNTS for w in noun.subtree if w.i < noun.i)
    return noun.lower_ in PARTY_NOUNS or vague


def _noun_end(paragraph: Paragraph, item: Mention) -> int:
    """Where the item's noun ends: the mention's, or the noun it is a compound of ("NASAMS launchers")."""
    token = mention_token(paragraph, item)
    while token is not None and token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return max(item.end, token.idx + len(token)) if token is not None else item.end


def _total(text: str, amount: Amount) -> bool:
    """The count is set off by a comma and said to be the whole: ", 31 in all", ", a total of 31"."""
    if TOTAL_BEFORE.search(text, 0, amount.start) is not None and TOTAL_ENDS.match(text, amount.end):
        return True
    return COMMA_BEFORE.search(text, 0, amount.start) is not None and TOTAL_AFTER.match(text, amount.end) is not None


# Nouns for a lot of items already named, before a whole set off by commas: "The batch, 24 in all,
# arrived"; not "Its allies, 50 in all, met".
BATCH_NOUN = re.compile(
    r"""\b(?:batch(?:es)?|shipments?|consignments?|deliver(?:y|ies)|tranches?)  # the batch, the shipment
        \s*,\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)


def batch_total(text: str, amount: Amount) -> bool:
    """The count is the whole of a batch named right before it: "The batch, 24 in all,"."""
    return BATCH_NOUN.search(text, 0, amount.start) is not None and _total(text, amount)
