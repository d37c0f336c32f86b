"""A recording's chapter list (clean/chapters.py): a run of times into the recording, each with a
chapter's name, goes with its heading; a live blog's clock times and an article's timeline stay."""

from __future__ import annotations

import pytest

from materiel.clean.chapters import drop_chapter_lists
from tests.builders import article_of

STORY = "The Czech government said its initiative had delivered more shells to Ukraine this year."


@pytest.mark.parametrize(
    "lines",
    [
        ["00:00 Introduction", "04:15 The Czech initiative", "19:40 Europe's production gap"],
        ["Chapters", "02:10 Why shells run short", "14:05 Who pays", "31:40 What comes next"],
        ["Timestamps", "[0:45] The deal", "[12:30] The factories", "[1:02:10] Questions from listeners"],
        ["0:00 - Intro", "3:20 - The first tanks", "11:05 - Training the crews", "25:10 - Outro"],
    ],
)
def test_a_chapter_list_goes_whole(lines: list[str]) -> None:
    article = article_of("\n".join([*lines, "", STORY]))
    drop_chapter_lists(article)
    assert article.text.strip() == STORY
    assert [r.reason for r in article.removed] == ["video_player"]


@pytest.mark.parametrize(
    "lines",
    [
        # a live blog's posts: a clock time over each, prose between
        ["14:05 Sweden to send two more radar aircraft", STORY, "12:31 Drone factory deal signed in Lviv", STORY],
        # a day's programme in an article: clock times that do not start at the recording's start
        ["10:00 Ministers arrive in Brussels", "11:30 Talks on air defence", "14:00 Press conference"],
        # a night's attack as a timeline: its first time is a clock's, not 00:00
        ["00:30 Air raid alert in Kyiv", "01:15 Explosions heard in the east", "02:40 Alert lifted"],
        # two times alone are no list
        ["00:00 Introduction", "04:15 The Czech initiative"],
        # times that do not rise are no chapters
        ["00:00 Introduction", "19:40 Europe's production gap", "04:15 The Czech initiative"],
        # entries that are sentences
        ["00:00 The minister spoke first.", "04:15 The general answered.", "09:30 The talks ended."],
    ],
)
def test_clock_times_and_timelines_stay(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = article_of(text)
    drop_chapter_lists(article)
    assert article.text == text
    assert article.removed == []
