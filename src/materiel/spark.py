"""The Spark executor: the same per-article pipeline over a crawl, in `mapPartitions`.

    materiel spark 's3a://bucket/crawl/*.warc.gz' --out s3a://bucket/materiel/run1 --master yarn
    materiel ingest ./run1        # loads the Parquet output into the ledger

Files are read with `binaryFiles` (any Hadoop-compatible URI or glob passes through), each
partition builds the steps once (the spaCy model is loaded once per Python worker), and the
output is Parquet tables: `articles` (one row per article, with the article's full JSON),
`claims` (one row per extracted transfer, for analysis in Spark itself) and `transfers` (the
merged transfers, near-duplicates grouped in Spark: see `materiel.spark_merge`), which
`materiel ingest` loads as they are into an empty ledger. A first pass counts every page's lines
per site (`page_partition`, each page once, summed and broadcast: `site_counts`), so lines
repeated across a site's pages are removed whichever partition its pages land in.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from materiel.article import Article
from materiel.errors import UsageError
from materiel.pipeline import Failure, Runner
from materiel.read import read_blob, walk
from materiel.spark_ids import Place, place_of, renamed_article, renamed_claim, renamed_ids
from materiel.spark_merge import merged_transfers, transfer_schema

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StructType

ARTICLE_FIELDS = ("id", "source", "url", "published", "title", "language", "text", "article_json")
CLAIM_FIELDS = (
    "article_id",
    "number",
    "supplier",
    "recipient",
    "via",
    "category",
    "item",
    "status",
    "disclosure",
    "quantity_low",
    "quantity_high",
    "confidence",
    "claim_json",
)


@dataclass
class SparkSummary:
    articles: int
    claims: int
    failures: list[tuple[str, str]]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason): empty pages, no failure


def page_partition(
    files: Iterable[tuple[str, bytes]], names: dict[str, str] | None = None
) -> Iterator[tuple[int, tuple[str, tuple[int, ...]]]]:
    """The first pass: one partition's pages as (page key, (site, lines)) (the rule steps only)."""
    from materiel.clean import RULE_STEPS
    from materiel.clean.siterepeat import SitePage, SiteRepeats

    runner, step = Runner(RULE_STEPS), SiteRepeats()
    for name, data in files:
        for item in runner.run(read_blob(_given_name(name, names), data)):
            if isinstance(item, Article) and step.count(item) and isinstance(item.site_page, SitePage):
                yield item.site_page.page, (item.site_page.site, item.site_page.lines)


def site_counts(pages: RDD) -> dict[str, Counter[int]]:
    """The run's line counts per site from page_partition's pages, a page that several partitions
    hold (one URL's page in two crawl files) counted once, as one runner counts it."""
    unique = pages.reduceByKey(lambda first, _other: first)
    counted = unique.flatMap(lambda kv: ((kv[1][0], line) for line in kv[1][1])).countByValue()
    sites: dict[str, Counter[int]] = {}
    for (site, line), number in counted.items():
        sites.setdefault(site, Counter())[line] = number
    return sites


def process_partition(
    files: Iterable[tuple[str, bytes]],
    sites: dict | None = None,
    order: dict[str, int] | None = None,
    names: dict[str, str] | None = None,
) -> Iterator[tuple]:
    """(kind, fields) rows for one partition: articles, claims and failures, an article's and its
    claims' rows with the article's place in the run (spark_ids.Place). `sites`: the whole run's
    line counts per site, from the first pass (lines repeated on a site's pages go). `order`: the
    place of each file the inputs name, in walk order. `names`: each local file's name as the
    inputs gave it (SparkInputs.names), its articles' source, as in `extract`."""
    from materiel.api import extract_steps
    from materiel.clean.siterepeat import SiteRepeats

    steps = extract_steps()
    if sites is not None:
        steps = [SiteRepeats(sites, frozen=True) if isinstance(s, SiteRepeats) else s for s in steps]
    runner = Runner(steps)
    for name, data in files:
        local = _local_name(name)
        for record, item in enumerate(runner.run(read_blob(_given_name(name, names), data))):
            if isinstance(item, Failure):
                yield ("skipped" if item.skipped else "failure", (item.source, item.problem))
                continue
            place = place_of(local, record, order or {})
            yield ("article", _article_row(item), place)
            for number, transfer in enumerate(item.to_dict()["transfers"]):
                yield ("claim", _claim_row(item.id, number, transfer), place)


