"""The stage of a transfer from the dependency parse: the stage word that governs its cue, what
describes a transfer noun, a legislature's act, a package, then modality and aspect (which, with
negation and how far up a cue's stage words reach, clause.py holds), and last what the verb's
form and frame make of its base stage (verbform.py)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from materiel.extract.bans import ban_stage
from materiel.extract.clause import done, modal_stage, not_yet, stage_ancestors
from materiel.extract.described import NOTIFYING, described
from materiel.extract.futuretime import dated_ahead
from materiel.extract.governed import bids_weighed, governed_stage, later_stage, legislature, talks_topic
from materiel.extract.holdattempts import attempted_hold
from materiel.extract.letters import letter_stage
from materiel.extract.nearing import near_beside, nearing
from materiel.extract.negation import AWAITED, EXECUTED, negated, negated_verb, still_to_come
from materiel.extract.openquestion import asked_ahead
from materiel.extract.stagewords import OPEN_MATTERS
from materiel.extract.syntax import MAX_CLIMB, cue_kind, cues, stage_word
from materiel.extract.thwarted import thwarted_stage
from materiel.extract.treenames import SUBJECTS
from materiel.extract.verbform import PACKAGES, Staged, verb_form_reason


def stage_of(cue: Token, base: str) -> str:
    """The stage of a transfer (`stage_reason`'s stage)."""
    return stage_reason(cue, base)[0]


def stage_reason(cue: Token, base: str) -> Staged:
    """The stage of a transfer and what decided it: a governing stage word wins, then what
    describes a transfer noun, then modality and aspect; what a legislature has yet to do is still
    debated, a commitment not to send refused, and an attempt short of the act."""
    thwarted = thwarted_stage(cue)
    if thwarted is not None:
        return thwarted, "thwarted"  # "sanctions prevented Russia from delivering the jets": nothing moved
    banned = ban_stage(cue)
    if banned is not None:
        return banned, "ban"  # "Germany's ban on arms exports to Riyadh", "urged Berlin to lift its ban"
    lettered = letter_stage(cue)
    if lettered is not None:
        return negated(cue, lettered), "letter"  # "sent India a letter of offer for drones": offered
    found, why = _stage_of(cue, base)
    if found in COMMITTED and _pending_in_legislature(cue):
        return "considered", "legislature: pending"
    if found in COMMITTED and (nearing(cue) or near_beside(cue) or asked_ahead(cue)):
        # "is on the verge of buying jets", "unclear whether it will send tanks"
        return "considered", "open: nearing or asked"
    if found == "pledged" and negated_verb(cue) and not (still_to_come(cue) or cue.lemma_.lower() in AWAITED):
        return "refused", "negated commitment"  # a commitment not to send: "decided not to send"
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in ATTEMPTS and found in EXECUTED:
        # an attempt is not the act: "Iran tried to purchase missiles" asks for them, "Russia
        # tried to sell jets" offers them
        return ("requested" if cue.lemma_.lower() in PURCHASES else "pledged"), "attempt"
    if found == "requested" and _giver_wish(cue):
        return "considered", "giver's wish"  # "France hopes to sell jets to Chile": the seller's wish is talk
    return found, why


def _stage_of(cue: Token, base: str) -> Staged:
    table = cues().stage
    commitment, below = None, cue
    for ancestor in stage_ancestors(cue):
        lemma, word = ancestor.lemma_.lower(), stage_word(ancestor)
        if lemma in BEGINNINGS and (not_yet(ancestor) or dated_ahead(ancestor)):
            base = "pledged"  # "will begin deliveries", "starts sending next week": not under way yet
        elif bids_weighed(ancestor):
            return "considered", f"bids: {lemma}"  # "is evaluating bids from France for 36 jets"
        elif ancestor.pos_ == "NOUN" and lemma in COMMITMENTS:
            commitment = commitment or ancestor  # a stage word above it still decides ("postponed the decision")
        elif word is not None and ancestor.pos_ in ("VERB", "NOUN", "AUX", "ADJ"):
            return _worded(cue, ancestor, word, lemma)
        elif talks_topic(ancestor, below):
            return "considered", "talks"  # "talks are under way on the sale of jets": weighed, not under way
        below = ancestor
    if commitment is not None:
        lemma = commitment.lemma_.lower()
        if nearing(commitment):
            return "considered", f"commitment: {lemma}, nearing"  # "is close to a deal to buy jets"
        # what describes the commitment decides before its own stage: "a deal for Turkey to buy
        # jets is under discussion", "a potential contract to supply tanks"
        told = _buyer_wish(cue, lemma) or described(commitment) or table[lemma]
        return negated(commitment, told), f"commitment: {lemma}"
    return _own_stage(cue, base)


def _worded(cue: Token, ancestor: Token, word: str, lemma: str) -> Staged:
    """The stage a stage word above the cue sets ("agreed to send", "began deliveries"), read
    with what it waits for, lifts, decides against or refuses."""
    why = f"stage word: {lemma}"
    if _undecided(ancestor, word) or (word == "pledged" and nearing(ancestor)) or _talks_go_on(ancestor):
        return "considered", why
    if _awaits_approval(ancestor):
        return "considered", why  # "the sale is awaiting approval by Congress": not yet approved
    if attempted_hold(ancestor, word):
        return "pledged", f"{why}, attempted"  # "tried and failed to block the sale": the sale stands
    word = later_stage(ancestor) or _document_wish(ancestor, word) or _buyer_wish(cue, lemma) or word
    if word == "postponed" and _lifted(ancestor):
        return "in_progress", why  # "lifted its suspension of arms sales": they go on again
    if word == "pledged" and _against(cue, ancestor):
        return negated(ancestor, "refused"), why  # "decided against sending", "agreed against supplying"
    governed = governed_stage(ancestor, word)
    return governed or _refused_request(ancestor, negated(ancestor, word)), why


def _own_stage(cue: Token, base: str) -> Staged:
    """The stage of a cue that no stage word above it sets: what describes a transfer noun, the
    document that provides it, the transfer verb it hangs from, a modal, a package as its
    subject, the progressive, a timetable; else its base stage, under any negation."""
    found = described(cue)
    if found is not None:
        return found, "described"
    document = next((c for c in cue.children if c.dep_ == "nsubj" and c.lemma_.lower() in COMMITMENTS), None)
    if document is not None:
        # what a document provides has its stage: "the agreement provides for the sale", "the deal
        # includes jets" are committed; "a bill that would provide", "the legislation provides" debated
        return cues().stage[document.lemma_.lower()], f"document: {document.lemma_.lower()}"
    mover = _moving_verb(cue)
    if mover is not None:
        return stage_reason(mover, _base(mover))
    modal = modal_stage(cue, base)
    if modal is not None:
        return modal, "modal"
    package = _package_subject(cue)
    if package is not None:
        return described(package) or "pledged", "package subject"  # "the package provides HIMARS": announced
    return verb_form_reason(cue, base)


# Verbs of a phase whose subject may be talks: "negotiations began", "talks continued".
PHASES = {"begin", "start", "continue", "resume"}


def _talks_go_on(verb: Token) -> bool:
    """A phase of talks ("negotiations began for India to lease submarines", "talks continued on
    the sale"): the transfer is weighed, not under way."""
    if verb.lemma_.lower() not in PHASES:
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and stage_word(c) == "considered" for c in verb.children)


