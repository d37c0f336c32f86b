"""The speaker that the syntax of a quotation's sentence names: the subject of the verb of saying
or describing that governs the quotation.

A quotation inside narrative is an argument of a clause ("Berg called the plan “a grave
mistake”", "Berg said the move was “a stab in the back”", "Berg, who described the deal as “a
historic day”, ..."). Its speaker is the subject of the first verb of saying, judging or naming
above it in the parse (reported clauses and participles are passed through: "Berg said the
talks would “resume soon”", "Berg hailed the deal, calling it “historic”"); a relative pronoun
stands for the noun its clause describes. The quotation is parsed masked (one opaque word), so
its own words never answer.

Only a sentence whose parse could answer is parsed (`parse_heads`): one with words before a
quotation (a verb of saying must stand before it) and a named mention outside it (the answer is
used only where it spans such a mention). Those of an article are parsed in one `nlp.pipe` call,
without the entity recognizer (about half of spaCy's time) unless the parse mending (mend.py)
reads an entity type: the tags, lemmas and dependencies are the full pipeline's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc, Token

from materiel.extract.mend import COMPONENT as MENDING
from materiel.extract.mend import Entity, mend
from materiel.extract.mentions import Mention
from materiel.extract.nlp import load_model
from materiel.extract.quotations import Quotation
from materiel.extract.sentences import Sentence, sentences_of


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lemmas of verbs whose subject says, writes, names or judges what they govern.
SPEECH_LEMMAS = _words(
    """say tell add write state explain note warn insist argue claim declare announce stress
    remark assert acknowledge admit conclude emphasize emphasise underscore recall comment
    reiterate maintain contend mention concede complain observe affirm reply respond ask
    tweet post call describe dub term label brand characterize characterise vow promise pledge
    urge deny reject dismiss accuse condemn criticize criticise blame slam praise welcome hail
    thank confirm testify predict suggest believe think expect fear assure threaten reveal
    agree proclaim boast brag lament decry denounce defend justify echo"""
)
# Subjects that stand for the noun their relative clause describes ("Berg, who called it ...").
RELATIVE = frozenset({"who", "which", "that"})
# Dependencies of a subject.
SUBJECTS = frozenset({"nsubj"})
# How many heads above the quotation are read before giving up (a long chain is another clause).
MAX_STEPS = 6


def parse_heads(
    quotations: list[Quotation], masked: str, sentences: list[Sentence], mentions: list[Mention]
) -> dict[int, Doc]:
    """The parse of each quotation's first sentence (by index) where `head_subject` could find a
    speaker in it, all in one batch."""
    wanted: dict[int, Sentence] = {}
    for quote in quotations:
        first, _ = sentences_of(quote.start, quote.end, sentences)
        if sentences and _answerable(quote, masked, sentences[first], mentions):
            wanted[first] = sentences[first]
    texts = (masked[s.start : s.end] for s in wanted.values())
    return dict(zip(wanted, _parse(texts), strict=True))


# Steps left out of the batch: the entity recognizer, run on a doc only when the mending asks.
LEFT_OUT = ("ner", MENDING)


def _parse(texts: Iterable[str]) -> Iterator[Doc]:
    """The docs of the full pipeline, except that a doc's entities are found only on demand."""
    nlp = load_model()
    left_out = [name for name in LEFT_OUT if name in nlp.pipe_names]
    recognizer = nlp.get_pipe("ner") if "ner" in left_out else None
    for doc in nlp.pipe(texts, disable=left_out):
        yield mend(doc, _on_demand(doc, recognizer)) if MENDING in left_out else doc


def _on_demand(doc: Doc, recognizer: Callable[[Doc], Doc] | None) -> Entity:
    """A token's entity type, the recognizer run over its doc the first time one is asked for."""
    found = False

    def entity(token: Token) -> str:
        nonlocal found
        if recognizer is not None and not found:
            recognizer(doc)
            found = True
        return token.ent_type_

    return entity


def _answerable(quote: Quotation, masked: str, sentence: Sentence, mentions: list[Mention]) -> bool:
    """Words before the quotation in its sentence (where its verb of saying stands) and a named
    mention outside it (what the subject's span is matched against in speakers.py)."""
    if not (sentence.start < quote.end and quote.start < sentence.end):
        return False
    if not masked[sentence.start : quote.start].strip():
        return False
    return any(
        m.name and sentence.start <= m.start and m.end <= sentence.end and not quote.start <= m.start < quote.end
        for m in mentions
    )


def head_subject(quote: Quotation, doc: Doc, sentence: Sentence) -> tuple[int, int] | None:
    """The character span (in the article) of the subject whose verb of saying governs the
    quotation, or None when no such verb stands above it in `doc`, its sentence's parse. The span
    runs from the subject's first word to its head word, and over an apposition after it
    ("Israel's defence minister, Anna Berg, warned"), not over a clause about it ("Berg, who
    called the plan ...")."""
    inside = [t for t in doc if quote.start < sentence.start + t.idx < quote.end and not t.is_punct]
    if not inside:
        return None
    subject = _subject_above(inside[0])
    if subject is None:
        return None
    end = max([subject, *(t for c in subject.children if c.dep_ == "appos" for t in c.subtree)], key=lambda t: t.i)
    return sentence.start + subject.left_edge.idx, sentence.start + end.idx + len(end)


def _subject_above(token: Token) -> Token | None:
    """The subject of the first verb of saying above `token` that stands before it and is not
    negated: after the quotation, a verb is the ranker's to read ("“...,” Berg said, when Lund
    asked ..."). A verb
    of saying without a subject of its own (a participle, the second of two verbs: "Berg hailed
    the deal, calling it ...", "Berg declined to comment but told reporters that ...") speaks
    for the subject of the clause it hangs from."""
    quotation, speaking = token, False
    for _ in range(MAX_STEPS):
        if token.head is token:
            return None
        token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        if not speaking and token.i < quotation.i and _says(token):
            speaking = True
        if speaking and subject is not None:
            return _described(token, subject)
    return None


def _says(verb: Token) -> bool:
    """A verb of saying that is not negated ("Berg did not call it “...”" is no one's word of Berg's)."""
    return verb.lemma_.lower() in SPEECH_LEMMAS and not any(c.dep_ == "neg" for c in verb.children)


def _described(verb: Token, subject: Token) -> Token:
    """The noun a relative clause describes when its subject is a relative pronoun."""
    if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return subject
