"""Cyrillic read with the wrong Cyrillic code page, found by what real Cyrillic looks like.

Text saved in KOI8-R and shown as Windows-1251 is still Cyrillic ("нЙОЙУФЕТУФЧП" for
"Министерство"), so a check of script alone passes it. Real Cyrillic has a shape: its letter
pairs are those of a language (counted from prose in six languages, `cyrillic_tables`), its words
are lowercase, Capitalized or short capitals (KOI8 mix-ups swap the case of every letter), and
symbols sit between words, not inside them. A run of Cyrillic-looking words is turned back into the
bytes its reader saw, decoded with each code page it may have been written in, and a decoding
replaces the run only when it scores better than the run by a margin, in total and per character
it changes. A correct line scores better than any of its misreadings, so it is left alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from materiel.article import Repair
from materiel.clean.cyrillic_tables import PAIRS


@dataclass(frozen=True)
class Mixup:
    written: str  # the code page the bytes are in
    read: str  # the code page a reader decoded them with


# Each Cyrillic code page read as Windows-1251 (the web's default for Cyrillic) and the reverse;
# KOI8-U read as KOI8-R breaks only the Ukrainian letters і ї є ґ, a mix-up of Unix mail.
MIXUPS = (
    *(Mixup(page, "cp1251") for page in ("koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic")),
    *(Mixup("cp1251", page) for page in ("koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic")),
    Mixup("koi8_u", "koi8_r"),
)
READERS = tuple(dict.fromkeys(m.read for m in MIXUPS))
# A candidate must beat the run by this many nats (log-likelihood units) in all: about e^10 to one.
MARGIN = 10.0
# ... and by this much for each character it changes, so that a long run cannot win on many tiny gains.
MARGIN_PER_CHANGE = 1.0
# Pseudo-count that blends a pair's count with its second letter's frequency (unseen pairs).
SMOOTHING = 3.0
# A symbol where punctuation goes (« before a word, — between words) costs about a rare letter;
# a symbol against a letter where no punctuation goes ("н¦О¦", "ЈН") costs what a misread does.
PUNCTUATION_COST = -4.0
JUNK_COST = -10.0
# Word shapes, in nats against lowercase: Capitalized starts sentences and names; short capitals
# are abbreviations (ЗСУ, НАТО, США); long capitals are headlines; lower-then-upper ("нЙОЙУФЕТ")
# is what KOI8 read as Windows-1251 makes of a Capitalized word; other mixes (МиГ, КамАЗ) are rare.
CAPITALIZED_COST = -1.0
SHORT_CAPITALS = 4
SHORT_CAPITALS_COST = -0.5
CAPITALS_COST = -2.5
INVERTED_COST = -8.0
MIXED_CASE_COST = -4.0

_LETTERS = "Ѐ-ҁҊ-ӿ"  # Cyrillic letters (the block less its signs and combining marks)
_TOKEN = re.compile(f"(?P<word>[{_LETTERS}]+(?:['’ʼ][{_LETTERS}]+)*)|[^\\x00-\\x7f]")
_APOSTROPHE = re.compile("['’ʼ]")
_WORD = re.compile(r"[^ \t\r\n\f\v]+")  # NBSP is no separator: cp866 "а" read as cp1251 shows as NBSP
_ASCII_LETTER = re.compile("[A-Za-z]")
_OPENING, _CLOSING, _DASHES = "«„“‘‹", "»”“’›", "—–‒−"
_SPACES = "\xa0\u2009\u202f\xad"  # no-break, thin and soft-hyphen: typography, not letters


def _shown(page: str) -> dict[str, int]:
    """What a reader using `page` shows for each byte 0x80-0xFF (its holes as C1 controls, as browsers do)."""
    shown = {}
    for byte in range(0x80, 0x100):
        try:
            shown[bytes([byte]).decode(page)] = byte
        except UnicodeDecodeError:
            shown[chr(byte)] = byte
    return shown


_BYTE_OF = {page: _shown(page) for page in READERS}
_SHOWN = frozenset(ch for table in _BYTE_OF.values() for ch in table)


def _log_tables() -> dict[str, dict[str, float]]:
    """Per language, log P(next | previous) for every pair of letters (and "_" for a word's edge)."""
    alphabet = sorted({c.lower() for c in _SHOWN if c.isalpha()} | {"_"})
    tables = {}
    for lang, entries in PAIRS.items():
        pairs = Counter({e[:2]: int(e[3:]) for e in entries.split()})
        firsts, seconds = Counter(), Counter()
        for pair, n in pairs.items():
            firsts[pair[0]] += n
            seconds[pair[1]] += n
        total = sum(pairs.values()) + 0.5 * len(alphabet)
        tables[lang] = {
            a + b: math.log((pairs[a + b] + SMOOTHING * (seconds[b] + 0.5) / total) / (firsts[a] + SMOOTHING))
            for a in alphabet
            for b in alphabet
        }
    return tables


_TABLES = _log_tables()
_UNSEEN = min(min(t.values()) for t in _TABLES.values())


def cyrillic_score(text: str) -> float:
    """Log-likelihood of the text's non-ASCII characters as Cyrillic, in its best-fitting language."""
    totals = dict.fromkeys(_TABLES, 0.0)
    shared = 0.0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if match.lastgroup == "word":
            shared += _shape_cost(_APOSTROPHE.sub("", token))
            for lang, cost in _word_costs(_APOSTROPHE.sub("", token).lower()).items():
                totals[lang] += cost
        else:
            before = text[match.start() - 1] if match.start() else " "
            after = text[match.end()] if match.end() < len(text) else " "
            shared += PUNCTUATION_COST if _punctuation_fits(token, before, after) else JUNK_COST
    return shared + max(totals.values())


@lru_cache(maxsize=1 << 16)
def _word_costs(word: str) -> dict[str, float]:
    framed = f"_{word}_"
    pairs = [framed[i : i + 2] for i in range(len(framed) - 1)]
    return {lang: sum(table.get(pair, _UNSEEN) for pair in pairs) for lang, table in _TABLES.items()}


def _shape_cost(word: str) -> float:
    if len(word) < 2 or word.islower():
        return 0.0
    if word[0].isupper() and word[1:].islower():
        return CAPITALIZED_COST
    if word.isupper():
        return SHORT_CAPITALS_COST if len(word) <= SHORT_CAPITALS else CAPITALS_COST
    if word[0].islower() and word[1:].isupper():
        return INVERTED_COST
    turns = sum(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))
    return MIXED_CASE_COST * max(turns, 1)


