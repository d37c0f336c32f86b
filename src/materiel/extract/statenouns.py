"""States named by a noun or a pronoun: "the country", "the former Soviet republic", "it".

A definite state noun where a transfer's recipient goes stands for the last state named before
it in the sentence; "it" or "the country" buying something is the state that was the subject of
the sentence before. Nothing here looks further than that: a party named sentences away is not
taken for one of these words.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.context import Context
from materiel.extract.lexicon import Mention
from materiel.extract.subjects import subject_tokens

DEFINITE = {"the", "this", "that", "these", "those"}
# Nouns that, with "the", stand for a state named before ("The country will deliver ...").
STATE_NOUNS = {"country", "government", "kingdom", "nation", "republic", "administration"}


# Kinds of actor mention that name a state itself, as "the country" stands for one.
STATE_KINDS = ("state", "alias", "seat")


def recipient(cue: Token, item: Token, actors: list[Mention], supplier: Mention | None) -> Mention | None:
    """'Russia ... considers Armenia a partner, supplying the ex-Soviet country with weapons': a
    definite state noun in the recipient's place stands for the last state named before it in
    the sentence, other than the supplier (not a party named sentences away)."""
    places = syntax.prep_objects(cue, {"to", "for"}) + syntax.prep_objects(item, {"to"})
    places += [c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj") and c.i != item.i]
    nouns = [t for t in places if state_noun(t)]
    if not nouns:
        return None
    before = [m for m in actors if m.kind in STATE_KINDS and m.end <= nouns[0].idx]
    named = [m for m in before if supplier is None or m.id != supplier.id]
    return named[-1] if named else None


def definite(noun: Token) -> bool:
    """'the country', 'this nation': the noun has a definite determiner."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)


# Pronouns a verb's subject uses for a state named before ("It also acquired ...", "They have
# delivered ..."); "he" and "she" are people (see `roles._subject`).
STATE_PRONOUNS = {"it", "they"}


def anaphoric_subject(cue: Token) -> Token | None:
    """The verb's active subject when it is a word standing for a state named before: a pronoun
    ("It will also send ...") or a definite state noun ("The country will deliver ..."), singular:
    "the top five countries" are several states, not one named before."""
    for subject in (c for c in cue.children if c.dep_ == "nsubj"):
        if subject.lower_ in STATE_PRONOUNS or (state_noun(subject) and subject.tag_ != "NNS"):
            return subject
    return None


def earlier_subject(context: Context, offset: int, cue: Token) -> Mention | None:
    """'Egypt bought two warships from France. It also acquired 24 Rafale jets': a party named
    by 'it' or 'the country' is the state that was the subject of the sentence before, in the
    same paragraph (not whichever state the article named last)."""
    if anaphoric_subject(cue) is None:
        return None
    earlier = [s for s in cue.doc.sents if s.end <= cue.sent.start]
    paragraph = next((p for p in context.paragraphs if p.offset == offset), None)
    if not earlier or paragraph is None:
        return None
    found = syntax.mention_in(subject_tokens(earlier[-1].root), paragraph.actors)
    return found if found is not None and found.kind in STATE_KINDS else None


def state_noun(noun: Token) -> bool:
    """'the country', 'the former Soviet republic': a definite noun that stands for a state."""
    return noun.lemma_.lower() in STATE_NOUNS and definite(noun)
