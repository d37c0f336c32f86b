"""Encoding repair: UTF-8 mojibake with ftfy, and legacy single-byte mix-ups ftfy leaves alone.

A legacy mix-up is text written in one single-byte code page (Windows-1251 Ukrainian, say) and
decoded as Windows-1252 or Latin-1: every Cyrillic letter becomes an accented Latin letter or a
symbol ("Öåé òåêñò" for "Цей текст"). We look at runs of suspect words within a line, re-encode
each run to the bytes it came from, decode it with each candidate code page, and accept a
candidate only when the original run is implausible as Latin text and the candidate is plausible
in the code page's script (script consistency, normal letter case, vowel share). Correct text
(São Paulo, Zürich, résumé, Greek, Ukrainian, Polish) is never implausible, so it is never touched.
Cyrillic read with the wrong Cyrillic code page (KOI8-R shown as Windows-1251) stays Cyrillic and
is repaired in `cyrillic`, which also picks among the six Cyrillic decodings here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from materiel import regexcache
from materiel.article import Article, Repair
from materiel.clean.cyrillic import cyrillic_score, repair_cyrillic, utf8_mojibake

with regexcache.stored_imports():  # ftfy's patterns (and wcwidth's) from the file, as ours
    import ftfy

# The characters a byte 0x80-0xFF becomes when read as Windows-1252 (Latin-1 for its five holes).
_HIGH = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0x100))
# Of those, the ones that signal a misread letter (not quotes, dashes, the euro sign or NBSP).
_TRIGGERS = set(_HIGH) - set(
    "\u20ac\u201a\u201e\u2026\u2020\u2021\u2030\u2039\u2018\u2019"
    "\u201c\u201d\u2022\u2013\u2014\u2122\u203a\xa0\u02c6\u02dc\u0192"
)
# Windows-1251 letters (і ї є Є Ї І ґ Ґ ў Ў ј ѕ) fall on Windows-1252 symbols; seeing one of these
# next to a letter is a strong sign of a Cyrillic mix-up (Polish ż ł ą land here too).
_LETTER_SYMBOLS = set("³¿ºª¯²¡¢¼¾½´¥¹¸¬¦§±µ¤×÷")
# Nordic letters; mixed in one word with other accented letters they signal a misread (Czech
# "pøíliš" for "příliš"), while Danish and Norwegian use them together.
_NORDIC = set("øåæØÅÆ")
_NORDIC_FRIENDS = _NORDIC | set("éÉ")
# Languages with í, ú or ý (Spanish, Portuguese, Czech, Icelandic) have no grave accents; a word
# mixing them ("stíhaèiek") is Central European text misread (č shown as è).
_ACUTE_ONLY = set("íúýÍÚÝ")
_GRAVE = set("èìòùÈÌÒÙ")
# Italian ì, ò and ù end words ("così", "però", "più"); inside a word they are misread ě, ň, ů.
_GRAVE_INSIDE = regexcache.compile(r"[ìòùÌÒÙ](?=[^\W\d_])")
# Baltic and Latvian letters Windows-1257 puts where Windows-1252 has Icelandic ones: š and ž
# show as ð and þ, which Icelandic and Faroese only write beside their own accented letters.
_ICELANDIC = set("áéíóúýæöøðþ")
# Latvian ē shows as ç, which French, Portuguese, Catalan and Turkish never write between two
# consonants ("vçl" for "vēl").
_CEDILLA_IN_CLUSTER = regexcache.compile(r"[b-df-hj-np-tv-z]ç[b-df-hj-np-tv-z]", re.IGNORECASE)
# Hungarian ő shows as õ, which ends no Portuguese word (õe, ões) ("szóvivõ" for "szóvivő").
_TILDE_O_END = regexcache.compile(r"[õÕ](?![^\W\d_])")
# Czech ř and ě from Windows-1250 show as ø and ì: Danish and Norwegian write ø, Italian ì, and
# no one page of either has both ("øekla ministrynì").
_CZECH_PAIR = {"ø", "ì"}
# Hungarian letters Windows-1250 and Windows-1252 share, and the misread ő/ű before a consonant.
_HUNGARIAN_SHARED = set("áéíóöúü")
_HUNGARIAN_MISREAD = regexcache.compile(r"[õûÕÛ](?=[bcdfghjklmnpqrstvwxyz])", re.IGNORECASE)
# Share of non-ASCII letters in a Latin word above which it is not a real word in any language
# we know ("òåêñò"); Portuguese, French, German, Czech words stay well below it.
MAX_ACCENTED_SHARE = 0.6
# Letters a word needs before that share is read: in a shorter one a single accent is half of it
# or all ("à", "né", "où").
MIN_SHARE_LETTERS = 3
# The C1 control characters: Windows-1252 bytes decoded as Latin-1 land here, and no text has them.
C1_CONTROLS = range(0x80, 0xA0)
# A run is repaired only when at least this share of its suspect words are implausible as Latin.
MIN_ODD_SHARE = 0.5
# Share of a candidate's letters that must be in the code page's own script.
MIN_SCRIPT_SHARE = 0.9
# Letters beyond ASCII of the languages the Latin code pages serve. A repaired run must fit one
# alphabet: Turkish misread through Windows-1250 gives "Dýţiţleri" (Czech ý beside Romanian ţ),
# which fits none, while the Windows-1254 reading "Dışişleri" fits Turkish.
ALPHABETS = {
    "polish": set("ąćęłńóśźż"),
    "czech": set("áčďéěíňóřšťúůýž"),
    "slovak": set("áäčďéíĺľňóôŕšťúýž"),
    "hungarian": set("áéíóöőúüű"),
    "croatian-slovene": set("čćđšž"),
    "romanian": set("ăâîșşțţ"),
    "turkish": set("çğıöşüâîû"),
    "german": set("äöüß"),
    "lithuanian": set("ąčęėįšųūž"),  # Windows-1257, read from undeclared pages (clean/latinpages.py)
    "latvian": set("āčēģīķļņšūž"),
}
# Share of words in normal case (lower, Capitalized, CAPITALS) a Cyrillic decoding needs: lower than
# for Greek, as names like "МиГ" and "КамАЗ" mix case; the KOI8 decoding of Windows-1251 text, which
# inverts case, may then pass here, but the Cyrillic scorer ranks it below the right decoding.
MIN_CYRILLIC_NORMAL_SHARE = 0.8
# Vowel share of letters in real Cyrillic and Greek text (about 0.42); misdecoded text strays.
VOWEL_RANGE = (0.25, 0.62)
# Fewest letters for which the vowel share is checked.
MIN_VOWEL_LETTERS = 4

_VOWELS = {"Cyrillic": set("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ"), "Greek": set("αεηιουωάέήίόύώϊϋΐΰΑΕΗΙΟΥΩΆΈΉΊΌΎΏ")}


@dataclass(frozen=True)
class Codepage:
    name: str
    script: str  # the script its letters are in: Cyrillic, Greek or Latin


# Candidates in order of preference when two are equally plausible (Windows code pages are far
# more common on the web than their ISO and KOI8 counterparts).
CODEPAGES = (
    Codepage("cp1251", "Cyrillic"),
    Codepage("koi8_u", "Cyrillic"),
    Codepage("koi8_r", "Cyrillic"),
    Codepage("cp866", "Cyrillic"),
    Codepage("iso8859_5", "Cyrillic"),
    Codepage("mac_cyrillic", "Cyrillic"),
    Codepage("cp1253", "Greek"),
    Codepage("iso8859_7", "Greek"),
    Codepage("cp1250", "Latin"),
    Codepage("iso8859_2", "Latin"),
    Codepage("cp1254", "Latin"),
)
# Each character's byte under Windows-1252, or under Latin-1 for the bytes 1252 leaves undefined.
_BYTE_OF = {
    ch: bytes([b])
    for b in range(0x80, 0x100)
    for ch in {bytes([b]).decode("cp1252", errors="ignore") or chr(b), chr(b)}
    if ch.encode("cp1252", errors="ignore") in (b"", bytes([b]))
}
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_c1_controls=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
)

CODEPAGE_BY_NAME = {page.name: page for page in CODEPAGES}

# Words split at ASCII whitespace only: a no-break space may be a misread letter (cp866 "а").
_WORD = regexcache.compile(r"[^ \t\r\n\f\v]+")


def repair_encoding(article: Article) -> None:
    """Step: fix mojibake line by line, recording each repair."""
    lines = article.text.split("\n")
    for i, line in enumerate(lines):
        if not line.isascii() and not _only_typography(line):
            lines[i] = repair_line(line, article.repairs)
    article.text = "\n".join(lines)


# Non-ASCII characters that are not evidence of anything: typographic quotes, dashes, spaces.
_TYPOGRAPHY = frozenset("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\xa0\u2022\u00ab\u00bb\u2009\u200b\u00b7")


_EVIDENCE = regexcache.compile("[^\\x00-\\x7f" + re.escape("".join(sorted(_TYPOGRAPHY))) + "]")


def _only_typography(line: str) -> bool:
    return _EVIDENCE.search(line) is None


# What is left of a no-break space read as Windows-1252 ("Â" + NBSP) once a scraper made the NBSP
# a plain space or dropped it: a lone "Â" after a Latin letter, a digit or a stop and before a space
# or the line's end ("Source:Â AP", "KCNAÂ news"). The languages with "â" never end a word with it.
_NBSP_RESIDUE = regexcache.compile(r"(?<=[A-Za-z0-9.,:;!?\"')\]])\u00c2(?=\s|$)")


def repair_line(line: str, repairs: list[Repair]) -> str:
    """Legacy mix-ups first (ftfy would misread some of their bytes as UTF-8), then ftfy."""
    line = repair_cyrillic(_repair_legacy(_repair_nbsp_residue(line, repairs), repairs), repairs)
    fixed, explanation = ftfy.fix_and_explain(line, config=_FTFY)
    if fixed != line:
        steps = ", ".join(f"{kind} {arg}" for kind, arg in explanation or [])
        repairs.append(Repair(before=line, after=fixed, how=f"ftfy: {steps}".strip()))
    return fixed


def _repair_nbsp_residue(line: str, repairs: list[Repair]) -> str:
    fixed = _NBSP_RESIDUE.sub("", line)
    if fixed != line:
        repairs.append(Repair(before=line, after=fixed, how="no-break space residue"))
    return fixed


def _repair_legacy(line: str, repairs: list[Repair]) -> str:
    """Repair clearly broken runs; then, with the code page they revealed, the line's weaker runs."""
    runs = list(_suspect_runs(line))
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for span in runs:
        better = _known_run(line[span[0] : span[1]])
        if better is not None:
            found[span] = better
    pages = [CODEPAGE_BY_NAME[page] for _, page in found.values()] or _hungarian_hint(line)
    # Runs widened to words of quote marks and dashes alone: a Cyrillic "В" in cp866 shows as "‚".
    for span in _suspect_runs(line, _is_encoded) if pages else ():
        better = None if span in found else repair_run(line[span[0] : span[1]], pages[:1], strict=False)
        if better is not None:
            found = {f: v for f, v in found.items() if not span[0] <= f[0] < f[1] <= span[1]}
            found[span] = better
    for (start, end), (text, page) in sorted(found.items(), reverse=True):
        repairs.append(Repair(before=line[start:end], after=text, how=f"{page} read as cp1252"))
        line = line[:start] + text + line[end:]
    return line


