"""Sentences of an article's paragraphs, split in the masked text (quotations already opaque): a
stop ends one unless it closes a title's abbreviation, an initial or a month before its day, or
lower case follows it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from materiel.extract.speakerwords import NOT_NAMES, SAY

# A sentence ends at . ! or ? (and any closing marks) before a space, unless the word before the
# stop is an abbreviation of a title or an initial ("Sen. Graham", "John F. Kennedy").
SENTENCE_END = re.compile(
    r"""[.!?][\"”’»)]*\s+                # the stop, its closing marks and a space
      | [.!?](?=[“«„"])                  # or a quotation opened right after the stop ("Seoul.“We")
      | [.!?][\"”’»)]*(?=[A-Z][a-z])     # or a sentence run on without a space ("now.Johnson said")
    """,
    re.VERBOSE,
)
# A full stop after one of these ends no sentence: a title before a name ("Gen. Berg"), "No." and
# "vs.", a company's suffix ("Co."), or a single capital, an initial ("J. Smith").
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gen|Lt|Col|Maj|Adm|Gov|Prof|Capt|Sgt|St|Jr|Sr|No|vs|Inc|Corp|Ltd|Co)|\b[A-Z])$"
)
# An abbreviated month before its day ("on Nov. 11") does not end a sentence either.
MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$")
DAY_AFTER = re.compile(r"\s*\d")
# A sentence does not begin in lower case: a quotation's own stop before "said Berg" ends no sentence.
LOWER_AFTER = re.compile(r"[a-z]")
# Nor does a quotation's own stop before a name and the verb that reports it ("“Why now?” Berg
# asked", "“We are ready!” Anna Berg said on Monday"): up to four capitalised words, none a word
# that opens sentences ("The", "He", "As": "“...” As Berg noted, ..." is a new sentence), then the verb,
# then the clause's end or a preposition; not a verb with an object of its own, which opens a
# sentence ("“...” Russia says its strikes hit only militants").
CLAUSE_END = r"(?=\s*[,.;:!?]|\s+(?:on|in|at|to|during|after|before|as|while|when|from)\b)"
NAME_SAID_AFTER = re.compile(
    r"(?-i:(?:[A-Z][\w'’.-]*\s+){1,4})(?:" + SAY.pattern + ")" + CLAUSE_END, re.VERBOSE | re.IGNORECASE
)
QUOTE_CLOSERS = '"”’»'


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def split_sentences(masked: str, paragraphs: list[tuple[int, str]]) -> list[Sentence]:
    """Sentences of each paragraph of the masked text (quotations already opaque)."""
    out = []
    for index, (offset, text) in enumerate(paragraphs):
        start = 0
        for stop in SENTENCE_END.finditer(masked, offset, offset + len(text)):
            before = masked[max(offset, stop.start() - 5) : stop.start()]
            if ABBREVIATION.search(before) or (MONTH.search(before) and DAY_AFTER.match(masked, stop.end())):
                continue
            if LOWER_AFTER.match(masked, stop.end()):  # "“Why now?” asked Berg": the sentence goes on
                continue
            if _reported_after(masked, stop):  # "“Why now?” Berg asked": so does it here
                continue
            out.append(Sentence(offset + start, stop.end(), index))
            start = stop.end() - offset
        if start < len(text):
            out.append(Sentence(offset + start, offset + len(text), index))
    return out


def _reported_after(masked: str, stop: re.Match[str]) -> bool:
    """A stop inside a quotation's closing mark, followed by a name and a reporting verb."""
    closes = any(mark in stop.group() for mark in QUOTE_CLOSERS)
    return closes and _name_said(masked, stop.end())


def _name_said(masked: str, at: int) -> bool:
    match = NAME_SAID_AFTER.match(masked, at)
    return match is not None and not any(word in NOT_NAMES for word in match.group().split()[:-1])


def sentences_of(start: int, end: int, sentences: list[Sentence]) -> tuple[int, int]:
    """The indices of the first and last sentences that overlap [start, end), or (0, 0)."""
    inside = [i for i, s in enumerate(sentences) if s.start < end and start < s.end]
    return (inside[0], inside[-1]) if inside else (0, 0)