def _punctuation_fits(mark: str, before: str, after: str) -> bool:
    """Is this non-letter where a language puts it (between words, around numbers), not inside a word?"""
    opens, closes = before.isspace() or before in "([{", after.isspace() or after in ".,;:!?)]}"
    if mark in _OPENING and opens and (after.isalnum() or after in _OPENING):
        return True
    if mark in _CLOSING and (before.isalnum() or before in ".!?…") and (closes or after in _CLOSING):
        return True
    if mark in "’ʼ" and before.isalpha() and after.isalpha():
        return True
    if mark in _DASHES or mark in "№§©®°±×•…":
        return (opens or before.isdigit() or mark in "°…") and (closes or after.isdigit() or mark in "№§")
    return mark in _SPACES


def repair_cyrillic(line: str, repairs: list[Repair]) -> str:
    """Replace each run of Cyrillic-looking words that is a clear misreading by its decoding."""
    found = []
    for start, end in _runs(line):
        better = repair_run(line[start:end])
        if better is not None:
            found.append((start, end, *better))
    for start, end, text, mixup in reversed(found):
        repairs.append(Repair(before=line[start:end], after=text, how=f"{mixup.written} read as {mixup.read}"))
        line = line[:start] + text + line[end:]
    return line


def repair_run(run: str) -> tuple[str, Mixup] | None:
    """(decoding, mix-up) when one decoding of the run beats it by the margins, else None."""
    if sum(c.isalpha() and not c.isascii() for c in run) < 2:
        return None
    original = cyrillic_score(run)
    best: tuple[float, str, Mixup] | None = None
    for mixup, candidate in _candidates(run):
        score = cyrillic_score(candidate)
        if best is None or score > best[0]:
            best = (score, candidate, mixup)
    if best is None:
        return None
    gain = best[0] - original
    changed = sum(a != b for a, b in zip(run, best[1], strict=True))
    return (best[1], best[2]) if gain >= MARGIN and gain >= MARGIN_PER_CHANGE * changed else None


def _candidates(run: str):
    """Each distinct decoding of the run's bytes, for each mix-up whose reader could have shown it."""
    seen = {run}
    for mixup in MIXUPS:
        data = _to_bytes(run, mixup.read)
        if data is None or _is_utf8(data):
            continue
        try:
            candidate = data.decode(mixup.written)
        except UnicodeDecodeError:
            continue
        if candidate not in seen:
            seen.add(candidate)
            yield mixup, candidate


def _to_bytes(text: str, page: str) -> bytes | None:
    table = _BYTE_OF[page]
    try:
        return bytes(ord(c) if c.isascii() else table[c] for c in text)
    except KeyError:
        return None


def _is_utf8(data: bytes) -> bool:
    """Bytes that are valid UTF-8 (and not ASCII) are UTF-8 mojibake ("вЂ”"): ftfy's case, not ours."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.isascii()


def _runs(line: str):
    """Spans of consecutive words a Cyrillic reader could show; a word of ASCII letters ends a run."""
    start = end = None
    for match in _WORD.finditer(line):
        word = match.group()
        if any(c in _SHOWN for c in word) and all(c.isascii() or c in _SHOWN for c in word):
            start = match.start() if start is None else start
            end = match.end()
        elif start is not None and (_ASCII_LETTER.search(word) or not word.isascii()):
            yield start, end
            start = end = None
    if start is not None:
        yield start, end
