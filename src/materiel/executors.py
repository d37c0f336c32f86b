"""Executors: the same per-article pipeline, sharded three ways.

- in-process: `Runner.run` over the readers' stream (the default);
- a local process pool (`--workers N`): files are the shards; each worker builds its steps once
  (so the spaCy model is loaded once per worker) and returns finished Articles in input order;
- Spark (`materiel.spark`): partitions are the shards, with the same steps in `mapPartitions`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from materiel.article import Article
from materiel.pipeline import Failure, Runner, Step
from materiel.read import read_path

StepsFactory = Callable[[], list[Step]]
_RUNNER: Runner | None = None


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Every file under the given paths, in the readers' order (directories walked, sorted)."""
    from materiel.read import SKIPPED_NAMES

    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            files.append(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files.extend(
                Path(root) / n for n in sorted(names) if not n.startswith(".") and n not in SKIPPED_NAMES
            )
    return files


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
