"""Regular expressions whose compiled code is kept between processes, as Python keeps modules'.

`re.compile` parses a pattern and generates the regex engine's code in Python. For the cleaning's
rule book (about 160 verbose, case-blind patterns of many alternatives) that took about 0.1 s of
CPU in every process, a quarter of importing `materiel.clean` and as long as cleaning twenty
pages. The code depends only on the pattern, its flags and the Python build, so it is kept in one
file per build under the user's cache directory (`MATERIEL_REGEX_CACHE` names another file; empty:
keep none) and handed to the engine directly the next time. A pattern is stored only when the
object made from the stored code equals (`==`, which compares the engine's code) the one
`re.compile` makes; anything missing, unreadable or unwritable is compiled by `re.compile`. Either
way the pattern object is the same.
"""

from __future__ import annotations

import _sre
import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup): _sre.compile's arguments after the pattern.
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_ENV = "MATERIEL_REGEX_CACHE"
_stored: dict[tuple[str, int], _Entry] | None = None
_added: dict[tuple[str, int], _Entry] = {}


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the kept code when there is some."""
    entry = _entries().get((pattern, int(flags)))
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except (TypeError, ValueError, RuntimeError):
            pass
    made = re.compile(pattern, flags)
    _remember(pattern, flags, made)
    return made


def cache_path() -> Path | None:
    """The file of this Python build's code, or None when none is kept."""
    chosen = os.environ.get(_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    build = hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{_sre.MAXREPEAT}".encode()).hexdigest()[:16]
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "materiel" / f"regex-{build}.marshal"


def _entries() -> dict[tuple[str, int], _Entry]:
    global _stored
    if _stored is None:
        _stored = _read(cache_path())
    return _stored


def _read(path: Path | None) -> dict[tuple[str, int], _Entry]:
    if path is None:
        return {}
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _remember(pattern: str, flags: int, made: re.Pattern[str]) -> None:
    """Keep the code of `made` for the next process, when it can be regenerated exactly."""
    try:
        entry = _generate(pattern, flags)
        if _sre.compile(pattern, *entry) != made:
            return
    except Exception:  # the engine's internals differ in this build: keep nothing
        return
    if not _added:
        atexit.register(_write)
    _added[(pattern, int(flags))] = entry


def _generate(pattern: str, flags: int) -> _Entry:
    """The arguments `re._compiler.compile` gives `_sre.compile`, as plain ints, lists and dicts."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    state: Any = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return int(flags | state.flags), code, state.groups - 1, dict(state.groupdict), tuple(indexgroup)


def _write() -> None:
    path = cache_path()
    if path is None:
        return
    merged = {**_read(path), **_added}
    written: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".regex-", delete=False) as out:
            written = Path(out.name)
            out.write(marshal.dumps(merged))
        os.replace(written, path)  # whole or not at all: a process reading it meanwhile sees either
    except OSError:
        if written is not None:
            written.unlink(missing_ok=True)
