"""The stage told later: a sentence after a transfer that takes its items up again without naming
another party ("Germany pledged 18 Leopards to Ukraine. The tanks arrived last week.") or that
speaks of the transfer itself ("Deliveries began in March.", "The transfer was completed.") or counts
what of it moved ("Some 300,000 have been delivered.") advances the
transfer to the stage it tells, when that stage is further (GUIDE.md's order, transfers.py's
STAGE_ORDER); what it says is still to come ("The tanks have yet to arrive") is no further.

The later phrase must point back (a definite or demonstrative determiner, "the first batch of
tanks", or a plural of deliveries with none), and name no state or group but the transfer's own
sides. Items must match one transfer of their category nearby, or a plural that takes them up by
the last word of their name, its one transfer ("the systems", laterlinks.py); a transfer noun, the one transfer
nearby: with two ("Germany pledged tanks to Ukraine, Poland tanks to Moldova"), which one "the
tanks" or "the deliveries" are is left open.

What the transfer's own sentence tells beside it: clausestage.py.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Transfer
from materiel.extract import stage, syntax
from materiel.extract.clause import stage_ancestors
from materiel.extract.context import Context, Paragraph, mention_token, stage_reading
from materiel.extract.cuekinds import base_stage
from materiel.extract.docindex import mentions_within
from materiel.extract.itemstage import travelling
from materiel.extract.laterlinks import (
    HEAD_ONLY,
    Sentences,
    earlier_transfers,
    only_its_sides,
    told_of,
)
from materiel.extract.lexicon import Mention
from materiel.extract.negation import EXECUTED
from materiel.extract.people import COLLECTIVE_PEOPLE, PEOPLE
from materiel.extract.refdelivery import COMPLETING, LATER_PRONOUNS, years_in
from materiel.extract.restage import restage, told_at
from materiel.extract.transfers import HELD, STAGE_ORDER
from materiel.extract.withdrawal import of_the_lot, sentence_holds

# Nouns of a consignment whose 'of' names the items: "the first batch of tanks".
CONSIGNMENTS = {"batch", "shipment", "consignment", "tranche", "delivery"}
# Nouns of the transfer itself that a later sentence stages: "The deliveries began in March",
# "The first batch has been delivered"; those of a deal ("The sale was blocked"): dealstage.py.
TRANSFER_NOUNS = {*CONSIGNMENTS, "transfer"}
# Those that may stand without a determiner in the plural: "Deliveries began in March".
BARE_PLURALS = {"delivery", "shipment"}
# Cue kinds of a verb that moves items ("were sent", "have been received", "have arrived").
MOVING = {"transfer", "receive", "arrive"}
# Subjects that count a share of items named before: "the number that has been sent", "half have
# arrived", "most were delivered"; pronouns of people ("they", "he") are left out.
COUNTING = {"number", "amount", "share", "half", "third", "quarter", "most", "some", "all", "rest", "majority",
            "fraction", "many"}  # fmt: skip
# Counts of nothing: "none have arrived", "no tanks were delivered" tell no delivery.
NONE_COUNTED = {"none", "no", "neither"}
# Verbs of telling whose subjects speak of a count, not make it up: "most were sent, officers said".
REPORTING = {"say", "tell", "report", "add", "note", "confirm", "explain", "claim", "state", "write"}


def advance_stages(context: Context, transfers: list[Transfer]) -> None:
    """Advance the transfers a later sentence gives a further stage (see the module's docstring)."""
    sentences = [(p, s) for p in stage_reading(context) for s in p.doc.sents]
    for index, (paragraph, sentence) in enumerate(sentences):
        items = _items_in(paragraph, sentence)
        told = [(item_stage(paragraph, sentence, m), m.id, mention_token(paragraph, m)) for m in items]
        if not items:
            _tell_by_pronoun(sentences, index, transfers)
            told = [(_unnamed_stage(sentence), None, None)]
            told += [(phrase_stage(n, sentence), HEAD_ONLY, n) for n in _plural_subjects(sentence)]
        for stage_told, category, root in told:
            if stage_told is None:
                continue
            earlier = told_of(sentences, index, transfers, category, root)
            if len(earlier) == 1 and only_its_sides(paragraph, sentence, earlier[0]):
                _tell(earlier[0], stage_told, paragraph.offset, sentence)


def _plural_subjects(sentence: SpacySpan) -> list[Token]:
    return [t for t in sentence if t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass")]


def _tell_by_pronoun(sentences: Sentences, index: int, transfers: list[Transfer]) -> None:
    """Advance the one transfer nearby that a pronoun object takes up again (`pronoun_stage`)."""
    paragraph, sentence = sentences[index]
    earlier = earlier_transfers(sentences, index, transfers, None)
    if len(earlier) != 1 or not only_its_sides(paragraph, sentence, earlier[0]):
        return
    told = pronoun_stage(paragraph, sentence, earlier[0])
    if told is not None:
        _tell(earlier[0], told, paragraph.offset, sentence)


def _tell(transfer: Transfer, told: str, offset: int, sentence: SpacySpan) -> None:
    """Give the transfer the stage the sentence tells; a hold only where it is told as a fact and
    no evidence of the transfer is the sentence itself (merge weighed it) or comes after it (a
    later commitment renews what it held)."""
    last = not any(e.start >= offset + sentence.start_char for e in transfer.evidence)
    hold = last and sentence_holds(sentence)
    stage = held(transfer.status, told) if hold else further(transfer.status, told)
    restage(transfer, stage, "later sentence", told_at(offset, sentence))


def further(current: str, told: str) -> str:
    return told if STAGE_ORDER.get(told, 0) > STAGE_ORDER.get(current, 0) else current


def held(current: str, told: str) -> str:
    """A delay told of a commitment after its last evidence holds it ("Germany pledged 18 tanks.
    The delivery of the tanks has been delayed": postponed, GUIDE.md's "delayed, paused, on hold");
    any other stage only goes further."""
    return HELD if current == "pledged" and told == HELD else further(current, told)


def _items_in(paragraph: Paragraph, sentence: SpacySpan) -> list[Mention]:
    return [m for m in mentions_within(paragraph.doc, paragraph.items, sentence.start_char, sentence.end_char) if m.id]


def item_stage(paragraph: Paragraph, sentence: SpacySpan, item: Mention) -> str | None:
    """The stage a pointing-back item phrase's cue tells, if any."""
    root = mention_token(paragraph, item)
    return phrase_stage(root, sentence) if root is not None else None


def phrase_stage(root: Token, sentence: SpacySpan) -> str | None:
    """The stage the cue of a pointing-back phrase on the items (its head `root`) tells, if any."""
    if not _points_back(root):
        return None
    if _held(root):
        return HELD  # "The tanks have been held up in Belgium", "The jets are stuck in customs"
    if travelling(root):
        return "in_progress"  # "The tanks are already on their way", "the first batch of jets is en route"
    cue = syntax.governing_cue(root, sentence)
    if cue is None or cue.i == root.i or not of_the_lot(root, cue):
        return None  # "deliveries of spare parts for the tanks were delayed": of the parts
    if syntax.cue_kind(cue) == "contents":
        return None  # "The aid consists of drones": what it holds, no stage
    if _another_verbs(root, cue):
        return None  # "soldiers trained on the tanks were sent": the nearest cue is not the item's
    return _cue_stage(cue)


def _held(item: Token) -> bool:
    """Items the subject of a word of holding ("the tanks were held up", "are stuck", "were
    delayed"), not negated nor under a modal ("could be delayed"; sentence_holds reads the rest)."""
    verb = item.head
    if item.dep_ not in ("nsubj", "nsubjpass") or any(
        c.dep_ in ("neg", "dobj") or c.tag_ == "MD" for c in verb.children
    ):
        return False  # "the tanks held the line": an object of their own, no hold
    return verb.pos_ == "VERB" and syntax.stage_word(verb) == HELD


def _another_verbs(item: Token, cue: Token) -> bool:
    """Is the item an argument of another verb, the cue only the nearest one and not above it?"""
    ancestors = list(item.ancestors)
    return all(a.i != cue.i for a in ancestors) and any(a.pos_ == "VERB" for a in ancestors)


def _unnamed_stage(sentence: SpacySpan) -> str | None:
    """The stage a sentence naming no item tells of the transfer before it: by a transfer noun
    (`_noun_stage`), or a transfer verb whose subject counts back ("the number that has been sent
    is closer to 300,000", "some 300,000 have been delivered", "half have arrived")."""
    return _noun_stage(sentence) or next(filter(None, (_counted_stage(t) for t in sentence)), None)


# Pronouns that stand for the items named before as a verb's object: "Portugal delivered them in
# March", "Germany refused to send them"; "it" is left out, it stands for a deal or a state as often.
ITEM_PRONOUNS = {"them", "those"}
# Cue kinds of an active verb that moves its object: "sent them", "received them".
HANDLING = {"transfer", "receive"}


def pronoun_stage(paragraph: Paragraph, sentence: SpacySpan, transfer: Transfer, conjunct: bool = False) -> str | None:
    """The stage a sentence naming no item tells by a transfer verb whose object is a pronoun for
    the items before, or a share of them ("46 of them"), and whose subject names the transfer's
    own side for that verb: its supplier for a giving verb ("Portugal delivered them in March",
    "Berlin refused to send them"), its recipient for a receiving one ("Kyiv received them"); not
    "Ukraine sent them to the front"; "it" stands for the supplier of a giving verb ("It has already
    delivered eight"). With `conjunct`, only a verb joined to the clause that names the items
    counts (`_joined`: "and delivered them", "after sending eight")."""
    for verb in sentence:
        kind = syntax.cue_kind(verb)
        if kind not in HANDLING or verb.pos_ != "VERB" or (conjunct and not _joined(verb)):
            continue
        if not any(c.dep_ == "dobj" and _takes_up(c) for c in verb.children):
            continue
        side = transfer.supplier if kind == "transfer" else transfer.recipient
        by_it = kind == "transfer" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children)
        if side is not None and (by_it or subject_names(paragraph, verb, side.id)):
            return _cue_stage(verb) if verb.dep_ == "conj" or not conjunct else _done_before(verb)
    return None


def _done_before(verb: Token) -> str | None:
    """The stage of an act told as done before the main clause ("after sending eight", "having sent
    eight"), whatever the main clause's modal ("will send 10 more")."""
    return None if syntax.hypothetical(verb) else stage.stage_of(verb, base_stage(verb))


# Prepositions whose gerund tells an act done before the main clause's: "after sending eight".
BEFORE_PREPS = {"after", "since"}


def _joined(verb: Token) -> bool:
    """A verb sharing the main clause's subject: coordinated ("and delivered them"), a gerund after
    "after" or "since" ("after sending eight in the spring"), or a perfect participle ("having sent
    eight")."""
    if verb.dep_ == "conj":
        return True
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        return verb.head.lower_ in BEFORE_PREPS
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)


