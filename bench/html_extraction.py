"""HTML main-text extraction: materiel against trafilatura and Resiliparse, in one run.

    .venv/bin/python bench/html_extraction.py [--shared ../shared] [--json] [--sweep] [--dated] [--rounds N]

Runs each extractor over the article-extraction benchmark pages (`../shared/bench/article-extraction`),
scores them with `../shared/eval/score_extraction.py` (word 4-gram precision and recall per page),
and times each one in this process (pages per second, parsing included, reading excluded). It also
times the whole `materiel clean` process against a whole process running trafilatura, since that
is what a user waits for. Ratios are against trafilatura measured in the same run. `--sweep`
reruns materiel with other settings of the check that sends a page on to trafilatura.
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import trafilatura
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from materiel.article import Article
from materiel.clean import CLEAN_STEPS, RULE_STEPS, UNDATED_RULE_STEPS
from materiel.clean.maintext import fast_text
from materiel.pipeline import Runner

ROOT = Path(__file__).resolve().parents[1]
# The steps of `materiel clean` but its site step (one page at a time): no date is looked for, as
# the command shows none (`--dated` times the cleaning with the date, as `extract` runs it).
CLEANING = Runner([*UNDATED_RULE_STEPS, *CLEAN_STEPS[len(RULE_STEPS) :]])


def materiel_text(html: str) -> str:
    """What `materiel clean` makes of a page: main text, then the whole cleaning."""
    result = CLEANING.run_one(Article(id="p", source="p", html=html))
    return result.text if isinstance(result, Article) else ""


def trafilatura_best(html: str) -> str:
    return trafilatura.extract(html, favor_precision=True, include_comments=False) or ""


def trafilatura_default(html: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def resiliparse_text(html: str) -> str:
    return extract_plain_text(HTMLTree.parse(html), main_content=True, alt_texts=False, links=False)


EXTRACTORS = {
    "materiel": materiel_text,
    "trafilatura (favor_precision)": trafilatura_best,
    "trafilatura (default)": trafilatura_default,
    "resiliparse (main_content)": resiliparse_text,
}


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", shared / "eval" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(shared: Path, rounds: int = 3) -> dict:
    bench = shared / "bench" / "article-extraction"
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        p.name.removesuffix(".html.gz"): gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
        for p in sorted((bench / "html").glob("*.html.gz"))
    }
    scorer = load_scorer(shared)
    results = {}
    for name, extract in EXTRACTORS.items():
        started, cpu_started = time.perf_counter(), time.process_time()
        output = {page: extract(html) for page, html in pages.items()}
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        scores = {p: scorer.page_scores(truth[p]["articleBody"], output.get(p, "")) for p in truth}
        names = sorted(truth)
        results[name] = {
            **_f1(list(scores.values())),
            "f1_halves": [_f1([scores[p] for p in names[start::2]])["f1"] for start in (0, 1)],
            "pages_per_second": len(pages) / seconds,
            "pages_per_cpu_second": len(pages) / cpu,
        }
    results["to_trafilatura"] = sum(not fast_text(HTMLTree.parse(html)).trusted for html in pages.values())
    results["pages"] = len(pages)
    results["processes"] = _whole_process(bench, rounds)
    return results


def _f1(scores: list[tuple[float, float]]) -> dict:
    """Precision and recall averaged over pages, and their harmonic mean (as score_extraction.py)."""
    precision = sum(s[0] for s in scores) / len(scores)
    recall = sum(s[1] for s in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _whole_process(bench: Path, repeat: int = 3) -> dict:
    """Pages per second of each whole process, the median of `repeat` runs taken in turn: per
    second of wall time, and per second of CPU time (user and system), which other work on a shared
    machine disturbs less."""
    files = [str(p) for p in sorted((bench / "html").glob("*.html.gz"))]
    ours = [str(ROOT / ".venv" / "bin" / "materiel"), "clean", *files, "--format", "jsonl"]
    ours_pool = [*ours, "--workers", "2"]
    theirs = [
        sys.executable,
        "-c",
        "import gzip,sys,trafilatura\n"
        "for f in sys.argv[1:]:\n"
        " trafilatura.extract(gzip.decompress(open(f,'rb').read()).decode('utf-8','replace'),"
        "favor_precision=True,include_comments=False)",
        *files,
    ]
    commands = {"materiel clean": ours, "materiel clean --workers 2": ours_pool, "trafilatura process": theirs}
    with tempfile.TemporaryDirectory(prefix="materiel-bench-regex-") as store:
        # materiel's own pattern store, as an installed copy has: the shared default folder is
        # rewritten by every other copy of materiel that runs meanwhile (a worktree, main), each
        # storing its own patterns, and the timed runs then compiled theirs again (materiel clean
        # read 2.12 s of CPU against 1.78 s with a store of its own, in one run each under load)
        os.environ.setdefault("MATERIEL_REGEX_CACHE", store)
        try:
            return _timed(commands, repeat, len(files))
        finally:
            if os.environ["MATERIEL_REGEX_CACHE"] == store:
                del os.environ["MATERIEL_REGEX_CACHE"]


def _timed(commands: dict[str, list[str]], repeat: int, pages: int) -> dict:
    _warm(commands)
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            started, cpu_started = time.perf_counter(), _children_cpu()
            subprocess.run(command, check=True, capture_output=True)
            seconds[name].append(time.perf_counter() - started)
            cpu[name].append(_children_cpu() - cpu_started)
    timing = {name: pages / statistics.median(runs) for name, runs in seconds.items()}
    timing["ratio"] = timing["materiel clean"] / timing["trafilatura process"]
    timing["ratio_pool"] = timing["materiel clean --workers 2"] / timing["trafilatura process"]
    timing["cpu_seconds"] = {name: statistics.median(runs) for name, runs in cpu.items()}
    timing["cpu_ratio"] = statistics.median(cpu["trafilatura process"]) / statistics.median(cpu["materiel clean"])
    # each round's ratio (its two runs were taken one after the other): how far the median can swing
    timing["cpu_ratio_rounds"] = [t / m for t, m in zip(cpu["trafilatura process"], cpu["materiel clean"], strict=True)]
    return timing


def _warm(commands: dict[str, list[str]]) -> None:
    """Leave what an installed copy has, so that no timed run pays for it, then run each command
    once over all the pages, untimed: the bytecode of materiel's modules (an install compiles it,
    as it did trafilatura's; with PYTHONDONTWRITEBYTECODE set, as here, a run never writes it: about
    0.07 s of CPU per process), the compiled patterns that the untimed run stores
    (materiel.regexcache, about 0.1 s of CPU per process: materiel's own, and trafilatura's, which
    only a page sent on to trafilatura imports, so a run over one page left them to the first timed
    run), and the operating system's file cache warm for both sides alike (each side's pages,
    modules and, for the pool, its workers' start)."""
    compileall.compile_dir(ROOT / "src" / "materiel", quiet=1)
    for command in commands.values():
        subprocess.run(command, check=True, capture_output=True)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def sweep(shared: Path) -> list[dict]:
    """F1 and pages sent to trafilatura for other settings of the trust check."""
    from materiel.clean import maintext

    bench = shared / "bench" / "article-extraction"
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        p.name.removesuffix(".html.gz"): gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
        for p in (bench / "html").glob("*.gz")
    }
    scorer = load_scorer(shared)
    chosen = (maintext.LINK_BLOCK_SHARE, maintext.MAX_LINK_REPEATS)
    rows = []
    for share, repeats in [(s, b) for s in (0.3, 0.5, 0.7) for b in (2, 3, 4, 1000)]:
        maintext.LINK_BLOCK_SHARE, maintext.MAX_LINK_REPEATS = share, repeats
        output = {page: materiel_text(html) for page, html in pages.items()}
        routed = sum(not fast_text(HTMLTree.parse(html)).trusted for html in pages.values())
        scores = [scorer.page_scores(truth[p]["articleBody"], output[p]) for p in truth]
        rows.append({"link_share": share, "max_link_repeats": repeats, "to_trafilatura": routed, **_f1(scores)})
    maintext.LINK_BLOCK_SHARE, maintext.MAX_LINK_REPEATS = chosen
    return rows


