"""A second recipient in a gapped double object: "will send Ukraine 500 Stingers and Poland 200
Javelins", "gave Kyiv tanks and Vilnius radars".

English leaves the verb out of the second of two parallel clauses with one subject. After a
transfer verb whose first object is a state ("send Ukraine ..."), a state named right after "and"
or a comma and right before a later item (its count and adjectives between) receives that item,
as the first state receives the first. A state name that only says where an item was made ("and
US Patriot missiles") is told apart by asking for a count before the item or for a name that is
seldom such a modifier: a capital or a state's full name, not an alias such as "US" or "UK"; a
state that makes the second item ("and Germany IRIS-T systems") is read as its sender, left out,
and so is a state before an item a third state makes ("and Poland 14 Leopard tanks": Polish stock
of German tanks, which Poland may be giving).
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import homes, positional, syntax, treenames
from materiel.extract.lexicon import Mention

# Words that join the second clause to the first: "and Poland 200 Javelins", ", Poland 200 ...".
JOINERS = {"and", ","}
# Parts of speech that may stand between the second state and its item: a count, an adjective.
BETWEEN_POS = {"NUM", "ADJ"}
# Kinds of name that stand for a receiving state without a count; an alias ("US", "UK") is as
# often the maker named on the item ("and US Patriot missiles").
NAMES_WITHOUT_COUNT = {"state", "seat"}
# Kinds of name that can receive at all: not a demonym ("and Polish radars"), not a maker.
RECEIVING_KINDS = {"state", "alias", "seat"}


def recipient(cue: Token, item: Token, actors: list[Mention], items: list[Mention]) -> Mention | None:
    """The state that receives the item in the gapped second half of a double object, or None."""
    first = positional.right_after(cue, actors) if syntax.cue_kind(cue) == "transfer" else None
    if first is None or item.i <= cue.i or item.sent.start != cue.sent.start:
        return None
    start = _item_start(item, items, actors)
    counted, token = False, _token_before(item, start)
    while token is not None and token.pos_ in BETWEEN_POS and token.i > cue.i:
        counted = counted or token.pos_ == "NUM"
        token = _token_before(item, token.idx)
    state = _state_ending_at(token, actors)
    if state is None or state.id == first.id or state.start <= first.end or state.id == homes.home_state(item):
        return None  # "send Ukraine Patriots and Germany IRIS-T systems": Germany makes them, it sends
    if not counted and state.kind not in NAMES_WITHOUT_COUNT:
        return None
    if _third_maker(cue, item, actors):
        return None  # "give Ukraine Abrams tanks and Poland Leopard tanks": Poland may give its own
    joiner = _token_before(item, state.start)
    return state if joiner is not None and joiner.lower_ in JOINERS else None


def _item_start(item: Token, items: list[Mention], actors: list[Mention]) -> int:
    """Where the item's words begin: its mention, or a name compounded on its head noun that is no
    state ("8 HIMARS launchers", where the mention is "HIMARS" and the head "launchers")."""
    names = [c for c in item.lefts if c.dep_ == "compound" and treenames.mention_in([c], actors) is None]
    starts = [m.start for m in items if any(m.start <= t.idx < m.end for t in [item, *names])]
    return min(starts, default=item.idx)


def _third_maker(cue: Token, item: Token, actors: list[Mention]) -> bool:
    """The second item is made by a state other than the sender (the second state, which makes
    it, is left out above): the second state may as well be a second sender of its stock."""
    home = homes.home_state(item)
    if home is None:
        return False
    sender = treenames.mention_in([c for c in cue.children if c.dep_ == "nsubj"], actors)
    return sender is None or home != sender.id


def _token_before(item: Token, start: int) -> Token | None:
    """The token that ends right before a character offset, in the item's sentence."""
    found = [t for t in item.sent if t.idx < start]
    return found[-1] if found else None


def _state_ending_at(token: Token | None, actors: list[Mention]) -> Mention | None:
    """The receiving state whose name ends with the token."""
    if token is None:
        return None
    end = token.idx + len(token.text)
    return next((m for m in actors if m.end == end and m.kind in RECEIVING_KINDS), None)
