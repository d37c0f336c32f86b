"""Reporting verbs: which words of a sentence make a source, and the tokens they make one of.

"According to X", "citing X", and the subject or agent of a verb of saying, reporting or
finding ("the Pentagon notified", "customs data show", "..., CNN has learned"), with the
conditions some verbs put on that use. The tokens a reporting word makes sources of (its agent
or subject, a stranded speaker, a record's maker) are read in sourcetokens.py; `attribution.py`
turns the tokens found here into named sources.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.demands import calls_for
from materiel.extract.lexicon import find_actors
from materiel.extract.records import RECORDS, WRITTEN, cites_someone, named_or_record, record_given
from materiel.extract.refusals import refuses_transfer
from materiel.extract.source_names import CITED_SPEAKERS, CIVIL, STATEMENT_VERBS, STATEMENTS
from materiel.extract.sourcetokens import agents_within, conjuncts, speakers, subjects

# Verbs of blame, which state that what they blame happened ("the EU condemned Iran's transfer of
# missiles to Russia") only when their object is a transfer; "Kyiv condemned the attack" says
# nothing of any supply.
CONDEMNING_VERBS = {"condemn", "denounce", "criticise", "criticize", "decry", "deplore"}

REPORT_VERBS = {
    "promise",
    "pledge",
    "vow",
    "warn",
    "urge",
    "tweet",
    "brief",
    "say",
    "report",
    "write",
    "tell",
    "state",
    "claim",
    "announce",
    "confirm",
    "add",
    "note",
    "cite",
    "reveal",
    "publish",
    "allege",
    "insist",
    "explain",
    "stress",
    "quote",  # "Tasnim quoted Esmaili as saying": both the outlet and the person
    "accuse",  # "Ukraine has accused Beijing of providing weapons"
    "assess",  # "Militarnyi assessed that Belarus may have received ..."
    "estimate",
    "conclude",
    "boast",  # "Aliyev boasted that he had bought ..."
    "acknowledge",  # "Iran acknowledged it had acquired ..."
    "admit",
    "affirm",
    "reaffirm",  # "the secretary reaffirmed that the sale would go ahead"
    "reiterate",  # "the minister reiterated that Berlin would send more guns"
    "repeat",  # only with a clause: "Macron repeated that he would not rule out sending jets"
    "restate",
    "disclose",  # "the ministry disclosed that 60 tanks had been delivered"
    "divulge",
    "concede",  # "the general conceded that Iran had supplied drones"
    "assert",
    "testify",  # "the admiral testified that the frigates were sold"
    "emphasize",
    "emphasise",
    "hint",  # "a German official hinted that Poland could send ..."
    "inform",  # "the White House informs"
    "declare",  # only with a clause: "the head of the Pentagon declared that ..." (translated news)
    "predict",
    "argue",
    "show",  # "customs data show", "as the newest Kiel Institute report shows"
    "suggest",  # only with a record for subject: "the recordings suggest that Egypt sent arms"
    "indicate",  # only with a record for subject: "satellite images indicate that ..."
    "read",  # only with a writing for subject: "the statement read", "the post reads"
    "point",  # only "pointed out" (see `source_phrases`)
    "discover",  # "spies had discovered Syria's transfer of rocket parts"
    "uncover",
    "determine",  # "as Haaretz was able to determine from flight data"
    "notify",  # "the Pentagon notified Congress of a possible sale"
    "speak",  # "Biden spoke with Netanyahu about ...", "officials have spoken of ..."
    "ask",  # only "ask for": who asks states the request ("Zelensky asked for British missiles")
    "call",  # only "call (on X) to supply": who calls on a supplier states the supply
    "request",
    "document",  # "Amnesty International has documented the sale of US bombs to the Saudis"
    "trace",  # "Amnesty has traced French armoured vehicles sold to Egypt": a finding of its own
    "identify",  # "Human Rights Watch identified Serbian-made mortar rounds supplied to ..."
    "track",  # "open-source researchers have tracked the delivery of missiles to Russia"
    "record",  # "Oryx has recorded 30 tanks that Belarus delivered": a watcher's (see WATCHING_VERBS)
    "spot",  # "open-source analysts spotted North Korean shells delivered to Russia"
    "count",  # "the think tank's researchers counted 40 missiles delivered to Russia"
    "observe",  # "monitors observed Belarusian tanks sent to Russia"
    "learn",  # only with a clause: "..., CNN has learned", "Sky News learned that ..."
    "understand",  # only with a clause: "..., the BBC understands"
    "find",  # only with a clause: "an investigation by Bellingcat found that ..."
    "reply",  # only with a clause: "asked whether tanks had been sent, Shapps replied that they had"
    "respond",  # only with a clause: "the ministry responded that the jets had left"
    "answer",  # only with a clause: "the spokesman answered that ..."
    "believe",  # only with a clause, said by reporters: "..., Western intelligence agencies believe"
    "suspect",  # only with a clause, said by reporters: "US officials suspect that Iran has sent ..."
    "post",  # only with a clause, a record or a place: "Zelensky posted on Telegram"
    "share",  # only with a clause or a record: "the account shared photos of the tanks"
    *STATEMENT_VERBS,  # only with a statement for object: "the ministry issued a statement"
    *CONDEMNING_VERBS,  # only with a transfer for object: "the EU condemned Iran's transfer of missiles"
}
# Verbs that refuse the statement their complement would make ("declined to confirm").
DECLINING = {"decline", "refuse"}


# Verbs that make a source only in some uses: "show", "suggest" and "indicate" with a record for
# subject ("customs data show", "the recordings suggest"; not "Germany showed willingness", "the
# minister suggested a meeting", "the pilot indicated the target"), "point" with "out" ("as Cameron pointed out"), "ask"
# with "for" ("Kyiv asked for tanks"; not "when reporters asked about it"), "call" for a demand
# (see `demands.calls_for`).
RECORD_VERBS = {"show", "suggest", "indicate"}
# Verbs that give the words of what was written, with the writing for subject ("the statement
# read", "the post reads: ..."; not "the minister read the statement").
WORDING_VERBS = {"read"}
PARTICLE_VERBS = {"point": {"out"}, "ask": {"for"}}
# Verbs of opinion, which report what a clause says only when officials, agencies or analysts
# hold it ("US intelligence believes Iran has sent ..."; not "Russia believes it holds the
# advantage", a party's own view).
OPINION_VERBS = {"believe", "suspect"}
# Verbs of answering, which report only what a clause says ("Shapps replied that it had"; not "the
# air defences responded to the attack", "Kyiv answered the call").
ANSWERING_VERBS = {"reply", "respond", "answer"}
# Verbs of saying again, which report only with a clause ("Macron repeated that ..."; not "Iran
# repeated the test", "the ministry repeated its call").
REPEATING_VERBS = {"repeat"}
# Verbs that report only what a clause says ("..., CNN has learned", "the study found that ..."; not
# "Ukraine learned to use them", "Kyiv found a way", "Germany declared war", "Poland conceded
# defeat", "Moscow asserted control"), and those that also report a record or a post somewhere
# ("shared photos of the tanks", "posted on Telegram"; not "shared the burden").
CLAUSE_VERBS = {
    "learn", "understand", "find", "declare", "concede", "assert", *OPINION_VERBS, *ANSWERING_VERBS, *REPEATING_VERBS,
}  # fmt: skip
POSTING_VERBS = {"post", "share"}
# Where a post is put ("posted on Telegram", "shared on X").
POSTED_ON = {"on", "to"}


def source_phrases(token: Token) -> list[list[Token]]:
    lemma = token.lemma_.lower()
    if lemma == "accord" or token.lower_ == "according":
        found = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        return [[t] for g in found for t in (g, *conjuncts(g), *agents_within(g))]
    if token.lower_ == "per" and token.dep_ == "prep":
        return [[g] for g in token.children if g.dep_ == "pobj" and named_or_record(g)]
    if lemma in ("cite", "quote") and token.tag_ == "VBG":
        return [[c] for c in token.children if c.dep_ == "dobj" and cites_someone(c)]
    if lemma in REPORT_VERBS and token.pos_ == "VERB" and _reporting_use(token, lemma):
        return [[t] for t in speakers(token, lemma)]
    if refuses_transfer(token):  # "the chancellor ruled out sending missiles": a word on where it stands
        return [[t] for t in speakers(token, lemma)]
    record = _record_describing(token, lemma)
    if record is not None:  # "a Pentagon memo, detailing the sale of jets to Qatar"
        return [[record]]
    if token.dep_ == "agent" and record_given(token.head):
        return [[g] for g in token.children if g.dep_ == "pobj"]
    if token.pos_ == "NOUN" and lemma in SPEECH_NOUNS:  # "Scholz's pledge", "the announcement by Austin"
        return [[h] for h in _speech_holders(token)]
    return []


# Nouns of a speech act, whose holder (its possessive or its "by") states what it is of ("Austin's
# confirmation that ...", "Macron's offer of jets", "the announcement by Wallace that ..."); a
# statement is read as a speaker of its own (CITED_SPEAKERS).
SPEECH_NOUNS = {"announcement", "pledge", "promise", "confirmation", "admission", "assurance", "offer"}
# Prepositions that name a speech act's holder ("from" is left out: "the offer from Lockheed of 32
# jets" hangs the offer's contents on the name).
HOLDER_PREPOSITIONS = {"by"}
# Lexicon kinds of a holder that is a state named as such or by its people ("Germany's pledge",
# "the Dutch offer"): a party, read by the stance rules, not a source named here; its leader or
# seat speaks ("Scholz's pledge", "the Pentagon's confirmation").
STATE_NAMES = {"state", "alias", "demonym"}
# Entity types of a holder the lexicon does not know that can speak: a person or an organisation
# (not a place: "the Kingdom's pledge of expanding cooperation", a state by another name).
SPEAKING_ENTITIES = {"PERSON", "ORG"}


def _speech_holders(noun: Token) -> list[Token]:
    """The named holder of a speech act that can speak for itself (see `_speaks`)."""
    held = [c for c in noun.children if c.dep_ == "poss"]
    held += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in HOLDER_PREPOSITIONS for g in c.children]
    return [h for h in held if h.dep_ in ("poss", "pobj") and h.pos_ == "PROPN" and _speaks(h)]


def _speaks(token: Token) -> bool:
    """A leader, seat, organisation or maker of the lexicon, or a person or organisation it does
    not know; not a state's own name (`STATE_NAMES`)."""
    kinds = {m.kind for m in find_actors(token.text)}
    return not kinds & STATE_NAMES and (bool(kinds) or token.ent_type_ in SPEAKING_ENTITIES)


