"""Where the furniture left in OUR clean text stands: a partition of every line into a zone of the
story and a shape, each bin removed alone, and the cleaning totals of score.py for each variant
(clean20). Together the bins hold every line, so their must_drop gains add up to about all the
snippets left (a snippet across two lines counts in both bins). A gauge, not shipped: only totals
are written, never a line of an article.

    python tools/zone_gauge.py GOLD PRED TOTALS        # on a prediction file of ours
    ZONE_TOTALS=/tmp/t.jsonl ../shared/eval/blind-check --materiel tools/zone_gauge

Zones: `pre`, lines before the story's first prose sentence (PROSE_CHARS or more, a final stop,
PROSE_WORDS or more); `in`, from it to the last; `post`, after the last. Shapes: S1 a short line
without a final stop, S2 a line without one under LONG_CHARS, S3 a longer one, S4 a line ending
a sentence under SENTENCE_CHARS, S5 a longer one (prose). Prose lines of two sentences or more
are also cut by sentence (their first, last or middle ones), and the text's last paragraphs are
removed by what they say (to the reader, of the page, a web address, no quotation and no
reporting verb), to tell furniture glued to prose and prose-shaped furniture at the foot apart.
The first row says how concentrated the snippets left are (how many articles and sources hold
them, as counts), and each variant's row how many articles and sources its freed snippets
come from: a bin whose snippets all stand on one page asks for that page's kind of furniture,
not for a rule of shape.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.recall_gauge import score_records

FINAL_STOP = re.compile(r"""[.!?…]['"”’»)\]]*\s*$""")
WORD = re.compile(r"[^\W\d_]+")
# A sentence boundary: a stop, perhaps closing quotation marks, then a capital or a figure.
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9])")
SHORT_CHARS = 40  # a label, a menu item, a subheading
LONG_CHARS = 150  # past it a line without a stop is a paragraph cut short, not a headline
SENTENCE_CHARS = 80  # a stop-ended line under it is one short sentence
PROSE_CHARS = 60  # the story's landmark: a sentence of at least this many characters ...
PROSE_WORDS = 8  # ... and words
TAIL_PARAGRAPHS = 3
READER = re.compile(r"\b(?:you|your|yours|we|our|ours|us)\b")
QUOTATION = re.compile(r"[\"“”«»„]")
REPORTING = re.compile(r"\b(?:said|says|told|tells|added|according\s+to|stated|announced|reported|wrote)\b", re.I)
SELF = re.compile(r"\bthis\s+(?:article|story|page|post|site|website|report|content|newsletter|video|podcast)\b", re.I)
WEB = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|ua|ru|uk)\b|(?<!\w)@\w{2,}")

Line = tuple[int, str]  # (paragraph index, line)


def lines_of(text: str) -> list[Line]:
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return [(i, line) for i, p in enumerate(paragraphs) for line in p.split("\n") if line.strip()]


def rebuild(lines: list[Line], drop: set[int]) -> str:
    kept: dict[int, list[str]] = {}
    for index, (paragraph, line) in enumerate(lines):
        if index not in drop:
            kept.setdefault(paragraph, []).append(line)
    return "\n\n".join("\n".join(v) for _, v in sorted(kept.items()))


