"""The lexicon finders' trie pattern matches exactly what the sorted alternation it replaced did."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from materiel.extract.lexicon import (
    MAKER_PARTICIPLE,
    SUPPLY_PARTICIPLE,
    Finder,
    actor_finder,
    item_finders,
    outlet_finder,
    trie_pattern,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# Corpus files read for the comparison: enough varied news text, quick to scan twice.
CORPUS_FILES = 60


def _wrapped(finder: Finder, alternation: str) -> re.Pattern:
    """An alternation of names with the finder's plural and maker suffixes and its word ending."""
    suffix = r"(?:s|es)?" if finder.pattern.pattern.count("(?:s|es)?") else ""
    suffix += rf"(?P<maker>{MAKER_PARTICIPLE})?" if "(?P<maker>" in finder.pattern.pattern else ""
    ending = rf"(?:(?![\w-])|(?={SUPPLY_PARTICIPLE}))"
    return re.compile(rf"(?<![\w-])(?:{alternation}){suffix}{ending}", finder.pattern.flags)


def _alternation(finder: Finder) -> re.Pattern:
    """The pattern as it was: every name, longest first, tried in turn."""
    words = sorted(finder.names, key=len, reverse=True)
    return _wrapped(finder, "|".join(re.escape(w) for w in words))


def _trie(finder: Finder) -> re.Pattern:
    """The finder's pattern; a case-blind finder's trie before its joints are widened to a hyphen
    or a space (test_generic_names_read_a_hyphen_and_a_space_alike checks those spellings)."""
    return _wrapped(finder, trie_pattern(sorted(finder.names))) if finder.ignore_case else finder.pattern


def _texts(finder: Finder) -> list[str]:
    names = list(finder.names)
    written = [" and ".join(names), " ".join(n + "s" for n in names), "-".join(names)]
    written.append(" ".join(f"{n}-supplied {n}es" for n in names))
    written.append(" ".join(f"{n}-built {n}-made" for n in names))
    files = sorted(CORPUS.rglob("*.txt"))[:CORPUS_FILES] if CORPUS.exists() else []
    return written + [f.read_text(encoding="utf-8", errors="replace") for f in files]


@pytest.mark.parametrize("which", ["actors", "generic", "systems", "outlets"])
def test_trie_matches_the_sorted_alternation(which: str) -> None:
    finder = {"actors": actor_finder(), "outlets": outlet_finder()}.get(which) or dict(
        zip(("generic", "systems"), item_finders(), strict=True)
    )[which]
    old, trie = _alternation(finder), _trie(finder)
    for text in _texts(finder):
        expected = [(m.start(), m.end()) for m in old.finditer(text)]
        assert [(m.start(), m.end()) for m in trie.finditer(text)] == expected


# Generic names written with a hyphen or a space at their joints, and their category; each is read
# whole ("man portable air defence systems", not only its "air defence systems").
SPELLINGS = [
    ("first-aid kits", "other-equipment"),
    ("first aid kits", "other-equipment"),
    ("First-Aid kits", "other-equipment"),
    ("man-portable air-defence systems", "air-defense"),
    ("man portable air defence systems", "air-defense"),
    ("man-portable air defence systems", "air-defense"),
    ("first aid\nkits", "other-equipment"),  # a line's wrap
]


@pytest.mark.parametrize(("written", "category"), SPELLINGS)
def test_generic_names_read_a_hyphen_and_a_space_alike(written: str, category: str) -> None:
    generic, _ = item_finders()
    (found,) = generic.find(f"Latvia sent {written} to the front.")
    assert (found.text, found.id) == (written, category)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("firstaid kits", []),  # no joint at all: no name
        ("first_aid kits", []),  # an underscore is no joint
        ("first/aid kits", ["aid"]),  # nor a slash: only its "aid"
        ("manportable air defence systems", ["air defence systems"]),  # only the name it holds
        ("air\n\ndefence systems", []),  # a blank line ends a paragraph, not a joint
        ("first aid \n\n kits", ["aid"]),
    ],
)
def test_other_joints_are_no_spelling_of_a_name(written: str, read: list[str]) -> None:
    generic, _ = item_finders()
    assert [m.text for m in generic.find(f"Latvia sent {written} to the front.")] == read


def test_trie_prefers_the_longest_word() -> None:
    pattern = re.compile(rf"(?:{trie_pattern(['Korea', 'South Korea', 'South'])})\b")
    assert [m.group() for m in pattern.finditer("South Korea and South Sudan")] == ["South Korea", "South"]


@pytest.mark.parametrize("participle", ["made", "built", "produced", "manufactured"])
def test_maker_participle_names_the_state_as_a_demonym(participle: str) -> None:
    for name, ident in (("Dutch", "NLD"), ("US", "USA"), ("U.S.", "USA"), ("French", "FRA")):
        (found,) = actor_finder().find(f"{name}-{participle} frigates")
        assert (found.id, found.kind, found.text) == (ident, "demonym", f"{name}-{participle}")


def test_supply_participle_leaves_the_name_alone() -> None:
    (found,) = actor_finder().find("British-supplied missiles")
    assert (found.id, found.kind, found.text) == ("GBR", "demonym", "British")
