"""Bulleted lists: which lines are a list's entries, and the parties its header names ("The UK
will send Ukraine:"), which each entry's item takes."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from materiel.extract import syntax, treenames
from materiel.extract.candidate import Candidate
from materiel.extract.context import Context, Paragraph
from materiel.extract.docindex import doc_text
from materiel.extract.gate import ENTRY
from materiel.extract.lexicon import Mention
from materiel.extract.pagerecipient import shifted
from materiel.extract.roles import Roles, find_roles
from materiel.extract.statenouns import STATE_KINDS

# Cue kinds that move what a list details: they give the list its stage, and its header names its
# parties by one of them.
MOVES = {"transfer", "receive", "noun"}
# The most words a list's entry without a bullet may have ("20 Challenger 2 tanks" on a line of
# its own): longer lines are sentences.
BARE_ENTRY_WORDS = 12
# An entry led by a state's name and a colon, set down on a line of its own in an explainer or a
# tracker ("Qatar: 12 F-15QA jets delivered by the US last year"): its label, up to four words.
LABEL = re.compile(r"^\s*([A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}):\s")


def entry_line(sentence: Span) -> bool:
    """A line of a list under a header: bulleted or numbered, or a bare phrase on a line of its
    own, with no verb and no closing full stop ("20 Challenger 2 tanks")."""
    if ENTRY.match(sentence.text):
        return True
    text = sentence.text.strip()
    alone = text == doc_text(sentence.doc).strip()  # the whole paragraph: a line of its own
    short = len(sentence) <= BARE_ENTRY_WORDS and not text.endswith((".", "!", "?", ":"))
    return alone and short and not any(t.pos_ in ("VERB", "AUX") for t in sentence)


def header_roles(context: Context, paragraph: Paragraph, sentence: Span) -> Roles | None:
    """The parties a list's header names by its own transfer word, when it names no item the
    list could detail ("The UK will send Ukraine:", "Germany has promised to send Kyiv:"): read
    as for an item each such word moves (its object, or the word itself), the first that names
    both sides (else the first word's one side). None where the header names a party and no
    word of a transfer or a package's contents ("Russia has lost:", "Ukraine's army operates:"):
    its list is no package's."""
    cues = [t for t in sentence if syntax.cue_kind(t) in MOVES and not syntax.hypothetical(t)]
    actors = [m for m in paragraph.actors if sentence.start_char <= m.start < sentence.end_char]
    if actors and not any(syntax.cue_kind(t) for t in sentence):
        return None
    read = [_cue_roles(context, paragraph, cue, actors) for cue in cues]
    return next((roles for roles in read if roles.complete), read[0] if read else Roles(None, None))


def _cue_roles(context: Context, paragraph: Paragraph, cue: Token, actors: list[Mention]) -> Roles:
    """A header cue's roles, in the article's offsets."""
    objects = [t for t in treenames.direct_objects(cue) if treenames.mention_in([t], actors) is None]
    item = objects[0] if objects else cue
    return moved(find_roles(context, paragraph.offset, cue, item, actors, paragraph.items), paragraph.offset)


def moved(roles: Roles, shift: int) -> Roles:
    """The roles with their mentions' offsets shifted (from one paragraph's to the article's, or
    back to another paragraph's): a list's entries are paragraphs of their own."""
    via = [m for m in (shifted(v, shift) for v in roles.via) if m is not None]
    return Roles(shifted(roles.supplier, shift), shifted(roles.recipient, shift), via)


def label_recipient(candidate: Candidate) -> Candidate:
    """An entry whose item has a supplier ("... ordered from France") and no recipient, led by a
    state's name as its label ("United Arab Emirates: 80 Rafale jets ordered from France"): the
    labelled state receives. Only a line of its own, where the label heads the entry, and one of
    participles, not a clause with the supplier as its subject: after a topic's label, such a
    sentence says what it says ("Russia: Iran supplied drones, officials say")."""
    roles, sentence = candidate.roles, candidate.sentence
    label = LABEL.match(sentence.text)
    alone = sentence.text.strip() == doc_text(sentence.doc).strip()
    clause = any(t.dep_ == "nsubj" and _names(roles.supplier, t) for t in sentence) if roles.supplier else False
    if label is None or not alone or clause or roles.supplier is None or roles.recipient is not None:
        return candidate
    start, end = sentence.start_char, sentence.start_char + label.end(1)
    named = [m for m in candidate.paragraph.actors if start <= m.start and m.end <= end and m.id]
    if len(named) != 1 or named[0].kind not in STATE_KINDS or named[0].id == roles.supplier.id:
        return candidate
    return replace(candidate, roles=Roles(roles.supplier, named[0], roles.via))


def _names(mention: Mention, token: Token) -> bool:
    return mention.start <= token.idx < mention.end
