"""docindex: a doc's text and sentences are built once per doc, and the per-sentence reads find a
sentence by bisection instead of walking every sentence of the paragraph (a page scraped as one
paragraph made that cost quadratic: bench/paragraph_growth.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from materiel.extract import daynumbers
from materiel.extract.context import Paragraph
from materiel.extract.coordinated import listed_mentions
from materiel.extract.docindex import (
    doc_text,
    mentions_within,
    sentence_ents,
    sentence_holding,
    sentences_before,
    sentences_overlapping,
)
from materiel.extract.elided import elided_items
from materiel.extract.lexicon import Mention, find_actors
from materiel.extract.nlp import load_model
from materiel.extract.unnamed import paid_for

# Sentences of our own, enough that a walk over all of them for each one would be seen.
TEXT = " ".join(f"Country {n} sent {n} tanks. The last {n} arrived." for n in range(1, 21))
SRC = Path(__file__).resolve().parents[1] / "src" / "materiel" / "extract"


def _doc() -> Doc:
    """Sentences split by spaCy's rule-based sentencizer: no model to load."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(TEXT)


def _refuse_walks(doc: Doc) -> None:
    """From here on, a walk over the doc's sentences (`Doc.sents`) fails the test."""

    def walk(_: Doc) -> list[Span]:
        raise AssertionError("a per-sentence read walked every sentence of the paragraph")

    doc.user_hooks["sents"] = walk


def test_doc_text_is_built_once() -> None:
    doc = _doc()
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # the same string, kept: not joined again from the tokens


def test_the_index_finds_what_a_walk_finds() -> None:
    doc = _doc()
    sents = list(doc.sents)
    for char in range(len(TEXT) + 2):
        walked = next((s for s in sents if s.start_char <= char < s.end_char), None)
        assert sentence_holding(doc, char) == walked
    for at, sentence in enumerate(sents):
        for reach in (1, 2, 3):
            assert sentences_before(sentence, reach) == sents[max(0, at - reach) : at]
    for start, end in [(0, 1), (10, 60), (13, 14), (14, 15), (200, 400), (len(TEXT) - 1, len(TEXT) + 5)]:
        assert sentences_overlapping(doc, start, end) == [s for s in sents if s.start_char < end and start < s.end_char]


def test_per_sentence_reads_do_not_walk_the_paragraph() -> None:
    doc = _doc()
    sents = list(doc.sents)
    paragraph = Paragraph(offset=0, text=TEXT, doc=doc, actors=[], items=[], amounts=[], outlets=[])
    sentence_holding(doc, 0)  # the index, built once: the one walk allowed
    _refuse_walks(doc)
    for sentence in sents:
        assert paragraph.sentence_holding(sentence.start_char) == sentence
        assert sentences_overlapping(doc, sentence.start_char, sentence.end_char) == [sentence]
        assert len(sentences_before(sentence, 2)) == min(2, sentence.start and sents.index(sentence))
        assert elided_items(paragraph, sentence) == []


@pytest.mark.parametrize("module", sorted(p.name for p in SRC.glob("*.py") if p.name != "docindex.py"))
def test_rules_read_the_doc_text_through_the_index(module: str) -> None:
    """`Doc.text` joins every token of the paragraph at each call: the rules read `doc_text`."""
    assert not re.search(r"\bdoc\.text\b", (SRC / module).read_text(encoding="utf-8"))


