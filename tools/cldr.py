"""The Cyrillic strings of Unicode CLDR (names of places, languages, units) as Babel ships them:
tens of thousands of correct lines that the encoding repair must leave as they are, and `misread`,
the mojibake made of them. Used by tests/test_encoding_cyrillic.py and bench/encoding.py; Babel is
a development dependency."""

from __future__ import annotations

import re

CYRILLIC = re.compile("[Ѐ-ӿ]")
# The CLDR locales written in Cyrillic script.
LOCALES = ("ru", "uk", "be", "bg", "sr", "mk")


def misread(text: str, written: str, read: str = "cp1252") -> str:
    """What a reader decoding with `read` shows for text saved in `written` (its holes as C1 controls)."""
    shown = []
    for byte in text.encode(written):
        try:
            shown.append(bytes([byte]).decode(read))
        except UnicodeDecodeError:
            shown.append(chr(byte))
    return "".join(shown)


def cyrillic_texts() -> list[str]:
    """Every distinct CLDR string of LOCALES that holds a Cyrillic letter, sorted."""
    import babel

    texts: set[str] = set()
    for code in LOCALES:
        data = babel.Locale.parse(code)._data
        texts.update(t for key in data for t in strings(data[key]) if CYRILLIC.search(t))
    return sorted(texts)


def strings(value: object) -> list[str]:
    """The strings inside a nested CLDR value (strings, tuples, lists and mappings)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple | list):
        return [s for v in value for s in strings(v)]
    if hasattr(value, "values"):
        return [s for v in value.values() for s in strings(v)]
    return []