def _with_id(row: tuple, renamed: dict[Place, str], rename: Callable[[tuple, str], tuple]) -> tuple:
    """An article's or claim's fields, under the article's new id where the run's rule gave one."""
    ident = renamed.get(row[2])
    return rename(row[1], ident) if ident is not None else row[1]


def _local_name(name: str) -> str:
    return name.removeprefix("file:")


def _given_name(name: str, names: dict[str, str] | None) -> str:
    """A file's name as the inputs gave it (`a/x.html`, not the absolute path Hadoop was given):
    its articles' source, and so the hash in an id another page has (read/ids.py), as `extract`'s."""
    local = _local_name(name)
    return (names or {}).get(local, local)


def _article_row(article: Article) -> tuple:
    data = article.to_dict()
    return (
        article.id,
        article.source,
        article.url,
        article.published,
        article.title,
        article.language,
        article.text,
        json.dumps(data, ensure_ascii=False),
    )


def _claim_row(article_id: str, number: int, transfer: dict) -> tuple:
    quantity = transfer.get("quantity") or {}
    return (
        article_id,
        number,
        (transfer["supplier"] or {}).get("id"),
        (transfer["recipient"] or {}).get("id"),
        ",".join(v["id"] or "" for v in transfer["via"]),
        transfer["item"]["category"],
        transfer["item"]["text"],
        transfer["status"],
        transfer["disclosure"],
        _float(quantity.get("low")),
        _float(quantity.get("high")),
        float(transfer["confidence"]),
        json.dumps(transfer, ensure_ascii=False),
    )


def _float(value: float | str | None) -> float | None:
    return float(value) if value is not None else None


# Characters Hadoop reads in an input path as a list's separator (a comma), a glob pattern's, or
# a URI's scheme (a colon: "Relative path in absolute URI").
HADOOP_SPECIAL = ",*?[]{}\\:"


class SparkInputs(NamedTuple):
    paths: str  # the inputs for Hadoop, comma-separated: local files as absolute paths
    left_out: list[tuple[str, str]]  # (a local file, why Hadoop could not open it)
    names: dict[str, str]  # a local file's absolute path: its name as the inputs gave it


def inputs_for_spark(inputs: list[str]) -> SparkInputs:
    """The inputs for Hadoop, the local files left out and why, and the names given. Local paths
    are expanded here (directories walked like the other executors), and a file Hadoop could not
    open (a dangling link, a pipe, a file we may not read) is left out and reported as the other
    executors report it: Hadoop would end the whole job on it. URIs and globs pass through to
    Hadoop. Hadoop needs a local file's absolute path, but its articles keep the name the inputs
    gave (relative, or through a linked folder), so that their sources and ids are `extract`'s."""
    expanded: list[str] = []
    left_out: list[tuple[str, str]] = []
    names: dict[str, str] = {}
    for value in inputs:
        if "://" in value or any(c in value for c in "*?["):
            expanded.append(value)
        elif Path(value).exists():
            for path in walk([value]):
                problem = _unopenable(path)
                if problem is None:
                    expanded.append(str(path.resolve()))
                    names.setdefault(expanded[-1], str(path))
                else:
                    left_out.append((str(path), problem))
        else:
            raise UsageError(f"no such input: {value}")
    if not expanded and not left_out:
        raise UsageError("no input files")
    return SparkInputs(",".join(expanded), left_out, names)


