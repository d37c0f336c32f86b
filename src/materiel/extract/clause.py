"""The clause around a stage word: how far up the parse a cue's stage words reach (up to a
clause of its own), and the modality and aspect that turn a stage ("will send" pledged, "could
send" considered); negation ("did not send" refused) is negation.py's."""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.negation import negated, negated_verb
from materiel.extract.syntax import MAX_CLIMB, stage_word

MODALS_PLEDGED = {"will", "would", "shall", "'ll", "going"}
MODALS_CONSIDERED = {"could", "may", "might"}
# Modals of ability and advice: "can provide", "should deliver", "must send" say what is possible
# or urged, not what was done or promised; under "not" ("cannot send") the negation decides.
MODALS_URGED = {"can", "ca", "should", "must", "ought"}
# Modals of duty that, with the perfect, say what was due and not done ("should have delivered
# the system by now"), unlike the inference of "must have sent".
MODALS_OWED = {"should", "ought"}


def done(verb: Token) -> bool:
    """A verb of a finished act: past ("fired") or perfect ("has used"), not negated, no modal."""
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    if any(c.dep_ == "neg" or c.tag_ == "MD" for c in helpers):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in helpers))


def not_yet(verb: Token) -> bool:
    """A verb in the infinitive ("to begin") or under a modal of the future ("will start")."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and (c.tag_ == "TO" or c.lower_ in MODALS_PLEDGED) for c in verb.children
    )


def modal_stage(cue: Token, base: str) -> str | None:
    """The stage a modal on the cue or the verbs above it gives: "will send" is pledged, "could
    send" and "should send" are talk, and so is a bidding ("Send tanks to Ukraine"); "cannot send"
    is left to the negation."""
    if imperative(cue):
        return "considered"
    for verb in _verb_chain(cue):
        if _heading_modal(verb):
            return "considered"  # "Poland ought to send its jets": "ought" heads its infinitive
        if _going_to(verb):
            return negated(verb, "pledged")  # "is going to send", "said it was going to supply"
        for child in verb.children:
            if child.dep_ not in ("aux", "auxpass"):
                continue
            if child.lower_ in MODALS_PLEDGED:
                hypothetical = child.lower_ in HYPOTHETICAL and _conditional(verb)
                return "considered" if hypothetical else negated(verb, "pledged")
            if child.lower_ in MODALS_CONSIDERED:
                return base if _perfect(verb) else "considered"  # "may have received": a hedged past
            if child.lower_ in MODALS_OWED and _perfect(verb) and not negated_verb(verb):
                return "pledged"  # "should have delivered the system by now": due, not done
            if child.lower_ in MODALS_URGED and not negated_verb(verb):
                return base if _perfect(verb) else "considered"  # "must have sent": an inferred past
    return None


# Subordinators of a condition: "would send jets if Congress approves" is a possibility, not a pledge.
CONDITIONS = {"if"}
# The modal of a condition's consequence: "would send jets if Congress approves" is talk; "will
# send jets if pilots finish training" is a pledge with a term, as GUIDE reads it.
HYPOTHETICAL = {"would"}


def _conditional(verb: Token) -> bool:
    """A future on a condition ("would send tanks only if Washington did"), not one that holds
    whatever happens ("will send tanks even if Russia objects")."""
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        marked = any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in clause.children)
        if marked and not any(c.lower_ == "even" for c in clause.children):
            return True
    return False


def _heading_modal(verb: Token) -> bool:
    """A modal of advice that the parser makes the head of the cue's infinitive ("Poland ought to
    send its jets": "send" hangs from "ought"), not negated ("ought not to send" is negation.py's)."""
    return verb.tag_ == "MD" and verb.lower_ in MODALS_URGED and not negated_verb(verb)


def _going_to(verb: Token) -> bool:
    """'going' with a form of 'be' over an infinitive ("is going to send"): the future, as "will"."""
    be = any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    if verb.lemma_ != "go" or verb.tag_ != "VBG" or not be:
        return False
    return any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children)


def imperative(verb: Token) -> bool:
    """A verb that bids ("Send tanks to Ukraine!", "Give them the jets"): the bare form with no
    subject and no helper, heading its sentence or opening a bidding that someone is said to
    have made ("Send more tanks, the minister told Berlin"), urging an act, not telling one."""
    if verb.tag_ != "VB" or any(c.dep_ in BIDDING_HELPERS for c in verb.children):
        return False
    opening = all(t.is_punct for t in verb.doc[verb.sent.start : verb.i])
    return verb.dep_ == "ROOT" or (opening and verb.dep_ in ("ccomp", "advcl"))