# Verbs of waiting: what waits for an approval ("the sale awaits approval", "is waiting for the
# go-ahead of Congress") is not approved yet; what a recipient awaits ("awaits the tanks") is promised.
WAITING = {"await", "wait"}


def _awaits_approval(verb: Token) -> bool:
    if verb.lemma_.lower() not in WAITING:
        return False
    waited = [c for c in verb.children if c.dep_ == "dobj"]
    waited += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children]
    return any(w.lemma_.lower() in APPROVALS or w.lemma_.lower() in ("vote", "decision") for w in waited)


def _against(cue: Token, word: Token) -> bool:
    """The cue hangs from the stage word through "against" ("decided against sending tanks")."""
    for node in cue.ancestors:
        if node.i == word.i:
            return False
        if node.dep_ == "prep" and node.lower_ == "against" and node.head.i == word.i:
            return True
    return False


# How a request or a commitment hangs on the refusal above it: a request as its object ("rejected
# calls to send"), a commitment as its object ("blocked approval of the deal"). A commitment as the
# refusal's infinitive ("refused to approve the sale", "declined to sign the contract") is
# governed.governed_stage's, which reads it first.
REFUSED_DEPS = {
    "requested": ("dobj", "obj", "nsubjpass"),
    "pledged": ("dobj", "obj", "nsubjpass"),
}


def _refused_request(word: Token, stage: str) -> str:
    """A request or a commitment that a refusal takes is refused ("rejected calls to send jets",
    "refused demands that it ship shells", "blocked approval of the deal"): the refusal above it
    decides. A request that an approval takes is granted ("approved Poland's request to send
    tanks", "granted Kyiv's request for howitzers"): pledged; one it weighs is weighed."""
    head = word.head
    if head.i == word.i or word.dep_ not in REFUSED_DEPS.get(stage, ()):
        return stage
    above = stage_word(head)
    if above == "refused":
        return negated(head, "refused")
    if stage == "requested" and above == "pledged" and head.lemma_.lower() in GRANTING:
        return negated(head, "pledged")
    if stage == "requested" and above == "considered":
        return "considered"  # "is weighing a request to send jets": the one asked weighs it
    return stage