# Participles by which a record tells of what it is about ("a cable referencing Turkey's request for
# drones", "a memo detailing the sale of jets").
DESCRIBING = {"reference", "detail", "describe", "mention", "discuss", "outline", "document"}


def _record_describing(token: Token, lemma: str) -> Token | None:
    """The record a participle of describing qualifies, when its object is a transfer: its head, or
    the subject right before it that the parser left it beside ("A memo, detailing ..., was leaked")."""
    if token.tag_ != "VBG" or lemma not in DESCRIBING:
        return None
    if not any(_a_transfer(c) for c in token.children if c.dep_ == "dobj"):
        return None
    if token.dep_ == "acl":
        heads = [token.head]
    elif token.dep_ == "advcl":
        heads = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") and 0 < token.i - c.i <= SET_OFF]
    else:
        heads = []
    return next((h for h in heads if h.lemma_.lower() in RECORDS), None)


# How far after a record's noun a participle set off by a comma may stand ("memo, detailing").
SET_OFF = 2


# Conjunctions of a clause that only dates what the main clause tells: its speaker is no source of
# that ("the supply came shortly after Seoul issued a declaration on security": Seoul says nothing of
# the supply; "deliveries began once Berlin announced the package": the deliveries are not Berlin's
# word).
TIME_MARKS = {"after", "before", "since", "until", "till", "once", "when", "whenever"}


