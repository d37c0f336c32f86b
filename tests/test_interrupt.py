"""Ctrl-C during `extract` (and `clean`, its reading half) ends with the `interrupted` line ingest
prints: what was printed, how to finish; exit 130."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_ledger import _default_sigint, _many_articles

pytestmark = pytest.mark.slow
# Long enough to load the model and do some pages (a list is printed only at the end).
SECONDS_BEFORE_CTRL_C = 6
# Long enough for two workers to clean a few hundred one-line pages.
SECONDS_FOR_THE_WORKERS = 4


def _interrupt(command: list[str], after_lines: int) -> tuple[int, list[str], list[str]]:
    """Run `materiel COMMAND`, send SIGINT once it printed `after_lines` lines (0: at its first
    stderr line or output), and return (exit code, stdout lines, stderr lines)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "materiel", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )
    lines = [process.stdout.readline() for _ in range(after_lines)]
    process.send_signal(signal.SIGINT)
    rest, stderr = process.communicate(timeout=120)
    return process.returncode, [*lines, *rest.splitlines()], stderr.strip().splitlines()


def test_ctrl_c_mid_extract_says_what_was_printed_and_how_to_finish(tmp_path: Path) -> None:
    _many_articles(tmp_path, 400)
    code, printed, errors = _interrupt(["extract", str(tmp_path), "--format", "jsonl"], after_lines=3)
    assert code == 130
    records = [json.loads(line) for line in printed if line.strip()]  # every printed line is whole
    assert 3 <= len(records) < 400, "the interruption did not land mid-run"
    error = json.loads(errors[-1])
    assert error["error"] == "interrupted"
    assert f"stopped after {len(records)} page(s)" in error["message"] and "run it again" in error["message"]


def test_ctrl_c_mid_extract_to_a_list_says_nothing_was_printed(tmp_path: Path) -> None:
    _many_articles(tmp_path, 4000)  # far more than are done in the seconds before the Ctrl-C
    process = subprocess.Popen(
        [sys.executable, "-m", "materiel", "extract", str(tmp_path), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )
    try:
        process.communicate(timeout=SECONDS_BEFORE_CTRL_C)  # the model loaded, none printed yet
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGINT)
    printed, stderr = process.communicate(timeout=120)
    assert process.returncode == 130 and printed == ""
    error = json.loads(stderr.strip().splitlines()[-1])
    assert error["error"] == "interrupted" and "nothing was printed" in error["message"]


def test_ctrl_c_with_workers_prints_no_worker_s_traceback(tmp_path: Path) -> None:
    """Ctrl-C at a terminal reaches the whole process group: each idle worker of `--workers 2`
    printed a Python traceback (KeyboardInterrupt in its queue's get) around the `interrupted`
    line. Every stderr line is the JSON error shape."""
    _many_articles(tmp_path, 600)
    process = subprocess.Popen(
        [sys.executable, "-m", "materiel", "clean", str(tmp_path), "--format", "jsonl", "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
        start_new_session=True,  # its own group, signalled whole as a terminal signals its job
    )
    lines = [process.stdout.readline() for _ in range(3)]  # the workers are running
    time.sleep(SECONDS_FOR_THE_WORKERS)  # unread, the pipe fills: the printing waits, the workers finish and idle
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)  # stdout: the line a blocked write held may be cut
    assert process.returncode == 130 and all(json.loads(line) for line in lines)
    errors = stderr.strip().splitlines()
    assert "Traceback" not in stderr and [json.loads(line)["error"] for line in errors] == ["interrupted"]
