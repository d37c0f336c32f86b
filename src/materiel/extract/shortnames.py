"""The short name a body is printed with in brackets right after its full name ("the Defense
Security Cooperation Agency (DSCA)", "Ukraine's Main Intelligence Directorate (HUR)"): a source
keeps it beside the full name, since later sentences and readers name the body by it; an
outlet the lexicon knows by both names is named in full only."""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract.docindex import doc_text
from materiel.extract.lexicon import outlet_finder

# A short name in brackets right after the full one: letters and figures, at least two of them
# capitals ("(SIPRI)", "(HUR)", "(MoD)", "(G7)"); not a word ("(Reuters)"), a model with a dash
# ("(MIM-104)") or a figure alone ("(2022)").
SHORT_NAME = re.compile(r"\s?\((?P<short>[A-Z][A-Za-z0-9&]{1,7})\)")
# How many capitals make a short name.
MIN_CAPITALS = 2


def with_short_name(name: str, head: Token) -> str:
    """The name with the short name printed in brackets right after its last word, when the name
    does not hold it already."""
    words = name.split()
    if not words:
        return name
    text = doc_text(head.doc)
    for token in reversed([t for t in head.subtree if t.text == words[-1]]):
        found = SHORT_NAME.match(text, token.idx + len(token))
        short = found.group("short") if found else ""
        if sum(c.isupper() for c in short) >= MIN_CAPITALS and short.casefold() not in name.casefold():
            return name if _glossed_outlet(name, short) else f"{name} ({short})"
    return name


def _glossed_outlet(name: str, short: str) -> bool:
    """The short name is the outlet lexicon's other name for the outlet the full name is ("The
    Associated Press (AP)"): that outlet is named once, in full, as `outlets.cited_outlets` does."""
    finder = outlet_finder()
    shorts = {m.name for m in finder.find(short) if m.text == short}
    return any(m.name in shorts for m in finder.find(name))
