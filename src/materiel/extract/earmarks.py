"""Money earmarked for the military: a sum beside a word of the armed forces or their weapons
("€90 billion for Ukraine's military needs", "$50 million for defence"). Such a sum is the
funding moved (GUIDE: funding is money earmarked for military aid) even where no item is named.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract.quantities import find_amounts

# Words that earmark money for the military ("€90 billion for Ukraine's military needs"), not
# when negated ("non-military support").
MILITARY = re.compile(
    r"(?<!non-)\b(?:military|defen[cs]e|security\ assistance|weapons|arms|armed\ forces)\b", re.I | re.X
)


# Where one sentence ends and the next begins, for a test on the words alone (no parse yet).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def earmarks_money(text: str) -> bool:
    """Does one sentence of the text name a sum of money and a word that earmarks money for the
    military? (A cheap test on the words alone: the parse decides later whether the sum moves.)"""
    return any(
        MILITARY.search(sentence) is not None and any(a.is_money for a in find_amounts(sentence))
        for sentence in SENTENCE_BREAK.split(text)
    )


# Verbs of buying whose purpose clause earmarks money for the items they take: "a grant of 2
# billion crowns to buy air defence missiles", "funding of €500 million to purchase shells".
BUYING = {"buy", "purchase", "procure", "acquire"}


def bought_with(money: Token, noun: Token) -> bool:
    """The item (`noun`) is what a purpose clause buys with the money the noun `money` names: the
    buying verb's "to" hangs from the verb above that noun ("approved a grant ... to buy missiles",
    "pledged €250 million in aid to buy shells")."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.lemma_.lower() in BUYING
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head in money.ancestors
    )