# Dependents that make a bare verb no bidding: a subject ("they send"), a helper ("to send",
# "will send") or a subordinating word ("if they send").
BIDDING_HELPERS = {"nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark"}


# Words on a noun that make its infinitive an act done: "the first country to send tanks", "the
# only state to deliver jets", "the latest ally to supply shells" tell who did it.
ORDINALS = {"first", "second", "third", "last", "latest", "only", "next", "sole"}
# Nouns of an aim, a means or a chance: their infinitive is aimed at or possible, not done. Nouns
# of a commitment or an act ("a commitment to deliver", "the move to send", "the authority to
# transfer", "permission to send") and of a plan ("the plan to send", a stage word of its own,
# pledged) are left out: the verb above them or their own stage word decides.
AIM_NOUNS = {
    "campaign", "effort", "push", "bid", "attempt", "drive",  # striving: "efforts to deliver jets"
    "proposal", "idea",  # proposed: "Norway's proposal to give jets"
    "call", "pressure", "appeal",  # urged by others: "calls to send jets"
    "desire", "wish", "hope", "ambition", "eagerness",  # wanted: "Tehran's desire to supply Moscow"
    "capacity", "ability", "capability", "readiness", "willingness",  # able or willing: "the capacity to supply shells"
    "way", "means", "chance", "option", "possibility", "opportunity",  # open: "a way to send missiles"
}  # fmt: skip


def aim_of_noun(verb: Token) -> bool:
    """A transfer verb in the infinitive on a noun of an aim, a means or a chance (`AIM_NOUNS`: "a
    campaign to sell the tank", "efforts to deliver tanks", "the capacity to supply shells", "a
    push to send jets"): what is aimed at or possible, not done; unless the noun tells who did it
    ("the first country to send tanks")."""
    noun = verb.head  # its lemma or its word: the lemmatiser reads "means" as "mean"
    if verb.dep_ not in ("acl", "relcl") or noun.i == verb.i or not {noun.lemma_.lower(), noun.lower_} & AIM_NOUNS:
        return False  # the parser takes some such infinitives for relative clauses
    helpers = [c for c in verb.children if c.dep_ in ("aux", "nsubj", "nsubjpass")]
    if [c.tag_ for c in helpers] != ["TO"]:
        return False  # a clause of its own: "the tanks Germany is to send" is promised
    if any(c.dep_ == "nummod" for c in noun.children):
        return False
    return not any(c.lower_ in ORDINALS or c.tag_ == "JJS" for c in noun.children)


# Verbs of a sale whose object may be a sum: "sold $8 billion in arms" counts the deals' value,
# which deliveries fill later; "sold 24 jets" counts the items. "Exported $774 million in fuel" is
# a trade flow that went (customs figures): export is left out.
SALE_VERBS = {"sell"}
SUMS = {"million", "billion", "trillion"}


# Currency words that make a number a sum as "$" does ("2 billion euros in jets").
CURRENCIES = {"dollar", "euro", "pound", "yen", "yuan", "won", "rouble", "ruble", "rupee", "franc", "krona",
              "krone", "shekel", "lira", "zloty"}  # fmt: skip


def sold_sum(verb: Token) -> bool:
    """A sale whose object is a sum of money ("sold around $8 billion in arms", "sold $500 million
    worth of bombs", "sold 2 billion euros in jets"): the value of contracts, a commitment, not
    materiel handed over; unless the sentence tells the goods arrived ("..., and they arrived in
    2020", "which has received most of them")."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if verb.lemma_.lower() not in SALE_VERBS or verb.pos_ != "VERB" or perfect:
        return False  # "has sold $1 billion in drones since 2022": a running total of what went
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() == "worth":
            obj = next((c for c in obj.children if c.dep_ in ("nummod", "npadvmod")), obj)
        if _a_sum(obj):
            return not _arrived(verb)
    return False


# A sale of a sum as the text tells it, for what reads a stage back off the words (disclosure: a
# sum sold is a stage of the deals, not a commitment the supplier announced).
SUM_SALE = re.compile(
    r"""\bsold\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?
    (?:[$€£]\s?[\d.,]+\s*(?:million|billion|trillion)                    # "sold $8 billion"
      |[\d.,]+\s*(?:million|billion|trillion)\s+(?:dollars|euros|pounds)) # "sold 2 billion euros"
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _a_sum(noun: Token) -> bool:
    """A large number with a currency sign or word: "$8 billion", "2 billion euros"."""
    lemma = noun.lemma_.lower()
    if lemma in CURRENCIES:
        return any(c.lemma_.lower() in SUMS for c in noun.subtree)
    return lemma in SUMS and any(c.tag_ == "$" or c.lemma_.lower() in CURRENCIES for c in noun.subtree)


