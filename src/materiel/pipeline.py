"""The base runner: owns the loop over articles, the counters and per-article error capture.

A stage is a list of steps; a step is a callable that takes one Article and changes it in
place, recording what it changed on the article (a repair, a removal, a finding). One bad
article never stops a batch: its exception becomes a `Failure` and the loop goes on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from materiel.article import Article
from materiel.errors import MaterielError

Step = Callable[[Article], None]


@dataclass
class Failure:
    """An input that produced no article, and why."""

    source: str
    problem: str

    def to_dict(self) -> dict[str, str]:
        return {"error": "read_error", "source": self.source, "message": self.problem}


class Runner:
    """Runs steps over a stream of articles (and passes failures through, counted)."""

    def __init__(self, steps: Iterable[Step]) -> None:
        self.steps = list(steps)
        self.counters: Counter[str] = Counter()

    def run(self, items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
        for item in items:
            if isinstance(item, Failure):
                self.counters["failed"] += 1
                yield item
                continue
            yield self.run_one(item)

    def run_one(self, article: Article) -> Article | Failure:
        for step in self.steps:
            try:
                step(article)
            except MaterielError as error:
                return self._fail(article, str(error))
            except (ValueError, RuntimeError, MemoryError, RecursionError, OSError) as error:
                return self._fail(article, f"{_name(step)} failed: {type(error).__name__}: {error}")
        self.counters["articles"] += 1
        self.counters["transfers"] += len(article.transfers)
        return article

    def _fail(self, article: Article, problem: str) -> Failure:
        self.counters["failed"] += 1
        return Failure(article.source, problem)


def _name(step: Step) -> str:
    return getattr(step, "__name__", type(step).__name__)
