"""Roles and stage from the dependency parse: who gives, who gets, and how far along it is.

The cue word that governs an item (`governing_cue`), what an item is held or moved by, and whether
a cue is in a condition or a question. The cue table and the kind of cue a token is are in
cuekinds.py, the stage a word gives in stagewords.py; their names are read through this module.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract.civilian import AID_WORDS
from materiel.extract.cuekinds import PAYING as PAYING
from materiel.extract.cuekinds import TALK_WORDS as TALK_WORDS
from materiel.extract.cuekinds import cue_kind
from materiel.extract.cuekinds import cues as cues
from materiel.extract.cuekinds import paid_party as paid_party
from materiel.extract.stagewords import PARTICLES as PARTICLES
from materiel.extract.stagewords import stage_word
from materiel.extract.treenames import SUBJECTS, clause_break, first_conjunct

# Dependencies through which a verb inherits the subject of the verb it hangs from
# ("South Korea has begun transferring", "Germany plans to send", "agreed and sent"; "attr": a
# predicate noun's clause takes the copula's subject, "Venezuela is the largest buyer ..., buying").
CLIMB = {"xcomp", "conj", "advcl", "acl", "pcomp", "relcl", "ccomp", "dobj", "pobj", "prep", "acomp", "attr"}
# How far up the tree a governing stage word may sit ("postpone the decision to send").
MAX_CLIMB = 5
# Determiners that point back to items named before ("the tanks", "these jets").
POINTING = {"the", "these", "those"}
# Phase verbs whose complement is the event itself: "began arriving", "started to arrive",
# "continued to arrive", "kept arriving", "resumed arriving".
PHASE_VERBS = {"begin", "start", "continue", "keep", "resume"}
VERB_KINDS = ("transfer", "receive", "request", "contents")
# Key of the per-doc memo in `Doc.user_data` of a sentence's verb cues: a parse never changes
# once made, so a sentence's cues are worked out once per doc, not once per item mention that asks
# (the memo of each token's kind is cuekinds.CUE_KINDS).
SENTENCE_CUES = "materiel.sentence_cues"
# Key of the per-doc memo of each (item token, sentence)'s governing cue, by token index: the
# sightings ask it once per supplier and recipient pair of an item (sighting_features.py).
GOVERNING_CUES = "materiel.governing_cues"


def governing_cue(token: Token, sentence: SpacySpan) -> Token | None:
    """The transfer verb or noun an item token belongs to: itself, an ancestor, or the nearest
    (memoised per doc)."""
    memo = token.doc.user_data.setdefault(GOVERNING_CUES, {})
    key = (token.i, sentence.start, sentence.end)
    if key not in memo:
        cue = _governing_cue(token, sentence)
        memo[key] = None if cue is None else cue.i
    index = memo[key]
    return None if index is None else token.doc[index]


def _governing_cue(token: Token, sentence: SpacySpan) -> Token | None:
    if held(token):
        return None  # "Poland operates 250 Abrams and has sent 60 T-72s": the Abrams are its stock
    for ancestor in _climb(token):
        if ancestor.i < token.i and clause_break(sentence, ancestor.i, token.i):
            return None  # the item is in a clause of its own, after a new subject
        if _subset_of_item(ancestor):
            continue  # "buy 132 warplanes including 72 Tornado fighters": the buying governs both
        if ancestor.i != token.i and cue_kind(token) == "noun" and _stage_verb(ancestor):
            return token  # "withheld military aid": the aid is the transfer, the verb its stage
        if ancestor.i != token.i and cue_kind(ancestor) is not None and not _arrives_elsewhere(token, ancestor):
            return ancestor
        if ancestor.i != token.i and (phase := phase_complement(ancestor)) is not None:
            return phase
        if ancestor.i != token.i and _describes_subject(ancestor):
            return token if cue_kind(token) == "noun" else None  # "Armenia, long dependent on Russian arms,"
        if ancestor.i != token.i and _barrier(ancestor):
            # the item is another verb's argument ("to keep the jets flying"), unless it is a
            # transfer noun itself ("plans to halve its military aid")
            return token if cue_kind(token) == "noun" else None
    if cue_kind(token) == "noun":
        return token
    return min(_verb_cues(sentence), key=lambda t: abs(t.i - token.i), default=None)


# Verbs of holding: their object is a stock its holder keeps ("Poland operates 250 Abrams tanks
# and has sent 60 T-72 tanks"), not what a transfer verb elsewhere in the sentence moves.
HOLDING = {
    "operate", "field",  # in service with the subject
    "own", "possess", "have",  # held by the subject ("has 300 tanks"; not the auxiliary "has sent")
}  # fmt: skip


def held(token: Token) -> bool:
    """Is the item (or the list it is a member of) the object of a verb of holding, with no
    transfer word of its own on it ("has 14 tanks ready to send" still moves them)?"""
    first = first_conjunct(token) or token
    verb = first.head
    holding = verb.lemma_.lower() in HOLDING and cue_kind(verb) != "contents"  # not "the package has"
    return first.dep_ == "dobj" and verb.pos_ == "VERB" and holding and not moved_on(token)


def moved_on(token: Token) -> bool:
    """Does a transfer word hang below the item ("tanks ready to send", "jets delivered to Kyiv")?"""
    return any(cue_kind(t) is not None for t in token.subtree if t.i != token.i)


def phase_complement(verb: Token) -> Token | None:
    """The cue a phase verb's complement names ("the first tanks began arriving", "Spanish tanks
    started to arrive"): it governs the phase verb's subject."""
    if verb.lemma_.lower() not in PHASE_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and cue_kind(c) is not None), None)


