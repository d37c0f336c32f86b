"""Compiled regular expressions kept on disk between processes, as Python keeps bytecode.

The boilerplate rule book's ~270 case-blind, verbose patterns took 0.15-0.2 s of CPU to compile
in every process, a sixth of a `materiel clean` run over a hundred pages. `compile` here gives the
same pattern object as `re.compile` (the same program for the regular-expression engine: patterns
compare equal), built from the program that an earlier process compiled and stored, in a few
milliseconds. What is stored is checked when it is made: an entry is kept only if the pattern it
builds equals the one `re.compile` gave. The file is keyed by the Python build and the engine's
version; a missing, unreadable or foreign file is ignored, and a run that compiled patterns the
file lacked writes it again at exit (atomically; a read-only place is skipped silently).

`stored_imports` serves the module-level patterns of the modules imported inside it (ftfy's,
trafilatura's and its helpers': some 0.04 s of CPU a process) from the same file.

A reading of a pattern that costs a parse (the boilerplate rules' first-word gates, firstword.py)
is stored beside the programs with `derived`, under a name that carries the reading's version.

MATERIEL_REGEX_CACHE names the file's folder; an empty value turns the cache off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

try:  # the engine's own constructor, and the parser and code generator `re.compile` uses
    import _sre
    from re import _compiler, _parser

    _COMPILER = _compiler.compile
    # A program is stored as the bytes of an array of the engine's code words: the file is read
    # whole by every process, and a list of some 300,000 numbers took 8 ms of it to read back.
    _CODE_TYPE = next(kind for kind in "ILQ" if array(kind).itemsize == _sre.CODESIZE)
except ImportError:  # pragma: no cover - another Python: the cache stays off
    _sre = None
    _CODE_TYPE = ""

# What an entry holds: the flags after the pattern's own, the program (its code words' bytes), the
# number of groups, the group names by index and back (the engine constructor's other arguments).
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
# The stored file is rewritten without the patterns no longer used once it holds this many times
# the patterns a run used (rules edited many times over leave old entries behind).
MAX_STALE_FACTOR = 2
# The file's layout, in its name: copies of materiel that store programs otherwise (an older
# install sharing the cache folder) keep a file of their own, where a shared one would be found
# foreign and written again by each in turn, every run compiling its patterns anew.
STORE_FORMAT = "b2"


def _key() -> str:
    magic = getattr(_sre, "MAGIC", 0)
    return f"{sys.implementation.cache_tag}-{sys.version}-{magic}-{getattr(_sre, 'CODESIZE', 0)}-{_CODE_TYPE}"


def _folder() -> Path | None:
    """The store's folder, as the environment names it now (a test may change it)."""
    environ = os.environ
    return _folder_of(environ.get("MATERIEL_REGEX_CACHE"), environ.get("XDG_CACHE_HOME"), environ.get("HOME"))


@lru_cache(maxsize=8)
def _folder_of(named: str | None, cache_home: str | None, home: str | None) -> Path | None:
    """The folder for these values of the variables: every pattern compiled asks (some 750 at a
    process's start), and making the path again each time was 2-3 ms of it. `home` only keys the
    memo: `expanduser` reads it."""
    if named is not None:
        return Path(named) if named else None
    folder = cache_home or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(folder) / "materiel" if os.path.isabs(folder) else None  # no home: no cache


class _Store:
    """The entries read from disk, those this process used, and whether it compiled new ones."""

    def __init__(self) -> None:
        self.loaded: dict[tuple[str, int], _Entry] | None = None
        self.used: dict[tuple[str, int], _Entry] = {}
        self.missed = False

    def path(self) -> Path | None:
        folder = _folder()
        return folder / f"regex-{sys.implementation.cache_tag}-{STORE_FORMAT}.marshal" if folder is not None else None

    def read(self) -> dict[tuple[str, int], _Entry]:
        if self.loaded is None:
            self.loaded = {}
            path = self.path()
            try:
                key, entries = marshal.loads(path.read_bytes()) if path is not None else ("", {})
            except (OSError, ValueError, EOFError, TypeError):
                key, entries = "", {}
            if key == _key() and isinstance(entries, dict):
                self.loaded = entries
        return self.loaded

    def write(self) -> None:
        path = self.path()
        if not self.missed or path is None:
            return
        entries = {**self.read(), **self.used}
        if len(entries) > MAX_STALE_FACTOR * len(self.used):
            entries = dict(self.used)
        import tempfile  # only a run that writes the file needs it

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".regex-")
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps((_key(), entries)))
            os.replace(temporary, path)
        except OSError:
            return


