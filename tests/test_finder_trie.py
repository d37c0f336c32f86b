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


def _alternation(finder: Finder) -> re.Pattern:
    """The pattern as it was: every name, longest first, tried in turn."""
    words = sorted(finder.names, key=len, reverse=True)
    suffix = r"(?:s|es)?" if finder.pattern.pattern.count("(?:s|es)?") else ""
    suffix += rf"(?P<maker>{MAKER_PARTICIPLE})?" if "(?P<maker>" in finder.pattern.pattern else ""
    ending = rf"(?:(?![\w-])|(?={SUPPLY_PARTICIPLE}))"
    alternation = "|".join(re.escape(w) for w in words)
    if finder.ignore_case:  # a generic name's joints: a hyphen or a space (spellings.JOINT)
        alternation = alternation.replace(r"\ ", r"[\s-]+")
    return re.compile(rf"(?<![\w-])(?:{alternation}){suffix}{ending}", finder.pattern.flags)


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
    old = _alternation(finder)
    for text in _texts(finder):
        expected = [(m.start(), m.end()) for m in old.finditer(text)]
        assert [(m.start(), m.end()) for m in finder.pattern.finditer(text)] == expected


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
