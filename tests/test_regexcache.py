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


def _fresh(monkeypatch) -> regexcache._Store:
    fresh = regexcache._Store()
    monkeypatch.setattr(regexcache, "_STORE", fresh)
    return fresh


def test_patterns_from_the_file_equal_compiled_ones(regex_store, monkeypatch) -> None:
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


def test_a_run_that_compiled_nothing_new_writes_nothing(regex_store, monkeypatch) -> None:
    regexcache.compile(*PATTERNS[0])
    regexcache._STORE.write()
    path = next(regex_store.iterdir())
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
def test_a_damaged_or_foreign_file_is_ignored(regex_store, monkeypatch, content: bytes) -> None:
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


def test_an_entry_the_engine_refuses_is_compiled_again(regex_store, monkeypatch) -> None:
    pattern, flags = PATTERNS[0]
    path = regexcache._STORE.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = {(pattern, int(flags)): (int(flags), [999999, 1, 2], 0, {}, ())}
    path.write_bytes(marshal.dumps((regexcache._key(), broken)))
    fresh = _fresh(monkeypatch)
    assert regexcache.compile(pattern, flags) == re.compile(pattern, flags)
    assert fresh.missed


def test_patterns_compiled_inside_stored_imports_come_from_the_file(regex_store, monkeypatch, tmp_path) -> None:
    """A module imported inside the block has its module-level patterns stored, and served from
    the file in a later process (here: a fresh store, and `re`'s own cache emptied)."""
    module = tmp_path / "pkg_with_patterns.py"
    module.write_text('import re\nWORD = re.compile(r"(?P<w>[a-z]+)-\\d{2,}", re.IGNORECASE)\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    re.purge()
    with regexcache.stored_imports():
        import pkg_with_patterns  # noqa: F401 - imported for its patterns
    assert regexcache._STORE.missed
    key = (r"(?P<w>[a-z]+)-\d{2,}", int(re.IGNORECASE))
    assert key in regexcache._STORE.used
    regexcache._STORE.write()
    again = _fresh(monkeypatch)
    re.purge()
    with regexcache.stored_imports():
        made = re.compile(*key)
    assert not again.missed and key in again.used
    assert made == re.compile(*key) and made.match("Abc-123").group("w") == "Abc"


def test_stored_imports_hands_the_compiler_back(regex_store) -> None:
    with regexcache.stored_imports():
        assert re._compiler.compile is not regexcache._COMPILER
        with regexcache.stored_imports():  # swapped already: left as it is
            pass
        assert re._compiler.compile is not regexcache._COMPILER
    assert re._compiler.compile is regexcache._COMPILER
    with pytest.raises(ZeroDivisionError), regexcache.stored_imports():
        1 / 0  # noqa: B018 - an error inside the block
    assert re._compiler.compile is regexcache._COMPILER


def test_stored_imports_leaves_bytes_patterns_to_the_compiler(regex_store) -> None:
    re.purge()
    with regexcache.stored_imports():
        made = re.compile(rb"\d+x", re.MULTILINE)
        text = re.compile(r"[ab]{2}\d")
    assert made == re.compile(rb"\d+x", re.MULTILINE) and made.search(b"a 12x") is not None
    assert text == re.compile(r"[ab]{2}\d")
    assert [key for key in regexcache._STORE.used if isinstance(key[0], bytes)] == []
    assert (r"[ab]{2}\d", 0) in regexcache._STORE.used


def test_without_a_store_stored_imports_compiles(monkeypatch) -> None:
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", "")
    fresh = _fresh(monkeypatch)
    with regexcache.stored_imports():
        assert re._compiler.compile is regexcache._COMPILER
        assert re.compile(r"q{3}z") == re.compile(r"q{3}z")
    assert not fresh.used


def test_programs_are_stored_as_bytes(regex_store) -> None:
    """The file holds each program as bytes (read back in one piece), not a list of numbers."""
    for pattern, flags in PATTERNS:
        regexcache.compile(pattern, flags)
    regexcache._STORE.write()
    key, entries = marshal.loads(regexcache._STORE.path().read_bytes())
    assert key == regexcache._key() and len(entries) == len(PATTERNS)
    for (pattern, flags), entry in entries.items():
        assert isinstance(entry[1], bytes)
        assert list(entry[1]) and regexcache._build(pattern, entry) == re.compile(pattern, flags)


def test_an_older_layout_keeps_its_own_file(regex_store) -> None:
    """A copy that stores programs as lists (an older install sharing the folder) has its file
    under another name: neither finds the other's foreign, so neither writes it again each run."""
    older = regex_store / f"regex-{regexcache.sys.implementation.cache_tag}.marshal"
    older.write_bytes(marshal.dumps(("an-older-key", {(PATTERNS[0][0], 0): (0, [1, 2], 0, {}, ())})))
    before = older.read_bytes()
    regexcache.compile(*PATTERNS[1])
    regexcache._STORE.write()
    assert regexcache._STORE.path() != older and regexcache._STORE.path().exists()
    assert older.read_bytes() == before


def test_the_folder_is_made_once_for_a_value_and_follows_the_environment(tmp_path, monkeypatch) -> None:
    """Every pattern asks for the store's folder: it is made once for a value of the variables, and
    a changed value is read at once."""
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", str(tmp_path / "a"))
    first = regexcache._folder()
    assert first == tmp_path / "a" and regexcache._folder() is first
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", str(tmp_path / "b"))
    assert regexcache._folder() == tmp_path / "b"
    monkeypatch.setenv("MATERIEL_REGEX_CACHE", "")
    assert regexcache._folder() is None
    monkeypatch.delenv("MATERIEL_REGEX_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert regexcache._folder() == tmp_path / "cache" / "materiel"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", "also-relative")
    assert regexcache._folder() is None