def prose(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= PROSE_CHARS and bool(FINAL_STOP.search(stripped)) and len(WORD.findall(line)) >= PROSE_WORDS


def zones(lines: list[Line]) -> list[str]:
    """Each line's zone: before the first prose sentence, between it and the last, after."""
    marks = [index for index, (_, line) in enumerate(lines) if prose(line)]
    first, last = (marks[0], marks[-1]) if marks else (len(lines), -1)
    return ["pre" if i < first else "post" if i > last else "in" for i in range(len(lines))]


def shape(line: str) -> str:
    size, stop = len(line.strip()), bool(FINAL_STOP.search(line))
    if not stop:
        return "S1" if size < SHORT_CHARS else "S2" if size < LONG_CHARS else "S3"
    return "S4" if size < SENTENCE_CHARS else "S5"


def sentences(line: str) -> list[str]:
    return [s for s in SENTENCE_BREAK.split(line) if s.strip()]


def _bin(zone: str, kind: str) -> Callable[[str], str]:
    def variant(text: str) -> str:
        lines = lines_of(text)
        places = zones(lines)
        return rebuild(lines, {i for i, (_, x) in enumerate(lines) if places[i] == zone and shape(x) == kind})

    return variant


def _cut(keep: list[str], which: str) -> list[str]:
    return {"first": keep[1:], "last": keep[:-1], "middle": keep[:1] + keep[-1:]}[which]


def _glued(zone: str, which: str) -> Callable[[str], str]:
    """The prose lines of two sentences or more in `zone` without their `which` sentences."""

    def variant(text: str) -> str:
        lines = lines_of(text)
        places = zones(lines)
        out = []
        for index, (paragraph, line) in enumerate(lines):
            parts = sentences(line)
            if places[index] == zone and shape(line) == "S5" and len(parts) >= 2:
                line = " ".join(_cut(parts, which))
            out.append((paragraph, line))
        return rebuild(out, set())

    return variant


TAIL_TESTS: dict[str, Callable[[str], bool]] = {
    "any": lambda p: True,
    "addressed": lambda p: bool(READER.search(p)) and not QUOTATION.search(p),
    "self": lambda p: bool(SELF.search(p)),
    "web": lambda p: bool(WEB.search(p)),
    "unreported": lambda p: not QUOTATION.search(p) and not REPORTING.search(p),
}


def _tail(test: Callable[[str], bool]) -> Callable[[str], str]:
    def variant(text: str) -> str:
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        if len(paragraphs) <= TAIL_PARAGRAPHS:
            return text
        end = [p for p in paragraphs[-TAIL_PARAGRAPHS:] if not test(p)]
        return "\n\n".join(paragraphs[:-TAIL_PARAGRAPHS] + end)

    return variant


def variants() -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {"none": lambda t: t}
    for zone in ("pre", "in", "post"):
        out.update({f"{zone}_{kind}": _bin(zone, kind) for kind in ("S1", "S2", "S3", "S4", "S5")})
    out.update({f"in_S5_{which}": _glued("in", which) for which in ("first", "last", "middle")})
    out.update({f"tail{TAIL_PARAGRAPHS}_{name}": _tail(test) for name, test in TAIL_TESTS.items()})
    return out


def fold(text: str | None) -> str:
    """The scorer's normalisation (../shared/eval/score.py)."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`«»]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def left_in(snippets: dict[str, list[str]], records: list[dict]) -> Counter[str]:
    """How many must_drop snippets each record's clean text still holds (records with none left out)."""
    counts: Counter[str] = Counter()
    for record in records:
        text = fold(record.get("text"))
        held = sum(fold(s) in text for s in snippets.get(record["id"], []))
        if held:
            counts[record["id"]] = held
    return counts


def concentration(left: Counter[str]) -> dict:
    """Counts only: the articles and sources (id prefixes) holding snippets, most first."""
    sources: Counter[str] = Counter()
    for article, count in left.items():
        sources[article.split("_", 1)[0]] += count
    return {
        "left": sum(left.values()),
        "articles": sorted(left.values(), reverse=True),
        "sources": sorted(sources.values(), reverse=True),
    }


def gauge(gold: str, out: str, totals: str) -> None:
    """Append the cleaning totals of every variant of the prediction file `out` to `totals`."""
    records = [json.loads(line) for line in Path(out).read_text().splitlines()]
    snippets = {g["id"]: g.get("must_drop", []) for g in map(json.loads, Path(gold).read_text().splitlines())}
    before = left_in(snippets, records)
    rows: list[dict] = [concentration(before)]
    with tempfile.TemporaryDirectory(dir=Path(out).parent) as folder:
        for name, rewrite in variants().items():
            changed = [{**r, "text": rewrite(r.get("text") or "")} for r in records]
            cleaning = score_records(gold, changed, folder)["cleaning"]
            freed = before - left_in(snippets, changed)
            sources = {a.split("_", 1)[0] for a in freed}
            row = {k: round(cleaning[k], 4) for k in ("must_keep", "must_drop", "once")}
            rows.append({"class": name, **row, "articles": len(freed), "sources": len(sources)})
    with open(totals, "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(x) + "\n" for x in rows)


if __name__ == "__main__":
    gauge(*sys.argv[1:4])
