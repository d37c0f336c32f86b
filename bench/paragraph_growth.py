"""Extraction cost against a paragraph's length: the same made-up prose as one paragraph (a page
scraped with no line breaks) of 1x, 2x, 4x and 8x its size, and as the paragraphs it was written in.

    .venv/bin/python bench/paragraph_growth.py [--sizes 1 2 4 8] [--runs 3] [--profile 8]

For each size it prints the CPU seconds of `materiel.extract` (the median of `--runs`), the
seconds per KB, and the ratio of the largest size's seconds per KB to the smallest's: 1.0 is a
cost linear in the page, 8.0 over 1x..8x a cost quadratic in the paragraph. `--profile N` prints
where the time of the one-paragraph page of N times the size goes (cProfile, cumulative).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time

from materiel import extract
from materiel.extract.nlp import load_model

# Made-up prose in our own words: several transfers, their stages and sources, and quotes.
BLOCKS = [
    "Norway has sent {n} self-propelled howitzers to Ukraine, the defence ministry in Oslo said on "
    "Tuesday. The guns arrived last month after training of the crews in Germany, officials said.",
    '"These systems will help hold the line in the east," Defence Minister Lars Dahl told reporters. '
    "He added that {n} more shipments of ammunition would follow before the winter.",
    "Spain approved the sale of {n} armoured personnel carriers to Morocco, according to a statement "
    "from the Spanish government. Deliveries are expected to begin next year.",
    "The United States will provide Taiwan with {n} MQ-9B drones under a $600 million package, the "
    "Defense Security Cooperation Agency (DSCA) said. The agency said the sale would improve the "
    "island's ability to watch its waters.",
    '"We have received the first {n} vehicles," a Moroccan army officer said, speaking on '
    "condition of anonymity. Rabat did not comment on the price.",
    "Poland delivered {n} Leopard 2 tanks to Ukraine in the spring, according to the Kiel Institute. "
    "Warsaw also pledged two batteries of air defence missiles, Prime Minister Anna Wrobel said.",
    "France is expected to send {n} more Caesar howitzers, two officials familiar with the talks told the "
    "newspaper. The officials asked not to be named because the plan had not been announced.",
    '"No decision has been taken on fighter jets," a spokesman for the French presidency said. '
    "Paris has so far delivered {n} of the guns, he said.",
]
# How many times the prose is repeated in the smallest page (about 4 KB).
BASE_REPEAT = 3
# The count the first copy of the prose gives; each copy after it one more.
FIRST_COUNT = 12


def page(size: int, *, one_paragraph: bool) -> str:
    """The prose repeated, each copy with its own counts: cleaning drops a paragraph repeated word
    for word, and the page would be the prose once."""
    copies = range(BASE_REPEAT * size)
    blocks = [block.format(n=FIRST_COUNT + copy) for copy in copies for block in BLOCKS]
    return " ".join(blocks) if one_paragraph else "\n\n".join(blocks)


def cpu_seconds(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        extract(text)
        times.append(time.process_time() - start)
    return statistics.median(times)


def growth(sizes: list[int], runs: int, one_paragraph: bool) -> list[tuple[int, float, float]]:
    rows = []
    for size in sizes:
        text = page(size, one_paragraph=one_paragraph)
        kb = len(text.encode()) / 1024
        rows.append((size, kb, cpu_seconds(text, runs)))
    return rows


def report(label: str, rows: list[tuple[int, float, float]]) -> None:
    print(f"\n{label}")
    print(f"{'size':>5} {'KB':>7} {'CPU s':>8} {'s/KB':>8}")
    for size, kb, seconds in rows:
        print(f"{size:>4}x {kb:>7.1f} {seconds:>8.2f} {seconds / kb:>8.4f}")
    per_kb = [seconds / kb for _, kb, seconds in rows]
    print(f"s/KB largest / smallest: {per_kb[-1] / per_kb[0]:.2f}")


def profile(size: int) -> None:
    text = page(size, one_paragraph=True)
    profiler = cProfile.Profile()
    profiler.runcall(extract, text)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, help="profile the one-paragraph page of this size")
    args = parser.parse_args()
    load_model()
    extract(page(1, one_paragraph=False))  # warm the caches the first page would pay for
    if args.profile:
        profile(args.profile)
        return
    report("one paragraph", growth(args.sizes, args.runs, one_paragraph=True))
    report("paragraphs", growth(args.sizes, args.runs, one_paragraph=False))


if __name__ == "__main__":
    main()
