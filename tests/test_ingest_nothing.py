"""An ingest that stores no page (an empty folder; pages that all fail) makes no ledger: an empty
one left behind read as a run that worked, and `materiel ledger` then listed nothing, silently."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import materiel

BINARY = bytes(range(32)) * 64  # control bytes: no text in any encoding


def test_an_empty_folder_is_reported_and_makes_no_ledger(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    result = materiel("ingest", str(tmp_path / "pages"), "--db", str(tmp_path / "l.db"))
    assert result.returncode == 1
    assert "no page to read here" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == [tmp_path / "pages"]


def test_pages_that_all_fail_are_reported_and_make_no_ledger(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_bytes(BINARY)
    (tmp_path / "pages" / "b.jsonl").write_text("not json\n")
    result = materiel("ingest", str(tmp_path / "pages"), "--db", str(tmp_path / "l.db"))
    assert result.returncode == 1, result.stderr
    errors = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert len(errors) == 2
    assert list(tmp_path.iterdir()) == [tmp_path / "pages"]


def test_a_ledger_there_before_is_kept_whatever_the_ingest_stores(tmp_path: Path) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "a.txt").write_text("Norway has sent rifles to Ukraine, the ministry said.")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "b.txt").write_bytes(BINARY)
    db = str(tmp_path / "l.db")
    assert materiel("ingest", str(tmp_path / "good"), "--db", db).returncode == 0
    assert materiel("ingest", str(tmp_path / "bad"), "--db", db).returncode == 1
    listed = materiel("ledger", "--db", db, "--format", "json")
    assert listed.returncode == 0 and json.loads(listed.stdout)


def test_clean_and_extract_report_an_empty_folder_with_a_failure(tmp_path: Path) -> None:
    """clean and extract on a folder with no page in it printed nothing and exited 0, a run that
    did nothing looking like one that worked; ingest already reported it. Now each reports the
    folder (exit 1) and still does the pages of the other paths, in one process or in several."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text("Norway has sent rifles to Ukraine, the ministry said.")
    for command, workers in (("clean", "1"), ("clean", "2"), ("extract", "1")):
        result = materiel(
            command, str(tmp_path / "empty"), str(tmp_path / "pages"), "-f", "jsonl", "--workers", workers
        )
        assert result.returncode == 1, (command, workers, result.stderr)
        errors = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
        assert [(e["error"], Path(e["source"]).name) for e in errors] == [("read_error", "empty")]
        assert "no page to read here" in errors[0]["message"]
        assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
            str(tmp_path / "pages" / "a.txt")
        ]


def test_an_empty_feed_is_skipped_with_its_reason_as_an_empty_page_is(tmp_path: Path) -> None:
    """A JSON Lines or WARC feed with no record in it gave no line at all; it is reported as
    skipped (exit 0), as an empty text file is."""
    (tmp_path / "feed.jsonl").write_bytes(b"")
    (tmp_path / "crawl.warc").write_bytes(b"")
    result = materiel("clean", str(tmp_path / "feed.jsonl"), str(tmp_path / "crawl.warc"), "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    skipped = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(s["error"], Path(s["source"]).name) for s in skipped] == [
        ("skipped", "feed.jsonl"),
        ("skipped", "crawl.warc"),
    ]
    assert all("empty feed" in s["message"] for s in skipped) and result.stdout == ""