def _hungarian_hint(line: str) -> list[Codepage]:
    """Hungarian ő and ű read from Windows-1250 show as õ and û, letters of Portuguese (before e:
    'ações') and Estonian (beside ä). A line whose accented letters are otherwise all Hungarian's
    (two or more of á é í ó ö ú ü, nothing else) with õ or û before a consonant is Hungarian."""
    if not _HUNGARIAN_MISREAD.search(line):
        return []
    accented = {c.lower() for c in line if c.isalpha() and not c.isascii()}
    if accented <= _HUNGARIAN_SHARED | set("õû") and len(accented & _HUNGARIAN_SHARED) >= 2:
        return [CODEPAGE_BY_NAME["cp1250"]]
    return []


def repair_run(run: str, pages: Sequence[Codepage] = CODEPAGES, strict: bool = True) -> tuple[str, str] | None:
    """(repaired text, code page) when the run is a legacy mix-up, else None.

    Strict: most of the words the code page would change must be implausible as Latin text.
    Not strict (a code page already proven on this line): the candidate need only be plausible.
    The fewest symbols left inside words picks the script; within Cyrillic, whose six code pages
    all give Cyrillic letters, the decoding that reads most like a Cyrillic language wins.
    """
    data = _to_bytes(run)
    if data is None or utf8_mojibake(data):
        return None
    plausible = []
    for rank, page in enumerate(pages):
        candidate = _decode(data, page.name)
        if candidate is None or candidate == run or not _plausible(candidate, page.script):
            continue
        if strict and _odd_share(run, candidate) < MIN_ODD_SHARE:
            continue
        plausible.append((_symbols_in_words(candidate), rank, candidate, page))
    if not plausible:
        return None
    _, _, candidate, page = min(plausible)
    if page.script == "Cyrillic":
        cyrillic = [(c, p) for _, _, c, p in plausible if p.script == "Cyrillic"]
        candidate, page = max(cyrillic, key=lambda pair: cyrillic_score(pair[0]))
    return candidate, page.name


