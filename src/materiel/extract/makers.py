"""A maker's name on what someone else sends ("a scheme to ship American-made electronics to
Azerbaijan"): the state made the goods; the sender is the verb's subject, named or not. Shared by
the rules (`roles.py`) and the scorer's vetoes (`otherroles.py`)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract.lexicon import MAKER_PARTICIPLE, Mention

# A state's name that ends in a maker participle ("American-made", "US-built"): its maker.
MAKER_NAME = re.compile(rf"{MAKER_PARTICIPLE}$", re.IGNORECASE)
# Verbs whose subject sends their object on ("provide", "smuggle"): the sender is who does it.
SENDING = {
    "send", "provide", "supply", "deliver", "transfer", "give", "ship", "sell", "smuggle",
    "export", "funnel", "traffic", "sneak", "route", "channel",
}  # fmt: skip
# Dependencies by which a maker's name hangs on its noun ("American-made" parses as an adverb and
# a participle: "American" on "made", "made" on the noun).
MAKER_DEPS = ("amod", "npadvmod", "compound")


def maker_of_sent(item: Token, found: Mention | None) -> bool:
    """Is the actor named on the item's left only its maker ("a plot to supply American-made
    radios to Ethiopia"), and the item the object of a verb of sending, whose subject, named or not,
    sends it? The rules then take the supplier from the verb's subject, or leave it unknown."""
    return found is not None and bool(MAKER_NAME.search(found.text)) and sending_verb(item) is not None


def sending_verb(root: Token) -> Token | None:
    """The verb of sending whose object the maker's name modifies (the first of a list too)."""
    noun = root
    while noun.dep_ in MAKER_DEPS and noun.head is not noun:
        noun = noun.head
    while noun.dep_ == "conj":
        noun = noun.head
    verb = noun.head
    return verb if noun.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in SENDING else None
