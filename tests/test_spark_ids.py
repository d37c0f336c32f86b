"""Ids on Spark follow the run's rule (read/ids.py, spark_ids.py): the ids `extract` gives, whichever
partitions the files land in and in whatever order the partitions run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from materiel import api, spark
from materiel.article import Article
from materiel.read import read_paths, walk
from materiel.spark_ids import renamed_article, renamed_claim, renamed_ids
from tests.test_read_ids import _pages


def _extract_ids(paths: list[Path]) -> dict[str, str]:
    """The ids `extract` gives, from a fresh run: through the session's runner, after the rest of
    the suite, these pages gave no article (its memory of lines seen on a site, most likely)."""
    return {a.source: a.id for a in api.extract(paths) if isinstance(a, Article)}


def test_partitions_run_in_any_order_give_extract_s_ids(tmp_path: Path) -> None:
    """Each file a partition of its own, run last to first: before, the three pages of one stem
    all kept the id `report`; now the first page walked keeps it and the others get extract's."""
    paths = [p.resolve() for p in _pages(tmp_path)]
    files = [(f"file:{path}", path.read_bytes()) for path in walk(paths)]
    order = {str(path): place for place, path in enumerate(walk(paths))}
    rows = [row for file in reversed(files) for row in spark.process_partition([file], None, order)]
    renamed = renamed_ids((r[2], r[1][0], r[1][1]) for r in rows if r[0] == "article")
    articles = [renamed_article(r[1], renamed[r[2]]) if r[2] in renamed else r[1] for r in rows if r[0] == "article"]
    claims = [renamed_claim(r[1], renamed[r[2]]) if r[2] in renamed else r[1] for r in rows if r[0] == "claim"]
    assert {row[1]: row[0] for row in articles} == _extract_ids(paths)
    assert {json.loads(row[-1])["id"] for row in articles} == {r[0] for r in articles}
    assert claims and {row[0] for row in claims} <= {row[0] for row in articles}


def _spark_ids(inputs: list[str]) -> dict[str, str]:
    """The ids Spark's partitions and driver give the inputs (without a JVM): each file a partition
    of its own, named as Hadoop names it (its absolute path)."""
    paths, _left_out, names = spark.inputs_for_spark(inputs)
    order = {name: place for place, name in enumerate(paths.split(","))}
    files = [(f"file:{name}", Path(name).read_bytes()) for name in paths.split(",")]
    rows = [row for file in files for row in spark.process_partition([file], None, order, names)]
    renamed = renamed_ids((r[2], r[1][0], r[1][1]) for r in rows if r[0] == "article")
    return {r[1][1]: renamed.get(r[2], r[1][0]) for r in rows if r[0] == "article"}


@pytest.mark.parametrize("given", ["relative", "linked"])
def test_spark_gives_extract_s_ids_and_sources_for_paths_as_the_user_gave_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    """review15: Spark read each file by its absolute path (Hadoop needs one), so a page whose id
    another page had got the hash of that path, and `extract` given `a b` (relative) or a linked
    folder hashed the name it was given: `report-3c7eec8b` beside `report-87867804`. Now an
    article's source is the name the inputs gave, and its id is `extract`'s."""
    (tmp_path / "pages").mkdir()
    _pages(tmp_path / "pages")
    monkeypatch.chdir(tmp_path)
    if given == "linked":
        Path("link").symlink_to(tmp_path / "pages", target_is_directory=True)
    inputs = ["pages/a", "pages/b"] if given == "relative" else ["link/a", "link/b"]
    expected = _extract_ids([Path(p) for p in inputs])
    assert len(set(expected.values())) == 3 and all(not Path(s).is_absolute() for s in expected)
    assert _spark_ids(inputs) == expected


def test_an_id_no_other_page_has_is_not_renamed() -> None:
    assert renamed_ids([((0, "a.txt", 0), "a", "a.txt"), ((1, "b.txt", 0), "b", "b.txt")]) == {}


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (Debian's openjdk)")
def test_spark_s_parquet_holds_extract_s_ids(tmp_path: Path) -> None:
    """Local mode on three pages of one stem: the Parquet held `report` three times."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'materiel[spark]')")
    (tmp_path / "in").mkdir()
    paths = [p.resolve() for p in _pages(tmp_path / "in")]
    summary = spark.run([str(p) for p in paths], str(tmp_path / "out"), "local[2]", partitions=3)
    assert summary.articles == 3 and not summary.failures
    stored = {a.source: a.id for a in read_paths([tmp_path / "out" / "articles"]) if isinstance(a, Article)}
    assert stored == _extract_ids(paths)
