"""The ledger at crawl scale: batch ingest and single-article ingest as the ledger grows, against
a bare baseline that computes the same MinHash signatures and `executemany`-inserts the same rows.

    .venv/bin/python bench/ledger_scale.py [--sizes 0,20000,50000,100000] [--batch 2000]
                                           [--pg postgresql+psycopg://...] [--seeds 24]

The articles are real extracted articles (the first --seeds pages of ../shared/corpus/news that
give a transfer, extracted once and cached) with their text replaced by unique random words, their
supplier drawn from SUPPLIERS and their date from DATE_YEARS, so that every article is new and the
merge groups fill as a crawl's would. COPY_SHARE of them are syndicated copies of another article
of their batch (the same text, another outlet, a changed last line). Each batch is written as
Spark-style Parquet and loaded with `Store.ingest(api.extract(...))`, as `materiel ingest` does.

At each size in --sizes (the ledger grows batch by batch up to the largest) it reports the batch's
time, one article ingested through the CLI (a child process, start-up included) and through
`POST /articles` (in process; extraction included), and once per database the baseline's time for
a batch into an empty database. PostgreSQL runs when --pg or MATERIEL_TEST_PG_URL names a server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from materiel import api
from materiel.article import Article
from materiel.ledger.dedupe import band_keys, signature
from materiel.ledger.rows import BatchRows, article_key, article_row
from materiel.ledger.store import Store

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "corpus" / "news"
CACHE = Path(tempfile.gettempdir()) / "materiel-ledger-scale-seeds.jsonl"
# Suppliers the synthetic articles are spread over: the countries and firms of a crawl's reports.
SUPPLIERS = [
    "USA",
    "GBR",
    "FRA",
    "DEU",
    "ITA",
    "ESP",
    "POL",
    "NLD",
    "BEL",
    "DNK",
    "NOR",
    "SWE",
    "FIN",
    "EST",
    "LVA",
    "LTU",
    "CZE",
    "SVK",
    "HUN",
    "ROU",
    "BGR",
    "GRC",
    "PRT",
    "CAN",
    "AUS",
    "NZL",
    "JPN",
    "KOR",
    "TWN",
    "ISR",
    "TUR",
    "UKR",
    "RUS",
    "CHN",
    "IRN",
    "PRK",
    "IND",
    "PAK",
    "BRA",
    "ARG",
    "CHL",
    "MEX",
    "ZAF",
    "EGY",
    "SAU",
    "ARE",
    "QAT",
    "KWT",
    "JOR",
    "MAR",
    "DZA",
    "NGA",
    "ETH",
    "KEN",
    "IDN",
    "MYS",
    "SGP",
    "THA",
    "VNM",
    "PHL",
    "BLR",
    "SRB",
    "HRV",
    "SVN",
    "AUT",
    "CHE",
    "IRL",
    "ISL",
    "LUX",
]
DATE_YEARS = (2014, 2025)  # article dates drawn uniformly from these years (inclusive)
COPY_SHARE = 0.05  # syndicated copies per article
VOCABULARY = 20000  # random words of the replacement texts
SEED = 14


def seed_articles(count: int) -> list[dict]:
    """Extracted articles with at least one transfer, from the first corpus pages (cached)."""
    if CACHE.exists():
        cached = [json.loads(line) for line in CACHE.read_text().splitlines()]
        if len(cached) >= count:
            return cached[:count]
    found: list[dict] = []
    for item in api.extract(sorted(NEWS.iterdir())):
        if isinstance(item, Article) and item.transfers:
            found.append(item.to_dict())
            if len(found) >= count:
                break
    CACHE.write_text("".join(json.dumps(a) + "\n" for a in found))
    return found


class Synthetic:
    """Unique articles made from the seeds: random words, varied suppliers and dates."""

    def __init__(self, seeds: list[dict]) -> None:
        self.seeds = seeds
        self.rng = random.Random(SEED)
        self.words = [
            "".join(self.rng.choices(string.ascii_lowercase, k=self.rng.randint(3, 9))) for _ in range(VOCABULARY)
        ]
        self.made = 0

    def article(self) -> dict:
        record = json.loads(json.dumps(self.seeds[self.made % len(self.seeds)]))
        self.made += 1
        record["text"] = " ".join(self.rng.choices(self.words, k=max(50, len(record["text"].split()))))
        record["id"] = f"synthetic-{self.made}"
        record["source"] = f"synthetic/{self.made}.html"
        record["url"] = f"https://outlet{self.rng.randrange(300)}.test/{self.made}"
        record["published"] = self._day()
        for transfer in record["transfers"]:
            transfer["date"] = None
            if transfer.get("supplier"):
                transfer["supplier"]["id"] = self.rng.choice(SUPPLIERS)
        return record

    def _day(self) -> str:
        first, last = dt.date(DATE_YEARS[0], 1, 1), dt.date(DATE_YEARS[1], 12, 31)
        return (first + dt.timedelta(days=self.rng.randrange((last - first).days))).isoformat()

    def batch(self, size: int) -> list[dict]:
        records: list[dict] = []
        while len(records) < size:
            if records and self.rng.random() < COPY_SHARE:
                records.append(self._copy(self.rng.choice(records)))
            else:
                records.append(self.article())
        return records

    def _copy(self, record: dict) -> dict:
        copy = json.loads(json.dumps(record))
        self.made += 1
        copy["id"], copy["source"] = f"synthetic-{self.made}", f"synthetic/{self.made}.html"
        copy["url"] = f"https://wire{self.rng.randrange(50)}.test/{self.made}"
        copy["text"] = record["text"] + " " + " ".join(self.rng.choices(self.words, k=8))
        return copy


def write_parquet(records: list[dict], path: Path) -> Path:
    pq.write_table(pa.table({"article_json": [json.dumps(r, ensure_ascii=False) for r in records]}), path)
    return path


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def cpu_timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of an action in this process and its children. On a shared machine
    the CPU seconds are the steadier figure; a database server's own CPU is not in them."""

    def cpu() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    started = cpu()
    wall = timed(action)
    return wall, cpu() - started