def _unopenable(path: Path) -> str | None:
    """Why Hadoop could not open a local file (read_path's words), or None."""
    if not path.exists():
        return "no such file or directory"
    if not path.is_file():
        return "not a regular file"
    if not os.access(path, os.R_OK):
        return "permission denied"
    if any(c in HADOOP_SPECIAL for c in str(path.resolve())):
        return f"Spark cannot take a path with any of {HADOOP_SPECIAL} (Hadoop reads them as syntax): rename it"
    return None


def run(
    inputs: list[str], out: str, master: str | None = None, partitions: int | None = None, merge: bool = True
) -> SparkSummary:
    paths, left_out, names = inputs_for_spark(inputs)
    if not paths:
        return SparkSummary(0, 0, left_out)
    spark = _session(master)
    try:
        context = spark.sparkContext
        files = _files(context, paths, partitions)
        sites = context.broadcast(site_counts(files.mapPartitions(lambda part: page_partition(part, names))))
        order = {name: place for place, name in enumerate(paths.split(","))}
        rows = files.mapPartitions(lambda part: process_partition(part, sites.value, order, names)).cache()
        # The run's id rule (read/ids.py) over every article's place, id and source, on the driver.
        pages = rows.filter(lambda r: r[0] == "article").map(lambda r: (r[2], r[1][0], r[1][1]))
        renamed = context.broadcast(renamed_ids(pages.collect()))
        articles = rows.filter(lambda r: r[0] == "article").map(lambda r: _with_id(r, renamed.value, renamed_article))
        claims = rows.filter(lambda r: r[0] == "claim").map(lambda r: _with_id(r, renamed.value, renamed_claim))
        _write(spark, articles, _article_schema(), f"{out}/articles")
        _write(spark, claims, _claim_schema(), f"{out}/claims")
        if merge:  # in ingest order: partition by partition, as the part files are read back
            ordered = articles.zipWithIndex().map(lambda r: (r[1], r[0][ARTICLE_FIELDS.index("article_json")]))
            _write(spark, merged_transfers(ordered), transfer_schema(), f"{out}/transfers")
        failures = rows.filter(lambda r: r[0] == "failure").map(lambda r: r[1]).collect()
        skipped = rows.filter(lambda r: r[0] == "skipped").map(lambda r: r[1]).collect()
        return SparkSummary(articles.count(), claims.count(), left_out + failures, skipped)
    finally:
        spark.stop()


def _session(master: str | None) -> SparkSession:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local workers run this interpreter
    return (
        SparkSession.builder.master(master or "local[*]")
        .appName("materiel")
        .config("spark.ui.enabled", "false")
        # No progress bars on stderr: the command's errors there are JSON lines, which a bar's
        # carriage returns ran into ("[Stage 73:===> (13 + 2) / 16]{"error": ...}").
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )


def _files(context: SparkContext, paths: str, partitions: int | None) -> RDD:
    """The input files (`paths`: from inputs_for_spark) as (path, bytes), spread over `partitions`
    (default: four a core), cached: they are read twice, for the site counts, then by the pipeline."""
    wanted = partitions or context.defaultParallelism * 4
    files = context.binaryFiles(paths, minPartitions=wanted)
    if files.getNumPartitions() < wanted:  # many small files land in one split: spread them
        files = files.repartition(wanted)
    return files.cache()


def _write(spark: SparkSession, rdd: RDD, schema: StructType, path: str) -> None:
    spark.createDataFrame(rdd, schema).write.mode("overwrite").parquet(path)


def _article_schema() -> StructType:
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType(
        [StructField(name, StringType(), name not in ("id", "source", "text")) for name in ARTICLE_FIELDS]
    )


def _claim_schema() -> StructType:
    from pyspark.sql.types import DoubleType, IntegerType, StringType, StructField, StructType

    kinds = {
        "number": IntegerType(),
        "quantity_low": DoubleType(),
        "quantity_high": DoubleType(),
        "confidence": DoubleType(),
    }
    return StructType([StructField(name, kinds.get(name, StringType()), True) for name in CLAIM_FIELDS])
