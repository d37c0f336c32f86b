"""Cyrillic read with the wrong Cyrillic code page, found by what real Cyrillic looks like.

Text saved in KOI8-R and shown as Windows-1251 is still Cyrillic ("нЙОЙУФЕТУФЧП" for
"Министерство"), so a check of script alone passes it. Real Cyrillic has a shape: its letter
pairs are those of a language (counted from prose in six languages, `cyrillic_tables`), its words
are lowercase, Capitalized or short capitals (KOI8 mix-ups swap the case of every letter), and
symbols sit between words, not inside them. A run of Cyrillic-looking words is turned back into the
bytes its reader saw, decoded with each code page it may have been written in, and a decoding
replaces the run only when it scores better than the run by a margin, in total and per character
it changes. A correct line scores better than any of its misreadings, so it is left alone; one
made of ordinary letters in ordinary case that reads well is not even decoded (most lines).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from materiel import regexcache
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
# A decoding must beat the run by this many nats (log-likelihood units) in all, about e^12 to one
# (set on the cases and CLDR names of bench/encoding.py: a decoding of a correct string that changes
# three characters or more gains 8.8 at most; a KOI8 misreading of a sentence gains 50 to 130)...
MARGIN = 12.0
# ... and by this much for each character it changes, so that a long run cannot win on many tiny gains;
MARGIN_PER_CHANGE = 1.0
# ... and change at least this many characters: one or two changed letters are no more evidence
# than a rare word ("кайнґанґ" is right, yet reading it as MacCyrillic "кайніані" gains 16).
MIN_CHANGED = 3
# The tables count ё as е; where ё is written at all it stands for about one е in twenty.
YO_COST = -3.0
# Log-odds that a short run shares the mix-up proven on its line: a line comes from one file.
PROVEN_ODDS = 6.0
# Pseudo-count that blends a pair's count with its second letter's frequency: a pair the prose
# never showed costs about what its second letter costs, not an impossibility.
SMOOTHING = 20.0
# A symbol where punctuation goes (« before a word, — between words) costs about a rare letter;
# a symbol against a letter where no punctuation goes ("н¦О¦", "ЈН") costs what a misread does.
PUNCTUATION_COST = -4.0
JUNK_COST = -10.0
# Word shapes, in nats against lowercase: Capitalized starts sentences and names; short capitals
# are abbreviations (ЗСУ, НАТО, США), a few tokens in a hundred, whose letters are initials (scored
# as letters that start words); long capitals are headlines; lower-then-upper ("нЙОЙУФЕТ") is what
# KOI8 read as Windows-1251 makes of a Capitalized word; other mixes (МиГ, КамАЗ) are rare.
CAPITALIZED_COST = -1.0
SHORT_CAPITALS = 4
SHORT_CAPITALS_COST = -0.5
CAPITALS_COST = -2.5
INVERTED_COST = -8.0
MIXED_CASE_COST = -4.0

_LETTERS = "Ѐ-ҁҊ-ӿ"  # Cyrillic letters (the block less its signs and combining marks)
_TOKEN = regexcache.compile(f"(?P<word>[{_LETTERS}]+(?:['’ʼ][{_LETTERS}]+)*)|[^\\x00-\\x7f]")
_WORD = regexcache.compile(r"[^ \t\r\n\f\v]+")  # NBSP is no separator: cp866 "а" read as cp1251 shows as NBSP
_ASCII_LETTER = regexcache.compile("[A-Za-z]")
_OPENING, _CLOSING, _DASHES = "«„“‘‹", "»”“’›", "—–‒−"
_SPACES = "\xa0\u2009\u202f\xad"  # no-break, thin and soft-hyphen: typography, not letters
_ORDINARY = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐЎ«»—–…“”„‘’ʼ№\xa0")
_ASCII_OUT = dict.fromkeys(range(0x80))
# Case no ordinary word has: lower then upper ("нЙОЙ", "МиГ"), two capitals then lower
# ("ВКонтакте"), or capitals longer than an abbreviation.
_ODD_CASE = regexcache.compile("[а-яёіїєґў][А-ЯЁІЇЄҐЎ]|[А-ЯЁІЇЄҐЎ]{2}[а-яёіїєґў]|[А-ЯЁІЇЄҐЎ]{5}")
# Per letter, what real text of an ordinary run scores at the least (pooled score: the prose here
# gives -2.5 to -2.9; a KOI8 misreading made only of ordinary lowercase letters gives -3.7 or less).
CLEAN_PER_LETTER = -3.3


def _shown(page: str) -> dict[int, int]:
    """str.translate table from what a reader using `page` shows for bytes 0x80-0xFF to those bytes
    (its holes show as C1 controls, as browsers do); other Latin-1 characters map out of range."""
    shown = dict.fromkeys(range(0x80, 0x100), 0xFFFF)
    for byte in range(0x80, 0x100):
        try:
            shown[ord(bytes([byte]).decode(page))] = byte
        except UnicodeDecodeError:
            shown[byte] = byte
    return shown


_BYTE_OF = {page: _shown(page) for page in READERS}
_SHOWN = frozenset(chr(code) for table in _BYTE_OF.values() for code, byte in table.items() if byte < 0x100)
_SHOWN_CLASS = "".join(map(re.escape, sorted(_SHOWN)))
# A word a Cyrillic reader could show: ASCII and such characters, one of them at least.
_SHOWN_WORD = regexcache.compile(f"[\\x00-\\x7f{_SHOWN_CLASS}]*[{_SHOWN_CLASS}][\\x00-\\x7f{_SHOWN_CLASS}]*")


class _PairCosts(dict):
    """One language's log P(next | previous) for pairs of letters, each computed when first asked
    for: a page meets a few hundred of the alphabet's pairs, and computing all of them for six
    languages took a twentieth of a second of every process that met a Cyrillic-looking run."""

    def __init__(self, entries: str, alphabet: frozenset[str]) -> None:
        super().__init__()
        self.alphabet = alphabet
        self.counts = Counter({e[:2]: int(e[3:]) for e in entries.split()})
        self.firsts: Counter[str] = Counter()
        self.seconds: Counter[str] = Counter()
        for pair, n in self.counts.items():
            self.firsts[pair[0]] += n
            self.seconds[pair[1]] += n
        self.total = sum(self.counts.values()) + 0.5 * len(alphabet)

    def __missing__(self, pair: str) -> float:
        if len(pair) != 2 or pair[0] not in self.alphabet or pair[1] not in self.alphabet:
            raise KeyError(pair)
        a, b = pair
        cost = math.log(
            (self.counts[a + b] + SMOOTHING * (self.seconds[b] + 0.5) / self.total) / (self.firsts[a] + SMOOTHING)
        )
        self[pair] = cost
        return cost


class _PooledCosts(dict):
    """The best of the languages' costs for each pair, computed when first asked for."""

    def __init__(self, tables: dict[str, _PairCosts]) -> None:
        super().__init__()
        self.tables = list(tables.values())

    def __missing__(self, pair: str) -> float:
        cost = max(table[pair] for table in self.tables)
        self[pair] = cost
        return cost