# Runs whose verdict (against every code page, strictly) is kept: words of a language come back.
RUN_MEMO = 4096
_known_run = lru_cache(maxsize=RUN_MEMO)(repair_run)  # repair_run is a function of its arguments alone


def _decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _odd_share(run: str, candidate: str) -> float:
    """Share of the words this decoding changes that are implausible as they stand."""
    spans = [m.span() for m in _WORD.finditer(run)]  # the decoding keeps every character's place
    changed = [run[a:b] for a, b in spans if run[a:b] != candidate[a:b]]
    return sum(map(_odd_as_latin, changed)) / len(changed) if changed else 0.0


def _symbols_in_words(text: str) -> int:
    """Non-letter, non-ASCII characters touching a letter: what a wrong code page leaves behind."""
    return sum(
        1
        for i, c in enumerate(text)
        if not c.isascii()
        and not c.isalpha()
        and not c.isspace()
        and c not in "\u2013\u2014\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026"
        and any(0 <= j < len(text) and text[j].isalpha() for j in (i - 1, i + 1))
    )


def _suspect_runs(line: str, suspect: Callable[[str], bool] | None = None) -> Iterator[tuple[int, int]]:
    """Spans of consecutive suspect words, by default words that hold a trigger character
    (ASCII-letter words break runs)."""
    if suspect is None and _TRIGGERS.isdisjoint(line):
        return  # no word of the line holds a trigger (two lines in three of the benchmark's)
    start = end = None
    for match in _WORD.finditer(line):
        word = match.group()
        if (suspect or _is_suspect)(word):
            start = match.start() if start is None else start
            end = match.end()
        elif start is not None and any(c.isalpha() for c in word):
            yield start, end
            start = end = None
    if start is not None:
        yield start, end


