"""A trade that a rule forbids, read as a transfer: "the sanctions bar American companies from
selling weapons to Venezuela", "the embargo prevents German firms from sending tanks to Saudi
Arabia", "US law forbids companies to sell arms to Cuba". The verb that moves the item is the
complement of a verb that forbids or prevents it, and the item is a bare kind ("weapons",
"tanks", "fighter jets"): the sentence states a rule about a trade, which the guide does not
count (sanctions and embargoes are no transfers), not a move.

A call for a stop to a trade is no request for it: "Poland called for an embargo on weapons deliveries
to Iran", "Kyiv asked for a ban on sales of drones to Iran", "urged Berlin to ban arms exports to
Riyadh" ask that nothing move, so a transfer read as requested whose trade noun follows a noun of
stopping and its "on" or "to", or is the object of a verb of banning, is dropped.

Left alone: a definite or counted item ("prevented Russia from delivering the S-400 systems to
Turkey", "barred from selling 40 jets"), which is a planned transfer that was thwarted; a
prevention that failed or did not happen ("failed to stop Chinese firms from shipping drone
engines to Iran"); and a transfer that another sentence also tells.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.article import Transfer
from materiel.extract.bans import STOPPING_VERBS, lifter
from materiel.extract.context import Context
from materiel.extract.negation import negated_verb

# Verbs that forbid or prevent what their "from" complement does ("bar X from selling").
FORBID_FROM = {
    "bar",  # "the sanctions bar American companies from selling weapons to Venezuela"
    "ban",  # "the UN sanctions ban North Korea from selling shells"
    "prohibit",  # "the sanctions prohibit Chinese firms from shipping drones to Russia"
    "forbid",  # "the law forbids firms from exporting rifles"
    "prevent",  # "the embargo prevents German firms from sending tanks to Saudi Arabia"
    "stop",  # "EU rules stop member states from exporting weapons to Belarus"
    "block",  # "the rules block companies from selling drones abroad"
    "preclude",  # "the treaty precludes its members from transferring mines"
    "restrict",  # "the act restricts firms from selling arms to the junta"
}
# Verbs that forbid what their infinitive does ("forbids American companies to sell weapons").
FORBID_TO = {"forbid", "prohibit"}
# Verbs under which a prevention did not work: "failed to stop firms from shipping drones".
FAILED = {"fail", "try", "attempt", "seek"}
# Words on an item that make it a particular lot rather than a kind: a definite or possessive
# word ("the S-400 systems", "its jets") or a count ("40 jets") (dependency labels and words).
PARTICULAR_DEPS = {"poss", "nummod"}
PARTICULAR_WORDS = {"the", "this", "these", "those", "that"}
# Nouns of stopping a trade, before "on" or "to" and the trade: "an embargo on arms sales", "a halt
# to deliveries of tanks"; their asker asks for no transfer.
STOPPING_NOUNS = {
    "embargo",  # "called for an embargo on weapons deliveries to Iran"
    "ban",  # "asked for a ban on sales of drones to Iran"
    "moratorium",  # "proposed a moratorium on arms exports to the junta"
    "prohibition",  # "sought a prohibition on the sale of mines"
    "halt",  # "urged a halt to arms shipments"
    "end",  # "demanded an end to weapons sales"
    "freeze",  # "pushed for a freeze on arms transfers"
}
# Words that may stand between "on"/"to" and the trade noun, or on the trade noun before the item.
TRADE_MODIFIERS = {"det", "amod", "compound", "nummod", "poss"}
# How an item hangs from the verb that moves it: its object, or "supply X with" the item.
OBJECT_DEPS = {"dobj"}


def drop_forbidden(transfers: list[Transfer], context: Context) -> list[Transfer]:
    """The transfers less those told only as a trade that a rule forbids."""
    return [t for t in transfers if not _forbidden_only(t, context)]


def _forbidden_only(transfer: Transfer, context: Context) -> bool:
    span = transfer.item.span
    if span is None or len(transfer.evidence) != 1:
        return False
    item = _token(context, span.start, span.end)
    if item is not None and transfer.status == "requested" and _stop_asked(item):
        return True
    if item is None or _particular(item):
        return False
    mover = _mover(item)
    return mover is not None and _forbidden(mover)


def _token(context: Context, start: int, end: int) -> Token | None:
    for paragraph in context.paragraphs:
        if paragraph.offset <= start < paragraph.offset + len(paragraph.text):
            found = paragraph.doc.char_span(start - paragraph.offset, end - paragraph.offset, alignment_mode="expand")
            return found.root if found is not None else None
    return None


def _particular(item: Token) -> bool:
    return any(c.dep_ in PARTICULAR_DEPS or c.lower_ in PARTICULAR_WORDS for c in item.children)


def _mover(item: Token) -> Token | None:
    """The verb whose object the item is (through a list: "tanks and jets"), or whose "with" it
    follows ("supply Russia with drones")."""
    while item.dep_ == "conj":
        item = item.head
    if item.dep_ in OBJECT_DEPS and item.head.pos_ in ("VERB", "AUX"):
        return item.head
    if item.dep_ == "pobj" and item.head.lower_ == "with" and item.head.head.pos_ == "VERB":
        return item.head.head
    return None


def _forbidden(mover: Token) -> bool:
    """Is the moving verb the "from" complement of a forbidding verb, or the infinitive of one
    of "forbid", "prohibit", where that verb is not negated and nothing says it failed?"""
    while mover.dep_ == "conj":
        mover = mover.head
    ruler = None
    if mover.dep_ == "pcomp" and mover.head.lower_ == "from":
        ruler = mover.head.head if mover.head.head.lemma_.lower() in FORBID_FROM else None
    elif mover.dep_ == "xcomp" and mover.head.lemma_.lower() in FORBID_TO:
        ruler = mover.head
    if ruler is None or negated_verb(ruler):
        return False
    return not (ruler.dep_ == "xcomp" and ruler.head.lemma_.lower() in FAILED)


def _stop_asked(item: Token) -> bool:
    """Does the item, or the trade noun it names ("arms sales", "sales of drones"), follow a noun of
    stopping and its "on" or "to" ("an embargo on weapons deliveries"), or is it the object of a
    verb of banning ("to ban arms exports")?"""
    trade = item
    while trade.dep_ in ("compound", "conj") and trade.head.i > trade.i:
        trade = trade.head  # "weapons deliveries": the deliveries
    if trade.dep_ == "pobj" and trade.head.lower_ == "of" and trade.head.head.i < trade.i:
        trade = trade.head.head  # "sales of drones": the sales
    if trade.dep_ == "dobj" and trade.head.lemma_.lower() in STOPPING_VERBS:
        return True  # "called for Germany to ban arms exports to Iran": a ban asked for
    left = trade.left_edge
    if left.i < 2:
        return False
    before, stop = trade.doc[left.i - 1], trade.doc[left.i - 2]
    # "called for an end to the ban on deliveries" asks for them: the ban is lifted
    return before.lower_ in ("on", "to") and stop.lemma_.lower() in STOPPING_NOUNS and lifter(stop) is None
