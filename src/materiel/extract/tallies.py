"""Counts an article gives for a kind of item that are not a transfer's number, when the count is
looked for away from the transfer's own sentence: a stock its holder has ("the army has 1,000
howitzers"), items in use ("Russia fires 10,000 shells a day"), and a request for a transfer that
went ahead or was promised ("Ukraine asked for 300 tanks" beside "Germany sent tanks")."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Actor
from materiel.extract import stage, syntax
from materiel.extract.amounts import STOCK_VERBS, mention_head, mention_token
from materiel.extract.context import Paragraph
from materiel.extract.cuekinds import base_stage
from materiel.extract.lexicon import Mention
from materiel.extract.transfers import ENACTED, WISHED


def told_apart(paragraph: Paragraph, sentence: SpacySpan, item: Mention, status: str | None) -> bool:
    """The item mention's count (in `sentence`) is not the number of a transfer at `status`: the
    items are a stock held, or only asked for while the transfer went ahead."""
    token = mention_token(paragraph, item)
    if token is None:
        return False
    if held_stock(token) or in_use(token) or lost(token) or made(token):
        return True
    if status not in ENACTED:
        return False
    noun = syntax.compound_head(token)
    if noun.dep_ == "dobj" and syntax.stage_word(noun.head) in WISHED:
        return True  # "Ukraine wants 50 more howitzers"
    cue = syntax.governing_cue(token, sentence)
    return cue is not None and stage.stage_of(cue, base_stage(cue)) in WISHED


def held_stock(token: Token) -> bool:
    """The item's noun is the object of a verb of holding: "the army has 1,000 howitzers",
    "Poland operates 250 Abrams tanks", "countries that own 2,000 Leopards"."""
    token = syntax.compound_head(token)
    verb = token.head
    return token.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in STOCK_VERBS


def in_use(token: Token) -> bool:
    """The item's noun is the object of a verb of use (cues.json users): "Russia fires 10,000
    shells a day", "the army operates 40 drones" count items used, not items moved."""
    token = syntax.compound_head(token)
    return token.dep_ == "dobj" and token.head.pos_ == "VERB" and token.head.lemma_.lower() in syntax.cues().users


# Verbs of losing items: "Kyiv has lost 50 artillery pieces", "30 tanks were destroyed", "Ukraine
# captured 40 Russian tanks" count items lost or taken in battle, not items moved.
LOSS_VERBS = {"lose", "destroy", "damage", "capture", "abandon", "seize"}


def lost(token: Token) -> bool:
    """The item's noun is the object of a verb of loss, or its subject in the passive."""
    token = syntax.compound_head(token)
    verb = token.head
    return token.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() in LOSS_VERBS


# Verbs of making items: "The US has produced 3,000 Javelins this year", "the plant builds 40
# tanks a month" count items made, not items moved; not "make" ("make available 20 tanks" moves them).
MAKING_VERBS = {"produce", "manufacture", "build", "assemble"}


def made(token: Token) -> bool:
    """The item's noun is the object of a verb of making, or its subject in the passive, unless the
    verb makes them "for" someone ("will build 50 tanks for Ukraine" may be the count sent)."""
    token = syntax.compound_head(token)
    verb = token.head
    return (
        token.dep_ in ("dobj", "nsubjpass")
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in MAKING_VERBS
        and not any(c.dep_ == "prep" and c.lower_ == "for" for c in (*verb.children, *token.children))
    )


# Prepositions and the possessive by which a transfer noun names the state the items go to:
# "the purchase by Kyiv of 40 tanks", "the delivery to Kyiv of 31 tanks", "Poland's purchase
# of 250 tanks"; and nouns of buying, which the cue nouns leave to their verbs.
BOUND_PREPS = {"by", "to", "for"}
BUYING_NOUNS = {"acquisition", "purchase", "order", "import"}


def bound_to(paragraph: Paragraph, item: Mention, recipient: str | None) -> bool:
    """The item is what a transfer noun tied to the recipient alone moves, whatever other states
    the sentence names: "the purchase by Kyiv of 40 tanks, unless Washington ships tanks"."""
    token = mention_head(paragraph, item)
    if recipient is None or token is None or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    noun = token.head.head
    if syntax.cue_kind(noun) != "noun" and noun.lemma_.lower() not in BUYING_NOUNS:
        return False
    tied = [c for c in noun.children if c.dep_ == "poss"]
    tied += [g for c in noun.children if c.lower_ in BOUND_PREPS for g in c.children if g.dep_ == "pobj"]
    named = {m.id for t in tied for m in paragraph.actors if m.start <= t.idx < m.end}
    return named == {recipient}  # "the sale of 36 jets to Qatar and 24 Hornets to Kuwait" ties two


# What joins an item to the state it goes to: "36 jets to Qatar and 24 Super Hornets to Kuwait".
DESTINED = re.compile(
    r"""\A\s+(?:to|for)\s+  # 24 Super Hornets to Kuwait, 12 jets for Bahrain
        (?:the\s+)?\Z        # 20 tanks to the Netherlands""",
    re.IGNORECASE | re.VERBOSE,
)


def sent_to(paragraph: Paragraph, item: Mention, inside: list[Mention], recipient: Actor | None) -> bool:
    """In a sentence that gives several states their own items, an item whose count this transfer
    may take is followed by "to" and its recipient, the next name after it."""
    after = [m for m in inside if m.start >= item.end and m is not item]
    following = min(after, key=lambda m: m.start, default=None)
    return (
        recipient is not None
        and following is not None
        and following.kind != "item"
        and following.id == recipient.id
        and DESTINED.match(paragraph.text[item.end : following.start]) is not None
    )
