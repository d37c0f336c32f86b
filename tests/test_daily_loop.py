"""The analyst's daily loop end to end (review4): eval on a small gold of one's own, a page
ingested again after its text changed, and what `show` prints of a review."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import materiel


def test_eval_reports_a_gold_file_that_gave_no_article_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "one.txt").write_text("Norway has delivered 12 howitzers to Ukraine, the ministry said.")
    gold = tmp_path / "gold" / "g.jsonl"
    gold.parent.mkdir()
    records = [{"id": "one", "file": "corpus/one.txt"}, {"id": "gone", "file": "corpus/gone.txt"}]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = materiel("eval", "--gold", str(gold), "--out", str(tmp_path / "pred.jsonl"))
    assert result.returncode == 1, result.stderr
    errors = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert [(e["error"], Path(e["source"]).name) for e in errors] == [("read_error", "gone.txt")]
    predictions = [json.loads(line) for line in (tmp_path / "pred.jsonl").read_text().splitlines()]
    assert [p["id"] for p in predictions] == ["one", "gone"]
