"""The Soviet Union by the names Russia has now ("Moscow", "the Kremlin", "Russia") in a sentence
its own time phrase dates to the Soviet era: "In the 1980s Moscow supplied Syria with tanks",
"During the Cold War the Kremlin armed Angola", "Under Brezhnev Moscow sold MiGs to Libya" (a
Soviet leader's rule), "Moscow delivered Scud missiles to Iraq in 1988", in an article published
decades later. `lexicon.find_actors` makes the same move by the article's
own date; this one reads the sentence's date, so that an article of 2023 telling the 1980s names
the state of the 1980s.

The sentence must tell a past act (its main verb in the past tense) and name no later time: "in the
1990s Moscow sold Su-27s" is Russia, and so is "a supplier since the 1960s, is delivering S-400s".
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from materiel.extract.lexicon import SOVIET_UNTIL, Mention

# Eras, decades and years of the Soviet state (1917-1991), after a preposition of time.
SOVIET_YEAR = r"19(?:1[7-9]|[2-8]\d|9[01])"
# The Soviet state's leaders, whose rule dates an act to its years ("under Brezhnev").
SOVIET_LEADER = r"(?:Lenin|Stalin|Khrushchev|Brezhnev|Andropov|Chernenko|Gorbachev)"
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
SOVIET_TIME = re.compile(
    rf"""
    \b(?:in|during|throughout|through|by)\s+the\s+(?:(?:early|mid|late)[\s-]+)?19[2-8]0s\b  # "in the 1980s"
  | \b(?:in|during|by)\s+(?:(?:early|mid|late)\s+)?(?:{MONTH}\s+)?(?:\d{{1,2}}\s+)?{SOVIET_YEAR}\b  # "in March 1979"
  | \b(?:during|throughout|in)\s+the\s+(?:early\s+|late\s+)?Cold\s+War\b  # "during the Cold War"
  | \bin\s+Soviet\s+times\b                                                # "in Soviet times"
  | \b(?:under|during\s+the\s+rule\s+of)\s+{SOVIET_LEADER}\b                 # "under Brezhnev": his rule's years
  | \b(?:in|during)\s+the\s+{SOVIET_LEADER}\s+era\b                          # "in the Khrushchev era"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A time after the Soviet Union's end, or one reaching to the present, anywhere in the sentence:
# the act may be Russia's.
LATER_TIME = re.compile(
    r"""
    \b(?:19(?:9[2-9])|20\d\d)\b               # a year after 1991: "in 1995", "in 2015"
  | \b(?:199|20\d)0s\b                        # a later decade: "the 1990s", "the 2000s"
  | \bsince\b                                 # a time reaching to now: "since the 1960s"
  | \b(?:today|now|currently|still|nowadays)\b  # the present
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Past-tense tags ("supplied", "was supplied", "had sold"), and the tags of a main verb or its
# auxiliary that tell the present or the future ("sells", "is delivering", "will send").
PAST_TAGS = {"VBD"}
NOW_TAGS = {"VBZ", "VBP", "MD"}
AUXILIARIES = {"aux", "auxpass"}


def in_their_time(mentions: list[Mention], doc: Doc, year: int | None) -> list[Mention]:
    """The mentions, Russia's in a sentence dated to the Soviet era made the Soviet Union's, in a
    paragraph whose text `doc` parses, of an article of `year` (None when unknown)."""
    if year is not None and year <= SOVIET_UNTIL:
        return mentions  # find_actors made them the Soviet Union's already
    return [_in_sentence_time(m, doc) if m.id == "RUS" else m for m in mentions]


def _in_sentence_time(mention: Mention, doc: Doc) -> Mention:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    sentence = span.root.sent
    if not SOVIET_TIME.search(sentence.text) or LATER_TIME.search(sentence.text) or not _past(sentence):
        return mention
    return replace(mention, id="SUN", name="Soviet Union")


def _past(sentence: Span) -> bool:
    """The sentence tells a past act: a past-tense verb in it ('supplied', 'was shipped', 'had
    sold'; the parser may not make it the root), and its main verb not in the present or future."""
    root = sentence.root
    now = root.tag_ in NOW_TAGS or any(c.dep_ in AUXILIARIES and c.tag_ in NOW_TAGS for c in root.children)
    return not now and any(t.tag_ in PAST_TAGS for t in sentence)
