"""The furniture-line model's features: each line's shape and words, its neighbours' and its place
in the page. Shared by the model that applies the weights (lines.py) and the tool that trains
them (`tools/train_lines.py`)."""

from __future__ import annotations

import math

from materiel import regexcache
from materiel.clean.rules import title_case

# A line this long that ends a sentence is article prose: the landmark the place features use
# (a news paragraph is a sentence or more; a promotion that long is rare).
PROSE_CHARS = 120

WORD = regexcache.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# The end of a sentence, perhaps inside a closing quotation mark or bracket, perhaps with a wiki's
# reference marks after it ("... in 2022.[13][14]").
SENTENCE_END = regexcache.compile(r"""[.!?…]["”’»)\]]*(?:\[\d{1,3}\])*$""")
LINK_MARKS = regexcache.compile(r"https?://|www\.|\.com\b|@|\]\(")
SEPARATORS = regexcache.compile(r"\s[|•·»›/]\s|\s[-–—]\s")
# Words that make prose: a line of article text has some, a menu or a headline few. The third
# person's pronouns are prose's too ("He declined to comment further."): menus and calls to
# action address the reader instead.
FUNCTION_WORDS = frozenset(
    [
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "and",
        "that",
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "be",
        "been",
        "it",
        "its",
        "by",
        "with",
        "for",
        "as",
        "at",
        "from",
        "said",
        "says",
        "this",
        "which",
        "who",
        "will",
        "would",
        "not",
        "but",
    ]
)
# Words in a line this short or shorter: a label, a menu item, a byline, not a sentence.
FEW_WORDS = 4
# A headline's words after the first are capitalised; these short words need not be.
SMALL_WORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "at", "by", "with", "from", "as", "vs"]
)


def shape(line: str) -> dict[str, float]:
    """Features of one line by itself."""
    words = WORD.findall(line)
    folded = [w.casefold() for w in words]
    longer = [w for w in words if w.casefold() not in SMALL_WORDS]
    count = len(words)
    return {
        "chars_log": math.log1p(len(line)),
        "words_log": math.log1p(count),
        "few_words": float(count <= FEW_WORDS),
        "capitalised": sum(w[0].isupper() for w in longer) / len(longer) if longer else 0.0,
        "all_caps": float(count > 0 and all(w.isupper() for w in words if len(w) > 1)),
        "function_share": sum(w in FUNCTION_WORDS for w in folded) / count if count else 0.0,
        "sentence_end": float(SENTENCE_END.search(line) is not None),
        "colon_end": float(line.endswith(":")),
        "digit_share": sum(map(str.isdigit, line)) / len(line) if line else 0.0,  # no frame per character
        "links": float(LINK_MARKS.search(line) is not None),
        "separators": float(SEPARATORS.search(line) is not None),
        "bullet": float(line[:1] in "*-•–—>|#["),
        "quote_mark": float(any(c in line for c in '"“”«»')),
        "first_lower": float(line[:1].islower()),
        # A headline's shape (every longer word capitalised) and a teaser's ends: a question, or
        # an excerpt cut short.
        "title_case": float(title_case(line)),
        "question_end": float(line.rstrip().endswith("?")),
        "ellipsis_end": float(line.rstrip().endswith(("...", "…"))),
    }


def title_overlap(line: str, title_words: set[str]) -> float:
    """Share of the line's words that are the title's (a headline repeated, or its kicker)."""
    words = {w.casefold() for w in WORD.findall(line)}
    return len(words & title_words) / len(words) if words and title_words else 0.0


def features(lines: list[str], title: str | None, vocabulary: frozenset[str]) -> list[dict[str, float]]:
    """Each line's own features, its neighbours' and its place in the page."""
    shapes = [shape(line) for line in lines]
    title_words = {w.casefold() for w in WORD.findall(title or "")}
    total = len(lines)
    places = _places(lines, shapes)
    rows = []
    for index, line in enumerate(lines):
        row = dict(shapes[index])
        row.update(places[index])
        row["title_overlap"] = title_overlap(line, title_words)
        for side, other in (("prev", index - 1), ("next", index + 1)):
            near = shapes[other] if 0 <= other < total else None
            row[f"{side}_missing"] = float(near is None)
            for name in ("few_words", "sentence_end", "capitalised", "words_log", "links", "bullet"):
                row[f"{side}_{name}"] = near[name] if near else 0.0
        # A bulleted line alone between paragraphs: a link to another story set into the text.
        row["lone_bullet"] = row["bullet"] * (1.0 - row["prev_bullet"]) * (1.0 - row["next_bullet"])
        row.update(dict.fromkeys(_word_features(line, vocabulary), 1.0))
        rows.append(row)
    return rows


def _places(lines: list[str], shapes: list[dict[str, float]]) -> list[dict[str, float]]:
    """Where each line stands: its share of the text before it, whether article paragraphs come
    before and after it (furniture gathers around the article), and the run of lines without a
    sentence's end it is part of (menus, lists of headlines)."""
    prose = [len(line) >= PROSE_CHARS and s["sentence_end"] == 1.0 for line, s in zip(lines, shapes, strict=True)]
    # A page without prose has no landmark: no line of it stands before or after the article.
    first = prose.index(True) if any(prose) else 0
    last = len(prose) - 1 - prose[::-1].index(True) if any(prose) else len(lines)
    total = sum(len(line) for line in lines) or 1
    runs = _runs([s["sentence_end"] == 0.0 for s in shapes])
    places, before = [], 0
    for index, line in enumerate(lines):
        places.append(
            {
                "char_position": before / total,
                "before_prose": float(index < first),
                "after_prose": float(index > last),
                "run_log": math.log1p(runs[index]),
            }
        )
        before += len(line)
    return places


def _runs(flags: list[bool]) -> list[int]:
    """For each position, the length of the run of True it stands in (0 where False)."""
    runs = [0] * len(flags)
    start = 0
    for index in range(len(flags) + 1):
        if index == len(flags) or not flags[index]:
            for inside in range(start, index):
                runs[inside] = index - start
            start = index + 1
    return runs


def _word_features(line: str, vocabulary: frozenset[str]) -> set[str]:
    return {f"w:{w}" for w in {w.casefold() for w in WORD.findall(line)} & vocabulary}
