"""The headline's parse (titles.py): a headline that keeps its words is parsed once, by the reading
of its future "to", and the paragraph keeps that parse; one whose "to" becomes "will" is parsed
again as told. Either way the paragraph's parse is the one a fresh parse of its text gives."""

from __future__ import annotations

from typing import Any

import pytest

from materiel.extract import titles
from materiel.extract.nlp import load_model

pytestmark = pytest.mark.slow


class _Counting:
    """The spaCy pipeline, counting the texts it is asked to parse."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, text: str) -> Any:
        self.texts.append(text)
        return load_model()(text)


def _forget() -> None:
    """Empty the module's headline memos, so that each case parses anew (and none keeps a parse
    made by the counting pipeline)."""
    for name in ("parsed_title", "future_told", "_told"):
        memo = getattr(titles, name, None)
        if hasattr(memo, "cache_clear"):
            memo.cache_clear()


def _parse_of(doc: Any) -> list[tuple[str, str, str, int, str]]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc]


@pytest.mark.parametrize(
    ("title", "parsed"),
    [
        ("Germany sends tanks to Ukraine", ["Germany sends tanks to Ukraine"]),  # a clause: kept as written
        ("Tanks sent to Ukraine", ["Tanks sent to Ukraine"]),  # a participle: kept
        ("UK to supply Ukraine with tanks", ["UK to supply Ukraine with tanks", "UK will supply Ukraine with tanks"]),
    ],
)
def test_a_headline_is_parsed_once_per_text(monkeypatch: pytest.MonkeyPatch, title: str, parsed: list[str]) -> None:
    counting = _Counting()
    monkeypatch.setattr(titles, "load_model", lambda: counting)
    _forget()
    paragraph = titles.parsed_title(title, 2024)
    _forget()
    assert counting.texts == parsed
    assert paragraph.text == parsed[-1] == paragraph.doc.text
    assert _parse_of(paragraph.doc) == _parse_of(load_model()(paragraph.text))
