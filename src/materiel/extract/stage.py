"""The stage of a transfer from the dependency parse: the stage word that governs its cue, what
describes a transfer noun, then modality and aspect."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.syntax import MAX_CLIMB, cue_kind, cues

MODALS_PLEDGED = {"will", "would", "shall", "'ll", "going"}
MODALS_CONSIDERED = {"could", "may", "might"}
# Modals of ability and advice: "can provide", "should deliver", "must send" say what is possible
# or urged, not what was done or promised; under "not" ("cannot send") the negation decides.
MODALS_URGED = {"can", "ca", "should", "must", "ought"}


def stage_of(cue: Token, base: str) -> str:
    """The stage of a transfer: a governing stage word wins, then what describes a transfer noun,
    then modality and aspect."""
    table = cues().stage
    commitment = None
    for ancestor in _stage_ancestors(cue):
        lemma = ancestor.lemma_.lower()
        if ancestor.pos_ == "NOUN" and lemma in COMMITMENTS:
            commitment = commitment or ancestor  # a stage word above it still decides ("postponed the decision")
        elif lemma in table and ancestor.pos_ in ("VERB", "NOUN", "AUX", "ADJ"):
            return _negated(ancestor, _buyer_wish(cue, lemma) or table[lemma])
    if commitment is not None:
        return _negated(commitment, table[commitment.lemma_.lower()])
    described = _described(cue)
    if described is not None:
        return described
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in PROPOSALS for c in cue.children):
        return "considered"  # "a bill that would provide", "the legislation provides": still debated
    mover = _moving_verb(cue)
    if mover is not None:
        return stage_of(mover, _base(mover))
    modal = _modal_stage(cue, base)
    if modal is not None:
        return modal
    if cue.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in cue.children):
        return "pledged" if _sends_package(cue) else "in_progress"
    if _destined(cue):
        return "pledged"
    return _negated(cue, base)


# A buyer's plan to buy ("the Bundeswehr intends to purchase 30 jets", "Poland's plan to acquire
# tanks") is the recipient's wish, not a supplier's promise: requested. Plans to receive what a
# supplier promised ("plans to receive the first F-16s") stay pledged.
BUYER_PLANS = {"plan", "intend", "hope", "aim"}
PURCHASES = {"buy", "purchase", "acquire", "import"}


def _buyer_wish(cue: Token, stage_word: str) -> str | None:
    if stage_word in BUYER_PLANS and cue.lemma_.lower() in PURCHASES:
        return "requested"
    return None


def _destined(cue: Token) -> bool:
    """An infinitive of what is arranged to happen: a headline's future ("France to send Ukraine
    light tanks") or "be to" ("the United States is to send 31 tanks", "are to be delivered")."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children):
        return False
    return cue.dep_ == "ROOT" or (cue.dep_ == "xcomp" and cue.head.lemma_ == "be")


def _modal_stage(cue: Token, base: str) -> str | None:
    """The stage a modal on the cue or the verbs above it gives: "will send" is pledged, "could
    send" and "should send" are talk; "cannot send" is left to the negation."""
    for verb in _verb_chain(cue):
        for child in verb.children:
            if child.dep_ not in ("aux", "auxpass"):
                continue
            if child.lower_ in MODALS_PLEDGED:
                return _negated(verb, "pledged")
            if child.lower_ in MODALS_CONSIDERED:
                return base if _perfect(verb) else "considered"  # "may have received": a hedged past
            if child.lower_ in MODALS_URGED and not _negated_verb(verb):
                return base if _perfect(verb) else "considered"  # "must have sent": an inferred past
    return None


def _negated_verb(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


# Nouns of a commitment ("the deal to provide", "the decision to sell"): pledged, and nouns of a
# proposal ("a bill to provide", "the proposal to send"): considered; a stage word governing them
# in turn decides ("signed the bill", "postponed the decision").
PROPOSALS = {"bill", "legislation", "proposal"}
COMMITMENTS = {"deal", "contract", "agreement", "decision", "intention", "order", *PROPOSALS}
# Prepositions whose gerund is an act of its own, not the stage of the verb above it ("thanked
# Slovakia for providing", "after sending"); "from" is left out: "refrained from sending".
CLAUSE_PREPS = {"for", "after", "before", "since", "despite", "besides"}


def _stage_ancestors(cue: Token) -> list[Token]:
    """The words above a cue that may set its stage, up to a clause of its own (see _own_clause)
    or a gerund's preposition ("thanked for sending")."""
    out, node = [], cue
    for ancestor in list(cue.ancestors)[:MAX_CLIMB]:
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)  # "for Riyadh to buy"
        gerund = node.dep_ == "pcomp" and node.head.lower_ in CLAUSE_PREPS
        if (_own_clause(node) and not infinitive) or gerund:
            break
        out.append(ancestor)
        node = ancestor
    return out


