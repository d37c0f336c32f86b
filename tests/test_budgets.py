"""Budgets: no article hangs a worker, no huge page is fed whole to the NLP."""

from __future__ import annotations

import signal
import time

import pytest

from materiel.article import Article
from materiel.extract.gate import MAX_NLP_CHARS
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


@pytest.mark.parametrize("error", [KeyError("boom"), AttributeError("'NoneType' has no 'text'"), ZeroDivisionError()])
def test_an_unexpected_step_error_becomes_a_failure_and_the_batch_goes_on(error: Exception) -> None:
    def broken(article: Article) -> None:
        if article.source == "bad.txt":
            raise error

    pages = [Article(id=name, source=f"{name}.txt", text="x") for name in ("good", "bad", "next")]
    results = list(Runner([broken]).run(pages))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert type(error).__name__ in results[1].problem


@pytest.mark.slow
def test_a_huge_article_is_analysed_up_to_the_budget(extract_text) -> None:
    sentence = "Poland has sent {} tanks to Ukraine, the ministry said on Monday. "
    paragraphs = ["".join(sentence.format(n * 20 + k) for k in range(20)) for n in range(240)]  # all distinct
    assert sum(map(len, paragraphs)) > MAX_NLP_CHARS
    article = extract_text("\n\n".join(paragraphs))
    assert article.notes and "first" in article.notes[0]
    assert article.transfers


def _stuck(article: Article) -> None:
    """A step the timer signal cannot stop (as a regex backtracking inside C would be)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(60)


def stuck_steps() -> list:
    return [_stuck]


def test_a_page_posted_to_the_api_is_given_up_after_the_budget(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from materiel.web.app import create_app
    from materiel.web.worker import Extractor, over_budget

    extractor = Extractor(stuck_steps, budget=0.5)
    client = TestClient(create_app(f"sqlite:///{tmp_path / 'l.db'}", token="t", extractor=extractor))
    response = client.post(
        "/api/v1/articles", json={"text": "Norway sent 8 tanks."}, headers={"Authorization": "Bearer t"}
    )
    assert response.status_code == 400
    assert response.json() == {"error": "usage_error", "source": None, "message": over_budget(0.5)}
    assert over_budget(0.5) == "skipped: over the time budget of 0.5 s per article"
    assert extractor.process is None, "the stuck worker was killed"
