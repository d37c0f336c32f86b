"""Budgets: no article hangs a worker, no huge page is fed whole to the NLP."""

from __future__ import annotations

import time

import pytest

from materiel.article import Article
from materiel.extract.context import MAX_NLP_CHARS
from materiel.pipeline import Failure, Runner


def test_an_article_over_the_time_budget_is_skipped_with_a_reason() -> None:
    def slow(article: Article) -> None:
        time.sleep(5)

    runner = Runner([slow], time_budget=0.2)
    started = time.monotonic()
    result = runner.run_one(Article(id="a", source="slow.txt", text="x"))
    assert time.monotonic() - started < 2
    assert isinstance(result, Failure) and "time budget" in result.problem
    assert runner.counters["failed"] == 1


def test_an_unexpected_step_error_becomes_a_failure() -> None:
    def broken(article: Article) -> None:
        raise KeyError("boom")

    result = Runner([broken]).run_one(Article(id="a", source="bad.txt", text="x"))
    assert isinstance(result, Failure) and "KeyError" in result.problem


@pytest.mark.slow
def test_a_huge_article_is_analysed_up_to_the_budget(extract_text) -> None:
    sentence = "Poland has sent {} tanks to Ukraine, the ministry said on Monday. "
    paragraphs = ["".join(sentence.format(n * 20 + k) for k in range(20)) for n in range(240)]  # all distinct
    assert sum(map(len, paragraphs)) > MAX_NLP_CHARS
    article = extract_text("\n\n".join(paragraphs))
    assert article.notes and "first" in article.notes[0]
    assert article.transfers
