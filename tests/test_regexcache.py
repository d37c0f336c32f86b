"""The stored regular expressions: a pattern built from the file equals the one `re.compile` makes,
a run that compiled nothing new leaves the file alone, and a damaged or foreign file is ignored."""

from __future__ import annotations

import marshal
import re

import pytest

from materiel import regexcache
from materiel.clean.boilerplate import RULES

PATTERNS = [
    (r"^\W*about\ the\ (?:author|writer)s?\s*:\s*(?-i:[A-Z]).{0,250}$  # a comment", re.IGNORECASE | re.VERBOSE),
    (r"(?P<name>[A-Z]\w+)\s+(?P=name)", 0),
    (r"(\d+)-(\d+)|(?<=x)y", re.MULTILINE),
    (r"[а-яё]+", re.IGNORECASE),
]


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", str(tmp_path))
    monkeypatch.setattr(regexcache, "_STORE", regexcache._Store())
    return tmp_path


def _fresh(monkeypatch) -> regexcache._Store:
    fresh = regexcache._Store()
    monkeypatch.setattr(regexcache, "_STORE", fresh)
    return fresh


def test_patterns_from_the_file_equal_compiled_ones(store, monkeypatch) -> None:
    first = [regexcache.compile(p, f) for p, f in PATTERNS]
    assert regexcache._STORE.missed
    regexcache._STORE.write()
    again = _fresh(monkeypatch)
    built = [regexcache.compile(p, f) for p, f in PATTERNS]
    assert not again.missed  # every one came from the file
    for (pattern, flags), made, old in zip(PATTERNS, built, first, strict=True):
        assert made == re.compile(pattern, flags) == old
        assert (made.flags, made.groups, made.groupindex) == (old.flags, old.groups, old.groupindex)
    assert built[1].match("Anna Anna").group("name") == "Anna"
    assert built[1].match("Anna Boris") is None


def test_rule_patterns_equal_compiled_ones() -> None:
    """Whatever the rules were built from (the file or the compiler), they are re.compile's."""
    for rule in RULES:
        assert rule.pattern == re.compile(rule.pattern.pattern, rule.pattern.flags), rule.reason


def test_a_run_that_compiled_nothing_new_writes_nothing(store, monkeypatch) -> None:
    regexcache.compile(*PATTERNS[0])
    regexcache._STORE.write()
    path = next(store.iterdir())
    stamp = path.stat().st_mtime_ns
    path.write_bytes(path.read_bytes())  # same content, new time
    touched = path.stat().st_mtime_ns
    _fresh(monkeypatch)
    regexcache.compile(*PATTERNS[0])
    regexcache._STORE.write()
    assert path.stat().st_mtime_ns == touched >= stamp


@pytest.mark.parametrize(
    "content",
    [b"not marshal data", marshal.dumps(("another-python", {})), marshal.dumps([1, 2, 3])],
    ids=["damaged", "foreign", "wrong shape"],
)
def test_a_damaged_or_foreign_file_is_ignored(store, monkeypatch, content: bytes) -> None:
    regexcache.compile(*PATTERNS[0])
    path = regexcache._STORE.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    fresh = _fresh(monkeypatch)
    assert regexcache.compile(*PATTERNS[1]) == re.compile(*PATTERNS[1])
    assert fresh.missed


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", "")
    fresh = _fresh(monkeypatch)
    assert regexcache.compile(*PATTERNS[2]) == re.compile(*PATTERNS[2])
    assert not fresh.missed and fresh.path() is None


def test_without_a_home_the_cache_is_off(monkeypatch) -> None:
    """A relative folder would put the file wherever the command runs."""
    monkeypatch.delenv("MATERIEL_REGEX_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert _fresh(monkeypatch).path() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/absolute/cache")
    assert _fresh(monkeypatch).path() is not None


def test_an_entry_the_engine_refuses_is_compiled_again(store, monkeypatch) -> None:
    pattern, flags = PATTERNS[0]
    path = regexcache._STORE.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = {(pattern, int(flags)): (int(flags), [999999, 1, 2], 0, {}, ())}
    path.write_bytes(marshal.dumps((regexcache._key(), broken)))
    fresh = _fresh(monkeypatch)
    assert regexcache.compile(pattern, flags) == re.compile(pattern, flags)
    assert fresh.missed