def _arrived(verb: Token) -> bool:
    """Does another verb of the sentence, not negated, tell of an arrival or a receipt ("they
    arrived", "which has received them", "they were delivered")?"""
    for token in verb.sent:
        if token.i == verb.i or negated_verb(token):
            continue
        kind = syntax.cue_kind(token)
        passive = kind == "transfer" and any(c.dep_ == "auxpass" for c in token.children)
        if kind in ("receive", "arrive") or passive:
            return True
    return False


# Prepositions whose gerund is an act of its own, not the stage of the verb above it ("thanked
# Slovakia for providing", "after sending"); "from" is left out: "refrained from sending".
CLAUSE_PREPS = {"for", "after", "before", "since", "despite", "besides"}


# Prepositions that set a gerund's clause beside the main clause, not under it ("Despite Germany
# sending tanks, Kyiv asked France for more": the sending is conceded, neither asked for nor staged
# by the asking).
BESIDE_PREPS = {
    "despite",  # a concession
    "notwithstanding",  # a concession
    "spite",  # "in spite of Berlin sending tanks"
    "after",  # what happened before the request
    "before",  # what happened after it
    "since",  # what the request follows
    "following",  # what the request follows
    "besides",  # an addition beside the request
    "unlike",  # a contrast
}


def stage_ancestors(cue: Token) -> list[Token]:
    """The words above a cue that may set its stage, up to a clause of its own (see _own_clause)
    or a gerund's preposition ("thanked for sending")."""
    out, node = [], cue
    for ancestor in list(cue.ancestors)[:MAX_CLIMB]:
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)  # "for Riyadh to buy"
        gerund = (node.dep_ == "pcomp" and node.head.lower_ in CLAUSE_PREPS) or _beside_gerund(node)
        if (_own_clause(node) and not infinitive) or gerund or _reported_content(node) or _talked_of(node, ancestor):
            break
        if _withheld_answer(node):
            break
        out.append(ancestor)
        node = ancestor
    return out


def _beside_gerund(node: Token) -> bool:
    """A gerund with a subject of its own under a preposition set beside the clause ("Despite
    Germany sending tanks, Kyiv asked for more": the parser hangs 'sending' on 'Germany')."""
    noun = node.head
    return node.dep_ == "acl" and node.tag_ == "VBG" and noun.dep_ == "pobj" and noun.head.lower_ in BESIDE_PREPS


# Prepositions of the topic of a word of talk (syntax.TALK_WORDS): a transfer "commented on", or that a request
# "for comment" or "for information" is "about", is the topic of the talk; the words above stage
# the talk ("declined to comment on the delivery", "did not respond to a request for comment on the
# sale"), not the transfer.
TOPIC_PREPS = {"on", "about", "regarding", "concerning"}


def _talked_of(node: Token, ancestor: Token) -> bool:
    """`node` is the preposition of a talk word's topic ("comment on", "questions about")."""
    return node.dep_ == "prep" and node.lower_ in TOPIC_PREPS and ancestor.lemma_.lower() in syntax.TALK_WORDS


# Nouns of what is said about a transfer: a clause on one tells its own act, which the verb above
# ("rejected accusations that it had shipped tanks") does not stage.
REPORT_NOUNS = {"accusation", "allegation", "claim", "report", "rumour", "rumor", "suggestion", "story", "announcement"}