def _dates_only(token: Token) -> bool:
    """The verb heads a clause that dates the main clause's event, not a report of it; one that
    tells of a transfer itself still reports ("deliveries began after Germany announced the
    package": Germany's word on the package)."""
    timed = token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in token.children)
    return timed and not any(syntax.cue_kind(t) is not None for t in token.subtree)


def refused(token: Token) -> bool:
    """A verb of saying that says nothing: negated ("Washington has not confirmed it"), declined
    ("Israel declined to confirm") or done without ("..., without telling CNN when")."""
    return (
        _negated(token)
        or (token.dep_ == "xcomp" and token.head.lemma_ in DECLINING)
        or (token.dep_ == "pcomp" and token.head.lower_ in WITHOUT)
    )


def _negated(verb: Token) -> bool:
    """A "not" of the verb's own, after its subject ("Berlin did not confirm"); the parser hangs a
    quotation's "not" before the speaker on the verb too ("'Of course not' - Zelensky tells BBC")."""
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ == "neg" and c.i > max(subjects, default=-1) for c in verb.children)


# Prepositions that deny the verb they govern ("without saying which", "without telling CNN").
WITHOUT = {"without"}


def _reporting_use(token: Token, lemma: str) -> bool:
    if refused(token):
        return False
    if _dates_only(token):
        return False
    if lemma in PARTICLE_VERBS:
        return any(c.lower_ in PARTICLE_VERBS[lemma] for c in token.children)
    if lemma == "call":
        return calls_for(token)
    if lemma in RECORD_VERBS:
        return any(t.lemma_.lower() in RECORDS for t in subjects(token))
    if lemma in WORDING_VERBS:
        return any(t.lemma_.lower() in WRITTEN for t in subjects(token))
    if lemma in OPINION_VERBS and not any(t.lemma_.lower() in CITED_SPEAKERS for t in subjects(token)):
        return False
    if lemma in CLAUSE_VERBS | POSTING_VERBS:
        return _reports_clause(token, lemma in POSTING_VERBS)
    if lemma in CONDEMNING_VERBS:
        return any(_a_transfer(c) for c in token.children if c.dep_ == "dobj")
    if lemma in STATEMENT_VERBS:  # "issued a statement", or in the passive "the announcement was made by"
        return any(_a_statement(c, c.dep_ == "nsubjpass") for c in token.children if c.dep_ in ("dobj", "nsubjpass"))
    if lemma in TRACING_VERBS:  # not an adjective ("tracked vehicles", "unidentified drones")
        finite = token.tag_ in FINITE_OR_PERFECT and token.dep_ != "amod"
        watched = lemma not in WATCHING_VERBS or any(_a_watcher(t) for t in _finders(token))
        return finite and watched and (lemma not in SIGHTING_VERBS or _sights_a_transfer(token))
    return True


