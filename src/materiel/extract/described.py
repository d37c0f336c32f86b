"""What describes a transfer noun and gives it a stage: a modifier ("the potential sale"), a
clause on it ("the aid Germany promised", "a package that has stalled"), what a verb of being says
it is ("the delivery is on hold") or a timetable ("deliveries are expected to begin next year")."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.negation import negated
from materiel.extract.syntax import cues, stage_word

# Words that put an infinitive on a timetable: "is set to get", "are scheduled to be delivered",
# "is due to receive", "is slated to send", "is poised to hand over", "is expected to supply"; an
# arrangement that bound the supplier is one too, kept or not ("was supposed to deliver").
SCHEDULED = {"set", "schedule", "slate", "due", "poise", "expect", "suppose"}


# Verbs of being that join a transfer noun to a phrase of cues.json's predicates ("the delivery is on hold").
COPULAS = {"be", "remain", "stay", "appear", "seem"}


def described(cue: Token) -> str | None:
    """A transfer noun's stage given by what describes it: a modifier ("the potential sale", "the
    proposed package"), a clause on it ("a package that has stalled", "the aid Germany promised"),
    what a verb of being says it is ("the delivery is on hold") or a timetable (scheduled)."""
    if cue.pos_ != "NOUN":
        return None
    predicate = _predicate(cue) or _flow_changed(cue)
    if predicate is not None:
        return predicate
    table = cues()
    for child in [*cue.children, *_first_conjunct(cue).children]:
        if child.dep_ == "amod" and child.lower_ in table.modifiers:
            told = table.modifiers[child.lower_]
            return "pledged" if told == "considered" and notified(cue) else told
        word = _clause_stage(child) if child.dep_ in ("relcl", "acl") and child.pos_ == "VERB" else None
        if word is not None:
            return negated(child, word)
    if cue.lemma_.lower() in NOTIFIED_NOUNS and notified(cue):
        return "pledged"  # "Congress was notified of the $1 billion sale of jets to Egypt"
    if _terms(cue):
        return "pledged"  # "the sale covers up to 1,500 missiles": the deal's terms
    return scheduled(cue)  # after its modifiers: "the postponed delivery is expected next year"


# Words of the formal notice of a sale to a legislature or a buyer: "notified Congress of a possible
# sale", "Congress was informed of the proposed sale", "formal notification of the potential sale".
NOTIFYING = {"notify", "inform", "notification", "notice"}
# Transfer nouns that such a notice approves, whatever describes them ("of the sale of 40 jets"); a
# delivery one is told of may have come or be to come.
NOTIFIED_NOUNS = {"sale", "transfer"}


def notified(noun: Token) -> bool:
    """A sale called possible, potential or proposed that a notice is of: the notice tells the
    supplier's approval of it ("The State Department notified Congress of a possible sale of
    jets to Poland"), which a legislature may still block: pledged, not talk."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of":
        return False
    told = prep.head if prep.head.dep_ not in ("dobj", "obj") else prep.head.head  # "notified lawmakers of"
    return told.lemma_.lower() in NOTIFYING


# Nouns of a sale whose terms a verb of contents in the present lists: "the sale covers up to 1,500
# missiles", "the proposed purchase includes 24 jets" tell the deal's terms; deliveries are to come.
TERMS_NOUNS = {"sale", "purchase"}
# Verbs of contents beside cues.json's ("include", "comprise"): "covers", "calls for".
TERMS_VERBS = {"cover"}
# Tags of the present, in which a deal's terms are told ("the sale includes"; "the sale included"
# may tell what was delivered).
PRESENT = {"VBZ", "VBP"}


def _terms(noun: Token) -> bool:
    """A sale that is the subject of a verb of contents in the present: its terms."""
    verb = noun.head
    if noun.dep_ != "nsubj" or noun.lemma_.lower() not in TERMS_NOUNS or verb.tag_ not in PRESENT:
        return False
    return verb.lemma_.lower() in cues().contents or verb.lemma_.lower() in TERMS_VERBS


# Nouns of a change in a flow that is going on: "a breakthrough in the supply of shells", "an
# increase in deliveries", "a surge in arms shipments" tell of supplies under way, not of one
# delivery completed; a stop or a delay of the flow is a stage word of cues.json instead.
FLOW_CHANGES = {"breakthrough", "increase", "surge", "rise", "uptick", "boost", "acceleration",
                "expansion", "progress", "step-up", "ramp-up"}  # fmt: skip


def _flow_changed(noun: Token) -> str | None:
    """'The breakthrough in the supply of munitions came in May': the supplies are in progress."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "of") or prep.head.lemma_.lower() not in FLOW_CHANGES:
        return None
    return "in_progress"


def _clause_stage(verb: Token) -> str | None:
    """The stage a clause on a transfer noun gives it: a stage word's ("the aid Germany promised",
    "a package that has stalled"), or a verb's that commits a transfer ("the aid announced on
    Friday", "the package unveiled by Washington", "the tanks Berlin has offered"): pledged."""
    word = stage_word(verb)
    if word is not None:
        return word
    committed = cues().transfer.get(verb.lemma_.lower())
    return committed if committed == "pledged" else None


def _predicate(noun: Token) -> str | None:
    """The stage a verb of being gives its subject by a modifier of cues.json ("is pending") or a
    phrase of its predicates ("is on hold")."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in COPULAS:
        return None
    if _judged_ahead(verb):
        return "considered"  # "more aid will be critical": what is called for, not what was promised
    state = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ in cues().modifiers), None)
    if state is not None:
        return cues().modifiers[state.lower_]  # "the sale is pending", "the deal remains stalled"
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = cues().predicates.get(f"{prep.lower_} {obj.lemma_.lower()}")
            if found is not None:
                return found
    return None


# Adjectives of need or worth: a transfer that "will be critical" or "would be vital" is called for.
JUDGEMENTS = {"critical", "crucial", "vital", "essential", "key", "important", "necessary", "decisive",
              "indispensable", "helpful", "useful"}  # fmt: skip
# Modals that put the judgement ahead ("will be critical"); "was critical" judges what was done.
JUDGING_MODALS = {"will", "would", "could", "may", "might", "'ll"}


def _judged_ahead(verb: Token) -> bool:
    """A verb of being under a modal with an adjective of need or worth: "continued assistance
    will be critical", "deliveries of jets would be decisive"."""
    modal = any(c.dep_ == "aux" and c.lower_ in JUDGING_MODALS for c in verb.children)
    return modal and any(c.dep_ == "acomp" and c.lemma_.lower() in JUDGEMENTS for c in verb.children)


def scheduled(noun: Token) -> str | None:
    """A transfer noun that a timetable has as its subject is promised, not done: "deliveries
    are expected to begin next year", "the first shipment is scheduled for May", "the handover
    is due in March", "deliveries are to start in spring"."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.i == noun.i:
        return None
    if verb.lemma_.lower() in SCHEDULED:
        return "pledged"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SCHEDULED:
        return "pledged"  # "a shipment of shells is due to arrive in Armenia" (mend.py: the arrival's subject)
    if verb.lemma_ != "be":
        return None
    timetable = any(c.dep_ == "acomp" and c.lemma_.lower() in SCHEDULED for c in verb.children)
    infinitive = any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children)
    return "pledged" if timetable or infinitive else None


def _first_conjunct(noun: Token) -> Token:
    """The first of coordinated nouns, whose modifiers describe them all ("the potential sale,
    supply or transfer")."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head.i != noun.i:
        noun = noun.head
    return noun
