"""Roles and stage from the dependency parse: who gives, who gets, and how far along it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract.cargo import carrier
from materiel.extract.civilian import AID_WORDS
from materiel.extract.lexicon import load
from materiel.extract.permission import permission_stage
from materiel.extract.placing import PLACING, PRESSING, placed_stage, presses_for
from materiel.extract.treenames import SUBJECTS, clause_break, first_conjunct

# Dependencies through which a verb inherits the subject of the verb it hangs from
# ("South Korea has begun transferring", "Germany plans to send", "agreed and sent"; "attr": a
# predicate noun's clause takes the copula's subject, "Venezuela is the largest buyer ..., buying").
CLIMB = {"xcomp", "conj", "advcl", "acl", "pcomp", "relcl", "ccomp", "dobj", "pobj", "prep", "acomp", "attr"}
# How far up the tree a governing stage word may sit ("postpone the decision to send").
MAX_CLIMB = 5
# Determiners that point back to items named before ("the tanks", "these jets").
POINTING = {"the", "these", "those"}


@dataclass(frozen=True)
class Cues:
    transfer: dict[str, str]
    receive: dict[str, str]
    request: dict[str, str]
    arrive: dict[str, str]
    nouns: dict[str, str]
    stage: dict[str, str]
    contents: dict[str, str]
    users: frozenset[str]
    modifiers: dict[str, str]
    phrasal: dict[str, str]
    predicates: dict[str, str]


@cache
def cues() -> Cues:
    data = load("cues.json")
    return Cues(
        data["transfer"],
        data["receive"],
        data["request"],
        data["arrive"],
        data["nouns"],
        data["stage"],
        data["contents"],
        frozenset(data["users"]),
        data["modifiers"],
        data["phrasal"],
        data["predicates"],
    )


# Dependencies of the word that completes a phrasal verb: its particle ("turned down", "called
# off"), a preposition the parser takes for one ("pulled out of"), "no" ("said no to"), or an
# adverb the parser takes for one ("was pushed back to next year").
PARTICLES = {"prt", "prep", "intj", "dobj", "advmod"}


def stage_word(token: Token) -> str | None:
    """The stage a word gives: a phrasal verb's by its particle ("turned down requests", "called
    off the sale", "said no to sending"), before the verb's own ("called for" asks); a verb that
    puts its object in a state ("put the sale on hold") or grants a permission ("gave the green
    light for") by its object (permission.py)."""
    table = cues()
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        for child in token.children:
            phrase = f"{lemma} {child.lower_}"
            if child.dep_ in PARTICLES and phrase in table.phrasal and _phrasal_use(phrase, child):
                return table.phrasal[phrase]
    placed = placed_stage(token, cues().predicates) if lemma in PLACING else permission_stage(token)
    return placed or (table.stage.get(lemma) if _staging_use(token, lemma) else None)


# Phrasal verbs that weigh an act only ("is looking at sending jets", "looking into whether to
# supply tanks"), not what they take as a noun ("investigators looked at the firms for their role
# in the sale", "looking into the sale of guns"): an inquiry, not a transfer weighed.
WEIGHING_ACTS = {"look at", "look into"}


# Phrasal verbs that stage only with a preposition after them: "went back on its promise to sell"
# withdraws it, "went back to Kyiv" does not.
PHRASAL_PREPS = {"go back": "on"}


def _phrasal_use(phrase: str, particle: Token) -> bool:
    if phrase in PHRASAL_PREPS:
        return any(c.dep_ == "prep" and c.lower_ == PHRASAL_PREPS[phrase] for c in particle.head.children)
    if phrase not in WEIGHING_ACTS:
        return True
    return any(c.dep_ == "pcomp" and (c.tag_ == "VBG" or _asks_whether(c)) for c in particle.children)


def _asks_whether(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)


def _staging_use(token: Token, lemma: str) -> bool:
    """Stage words that stage in one use only: "open to sending" (the adjective), not "opened a
    plant that will supply"; "the sale is stuck" (the passive), not "sticks to its plan"; "talks
    on selling jets" (the noun) or "talked about sending", not "talked to reporters"; "proposed
    selling jets" (a transfer proposed), not "proposed a toast to the crews who delivered tanks";
    "awarded a contract" (`_awards_deal`), not "awarded medals to soldiers who delivered tanks";
    "applied to buy" or "applied for", not "the rule applies to sales"; a transfer noun that
    "slipped" (to next year); a commitment "reversed"."""
    if lemma == "award":
        return _awards_deal(token)
    if lemma in PRESSING:
        return presses_for(token)
    if lemma == "open":
        return token.pos_ == "ADJ"
    if lemma == "apply":  # "applied to buy jets", "applied for a licence", not "the rule applies to sales"
        return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in token.children)
    if lemma == "slip":  # "the delivery slipped to next year", not "arms slipped across the border"
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in cues().nouns for c in token.children)
    if lemma == "reverse":  # "reversed its decision to sell", not "reversed course and sent tanks"
        return any(c.dep_ == "dobj" and c.lemma_.lower() in REVERSIBLE for c in token.children)
    if lemma == "stick":  # "the sale is stuck in Congress", not "sticks to its plan to send"
        return any(c.dep_ == "auxpass" for c in token.children)
    if lemma == "talk":
        return token.pos_ == "NOUN" or any(c.dep_ == "prep" and c.lower_ == "about" for c in token.children)
    if lemma == "propose":  # "proposed selling jets", "proposed the sale", not "proposed a toast to the crews"
        return any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "dobj" and c.lemma_.lower() in cues().nouns)
            for c in token.children
        )
    return True