def _rounds(value: str) -> int:
    rounds = int(value)
    if rounds < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sweep", action="store_true", help="F1 and routing for other trust-check settings")
    parser.add_argument("--dated", action="store_true", help="in process, clean with the date looked for")
    parser.add_argument(
        "--rounds", type=_rounds, default=3, help="whole-process runs of each command, taken in turn (median)"
    )
    args = parser.parse_args()
    if args.dated:
        CLEANING.steps = list(CLEAN_STEPS)
    if args.sweep:
        print(f"{'link share':>10} {'max repeats':>11} {'to trafilatura':>14} {'F1':>7}")
        for row in sweep(args.shared):
            print(
                f"{row['link_share']:10.1f} {row['max_link_repeats']:11d} {row['to_trafilatura']:14d} {row['f1']:7.4f}"
            )
        return
    results = run(args.shared, args.rounds)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    _print_results(results)


def _print_results(results: dict) -> None:
    """The table of extractors against trafilatura, then the routing and the whole-process figures."""
    base = results["trafilatura (favor_precision)"]["pages_per_second"]
    base_cpu = results["trafilatura (favor_precision)"]["pages_per_cpu_second"]
    print(f"{'extractor':32} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8} {'x trafilatura':>14} {'x (CPU)':>8}")
    for name in EXTRACTORS:
        row = results[name]
        print(
            f"{name:32} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} "
            f"{row['pages_per_second']:8.1f} {row['pages_per_second'] / base:14.2f} "
            f"{row['pages_per_cpu_second'] / base_cpu:8.2f}"
        )
    halves = ", ".join(f"{f1:.4f}" for f1 in results["materiel"]["f1_halves"])
    routed = f"{results['to_trafilatura']} of {results['pages']}"
    print(f"materiel: {routed} pages to trafilatura; F1 on alternate halves of the pages {halves}")
    process = results["processes"]
    print(
        f"whole process: materiel clean {process['materiel clean']:.1f} pages/s (x{process['ratio']:.2f}), "
        f"with --workers 2 {process['materiel clean --workers 2']:.1f} pages/s (x{process['ratio_pool']:.2f}), "
        f"trafilatura favor_precision in one process {process['trafilatura process']:.1f} pages/s"
    )
    cpu = process["cpu_seconds"]
    print(
        f"whole process, CPU seconds: materiel clean {cpu['materiel clean']:.2f}, "
        f"trafilatura {cpu['trafilatura process']:.2f} (x{process['cpu_ratio']:.2f}; medians of "
        f"{len(process['cpu_ratio_rounds'])} rounds, each round x{min(process['cpu_ratio_rounds']):.2f}"
        f" to x{max(process['cpu_ratio_rounds']):.2f})"
    )


if __name__ == "__main__":
    main()
