"""Cyrillic read with the wrong Cyrillic code page: cases as data, properties, and real text left alone."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from materiel.article import Article
from materiel.clean import CLEAN_STEPS
from materiel.clean.cyrillic import MIXUPS
from materiel.clean.encoding import repair_line
from materiel.pipeline import Runner
from tests.builders import article_of
from tests.conftest import CASES, ROOT, SHARED, load_cases, needs_shared
from tools import cldr
from tools.cldr import CYRILLIC, misread
from tools.cyrillic_tables import render

SENTENCES = load_cases(CASES / "cleaning" / "encoding.json")
SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _xfail(reason: str | None) -> list:
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


# Each case's mix-ups: [written in, read as], and a third element when the repair is known to fail.
CASE_MIXUPS = [
    pytest.param(
        c["text"],
        mixup[0],
        mixup[1],
        id=f"{c['language']}{i}-{mixup[0]}-as-{mixup[1]}",
        marks=_xfail(c.get("xfail") or (mixup[2] if len(mixup) > 2 else None)),
    )
    for i, c in enumerate(SENTENCES)
    for mixup in c["mixups"]
]


def assert_repaired(text: str, written: str, read: str) -> None:
    broken = misread(text, written, read)
    assert broken != text
    repairs: list = []
    assert repair_line(broken, repairs) == text
    assert repairs
    # The recorded mix-up need not be the one made (KOI8-R and KOI8-U agree on Russian) but it
    # must explain the bytes: the repaired text misread that way gives back what was there.
    for repair in repairs:
        page, _, _, reader = repair.how.split()
        assert misread(repair.after, page, reader) == repair.before


@pytest.mark.parametrize(("text", "written", "read"), CASE_MIXUPS)
def test_cyrillic_mixup_is_repaired(text: str, written: str, read: str) -> None:
    assert_repaired(text, written, read)


CYRILLIC_PAGES = {"cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic"}


@pytest.mark.parametrize(
    ("text", "written"),
    [(c["text"], page) for c in SENTENCES if "xfail" not in c for page in c["codepages"] if page in CYRILLIC_PAGES],
)
def test_cyrillic_read_as_latin1_is_repaired(text: str, written: str) -> None:
    """Strict Latin-1 shows bytes 0x80-0x9F as C1 controls where Windows-1252 has letters and quotes."""
    broken = text.encode(written).decode("latin-1")
    assert repair_line(broken, []) == text


@pytest.mark.parametrize("text", [c["text"] for c in SENTENCES])
def test_correct_line_is_untouched(text: str) -> None:
    repairs: list = []
    assert repair_line(text, repairs) == text
    assert repairs == []


def test_every_pair_has_cases() -> None:
    pairs = {tuple(m) for c in SENTENCES if "xfail" not in c for m in c["mixups"] if len(m) == 2}
    assert {(m.written, m.read) for m in MIXUPS} <= pairs
    assert sum(not c["codepages"] and not c["mixups"] for c in SENTENCES) >= 40  # correct lines


def test_a_page_with_a_koi8_line_is_repaired_and_recorded() -> None:
    line = "Правительство одобрило новый пакет помощи, сообщил представитель министерства"
    text = f"Officials said the package was approved on Monday.\n\n{misread(line, 'koi8_r', 'cp1251')}"
    result = Runner(CLEAN_STEPS).run_one(article_of(text))
    assert isinstance(result, Article)
    assert line in result.text
    assert [r.how for r in result.repairs] == ["koi8_r read as cp1251"]


def test_tables_are_generated_from_the_prose() -> None:
    shipped = (ROOT / "src" / "materiel" / "clean" / "cyrillic_tables.py").read_text(encoding="utf-8")
    assert shipped == render(), "run tools/cyrillic_tables.py > src/materiel/clean/cyrillic_tables.py"


@needs_shared
def test_no_cyrillic_line_of_the_corpus_gets_a_code_page_repair() -> None:
    lines = [
        line
        for path in sorted((SHARED / "corpus").glob("*/*"))
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n")
        if CYRILLIC.search(line)
    ]
    assert lines
    for line in lines:
        repairs: list = []
        repair_line(line, repairs)
        assert [r.how for r in repairs if not r.how.startswith("ftfy")] == [], line


def test_cldr_names_in_cyrillic_are_untouched() -> None:
    """Tens of thousands of real names, units and phrases (Unicode CLDR, shipped with Babel)."""
    pytest.importorskip("babel")
    texts = cldr.cyrillic_texts()
    assert len(texts) > 10_000
    changed = [t for t in texts if repair_line(t, []) != t]
    assert changed == []


def _words(language: str) -> list[str]:
    """The lowercase words of a language's cases: what sentences are mostly made of."""
    words = {w.strip(",.:;?!«»") for c in SENTENCES if c["language"] == language for w in c["text"].split()}
    return sorted(words - {""})


# A sentence of reasonable length: six words or more, forty letters or more.
MIN_SENTENCE_LETTERS = 40


def _sentence(language: str):
    words = [w for w in _words(language) if w.islower() and CYRILLIC.search(w)]
    sentences = st.lists(st.sampled_from(words), min_size=6, max_size=16).map(lambda ws: " ".join(ws).capitalize())
    return sentences.filter(lambda s: len(CYRILLIC.findall(s)) >= MIN_SENTENCE_LETTERS)


# Words of the cases' own lines, every language, with names, abbreviations and Latin beside them.
WORDS = st.sampled_from(
    sorted({w for c in SENTENCES for w in c["text"].split()} | {"NATO", "IRIS-T", "2024", "—", "«Искандер»"})
)
SHAPED = st.tuples(WORDS, st.sampled_from([str, str.upper, str.capitalize])).map(
    lambda pair: pair[0] if pair[0].isupper() else pair[1](pair[0])  # abbreviations keep their capitals
)


@SETTINGS
@given(st.lists(SHAPED, min_size=1, max_size=14, unique_by=str.lower))
def test_a_correct_line_is_never_changed(words: list[str]) -> None:
    """Lines of distinct words (a line that says "ЮАР" five times, which no text does, can tip the margin)."""
    line = " ".join(words)
    repairs: list = []
    assert repair_line(line, repairs) == line
    assert [r.how for r in repairs if not r.how.startswith("ftfy")] == []


@SETTINGS
@given(
    st.sampled_from(["ru", "uk"]).flatmap(_sentence),
    st.sampled_from([m for m in MIXUPS if "mac_cyrillic" not in (m.written, m.read)]),
)
def test_a_misread_sentence_round_trips(sentence: str, mixup) -> None:
    """Sentences of six to sixteen words and forty letters or more, every mix-up that changes at least
    four characters. (MacCyrillic
    and Windows-1251 differ only in capitals and a few letters, too little for some sentences: the
    cases hold those, with their known failures.)"""
    try:
        broken = misread(sentence, mixup.written, mixup.read)
    except UnicodeEncodeError:  # Ukrainian і has no place in KOI8-R or CP866
        assume(False)
    assume(sum(a != b for a, b in zip(sentence, broken, strict=True)) >= 4)
    assert_repaired(sentence, mixup.written, mixup.read)