def _log_tables() -> dict[str, dict[str, float]]:
    """Per language, log P(next | previous) for every pair of letters ("_" a word's edge, "?" a letter
    no code page here shows), each pair's computed on first use."""
    alphabet = frozenset({c.lower() for c in _SHOWN if c.isalpha()} | {"_", "?"})
    return {lang: _PairCosts(entries, alphabet) for lang, entries in PAIRS.items()}


@cache
def _tables() -> dict[str, dict[str, float]]:
    """The tables, made when a line first needs them (most pages hold no Cyrillic-looking run)."""
    return _log_tables()


@cache
def _pooled() -> dict[str, float]:
    """The best of the six languages for each pair: a quick first score that lets most decodings
    of a correct line be dropped before the six languages are scored one by one."""
    return _PooledCosts(_tables())


# The tables' alphabet: the letters a Cyrillic reader shows, and the word edge and unknown marks.
_KNOWN = {c.lower() for c in _SHOWN if c.isalpha()} | {"_", "?"}
# Lowercase, drop apostrophes, read ё as е (as the tables count it: Russian writes either), and
# fold letters outside the tables' alphabet into "?".
_FOLD = {
    **{ord(c): (c.lower() if c.lower() in _KNOWN else "?") for c in map(chr, range(0x400, 0x500)) if c.isalpha()},
    **dict.fromkeys(map(ord, "'’ʼ")),
    **dict.fromkeys(map(ord, "ёЁ"), "е"),
}


