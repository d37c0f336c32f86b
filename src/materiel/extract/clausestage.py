"""The stage the transfer's own sentence tells beside the clause it was read from: a verb joined
to that clause that takes its items up ("France agreed to sell 24 jets to Egypt and delivered them
by 2019", "..., after sending eight in the spring"), or a done clause on a lot moved before that it
names beside them ("In addition to the 18 tanks delivered last year, Germany will send 10 more",
"..., bringing the total it has provided to 28"), or a later clause that takes its items up
("...; the tanks arrived in September"). Each advances the transfer to the stage it
tells when that is further (laterstage.further), where the sentence names no party but its own
and holds the evidence of that one transfer only.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Span, Transfer
from materiel.extract import stage, syntax
from materiel.extract.context import Context, Paragraph, stage_reading
from materiel.extract.cuekinds import base_stage
from materiel.extract.laterlinks import Sentences, only_its_sides
from materiel.extract.laterstage import HANDLING, further, item_stage, pronoun_stage, subject_names
from materiel.extract.refdelivery import delivery_beside
from materiel.extract.restage import restage, told_at
from materiel.extract.verbform import BUYING, SELLING


def advance_in_sentence(context: Context, transfers: list[Transfer]) -> None:
    """Advance each transfer by what its own sentence tells beside it (the module's docstring)."""
    sentences = [(p, s) for p in stage_reading(context) for s in p.doc.sents]
    for index in range(len(sentences)):
        _tell_in_conjunct(sentences, index, transfers)
        _tell_in_clause(sentences, index, transfers)
        _tell_by_item(sentences, index, transfers)
        _tell_by_delivery(sentences, index, transfers, context.year)


# Stages of a transfer under way: the clause the transfer was read from tells which of them more
# finely than a clause beside it ("The tanks that Spain sold to Ukraine are on their way").
UNDER_WAY = {"in_progress", "delivered"}


def _advance(transfer: Transfer, told: str, at: Span) -> None:
    """The stage told beside the transfer's clause (in the sentence `at`), when further and not a
    finer step of one under way."""
    if transfer.status not in UNDER_WAY:
        restage(transfer, further(transfer.status, told), "same sentence", at)


def _alone_in(paragraph: Paragraph, sentence: SpacySpan, transfers: list[Transfer]) -> Transfer | None:
    """The one transfer whose evidence is this sentence, where the sentence names no party but its
    own; None where it holds the evidence of none or of several."""
    start = paragraph.offset + sentence.start_char
    here = [t for t in transfers if any(e.start == start for e in t.evidence)]
    return here[0] if len(here) == 1 and only_its_sides(paragraph, sentence, here[0]) else None


def _tell_in_conjunct(sentences: Sentences, index: int, transfers: list[Transfer]) -> None:
    """Advance a transfer of this sentence that a coordinated verb takes up by a pronoun ("France
    agreed to sell 24 jets to Egypt and delivered them by 2019", "Egypt ordered jets from France
    and has received all of them")."""
    paragraph, sentence = sentences[index]
    transfer = _alone_in(paragraph, sentence, transfers)
    if transfer is None:
        return
    told = pronoun_stage(paragraph, sentence, transfer, conjunct=True)
    if told is not None:
        _advance(transfer, told, told_at(paragraph.offset, sentence))


# Nouns a clause of a lot moved before may be on besides the items: "the total it has provided",
# "the 18 it delivered", "those sent last year".
LOT_NOUNS = {"total", "ones", "those"}
# Tags of a clause told as done: a past or a participle ("the tanks delivered last year").
DONE_TAGS = {"VBD", "VBN"}
# Receiving verbs whose clause tells the recipient's lot ("the 18 tanks Kyiv received"); a purchase
# ("the tanks bought from industry", "the shells it acquired") may be the supplier's own.
RECEIVING = {"receive", "get"}


def _tell_in_clause(sentences: Sentences, index: int, transfers: list[Transfer]) -> None:
    """Advance the transfer of this sentence by a clause on a lot moved before that it names beside
    it ("In addition to the 18 tanks delivered last year, Germany will send 10 more to Ukraine",
    "..., on top of the 18 it delivered", "..., bringing the total it has provided to 28")."""
    paragraph, sentence = sentences[index]
    transfer = _alone_in(paragraph, sentence, transfers)
    if transfer is None:
        return
    for verb in sentence:
        if _clause_of_lot(paragraph, verb, transfer) and not syntax.hypothetical(verb):
            _advance(transfer, stage.stage_of(verb, base_stage(verb)), told_at(paragraph.offset, sentence))


def _clause_of_lot(paragraph: Paragraph, verb: Token, transfer: Transfer) -> bool:
    """A done, unnegated clause of a giving or receiving verb on the transfer's items or a count
    of them, whose subject is a pronoun or the transfer's side for that verb."""
    kind = syntax.cue_kind(verb)
    if kind not in HANDLING or verb.dep_ not in ("acl", "relcl") or verb.tag_ not in DONE_TAGS:
        return False
    if any(c.dep_ == "neg" or c.tag_ in ("MD", "TO") for c in verb.children):
        return False  # "the tanks not yet delivered", "the jets to be delivered", "which it would send"
    noun = verb.head
    items = [m for m in paragraph.items if noun.idx <= m.start < noun.idx + len(noun) or m.end == noun.idx + len(noun)]
    lot = noun.tag_ == "CD" or noun.lower_ in LOT_NOUNS or any(m.id == transfer.item.category for m in items)
    if not lot or any(m.id != transfer.item.category for m in items):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    giving = kind == "transfer"
    if kind == "receive" and verb.lemma_.lower() not in RECEIVING:
        return False  # "10 tanks bought from industry": the supplier's purchase, not the recipient's lot
    if not subjects:
        return verb.dep_ == "acl"  # "the tanks delivered last year"
    side = transfer.supplier if giving else transfer.recipient
    return (giving and subjects[0].pos_ == "PRON") or (side is not None and subject_names(paragraph, verb, side.id))


def _tell_by_item(sentences: Sentences, index: int, transfers: list[Transfer]) -> None:
    """Advance the transfer of this sentence by a later clause of it that takes its items up
    ("Washington pledged 31 tanks to Ukraine in January; the tanks arrived in September")."""
    paragraph, sentence = sentences[index]
    transfer = _alone_in(paragraph, sentence, transfers)
    if transfer is None or transfer.item.span is None:
        return
    after = transfer.item.span.end - paragraph.offset
    for item in paragraph.items:
        if item.id == transfer.item.category and after <= item.start < sentence.end_char:
            told = item_stage(paragraph, sentence, item)
            if told is not None:
                _advance(transfer, told, told_at(paragraph.offset, sentence))


def _tell_by_delivery(sentences: Sentences, index: int, transfers: list[Transfer], year: int | None) -> None:
    """Advance the transfer of this sentence by deliveries told after its items, as a reference
    work tells them ("ordered 36 jets in 2016, and they were delivered between 2019 and 2022",
    "..., with deliveries running from 2022 to 2025": refdelivery.py)."""
    paragraph, sentence = sentences[index]
    transfer = _alone_in(paragraph, sentence, transfers)
    if transfer is None or transfer.item.span is None:
        return
    after = transfer.item.span.end - paragraph.offset
    if not sentence.start_char <= after <= sentence.end_char:
        return  # the items are named in another sentence, which tells its own
    told = delivery_beside(sentence, after, year)
    if told == "pledged" and transfer.status in UNDER_WAY and _traded_in_past(paragraph, transfer):
        restage(transfer, told, "deliveries ahead", told_at(paragraph.offset, sentence))
    elif told is not None:
        _advance(transfer, told, told_at(paragraph.offset, sentence))


# Verbs of a trade that the past tense tells as if done, which deliveries all dated ahead show to
# be a contract only ("Finland bought 64 jets in 2021, and deliveries start in 2026").
TRADE_VERBS = BUYING | SELLING


def _traded_in_past(paragraph: Paragraph, transfer: Transfer) -> bool:
    """A verb of buying or selling in the past tense governs the transfer's items."""
    assert transfer.item.span is not None
    start = transfer.item.span.start - paragraph.offset
    items = paragraph.doc.char_span(start, transfer.item.span.end - paragraph.offset, alignment_mode="expand")
    return items is not None and any(a.lemma_.lower() in TRADE_VERBS and a.tag_ == "VBD" for a in items.root.ancestors)