def cli_ingest(url: str, path: Path) -> tuple[float, float]:
    command = [sys.executable, "-m", "materiel", "ingest", str(path), "--db", url]
    return cpu_timed(lambda: subprocess.run(command, check=True, capture_output=True))


def api_ingest(url: str, text: str) -> float:
    from fastapi.testclient import TestClient

    from materiel.web.app import create_app

    client = TestClient(create_app(url, token="bench"))
    headers = {"Authorization": "Bearer bench"}
    client.post("/api/v1/articles", json={"text": "warm-up " + text}, headers=headers)  # model loaded once
    return timed(lambda: client.post("/api/v1/articles", json={"text": text}, headers=headers).raise_for_status())


def baseline_rows(records: list[dict], rng: random.Random | None = None) -> BatchRows:
    """The rows the ledger stores for these articles, with the same MinHash signatures (with
    `rng`: random band keys and no signature, to fill a ledger fast)."""
    rows = BatchRows()
    for record in records:
        article = Article.from_dict(record)
        key = article_key(article)
        values = [int(v) for v in signature(article.text).hashvalues] if rng is None else None
        bands = band_keys(values) if values else [rng.getrandbits(63) for _ in range(len(band_keys([0] * 128)))]
        rows.articles.append(article_row(key, article, None, key, values))
        rows.bands.extend({"key": band, "article_id": key} for band in bands)
        rows.add_findings(key, article)
    return rows


TABLES = ("articles", "claims", "sources", "responses", "quotes", "article_bands")


def baseline(url: str, path: Path) -> tuple[float, float]:
    """Read the Parquet, compute signatures and rows, executemany them in one transaction."""
    engine = Store(url).engine  # the tables, made by the ledger; their rows are written bare below
    raw = engine.raw_connection()
    try:
        return cpu_timed(lambda: _bare_insert(raw, path, "?" if url.startswith("sqlite") else "%s"))
    finally:
        raw.close()
        engine.dispose()


def _bare_insert(raw, path: Path, mark: str) -> None:
    records = [json.loads(v) for v in pq.read_table(path).column("article_json").to_pylist()]
    _insert_rows(raw, baseline_rows(records), mark)


def fill(url: str, synthetic: Synthetic, count: int) -> None:
    """Grow the ledger by `count` synthetic articles through bare inserts (random band keys stand
    in for their signatures), then rebuild every transfer once: a large ledger made in minutes."""
    engine = Store(url).engine
    raw = engine.raw_connection()
    rng = random.Random(count)
    try:
        for start in range(0, count, FILL_CHUNK):
            rows = baseline_rows(synthetic.batch(min(FILL_CHUNK, count - start)), rng)
            _insert_rows(raw, rows, "?" if url.startswith("sqlite") else "%s")
    finally:
        raw.close()
        engine.dispose()
    Store(url).merge()


FILL_CHUNK = 5000  # articles per transaction while filling


def _insert_rows(raw, rows: BatchRows, mark: str) -> None:
    cursor = raw.cursor()
    tables = (rows.articles, rows.claims, rows.sources, rows.responses, rows.quotes, rows.bands)
    for table, values in zip(TABLES, tables, strict=True):
        for same in _by_columns(values):
            columns = list(same[0])
            names, marks = ", ".join(f'"{c}"' for c in columns), ", ".join([mark] * len(columns))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
            cursor.executemany(sql, [tuple(_plain(r[c]) for c in columns) for r in same])
    raw.commit()


