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
