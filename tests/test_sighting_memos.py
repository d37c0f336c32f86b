"""The per-doc memos of what the readings ask per pair of parties or per item (perf24): an item's
governing cue (syntax.governing_cue), the token indices of a sentence's parties
(sighting_features._actor_tokens) and whether a sentence holds a cue (cuekinds.holds_cue) are
worked out once per doc, and give what a fresh working-out gives."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from spacy.tokens import Doc, Span, Token

from materiel.extract import cuekinds, sighting_features, syntax
from materiel.extract.lexicon import Mention
from materiel.extract.nlp import load_model
from materiel.extract.openslots import actor_token_indices

pytestmark = pytest.mark.slow

# Our own wording: a supplier, a recipient and an item under a transfer verb.
TEXT = "Norway sent forty armoured trucks to Moldova last week."


def _item(doc: Doc) -> Token:
    return next(t for t in doc if t.text == "trucks")


def test_governing_cue_is_worked_out_once_per_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = load_model()(TEXT)
    sentence = next(iter(doc.sents))
    fresh = syntax._governing_cue(_item(doc), sentence)
    calls: list[int] = []
    original = syntax._governing_cue

    def counting(token: Token, span: Span) -> Token | None:
        calls.append(token.i)
        return original(token, span)

    monkeypatch.setattr(syntax, "_governing_cue", counting)
    first = syntax.governing_cue(_item(doc), sentence)
    second = syntax.governing_cue(_item(doc), sentence)
    assert fresh is not None and first is not None and second is not None
    assert first.i == second.i == fresh.i and first.text == "sent"
    assert calls == [_item(doc).i]


def test_no_cue_is_remembered_as_none(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = load_model()(TEXT)
    sentence = next(iter(doc.sents))
    monkeypatch.setattr(syntax, "_governing_cue", lambda token, span: None)
    assert syntax.governing_cue(_item(doc), sentence) is None
    monkeypatch.setattr(syntax, "_governing_cue", lambda token, span: pytest.fail("asked twice"))
    assert syntax.governing_cue(_item(doc), sentence) is None


def test_actor_tokens_are_worked_out_once_per_sentence_and_parties(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = load_model()(TEXT)
    sentence = next(iter(doc.sents))
    actors = [Mention("NOR", "Norway", "Norway", 0, 6, "state"), Mention("MDA", "Moldova", "Moldova", 37, 44, "state")]
    paragraph = SimpleNamespace(actors=actors)
    fresh = actor_token_indices(sentence, [(m.start, m.end) for m in actors])
    calls: list[int] = []

    def counting(span: Span, spans: list[tuple[int, int]]) -> set[int]:
        calls.append(len(spans))
        return actor_token_indices(span, spans)

    monkeypatch.setattr(sighting_features, "actor_token_indices", counting)
    assert sighting_features._actor_tokens(paragraph, sentence) == fresh == {0, 6}
    assert sighting_features._actor_tokens(paragraph, sentence) == fresh
    assert calls == [2]
    paragraph.actors = actors[:1]  # other parties (a new list): worked out again
    assert sighting_features._actor_tokens(paragraph, sentence) == {0}
    assert calls == [2, 1]


def test_holds_cue_is_worked_out_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = load_model()("Norway sent forty trucks. The trucks were parked at the depot.")
    first, second = list(doc.sents)
    asked: list[int] = []
    original = cuekinds.cue_kind

    def counting(token: Token) -> str | None:
        asked.append(token.i)
        return original(token)

    monkeypatch.setattr(cuekinds, "cue_kind", counting)
    assert cuekinds.holds_cue(first) and not cuekinds.holds_cue(second)
    walked = len(asked)
    assert cuekinds.holds_cue(first) and not cuekinds.holds_cue(second)
    assert len(asked) == walked  # the second time, no token's kind is asked
