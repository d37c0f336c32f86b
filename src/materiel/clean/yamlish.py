"""A tolerant reader for the YAML of front matter: top-level keys and their values.

Front matter written by scrapers and blog engines is often not valid YAML (tabs in indentation,
unquoted colons in titles, stray characters), and a strict parser would reject the whole block.
This reader takes what the block plainly says: each top-level `key: value`, with values that are
plain, single- or double-quoted (escapes and line folding as YAML defines them), block scalars
(`>` folded, `|` literal), flow lists (`[a, b]`) and block lists (`- a`). Nested mappings are
kept as their text. Values are strings or lists of strings.
"""

from __future__ import annotations

import re

from materiel import regexcache

# A key, perhaps quoted ("title": ...), its colon and its value on the line, if any.
_KEY = regexcache.compile(r"^[\"']?([A-Za-z_][\w.-]*(?:[ \t]+[\w.-]+){0,2})[\"']?[ \t]*:(?:[ \t]+(.*)|[ \t]*)$")
_ITEM = regexcache.compile(r"^\s*-(?:\s+(.*)|\s*)$")
# Escapes of YAML's double-quoted style (`\_` is a no-break space; `\` at a line's end joins
# the next line without a space).
_ESCAPES = {
    "n": "\n", "t": "\t", "r": "", "0": "", "\\": "\\", '"': '"', "/": "/", " ": " ",
    "_": "\xa0", "N": "\x85", "L": "\u2028", "P": "\u2029", "e": "", "a": "", "b": "", "v": "", "f": "",
}  # fmt: skip
_HEX = {"x": 2, "u": 4, "U": 8}
# Unicode's code points end at U+10FFFF; the surrogates (U+D800 to U+DFFF) only pair up in UTF-16
# and are no character of their own: an escape or entity naming one is kept as written.
MAX_CODE_POINT = 0x10FFFF
SURROGATES = range(0xD800, 0xE000)

Value = str | list[str]


def parse_block(lines: list[str]) -> dict[str, Value]:
    """The top-level fields of a front-matter block (the lines between its fences)."""
    fields: dict[str, Value] = {}
    key, first, rest = None, "", []
    for line in lines:
        match = _KEY.match(line) if line[:1] not in (" ", "\t", "-") else None
        if match is None:
            if key is not None:
                rest.append(line)
            continue
        if key is not None:
            fields.setdefault(key, _value(first, rest))
        key, first, rest = match.group(1).strip().lower(), (match.group(2) or "").strip(), []
    if key is not None:
        fields.setdefault(key, _value(first, rest))
    return fields


def toml_value(text: str) -> Value:
    """A TOML value as front matter writes it: a quoted string, an array of them, or a bare
    date, number or flag (kept as its text); a comment after it is dropped."""
    text = text.strip()
    if text[:1] not in ('"', "'", "["):
        text = text.split(" #", 1)[0].strip()
    return _value(text, [])


def _value(first: str, rest: list[str]) -> Value:
    if first[:1] in ("|", ">") and re.fullmatch(r"[|>][-+0-9]*", first):
        return _block_scalar(first[0], rest)
    if first[:1] in ('"', "'"):
        return _quoted(" ".join([first, *(x.strip() for x in rest)]) if first[0] == "'" else _join_double(first, rest))
    if first.startswith("[") and first.endswith("]"):
        return [_scalar(x) for x in first[1:-1].split(",") if x.strip()]
    if not first and rest and all(_ITEM.match(x) for x in rest if x.strip()):
        return [_scalar(_ITEM.match(x).group(1) or "") for x in rest if x.strip()]
    return " ".join(x.strip() for x in [first, *rest] if x.strip())


def _block_scalar(style: str, rest: list[str]) -> str:
    texts = [x.strip() for x in rest]
    if style == "|":
        return "\n".join(texts).strip()
    return " ".join(x for x in texts if x)


def _scalar(text: str) -> str:
    text = text.strip()
    return _quoted(text) if text[:1] in ('"', "'") else text


def _join_double(first: str, rest: list[str]) -> str:
    """A double-quoted value over several lines: a line break folds to a space, unless escaped."""
    text = first
    for line in rest:
        if text.endswith("\\") and not text.endswith("\\\\"):
            text = text[:-1] + line.strip()
        else:
            text = f"{text} {line.strip()}"
    return text


def _quoted(text: str) -> str:
    quote = text[0]
    body = text[1:]
    if quote == "'":
        end = _single_end(body)
        return body[:end].replace("''", "'")
    return _double(body)


def _single_end(body: str) -> int:
    index = 0
    while index < len(body):
        if body[index] == "'":
            if body[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return len(body)


def _double(body: str) -> str:
    out, index = [], 0
    while index < len(body):
        char = body[index]
        if char == '"':
            break
        if char == "\\" and index + 1 < len(body):
            decoded, index = _escape(body, index + 1)
            out.append(decoded)
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _escape(body: str, index: int) -> tuple[str, int]:
    code = body[index]
    if code in _HEX:
        digits = body[index + 1 : index + 1 + _HEX[code]]
        if re.fullmatch(r"[0-9a-fA-F]+", digits) and len(digits) == _HEX[code] and valid_code_point(int(digits, 16)):
            return chr(int(digits, 16)), index + 1 + _HEX[code]
    if code in _ESCAPES:
        return _ESCAPES[code], index + 1
    return "\\" + code, index + 1  # not an escape YAML knows: kept as written


def valid_code_point(code: int) -> bool:
    """A character's number: within Unicode and not a surrogate."""
    return code <= MAX_CODE_POINT and code not in SURROGATES
