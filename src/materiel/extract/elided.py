"""An item left out after a count: "Germany sent 14 Leopard tanks to Ukraine. France sent 30."

A sentence that names no item, whose transfer verb's object is a bare count, repeats the verb of
the sentence before it in the paragraph: the count is of the item that sentence named last (the
noun left out, as English leaves it out of a parallel clause). A count with a noun of its own
("sent 30 doctors"), one under another verb ("France sent 30." after "Germany pledged tanks"),
or one a sentence away is not read. In the item's own sentence, a later clause's bare count
("bought drones and plans to buy 1,000 more") is more of the item (count_left_out).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from materiel.extract import syntax
from materiel.extract.context import Paragraph, mention_token
from materiel.extract.docindex import sentences_before
from materiel.extract.lexicon import Mention
from materiel.extract.quantities import Amount


def elided_items(paragraph: Paragraph, sentence: Span) -> list[Mention]:
    """The item of the sentence before that a bare count stands for, at the count."""
    counts = [t for t in sentence if _bare_count(t)]
    before = [s for s in sentences_before(sentence, 1) if s.end == sentence.start]
    if not counts or not before:
        return []
    earlier = before[0]
    named = [m for m in paragraph.items if earlier.start_char <= m.start < earlier.end_char and m.id]
    lemmas = {t.lemma_.lower() for t in earlier if syntax.cue_kind(t) == "transfer"}
    if not named:
        return []
    item = named[-1]
    return [
        Mention(item.id, item.name, t.text, t.idx, t.idx + len(t.text), "item", item.lethal)
        for t in counts
        if t.head.lemma_.lower() in lemmas
    ]


def _bare_count(token: Token) -> bool:
    """A count that is a transfer verb's whole object: "sent 30", "will deliver another 12"."""
    if token.tag_ != "CD" or token.dep_ != "dobj" or syntax.cue_kind(token.head) != "transfer":
        return False
    return all(c.dep_ in ("advmod", "quantmod", "amod", "det") for c in token.children)


def elided_amount(paragraph: Paragraph, item: Mention) -> Amount | None:
    """The count an elided item stands at ("France sent 30": 30); None for any other item."""
    return next(
        (a for a in paragraph.amounts if a.start == item.start and a.text == item.text and not a.is_money), None
    )


# Words after a bare count that say it adds to the items named before: "will buy 1,000 more".
MORE_WORDS = {"more", "additional", "further", "extra"}
# Kinds of cue whose object is items that move.
OBJECT_MOVES = {"transfer", "receive"}


def count_left_out(paragraph: Paragraph, sentence: Span, amounts: list[Amount], item: Mention) -> Amount | None:
    """A count later in the item's sentence with the noun left out, the object of a verb that moves
    items, where no other item stands between: more of the same item ("bought drones for Ukraine and
    plans to buy 1,000 more", "has sent shells and will send another 500")."""
    between = [m for m in paragraph.items if item.end <= m.start < sentence.end_char and m is not item]
    for amount in (a for a in amounts if a.start >= item.end and not a.is_money):
        if any(m.start < amount.end for m in between):
            return None
        span = paragraph.doc.char_span(amount.start, amount.end, alignment_mode="expand")
        obj = _object_of(span.root) if span is not None else None
        if obj is not None and syntax.cue_kind(obj.head) in OBJECT_MOVES and _alone(obj):
            return amount if _same_subject(obj.head, mention_token(paragraph, item)) else None
    return None


# How a later verb hangs from the item's without a subject of its own: "bought drones and plans to
# buy 1,000 more" (conj, then xcomp).
VERB_LINKS = {"conj", "xcomp", "ccomp", "advcl"}
MAX_CLIMB = 4


def _same_subject(verb: Token, item: Token | None) -> bool:
    """The later verb reaches the item's verb with no subject of its own but a pronoun ("and it
    will send 20 more"); a named subject sends its own ("Germany sent tanks and Poland sent 60")."""
    if item is None:
        return False
    above = {t.i for t in item.ancestors}
    for _ in range(MAX_CLIMB):
        if verb.i in above:
            return True
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if (subject is not None and subject.pos_ != "PRON") or verb.dep_ not in VERB_LINKS or _named_before(verb):
            return False
        verb = verb.head
    return False


# Words that may stand between a subject and its verb: "will", "has", "also", "to".
HELPERS = {"AUX", "PART", "ADV"}


def _named_before(verb: Token) -> bool:
    """A name stands right before the verb, its helpers aside, which the parse did not take for its
    subject ("and Poland sent 60", read as a list "Ukraine and Poland")."""
    at = verb.i - 1
    while at >= 0 and verb.doc[at].pos_ in HELPERS:
        at -= 1
    return at >= 0 and verb.doc[at].pos_ == "PROPN"


def _object_of(number: Token) -> Token | None:
    """The verb's object a bare count stands for: the count itself ("send another 500") or the
    "more" it counts ("buy 1,000 more")."""
    if number.pos_ == "NUM" and number.dep_ == "dobj":
        return number
    head = number.head
    if number.dep_ == "nummod" and head.lower_ in MORE_WORDS and head.dep_ == "dobj":
        return head
    return None


def _alone(obj: Token) -> bool:
    """No noun follows the object: "1,000 more", not "1,000 more drones"."""
    following = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
    return following is None or following.pos_ not in ("NOUN", "PROPN")