def cyrillic_score(text: str, as_found: bool = False) -> float:
    """Log-likelihood of the text's non-ASCII characters as Cyrillic, in its best-fitting language.

    As found (the text as it stands, not a decoding of it), short capitals are abbreviations and
    their letters are scored as initials; in a decoding they are scored as words, so a decoding
    earns its place with words and a line of abbreviations (КНР, ОПЕК) is not read as one.
    """
    shared, words = _parts(text, as_found)
    costs = [_word_costs(word) for word in words]
    return shared + max(map(sum, zip(*costs, strict=True))) if costs else shared


def _pooled_score(text: str, as_found: bool = False) -> float:
    shared, words = _parts(text, as_found)
    return shared + sum(map(_pooled_cost, words))


def _parts(text: str, as_found: bool) -> tuple[float, list[str]]:
    """What all languages share (the cost of word shapes and of symbols) and the folded words."""
    shared, words = YO_COST * (text.count("ё") + text.count("Ё")), []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if match.lastgroup == "word":
            if token.islower():  # most words: no shape cost, no abbreviation
                words.append(token.translate(_FOLD))
                continue
            shared += _shape_cost(token)
            abbreviation = as_found and token.isupper() and len(token) <= SHORT_CAPITALS
            words.append(("^" if abbreviation else "") + token.translate(_FOLD))
        else:
            before = text[match.start() - 1] if match.start() else " "
            after = text[match.end()] if match.end() < len(text) else " "
            shared += PUNCTUATION_COST if _punctuation_fits(token, before, after) else JUNK_COST
    return shared, words


def _pairs(word: str) -> list[str]:
    """A word's letter pairs; an abbreviation ("^" before it) is initials: each letter starts a word."""
    if word.startswith("^"):
        return ["_" + c for c in word[1:]]
    framed = f"_{word}_"
    return [framed[i : i + 2] for i in range(len(framed) - 1)]


@lru_cache(maxsize=1 << 16)
def _word_costs(word: str) -> tuple[float, ...]:
    pairs = _pairs(word)
    return tuple(sum(map(table.__getitem__, pairs)) for table in _tables().values())


@lru_cache(maxsize=1 << 16)
def _pooled_cost(word: str) -> float:
    return sum(map(_pooled().__getitem__, _pairs(word)))


def _shape_cost(word: str) -> float:
    if len(word) < 2 or word.islower():
        return 0.0
    if word[0].isupper() and word[1:].islower():
        return CAPITALIZED_COST
    if word.isupper():
        return SHORT_CAPITALS_COST if len(word) <= SHORT_CAPITALS else CAPITALS_COST
    if word[0].islower() and word[1:].isupper():
        return INVERTED_COST
    turns = sum(a.islower() and b.isupper() for a, b in pairwise(word))
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
    """Replace each run of Cyrillic-looking words that is a clear misreading by its decoding; then,
    with the mix-up that revealed, the line's runs too short to prove anything ("и" between two
    Latin names) unless their decoding reads clearly worse."""
    runs = list(_runs(line))
    found = {span: better for span in runs if (better := _known_run(line[span[0] : span[1]])) is not None}
    proven = list(dict.fromkeys(mixup for _, mixup in found.values()))
    for start, end in runs:
        if (start, end) not in found and proven:
            better = _follow(line[start:end], proven)
            if better is not None:
                found[start, end] = better
    for (start, end), (text, mixup) in sorted(found.items(), reverse=True):
        repairs.append(Repair(before=line[start:end], after=text, how=f"{mixup.written} read as {mixup.read}"))
        line = line[:start] + text + line[end:]
    return line


