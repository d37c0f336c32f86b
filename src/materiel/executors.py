"""Executors: the same per-article pipeline, sharded three ways.

- in-process: `Runner.run` over the readers' stream (the default);
- a local process pool (`--workers N`): files are the shards; each worker builds its steps once
  (so the spaCy model is loaded once per worker) and returns finished Articles in input order;
- Spark (`materiel.spark`): partitions are the shards, with the same steps in `mapPartitions`.
"""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from types import FrameType
from typing import NoReturn

from materiel.article import Article
from materiel.clean import UNDATED_RULE_STEPS
from materiel.clean.siterepeat import SharedSiteMemory, SiteMemory, SitePage, SiteRepeats, add_shards, count_shard
from materiel.errors import Interrupted
from materiel.pipeline import Failure, Runner, Step
from materiel.read import files_or_empty, read_path

StepsFactory = Callable[[], list[Step]]
SiteCounts = dict[str, Counter[int]]
_RUNNER: Runner | None = None


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Every file under the given paths, in the readers' order, and each named folder with no page
    (`read_path` reports it)."""
    return list(files_or_empty(paths))


def _quiet_on_ctrl_c() -> None:
    """A worker's start: Ctrl-C, which a terminal sends the whole process group, ends the worker
    without the traceback an idle worker printed (KeyboardInterrupt in its queue's get); the
    parent says what was done in its `interrupted` line."""
    signal.signal(signal.SIGINT, _leave)


def _leave(_signum: int, _frame: FrameType | None) -> NoReturn:
    os._exit(Interrupted.exit_code)


def _init(factory: StepsFactory, sites: SiteCounts | None = None) -> None:
    global _RUNNER
    _quiet_on_ctrl_c()
    steps = factory()
    if sites is not None:
        steps = [SiteRepeats(sites, frozen=True) if isinstance(s, SiteRepeats) else s for s in steps]
    _RUNNER = Runner(steps)


def _work(path: Path) -> list[Article | Failure]:
    assert _RUNNER is not None
    return list(_RUNNER.run(read_path(path)))


def _count(memory: SiteMemory | None, path: Path) -> tuple[SiteCounts, list[SitePage]]:
    """The site counts of one file's pages and the pages counted (the rule steps only, without the
    date: it is not text)."""
    runner = Runner(UNDATED_RULE_STEPS)
    return count_shard((a for a in runner.run(read_path(path)) if isinstance(a, Article)), memory)


def run_pool(
    paths: Iterable[str | Path], factory: StepsFactory, workers: int, memory: SharedSiteMemory | None = None
) -> Iterator[Article | Failure]:
    """Articles and failures of every file, computed by `workers` processes, in input order. When
    the steps count lines per site, a first pass counts every file's pages (those `memory`, the
    ledger, has not counted) and each worker gets the total with the ledger's counts added, so
    sharding changes nothing."""
    files = expand(paths)
    # No more processes than files to share out or cores to run them (each of extract's loads the
    # NLP model: `--workers 64` on a laptop would fork 64 of them and exhaust its memory).
    workers = max(1, min(workers, len(files), os.cpu_count() or 1))
    chunk = _chunk(len(files), workers)
    sites = None
    if any(isinstance(s, SiteRepeats) for s in factory()):
        count = partial(_count, memory.counted_pages() if memory is not None else None)
        with ProcessPoolExecutor(max_workers=workers, initializer=_quiet_on_ctrl_c) as pool:
            sites = add_shards(pool.map(count, files, chunksize=chunk))
        if memory is not None:
            memory.add_to(sites)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(factory, sites)) as pool:
        for results in pool.map(_work, files, chunksize=chunk):
            yield from results


def _chunk(files: int, workers: int) -> int:
    """Several files per task amortise the hand-off; enough tasks per worker keep the load even."""
    return max(1, min(16, files // (workers * 8)))
