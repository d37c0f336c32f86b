"""CPU seconds of the whole pipeline on a fixed sample of relevant articles (every STEP-th corpus
article, the sample speed23 and perf24 profiled), in one process after a warm-up, optionally under
cProfile and with the articles' records written out to compare outputs byte for byte.

    .venv/bin/python tools/relevant_sample.py [--step 6] [--profile OUT.pstats] [--dump OUT.jsonl]

Run another tree's src by putting it first on PYTHONPATH (main's venv python, not .venv/bin's
wrapper, which puts this worktree's src first). Prints one line: articles, CPU s, wall s, load.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import time
from pathlib import Path

from materiel import api
from materiel.article import Article
from materiel.pipeline import Runner

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
WARM_UP = 3  # articles run once before timing: the model's load and first-use caches


def sample(step: int) -> list[Path]:
    return sorted((SHARED / "corpus").rglob("*.txt"))[::step]


def run(paths: list[Path], runner: Runner) -> list[Article]:
    return [item for item in api.extract(paths, runner) if isinstance(item, Article)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=6)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    paths = sample(args.step)
    runner = Runner(api.extract_steps())
    run(paths[:WARM_UP], runner)
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    articles = run(paths, runner)
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    cpu, wall = time.process_time() - cpu_started, time.perf_counter() - started
    if args.dump:
        with args.dump.open("w") as out:
            for article in articles:
                out.write(json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    load = os.getloadavg()[0]
    print(f"{len(articles)} articles  cpu {cpu:.2f} s  wall {wall:.2f} s  load {load:.1f}")


if __name__ == "__main__":
    main()
