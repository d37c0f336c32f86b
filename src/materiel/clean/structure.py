"""Page structure: repeated lines, paragraph layout, and each paragraph's language."""

from __future__ import annotations

import re

import pycld2

from materiel.article import Article, Removal
from materiel.clean.boilerplate import fold

# Lines shorter than this may repeat legitimately ("Yes.", a one-word answer); longer repeats are
# copies (headline blocks, syndicated paragraphs pasted twice).
MIN_DUPLICATE_CHARS = 25
# Paragraphs shorter than this are too short for language identification; ASCII ones count as
# English, the rest inherit the article's language.
MIN_LANGID_CHARS = 40
# The article's language is read from its first characters: enough for a stable answer.
ARTICLE_SAMPLE_CHARS = 2000


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
