"""Throughput: the whole pipeline against bare spaCy parsing, in one run, on a mixed corpus.

    .venv/bin/python bench/throughput.py [--repeat 10] [--skip-spark] [--skip-pool] [--write bench/RESULTS.md]

The corpus is every article of ../shared/corpus (the seed, dev and train: 294 pages, nearly all
about arms and aid), the 181 article-extraction benchmark pages (general news) and the examples,
copied `--repeat` times; 60% of it is relevant, where the first version of this benchmark (25 dev
articles beside the same 181 pages) was 12% relevant, so its ratio is not comparable with the
figures measured before the corpus grew. Measured in this one run, on this
machine: bare spaCy `nlp.pipe` over every article's clean text (the cost of parsing everything),
`materiel extract` in one process, the process pool with 2 workers, and Spark `local[2]`. It
reports articles per second, the ratio to bare spaCy, and the peak RSS of a worker; for the runs
in this process (bare spaCy, materiel in one process) also CPU seconds and their ratio, the figure
to read when other work shares the machine. The same is
measured on the relevant articles alone (../shared/corpus).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

from materiel import api
from materiel.article import Article
from materiel.extract.nlp import load_model
from materiel.pipeline import Runner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def build_corpus(folder: Path, repeat: int, relevant_only: bool = False) -> list[Path]:
    sources = sorted((SHARED / "corpus").rglob("*.txt"))
    if not relevant_only:
        sources += sorted((SHARED / "bench" / "article-extraction" / "html").glob("*.html.gz"))
        sources += sorted(p for p in (ROOT / "examples").iterdir() if p.is_file())
    for copy in range(repeat):
        target = folder / f"copy{copy:02d}"
        target.mkdir(parents=True, exist_ok=True)
        for source in sources:
            shutil.copy(source, target / source.name)
    return [folder]


def count_articles(paths: list[Path]) -> int:
    return sum(1 for item in api.clean(paths) if isinstance(item, Article))


def bare_spacy(paths: list[Path]) -> tuple[float, float]:
    """Seconds and CPU seconds of parsing every article's clean text."""
    texts = [a.text for a in api.clean(paths) if isinstance(a, Article)]
    nlp = load_model()
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started, time.process_time() - cpu_started


def in_process(paths: list[Path]) -> tuple[float, float]:
    """Seconds and CPU seconds of the whole pipeline in this process (reading included)."""
    runner = Runner(api.extract_steps())
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in api.extract(paths, runner):
        pass
    return time.perf_counter() - started, time.process_time() - cpu_started


def pool(paths: list[Path], workers: int) -> float:
    started = time.perf_counter()
    for _ in api.extract(paths, workers=workers):
        pass
    return time.perf_counter() - started


def spark_local(paths: list[Path], workers: int) -> tuple[float, int]:
    from materiel import spark

    watcher = PeakRSS("pyspark")
    watcher.start()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        spark.run([str(p) for p in paths], out, master=f"local[{workers}]")
    seconds = time.perf_counter() - started
    watcher.stop()
    return seconds, watcher.peak_kb


class PeakRSS(threading.Thread):
    """Samples the high-water RSS (VmHWM) of processes whose command line names `marker`."""

    def __init__(self, marker: str) -> None:
        super().__init__(daemon=True)
        self.marker, self.peak_kb, self.running = marker, 0, True

    def run(self) -> None:
        while self.running:
            for proc in Path("/proc").glob("[0-9]*"):
                try:
                    if self.marker in (proc / "cmdline").read_text(errors="ignore"):
                        for line in (proc / "status").read_text().splitlines():
                            if line.startswith("VmHWM:"):
                                self.peak_kb = max(self.peak_kb, int(line.split()[1]))
                except OSError:
                    continue
            time.sleep(0.3)

    def stop(self) -> None:
        self.running = False
        self.join()


def measure(paths: list[Path], skip_spark: bool, skip_pool: bool = False) -> dict:
    """Each run's seconds and articles per second, and its ratio to bare spaCy's; for the runs in
    this process also CPU seconds and their ratio, which other work on a shared machine disturbs
    less than wall time."""
    articles = count_articles(paths)
    seconds, cpu = bare_spacy(paths)
    rows = {"bare spaCy nlp.pipe": {"seconds": seconds, "cpu_seconds": cpu}}
    seconds, cpu = in_process(paths)
    rows["materiel extract, 1 process"] = {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    if not skip_pool:
        rows["materiel extract --workers 2"] = {
            "seconds": pool(paths, 2),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        }
    if not skip_spark:
        seconds, peak = spark_local(paths, 2)
        rows["materiel spark local[2]"] = {"seconds": seconds, "peak_rss_mb": peak / 1024}
    base = rows["bare spaCy nlp.pipe"]
    for row in rows.values():
        row["articles_per_second"] = articles / row["seconds"]
        row["ratio_to_bare_spacy"] = base["seconds"] / row["seconds"]
        if "cpu_seconds" in row:
            row["cpu_ratio_to_bare_spacy"] = base["cpu_seconds"] / row["cpu_seconds"]
    return {"articles": articles, "rows": rows}


def table(title: str, result: dict) -> str:
    lines = [
        f"### {title} ({result['articles']} articles)",
        "",
        "| run | seconds | articles/s | x bare spaCy | CPU seconds | x bare spaCy (CPU) | peak RSS per worker (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in result["rows"].items():
        rss = f"{row['peak_rss_mb']:.0f}" if "peak_rss_mb" in row else ""
        cpu = f"{row['cpu_seconds']:.1f} | {row['cpu_ratio_to_bare_spacy']:.2f}" if "cpu_seconds" in row else " | "
        lines.append(
            f"| {name} | {row['seconds']:.1f} | {row['articles_per_second']:.1f} | "
            f"{row['ratio_to_bare_spacy']:.2f} | {cpu} | {rss} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--skip-pool", action="store_true", help="leave out the run with 2 workers")
    parser.add_argument("--write", type=Path, help="write the tables to this Markdown file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as mixed_dir, tempfile.TemporaryDirectory() as relevant_dir:
        mixed = measure(build_corpus(Path(mixed_dir), args.repeat), args.skip_spark, args.skip_pool)
        relevant = measure(build_corpus(Path(relevant_dir), args.repeat, relevant_only=True), True, args.skip_pool)
    header = (
        f"Measured {date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; spaCy model: {load_model().meta['name']}."
    )
    text = "\n\n".join([header, table("Mixed corpus", mixed), table("Relevant articles only", relevant)])
    print(text)
    if args.write:
        args.write.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
