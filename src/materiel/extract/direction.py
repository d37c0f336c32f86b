"""Direction: the state a buyer got its weapons from is their supplier, never their recipient.

"Poland unveiled K2 tanks bought from South Korea", "Latvia paraded tanks acquired from Britain",
"Ukraine stored missiles obtained from Britain": the state after "from" on a verb of acquiring
that takes the item (as its object, or as the noun it describes) supplied it. The candidate
triple that makes it the recipient is read the wrong way round and is not sighted (`triples.py`).
The right way round is left to the rules and the scorer: the buyer may only hold or show the item.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.context import Paragraph
from materiel.extract.lexicon import Mention

# Lemmas of verbs by which the holder came to have the item from the state after "from".
ACQUIRE = {
    "buy",  # "tanks bought from South Korea"
    "purchase",  # "jets purchased from the United States"
    "acquire",  # "tanks acquired from Britain"
    "obtain",  # "missiles obtained from Britain"
    "order",  # "howitzers ordered from France"
    "receive",  # "drones received from Iran"
    "import",  # "rifles imported from Belgium"
    "procure",  # "systems procured from Israel"
    "source",  # "shells sourced from South Korea"
    "get",  # "ammunition it got from North Korea"
}
# The relations by which a state's name stands in the noun after "from" ("from Britain's stocks").
OWNER_DEPS = {"poss", "compound", "amod"}


def named_source(paragraph: Paragraph, actor: Mention, item: Token | None) -> bool:
    """The actor (offsets in the paragraph) is named as the state the item was got from."""
    span = paragraph.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and from_source(span.root, item)


def from_source(actor: Token | None, item: Token | None) -> bool:
    """The actor is named after "from" on a verb of acquiring that takes the item."""
    if actor is None or item is None:
        return False
    node = actor
    while node.dep_ in OWNER_DEPS and node.head.i != node.i:
        node = node.head
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ != "from":
        return False
    return _takes(prep.head, item)


def _takes(head: Token, item: Token) -> bool:
    """The word "from" hangs on acquires the item: the verb itself ("bought tanks from"), or the
    item under such a verb ("received tanks from", parsed with "from" on "tanks")."""
    if head.i == item.i:
        head = item.head
    if head.lemma_.lower() not in ACQUIRE or head.pos_ not in ("VERB", "AUX"):
        return False
    return item.head.i == head.i or head.head.i == item.i or _conjoined(item, head)


def _conjoined(item: Token, verb: Token) -> bool:
    """The item is one of a list the verb takes ("bought tanks and jets from")."""
    node = item
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.head.i == verb.i