def _takes_up(noun: Token) -> bool:
    """A pronoun for the items named before ("them"), a share of them ("46 of them", "all of
    those"), or a bare count of them ("delivered eight")."""
    if noun.lower_ in ITEM_PRONOUNS or noun.tag_ == "CD":
        return True
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    return any(g.dep_ == "pobj" and g.lower_ in ITEM_PRONOUNS for p in of for g in p.children)


def subject_names(paragraph: Paragraph, verb: Token, actor: str) -> bool:
    """Does the verb's subject, or that of the verb it completes ("refused to send") or is
    coordinated with ("ordered jets and received them"), name the actor?"""
    while verb.dep_ in ("xcomp", "conj", "pcomp", "advcl") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head  # "after sending": the verb "after" is on
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(m.id == actor for s in subjects for m in _mentions_on(paragraph, s))


def _mentions_on(paragraph: Paragraph, token: Token) -> list[Mention]:
    """The actor mentions that overlap the token's subtree."""
    start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return [m for m in paragraph.actors if start <= m.start < end]


def _counted_stage(verb: Token) -> str | None:
    """The stage of a passive transfer verb or an arrival whose subject counts or points back."""
    if syntax.cue_kind(verb) not in MOVING or not _passive_or_arrival(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head  # "the number that has been sent"
    if subject is None or _counts_people(subject):
        return None
    if _counts_back(subject) or (_takes_lot_up(subject) and syntax.cue_kind(verb) == "transfer"):
        return _cue_stage(verb)
    return None


def _takes_lot_up(subject: Token) -> bool:
    """A pronoun subject of a passive dated by the years a reference work gives ("They were
    delivered between 2019 and 2022"), not the recipient of one ("they were supplied with shells");
    undated, it may be people ("They were sent to the front")."""
    verb = subject.head
    with_prep = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    dated = bool(years_in(verb))
    if subject.lower_ not in LATER_PRONOUNS or subject.dep_ != "nsubjpass" or with_prep or not dated:
        return False
    start = subject.sent.start
    before = subject.doc[start - 1].sent if start > 0 else []
    return not any(_people(t) for t in before)  # "The crews arrived. They were sent to the front."


def _passive_or_arrival(verb: Token) -> bool:
    return syntax.cue_kind(verb) == "arrive" or any(c.dep_ == "auxpass" for c in verb.children)


def _counts_back(subject: Token) -> bool:
    """'the number', 'some 300,000', 'half', 'these': a share of items named before."""
    if subject.lower_ in NONE_COUNTED or any(c.lower_ in NONE_COUNTED for c in subject.children):
        return False
    return subject.tag_ == "CD" or subject.lemma_.lower() in COUNTING or subject.lower_ in syntax.POINTING


def _counts_people(subject: Token) -> bool:
    """Does a count count people? Its partitive says ("many of the pilots"; "half of them", "most
    of the tanks" count items); without one, a plural noun of people in the sentence leaves it open
    ("all have been sent to the front", of soldiers trained on the tanks)."""
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if counted is not None:
        return _people(counted)
    return any(_people(t) and not _speaking(t) for t in subject.sent if t.i != subject.i)


def _speaking(noun: Token) -> bool:
    """People who tell of the items, not among them: "half have been delivered, officers said"."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in REPORTING


def _people(noun: Token) -> bool:
    """A plural noun of people ("soldiers", "his men"), or one that is plural in sense ("personnel")."""
    lemma = noun.lemma_.lower()
    return lemma in PEOPLE and (noun.tag_ in ("NNS", "NNPS") or lemma in COLLECTIVE_PEOPLE)


def _noun_stage(sentence: SpacySpan) -> str | None:
    """The stage a sentence about the transfer itself tells: its main verb's subject or object is
    a pointing-back transfer noun ("The deliveries began", "The transfer was halted"), or those of
    the clause it reports ("Washington said the delivery would be delayed")."""
    root = sentence.root
    if root.lemma_.lower() in REPORTING:
        root = next((c for c in root.children if c.dep_ == "ccomp"), root)
    nouns = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    noun = next((n for n in nouns if n.lemma_.lower() in TRANSFER_NOUNS and _refers_back(n)), None)
    if noun is None:
        return None
    if root.lemma_.lower() in COMPLETING and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in root.children):
        return "delivered"  # "Deliveries were completed in 2024", "France finished the deliveries"
    told = _cue_stage(root if syntax.cue_kind(root) else noun)
    if root is not sentence.root and told in EXECUTED and any(c.tag_ == "MD" for c in root.children):
        return None  # "Berlin said the delivery would not be delayed": nothing under way yet
    return told


def _cue_stage(cue: Token) -> str | None:
    """The cue's stage, unless a condition or a modal leaves it open ("Deliveries could begin"); a
    transfer noun tells none of its own ("the security assistance came with no conditions",
    "the shipment was large"), only what a stage word or a transfer verb over it says."""
    if syntax.hypothetical(cue) or (cue.pos_ == "NOUN" and not (_staged(cue.sent.root) or _under_hold(cue))):
        return None
    told = stage.stage_of(cue, base_stage(cue))
    if told in EXECUTED and any(c.tag_ == "MD" for v in (cue, cue.sent.root) for c in v.children):
        return None  # a modal the stage rules leave aside on a phase verb ("Deliveries could begin")
    return told


def _under_hold(noun: Token) -> bool:
    """A transfer noun under a noun of a hold, whatever the main verb ("There have been long delays
    in the delivery of the jets", "frustrated by delays in approving the sale")."""
    return any(
        a.pos_ == "NOUN"
        and syntax.stage_word(a) == HELD
        and not any(c.dep_ == "neg" or c.lower_ == "no" for c in a.children)
        for a in stage_ancestors(noun)
    )  # "no delays in the delivery" holds nothing


def _staged(root: Token) -> bool:
    """Does the sentence's main verb tell a stage ("began", "was signed") or a transfer ("arrived"),
    or the clause it reports ("Washington said the delivery would be delayed")?"""
    if root.lemma_.lower() in REPORTING:
        return any(c.dep_ == "ccomp" and _staged(c) for c in root.children)
    return syntax.stage_word(root) is not None or syntax.cue_kind(root) is not None


def _refers_back(noun: Token) -> bool:
    """'the deal', 'these shipments', 'Deliveries': not 'a deal' or 'Poland's deliveries'."""
    if any(c.dep_ in ("nummod", "poss") or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children):
        return False  # "Poland's deliveries", "Deliveries of gas": another lot, or no materiel
    if any(c.dep_ == "det" for c in noun.children):
        return syntax.points_back(noun)
    return noun.tag_ == "NNS" and noun.lemma_.lower() in BARE_PLURALS


def _points_back(token: Token) -> bool:
    """'the tanks', 'these jets', 'the first batch of tanks': a phrase about items named before."""
    of = token.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    noun = of.head if of is not None and of.head.lemma_.lower() in CONSIGNMENTS else token
    if _first_of_lot(token):
        return True  # "the first 10 tanks", "the remaining 40 jets": a count of the lot named before
    if any(c.dep_ in ("nummod", "poss") for c in token.children):
        return False  # "18 tanks", "Poland's tanks": a count or an owner names a lot of its own
    if noun is not token and not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children):
        return syntax.points_back(token)  # "Shipments of the tanks were paused": the items point back
    return syntax.points_back(noun)


# Adjectives that place a counted share within a lot named before: "the first 10 tanks", "the last
# three jets", "the remaining 40 howitzers".
LOT_SHARES = {"first", "second", "third", "last", "final", "remaining", "initial", "next"}


def _first_of_lot(noun: Token) -> bool:
    """A count under a pointing determiner and an adjective of a share ("the first 10 tanks");
    "the 10 tanks" or "10 new tanks" may be a lot of their own."""
    children = list(noun.children)
    counted = any(c.dep_ == "nummod" for c in children) or any(
        c.dep_ == "amod" and any(g.dep_ == "nummod" for g in c.children) for c in children
    )
    shared = any(c.dep_ == "amod" and c.lower_ in LOT_SHARES for c in children)
    return counted and shared and syntax.points_back(noun) and not any(c.dep_ == "poss" for c in children)