# Verbs of an answer that grants a request; not "plan", "prepare" or "agree on" a request, which
# only make it.
GRANTING = {"approve", "grant", "clear", "greenlight", "greenlighte", "greenlit", "allow", "authorize", "authorise"}


# Stages that a legislature's act commits, which it has not done until the act is past.
COMMITTED = {"pledged", "in_progress", "delivered"}


def _pending_in_legislature(cue: Token) -> bool:
    """Is the cue the act of a legislature not yet done ("Congress is on the verge of allocating
    aid", "the Senate is expected to approve the package")? "The White House" is no legislature."""
    verb, subjects = _subject_clause(cue)
    if verb is None or not any(legislature(s) for s in subjects) or verb.lemma_.lower() in NOTIFYING:
        return False  # "Congress was notified of the sale": told of it, not acting on it
    done = verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lemma_ in ("have", "do") for c in verb.children)
    return not done


def _subject_clause(cue: Token) -> tuple[Token | None, list[Token]]:
    """The verb whose subject the cue's act takes (the cue, or a verb it hangs from), and that subject."""
    for node in [cue, *list(cue.ancestors)[:MAX_CLIMB]]:
        subjects = [c for c in node.children if c.dep_ in SUBJECTS]
        if subjects:
            return node, subjects
    return None, []


def _package_subject(cue: Token) -> Token | None:
    """The package that is the subject of a transfer verb ("the package provides HIMARS") or of a
    verb it hangs from ("the package was focused on supplying shells"): an announcement. A package
    that undergoes the verb ("the package has been delivered") is not."""
    if cue.pos_ != "VERB":
        return None
    verb, subjects = _subject_clause(cue)
    own = [s for s in subjects if s.dep_ == "nsubj" or verb.i != cue.i]
    package = next((s for s in own if s.lemma_.lower() in PACKAGES), None)
    if package is None and any(s.lower_ == "it" for s in own):
        return _package_before(cue)  # "The package includes ... It also delivers more weapons"
    return package


def _package_before(token: Token) -> Token | None:
    """The package that is the subject of the sentence before, which "it" takes up."""
    start = token.sent.start
    if start == 0:
        return None
    before = token.doc[start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.lemma_.lower() in PACKAGES else None


def bare_stage(sentence: Span) -> str:
    """The stage of an item in a sentence with no transfer word: that of the first commitment
    in it ("this deal makes Qatar the first customer for ...", "signed a letter of intent for
    ..."), else 'delivered', the stage a bare report of materiel most often has."""
    table = cues().stage
    for token in sentence:
        lemma = token.lemma_.lower()
        if (token.pos_ == "NOUN" and lemma in COMMITMENTS) or (token.pos_ == "VERB" and lemma == "sign"):
            return table[lemma]
    return "delivered"


# Cue kinds that give a list's header a stage of its own ("Germany will send:", "the agreements
# provide for the sale of:"); a header that only lists ("It includes:") gives none, and its items
# keep the stage of the package named before it.
HEADING_CUES = {"transfer", "receive", "request", "noun"}


def heading_stage(sentence: Span) -> str | None:
    """The stage the header of a bulleted list gives by its first transfer word, if it has one."""
    table = cues()
    cue = next((t for t in sentence if cue_kind(t) in HEADING_CUES), None)
    if cue is None:
        return None
    lemma = cue.lemma_.lower()
    words = table.nouns if cue_kind(cue) == "noun" else {**table.transfer, **table.receive, **table.request}
    return stage_of(cue, words.get(lemma, "delivered"))


def in_use(item: Token) -> bool:
    """An item that a relative clause says has been used ("HIMARS, which the Ukrainian military
    has used to strike ...", "the drones Russia launched"): it has been delivered."""
    nodes = [item, *(c for c in item.children if c.dep_ == "appos")]
    if item.dep_ == "appos":
        nodes.append(item.head)  # "the rocket system (HIMARS), which ...": the clause is on the name
    users = cues().users
    return any(c.dep_ == "relcl" and c.lemma_.lower() in users and done(c) for n in nodes for c in n.children)


# Stage words of a start: under way once begun ("began deliveries", "has started sending"), but
# promised while the start is to come ("will begin deliveries", "plans to start sending").
BEGINNINGS = {"begin", "start"}


# A buyer's plan to buy ("the Bundeswehr intends to purchase 30 jets", "Poland's plan to acquire
# tanks", "India's intention to buy jets": the noun of "intend", a commitment word above a
# supplier's verb) is the recipient's wish, not a supplier's promise: requested. Plans to receive
# what a supplier promised ("plans to receive the first F-16s") stay pledged. A buyer's offer to
# buy ("Manila offered to buy the frigates") is a bid for them, asked, not yet agreed.
BUYER_PLANS = {"plan", "intend", "intention", "hope", "aim", "offer"}
# Verbs of an attempt, which has not reached the stages of an act done (EXECUTED).
ATTEMPTS = {"try", "attempt"}
PURCHASES = {"buy", "purchase", "acquire", "import"}


# Verbs of a wish whose subject, when it is the one who gives, only weighs the transfer ("the
# French want to sell arms to China", "Paris hopes to sell jets"); a recipient's wish asks for it.
# 'hop' is how the lemmatiser reads "hopes".
WISHES = {"want", "hope", "hop", "wish", "seek"}


def _giver_wish(cue: Token) -> bool:
    """Is the cue an active transfer verb whose subject is that of the wish it completes?"""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)
    wish = cue.head.lemma_.lower() in WISHES and cue.head.i != cue.i
    return cue.dep_ == "xcomp" and wish and cue_kind(cue) == "transfer" and not passive


