"""The relevance gate: which paragraphs of an article the NLP reads.

A paragraph is parsed only if it names materiel (an item of the lexicon, a verb that arms its
object, or money earmarked for the military), or sits beside one that does: the one before, one
after that holds speech, a list's entries, the lead and the claims read for their sources. Its
text is read as the NLP sees it (`unwrap`). What extraction knows of the chosen paragraphs is in
context.py.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from materiel.article import Article
from materiel.extract.earmarks import earmarks_money
from materiel.extract.lexicon import Mention, find_items
from materiel.extract.nlp import holds_claim, holds_speech

# Paragraphs at the top of an article that name who reports the whole story ("This was reported
# by the Wall Street Journal") or the person later paragraphs call "he"; read whenever the article
# names materiel anywhere.
LEAD_PARAGRAPHS = 3
# The relevance gate can be switched off to measure what it costs in recall (bench/gate.py).
GATE_ENABLED = True
# Characters of one article the NLP reads at most (about 50 pages of news); the rest of a huge
# page is kept in the text but not analysed, and a note says so.
MAX_NLP_CHARS = 300_000
# Verbs that name no item but move weapons to their object ("Moscow was arming Armenia"): the gate
# reads a paragraph that uses one as it reads one that names materiel.
ARMING = re.compile(
    r"""\b(?:re-?)?arming\b                                 # "arming Ukraine", "rearming"
      | \b(?:to|will|would)\ (?:re-?)?arm\b                 # "to arm the rebels", "will arm" (not
                                                              # "the leg and arm")
      | \b(?:re-?)?armed\ (?:the|its|their|them|[A-Z]\w+)\b  # "armed Hezbollah"; not "Armed Forces"
    """,
    re.X,
)


# A line break inside a sentence, as hard-wrapped text has them: the line does not end a sentence
# (no terminal punctuation, quotation mark or colon) and the next line goes on in lower case or
# with a digit. The NLP reads it as the space it stands for (same length, so offsets hold).
WRAPPED = re.compile(r"(?<=[\w,;)\-])\n(?=[a-z0-9(])")


# A wire service's stock ticker after a company's name ("British Aerospace Plc <BAEL.L> has won",
# "General Dynamics Corp <GD>"): the parse takes its marks for words of the clause. The NLP reads
# it as spaces (same length, so offsets hold).
TICKER = re.compile(r"(?<=\w )<[A-Z][A-Z0-9&]{0,7}(?:\.[A-Z]{1,2})?>")


def unwrap(text: str) -> str:
    """The text as the NLP reads it: wrapped lines joined, tickers blanked (same length)."""
    return TICKER.sub(lambda m: " " * len(m.group()), WRAPPED.sub(" ", text))


def within_budget(article: Article, chosen: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The chosen paragraphs up to MAX_NLP_CHARS in all, with a note on the article where some are cut."""
    total, kept = 0, []
    for offset, text in chosen:
        total += len(text)
        if total > MAX_NLP_CHARS:
            article.notes.append(f"extraction read the first {MAX_NLP_CHARS} characters of relevant text only")
            break
        kept.append((offset, text))
    return kept


# The items the gate found in a paragraph, by its offset, with the text it read them in: the
# paragraph the NLP reads takes them again when its text is the same (unwrap changed nothing).
Found = dict[int, tuple[str, list[Mention]]]


def chosen_paragraphs(article: Article, found: Found | None = None) -> list[tuple[int, str]]:
    """The English paragraphs the NLP reads: those that name materiel (an item of the lexicon,
    a verb that arms its object, or money earmarked for the military: without one, no transfer
    can be extracted from it), the one before each (it often names the speaker or the package),
    and the one after each when it holds speech."""
    english = [(p, lang in ("en", "und")) for p, lang in with_languages(article)]
    if not GATE_ENABLED:
        return [p for p, ok in english if ok]
    found = {} if found is None else found
    materiel = [ok and _names_materiel(p, found, text_above(article, p[0])) for p, ok in english]
    chosen = []
    for index, (paragraph, ok) in enumerate(english):
        after = index + 1 < len(materiel) and materiel[index + 1]
        after = after or (paragraph[1].rstrip().endswith(":") and _list_names_materiel(english, materiel, index))
        after = after or (_heading(paragraph[1]) and index + 2 < len(materiel) and materiel[index + 2])
        before = index > 0 and materiel[index - 1] and holds_speech(paragraph[1])
        listed = bool(chosen) and index > 0 and chosen[-1] is english[index - 1][0] and _goes_on(chosen[-1], paragraph)
        if ok and (materiel[index] or after or before or listed):
            chosen.append(paragraph)
    return chosen