# Finite verb tags: a coordinated verb in one of these tells its own act ("agreed and sent").
FINITE = {"VBD", "VBZ", "VBP"}


def _own_clause(node: Token) -> bool:
    """A clause with its own stage: an adverbial clause with its own subject ("after the UK
    pledged tanks, Berlin still refused"), or a coordinated verb with its own subject or tense
    ("decided ..., and Kyiv has received", "agreed and sent"), unlike "plans to buy and send"."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
    if node.dep_ == "advcl":
        return own_subject
    return node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and (own_subject or node.tag_ in FINITE)


def _described(cue: Token) -> str | None:
    """A transfer noun's stage given by what describes it: a modifier ("the potential sale", "the
    proposed package") or a clause on it ("a package that has stalled", "the aid Germany promised")."""
    if cue.pos_ != "NOUN":
        return None
    table = cues()
    for child in [*cue.children, *_first_conjunct(cue).children]:
        lemma = child.lemma_.lower()
        if child.dep_ == "amod" and child.lower_ in table.modifiers:
            return table.modifiers[child.lower_]
        if child.dep_ in ("relcl", "acl") and child.pos_ == "VERB" and lemma in table.stage:
            return _negated(child, table.stage[lemma])
    return None


def _first_conjunct(noun: Token) -> Token:
    """The first of coordinated nouns, whose modifiers describe them all ("the potential sale,
    supply or transfer")."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head is not noun:
        noun = noun.head
    return noun


def _moving_verb(cue: Token) -> Token | None:
    """The transfer verb a transfer noun hangs from ("will provide $1bn as military aid, a package
    ...", "is sending more aid"): the noun's stage is the verb's."""
    if cue.pos_ != "NOUN":
        return None
    verb = next((a for a in _stage_ancestors(cue) if a.pos_ == "VERB"), None)
    return verb if verb is not None and cue_kind(verb) in ("transfer", "receive") else None


def _base(verb: Token) -> str:
    table = cues()
    lemma = verb.lemma_.lower()
    return table.transfer.get(lemma) or table.receive.get(lemma) or "delivered"


# Objects that make "is sending ..." an announcement of a package, not deliveries under way:
# "is sending a new package", "is providing another $1 billion in security assistance".
PACKAGE_OBJECTS = {"package", "tranche", "million", "billion", "trillion"}


# Nouns of a package that a progressive verb may send its items under ("is providing HIMARS as
# part of a new package", "is sending shells under the latest tranche").
PACKAGES = {"package", "tranche"}
# Prepositions that put the sending under a package; "with" and "to" lead to the items and the
# recipient instead ("is providing Kyiv with the tanks of the May package": deliveries under way).
UNDER = {"as", "under", "in", "through", "within"}


def _sends_package(verb: Token) -> bool:
    if any(c.dep_ == "dobj" and c.lemma_.lower() in PACKAGE_OBJECTS for c in verb.children):
        return True
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in UNDER]
    return any(t.lemma_.lower() in PACKAGES for p in preps for t in p.subtree)


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children) and verb.tag_ == "VBN"


def _verb_chain(cue: Token) -> list[Token]:
    """The cue and the verbs it is the purpose or complement of ('will move quickly to send')."""
    chain = [cue]
    if cue.pos_ == "NOUN":  # "will speed up deliveries": the verb a transfer noun hangs from
        chain = [cue, *[a for a in _stage_ancestors(cue) if a.pos_ in ("VERB", "AUX")][:1]]
    while chain[-1].dep_ in ("xcomp", "advcl") and chain[-1].head is not chain[-1] and len(chain) < 3:
        chain.append(chain[-1].head)
    return chain


# A stage under "not": "did not send" is a refusal, "did not halt deliveries" lets them go on,
# "would not block ... from sending" leaves the transfer possible.
NEGATED_STAGE = {
    "delivered": "refused",
    "pledged": "refused",
    "in_progress": "cancelled",
    "refused": "considered",
    "cancelled": "in_progress",
}


def _negated(token: Token, stage: str) -> str:
    """The stage under "not", or under "no" on a stage noun ("has no plans to send")."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return NEGATED_STAGE.get(stage, stage)
    return stage