# Commitments a government may reverse: "reversed its decision to sell drones" withdraws the sale.
REVERSIBLE = {"decision", "plan", "deal", "approval", "promise", "pledge", "commitment", "agreement"}


# What an award stages as placed: a deal given to a maker ("awarded Raytheon a contract", "the
# order was awarded to Rheinmetall"), not a prize ("awarded medals").
AWARDED_DEALS = {"contract", "order", "deal", "tender"}


def _awards_deal(token: Token) -> bool:
    """The award's object, passive subject or (the noun's) own words name a deal."""
    if token.pos_ == "NOUN":
        near = [*token.children, *token.head.children, token.head]
        return any(t.lemma_.lower() in AWARDED_DEALS for t in (*near, *(g for c in token.children for g in c.children)))
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in AWARDED_DEALS for c in token.children)


# Verbs of backing that supply what follows "with" ("Iran is supporting Russia with drones",
# "helped Kyiv with air defence"); without "with" they are a stance, not a transfer.
SUPPLY_WITH = {"support", "back", "help", "assist", "aid"}
# Verbs of paying: with a named party paid and a "for" ("Russia paid Iran $1.2bn for drones"), the
# payer receives what it pays for from the party paid; without the party ("the US paid for weapons
# sent to Ukraine") the payer may be buying for another, and nothing is read.
PAYING = {"pay"}


def paid_party(verb: Token) -> Token | None:
    """The proper noun a verb of paying pays ("paid Iran"), where a "for" on the verb or on the sum
    paid ("paid Iran $300 million for drones") names what it buys."""
    sums = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NUM", "NOUN")]
    if not any(c.lower_ == "for" and c.dep_ in ("prep", "dative") for h in (verb, *sums) for c in h.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("dative", "dobj") and c.pos_ == "PROPN"), None)


# Keys of the per-doc memos in `Doc.user_data`: a parse never changes once made, so what a token
# or sentence is as a cue is worked out once per doc, not once per item mention that asks.
CUE_KINDS = "materiel.cue_kinds"
SENTENCE_CUES = "materiel.sentence_cues"
# Request lemmas that ask only as a verb: a participle on a noun asks nothing ("its needed
# counter-offensive", "the aid needed for the offensive").
ADJECTIVAL_NOT_REQUEST = {"need"}
# Phase verbs whose complement is the event itself: "began arriving", "started to arrive",
# "continued to arrive", "kept arriving", "resumed arriving".
PHASE_VERBS = {"begin", "start", "continue", "keep", "resume"}
VERB_KINDS = ("transfer", "receive", "request", "contents")


