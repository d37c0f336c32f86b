"""Whether a refusal told after a commitment withdraws it (GUIDE.md: "cancelled: withdrawn after a
commitment"; "agreed to sell 48 Eurofighters ... later refused to deliver the jets"): only when
the refusal takes up the items promised ("the jets", "these tanks"), names no other lot ("more
tanks", "20 tanks", "the Leopard 2 tanks" after "Leopard tanks"), refuses no request ("rejected
calls to send the tanks"), withholds no word ("declined to say when the tanks would arrive") and
is not told as before the commitment ("had refused to sell the jets", "before the war"). A
cancellation or a hold needs no pointing back: it presupposes the commitment ("cancelled tank
deliveries", "paused shell deliveries"). A hold told so holds the commitment (transfers.py)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from materiel.article import Transfer
from materiel.extract import syntax
from materiel.extract.candidate import Candidate

# Stages that presuppose the commitment they end or hold: "cancelled tank deliveries", "delayed
# shell deliveries" take up the deliveries promised without pointing back to them.
PRESUPPOSING = {"cancelled", "postponed"}
# The stage of a hold, which must be told as a fact to hold a commitment.
HOLD = "postponed"
# Modals that suppose a hold rather than tell it ("could delay the tanks"); "will" tells one.
SUPPOSING = {"could", "might", "may", "would", "should", "can", "must"}
# Verbs of telling whose past makes a "would" under them the future in the past: "said it would
# delay the tanks", "informed Bern that the delivery would be delayed".
REPORTED = {"say", "tell", "announce", "inform", "confirm", "state", "report", "warn", "add", "write"}
# Words that open a condition or a question over a hold ("if it delays", "whether it would delay").
OPEN = {"if", "unless", "whether"}
# Cue kinds of a verb that moves items: told with a hold, the items moved after all ("was delayed,
# but the tanks arrived last week", "were held up, then delivered").
MOVING = {"transfer", "receive", "arrive"}
# Dependencies of a verb that heads a clause of its own ("..., but they arrived", "..., then sent them").
CLAUSES = {"ROOT", "conj", "dep", "parataxis"}
# Determiners that point back to items named before ("the jets", "these tanks").
POINTING = {"the", "these", "those"}
# Nouns of a transfer that a withdrawal may take up for its items: "cancelled the delivery of tanks".
TRANSFER_NOUNS = {"delivery", "shipment", "transfer", "sale", "export", "supply", "deal", "contract", "order",
                  "purchase", "consignment", "batch"}  # fmt: skip
# Nouns of a share of the lot promised: "the delivery of the rest of the tanks was delayed".
SHARES = {"rest", "remainder", "bulk", "half", "portion", "share", "tranche", "lot", "first", "last"}
# Words that ask for a lot beyond the one promised: "refused to send more tanks", "further jets".
OTHER_LOT = {"more", "further", "additional", "extra", "other", "new", "another"}
# Nouns of a request: a refusal of one refuses the asking, not the promise ("rejected calls to send
# the tanks", "turned down requests for the jets", "resisted pressure to deliver the tanks").
REQUESTS = {"call", "demand", "request", "plea", "appeal", "pressure", "proposal", "bid", "push"}
# Verbs of telling: "declined to say when the tanks would arrive" withholds a word, not the tanks.
TELLING = {"say", "comment", "disclose", "confirm", "specify", "reveal", "discuss", "elaborate", "detail",
           "give", "provide", "name", "identify"}  # fmt: skip
# Words that set the refusal before the commitment: "before the war", "had refused", "once
# refused", "previously ruled out", "an official recalled".
BEFORE = {"before", "previously", "earlier", "once", "formerly", "initially", "originally", "recall", "remember"}


def withdraws(refusal: Candidate, transfer: Transfer) -> bool:
    """Does the refusal (a candidate told after the transfer's commitment) withdraw the transfer?"""
    doc = refusal.paragraph.doc
    span = doc.char_span(refusal.item.start, refusal.item.end, alignment_mode="expand")
    if span is None or not _takes_up(span.root, refusal, transfer):
        return False
    if refusal.status == HOLD and not holds(span.root):
        return False
    ancestors = [a for a in span.root.ancestors if a.sent == span.root.sent]
    return not any(_requested(a) or _withheld_word(a) or _told_before(a) for a in ancestors)


def holds(item: Token) -> bool:
    """Does the sentence tell the item's transfer held as a fact (no supposition nor earlier time
    over the item, no movement told with it: `_moved`), by a hold word that takes the transfer, not
    another thing ("Germany holds the record for tank exports")?"""
    ancestors = [a for a in item.ancestors if a.sent == item.sent]
    if any(_supposed(a) or _told_before(a) for a in ancestors) or _moved(item.sent):
        return False
    path = [item, *ancestors]
    at = next((i for i, a in enumerate(path) if i > 0 and syntax.stage_word(a) == HOLD), None)
    if at is None:
        return True
    return _transfer_word(path[at - 1], item) and of_the_lot(item, path[at])


def _transfer_word(word: Token, item: Token) -> bool:
    """The hold word's argument on the way to the item: the item, a transfer noun or a transfer
    cue ("delayed the tanks", "put the delivery on hold", "delayed sending the jets")."""
    return word.i == item.i or word.lemma_.lower() in TRANSFER_NOUNS or syntax.cue_kind(word) is not None


def of_the_lot(item: Token, word: Token) -> bool:
    """Does a stage or hold word above the item bear on the items: is every noun on the way from
    the item up to it a transfer noun or a share of the lot ("the delivery of the rest of the
    tanks")? Any other noun takes it to something else ("deliveries of spare parts for the tanks
    were delayed")."""
    between = []
    for ancestor in item.ancestors:
        if ancestor.i == word.i:
            break
        between.append(ancestor)
    nouns = [w for w in between if w.pos_ in ("NOUN", "PROPN")]
    return all(w.lemma_.lower() in TRANSFER_NOUNS or w.lemma_.lower() in SHARES for w in nouns)


def sentence_holds(sentence: Span) -> bool:
    """Does a sentence that tells a hold of a transfer named before tell it as a fact: no modal of
    supposition, condition or question in it, no word setting it before, and no arrival or
    delivery told with it (`_moved`)?"""
    return not any(_supposed(t) or _told_before(t) for t in sentence) and not _moved(sentence)


def _moved(sentence: Span) -> bool:
    """Does the sentence tell items moved as a clause of its own, not negated ("The delivery of the
    tanks was delayed, but they arrived last week", "put the jets on hold, then sent them")?"""
    return any(
        syntax.cue_kind(t) in MOVING
        and t.pos_ == "VERB"
        and t.dep_ in CLAUSES
        and not any(c.dep_ == "neg" for c in t.children)
        for t in sentence
    )


def _supposed(word: Token) -> bool:
    """A word under a modal of supposition, a condition or an open question; "would" in what a
    past verb of telling reports is the future in the past ("Washington said it would delay the
    delivery"), a hold told, not supposed."""
    reported = word.dep_ == "ccomp" and word.head.lemma_.lower() in REPORTED and word.head.tag_ == "VBD"
    return any(
        (c.tag_ == "MD" and c.lower_ in SUPPOSING and not (reported and c.lower_ == "would"))
        or (c.dep_ == "mark" and c.lower_ in OPEN)
        for c in word.children
    )


def _takes_up(item: Token, refusal: Candidate, transfer: Transfer) -> bool:
    """'the jets', 'these tanks', 'the 48 jets' of 48 promised, 'the delivery of tanks': the lot
    promised, no other. A cancellation or a hold presupposes the commitment it ends or holds and
    needs no pointing ("cancelled tank deliveries", "paused tank deliveries"); a refusal may be of
    anything asked ("refused to send tanks")."""
    phrase = _transfer_noun(item) or item
    if refusal.status not in PRESUPPOSING and not any(
        c.dep_ == "det" and c.lower_ in POINTING for c in phrase.children
    ):
        return False
    if any(t.lower_ in OTHER_LOT for t in phrase.subtree):
        return False
    if refusal.amount is not None and (transfer.quantity is None or refusal.amount.low != transfer.quantity.low):
        return False
    promised = transfer.item.text.lower()
    named = [t for left in item.lefts for t in left.subtree]  # "the Leopard 2 tanks", not "the tanks to Ukraine"
    return not any(_model_word(t) and t.lower_ not in promised for t in named)


def _transfer_noun(item: Token) -> Token | None:
    """The noun of a transfer whose 'of' or 'for' names the items: "the delivery of tanks"."""
    prep = item.head if item.dep_ == "pobj" and item.head.lower_ in ("of", "for") else None
    return prep.head if prep is not None and prep.head.lemma_.lower() in TRANSFER_NOUNS else None


def _model_word(token: Token) -> bool:
    """A word that names a model ("Leopard", "2", "ATACMS"), not the kind of item nor its count."""
    if token.dep_ == "nummod":
        return False  # the count: weighed against the promised one by the candidate's amount
    return token.tag_ in ("NNP", "NNPS") or any(ch.isdigit() for ch in token.text)


def _requested(word: Token) -> bool:
    lemma = word.lemma_.lower()
    objects = (c for c in word.children if c.dep_ in ("dobj", "nsubjpass"))
    return (lemma in REQUESTS and word.pos_ == "NOUN") or any(c.lemma_.lower() in REQUESTS for c in objects)


def _withheld_word(word: Token) -> bool:
    """'declined to say when the jets would arrive': a verb of telling that a refusal takes as its
    complement; one that reports the refusal ("refused to deliver the jets, a spokesman said") is no bar."""
    return word.pos_ == "VERB" and word.lemma_.lower() in TELLING and word.dep_ == "xcomp"


def _told_before(word: Token) -> bool:
    """A refusal set before in time: by a word ("before the war", "previously"), the past perfect
    ("had refused") or a verb of memory over it ("an official recalled")."""
    if word.lemma_.lower() in BEFORE:
        return True
    if any(c.lower_ in BEFORE and c.dep_ in ("prep", "advmod") for c in word.children):
        return True
    return word.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in word.children)
