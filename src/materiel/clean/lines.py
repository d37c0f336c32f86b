"""Furniture lines learnt: a logistic regression over each line's shape, words and neighbours.

The hand rules (boilerplate.py, furniture.py) name the furniture they know; what no list names (a
site's promotions, lists of its other headlines, menus, image-viewer labels) is scored here, one
line (paragraph, after `layout`) at a time. The weights are trained by `tools/train_lines.py`
(`make model`) from the gold's must_keep / must_drop snippets and shipped as small JSON; here they
are only applied, in plain Python.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

from materiel import regexcache
from materiel.article import Article, Removal
from materiel.clean.entries import item_entries
from materiel.clean.line_features import WORD, features
from materiel.clean.prosewords import foreign_prose, inflected_statement
from materiel.clean.sections import section_lines
from materiel.logistic import Logistic

ARTEFACT = Path(__file__).resolve().parent / "models" / "lines.json"
# A line longer than this is a paragraph of the article whatever the model says: furniture lines
# (promotions, menus, headline lists) are shorter, and dropping article text costs more than
# keeping furniture. In grouped CV, 150 kept every must_keep line (320: 0.998) and cost 4 of
# 139 furniture lines.
MAX_SCORED_CHARS = 150
# A line of this many words or more that ends a sentence, with this share of function words, is a
# sentence of prose and is kept whatever the model says (the last short sentence of a story sits
# where furniture does). In grouped CV the guard kept every must_keep line and cost no furniture.
PROSE_MIN_WORDS = 5
PROSE_FUNCTION_SHARE = 0.25
# In another language a sentence of this many words is enough ("La entrega será gradual."): the
# model judges a short English sentence by its words, another language's by its shape alone. A
# clause before a colon needs PROSE_MIN_WORDS still ("Mehr zu diesem Thema:" is a heading).
FOREIGN_MIN_WORDS = 3
# A sentence of news dense with names has fewer function words than that ("South Korea's Hanwha
# Aerospace signed a contract worth $1 billion to supply 54 K9 howitzers to Romania.", a live
# blog's "15:55 - Canada to donate 800 drones to Ukraine, Minister Bill Blair announced."): its
# names take their place. A statement of this many words, with this share of capitalised words
# (the names) and this share in lower case (its verbs and common nouns, which a menu or a
# headline capitalises), is prose too. A cookie table's or a site's note in plain words has few
# names and stays with the model.
NEWS_MIN_WORDS = 8
NEWS_NAME_SHARE = 0.25
NEWS_LOWER_SHARE = 0.4
# A short sentence of prose that speaks to the reader or for the site outside quotation marks
# ("Got a news tip? We want to hear from you.", "You must be logged in to post a comment.") is
# dropped only at this probability. In grouped CV over the benchmark's pages (each page a site
# unseen in training) such lines were 111 furniture and 94 article; at 0.8 the model dropped 48
# of the furniture and none of the article's (0.7: 56 and none, the highest article line scored
# 0.64; 0.45: 80 and 6). The gold has no such furniture left after the rules and 42 such article
# lines.
ADDRESSED_THRESHOLD = 0.8
# Such a paragraph up to this length is scored too (a cookie notice, a newsletter's pitch): in the
# same CV, lines of 151 to 400 characters were 128 furniture and 215 article; at 0.8 the model
# dropped 34 of the furniture and none of the article's (the highest scored 0.58).
ADDRESSED_MAX_CHARS = 400
# A turn of an interview set down as questions and answers ("Q: ...", "A: ..."), or of a
# transcript led by its time code and the speaker's name ("[00:19:45] Anna Berg: And the plants?"):
# the article's own, however short; furniture never speaks in turns.
DIALOGUE_TURN = regexcache.compile(
    r"""^(?:[QA]\s*[:.]\s
        | [\[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}[\])]?\s+(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*:\s)""",
    re.VERBOSE,
)
# A short clause that opens a list of its own ("It includes:", "The package contains:"): the verb
# of containing says what follows is its content, where a heading ("Read more:", "Related:")
# names a link. Shorter than prose, so `_prose` alone misses it. A verb of being is left out:
# "Our partners are:" opens a site's list as often as "The weapons are:" an article's.
LIST_OPENER = regexcache.compile(
    r"""\b(?:
        includ(?:e|es|ed|ing)          # "It includes:", "Deliveries included:"
      | contain(?:s|ed)?               # "The shipment contains:"
      | compris(?:e|es|ed)             # "The package comprises:"
      | consist(?:s|ed|ing)?\s+of      # "The aid consists of:"
      | (?:the|as)\s+follow(?:s|ing)   # "as follows:", "include the following:"
    )\s*:$""",
    re.IGNORECASE | re.VERBOSE,
)
# An entry led by a short capitalised label and a colon ("United Arab Emirates: 80 Rafale jets
# ordered from France"): its label, up to four words.
LABELLED = regexcache.compile(r"^([A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}):\s\S")
ENTRY_MIN_WORDS = 5
# Lines in a page before the model applies: a page of one or two lines is all article.
MIN_PAGE_LINES = 3
REASON = "furniture_line"
# The page speaking to its reader ("Sign up and we will send you ...", "Tell us what you think"):
# a news paragraph reports in the third person, and where it says "you" or "we" it quotes someone.
READER_WORDS = frozenset(["you", "your", "yours", "yourself"])
PUBLISHER_WORDS = frozenset(["we", "our", "ours", "us"])  # "US" in capitals is the country
# The page naming itself ("this article", "this story"): a note about the page, not its news.
SELF_REFERENCE = regexcache.compile(
    r"\bthis\s+(?:article|story|page|post|site|website|content|newsletter)\b", re.IGNORECASE
)
# A row of a table set down with bars ("Radar | 2 | 2025"): at least this many bars, and a
# neighbour with as many (a menu's bars stand on one line).
TABLE_BARS = 2


class LineModel(Logistic):
    """Probability that a line is page furniture, from the shipped weights."""

    def __init__(self, payload: dict) -> None:
        super().__init__(payload)
        self.vocabulary = frozenset(n[2:] for n in self.weights if n.startswith("w:"))

    def furniture(self, lines: list[str], title: str | None) -> list[bool]:
        rows = features(lines, title, self.vocabulary)
        tables = [a or b for a, b in zip(_table_rows(lines, rows), _labelled_rows(lines, rows), strict=True)]
        tables = [a or b for a, b in zip(tables, section_lines(lines), strict=True)]
        tables = [a or b for a, b in zip(tables, item_entries(lines, rows), strict=True)]
        listed = [a or b for a, b in zip(_introduced(lines, rows), tables, strict=True)]
        gates = [gate(line, row, self.threshold) for line, row in zip(lines, rows, strict=True)]
        return [
            at is not None and not inside and self.probability(row) >= at
            for row, inside, at in zip(rows, listed, gates, strict=True)
        ]


def _table_rows(lines: list[str], rows: list[dict[str, float]]) -> list[bool]:
    """Rows of a table in the article's body: as many bars as a neighbour, and enough of them, with
    article paragraphs before and after (a site's menus and footers stand outside them; a table
    of the article's figures is kept, however little prose its cells hold)."""
    bars = [line.count("|") for line in lines]
    inside = []
    for index, row in enumerate(rows):
        near = [bars[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        body = row["before_prose"] == 0.0 and row["after_prose"] == 0.0
        inside.append(body and bars[index] >= TABLE_BARS and bars[index] in near)
    return inside


def _labelled_rows(lines: list[str], rows: list[dict[str, float]]) -> list[bool]:
    """Entries of a list each led by its own label ("Saudi Arabia: 48 Typhoon jets from Britain",
    "Qatar: 12 F-15QA jets") in the article's body: a neighbour is led by another label (a link's
    "Read more:" repeats its own), with article paragraphs before and after (a footer's "Tags:"
    and "Filed under:" stand outside them)."""
    labels = [_label(line) for line in lines]
    inside = []
    for index, row in enumerate(rows):
        near = {labels[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)} - {None, labels[index]}
        body = row["before_prose"] == 0.0 and row["after_prose"] == 0.0
        inside.append(body and labels[index] is not None and bool(near))
    return inside


def _label(line: str) -> str | None:
    """The entry's label, where what follows it says enough to be an entry: a figure, or
    ENTRY_MIN_WORDS words (a menu's "Share: Facebook Twitter", "Follow: Instagram" say less)."""
    found = LABELLED.match(line)
    if found is None:
        return None
    rest = line[found.end(1) + 1 :]
    says = any(c.isdigit() for c in rest) or len(WORD.findall(rest)) >= ENTRY_MIN_WORDS
    return found.group(1).casefold() if says else None


def _introduced(lines: list[str], rows: list[dict[str, float]]) -> list[bool]:
    """Lines of a list that a sentence of the article introduces with a colon ("The package
    includes:"): the article's own list, kept. A short heading ("Read more:") introduces none."""
    inside, open_list = [], False
    for line, row in zip(lines, rows, strict=True):
        inside.append(open_list)
        if row["colon_end"] == 1.0:
            open_list = _prose(line, row, colon=True) or LIST_OPENER.search(line) is not None
        elif row["sentence_end"] == 1.0:
            open_list = False
    return inside


def scored(line: str, row: dict[str, float]) -> bool:
    """Whether the model may drop the line: not a paragraph, not a sentence of prose (nor a clause
    that introduces a list with a colon: "The agreements provide for the sale of:", "It
    includes:"), not a turn of an interview."""
    prose = (
        _prose(line, row) or _prose(line, row, colon=True) or _news(line, row) or LIST_OPENER.search(line) is not None
    )
    return len(line) <= MAX_SCORED_CHARS and not prose and DIALOGUE_TURN.match(line) is None


def gate(line: str, row: dict[str, float], threshold: float) -> float | None:
    """The probability at which the model drops the line: `threshold` for a line it scores,
    ADDRESSED_THRESHOLD for a sentence of prose or a paragraph that speaks to the reader or for
    the site, or names the page, outside quotation marks (a newsletter's or a comment box's note,
    a cookie notice); None for a line it never drops (nor a clause that opens a list, nor a turn
    of an interview)."""
    if scored(line, row):
        return threshold
    opened = len(line) <= ADDRESSED_MAX_CHARS and row["colon_end"] == 0.0 and DIALOGUE_TURN.match(line) is None
    if opened and row["quote_mark"] == 0.0 and _addressed(line):
        return max(threshold, ADDRESSED_THRESHOLD)
    return None


def _addressed(line: str) -> bool:
    """Whether the line speaks to the reader, for the site ("we", not "US"), or names the page."""
    words = WORD.findall(line)
    reader = any(w.casefold() in READER_WORDS for w in words)
    publisher = any(w.casefold() in PUBLISHER_WORDS and not w.isupper() for w in words)
    return reader or publisher or SELF_REFERENCE.search(line) is not None


def _prose(line: str, row: dict[str, float], colon: bool = False) -> bool:
    """A sentence (or, with `colon`, a clause ending in a colon) of enough words, with prose's
    share of function words, in English or another language, or a statement in a language that
    inflects its nouns (prosewords.py)."""
    least = PROSE_MIN_WORDS if colon else FOREIGN_MIN_WORDS
    if row["colon_end" if colon else "sentence_end"] != 1.0 or row["words_log"] < math.log1p(least):
        return False
    english = row["words_log"] >= math.log1p(PROSE_MIN_WORDS) and row["function_share"] >= PROSE_FUNCTION_SHARE
    words = WORD.findall(line)
    return english or foreign_prose(words) or (not colon and inflected_statement(line, words))


def _news(line: str, row: dict[str, float]) -> bool:
    """A statement of NEWS_MIN_WORDS or more, NEWS_NAME_SHARE of its words capitalised and
    NEWS_LOWER_SHARE in lower case: a sentence of news however many names it holds. Not a
    question, a bulleted line or one with a link: a teaser of another story is set down so."""
    words = WORD.findall(line)
    statement = row["sentence_end"] == 1.0 and row["question_end"] == 0.0
    if not statement or row["links"] or row["bullet"] or len(words) < NEWS_MIN_WORDS:
        return False
    lower = sum(w[0].islower() for w in words) / len(words)
    return lower >= NEWS_LOWER_SHARE and 1.0 - lower >= NEWS_NAME_SHARE


@cache
def load_model(path: Path = ARTEFACT) -> LineModel:
    return LineModel(json.loads(path.read_text("utf-8")))


def drop_furniture_lines(article: Article) -> None:
    """Step: lines the model scores as furniture are removed, each recorded with REASON. Text that
    main-text extraction made from HTML is left alone: the page's markup has judged its lines
    already (on the 181 benchmark pages the model cost recall 0.977 -> 0.951 for precision
    0.955 -> 0.961; measured again by clean21, 2026-12-07, it lowered precision as well as recall
    at every threshold, fitted out of fold by page or not: off P 0.972 R 0.971, at 0.45 P 0.970
    R 0.945, at 0.9 P 0.971 R 0.961), and what scrapers saved as text has no markup left to judge by."""
    lines = article.text.split("\n\n")
    if article.from_html or len(lines) < MIN_PAGE_LINES:
        return
    kept = []
    for line, furniture in zip(lines, load_model().furniture(lines, article.title), strict=True):
        if furniture:
            article.removed.append(Removal(line, REASON))
        else:
            kept.append(line)
    article.text = "\n\n".join(kept)