_STORE = _Store()


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the stored program when there is one."""
    if _sre is None or _folder() is None:
        return re.compile(pattern, flags)
    return _stored(pattern, int(flags), re.compile)


@contextmanager
def stored_imports() -> Iterator[None]:
    """Inside the block, whatever compiles a string pattern through `re` (a module's patterns
    compiled as it is imported) is served from the stored file as `compile` is; `re`'s own cache
    works as before. The block is for imports: the engine's compiler is swapped for the block's
    time, process-wide, and only if no one else has swapped it."""
    if _sre is None or _folder() is None or _compiler.compile is not _COMPILER:
        yield
        return
    _compiler.compile = _compile_stored
    try:
        yield
    finally:
        _compiler.compile = _COMPILER


def _compile_stored(pattern: object, flags: int) -> re.Pattern:
    """`_compiler.compile`, from the store for string patterns (bytes and debug runs compile)."""
    if type(pattern) is not str or flags & re.DEBUG:
        return _COMPILER(pattern, flags)
    return _stored(pattern, flags, _COMPILER)


def _stored(pattern: str, flags: int, compiler: Callable[[str, int], re.Pattern[str]]) -> re.Pattern[str]:
    """The pattern built from its stored entry; else `compiler`'s, stored if the entry made of it
    builds the same pattern."""
    entry = _STORE.read().get((pattern, flags))
    built = _build(pattern, entry) if entry is not None else None
    if built is not None:
        _STORE.used[pattern, flags] = entry
        return built
    compiled = compiler(pattern, flags)
    entry = _entry(pattern, flags)
    if entry is not None and _build(pattern, entry) == compiled:
        if not _STORE.missed:
            atexit.register(_STORE.write)
        _STORE.used[pattern, flags], _STORE.missed = entry, True
    return compiled


def derived(kind: str, pattern: str, flags: int, make: Callable[[], str | None]) -> str | None:
    """`make()`, a text read off a pattern (an analysis of it, not its program), stored with the
    programs under `kind`, which names the analysis and its version: an edited analysis must
    change `kind`, or it would be served what its old version stored."""
    if _sre is None or _folder() is None:
        return make()
    key = (pattern, int(flags), kind)
    loaded = _STORE.read()
    if key in loaded and isinstance(loaded[key], str | None):
        value = loaded[key]
    else:
        value = make()
        if not _STORE.missed:
            atexit.register(_STORE.write)
        _STORE.missed = True
    _STORE.used[key] = value  # type: ignore[index]
    return value  # type: ignore[return-value]


def _build(pattern: str, entry: _Entry) -> re.Pattern[str] | None:
    """The pattern the engine makes of a stored entry; None where this Python's engine refuses it."""
    try:
        flags, code, *names = entry
        return _sre.compile(pattern, flags, array(_CODE_TYPE, code).tolist(), *names)
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None


def _entry(pattern: str, flags: int) -> _Entry | None:
    """What `re.compile` hands the engine for this pattern (re/_compiler.py's `compile`)."""
    try:
        tree = _parser.parse(pattern, flags)
        code = array(_CODE_TYPE, _compiler._code(tree, flags)).tobytes()
        groups = dict(tree.state.groupdict)
    except (AttributeError, TypeError):
        return None
    names: list[str | None] = [None] * tree.state.groups
    for name, index in groups.items():
        names[index] = name
    return int(flags | tree.state.flags), code, tree.state.groups - 1, groups, tuple(names)