def _is_suspect(word: str) -> bool:
    return not _TRIGGERS.isdisjoint(word) and _to_bytes(word) is not None


def _is_encoded(word: str) -> bool:
    """Any word a Windows-1252 reader could have made of high bytes, quote marks and dashes included."""
    return not word.isascii() and _to_bytes(word) is not None


def _to_bytes(text: str) -> bytes | None:
    """The bytes a Windows-1252 (or Latin-1) reader turned into this text, or None."""
    if text.isascii():
        return text.encode("ascii")
    try:
        return b"".join(c.encode("ascii") if c.isascii() else _BYTE_OF[c] for c in text)
    except KeyError:
        return None


def reads_as_latin(text: str) -> bool:
    """Whether text read as Windows-1252 stands as words of a Latin-script language: no word that
    holds a letter a misread code page would make is implausible as Latin ("für März", "à l'armée",
    "Peña" stand; "Ãåðìàíèÿ", "poinformowa³o" do not), and the text does not mix Danish ø with
    Italian ì (Czech misread). What a reader of undeclared bytes asks
    before it guesses."""
    if _CZECH_PAIR.issubset(text.lower()):
        return False
    return not any(_odd_as_latin(word) for word in _WORD.findall(text) if not _TRIGGERS.isdisjoint(word))


