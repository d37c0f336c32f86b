"""The page's recipient: the one state a page's title names where the title, or the article's
first paragraph, speaks of a transfer to it ("What each ally has given Ukraine", "Ukraine aid
tracker"), and not the states the title tells giving ("What Germany has sent abroad"). The
sections of an explainer or tracker (sections.py) and its table rows (tablerows.py) give to it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span as SpacySpan

from materiel.extract import syntax
from materiel.extract.context import Context
from materiel.extract.lexicon import Mention, find_actors
from materiel.extract.nlp import load_model
from materiel.extract.statenouns import STATE_KINDS

# Cue kinds that tell a transfer in the title, and verbs that arm or help their object ("Who is
# arming Ukraine's air force?", "How France is helping Ukraine's army"); the dependencies by which
# a state gives by them ("Germany has sent", "Britain's exports").
MOVES = {"transfer", "receive", "noun"}
GIVING = {"arm", "rearm", "equip", "help"}
GIVER_DEPS = {"nsubj", "poss"}
# How many titles stay parsed: the articles a worker has in hand at once.
TITLES_KEPT = 8
# The kind of a recipient the title alone names ("Tracker: military aid pledged to Ukraine"): its
# transfer's recipient has no span in the text (transfers.py).
TITLE_KIND = "title"
# The mark a heading may keep after cleaning ("France:", "Patriot:"), and that ends a title's
# lead-in ("Germany and France: what they have sent").
HEADING_END = ":"


def page_recipient(context: Context, supplier: str | None = None) -> Mention | None:
    """The one state the title names but the supplier, where the title speaks of a transfer to it
    ("What each ally has given Ukraine", "Ukraine aid tracker", "How France is helping Ukraine's
    army"; not "Taiwan's defence: the threats", nor "What Germany has sent abroad", where the state
    gives), at its first mention in the text the parse reads, else as the title's (TITLE_KIND)."""
    title = context.article.title or ""
    states = {m.id for m in find_actors(title, context.year) if m.kind in STATE_KINDS and m.id} - {supplier}
    states -= _title_givers(title, context.year)
    if len(states) != 1 or not (_gift_to(title, context.year, supplier) or _lead_gift(context, supplier)):
        return None
    (only,) = states
    for paragraph in context.read():
        for mention in paragraph.actors:
            if mention.id == only:
                return shifted(mention, paragraph.offset)
    named = next(m for m in find_actors(title, context.year) if m.id == only)
    return replace(named, start=0, end=0, kind=TITLE_KIND)  # named in the title only: no span in the text


@lru_cache(maxsize=TITLES_KEPT)
def _gift_to(title: str, year: int | None, supplier: str | None) -> bool:
    """The title speaks of a transfer by its own word ("sent", "aid", "arming"), and no state it
    names is the giver: the subject of a verb of giving or the owner of its noun ("What Germany
    has sent abroad", "Britain's arms exports")."""
    states = [m for m in find_actors(title, year) if m.kind in STATE_KINDS and m.id != supplier]
    return _tells_gift(load_model()(title)[:], states)


# Cue kinds whose subject gives ("what they have sent"); the subject of a verb of receiving
# receives ("Arms for Ukraine's neighbours: what they have received").
GIVING_KINDS = {"transfer", "noun"}
# Subjects that stand for the states a title names before its colon ("Germany and France: what
# they have sent Ukraine").
POINTING_SUBJECTS = {"they", "it", "we"}


@lru_cache(maxsize=TITLES_KEPT)
def _title_givers(title: str, year: int | None) -> frozenset[str]:
    """The states a title tells giving, which receive none of its sections: the subjects of its
    verbs of giving and their conjuncts ("What Germany and France have sent Ukraine"), or the
    states before its colon where a pronoun gives ("Germany and France: what they have sent"); none
    where a state that does not give is named before the giving ("... what Ukraine has sent them")."""
    doc = load_model()(title)
    cues = [t for t in doc if syntax.cue_kind(t) in GIVING_KINDS or t.lemma_.lower() in GIVING]
    givers = [c for t in cues for c in t.children if c.dep_ in GIVER_DEPS]
    givers += [c for g in givers for c in g.conjuncts]
    states = [m for m in find_actors(title, year) if m.kind in STATE_KINDS and m.id]
    named = {m.id for m in states for g in givers if m.start <= g.idx < m.end}
    colon = title.find(HEADING_END)
    if colon > 0 and any(g.lower_ in POINTING_SUBJECTS and g.idx > colon for g in givers):
        named |= {m.id for m in states if m.end <= colon}
    first = min((t.idx for t in cues), default=len(title))
    if any(m.start < first for m in states if m.id not in named):
        return (
            frozenset()
        )  # "Germany and France: what Ukraine has sent them": the state given to is named after the giving
    return frozenset(named)


def _lead_gift(context: Context, supplier: str | None) -> bool:
    """The article's first paragraph speaks of a transfer so ("Ukraine has been given several
    types of missile")."""
    read = context.read()
    if not read or context.article.text[: read[0].offset].strip():
        return False
    states = [m for m in read[0].actors if m.kind in STATE_KINDS and m.id != supplier]
    return any(_tells_gift(sentence, states) for sentence in read[0].doc.sents)


def _tells_gift(sentence: SpacySpan, states: list[Mention]) -> bool:
    cues = [t for t in sentence if syntax.cue_kind(t) in MOVES or t.lemma_.lower() in GIVING]
    givers = [c for t in cues for c in t.children if c.dep_ in GIVER_DEPS]
    gives = any(m.start <= g.idx - sentence.doc[0].idx < m.end for g in givers for m in states)
    return bool(cues) and not gives


def shifted(mention: Mention | None, shift: int) -> Mention | None:
    return None if mention is None else replace(mention, start=mention.start + shift, end=mention.end + shift)