def _reported_content(node: Token) -> bool:
    """A content clause with its own subject on a report noun ("claims that Russia was supplying")
    or on a verb of weighing ("reviewed how Belarus received the jets"): its act is told, not weighed."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
    if node.dep_ not in ("acl", "ccomp") or not own_subject:
        return False
    return node.head.lemma_.lower() in REPORT_NOUNS or stage_word(node.head) == "considered"


# Verbs of telling that a speaker may decline to do ("declined to say whether", "refused to
# confirm that"): what it would not tell is no act it refused.
TELLING = {"say", "confirm", "comment", "disclose", "reveal", "specify", "detail", "elaborate", "discuss", "speculate"}
# Verbs of declining a question, not an act.
DECLINING = {"decline", "refuse"}


def _withheld_answer(node: Token) -> bool:
    """A clause told by a verb of telling that a speaker declines ("declined to say whether Germany
    would send tanks", "refused to confirm that Kyiv had received them"): the refusal is of the
    answer; the clause keeps its own stage ("refused to send tanks" is still a refusal)."""
    telling = node.head
    if node.dep_ != "ccomp" or telling.lemma_.lower() not in TELLING or telling.dep_ != "xcomp":
        return False
    return telling.head.lemma_.lower() in DECLINING


# Tags of a relative pronoun ("that", "which", "who"): as a relative clause's subject it is the noun the clause is on.
RELATIVES = {"WDT", "WP"}
# Finite verb tags: a coordinated verb in one of these tells its own act ("agreed and sent").
FINITE = {"VBD", "VBZ", "VBP"}
# Tags of an auxiliary that gives a coordinated verb a tense of its own: a modal ("and will hand
# over"), a finite "have", "be" or "do" ("and has sent", "and is sending").
TENSED_AUX = {"MD", *FINITE}


def _own_clause(node: Token) -> bool:
    """A clause with its own stage: an adverbial clause, or a preposition's clause, with its own
    subject ("after the UK pledged tanks, Berlin still refused", "given that Germany has sent"),
    or a coordinated verb with its own subject or tense ("decided ..., and Kyiv has received",
    "agreed and sent", "has begun training pilots and will hand over jets"), unlike "plans to buy
    and send"; or a
    relative clause with a subject of its own ("discussed the tanks that Germany delivered"), not
    the noun it is on ("signed a bill that provides aid": the bill's own act, which "signed" stages)."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
    if node.dep_ == "relcl":
        return _actor_aside(node) or any(
            c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in RELATIVES for c in node.children
        )
    if node.dep_ in ("advcl", "pcomp"):
        return own_subject  # "given that Germany has sent tanks, Kyiv asked": its own act
    tensed = node.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in TENSED_AUX for c in node.children)
    return node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and (own_subject or tensed)


# Dependencies of the noun a clause's verb acts through: its subject, active or passive.
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _actor_aside(relative: Token) -> bool:
    """A relative clause set aside on a named subject tells that actor's own act, with its own
    tense ("China, which has sold drones to Serbia, declined to comment"; "Turkey, which supplies
    Kyiv with drones, refused to discuss it"): the verb of the main clause does not stage it, as
    "signed a bill that provides aid" stages the bill's act."""
    noun = relative.head
    tensed = relative.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") for c in relative.children)
    named = noun.pos_ == "PROPN" or noun.ent_type_ in ("GPE", "NORP", "ORG")
    return noun.dep_ in SUBJECT_DEPS and named and tensed


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children) and verb.tag_ == "VBN"


def _verb_chain(cue: Token) -> list[Token]:
    """The cue and the verbs it is the purpose or complement of ('will move quickly to send')."""
    chain = [cue]
    if cue.pos_ == "NOUN":  # "will speed up deliveries": the verb a transfer noun hangs from
        chain = [cue, *[a for a in stage_ancestors(cue) if a.pos_ in ("VERB", "AUX")][:1]]
    while (
        chain[-1].dep_ in ("xcomp", "advcl") or _bare_infinitive(chain[-1]) or _shares_auxiliaries(chain[-1])
    ) and len(chain) < 3:
        if chain[-1].head.i == chain[-1].i:
            break
        chain.append(chain[-1].head)
    return chain


def _shares_auxiliaries(verb: Token) -> bool:
    """A participle or bare verb joined to another with no auxiliary or subject of its own ("will be
    made in Britain and delivered to Switzerland", "will build and deliver"): the first verb's
    auxiliaries are its own. A past tense ("will train pilots and sent tanks") has its own tense,
    unless it follows a passive participle, as a participle the tagger took for one does ("will be
    built and delivered")."""
    head = verb.head
    passive = head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children)
    return (
        verb.dep_ == "conj"
        and (verb.tag_ in ("VBN", "VB") or (verb.tag_ == "VBD" and passive))
        and head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
    )


def _bare_infinitive(verb: Token) -> bool:
    """A bare infinitive with a subject of its own under a verb of seeing or letting ("the deal will
    see Germany supply tanks", "would let Poland send jets"): it has no tense but the verb's above."""
    return verb.dep_ == "ccomp" and verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