# A line of a bulleted or numbered list ("- Stinger missiles", "* 20 HIMARS", "3) radars").
ENTRY = re.compile(r"^\s*(?:[-*•–·▪]|\d{1,2}[.)])\s")


# A heading over a list ("Leopard 2", "## Patriot"): a few words on a line of their own.
HEADING_WORDS = 4


def _heading(text: str) -> bool:
    """A heading over a section ("United States" over "The US is the largest donor." and its
    list): a few words with no closing stop; it is read with the section's materiel two lines on."""
    return len(text.split()) <= HEADING_WORDS and not text.rstrip().endswith((".", "!", "?"))


def _goes_on(above: tuple[int, str], paragraph: tuple[int, str]) -> bool:
    """A bulleted line right under a heading or an entry the NLP reads, that names no materiel
    itself ("Leopard 2" over "- Poland: 14"): the list goes on."""
    heading = len(above[1].split()) <= HEADING_WORDS
    return ENTRY.match(paragraph[1]) is not None and (heading or ENTRY.match(above[1]) is not None)


def _list_names_materiel(english: list, materiel: list[bool], header: int) -> bool:
    """Does the bulleted list under a header ("The UK will send Ukraine:") name materiel in any of
    its entries, not only the first ("• humanitarian aid", "• 20 tanks")?"""
    for (paragraph, _), named in zip(english[header + 1 :], materiel[header + 1 :], strict=True):
        if not ENTRY.match(paragraph[1]):
            return False
        if named:
            return True
    return False


def with_languages(article: Article) -> Iterator[tuple[tuple[int, str], str]]:
    """The article's paragraphs (offset, text), each with its language (English where none is known)."""
    paragraphs = article.paragraphs()
    languages = article.paragraph_languages or ["en"] * len(paragraphs)
    return zip(paragraphs, languages, strict=False)


# How much of the text above a paragraph its items are read with: the last sentence of the
# paragraph before tells the sense of a bare "guns" in its first (senses.firearms).
ABOVE_CHARS = 600


def text_above(article: Article, offset: int) -> str:
    return article.text[max(0, offset - ABOVE_CHARS) : offset]


def _names_materiel(paragraph: tuple[int, str], found: Found, above: str) -> bool:
    offset, text = paragraph
    found[offset] = (text, find_items(text, above))
    return bool(found[offset][1]) or ARMING.search(text) is not None or earmarks_money(text)


def lead_paragraphs(article: Article, chosen: set[int]) -> list[tuple[int, str]]:
    """The article's first English paragraphs that the gate left out, when it chose any."""
    english = [p for p, lang in with_languages(article) if lang in ("en", "und")]
    return [(offset, unwrap(text)) for offset, text in english[:LEAD_PARAGRAPHS] if chosen and offset not in chosen]


def claiming_paragraphs(article: Article, read: set[int], found: Found) -> list[tuple[int, str]]:
    """The English paragraphs right after a materiel paragraph the NLP reads that the gate left
    out, when they claim or announce ("Baku claimed that Moscow was arming Armenia"): read for
    the sources they cite."""
    english = [(p, lang in ("en", "und")) for p, lang in with_languages(article)]
    return [
        (offset, unwrap(text))
        for ((before, _), _), ((offset, text), ok) in itertools.pairwise(english)
        if ok and offset not in read and before in read and found.get(before, ("", []))[1] and holds_claim(text)
    ]
