"""Executors: the same per-article pipeline, sharded three ways.

- in-process: `Runner.run` over the readers' stream (the default);
- a local process pool (`--workers N`): files are the shards; each worker builds its steps once
  (so the spaCy model is loaded once per worker) and returns finished Articles in input order;
- Spark (`materiel.spark`): partitions are the shards, with the same steps in `mapPartitions`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from materiel.article import Article
from materiel.pipeline import Failure, Runner, Step
from materiel.read import read_path, walk

StepsFactory = Callable[[], list[Step]]
_RUNNER: Runner | None = None


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Every file under the given paths, in the readers' order."""
    return list(walk(paths))


def _init(factory: StepsFactory) -> None:
    global _RUNNER
    _RUNNER = Runner(factory())


def _work(path: Path) -> list[Article | Failure]:
    assert _RUNNER is not None
    return list(_RUNNER.run(read_path(path)))


def run_pool(paths: Iterable[str | Path], factory: StepsFactory, workers: int) -> Iterator[Article | Failure]:
    """Articles and failures of every file, computed by `workers` processes, in input order."""
    files = expand(paths)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(factory,)) as pool:
        for results in pool.map(_work, files, chunksize=_chunk(len(files), workers)):
            yield from results


def _chunk(files: int, workers: int) -> int:
    """Several files per task amortise the hand-off; enough tasks per worker keep the load even."""
    return max(1, min(16, files // (workers * 8)))
