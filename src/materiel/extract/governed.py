"""A commitment word that is itself governed: a stage word of a commitment or of an act under way
("approve", "sign", "agree", "resume") under a modal of possibility is talk ("could approve the
sale", "may sign the contract"), and as the complement of a word of weighing, refusal, halt or a
request to someone it takes that word's stage ("is weighing approving the sale", "refused to approve
the export", "stopped approving exports", "the delays in approving the sale", "urged Berlin to
approve the export"). A transfer that is the topic of talks ("talks are under way on the sale") is
weighed."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.clause import modal_stage
from materiel.extract.negation import negated
from materiel.extract.syntax import stage_word
from materiel.extract.treenames import SUBJECTS

# Stages of a word that a modal or a word above may hold back.
HELD = {"pledged", "in_progress"}
# Stages of a word above that hold a commitment back: "weighing approving", "refused to sign",
# "stopped approving", "postponed signing".
OVERRULING = {"considered", "refused", "cancelled", "postponed"}
# Dependencies of a complement on the word above: "refused to approve" (xcomp), "is weighing
# whether to approve" (ccomp).
COMPLEMENTS = {"xcomp", "ccomp"}
# Prepositions through which a gerund complements the word above: "refrained from approving",
# "held off on signing", "ruled out approving", "delays in approving".
GERUND_PREPS = {"from", "on", "out", "about", "in"}
# Stage words that start again what had stopped ("resume deliveries", "restart arms sales"): asked
# for, they are not under way ("urged Berlin to keep sending" still is).
RESTARTS = {"resume", "restart", "renew", "reopen", "restore"}
# Object dependencies of the one asked: "urged Berlin to approve", "asked Congress to approve".
ADDRESSEES = {"dobj", "obj"}


def governed_stage(word: Token, stage: str) -> str | None:
    """The stage that a modal on a commitment word, or a word above it, gives instead of its own."""
    if stage not in HELD:
        return None
    if word.pos_ == "VERB" and stage == "pledged" and modal_stage(word, stage) == "considered":
        return "considered"  # "could approve the sale", "may sign the contract next month"
    upper = _upper(word)
    if upper is None:
        return None
    found = stage_word(upper)
    if found in OVERRULING:
        return negated(upper, found)
    addressees = [c for c in upper.children if c.dep_ in ADDRESSEES]
    if found == "requested" and stage == "in_progress" and word.lemma_.lower() in RESTARTS:
        return negated(upper, found)  # "asked Berlin to resume deliveries": stopped, and asked for again
    if found == "requested" and addressees and stage == "pledged":
        # "urged Berlin to approve" asks; "urged Congress to approve aid" is a bill still debated;
        # "wants to approve" (its own plan) keeps the commitment, "urged Berlin to keep sending" the
        # deliveries under way
        return "considered" if any(legislature(a) for a in addressees) else negated(upper, found)
    return None


# Subjects that are a legislature: "Congress is poised to approve aid" is still a debate,
# "Congress approved aid" (past) a pledge.
LEGISLATURES = {"congress", "senate", "house", "parliament", "legislature", "lawmakers", "legislators",
                "bundestag", "knesset", "sejm", "riksdag", "storting"}  # fmt: skip


def legislature(token: Token) -> bool:
    """A legislature ("Congress", "the Senate"); "the White House" is none."""
    lemma = token.lemma_.lower()
    return lemma in LEGISLATURES and not any(c.lower_ == "white" for c in token.children)


def _upper(word: Token) -> Token | None:
    """The word that the stage word complements, directly or through a gerund's preposition."""
    if word.dep_ in COMPLEMENTS and word.head.i != word.i:
        return word.head
    if word.dep_ == "pcomp" and word.head.lower_ in GERUND_PREPS:
        return word.head.head
    return None


# Prepositions of the topic of talks: "talks are under way on the sale", "negotiations resumed over
# the purchase", "discussions are ongoing about the delivery".
TOPICS = {"on", "over", "about", "regarding", "concerning"}


def talks_topic(verb: Token, below: Token) -> bool:
    """A transfer that is the topic of a clause whose subject is talks ("talks are under way on the
    sale of jets", "negotiations are continuing over the purchase"): weighed, not done."""
    if below.dep_ != "prep" or below.lower_ not in TOPICS:
        return False
    clause = verb.head if verb.dep_ == "acomp" else verb  # "discussions are ongoing about the delivery"
    return any(c.dep_ in SUBJECTS and c.pos_ == "NOUN" and stage_word(c) == "considered" for c in clause.children)


# Nouns of bidding for a sale, and the verbs by which a buyer weighs them: "is evaluating bids from
# France and Sweden for 36 jets", "assessed offers for the frigates", "is comparing tenders". A
# verb of judging anything else ("evaluated the tanks Germany sent") stages no transfer.
BIDS = {"bid", "offer", "tender", "proposal"}
EVALUATING = {"evaluate", "assess", "compare", "review", "examine"}


def bids_weighed(noun: Token) -> bool:
    """A noun of bidding that a buyer's verb of judging takes as its object: the bids are weighed."""
    if noun.lemma_.lower() not in BIDS or noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    return noun.head.lemma_.lower() in EVALUATING


# Dependencies of a later verb joined to a stage word ("halted the shipment, then resumed it"):
# the parse makes it a conjunct or leaves it a loose dependent.
LATER_DEPS = {"conj", "dep"}
# Objects that take up the staged transfer again: "resumed it", "restarted them".
TAKEN_UP = {"it", "them"}


def later_stage(word: Token) -> str | None:
    """The stage of a later verb joined to a stage word, without a subject of its own, that takes
    the same transfer up again by a pronoun: "halted the shipment, then resumed it" is under way
    again, "approved the sale but later suspended it" on hold. The last word on it holds."""
    for later in word.children:
        if later.dep_ not in LATER_DEPS or later.i < word.i or later.pos_ != "VERB":
            continue
        if any(c.dep_ in SUBJECTS for c in later.children):
            continue
        if any(c.dep_ in ADDRESSEES and c.lower_ in TAKEN_UP for c in later.children):
            found = stage_word(later)
            if found is not None:
                return negated(later, found)
    return None
