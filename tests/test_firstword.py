"""The first-word gate of the rule book: a line whose first word character a rule's gate refuses
can never match that rule (the book skips it there), and the gate is read the same way whether
it comes from the store of compiled patterns or from the parser."""

from __future__ import annotations

import re

import pytest

from materiel import regexcache
from materiel.clean.boilerplate import RULES
from materiel.clean.firstword import first_word_char, first_word_gate, first_word_source
from materiel.clean.rules import RuleBook
from tests.test_boilerplate import LINES

FLAGS = re.IGNORECASE | re.VERBOSE
# Patterns written for these tests, each with lines it matches whose first word characters are
# not where a plain reading would look (after quotes, dashes, digits, case-folded letters).
MATCHED = [
    (r"^\W*(?:read|see)\ also\b", ["«Read also: a headline", "— see ALSO", "...READ also"]),
    (r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$", ["  3 / 12", "٣ / ١٢"]),  # Arabic-Indic digits are \d too
    (r"^(?=.*\d)\W*(?:updated|posted)\b", ["(Updated 2 May)", "** posted at 10:00"]),
    (r"^\W*(?-i:[A-Z])\w+\ (?:writes|reports)\W*$", ["— Anna writes", "Boris reports."]),
    (r"^\W*kilo\w*", ["\u212ailometres away"]),  # the Kelvin sign folds to "k"
    (r"^\W*in\ brief\W*$", ["\u0130N BRIEF"]),  # the dotted capital I folds to "i"
    (r"^\W*(?:\(\s*)?photo:", ["( Photo: agency", "(photo:"]),
    (r"^\W*\u24b6?bc\b", ["\u24b6bc", "bc"]),  # a cased symbol that is not a word character
    (r"^[-–]\s*[_\d]+\ of\ \d+", ["- 3 of 5", "– _1 of 5"]),
]


@pytest.mark.parametrize(("pattern", "lines"), MATCHED, ids=[p for p, _ in MATCHED])
def test_a_matched_line_passes_the_gate(pattern: str, lines: list[str]) -> None:
    compiled = re.compile(pattern, FLAGS)
    gate = first_word_gate(compiled)
    assert gate is not None
    for line in lines:
        assert compiled.match(line), line
        assert gate(first_word_char(line)), line


def test_the_gate_refuses_other_first_words() -> None:
    gate = first_word_gate(re.compile(r"^\W*(?:read|see)\ also\b", FLAGS))
    assert gate is not None
    assert [c for c in "RrSsTtAa1_" if gate(c)] == ["R", "r", "S", "s"]
    assert not gate("")  # a line without a word character


@pytest.mark.parametrize(
    "pattern",
    [
        r"^.*\bsubscribe\b",  # any character first
        r"^\W*$",  # a line with no word at all
        r"^\W*(?:\#[\w-]+\W*)+$",  # "#-" holds no word character
        r"^(\W)\1\W*abc",  # a back-reference before the first word
    ],
)
def test_patterns_that_get_no_gate(pattern: str) -> None:
    assert first_word_source(re.compile(pattern, FLAGS)) is None


def test_a_set_that_holds_words_lets_them_all_through() -> None:
    gate = first_word_gate(re.compile(r"^[^.!?]{1,80}\[edit\]", FLAGS))
    assert gate is not None
    assert all(gate(c) for c in "aZ9_яé")


def test_an_ascii_pattern_gets_no_gate() -> None:
    """With re.ASCII, \\W holds "é": the line's first word character may be one the gate never saw."""
    compiled = re.compile(r"^\W*bc", re.ASCII | re.IGNORECASE)
    assert compiled.match("ébc")
    assert first_word_source(compiled) is None


@pytest.mark.parametrize("rule", [r for r in RULES if r.anchored], ids=lambda r: r.reason)
def test_every_line_a_rule_matches_passes_its_gate(rule) -> None:
    """The case lines and the corpus's, as they are, in capitals, and after a quotation mark."""
    gate = first_word_gate(rule.pattern)
    if gate is None:
        pytest.skip("no gate: tried on every line")
    variants = LINES + [line.upper() for line in LINES] + [f"«{line}" for line in LINES]
    matched = [line for line in variants if rule.pattern.match(line)]
    assert all(gate(first_word_char(line)) for line in matched)


def test_most_anchored_rules_have_a_gate() -> None:
    """What the book's speed rests on: an edit that leaves most rules without one shows here."""
    anchored = [r for r in RULES if r.anchored]
    gated = [r for r in anchored if first_word_gate(r.pattern) is not None]
    assert len(gated) >= 0.8 * len(anchored)


def test_a_reading_is_stored_and_served(regex_store, monkeypatch) -> None:
    made: list[str] = []

    def make() -> str:
        made.append("x")
        return "[ab]"

    assert regexcache.derived("test-1", r"^\W*ab", FLAGS, make) == "[ab]"
    regexcache._STORE.write()
    monkeypatch.setattr(regexcache, "_STORE", regexcache._Store())
    assert regexcache.derived("test-1", r"^\W*ab", FLAGS, make) == "[ab]"
    assert made == ["x"]  # served from the file
    assert regexcache.derived("test-2", r"^\W*ab", FLAGS, make) == "[ab]"
    assert made == ["x", "x"]  # another version of the reading reads again
    assert regexcache.compile(r"^\W*ab", FLAGS) == re.compile(r"^\W*ab", FLAGS)  # programs untouched


def test_no_store_reads_every_time(monkeypatch) -> None:
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", "")
    assert regexcache.derived("test-1", "x", 0, lambda: None) is None
    assert regexcache.derived("test-1", "x", 0, lambda: "y") == "y"


def test_the_book_opens_the_rules_of_every_needle_a_line_holds() -> None:
    """The needles a line holds are read as the longest one at each place and its beginnings:
    overlapping needles ("sign up" in "sign up now") and nested ones all open their rules."""
    book = RuleBook(RULES)
    for line in LINES + [line.upper() for line in LINES[:2000]]:
        folded = line.casefold()
        holds = {i for i, rule in enumerate(RULES) if rule.needles and any(n in folded for n in rule.needles)}
        assert book._opened(folded) == holds, line