def _by_columns(rows: list[dict]) -> list[list[dict]]:
    split: dict[tuple, list[dict]] = {}
    for row in rows:
        split.setdefault(tuple(row), []).append(row)
    return list(split.values())


def _plain(value):
    return json.dumps(value) if isinstance(value, (list, dict)) else value


def reset(url: str) -> None:
    """An empty database: the SQLite file removed, or every ledger table dropped."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    from sqlalchemy import create_engine, text

    from materiel.ledger import schema

    engine = create_engine(url)
    with engine.begin() as connection:
        for table in [*reversed(schema.metadata.sorted_tables)]:
            connection.execute(text(f"DROP TABLE IF EXISTS {table.name} CASCADE"))
    engine.dispose()


def grow(url: str, synthetic: Synthetic, sizes: list[int], batch: int, work: Path, filled: bool) -> list[dict]:
    """Batches into one ledger up to the largest size; the measurements at each size. `filled`:
    between the sizes measured, the ledger grows by `fill` rather than by ingest."""
    reset(url)
    results, size, batches = [], 0, 0
    while size <= max(sizes):
        measure = any(size <= s < size + batch for s in sizes)
        if filled and not measure:
            target = min((s for s in sizes if s > size), default=size)
            fill(url, synthetic, target - size)
            size, measure = target, True
        row = {"size": size} if measure else {}
        if measure:
            row["cli_s"], row["cli_cpu"] = cli_ingest(url, write_parquet(synthetic.batch(1), work / "one.parquet"))
            row["api_s"] = api_ingest(
                url, f"Norway has sent {batches + 2} howitzers to Ukraine, report {batches} says."
            )
        path = write_parquet(synthetic.batch(batch), work / "batch.parquet")
        row["batch_s"], row["batch_cpu"] = cpu_timed(lambda: Store(url).ingest(api.extract([path])))  # noqa: B023
        size, batches = size + batch, batches + 1
        if measure:
            results.append(row)
            print(json.dumps({"url": url.split("@")[-1], **row}), flush=True)
    return results


def table(name: str, results: list[dict], base: tuple[float, float], batch: int) -> str:
    """The measurements, and their ratios to the empty ledger's (CPU seconds for SQLite, where the
    database works in this process; wall seconds for PostgreSQL, whose server works apart)."""
    kind = "batch_cpu" if name == "SQLite" else "batch_s"
    single = "cli_cpu" if name == "SQLite" else "cli_s"
    first = results[0]
    lines = [
        f"### {name}: batches of {batch:,} pre-extracted articles ({'CPU' if name == 'SQLite' else 'wall'} ratios)",
        "",
        "| ledger before | batch wall | batch CPU | articles/s (wall) | batch vs empty "
        "| CLI one article wall | CPU | vs empty | POST /articles wall | vs empty |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results:
        lines.append(
            f"| {row['size']:,} | {row['batch_s']:.1f} s | {row['batch_cpu']:.1f} s | {batch / row['batch_s']:.0f} "
            f"| {row[kind] / first[kind]:.2f}x | {row['cli_s']:.2f} s | {row['cli_cpu']:.2f} s "
            f"| {row[single] / first[single]:.2f}x | {row['api_s']:.3f} s | {row['api_s'] / first['api_s']:.2f}x |"
        )
    index = 1 if name == "SQLite" else 0
    lines += [
        "",
        f"Bare baseline (same signatures, same rows, executemany, one transaction): {base[0]:.1f} s wall, "
        f"{base[1]:.1f} s CPU for {batch:,}; the ledger's batch into an empty ledger reaches "
        f"{base[index] / (first['batch_cpu'] if index else first['batch_s']):.2f} of its speed.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0,20000,50000,100000", help="Ledger sizes to measure at.")
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--seeds", type=int, default=24, help="Extracted corpus articles to vary.")
    parser.add_argument("--pg", default=os.environ.get("MATERIEL_TEST_PG_URL"), help="A PostgreSQL URL.")
    parser.add_argument("--fill", action="store_true", help="Grow between sizes by bare inserts, not ingest.")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="Measure one database only.")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    seeds = seed_articles(args.seeds)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        urls = [("SQLite", f"sqlite:///{work / 'ledger.db'}")]
        urls += [("PostgreSQL", args.pg)] if args.pg else []
        if not args.pg:
            print("PostgreSQL skipped: give --pg or set MATERIEL_TEST_PG_URL", file=sys.stderr)
        for name, url in urls:
            if args.only and args.only != name.lower():
                continue
            sample = write_parquet(Synthetic(seeds).batch(args.batch), work / "sample.parquet")
            reset(url)
            base = baseline(url, sample)
            results = grow(url, Synthetic(seeds), sizes, args.batch, work, args.fill)
            print(table(name, results, base, args.batch), flush=True)


if __name__ == "__main__":
    main()