def _a_transfer(noun: Token) -> bool:
    """An object that names a transfer: a transfer noun or verb in it ("Iran's transfer of
    missiles", "the decision to supply jets")."""
    return any(syntax.cue_kind(t) is not None for t in noun.subtree)


# Claims, statements only where the passive names who made them ("the claim was made by Ukrainian
# intelligence"); "Christie made a similar claim" or "makes the claim to pursue a policy" may be of
# anything.
CLAIMS = {"claim", "allegation", "accusation"}


def _a_statement(noun: Token, passive: bool) -> bool:
    """A statement made, not one denied ("Tehran gave no statement")."""
    kinds = STATEMENTS | CLAIMS if passive else STATEMENTS
    return noun.lemma_.lower() in kinds and not any(c.lower_ == "no" for c in noun.children)


# Verbs of finding that make a source only where someone did the finding ("Amnesty has traced",
# "HRW identified"), not as a purpose ("radar to identify drone threats"): finite or perfect uses.
TRACING_VERBS = {"trace", "identify", "track", "record", "spot", "count", "observe"}
FINITE_OR_PERFECT = {"VBD", "VBZ", "VBP", "VBN"}
# Verbs of finding also said of radars, police, soldiers and companies ("the radar tracked the
# drones", "police tracked the suspect", "soldiers spotted tanks", "the firm recorded a loss",
# "Kyiv counted the votes"): a source only when someone who reports does it, a name or a watcher.
WATCHING_VERBS = {"track", "record", "spot", "count", "observe"}
# Verbs of sighting that report only what was moved, as their object or passive subject ("Oryx has
# recorded 30 tanks that Belarus delivered", "the shipment was spotted by analysts"; not
# "Rheinmetall recorded a profit"), or whatever the clause they qualify tells ("as spotted by
# open-source analysts").
SIGHTING_VERBS = {"record", "spot", "count", "observe"}


def _sights_a_transfer(verb: Token) -> bool:
    sighted = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(_a_transfer(o) for o in sighted) if sighted else verb.dep_ == "advcl"


def _finders(verb: Token) -> list[Token]:
    """Who did the finding: the passive's agent ("as spotted by open-source analysts") or the subject."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents or subjects(verb)


def _a_watcher(subject: Token) -> bool:
    """A name ("Oryx"), one who is cited ("officials"), or one who watches ("open-source researchers")."""
    text = " ".join(t.text for t in subject.subtree)
    return subject.pos_ == "PROPN" or subject.lemma_.lower() in CITED_SPEAKERS or CIVIL.search(text) is not None


def _reports_clause(token: Token, posting: bool) -> bool:
    """A clause for the verb's object, or it ends the sentence after a comma ("..., CNN learned");
    for a posting verb, a record for object or a place it was posted on too."""
    children = list(token.children)
    if any(c.dep_ == "ccomp" for c in children) or token.dep_ == "parataxis":
        return True
    if token.i > 0 and token.nbor(-1).text == "," and all(t.is_punct for t in token.doc[token.i + 1 : token.sent.end]):
        return True
    return posting and any(
        (c.dep_ == "dobj" and c.lemma_.lower() in RECORDS) or (c.dep_ == "prep" and c.lower_ in POSTED_ON)
        for c in children
    )
