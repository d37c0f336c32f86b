"""Thanks: the party thanked for a transfer gave it, and the one who thanks got it.

"Kyiv thanked Berlin for the tanks", "Zelensky thanked Norway for sending air defence systems",
"the president said he was grateful to Japan for the new aid", "expressed gratitude to Canada for
the vehicles": Berlin, Norway, Japan and Canada supply, the one who thanks receives. A word of
thanks is a receiving cue of its own (see `cuekinds.thanked_party`) for what its 'for' names; a
transfer word inside that 'for' keeps its own recipient where it names one ("thanked Oslo for sending jets to Kyiv").
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.context import Context
from materiel.extract.cuekinds import THANKS, thanked_party
from materiel.extract.lexicon import Mention
from materiel.extract.rolenames import subject_of

# Dependencies a transfer word or item climbs through to the 'for' of a thanking word: the
# object of the 'for' ("for the tanks"), a gerund ("for sending"), a noun's clause or object
# ("for the decision to send", "for the delivery of"), a list ("for the jets and the shells"),
# an appositive ("for its support, especially the missiles").
CLIMB = {"pobj", "pcomp", "dobj", "xcomp", "acl", "conj", "appos", "npadvmod", "prep", "compound"}
# How many steps up the tree the 'for' may sit from the transfer word.
MAX_STEPS = 5


def thanked_roles(
    context: Context, offset: int, cue: Token, item: Token, actors: list[Mention]
) -> tuple[Mention, Mention | None] | None:
    """(supplier, recipient) where the cue is a word of thanks or sits in what one is for; none
    where no thanked party is named."""
    frame = cue if _thanking(cue) else _frame_above(cue)
    party = thanked_party(frame) if frame is not None else None
    supplier = treenames.mention_in([party], actors) if party is not None else None
    if frame is None or supplier is None:
        return None
    named = [] if frame is cue else treenames.prep_objects(cue, {"to"}) + treenames.prep_objects(item, {"to"})
    recipient = treenames.mention_in(named, actors) or subject_of(context, offset, frame, actors)
    return supplier, (recipient if recipient is None or recipient.id != supplier.id else None)


def _thanking(token: Token) -> bool:
    return thanked_party(token) is not None


def _frame_above(cue: Token) -> Token | None:
    """The word of thanks whose 'for' the cue's phrase fills ("thanked Berlin for sending"); none
    past another verb that is no transfer word ("thanked Kyiv for using the jets well")."""
    node = cue
    for _ in range(MAX_STEPS):
        if node.dep_ not in CLIMB or node.head.i == node.i:
            return None
        head = node.head
        if node.dep_ == "prep" and node.lower_ == "for" and _thanking(head):
            return head
        if node.dep_ == "prep" and node.lower_ == "for" and head.lemma_.lower() in THANKS and _thanking(head.head):
            return head.head  # "expressed gratitude to Oslo for sending jets"
        if head.pos_ == "VERB" and syntax.cue_kind(head) is None:
            return None
        node = head
    return None
