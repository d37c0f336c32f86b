"""Givers listed in the sentence before: "Germany, France and Italy have pledged to help Ukraine.
They will send 40 tanks." A plural word for states as a transfer verb's subject ("they", "both",
"the two countries") stands for all the states the sentence before lists as its subject, and the
item is each one's, to the recipient its own sentence names or, failing that, the one party the
sentence before says is helped (`previous.receiving`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.amounts import mention_head
from materiel.extract.candidate import Candidate
from materiel.extract.hostile import war_pairs
from materiel.extract.lexicon import Mention
from materiel.extract.partial import POTENTIAL, QUOTE_MARKS
from materiel.extract.previous import in_paragraph_of, receiving
from materiel.extract.roles import Roles
from materiel.extract.statenouns import STATE_KINDS, STATE_NOUNS, sentence_before
from materiel.extract.subjects import subject_tokens

if TYPE_CHECKING:
    from materiel.extract.context import Context, Paragraph

# Plural words that stand for several states named before ("They will send ...", "Both will
# deliver ...", "The two countries agreed to supply ...").
PLURAL_PRONOUNS = {"they", "both"}
# Words before a plural state noun that make it the states just listed ("the two countries",
# "both nations"), not states at large ("many countries", "other nations").
LISTING_WORDS = {"the", "both", "these", "two", "three", "four"}
# Actor kinds a listed giver may be: a state, or an organisation such as the EU.
GIVER_KINDS = (*STATE_KINDS, "org")


def listed_givers(context: Context, found: list[Candidate], partial: list[Candidate]) -> list[Candidate]:
    """Each state the sentence before lists as its subject gives what a plural word standing for
    them moves now; not in a quotation, not a request or a debate, never a pair at war."""
    out: list[Candidate] = []
    seen = {(c.key, id(c.paragraph), c.item.start) for c in found}
    at_war = war_pairs(context)
    for candidate in found + partial:
        listed = _listed_before(context, candidate)
        if listed is None:
            continue
        paragraph, givers, helped = listed
        recipient = candidate.roles.recipient or helped
        if recipient is None:
            continue
        for giver in givers:
            roles = Roles(in_paragraph_of(candidate, paragraph, giver), recipient, candidate.roles.via)
            made = replace(candidate, roles=roles)
            mark = (made.key, id(made.paragraph), made.item.start)
            if giver.id != recipient.id and mark not in seen and frozenset((giver.id, recipient.id)) not in at_war:
                seen.add(mark)
                out.append(made)
    return out


def _listed_before(context: Context, candidate: Candidate) -> tuple[Paragraph, list[Mention], Mention | None] | None:
    """The paragraph of the sentence before, the states its subject lists, and the one other party
    it says is helped, where the candidate's transfer verb has a plural word for states as its
    subject."""
    if candidate.cue_kind != "transfer" or candidate.status in POTENTIAL:
        return None
    if candidate.sentence.text.lstrip().startswith(QUOTE_MARKS):
        return None
    cue = _cue(candidate)
    if cue is None or not any(_plural_states(t) for t in _subjects(cue)):
        return None
    before = sentence_before(context, candidate.paragraph.offset, cue)
    if before is None:
        return None
    paragraph, sentence = before
    givers = _listed_subject(paragraph, sentence)
    if len({m.id for m in givers}) < 2:
        return None
    others = [m for m in paragraph.actors if sentence.start_char <= m.start < sentence.end_char and m.id]
    helped = {m.id: m for m in others if m.id not in {g.id for g in givers} and receiving(paragraph, m)}
    taker = next(iter(helped.values())) if len(helped) == 1 else None
    return paragraph, givers, (in_paragraph_of(candidate, paragraph, taker) if taker is not None else None)


def _cue(candidate: Candidate) -> Token | None:
    token = mention_head(candidate.paragraph, candidate.item)
    return syntax.governing_cue(token, candidate.sentence) if token is not None else None


# How many open clauses up a transfer verb's subject may stand ("They agreed to send ...").
MAX_CLAUSES = 3


def _subjects(cue: Token) -> list[Token]:
    """The verb's own subject, or that of the verb its open clause hangs on ("They agreed to send")."""
    verb = cue
    for _ in range(MAX_CLAUSES):
        found = [c for c in verb.children if c.dep_ == "nsubj"]
        if found or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return found
        verb = verb.head
    return []


def _plural_states(token: Token) -> bool:
    """'they', 'both', 'the two countries', 'both nations'."""
    if token.lower_ in PLURAL_PRONOUNS:
        return True
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet", "preconj")}
    return token.tag_ == "NNS" and token.lemma_.lower() in STATE_NOUNS and bool(words & LISTING_WORDS)


def _listed_subject(paragraph: Paragraph, sentence: SpacySpan) -> list[Mention]:
    """The states and organisations the sentence's subject lists ("Germany, France and Italy")."""
    subjects = subject_tokens(sentence.root)
    if not subjects:
        return []
    first = subjects[0]
    tokens = [first, *first.conjuncts]
    named = [
        m for m in paragraph.actors if m.id and m.kind in GIVER_KINDS and any(m.start <= t.idx < m.end for t in tokens)
    ]
    return list({m.id: m for m in named}.values())
