"""Budgets: no article hangs a worker, no huge page is fed whole to the NLP."""

from __future__ import annotations

import json
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
    # skipped as its message says, and counted so: it is no failure of the input
    assert result.skipped and result.to_dict()["error"] == "skipped"
    assert runner.counters == {"skipped": 1}


def test_a_page_over_the_time_budget_is_a_skip_in_a_batch_s_exit_code_and_lines(tmp_path) -> None:
    """`clean` of two pages, each past a budget of a microsecond: two `skipped` lines and exit 0,
    as for an empty page (it was "skipped" in words, a read_error in its key, and exit 1)."""
    from tests.test_cli import materiel

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Norway has sent eight tanks to Ukraine, the ministry said.")
    result = materiel("clean", str(tmp_path), "-f", "jsonl", env={"MATERIEL_TIME_BUDGET": "0.000001"})
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(line["error"], "time budget" in line["message"]) for line in lines] == [("skipped", True)] * 2
    assert result.returncode == 0 and result.stdout == ""


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
    # the page's own trouble, as an empty page's: 422 skipped, not the 400 of a malformed request
    assert response.status_code == 422
    assert response.json() == {"error": "skipped", "source": None, "message": over_budget(0.5)}
    assert over_budget(0.5) == "over the time budget of 0.5 s per article: skipped, not stored"
    assert extractor.process is None, "the stuck worker was killed"


def _broken(article: Article) -> None:
    raise KeyError("a bug met on this page")


def broken_steps() -> list:
    return [_broken]


def test_a_posted_page_that_meets_a_bug_is_the_server_s_error_not_the_client_s(tmp_path) -> None:
    """A step's bug on the page is a 500 internal_error: it was a 400 usage_error, telling the
    client that its well-formed request was malformed."""
    from fastapi.testclient import TestClient

    from materiel.web.app import create_app
    from materiel.web.worker import Extractor

    extractor = Extractor(broken_steps, budget=30)
    client = TestClient(create_app(f"sqlite:///{tmp_path / 'l.db'}", token="t", extractor=extractor))
    try:
        response = client.post(
            "/api/v1/articles", json={"text": "Norway sent 8 tanks."}, headers={"Authorization": "Bearer t"}
        )
    finally:
        extractor.stop()
    assert response.status_code == 500
    body = response.json()
    assert body["error"] == "internal_error" and "KeyError" in body["message"]
