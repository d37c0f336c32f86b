"""What a parsed paragraph's rules read of the whole doc, built once per doc: its text and its
sentences.

spaCy builds `Doc.text` (every token's text joined) and `Doc.sents` (a span per sentence) anew at
each call, so a rule that reads them for each sentence, item or transfer pays the paragraph's
length each time: on a page scraped with no line breaks, one paragraph of 200 KB, that cost is
quadratic in the page (bench/paragraph_growth.py). They are kept in `Doc.user_data` instead: a
doc's text and sentences never change once it is parsed (merging tokens keeps both), so they are
built at the first call, and a sentence is found by bisection from there after.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span

# Keys of the per-doc memos in `Doc.user_data` (as cuekinds.CUE_KINDS and syntax.SENTENCE_CUES):
# the text, and each sentence's first and past-the-last token.
DOC_TEXT = "materiel.doc_text"
SENTENCE_BOUNDS = "materiel.sentence_bounds"
# The doc's entities and where each starts: kept as spans (entities are never saved with the doc).
DOC_ENTS = "materiel.doc_ents"
# The prefix of the memos of where a paragraph's mentions start, one per list of mentions.
MENTION_STARTS = "materiel.mention_starts"


class _Placed(Protocol):
    @property
    def start(self) -> int: ...


Placed = TypeVar("Placed", bound=_Placed)


def doc_text(doc: Doc) -> str:
    """The doc's text, `Doc.text`, built at the first call only."""
    text = doc.user_data.get(DOC_TEXT)
    if text is None:
        text = doc.user_data[DOC_TEXT] = doc.text
    return text


def _bounds(doc: Doc) -> tuple[list[int], list[int], list[int], list[int]]:
    """Each sentence's first token, past-the-last token, first character and end character, in
    order (lists of numbers, as `Doc.user_data` is saved with the doc)."""
    bounds = doc.user_data.get(SENTENCE_BOUNDS)
    if bounds is None:
        sents = list(doc.sents)
        bounds = doc.user_data[SENTENCE_BOUNDS] = (
            [s.start for s in sents],
            [s.end for s in sents],
            [s.start_char for s in sents],
            [s.end_char for s in sents],
        )
    return bounds


def _sentence(doc: Doc, at: int) -> Span:
    starts, ends, _, _ = _bounds(doc)
    return doc[starts[at] : ends[at]]


def sentence_holding(doc: Doc, char: int) -> Span | None:
    """The sentence holding a character offset of the doc; none for an offset between two
    sentences (the space after a full stop) or past the doc's end."""
    _, _, start_chars, end_chars = _bounds(doc)
    at = bisect_right(start_chars, char) - 1
    return _sentence(doc, at) if at >= 0 and char < end_chars[at] else None


def sentences_before(sentence: Span, reach: int) -> list[Span]:
    """The last `reach` sentences of the doc that end where the sentence starts or before, in order."""
    _, ends, _, _ = _bounds(sentence.doc)
    upto = bisect_right(ends, sentence.start)
    return [_sentence(sentence.doc, at) for at in range(max(0, upto - reach), upto)]


def sentences_overlapping(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences of the doc that share a character with the range [start, end), in order."""
    _, _, start_chars, end_chars = _bounds(doc)
    first, past = bisect_right(end_chars, start), bisect_left(start_chars, end)
    return [_sentence(doc, at) for at in range(first, past)]


def sentence_ents(sentence: Span) -> list[Span]:
    """The named entities that fall wholly within the sentence, as `Span.ents` gives them, whose
    walk over every entity of the doc (`Doc.ents`, built anew at each call) this replaces."""
    ents = sentence.doc.user_data.get(DOC_ENTS)
    if ents is None:
        ents = sentence.doc.user_data[DOC_ENTS] = (tuple(sentence.doc.ents), [e.start for e in sentence.doc.ents])
    found = []
    for ent in ents[0][bisect_left(ents[1], sentence.start) :]:
        if ent.end > sentence.end:
            break
        found.append(ent)
    return found


def mentions_within(doc: Doc, mentions: list[Placed], start: int, end: int) -> list[Placed]:
    """The mentions of the doc's paragraph that start in [start, end), in the list's order: what
    `[m for m in mentions if start <= m.start < end]` gives, which the rules asked per sentence,
    a walk over the paragraph's every mention each time. Where each starts is sorted once per
    list (a paragraph's mention lists are built before its rules run and never changed)."""
    key = (MENTION_STARTS, id(mentions))
    memo = doc.user_data.get(key)
    if memo is None or memo[0] is not mentions or len(memo[1]) != len(mentions):
        placed = sorted((m.start, at) for at, m in enumerate(mentions))
        memo = doc.user_data[key] = (mentions, [s for s, _ in placed], [at for _, at in placed])
    _, starts, order = memo
    found = sorted(order[bisect_left(starts, start) : bisect_left(starts, end)])
    return [mentions[at] for at in found]
