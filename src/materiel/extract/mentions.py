"""Who could be speaking in an article: the mentions of possible speakers in its sentences
(`sentences.split_sentences`).

Mentions are found outside quotations (a name inside a quotation is what the speaker talks
about): people (capitalised names, titles stripped: "Sen. Lindsey Graham" is Lindsey Graham),
states, organisations and institutions (the lexicon's actors, "the Pentagon", capitalised names
ending like an institution), pronouns (he, she, they, it) and role nouns ("the minister", "a
spokesman", "officials", "the ministry"). `antecedents.resolve` then names what a pronoun,
role noun or surname stands for: the most recent fitting full mention before it.

Names are read in namementions.py, role nouns in rolementions.py; `Mention` is mention.py's.
"""

from __future__ import annotations

import re

from materiel.extract.mention import Mention
from materiel.extract.namementions import name_mentions
from materiel.extract.rolementions import role_mentions
from materiel.extract.sentences import Sentence

PRONOUN = re.compile(r"\b(?P<word>he|she|they|it)\b", re.IGNORECASE)


def find_mentions(masked: str, sentences: list[Sentence]) -> list[Mention]:
    """Every possible speaker named in the masked text, in text order."""
    found: list[Mention] = []
    for index, sentence in enumerate(sentences):
        chunk = masked[sentence.start : sentence.end]
        if heading_line(masked, sentence):
            continue  # "HARD CHOICES" between paragraphs: a heading, no one named in it speaks
        dateline = DATELINE.match(chunk)
        skip = sentence.start + (dateline.end() if dateline else 0)
        found.extend(m for m in name_mentions(chunk, sentence.start, index) if m.start >= skip)
        found.extend(_pronouns(chunk, sentence.start, index))
        found.extend(role_mentions(chunk, sentence.start, index))
    return sorted(_without_overlaps(found), key=lambda m: m.start)


# The byline and dateline that open a wire story ("By Anna Berg SEOUL, May 2 (Yonhap) -- ", "NUSA
# DUA – ", "KYIV, March 3 (Reuters) - "): the author and the place it was filed from, who speak
# none of its quotations.
DATELINE = re.compile(
    r"""^\s*(?:By\s+(?:[A-Z][\w'’.-]*\s+){1,4}?)?               # a byline ("By Kim Hyun-soo")
        [A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*                  # the place in capitals
        (?:,\s+[\w .'’-]{1,30}?)?                              # a date or a country ("Dec. 29")
        (?:\s*\([A-Za-z .]+\))?                                 # the agency ("(Reuters)")
        \s+(?:--|[—–-])\s+                                      # the dash before the story
    """,
    re.VERBOSE,
)


# A heading line: all of it in capitals (no lower-case letter; a quotation, masked in lower case,
# makes the line speech), a few words (a paragraph in capitals is text, not a heading), and no
# colon at its end (a transcript's "ZELENSKY:" names who speaks next).
HEADING = re.compile(r"[^a-z\n]*[A-Z]{2}[^a-z\n]*")
HEADING_WORDS = 8  # headings between paragraphs run two to six words; a sentence runs longer


def heading_line(masked: str, sentence: Sentence) -> bool:
    """The sentence is the whole of its line, and that line is a heading in capitals."""
    start = masked.rfind("\n", 0, sentence.start) + 1
    end = masked.find("\n", sentence.end)
    line = masked[start : end if end >= 0 else len(masked)].strip()
    chunk = masked[sentence.start : sentence.end].strip()
    if line != chunk or line.endswith(":") or len(line.split()) > HEADING_WORDS:
        return False
    return HEADING.fullmatch(line) is not None


def _pronouns(chunk: str, offset: int, index: int) -> list[Mention]:
    found = [
        Mention(offset + m.start(), offset + m.end(), m.group(), "pronoun", index) for m in PRONOUN.finditer(chunk)
    ]
    for m in QUOTED_OBJECT.finditer(chunk):  # "quoted him as saying": he speaks
        word = SUBJECT_FORMS[m["word"].lower()]
        found.append(Mention(offset + m.start("word"), offset + m.end("word"), word, "pronoun", index, object=True))
    return found


# The object pronoun of "quoted ... as saying", which names who speaks ("the paper quoted him as
# saying"), in the subject form the rest of the pronouns take.
QUOTED_OBJECT = re.compile(r"\bquoted\s+(?P<word>him|her|them)\s+as\s+(?:saying|telling|stating)\b", re.IGNORECASE)
SUBJECT_FORMS = {"him": "he", "her": "she", "them": "they"}


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    """Where mentions overlap, the earlier-starting and longer one stays."""
    out: list[Mention] = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if out and mention.start < out[-1].end:
            if _extends(out[-1], mention):
                out[-1] = mention
            continue
        out.append(mention)
    return out


def _extends(kept: Mention, later: Mention) -> bool:
    """An institution's name that runs on past a lexicon name it overlaps is the name ("The Times
    of Israel", not "The Times")."""
    return later.kind == "org" and not later.lexicon and bool(kept.lexicon) and later.end > kept.end