def repair_run(run: str) -> tuple[str, Mixup] | None:
    """(decoding, mix-up) when one decoding of the run beats it by the margins, else None.

    A decoding must change MIN_CHANGED characters, unless the run is visibly broken (a symbol
    against a letter where no punctuation goes: "англ╕йською") and the decoding mends it.
    """
    shared, words = _parts(run, as_found=True)
    letters = sum(map(len, words)) - sum(w.startswith("^") for w in words)
    if letters < 2:
        return None
    floor = shared + sum(map(_pooled_cost, words))
    if floor >= CLEAN_PER_LETTER * letters and _ordinary(run):
        return None
    rivals = [(mixup, text) for mixup, text in _candidates(run) if _pooled_score(text) > floor]
    if not rivals:
        return None
    score, text, mixup = max((cyrillic_score(text), text, mixup) for mixup, text in rivals)
    gain = score - cyrillic_score(run, as_found=True)
    changed = sum(a != b for a, b in zip(run, text, strict=True))
    evident = changed >= MIN_CHANGED or _breaks(text) < _breaks(run)
    return (text, mixup) if evident and gain >= max(MARGIN, MARGIN_PER_CHANGE * changed) else None


# Runs whose verdict is kept: a page's repeated lines and a language's common words come back
# (a third of the runs of the HTML benchmark's pages); enough for a site's, bounded for a crawl.
RUN_MEMO = 4096
_known_run = lru_cache(maxsize=RUN_MEMO)(repair_run)  # repair_run is a function of the run alone


def _ordinary(run: str) -> bool:
    """Letters of Russian, Ukrainian, Belarusian and Bulgarian in lowercase, Capitalized or short
    capitals, and common punctuation: no mark that any mix-up here leaves (a symbol, a Serbian
    letter, swapped case, long capitals). Such a run whose letter pairs read well is not examined."""
    return _ORDINARY.issuperset(run.translate(_ASCII_OUT)) and _ODD_CASE.search(run) is None


def _follow(run: str, proven: list[Mixup]) -> tuple[str, Mixup] | None:
    """The first proven mix-up whose decoding of the run reads no worse than the run, with the
    line's odds for it, if any."""
    for mixup, text in _candidates(run, proven):
        if cyrillic_score(text) + PROVEN_ODDS > cyrillic_score(run, as_found=True):
            return text, mixup
    return None


def _breaks(text: str) -> int:
    """Symbols touching a letter where no punctuation goes: what misread bytes leave inside words."""
    count = 0
    for match in _TOKEN.finditer(text):
        if match.lastgroup != "word":
            before = text[match.start() - 1] if match.start() else " "
            after = text[match.end()] if match.end() < len(text) else " "
            touching = before.isalpha() or after.isalpha()
            count += touching and not _punctuation_fits(match.group(), before, after)
    return count


def _candidates(run: str, mixups: Sequence[Mixup] = MIXUPS) -> Iterator[tuple[Mixup, str]]:
    """Each distinct decoding of the run's bytes, for each mix-up whose reader could have shown it."""
    seen = {run}
    for mixup in mixups:
        data = _to_bytes(run, mixup.read)
        if data is None or utf8_mojibake(data):
            continue
        try:
            candidate = data.decode(mixup.written)
        except UnicodeDecodeError:
            continue
        if candidate not in seen:
            seen.add(candidate)
            yield mixup, candidate


def _to_bytes(text: str, page: str) -> bytes | None:
    try:
        return text.translate(_BYTE_OF[page]).encode("latin-1")
    except UnicodeEncodeError:
        return None


def utf8_mojibake(data: bytes) -> bool:
    """Bytes that are valid UTF-8 (and not ASCII) are UTF-8 mojibake ("вЂ”"): ftfy's case, not ours."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.isascii()


def _runs(line: str) -> Iterator[tuple[int, int]]:
    """Spans of consecutive words a Cyrillic reader could show; a word of ASCII letters ends a run."""
    if _SHOWN.isdisjoint(line):
        return  # each such word holds one of the characters a reader shows, and the line none
    start = end = None
    for match in _WORD.finditer(line):
        word = match.group()
        if _SHOWN_WORD.fullmatch(word):
            start = match.start() if start is None else start
            end = match.end()
        elif start is not None and (_ASCII_LETTER.search(word) or not word.isascii()):
            yield start, end
            start = end = None
    if start is not None:
        yield start, end