# Subordinators of an open question: "has not decided whether to send" weighs the transfer.
OPEN_QUESTION = {"whether", "if"}


def _undecided(word: Token, stage: str) -> bool:
    """A commitment not (yet) made is still weighed: "has not decided whether to send", "has not
    yet agreed to supply" are considered, not refused as "decided not to send" is."""
    if stage != "pledged" or not negated_verb(word):
        return False
    question = any(m.dep_ == "mark" and m.lower_ in OPEN_QUESTION for c in word.children for m in c.children)
    return question or still_to_come(word)


# Verbs that end a hold they take as object: "lifted the suspension of sales", "ended the freeze
# on deliveries", "reversed its pause of exports".
LIFTING = {"lift", "end", "reverse", "remove"}


def _lifted(hold: Token) -> bool:
    """A noun of a hold ("suspension", "freeze") that a verb of LIFTING takes as its object."""
    return hold.pos_ == "NOUN" and hold.dep_ in ("dobj", "nsubjpass") and hold.head.lemma_.lower() in LIFTING


def _document_wish(verb: Token, stage: str) -> str | None:
    """A request verb whose subject is a document asks nothing: "the deal calls for France to
    deliver jets" has the deal's stage (pledged), "the bill calls for aid" the bill's (considered)."""
    if stage != "requested" or verb.pos_ != "VERB":
        return None
    document = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in COMMITMENTS), None)
    return cues().stage[document.lemma_.lower()] if document is not None else None


def _buyer_wish(cue: Token, stage_word: str) -> str | None:
    if stage_word in BUYER_PLANS and cue.lemma_.lower() in PURCHASES:
        return "requested"
    return None


# Nouns of a commitment ("the deal to provide", "the decision to sell"): pledged, and nouns of a
# proposal ("a bill to provide", "the proposal to send"): considered; a stage word governing them
# in turn decides ("signed the bill", "postponed the decision").
PROPOSALS = {"bill", "legislation", "proposal"}
# Permits, licences and approvals of an export are the supplier's commitment too ("export
# licences were issued", "the approval of the sale"); seeking one is a request ("sought approval").
APPROVALS = {"permit", "licence", "license", "approval", "authorization", "authorisation"}
# A plan is one too, which a stage word above decides ("blocked Poland's plan to send tanks"), and
# so are an offer, a pledge and a promise as nouns ("withdrew its offer of jets", "broke its promise
# of tanks", "postponed the pledge of shells").
PROMISES = {"offer", "pledge", "promise"}
# An open matter (stagewords.OPEN_MATTERS) is talk, not an act ("the question of supplying
# missiles remains open", "the possibility of sending jets"), unless a stage word above decides
# ("ruled out the possibility of sending jets" refuses it).
COMMITMENTS = {"deal", "contract", "agreement", "decision", "intention", "order", "plan", *PROPOSALS, *APPROVALS,
               *PROMISES, *OPEN_MATTERS}  # fmt: skip


def _moving_verb(cue: Token) -> Token | None:
    """The transfer verb a transfer noun hangs from ("will provide $1bn as military aid, a package
    ...", "is sending more aid"): the noun's stage is the verb's."""
    if cue.pos_ != "NOUN":
        return None
    verb = next((a for a in stage_ancestors(cue) if a.pos_ == "VERB"), None)
    return verb if verb is not None and cue_kind(verb) in ("transfer", "receive") else None


def _base(verb: Token) -> str:
    table = cues()
    lemma = verb.lemma_.lower()
    return table.transfer.get(lemma) or table.receive.get(lemma) or "delivered"