def _verb_cues(sentence: SpacySpan) -> list[Token]:
    """The sentence's transfer, receive, request and contents words, in order (memoised per doc)."""
    memo = sentence.doc.user_data.setdefault(SENTENCE_CUES, {})
    key = (sentence.start, sentence.end)
    if key not in memo:
        memo[key] = [t.i for t in sentence if cue_kind(t) in VERB_KINDS]
    return [sentence.doc[i] for i in memo[key]]


def _subset_of_item(token: Token) -> bool:
    """'including' as a preposition on a plain noun names part of what that noun names ("132
    warplanes including 72 Tornados"), not a package's contents: a package, aid or support noun
    keeps it as its contents list ("the package, including HIMARS")."""
    return (
        token.lower_ == "including"
        and token.dep_ == "prep"
        and token.head.pos_ == "NOUN"
        and cue_kind(token.head) is None
        and token.head.lemma_.lower() not in AID_WORDS  # "NATO's support, including weapons"
    )


def _climb(token: Token) -> list[Token]:
    """The token and its ancestors up to MAX_CLIMB + 1 steps; a step from one item of a list to
    the item before it ("howitzers, drones, tanks and jets") is no step: a list of any length
    hangs from the verb its first item hangs from."""
    out, node, steps = [token], token, 0
    while node.head.i != node.i and steps <= MAX_CLIMB:
        if not (node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN")):
            steps += 1
        node = node.head
        out.append(node)
    return out


# A sentence that opens with a condition in the inverted order: "Were China to sell arms, ...",
# "Should Berlin send tanks, ...", "Had the US sent jets, ...".
INVERTED_CONDITION = re.compile(
    r"""\A\W*(?i:were|should|had)\s+           # the auxiliary before its subject
        (?:the\s+)?[A-Z][\w.'’-]*\b           # a named subject ("China", "the US")""",
    re.VERBOSE,
)


def hypothetical(cue: Token) -> bool:
    """Is the cue in a condition ('If Germany sent Taurus missiles, ...', 'Were China to sell
    arms, ...')? Not a transfer."""
    for verb in [cue, *list(cue.ancestors)[:2]]:
        question = verb.dep_ == "ccomp"  # "declined to say if it would send": asked, not a condition
        if not question and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
            return True
    return _in_inverted_condition(cue) or any(_supposes(a) for a in list(cue.ancestors)[:SUPPOSED_REACH])


# Verbs that bid a reader suppose what they govern ("Imagine that China supplied Russia with jets",
# "Suppose Berlin sent Taurus", "assuming Washington sends more"): a supposition, not a transfer.
SUPPOSING = {"imagine", "suppose", "assume"}
# Nouns of a supposed case whose clause tells what is only supposed ("in a scenario where China
# sends jets", "in the event that Beijing supplied arms").
SUPPOSED_CASES = {"scenario", "event", "hypothetical"}
# Nouns of a simulation: what a verb of supposing says in one, or what one supposes, is played, not
# told ("In a war game, the analysts assumed that Japan would send missiles", "The simulation
# assumed that Washington would deliver 200 missiles"); a person who assumes may be guessing at a
# real transfer ("officials assume Iran sent the drones"), and is left alone.
SIMULATIONS = {"simulation", "game", "wargame", "scenario", "model", "exercise", "tabletop"}
# How many heads above a cue a supposition may stand ("Imagine a world in which China supplied":
# supplied, world, imagine).
SUPPOSED_REACH = 3


def _supposes(token: Token) -> bool:
    """A verb of supposing that bids (no subject: "Imagine ...", "Suppose ...") or frames
    ("assuming ...", "supposing ..."), or a noun of a supposed case with a clause of its own."""
    if token.lemma_.lower() in SUPPOSING and token.pos_ == "VERB":
        bids = token.tag_ == "VB" and not any(c.dep_ in ("nsubj", "aux") for c in token.children)
        return bids or token.tag_ == "VBG" or _simulated(token)
    return token.lemma_.lower() in SUPPOSED_CASES and any(c.dep_ in ("relcl", "acl") for c in token.children)


def _simulated(verb: Token) -> bool:
    """The verb of supposing has a simulation for its subject or in its "in" phrase."""
    named = [c for c in verb.children if c.dep_ == "nsubj"]
    named += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
    return any(n.lemma_.lower() in SIMULATIONS for n in named)


def _in_inverted_condition(cue: Token) -> bool:
    """The cue sits in the opening clause, up to its first comma, of an inverted condition."""
    sentence = cue.sent
    if INVERTED_CONDITION.match(sentence.text) is None:
        return False
    comma = next((t.i for t in sentence if t.text == ","), sentence.end)
    return cue.i < comma


def _stage_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and stage_word(token) is not None


def _arrives_elsewhere(token: Token, verb: Token) -> bool:
    """An arrival verb governs only the item that arrives, its subject ("the first batch of
    CV90s has reached Ukraine"), not one named elsewhere under it ("reached a deal on tanks")."""
    if cue_kind(verb) != "arrive":
        return False
    return not any(token in s.subtree for s in verb.children if s.dep_ in SUBJECTS)


# Verbs of paying whose agent is money that moves ("tanks paid for by American funds").
FINANCING = {"pay", "fund", "finance", "bankroll", "sponsor", "subsidise", "subsidize", "cover"}


def doer_only(token: Token) -> bool:
    """Is the item the doer after the 'by' of a verb that moves nothing and pays nothing, with no
    transfer word of its own ("the jets the Netherlands gave Ukraine were shot down by Russian
    S-400 systems", "tanks hit by drones"): it acts in the sentence, it is not moved?"""
    first = first_conjunct(token) or token
    agent = first.head
    if first.dep_ != "pobj" or agent.dep_ != "agent" or moved_on(token):
        return False
    return cue_kind(agent.head) is None and agent.head.lemma_.lower() not in FINANCING


def _barrier(token: Token) -> bool:
    """A verb between an item and a transfer cue makes the item its own argument ('to keep its
    jets flying'); the verb of a clause that describes a noun, or a main clause, does not."""
    return token.pos_ == "VERB" and token.dep_ not in ("relcl", "acl", "ROOT", "conj", "ccomp")


def _describes_subject(token: Token) -> bool:
    """An adjective or appositive set on a clause's subject ("Armenia, long dependent on Russian
    arms, has begun buying ..."): what it names is the subject's past or nature, not what the
    clause's verb moves. Only on a named subject: on a common noun the appositive may list what the
    verb moves ("the whole programme was delivered to Indonesia: vehicles, tanks, warships")."""
    head = token.head
    return (
        token.dep_ in ("amod", "appos")
        and head.dep_ in ("nsubj", "nsubjpass")
        and head.i < token.i
        and head.pos_ == "PROPN"
    )


def points_back(noun: Token) -> bool:
    """'the tanks', 'these jets': a determiner points the noun back to items named before."""
    return any(c.dep_ == "det" and c.lower_ in POINTING for c in noun.children)


# Tags of a word that opens a question asking what, not whether ("Why is Russia its supplier?").
WH_TAGS = {"WDT", "WP", "WP$", "WRB"}


def yes_no_question(token: Token) -> bool:
    """Is the token's sentence a question asking whether ("Is Russia still its supplier?",
    "Will Germany send tanks?")? One asking why or how takes the fact as given."""
    sentence = token.sent
    opening = next((t for t in sentence if not t.is_punct), sentence[0])
    return sentence.text.rstrip().endswith("?") and opening.tag_ not in WH_TAGS


def compound_head(token: Token) -> Token:
    """The noun a compound hangs from ("U.S. Patriot systems": systems)."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token