def cue_kind(token: Token) -> str | None:
    kinds = token.doc.user_data.setdefault(CUE_KINDS, {})
    if token.i not in kinds:
        kinds[token.i] = _cue_kind(token)
    return kinds[token.i]


def _cue_kind(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    table = cues()
    if lemma in SELF_MOVING and not _moves_object(token):
        return None  # "to keep its jets flying", "the drones flew over Kyiv": they move themselves
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or _verb_by_place(token):
        for kind, words in (
            ("transfer", table.transfer),
            ("receive", table.receive),
            ("request", table.request),
            ("arrive", table.arrive),
            ("contents", table.contents),
        ):
            if lemma in words and not (lemma in ADJECTIVAL_NOT_REQUEST and token.dep_ in ("amod", "acl")):
                return kind
        if lemma in SUPPLY_WITH and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
            return "transfer"
        if lemma in PAYING and paid_party(token) is not None:
            return "receive"  # "Russia paid Iran $1.2bn for drones": the payer gets the drones
        if carrier(token) is not None:
            return "transfer"  # "a ship carrying shells from Iran": cargo on its way
        if lemma == "have" and token.dep_ not in ("aux", "auxpass") and _package_subject(token):
            return "contents"  # "The package also has 16 Gepard guns": what it holds
    if token.pos_ == "NOUN" and lemma in table.nouns and not _asks_for_talk(token):
        return "noun"
    return None


# Words of talk: a request "for comment" or "for information" asks for words, not materiel; a
# transfer these are "on" or "about" is their topic (clause.stage_ancestors).
TALK_WORDS = {"comment", "information", "clarification", "question", "inquiry", "enquiry", "remark", "interview"}


def _asks_for_talk(noun: Token) -> bool:
    """'requests for comment about the tanks': a request noun 'for' a word of talk."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and _for_talk(c) for c in noun.children)


def _for_talk(prep: Token) -> bool:
    return any(o.dep_ == "pobj" and o.lemma_.lower() in TALK_WORDS for o in prep.children)


def _verb_by_place(token: Token) -> bool:
    """A word the tagger took for a noun that heads the sentence and has a subject is its verb
    ("Tanks from Germany arrive in Ukraine": 'arrive' tagged NN), and so is one a modal and a
    subject hang on ("Canada will no longer ship arms": 'ship' tagged NN under 'said')."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)
    return subject and (token.dep_ == "ROOT" or modal)


def governing_cue(token: Token, sentence: SpacySpan) -> Token | None:
    """The transfer verb or noun an item token belongs to: itself, an ancestor, or the nearest."""
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


# Nouns of a package or a lot whose verb of having lists what it holds ("the package has ...").
PACKAGE_NOUNS = {"package", "tranche", "shipment", "consignment", "batch"}


def _package_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in PACKAGE_NOUNS for c in verb.children)


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


# Transfer verbs of moving by air, whose subject may be the aircraft or drone moving itself ("the
# jets were flying"), or a pilot, not an item moved to anyone.
SELF_MOVING = {"fly", "airlift"}
# Dependencies by which such a verb moves something other than its subject ("flew missiles to
# Kyiv", "missiles were flown to Kyiv"); it moves them to someone only with a "to" ("operators
# flying drones at speed" pilot them).
MOVED_DEPS = {"dobj", "nsubjpass"}


def _moves_object(verb: Token) -> bool:
    moved = (verb.dep_ == "acl" and verb.tag_ == "VBN") or any(c.dep_ in MOVED_DEPS for c in verb.children)
    return moved and any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children)


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
    return _in_inverted_condition(cue)


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
