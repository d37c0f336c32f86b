"""Sides the learned scorer takes from words that give a state another role than supplier or
recipient, which the embargo filter (`embargoes.py`) hid where the state was Russia and the
supplier a Western one, and which stand wherever no embargo holds:

- a maker's name on what someone else sends ("a scheme to ship American-made electronics to
  Azerbaijan", "the firm sold German-made engines to Myanmar"): the state made the goods, the
  sender is the verb's subject, named or not; the supplier stays unknown to the scorer;
- a side that profits from a lack of aid ("Azerbaijani forces grabbed land, taking advantage of
  delays in French military aid"): the aid that is late is its adversary's, not its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.amounts import mention_head
from materiel.extract.docindex import doc_text
from materiel.extract.makers import MAKER_NAME, sending_verb
from materiel.extract.partyvetoes import named_roots, recipient_roots
from materiel.extract.triples import Triple

# Nouns of aid that does not come or comes late ("delays in US aid", "a lull in deliveries").
LACK_NOUNS = {
    "delay", "lull", "pause", "halt", "shortage", "lack", "gap", "slowdown", "shortfall",
    "dearth", "scarcity", "stall", "interruption", "suspension", "freeze",
}  # fmt: skip
# Verbs and verb-noun pairs of profiting from something: "exploit", "capitalise on", "take
# advantage of", "profit from", "benefit from".
PROFITING = {"exploit", "capitalize", "capitalise", "profit", "benefit", "leverage"}
ADVANTAGE = "advantage"
# Dependencies of a verb's doer ("the firm shipped", "shipped by the firm").
SUBJECT_DEPS = ("nsubj", "agent")
# How far up from the item the noun of lack may stand ("delays in the delivery of US aid").
MAX_LACK_DEPTH = 4


def maker_only(triple: Triple) -> bool:
    """Is the supplier, in the triple's best sentence, named as the maker of an object of a verb of
    sending ("a scheme to ship US-made chips and rounds to Azerbaijan") and never as the
    sender, the subject of that verb or of the verb it completes ("Washington agreed to send
    US-made jets")? Its other names elsewhere ("violating US export controls") do not send."""
    sighting = triple.best()
    text = doc_text(sighting.paragraph.doc)
    roots = named_roots(triple, triple.supplier.id)
    verbs = [sending_verb(r) for r in roots if MAKER_NAME.search(text[r.left_edge.idx : r.idx + len(r)])]
    if not verbs or any(v is None for v in verbs):
        return False
    doers = {t.i for verb in verbs if verb is not None for subject in _subjects(verb) for t in subject.subtree}
    return not any(r.i in doers for r in roots)


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, and those of the verbs it completes ("Berlin agreed to send")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return subjects + _subjects(verb.head) if verb.dep_ == "xcomp" and verb.head is not verb else subjects


def profits_from_lack(triple: Triple) -> bool:
    """Is the item, in the triple's best sentence, aid whose lack or delay a clause's participle
    says someone profits from ("taking advantage of delays in US aid", "exploiting a lull in
    deliveries"), with the recipient named only outside that phrase: the one who profits?"""
    sighting = triple.best()
    item = mention_head(sighting.paragraph, sighting.item)
    lack = _lack_over(item) if item is not None else None
    if lack is None or not _profited_from(lack):
        return False
    inside = {t.i for t in lack.subtree}
    roots = recipient_roots(triple)
    return bool(roots) and all(r.i not in inside for r in roots)


def _lack_over(item: Token) -> Token | None:
    """The noun of lack the item hangs under through prepositions ("delays in ... assistance"), or
    the one beside it where the parse hangs the preposition on the verb ("exploiting a lull | in
    aid", "taking advantage | of delays")."""
    token = item
    for _ in range(MAX_LACK_DEPTH):
        if token.head is token:
            return None
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() in LACK_NOUNS:
            return token
        if token.pos_ == "VERB":
            return next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in LACK_NOUNS), None)
        if token.pos_ not in ("ADP", "NOUN"):
            return None
    return None


def _profited_from(lack: Token) -> bool:
    """Is the noun of lack what a verb of profiting takes, directly or through its preposition
    ("exploiting a lull", "capitalising on the pause", "taking advantage of delays", whose "of"
    the parse hangs on "advantage" or on "taking")?"""
    head = lack.head.head if lack.dep_ == "pobj" else lack.head
    if head.lower_ == ADVANTAGE:
        head = head.head
    if head.lemma_.lower() == "take":
        return any(c.lower_ == ADVANTAGE for c in head.children)
    return head.pos_ == "VERB" and head.lemma_.lower() in PROFITING
