"""The base runner: owns the loop over articles, the counters and per-article error capture.

A stage is a list of steps; a step is a callable that takes one Article and changes it in
place, recording what it changed on the article (a repair, a removal, a finding). One bad
article never stops a batch: its exception becomes a `Failure` and the loop goes on.
"""

from __future__ import annotations

import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from types import FrameType
from typing import NoReturn, Protocol, runtime_checkable

from materiel.article import Article
from materiel.errors import MaterielError, Skipped, error_shape, number_setting

Step = Callable[[Article], None]
# Articles a runner holds at once for a batch step: the step sees all of them before it runs on
# any. Enough pages of one site for its repeated lines to show; few enough to hold in memory.
BATCH_SIZE = 512
# Seconds one article may take through all steps before it is given up with a recorded reason,
# so that no pathological page hangs a worker (MATERIEL_TIME_BUDGET overrides; 0 turns it off).
TIME_BUDGET_SECONDS = number_setting("MATERIEL_TIME_BUDGET", 120, minimum=0)


class OverBudget(Exception):
    """An article took longer than the time budget."""


# The code of an input that could not be read (a failure: the exit status says so).
READ_ERROR = "read_error"
# The code of an input passed over on purpose, with its reason (an empty page): reported and
# counted, but no failure; the exit status stays 0 for it.
SKIPPED = "skipped"


@dataclass
class Failure:
    """An input that produced no article, and why: unreadable, or skipped (`code`)."""

    source: str
    problem: str
    code: str = READ_ERROR

    @property
    def skipped(self) -> bool:
        return self.code == SKIPPED

    def to_dict(self) -> dict[str, str | None]:
        return error_shape(self.code, self.problem, self.source)


def skip(source: str, reason: str) -> Failure:
    """An input passed over on purpose, with its reason."""
    return Failure(source, reason, SKIPPED)


def over_budget(seconds: float) -> str:
    """Why an article was given up: a skip, as its words say (it was a read_error, exit 1, and the
    API's 400 of a malformed request)."""
    return f"over the time budget of {seconds:g} s per article: skipped, not stored"


@runtime_checkable
class BatchStep(Protocol):
    """A step that learns from a batch: `observe` sees every article of a batch (after the steps
    before it) before the step runs on any of them. On a single article it runs alone, with
    what earlier batches taught it."""

    def observe(self, article: Article) -> None: ...

    def __call__(self, article: Article) -> None: ...


class Runner:
    """Runs steps over a stream of articles (and passes failures through, counted)."""

    def __init__(self, steps: Iterable[Step], time_budget: float = TIME_BUDGET_SECONDS) -> None:
        self.steps = list(steps)
        self.time_budget = time_budget
        self.counters: Counter[str] = Counter()
        self.batch = next((i for i, s in enumerate(self.steps) if isinstance(s, BatchStep)), None)

    def run(self, items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
        if self.batch is None:
            for item in items:
                yield self._count(item) if isinstance(item, Failure) else self.run_one(item)
            return
        for chunk in batched(items, BATCH_SIZE):
            yield from self._run_batch(chunk, self.batch)

    def _run_batch(self, chunk: list[Article | Failure], split: int) -> Iterator[Article | Failure]:
        """The steps before the batch step on every article, then the batch step's observation of
        them all, then the rest, article by article (input order kept)."""
        firsts = [item if isinstance(item, Failure) else self._part(item, self.steps[:split]) for item in chunk]
        step = self.steps[split]
        for item in firsts:
            if isinstance(item, Article) and not item.done:
                step.observe(item)  # type: ignore[attr-defined]
        for item in firsts:
            yield self._count(item) if isinstance(item, Failure) else self._finish(self._part(item, self.steps[split:]))

    def run_one(self, article: Article) -> Article | Failure:
        return self._finish(self._part(article, self.steps))

    def _part(self, article: Article, steps: list[Step]) -> Article | Failure:
        """The article through `steps`, or its Failure (one bad page never stops a batch)."""
        try:
            with _deadline(self.time_budget):
                for step in [] if article.done else steps:
                    failure = _run_step(step, article)
                    if failure is not None:
                        return failure
        except OverBudget:
            return skip(article.source, over_budget(self.time_budget))
        return article

    def _finish(self, item: Article | Failure) -> Article | Failure:
        if isinstance(item, Failure):
            return self._count(item)
        self.counters["articles"] += 1
        self.counters["transfers"] += len(item.transfers)
        return item

    def _count(self, failure: Failure) -> Failure:
        self.counters["skipped" if failure.skipped else "failed"] += 1
        return failure


def _run_step(step: Step, article: Article) -> Failure | None:
    """None when the step went well, else what went wrong (one bad page never stops a batch): a
    step that skips the page (Skipped: nothing in it to extract) says why, and it is no failure."""
    try:
        step(article)
    except MaterielError as error:
        return Failure(article.source, str(error), SKIPPED if isinstance(error, Skipped) else READ_ERROR)
    except OverBudget:
        raise
    except Exception as error:  # a bug met on one page (AttributeError, ZeroDivisionError, ...) fails that page only
        return Failure(article.source, f"{_name(step)} failed: {type(error).__name__}: {error}")
    return None


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise OverBudget after `seconds` (a timer signal: only in a process's main thread)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> NoReturn:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def batched(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    """Lists of `size` items (the last one shorter); itertools.batched is Python 3.12+."""
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk


def _name(step: Step) -> str:
    return getattr(step, "__name__", type(step).__name__)
