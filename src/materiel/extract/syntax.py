"""Roles and stage from the dependency parse: who gives, who gets, and how far along it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract.civilian import AID_WORDS
from materiel.extract.lexicon import Mention, load
from materiel.extract.permission import permission_stage

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
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
            if child.dep_ in PARTICLES and phrase in table.phrasal:
                return table.phrasal[phrase]
    placed = _placed_stage(token) if lemma in PLACING else permission_stage(token)
    return placed or (table.stage.get(lemma) if _staging_use(token, lemma) else None)


def _staging_use(token: Token, lemma: str) -> bool:
    """Stage words that stage in one use only: "open to sending" (the adjective), not "opened a
    plant that will supply"; "the sale is stuck" (the passive), not "sticks to its plan"; "talks
    on selling jets" (the noun) or "talked about sending", not "talked to reporters"."""
    if lemma == "open":
        return token.pos_ == "ADJ"
    if lemma == "stick":  # "the sale is stuck in Congress", not "sticks to its plan to send"
        return any(c.dep_ == "auxpass" for c in token.children)
    if lemma == "talk":
        return token.pos_ == "NOUN" or any(c.dep_ == "prep" and c.lower_ == "about" for c in token.children)
    return True


# Verbs that put their object in a state that a predicate of cues.json names: "put the sale on
# hold", "placed deliveries on ice", "put the deal under review" stage the object as "the sale is
# on hold" does.
PLACING = {"put", "place"}


def _placed_stage(verb: Token) -> str | None:
    predicates = cues().predicates
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = predicates.get(f"{prep.lower_} {obj.lemma_.lower()}")
            if found is not None:
                return found
    return None


# Verbs of backing that supply what follows "with" ("Iran is supporting Russia with drones",
# "helped Kyiv with air defence"); without "with" they are a stance, not a transfer.
SUPPLY_WITH = {"support", "back", "help", "assist", "aid"}


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
    if token.pos_ == "NOUN" and lemma in table.nouns:
        return "noun"
    return None


def _verb_by_place(token: Token) -> bool:
    """A word the tagger took for a noun that heads the sentence and has a subject is its verb
    ("Tanks from Germany arrive in Ukraine": 'arrive' tagged NN)."""
    return token.dep_ == "ROOT" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def governing_cue(token: Token, sentence: SpacySpan) -> Token | None:
    """The transfer verb or noun an item token belongs to: itself, an ancestor, or the nearest."""
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
        if ancestor.i != token.i and _barrier(ancestor):
            # the item is another verb's argument ("to keep the jets flying"), unless it is a
            # transfer noun itself ("plans to halve its military aid")
            return token if cue_kind(token) == "noun" else None
    if cue_kind(token) == "noun":
        return token
    return min(_verb_cues(sentence), key=lambda t: abs(t.i - token.i), default=None)


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
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
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


def prep_objects(token: Token, preps: set[str]) -> list[Token]:
    """Objects of the given prepositions hanging from a token ("to Ukraine", "from Germany")."""
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "dative") and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def first_conjunct(token: Token | None) -> Token | None:
    """'engage aircraft and missiles': the list's first noun, which holds the list's role."""
    while token is not None and token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def direct_objects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("dobj", "dative", "iobj")]


# Dependencies that stay inside a name or its modifiers ("the South Korean government",
# "Germany's defence ministry"), unlike prepositions that lead elsewhere ("talks between X and Y").
SHALLOW = {"compound", "amod", "poss", "det", "appos", "nmod", "flat", "case", "punct", "npadvmod", "nummod"}


def mention_in(tokens: list[Token], mentions: list[Mention]) -> Mention | None:
    """The actor mention on the first token, or on its modifiers (not behind prepositions)."""
    for token in tokens:
        near = _shallow(token)
        inside = [m for m in mentions if any(m.start <= t.idx < m.end for t in near)]
        if inside:
            return min(inside, key=lambda m: abs(m.start - token.idx))
    return None


# Nouns that name a party by its relation to the possessor ("Russia's adversary", "Iran's
# proxies"): the possessor is another party, so the search for an actor does not follow it.
RELATIONAL = {
    "adversary", "enemy", "foe", "rival", "opponent",  # the other side
    "ally", "partner", "backer", "supporter", "proxy", "client", "neighbour", "neighbor",  # the same side
}  # fmt: skip
# Nouns for a stretch of space round the possessor ("sent 30 warplanes into Taiwan's air defence
# zone", "ships in Japan's waters"): what goes there is deployed near that state, not handed to it.
# Its border is left out: materiel is handed over at one ("delivered to Ukraine's border").
AREAS = {
    "zone", "airspace", "water", "waters", "sky", "skies",  # air and sea round a state (lemma "water")
    "strait", "coast", "coastline",  # the sea at its edge
}  # fmt: skip


def owns_area(token: Token) -> bool:
    """Does the name own a stretch of space round it ("Taiwan's air defence zone")?"""
    return token.dep_ == "poss" and token.head.lemma_.lower() in AREAS


def _shallow(token: Token) -> list[Token]:
    out, stack = [token], [token]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "poss" and node.lemma_.lower() in RELATIONAL | AREAS:
                continue
            listed = child.dep_ == "conj" and child.head.i == token.i and not subject_of_next_clause(child)
            if child.dep_ in SHALLOW or listed:
                out.append(child)
                stack.append(child)
    return out


# Tags of a finite verb: one that opens a clause of its own after a name ("and Germany sent").
FINITE = {"VBD", "VBZ", "VBP"}
# How the parse hangs such a clause on the first verb: conjoined, or read as an adverbial clause.
STRANDING = {"conj", "advcl"}


# Tags of a word that, right after a listed name, makes the name the subject of a clause of its own
# whatever the parse hung that word on: a finite verb or a modal ("and the Houthis fired", "and the
# UAE is buying", "and Armenia will sign").
CLAUSE_OPENERS = FINITE | {"MD"}


def clause_opener(verb: Token) -> Token | None:
    """The first word of a verb hung on an earlier verb as a conjunct or adverbial clause with no
    subject of its own, when that word is finite (the verb, or its first auxiliary: "and Germany
    sent", "and Germany is selling", "and Norway will send"): the word right before it is the
    verb's subject, parsed as a conjunct."""
    if verb.dep_ not in STRANDING or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    opener = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb)
    return opener if opener.tag_ in CLAUSE_OPENERS and opener.i > 0 else None


def subject_of_next_clause(noun: Token) -> bool:
    """Is the noun, parsed as a conjunct of an earlier one, the subject of the clause right after it
    ("to many governments and its Wagner group is active in Mali": the group is active, no second
    receiver)? Not when its list is that verb's subject ("Germany and France sent tanks")."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is None or noun.dep_ != "conj" or noun.head.i > noun.i or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if following.tag_ not in CLAUSE_OPENERS:
        return False
    first = first_conjunct(noun)
    verbs = (following, following.head)
    return not any(first.head.i == v.i and first.dep_ in SUBJECTS for v in verbs)


def clause_break(sentence: SpacySpan, low: int, high: int) -> bool:
    """Does a listed name that opens a clause of its own (`subject_of_next_clause`) stand between
    the tokens at `low` and `high`? A cue before it governs no item after it ("Iran sent drones to
    Russia and the Houthis fired missiles": the missiles are the Houthis')."""
    return any(low < t.i < high and subject_of_next_clause(t) for t in sentence)


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