class _Spy:
    """A compiled pattern that records how much text each search before a number reads."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.read = pattern, []

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(string) if endpos is None else endpos
        self.read.append(end - pos)
        return self.pattern.search(string, pos, end)


# Filler of our own before the number: a long paragraph's text that the look-back need not read.
FILLER = "The convoy moved on through the night and the next morning. " * 200


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FILLER + "On May 12 300 shells arrived.", True),  # the day glued to the count: read apart
        (FILLER + "By then 12 300 shells arrived.", False),  # a count grouped by a space
    ],
)
def test_the_words_before_a_number_are_read_in_a_window(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: bool
) -> None:
    spies = {name: _Spy(getattr(daynumbers, name)) for name in ("REFERENCE_BEFORE", "DAY_BEFORE", "MONTH_BEFORE")}
    for name, spy in spies.items():
        monkeypatch.setattr(daynumbers, name, spy)
    start = text.index("12 300")
    assert (daynumbers.reference_first(text, start, "12 300") is not None) is expected
    daynumbers.is_day(text, "12", 12, start, start + 2)
    read = [n for spy in spies.values() for n in spy.read]
    assert read and max(read) <= daynumbers.LOOK_BACK


def test_a_paragraphs_item_tokens_are_worked_out_once() -> None:
    doc = _doc()
    tanks = Mention("tank", "tank", "tanks", 17, 22, "item", True)  # "Country 1 sent 1 tanks."
    paragraph = Paragraph(offset=0, text=TEXT, doc=doc, actors=[], items=[tanks], amounts=[], outlets=[])
    assert paragraph.item_tokens == frozenset({4})
    assert paragraph.item_tokens is paragraph.item_tokens


def _doc_with_ents() -> Doc:
    """Each "Country" an entity, and one entity across two sentences (none of either sentence)."""
    doc = _doc()
    first = next(iter(doc.sents))
    across = Span(doc, first.end - 1, first.end + 1, label="DATE")  # ". The": in neither sentence
    doc.ents = [*(Span(doc, t.i, t.i + 2, label="GPE") for t in doc if t.text == "Country"), across]
    return doc


def test_sentence_ents_are_what_spacy_gives() -> None:
    doc = _doc_with_ents()
    for sentence in doc.sents:
        assert sentence_ents(sentence) == list(sentence.ents)


def test_sentence_ents_do_not_rebuild_the_docs_entities() -> None:
    doc = _doc_with_ents()
    sents = list(doc.sents)
    kept = [sentence_ents(s) for s in sents[:1]]
    doc.ents = []  # the entities read from here on are those kept at the first call
    assert [sentence_ents(s) for s in sents[:1]] == kept
    assert sum(len(sentence_ents(s)) for s in sents) == 20  # the twenty countries, not the entity across


class _Counted:
    """A mention whose start counts how often it is read."""

    reads = 0

    def __init__(self, start: int) -> None:
        self._start = start

    @property
    def start(self) -> int:
        _Counted.reads += 1
        return self._start


def test_mentions_within_are_what_a_walk_finds_in_the_lists_order() -> None:
    doc = _doc()
    # Out of order and with two at one offset: the list's order is kept, not the offsets'.
    mentions = [_Counted(s) for s in (40, 3, 17, 17, 90, 0, 250, 41)]
    for start, end in [(0, 1), (0, 500), (3, 41), (17, 18), (18, 40), (41, 90), (91, 250), (300, 400)]:
        walked = [m for m in mentions if start <= m._start < end]
        assert mentions_within(doc, mentions, start, end) == walked


def test_mentions_within_sort_the_starts_once_per_list() -> None:
    doc = _doc()
    mentions = [_Counted(s) for s in range(0, 400, 7)]
    mentions_within(doc, mentions, 0, 10)
    _Counted.reads = 0
    for sentence in doc.sents:
        mentions_within(doc, mentions, sentence.start_char, sentence.end_char)
    assert _Counted.reads == 0  # each sentence bisects the kept starts: no walk over the mentions
    other = [_Counted(5), _Counted(6)]  # another list of the same doc has its own index
    assert mentions_within(doc, other, 6, 7) == [other[1]]


class _NoWalk(list):
    """A paragraph's mention list that fails the test when walked once `walks_refused` is set."""

    walks_refused = False

    def __iter__(self) -> Iterator[Mention]:
        if self.walks_refused:
            raise AssertionError("a rule walked every mention of the paragraph")
        return super().__iter__()


def test_a_paragraphs_actor_reach_is_its_longest_mention() -> None:
    actors = [Mention("gb", "Britain", "Britain", 0, 7, "state"), Mention("us", "US", "United States", 9, 22, "state")]
    paragraph = Paragraph(offset=0, text=TEXT, doc=_doc(), actors=actors, items=[], amounts=[], outlets=[])
    assert paragraph.actor_reach == 13


def test_listed_mentions_and_paid_for_read_the_index_not_every_mention() -> None:
    text = "Poland said so. The tanks came from Britain, France and Germany last week."
    doc = load_model()(text)
    actors = _NoWalk(find_actors(text))
    paragraph = Paragraph(offset=0, text=text, doc=doc, actors=actors, items=_NoWalk(), amounts=[], outlets=[])
    britain = next(m for m in actors if m.text == "Britain")
    mentions_within(doc, actors, 0, 0)  # the index, built once: the one walk allowed
    assert paragraph.actor_reach == max(m.end - m.start for m in actors)
    assert paragraph.item_tokens == frozenset()  # worked out once, before
    _NoWalk.walks_refused = True
    try:
        listed = [m.text for m in listed_mentions(paragraph, britain)]
        assert paid_for([], paragraph.items) == []
    finally:
        _NoWalk.walks_refused = False
    assert listed == ["France", "Germany"]  # as the walk over every mention found them
