"""The sources we add that the gold does not list, by kind, on an annotated set whose articles we
may read (dev, train; never the check set): every source of ours on a transfer that score.py
matches (required ones, as score.py scores) that no gold source of that transfer covers as score.py forgives
(either name inside the other), sorted into the first kind that fits (srcprec22). A gauge, not
shipped: score.py never counts these, but analysts read them in the ledger.

    python tools/source_extras.py GOLD PRED [--list KIND]    # PRED from `materiel eval`

Kinds, in this order: `duplicate` (another of the transfer's sources names the same one: a name
inside the other, or the same family name or head word), `place` (a place or state named as
such: every word a place entity, not the subject of a speech verb), `state-speaker` (a state or
capital that speaks: "Moscow denied"; GUIDE.md lets these be sources), `noun` (a plain common
noun: no capital letter, no proper noun, no word of an unnamed source), `quote-speaker` (the
speaker of one of our quotes in the source's sentence, a sentence that is not the transfer's
evidence), `other-paragraph` (read outside the paragraphs of the transfer's evidence), `other`
(a plausible source in the evidence's paragraph that the gold leaves out).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from tools.qty_misses import _key, _read, matched

KINDS = ("duplicate", "place", "state-speaker", "noun", "quote-speaker", "other-paragraph", "other")
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words of unnamed sources: a lower-case name holding one is an unnamed official, not a bare noun.
UNNAMED = re.compile(
    r"""\b(?:officials?|sources?|diplomats?|spokes(?:man|woman|person)|analysts?|experts?|ministers?
    |ministry|government|administration|intelligence|military|police|prosecutors?|investigators?
    |officers?|lawmakers?|senators?|aides?|people|insiders?|report|statement|data|documents?)\b""",
    re.VERBOSE,
)
TITLES = re.compile(r"^(?:the|a|an|mr|mrs|ms|dr|president|minister|chancellor|general|gen|spokesman)\.?\s+")


def fold(name: str | None) -> str:
    """A name as score.py compares it: lower case, quotation marks and a leading "the" gone."""
    name = re.sub(r"[\"“”‘’']", "", (name or "").lower()).strip()
    return re.sub(r"^the ", "", name)


def covered(name: str, gold: list[str]) -> bool:
    """score.py's forgiveness: either name inside the other."""
    ours = fold(name)
    return bool(ours) and any(fold(g) in ours or ours in fold(g) for g in gold)


def _last_word(name: str) -> str:
    words = re.findall(r"[\w-]+", fold(name))
    return words[-1] if words else ""


def duplicate(name: str, others: list[str]) -> bool:
    """Another source names the same one: a name inside the other, or the same last word (a family
    name, "ministry"), or the same words in another order."""
    ours = fold(name)
    words = set(re.findall(r"[\w-]+", ours)) - {"of", "the"}
    for other in others:
        theirs = fold(other)
        if not theirs or (theirs == ours and other == name):
            continue
        if ours in theirs or theirs in ours or _same_family(name, other):
            return True
        if words and words == set(re.findall(r"[\w-]+", theirs)) - {"of", "the"}:
            return True
    return False


def _same_family(name: str, other: str) -> bool:
    """Both end in the same capitalised word that is no word of an unnamed source ("Mr. Sullivan")."""
    last = re.findall(r"[\w-]+", name)
    return (
        bool(last)
        and last[-1][0].isupper()
        and not UNNAMED.search(last[-1].lower())
        and _last_word(name) == _last_word(other)
    )


class Sentences:
    """The spaCy parse of each source's sentence, made once per sentence."""

    def __init__(self) -> None:
        from materiel.extract.nlp import load_model

        self.nlp = load_model()
        self.cache: dict[str, object] = {}

    def tokens(self, text: str, source: dict) -> list:
        sentence, span = source.get("sentence_span"), source.get("span")
        if not sentence or not span:
            return []
        key = text[sentence["start"] : sentence["end"]]
        if key not in self.cache:
            self.cache[key] = self.nlp(key)
        low, high = span["start"] - sentence["start"], span["end"] - sentence["start"]
        return [t for t in self.cache[key] if low <= t.idx < high]


SPEECH = {"say", "deny", "confirm", "announce", "tell", "state", "claim", "report", "insist", "warn", "accuse"}


def place_kind(tokens: list) -> str | None:
    words = [t for t in tokens if t.is_alpha and t.lower_ != "the"]
    if not words or not all(t.ent_type_ in PLACE_LABELS for t in words):
        return None
    head = words[-1]
    return "state-speaker" if head.dep_.startswith("nsubj") and head.head.lemma_ in SPEECH else "place"


def is_noun(name: str, tokens: list) -> bool:
    words = [t for t in tokens if t.is_alpha and t.lower_ not in ("the", "a", "an")]
    if not words or UNNAMED.search(fold(name)):
        return False
    return not any(t.text[0].isupper() or t.pos_ == "PROPN" for t in words)


def _inside(span: dict | None, spans: list[tuple[int, int]]) -> bool:
    return bool(span) and any(low <= span["start"] < high for low, high in spans)


def _paragraph(text: str, at: int) -> tuple[int, int]:
    high = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if high < 0 else high


def quote_speaker(record: dict, transfer: dict, source: dict) -> bool:
    sentence = source.get("sentence_span")
    evidence = [(e["start"], e["end"]) for e in transfer.get("evidence") or []]
    if not sentence or _inside(sentence, evidence):
        return False
    name = fold(source["name"])
    for quote in record.get("quotes") or []:
        speaker = fold((quote.get("speaker") or {}).get("name"))
        span = quote.get("span") or {}
        near = sentence["start"] <= span.get("start", -1) < sentence["end"]
        if near and speaker and (speaker in name or name in speaker or _last_word(speaker) == _last_word(name)):
            return True
    return False


def kind_of(record: dict, transfer: dict, source: dict, parsed: Sentences) -> str:
    text, name = record.get("text") or "", source.get("name") or ""
    if duplicate(name, [s.get("name") or "" for s in transfer["sources"] if s is not source]):
        return "duplicate"
    tokens = parsed.tokens(text, source)
    place = place_kind(tokens)
    if place:
        return place
    if is_noun(name, tokens):
        return "noun"
    if quote_speaker(record, transfer, source):
        return "quote-speaker"
    paragraphs = [_paragraph(text, e["start"]) for e in transfer.get("evidence") or []]
    return "other" if _inside(source.get("span"), paragraphs) else "other-paragraph"


def extras(gold: dict, pred: dict) -> list[tuple[str, str, str, str]]:
    """(kind, article id, triple, name) for each source of ours on a matched transfer that no gold
    source of the transfer covers."""
    parsed, rows = Sentences(), []
    for doc_id, record, ours, expected in matched(gold, pred):
        for source in ours.get("sources") or []:
            if not covered(source.get("name") or "", expected.get("sources") or []):
                kind = kind_of(record, ours, source, parsed)
                rows.append((kind, doc_id, "/".join(map(str, _key(expected))), source.get("name") or ""))
    return rows


def main(argv: list[str]) -> None:
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--list"):
        sys.exit(__doc__)
    rows = extras(_read(argv[0]), _read(argv[1]))
    if len(argv) == 4:
        for kind, doc_id, triple, name in rows:
            if kind == argv[3]:
                print(doc_id, triple, name, sep="\t")
    counts = Counter(kind for kind, *_ in rows)
    print("extra sources:", len(rows), " ".join(f"{kind} {counts[kind]}" for kind in KINDS))


if __name__ == "__main__":
    main(sys.argv[1:])