def _odd_as_latin(word: str) -> bool:
    """Is this word implausible as a word of a language written in the Latin script?"""
    letters = [c for c in word if c.isalpha()]
    accented = [c for c in letters if not c.isascii()]
    if any(ord(c) in C1_CONTROLS for c in word):
        return True
    if letters and any(c in _LETTER_SYMBOLS for c in word):
        return True
    if len(letters) >= MIN_SHARE_LETTERS and len(accented) / len(letters) >= MAX_ACCENTED_SHARE:
        return True
    if any(c in _NORDIC for c in accented) and any(c not in _NORDIC_FRIENDS for c in accented):
        return True
    if set(accented) & _ACUTE_ONLY and set(accented) & _GRAVE:
        return True
    if _CEDILLA_IN_CLUSTER.search(word) or _TILDE_O_END.search(word):
        return True
    return _GRAVE_INSIDE.search(word) is not None or _odd_thorn(word)


def _odd_thorn(word: str) -> bool:
    """Icelandic þ starts words and ð never does; Turkish ş and ğ misread land mid-word; Baltic
    š and ž misread stand beside letters Icelandic has not ("prieðlëktuvinës")."""
    lower = word.lower()
    if "þ" in lower[1:] or ("ý" in lower and "ð" in lower) or lower.startswith("ð"):
        return True
    accented = {c for c in lower if c.isalpha() and not c.isascii()}
    return bool(accented & set("ðþ")) and not accented <= _ICELANDIC


def _plausible(candidate: str, script: str) -> bool:
    letters = [c for c in candidate if c.isalpha()]
    if not letters:
        return False
    if script == "Latin":
        return _plausible_latin(candidate)
    in_script = [c for c in letters if unicodedata.name(c, "").startswith(script.upper())]
    if len(in_script) / len(letters) < MIN_SCRIPT_SHARE:
        return False
    vowels = sum(c in _VOWELS[script] for c in in_script) / len(in_script)
    # "и", "в", "ЗСУ": too short for a vowel share to mean anything.
    voiced = len(in_script) < MIN_VOWEL_LETTERS or VOWEL_RANGE[0] <= vowels <= VOWEL_RANGE[1]
    cased = [w for w in candidate.split() if any(c.isalpha() for c in w)]
    normal = sum(_normal_case(w) for w in cased) / len(cased)
    return voiced and normal >= (MIN_CYRILLIC_NORMAL_SHARE if script == "Cyrillic" else MIN_SCRIPT_SHARE)


def _plausible_latin(candidate: str) -> bool:
    if any(c in _LETTER_SYMBOLS or ord(c) in C1_CONTROLS for c in candidate):
        return False
    gained = [c for c in candidate if c.isalpha() and _to_bytes(c) is None]
    # Turkish dotted capital İ lowers to ASCII i plus a combining dot: it adds no letter.
    accented = {c.lower() for c in candidate if c.isalpha() and not c.isascii() and c != "İ"}
    return bool(gained) and any(accented <= letters for letters in ALPHABETS.values())


def _normal_case(word: str) -> bool:
    letters = "".join(c for c in word if c.isalpha())
    return letters.islower() or letters.isupper() or (letters[:1].isupper() and letters[1:].islower())
