"""A recording's chapter list: lines that each give a time into the recording and a chapter's
name ("00:00 Introduction", "04:15 The Czech initiative"), as a podcast's or a video's page prints
them above or below the transcript. The list is the player's, not the article's: it goes whole
with its heading (reason `video_player`).

A live blog's entries open with a clock time too ("10:32 Ukraine receives first jets"), but each
stands over its own post, not in a run of lines with nothing between; and a run of clock times
is told from a chapter list by its start: a chapter list counts up from the recording's start
("00:00"; a night's timeline from "00:30" is a clock's) or stands under its heading ("Chapters",
"Timestamps").
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.article import Article, Removal

REASON = "video_player"
# A chapter: a time ("04:15", "1:02:30", "[12:40]") and a name of a few words that ends no sentence.
_CHAPTER = regexcache.compile(
    r"""^\W*[\[(]?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[\])]?\s*[-–—:|.]?\s+   # the time into the recording
        ([^\W\d_][^.!?]{0,80})$                                       # the chapter's name, no sentence
    """,
    re.VERBOSE,
)
_HEADING = regexcache.compile(
    r"^\W*(?:(?:episode\ |video\ )?chapters|timestamps|time\ ?codes|kapitel|chapitres|capítulos|розділи|главы)\W*$",
    re.IGNORECASE | re.VERBOSE,
)
# A list holds this many chapters at least: two times in a row may be a post's and its update's.
MIN_CHAPTERS = 3
MAX_CHAPTER_WORDS = 12
# The first chapter of a list without a heading starts at the recording's start.
FIRST_SECONDS = 0


def drop_chapter_lists(article: Article) -> None:
    """Step: a run of MIN_CHAPTERS chapter lines or more, with times counting up, goes with the
    heading over it; without a heading, only a run that starts at the recording's start."""
    lines = article.text.split("\n")
    index = 0
    while index < len(lines):
        run = _run(lines, index)
        headed = index > 0 and _HEADING.match(lines[index - 1].strip()) is not None
        seconds = [_seconds(lines[i]) for i in run]
        starts = bool(seconds) and seconds[0] == FIRST_SECONDS
        if len(run) >= MIN_CHAPTERS and (headed or starts):
            dropped = [index - 1, *run] if headed else run
            article.removed.append(Removal("\n".join(lines[i].strip() for i in dropped), REASON))
            for i in dropped:
                lines[i] = ""
        index = (run[-1] if run else index) + 1
    article.text = "\n".join(lines)


def _run(lines: list[str], start: int) -> list[int]:
    """The indexes of the chapter lines from `start` on, next to each other, their times rising."""
    run: list[int] = []
    last = -1
    for index in range(start, len(lines)):
        seconds = _seconds(lines[index])
        if seconds is None or seconds <= last:
            break
        run.append(index)
        last = seconds
    return run


def _seconds(line: str) -> int | None:
    """The chapter's time in seconds, or None for a line that is no chapter."""
    found = _CHAPTER.match(line.strip())
    if found is None or len(found.group(4).split()) > MAX_CHAPTER_WORDS:
        return None
    hours, minutes, seconds = (int(g) if g else 0 for g in found.group(1, 2, 3))
    if (minutes >= 60 and found.group(1)) or seconds >= 60:
        return None
    return hours * 3600 + minutes * 60 + seconds
