"""Kept regex code: the pattern object is the one `re.compile` makes, kept or not."""

from __future__ import annotations

import re

import pytest

from materiel import regexcache
from materiel.clean.boilerplate import RULES

SAMPLES = [
    (r"^\W*((?:read|learn|see)\ (?:more|also))\W*:.*\b\1\W*:", re.IGNORECASE | re.VERBOSE),  # a backreference
    (r"(?P<name>[A-Z]\w+),?\s+(?:is|was)\b(?P=name)?", 0),  # named groups
    ("caf\u00e9|na\u00efve|\u0432\u043e\u0439\u043d\u0430", re.IGNORECASE),  # letters outside ASCII
    ("ship # a comment\n | boat", re.VERBOSE),  # a comment in a verbose pattern
    (r"(?i)tanks?\b", 0),  # flags set inside the pattern
    (r"\d{2,}(?!x)(?<=\d)", re.ASCII),
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    path = tmp_path / "regex.marshal"
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", str(path))
    monkeypatch.setattr(regexcache, "_stored", None)
    monkeypatch.setattr(regexcache, "_added", {})
    return path


def _found(match: re.Match[str] | None) -> tuple | None:
    return None if match is None else (match.span(), match.groups())


def _fresh_process(monkeypatch) -> None:
    """What a new process sees: nothing read yet, nothing added."""
    monkeypatch.setattr(regexcache, "_stored", None)
    monkeypatch.setattr(regexcache, "_added", {})


@pytest.mark.parametrize(("pattern", "flags"), SAMPLES)
def test_kept_and_read_back_equal_re_compile(cache, monkeypatch, pattern, flags):
    made = regexcache.compiled(pattern, flags)
    assert made == re.compile(pattern, flags)
    regexcache._write()
    assert cache.exists()
    _fresh_process(monkeypatch)
    assert (pattern, int(flags)) in regexcache._entries()
    again = regexcache.compiled(pattern, flags)
    assert again == re.compile(pattern, flags)
    assert again.groupindex == made.groupindex and again.groups == made.groups
    for text in ("See also: Read more: see also:", "Marek, is Marek", "NAÏVE 123 tanks"):
        assert _found(again.search(text)) == _found(made.search(text))


def test_rule_book_patterns_from_the_file_equal_re_compile(cache, monkeypatch):
    for r in RULES:
        regexcache.compiled(r.pattern.pattern, r.pattern.flags)
    regexcache._write()
    _fresh_process(monkeypatch)
    for r in RULES:
        assert regexcache.compiled(r.pattern.pattern, r.pattern.flags) == r.pattern
    assert not regexcache._added  # every one read from the file


def test_unreadable_file_compiles_as_re(cache):
    cache.write_bytes(b"\x00not marshal")
    assert regexcache.compiled(r"armou?r", re.IGNORECASE) == re.compile(r"armou?r", re.IGNORECASE)


def test_empty_setting_keeps_nothing(cache, monkeypatch):
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", "")
    assert regexcache.cache_path() is None
    regexcache.compiled(r"howitzers?")
    regexcache._write()
    assert not cache.exists()


def test_unwritable_place_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", str(blocker / "under" / "regex.marshal"))
    monkeypatch.setattr(regexcache, "_stored", None)
    monkeypatch.setattr(regexcache, "_added", {})
    assert regexcache.compiled(r"drones?") == re.compile(r"drones?")
    regexcache._write()  # a file where a folder should be: nothing kept, nothing raised
