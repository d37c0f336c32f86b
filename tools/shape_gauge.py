"""Which SHAPES of line hold the furniture that survives cleaning: for each shape class, the
cleaning totals of score.py on a variant of OUR prediction file whose clean text lacks the
lines of that class. A class whose removal raises must_drop without lowering must_keep holds
surviving furniture (clean18). A gauge, not shipped: nothing here changes the package, and
only totals are written (never a line of an article).

    python tools/shape_gauge.py GOLD PRED TOTALS        # on a prediction file of ours
    SHAPE_TOTALS=/tmp/t.jsonl ../shared/eval/blind-check --materiel tools/shape_gauge
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.recall_gauge import score_records

SHORT = 40  # characters: a line under this without a final stop reads as a label
FINAL_STOP = re.compile(r"""[.!?…]['"”’»)\]]*\s*$""")
URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|ua|ru|uk)\b|(?<!\w)@\w{2,}")
BULLET = re.compile(r"^\s*(?:[•·▪►|*>–—-]|\d+[.)]\s)")
STAMP = re.compile(
    r"""\b\d{1,2}:\d{2}\b                                   # a clock time
    | \b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b                     # 12.05.2024
    | \b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b
    | \b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}\b""",
    re.VERBOSE,
)
COPYRIGHT = re.compile(r"©|copyright|all rights", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+")
CREDIT = re.compile(r"\b(?:photo|image|video|getty|reuters|afp|ap photo|credit|illustration)\b", re.IGNORECASE)
LEAD = re.compile(
    r"^\s*(?:read|see|also|related|subscribe|follow|share|watch|listen|tags?|topics?|more)\b", re.IGNORECASE
)


def _caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _titlecase(line: str) -> bool:
    words = WORD.findall(line)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) / len(words) >= 0.7 and not FINAL_STOP.search(line)


LINE_CLASSES: dict[str, Callable[[str], bool]] = {
    "short_nostop": lambda s: len(s.strip()) < SHORT and not FINAL_STOP.search(s),
    "short": lambda s: len(s.strip()) < SHORT,
    "nostop": lambda s: not FINAL_STOP.search(s),
    "nostop_lt80": lambda s: len(s.strip()) < 80 and not FINAL_STOP.search(s),
    "url_handle": lambda s: bool(URL.search(s)),
    "allcaps": _caps,
    "titlecase": _titlecase,
    "bullet": lambda s: bool(BULLET.match(s)),
    "stamp": lambda s: bool(STAMP.search(s)),
    "copyright": lambda s: bool(COPYRIGHT.search(s)),
    "question": lambda s: s.rstrip().endswith("?"),
    "colon_end": lambda s: s.rstrip().endswith(":"),
    "pipe_inside": lambda s: "|" in s,
    "no_letters": lambda s: not WORD.search(s),
    "nostop_lt120": lambda s: len(s.strip()) < 120 and not FINAL_STOP.search(s),
    "credit": lambda s: bool(CREDIT.search(s)),
    "credit_lt120": lambda s: len(s.strip()) < 120 and bool(CREDIT.search(s)),
    "lead_word": lambda s: bool(LEAD.match(s)),
    "few_words": lambda s: len(WORD.findall(s)) <= 4,
}


def _short_words(low: int, high: int) -> Callable[[str], bool]:
    return lambda s: len(s.strip()) < SHORT and low <= len(WORD.findall(s)) <= high and not FINAL_STOP.search(s)


def _lead(word: str) -> Callable[[str], bool]:
    pattern = re.compile(rf"^\W*{word}\b", re.IGNORECASE)
    return lambda s: len(s.strip()) < 80 and bool(pattern.match(s))


DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|ua|ru|uk)\b")
IMPERATIVE = re.compile(
    r"^\W*(?:help|support|join|follow|subscribe|sign|donate|tell|send|contact|email|share|read|watch|listen|download|visit|check|become|register|get|find|go|click|see)\b",
    re.I,
)


