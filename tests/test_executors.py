"""The three executors give identical findings for the same inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from materiel import api
from materiel.article import Article
from materiel.read import read_paths
from tests.conftest import ROOT, SHARED

pytestmark = pytest.mark.slow
# The examples and a fixed sample of the shared corpus (every SAMPLE_STEP-th file by name): the
# whole corpus (300+ files) would make this test grow with the data.
SAMPLE_STEP = 10
INPUTS = [ROOT / "examples", *sorted((SHARED / "corpus").rglob("*.txt"))[::SAMPLE_STEP]]


def findings(items) -> dict[str, str]:
    """Article source -> its transfers and quotes, as canonical JSON."""
    out = {}
    for item in items:
        assert isinstance(item, Article), item
        data = item.to_dict()
        out[Path(item.source.split(":")[0]).name + item.id] = json.dumps(
            {"text": data["text"], "transfers": data["transfers"], "quotes": data["quotes"]}, sort_keys=True
        )
    return out


@pytest.fixture(scope="module")
def in_process(runner) -> dict[str, str]:
    return findings(api.extract(INPUTS, runner))


def test_pool_matches_in_process(in_process: dict[str, str]) -> None:
    pooled = findings(api.extract(INPUTS, workers=2))
    assert pooled == in_process


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (Debian's openjdk)")
def test_spark_local_matches_in_process(in_process: dict[str, str], tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'materiel[spark]')")
    from materiel import spark

    summary = spark.run([str(p) for p in INPUTS], str(tmp_path / "out"), master="local[2]")
    assert summary.failures == []
    assert summary.articles == len(in_process)
    from_spark = findings(a for a in read_paths([tmp_path / "out"]))
    assert from_spark == in_process


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (Debian's openjdk)")
def test_spark_reads_a_feed_record_by_record_and_parquet_as_parquet(tmp_path: Path) -> None:
    """A feed over the page limit (20 MB) because of one record: that record fails, the others are
    read (was: the whole feed refused); a Parquet of extracted articles is read as Parquet (was: as
    text, one 'binary data' failure)."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'materiel[spark]')")
    import pyarrow as pa
    import pyarrow.parquet as pq

    from materiel import spark
    from materiel.read.text import MAX_INPUT_BYTES

    records = [
        {"id": "feed-1", "text": "Norway has sent 20 howitzers to Ukraine, the ministry said."},
        {"id": "feed-huge", "text": "word " * (MAX_INPUT_BYTES // 5 + 1)},
        {"id": "feed-3", "text": "Spain has pledged six patrol boats to Peru, officials said."},
        {"id": "feed-blank", "text": " \n "},  # skipped, with its reason: no failure
        {"id": "feed-menus", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"},  # no text left
    ]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    done = Article(id="done-1", source="made/done-1.txt", text="Chile has pledged two patrol boats to Peru.")
    pq.write_table(pa.table({"article_json": [json.dumps(done.to_dict())]}), tmp_path / "done.parquet")
    summary = spark.run(
        [str(tmp_path / "feed.jsonl"), str(tmp_path / "done.parquet")], str(tmp_path / "out"), "local[1]"
    )
    assert summary.articles == 3
    ((source, problem),) = summary.failures
    assert source.endswith("feed.jsonl:2") and "too large" in problem
    (blank, menus) = sorted(summary.skipped)
    assert blank[0].endswith("feed.jsonl:4") and "empty" in blank[1]
    assert menus[0].endswith("feed.jsonl:5") and "no article text after cleaning" in menus[1]
    ids = {a.id for a in read_paths([tmp_path / "out" / "articles"]) if isinstance(a, Article)}
    assert ids == {"feed-1", "feed-3", "done-1"}


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (Debian's openjdk)")
def test_spark_command_s_stderr_holds_json_error_lines_not_progress_bars(tmp_path: Path) -> None:
    """Every error is one JSON line on stderr (README): Spark's progress bars, redrawn with carriage
    returns, ran into them ("[Stage 3:==>  (1 + 1) / 2]{"error": ...}")."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'materiel[spark]')")
    from tests.test_cli import materiel

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Peru has sent 2 patrol boats to Chile, the navy said."}\nnot json\n')
    result = materiel("spark", str(feed), "--out", str(tmp_path / "out"), "--master", "local[1]")
    assert result.returncode == 1, result.stderr
    assert "[Stage" not in result.stderr
    (error,) = [json.loads(line) for line in result.stderr.split("\n") if '"error"' in line]
    assert error["source"].endswith("feed.jsonl:2")


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (Debian's openjdk)")
def test_spark_counts_one_page_in_several_partitions_once(tmp_path: Path, monkeypatch) -> None:
    """One URL's page in three files (a crawl's captures, daily feeds) is one page of its site on
    Spark as in one process, whichever partitions its files land in: its short paragraph is no
    line repeated on the site (each partition's counts were summed: three pages)."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'materiel[spark]')")
    from materiel import spark
    from tests.test_siterepeat import story

    short = "The ministry said the first howitzers would arrive within weeks."
    record = {"id": "s1", "url": "https://news.example.org/story-1", "text": story(1, short)}
    files = [(str(tmp_path / f"feed-{day}.jsonl"), (json.dumps(record) + "\n").encode()) for day in range(3)]
    (tmp_path / "feed-0.jsonl").write_bytes(files[0][1])  # an input for the run to name
    # Spark puts three small files in one partition; here each file is a partition of its own.
    monkeypatch.setattr(spark, "_files", lambda context, _paths, _partitions: context.parallelize(files, 3))
    summary = spark.run([str(tmp_path)], str(tmp_path / "out"), "local[1]", merge=False)
    assert summary.articles == 3 and not summary.failures
    texts = [a.text for a in read_paths([tmp_path / "out" / "articles"]) if isinstance(a, Article)]
    assert len(texts) == 3 and all(short in text for text in texts)
