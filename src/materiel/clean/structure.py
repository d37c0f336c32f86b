"""Page structure: the headline, repeated lines, paragraph layout, and each paragraph's language."""

from __future__ import annotations

import re

import pycld2

from materiel.article import Article, Removal
from materiel.clean.boilerplate import fold

# A headline is a short line of words without a closing full stop.
TITLE_WORDS = (3, 40)
TITLE_CHARS = (15, 300)
# Lines shorter than this may repeat legitimately ("Yes.", a one-word answer); longer repeats are
# copies (headline blocks, syndicated paragraphs pasted twice).
MIN_DUPLICATE_CHARS = 25
# Paragraphs shorter than this are too short for language identification; ASCII ones count as
# English, the rest inherit the article's language.
MIN_LANGID_CHARS = 40
# The article's language is read from its first characters: enough for a stable answer.
ARTICLE_SAMPLE_CHARS = 2000


def find_title(article: Article) -> None:
    """Step: the headline line becomes `title` (for text input with no title yet) and leaves the body."""
    lines = [line.strip() for line in article.text.split("\n")]
    first = next((line for line in lines if line), "")
    if article.title is None and _looks_like_headline(first, lines):
        article.title = first
    if article.title:
        _drop_title_copies(article, lines)


def _looks_like_headline(line: str, lines: list[str]) -> bool:
    words = len(line.split())
    if not (TITLE_WORDS[0] <= words <= TITLE_WORDS[1] and TITLE_CHARS[0] <= len(line) <= TITLE_CHARS[1]):
        return False
    repeated = sum(fold(x) == fold(line) for x in lines) > 1
    return repeated or not line.rstrip("\"'”’)»").endswith((".", ":", ",", ";"))


def _drop_title_copies(article: Article, lines: list[str]) -> None:
    title = fold(article.title or "")
    kept = [line for line in lines if fold(line) != title]
    for _ in range(len(lines) - len(kept)):
        article.removed.append(Removal(article.title or "", "title"))
    article.text = "\n".join(kept)


def drop_duplicates(article: Article) -> None:
    """Step: a line repeated in the page is kept once (the first time)."""
    seen: set[str] = set()
    kept = []
    for line in article.text.split("\n"):
        key = fold(line)
        if len(key) >= MIN_DUPLICATE_CHARS and key in seen:
            article.removed.append(Removal(line.strip(), "duplicate"))
            continue
        seen.add(key)
        kept.append(line)
    article.text = "\n".join(kept)


_SPACES = re.compile(r"[ \t\xa0\u200b]+")


def layout(article: Article) -> None:
    """Step: one paragraph per line of text, separated by blank lines, spacing normalised."""
    lines = (_SPACES.sub(" ", line).strip() for line in article.text.split("\n"))
    article.text = "\n\n".join(line for line in lines if line)


def detect_languages(article: Article) -> None:
    """Step: the article's language (offline, CLD2), and each paragraph's.

    In an English article, paragraphs without non-ASCII letters inherit its language: CLD2 reads
    a short English paragraph as Scots or Malay now and then, and a wrong call would keep an
    English paragraph from the NLP. Every other paragraph is classified on its own.
    """
    paragraphs = [p for _, p in article.paragraphs()]
    article.language = _language(" ".join(paragraphs)[:ARTICLE_SAMPLE_CHARS]) if paragraphs else None
    article.paragraph_languages = [
        _language(p) if (article.language != "en" or _NON_ASCII_LETTER.search(p)) else "en" for p in paragraphs
    ]


# A letter outside ASCII (digits, punctuation and symbols do not count).
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


def _language(text: str) -> str:
    """An ISO 639-1 code (CLD2's best guess), or "und" when there is none."""
    if len(text) < MIN_LANGID_CHARS:
        return "en" if text.isascii() else "und"
    try:
        _reliable, _bytes, details = pycld2.detect(text)
    except (pycld2.error, UnicodeEncodeError):  # not valid UTF-8 (lone surrogates, some controls)
        return "und"
    code = details[0][1]
    return "und" if code == "un" else code
