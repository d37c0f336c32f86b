"""Money earmarked for the military: a sum beside a word of the armed forces or their weapons
("€90 billion for Ukraine's military needs", "$50 million for defence"). Such a sum is the
funding moved (GUIDE: funding is money earmarked for military aid) even where no item is named.
"""

from __future__ import annotations

import re

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
