"""The base runner: owns the loop over articles, the counters and per-article error capture.

A stage is a list of steps; a step is a callable that takes one Article and changes it in
place, recording what it changed on the article (a repair, a removal, a finding). One bad
article never stops a batch: its exception becomes a `Failure` and the loop goes on.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from materiel.article import Article
from materiel.errors import MaterielError

Step = Callable[[Article], None]
# Seconds one article may take through all steps before it is given up with a recorded reason,
# so that no pathological page hangs a worker (MATERIEL_TIME_BUDGET overrides; 0 turns it off).
TIME_BUDGET_SECONDS = float(os.environ.get("MATERIEL_TIME_BUDGET", "120"))


class OverBudget(Exception):
    """An article took longer than the time budget."""


@dataclass
class Failure:
    """An input that produced no article, and why."""

    source: str
    problem: str

    def to_dict(self) -> dict[str, str]:
        return {"error": "read_error", "source": self.source, "message": self.problem}


class Runner:
    """Runs steps over a stream of articles (and passes failures through, counted)."""

    def __init__(self, steps: Iterable[Step], time_budget: float = TIME_BUDGET_SECONDS) -> None:
        self.steps = list(steps)
        self.time_budget = time_budget
        self.counters: Counter[str] = Counter()

    def run(self, items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
        for item in items:
            if isinstance(item, Failure):
                self.counters["failed"] += 1
                yield item
                continue
            yield self.run_one(item)

    def run_one(self, article: Article) -> Article | Failure:
        try:
            with _deadline(self.time_budget):
                for step in [] if article.done else self.steps:
                    problem = _run_step(step, article)
                    if problem is not None:
                        return self._fail(article, problem)
        except OverBudget:
            return self._fail(article, f"skipped: over the time budget of {self.time_budget:g} s per article")
        self.counters["articles"] += 1
        self.counters["transfers"] += len(article.transfers)
        return article

    def _fail(self, article: Article, problem: str) -> Failure:
        self.counters["failed"] += 1
        return Failure(article.source, problem)


def _run_step(step: Step, article: Article) -> str | None:
    """None when the step went well, else what went wrong (one bad page never stops a batch)."""
    try:
        step(article)
    except MaterielError as error:
        return str(error)
    except (ValueError, RuntimeError, MemoryError, RecursionError, OSError, LookupError, TypeError) as error:
        return f"{_name(step)} failed: {type(error).__name__}: {error}"
    return None


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise OverBudget after `seconds` (a timer signal: only in a process's main thread)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame):
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _name(step: Step) -> str:
    return getattr(step, "__name__", type(step).__name__)
