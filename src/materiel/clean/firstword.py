"""The first word character a line must have for an anchored pattern to match it.

Most boilerplate rules are anchored and open with a few literal words after leading punctuation
(`^\\W*(?:read|see)\\ also`): such a rule can match a line only if the line's first word character
(letter, digit or underscore, as the regular-expression engine's `\\w` has it) is one its pattern
can begin with, here "r" or "s" in either case. `first_word_gate` reads that set off the pattern's
parse tree, as a one-character pattern the engine itself tests (so case-blindness is the engine's
own, "K" and the Kelvin sign alike); a pattern whose match may begin its words anywhere (`^.*`,
`^[^.]`) or hold none gets no gate. The reading only widens: a lookahead, a case-sensitive group
or a character set is taken as if it let more through, never less.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from pathlib import Path
from re import _constants as sre
from re import _parser

from materiel import regexcache

# A one-character test: does a line whose first word character is this one pass?
Gate = Callable[[str], "re.Match[str] | None"]
_WORD_CHAR = re.compile(r"\w")
# The classes a character set may name, as they are written.
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_WORD_CATEGORIES = (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD)  # hold word characters only
_NON_WORD_CATEGORIES = (sre.CATEGORY_NOT_WORD, sre.CATEGORY_SPACE)  # hold none
# A range of characters longer than this is not read character by character: it may hold both.
MAX_RANGE_READ = 0x3000


def _kind() -> str | None:
    """The name the readings are stored under: this module's text, so that an edit reads them
    again; None (nothing stored) where the text cannot be read."""
    try:
        return f"first-word-{zlib.crc32(Path(__file__).read_bytes()):08x}"
    except OSError:
        return None


_KIND = _kind()
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


class _Unknown(Exception):
    """A construct whose first characters are not read here: the pattern gets no gate."""


# What a piece of pattern says: the one-character patterns its first word character may match,
# and whether it may match without reaching a word character (then what follows decides too).
_Heads = tuple[list[str], bool]


def first_word_gate(pattern: re.Pattern[str]) -> Gate | None:
    """A test of the first word character of the lines `pattern.match` can match, or None. The
    reading is stored with the compiled patterns (parsing the rule book's patterns again cost
    0.05-0.08 s of CPU a process), under a name that changes with this module's text."""
    if _KIND is None:
        source = first_word_source(pattern)
    else:
        source = regexcache.derived(_KIND, pattern.pattern, pattern.flags, lambda: first_word_source(pattern))
    return regexcache.compile(source, re.IGNORECASE).match if source is not None else None


def first_word_source(pattern: re.Pattern[str]) -> str | None:
    """The gate as a pattern of one character, read off the parse tree, or None."""
    if pattern.flags & re.ASCII:
        return None  # its \W holds letters that the engine's \w (Unicode) counts as word characters
    try:
        heads, open_ = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    except _Unknown:
        return None
    if open_:
        return None  # it may match a line whose first word character it never reaches
    return "|".join(dict.fromkeys(heads)) or "(?!)"


def first_word_char(line: str) -> str:
    """The line's first word character, or "" for a line without any."""
    found = _WORD_CHAR.search(line)
    return found.group() if found is not None else ""


def _sequence(items: _parser.SubPattern | list) -> _Heads:
    heads: list[str] = []
    for op, av in items:
        more, open_ = _item(op, av)
        heads += more
        if not open_:
            return heads, False
    return heads, True


def _item(op: object, av: object) -> _Heads:
    if op is sre.LITERAL:
        return _literal(av)  # type: ignore[arg-type]
    if op is sre.IN:
        return _char_set(av)  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return [], True  # a lookahead only narrows; `^`, `\b` and `$` consume nothing
    if op is sre.SUBPATTERN:
        return _sequence(av[3])  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)  # type: ignore[arg-type]
    if op is sre.BRANCH:
        read = [_sequence(branch) for branch in av[1]]  # type: ignore[index]
        return [h for heads, _ in read for h in heads], any(open_ for _, open_ in read)
    if op in _REPEATS:
        heads, open_ = _sequence(av[2])  # type: ignore[index]
        return heads, open_ or av[0] == 0  # type: ignore[index]
    raise _Unknown(op)  # any character, a character but one, a back-reference


def _literal(code: int) -> _Heads:
    char = chr(code)
    if _WORD_CHAR.match(char):
        return [re.escape(char)], False
    return ([re.escape(char)] if _cased(char) else []), True


def _cased(char: str) -> bool:
    """A symbol with a case ("Ⓐ"): kept in a gate, in case the engine's case-blindness pairs it
    with a word character."""
    return char.lower() != char.upper()


def _char_set(members: list[tuple[object, object]]) -> _Heads:
    """A character set: the set itself, if it may hold word characters, and whether it may hold
    others."""
    negated = bool(members) and members[0][0] is sre.NEGATE
    body = members[1:] if negated else members
    written = "[" + ("^" if negated else "") + "".join(_member(op, av) for op, av in body) + "]"
    if negated:  # the complement of the members: all word characters once \W is among them
        word_only = any(av is sre.CATEGORY_NOT_WORD for op, av in body if op is sre.CATEGORY)
        word_free = any(av is sre.CATEGORY_WORD for op, av in body if op is sre.CATEGORY)
        return ([] if word_free else [written]), not word_only
    kinds = set().union(*(_kinds(op, av) for op, av in body))
    return ([written] if True in kinds else []), False in kinds


def _member(op: object, av: object) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))  # type: ignore[arg-type]
    if op is sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"  # type: ignore[index]
    if op is sre.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]  # type: ignore[index]
    raise _Unknown(op)


def _kinds(op: object, av: object) -> set[bool]:
    """Whether a set's member may hold word characters (True), others (False), or both."""
    if op is sre.LITERAL:
        return _char_kinds(chr(av))  # type: ignore[arg-type]
    if op is sre.RANGE and av[1] - av[0] <= MAX_RANGE_READ:  # type: ignore[index]
        return set().union(*(_char_kinds(chr(c)) for c in range(av[0], av[1] + 1)))  # type: ignore[index]
    if op is sre.CATEGORY and av in _WORD_CATEGORIES:
        return {True}
    if op is sre.CATEGORY and av in _NON_WORD_CATEGORIES:
        return {False}
    return {True, False}


def _char_kinds(char: str) -> set[bool]:
    if _WORD_CHAR.match(char):
        return {True}
    return {True, False} if _cased(char) else {False}