LATIN = re.compile(r"[A-Za-z]")
URL_ONLY = re.compile(r"^\W*(?:\S*(?:https?://|www\.|\.com|\.org|\.net|\.ua|\.ru|@)\S*\W*)+$")
NAME = re.compile(r"^(?:[A-Z][a-z'’-]+\s){1,2}[A-Z][a-z'’-]+$")
FINE: dict[str, Callable[[str], bool]] = {
    "short_1word": _short_words(1, 1),
    "short_2to3": _short_words(2, 3),
    "short_4plus": _short_words(4, 99),
    "short_nonlatin": lambda s: len(s.strip()) < SHORT and WORD.search(s) is not None and not LATIN.search(s),
    "short_name": lambda s: bool(NAME.match(s.strip())),
    "short_colon": lambda s: len(s.strip()) < SHORT and s.rstrip().endswith(":"),
    "short_stop": lambda s: len(s.strip()) < SHORT and bool(FINAL_STOP.search(s)),
    "url_lt80": lambda s: len(s.strip()) < 80 and bool(URL.search(s)),
    "url_lt80_nostop": lambda s: len(s.strip()) < 80 and bool(URL.search(s)) and not FINAL_STOP.search(s),
    "domain_lt80": lambda s: len(s.strip()) < 80 and bool(re.search(r"\b[\w-]+\.(?:com|org|net|ua|ru|uk)\b", s)),
    "web_lt80": lambda s: (
        len(s.strip()) < 80 and bool(re.search(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|ua|ru|uk)\b", s))
    ),
    "web_lt120": lambda s: (
        len(s.strip()) < 120 and bool(re.search(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|ua|ru|uk)\b", s))
    ),
    "handle_lt80": lambda s: len(s.strip()) < 80 and bool(re.search(r"(?<!\w)@\w{2,}", s)),
    "dom80_label": lambda s: (
        len(s.strip()) < 80 and bool(DOMAIN.search(s)) and bool(re.match(r"^\W*\w+(?:\s\w+)?\s*:", s))
    ),
    "dom80_published": lambda s: (
        len(s.strip()) < 80
        and bool(DOMAIN.search(s))
        and bool(re.search(r"publish|appear|origin|republish|first", s, re.I))
    ),
    "dom80_source": lambda s: (
        len(s.strip()) < 80
        and bool(DOMAIN.search(s))
        and bool(re.search(r"source|via|from|by\b|photo|image|credit", s, re.I))
    ),
    "dom80_startdomain": lambda s: len(s.strip()) < 80 and bool(re.match(r"^\W*[\w-]+\.(?:com|org|net|ua|ru|uk)\b", s)),
    "dom80_enddomain": lambda s: len(s.strip()) < 80 and bool(re.search(r"[\w-]+\.(?:com|org|net|ua|ru|uk)\W*$", s)),
    "dom80_email": lambda s: len(s.strip()) < 80 and bool(re.search(r"[\w.+-]+@[\w-]+\.", s)),
    "dom80_capsite": lambda s: len(s.strip()) < 80 and bool(re.search(r"\b[A-Z][\w-]*\.(?:com|org|net|ua|ru|uk)\b", s)),
    "dom80_fewwords": lambda s: len(s.strip()) < 80 and bool(DOMAIN.search(s)) and len(WORD.findall(s)) <= 6,
    "dom80_imperative": lambda s: len(s.strip()) < 80 and bool(DOMAIN.search(s)) and bool(IMPERATIVE.match(s)),
    "dom80_pronoun": lambda s: (
        len(s.strip()) < 80 and bool(DOMAIN.search(s)) and bool(re.search(r"\b(?:you|your|we|our|us)\b", s, re.I))
    ),
    "dom80_digits": lambda s: len(s.strip()) < 80 and bool(DOMAIN.search(s)) and bool(re.search(r"\d", s)),
    "dom80_dash": lambda s: len(s.strip()) < 80 and bool(DOMAIN.search(s)) and bool(re.search(r"[|–—-]", s)),
    "dom80_nonlatin": lambda s: (
        len(s.strip()) < 80 and bool(DOMAIN.search(s)) and bool(re.search(r"[а-яА-ЯіїєІЇЄ]", s))
    ),
    "url_only": lambda s: bool(URL_ONLY.match(s.strip())),
    "handle": lambda s: bool(re.search(r"(?<!\w)@\w{2,}", s)),
    "http": lambda s: bool(re.search(r"https?://|www\.", s)),
    "domain": lambda s: bool(re.search(r"\b[\w-]+\.(?:com|org|net|ua|ru|uk)\b", s)),
}


def _lead_long(word: str) -> Callable[[str], bool]:
    pattern = re.compile(rf"^\W*{word}\b", re.IGNORECASE)
    return lambda s: len(s.strip()) >= 80 and bool(pattern.match(s))


SEE_KINDS = {
    "see_also_more": r"^\W*see\s+(?:also|more)\b",
    "see_colon": r"^\W*see\b[^.!?:]{0,40}:",
    "see_media": r"^\W*see\s+(?:the\s+|our\s+|all\s+)?"
    r"(?:video|photos?|gallery|map|chart|graphics?|full|latest|list|more)\b",
    "see_the": r"^\W*see\s+the\b",
    "see_caps": r"^\W*SEE\b",
    "see_stop1": r"^\W*see\b[^.!?]{0,60}[.!?]\s",
}
LONG_WORDS = ("read", "see", "also", "related", "subscribe", "follow", "share", "watch", "listen", "tags?", "more")
FINE.update(
    {k: (lambda s, p=re.compile(v, re.I if k != "see_caps" else 0): bool(p.match(s))) for k, v in SEE_KINDS.items()}
)
FINE.update({f"long_{w}": _lead_long(w) for w in LONG_WORDS})
FINE.update({"watch_colon": lambda s: len(s.strip()) < 80 and bool(re.match(r"^\W*watch\s*[:|–—-]", s, re.I))})
FINE.update(
    {
        f"lead_{w}": _lead(w)
        for w in (
            "read",
            "see",
            "also",
            "related",
            "subscribe",
            "follow",
            "share",
            "watch",
            "listen",
            "tags?",
            "topics?",
            "more",
        )
    }
)


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def _by_lines(text: str, drop: Callable[[str], bool]) -> str:
    kept = ["\n".join(line for line in p.split("\n") if not drop(line)) for p in _paragraphs(text)]
    return "\n\n".join(p for p in kept if p.strip())


def _by_position(text: str, name: str) -> str:
    paragraphs = _paragraphs(text)
    cut = {
        "last1": paragraphs[:-1], "last2": paragraphs[:-2], "last3": paragraphs[:-3],
        "first1": paragraphs[1:],
    }[name]  # fmt: skip
    return "\n\n".join(cut)


def _tail_lines(text: str, drop: Callable[[str], bool], tail: int = 3) -> str:
    paragraphs = _paragraphs(text)
    head, end = paragraphs[:-tail], paragraphs[-tail:]
    return "\n\n".join(head + [_by_lines(p, drop) for p in end if _by_lines(p, drop).strip()])


def _zone_lines(text: str, drop: Callable[[str], bool], zone: str) -> str:
    """Lines of the class dropped only in paragraphs of one zone: head3 (the first three), mid
    (neither the first three nor the last three), solo (paragraphs of one line)."""
    paragraphs = _paragraphs(text)
    n = len(paragraphs)
    inside = {
        "head3": lambda i, p: i < 3,
        "mid": lambda i, p: 3 <= i < n - 3,
        "solo": lambda i, p: "\n" not in p.strip(),
        "head1": lambda i, p: i == 0,
    }[zone]  # fmt: skip
    kept = [_by_lines(p, drop) if inside(i, p) else p for i, p in enumerate(paragraphs)]
    return "\n\n".join(p for p in kept if p.strip())


ZONED = ("short", "short_nostop", "nostop_lt80", "url_handle", "lead_word", "few_words", "credit_lt120", "nostop")


def _union(*names: str) -> Callable[[str], bool]:
    return lambda s: any(LINE_CLASSES[n](s) for n in names)


def variants() -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {"none": lambda t: t}
    for name, drop in LINE_CLASSES.items():
        out[name] = lambda t, d=drop: _by_lines(t, d)
        out["tail3_" + name] = lambda t, d=drop: _tail_lines(t, d)
    for name in ZONED:
        for zone in ("head3", "mid", "solo", "head1"):
            out[f"{zone}_{name}"] = lambda t, d=LINE_CLASSES[name], z=zone: _zone_lines(t, d, z)
    out["union_short_url_lead"] = lambda t: _by_lines(t, _union("short", "url_handle", "lead_word"))
    out["union_short_url_lead_few"] = lambda t: _by_lines(t, _union("short", "url_handle", "lead_word", "few_words"))
    for name, drop in FINE.items():
        out["fine_" + name] = lambda t, d=drop: _by_lines(t, d)
    for name in ("last1", "last2", "last3", "first1"):
        out[name] = lambda t, n=name: _by_position(t, n)
    return out


def _totals(gold: str, records: list[dict], folder: str) -> dict:
    scored = score_records(gold, records, folder)
    return {k: round(v, 4) for k, v in scored["cleaning"].items() if k in ("must_keep", "must_drop", "once")}


def gauge(gold: str, out: str, totals: str) -> None:
    """Append the cleaning totals of every shape variant of the prediction file `out` to `totals`."""
    records = [json.loads(line) for line in Path(out).read_text().splitlines()]
    lines = []
    with tempfile.TemporaryDirectory(dir=Path(out).parent) as folder:
        for name, rewrite in variants().items():
            changed = [{**r, "text": rewrite(r.get("text", ""))} for r in records]
            lines.append({"class": name, **_totals(gold, changed, folder)})
    with open(totals, "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(x) + "\n" for x in lines)


if __name__ == "__main__":
    gauge(*sys.argv[1:4])
