"""Ctrl-C during `extract` (and `clean`, its reading half) ends with the `interrupted` line ingest
prints: what was printed, how to finish; exit 130."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.test_ledger import _default_sigint, _many_articles, counts_or_zero

pytestmark = pytest.mark.slow
# Long enough to load the model and do some pages (a list is printed only at the end).
SECONDS_BEFORE_CTRL_C = 6
# Long enough for two workers to clean a few hundred one-line pages.
SECONDS_FOR_THE_WORKERS = 4
# Ctrl-C pressed again and again: often enough to land in every step of a command's ending.
SECONDS_BETWEEN_CTRL_CS = 0.002


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
    rest, stderr = process.communicate(timeout=120)
    assert process.returncode == 130 and all(json.loads(line) for line in [*lines, *rest.splitlines()])
    errors = stderr.strip().splitlines()
    assert "Traceback" not in stderr and [json.loads(line)["error"] for line in errors] == ["interrupted"]


def test_ctrl_c_while_a_line_waits_on_a_full_pipe_leaves_the_line_whole(tmp_path: Path) -> None:
    """A Ctrl-C that landed while a write was blocked on a full pipe ended the write mid-line: the
    part in the pipe was printed, the rest dropped, and the `interrupted` line said every printed
    line was whole. The line is finished first now."""
    reader, writer = os.pipe()
    capacity = fcntl.fcntl(writer, fcntl.F_GETPIPE_SZ)
    os.close(reader)
    os.close(writer)
    paragraph = "Norway has sent howitzers to Ukraine, the ministry said on Monday in a statement. " * 8
    for number in range(3):  # each page's line is over twice what the pipe holds: its write blocks
        (tmp_path / f"p{number}.txt").write_text("\n\n".join([paragraph] * (2 * capacity // len(paragraph) + 1)))
    process = subprocess.Popen(
        [sys.executable, "-m", "materiel", "clean", str(tmp_path), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + 60
    while _unread(process.stdout.fileno()) < capacity and time.monotonic() < deadline:
        time.sleep(0.05)  # until the pipe is full: the first line's write is blocked mid-line
    process.send_signal(signal.SIGINT)
    printed, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    lines = printed.decode().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"].endswith("p0.txt")
    assert "stopped after 1 page(s)" in json.loads(stderr.decode().splitlines()[-1])["message"]


def _unread(fd: int) -> int:
    """The bytes waiting in a pipe."""
    return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_ctrl_c_again_while_the_command_ends_prints_no_traceback_and_keeps_the_ledger_whole(
    tmp_path: Path, command: str
) -> None:
    """Ctrl-C after Ctrl-C, while an interrupted command ended (its transaction rolled back, its
    `interrupted` line printed, the exit writing the output's buffer and the pattern store), printed
    a traceback ("Exception ignored in atexit callback") or killed the process (exit -2, not 130).
    Every Ctrl-C after the first is ignored now: the ending is finished, every stderr line is the
    JSON error shape, and an ingest run again on the pages makes the ledger whole."""
    pages, ledger, printed = tmp_path / "pages", tmp_path / "ledger.db", tmp_path / "printed.jsonl"
    pages.mkdir()
    _many_articles(pages, 200)
    # a pattern store of its own, empty: the exit writes it
    env = {**os.environ, "MATERIEL_BATCH_SIZE": "5", "MATERIEL_REGEX_CACHE": str(tmp_path / "patterns")}
    where = ["--db", str(ledger)] if command == "ingest" else ["--format", "jsonl"]
    line = [sys.executable, "-m", "materiel", command, str(pages), *where]
    with printed.open("w") as out:
        process = subprocess.Popen(
            line, stdout=out, stderr=subprocess.PIPE, text=True, env=env, preexec_fn=_default_sigint
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and max(counts_or_zero(ledger), _lines(printed)) < 10:
            time.sleep(0.02)
        while process.poll() is None:  # Ctrl-C again and again until it has ended
            process.send_signal(signal.SIGINT)
            time.sleep(SECONDS_BETWEEN_CTRL_CS)
    stderr = process.stderr.read()
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and [json.loads(e)["error"] for e in stderr.splitlines()] == ["interrupted"]
    done = counts_or_zero(ledger) if command == "ingest" else _lines(printed)
    assert 0 < done < 200, "the interruption did not land mid-run"
    if command == "ingest":
        again = subprocess.run(line, env=env, capture_output=True, text=True, timeout=300)
        assert f"new {200 - done} " in again.stderr and counts_or_zero(ledger) == 200


def _lines(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


def test_the_interrupted_line_counts_the_records_printed_apart_from_the_pages_reported(capsys) -> None:
    """Of two pages done, one printed and one skipped (its line on stderr), the `interrupted` line
    said "the 2 record(s) printed so far": a user counting stdout's lines found one."""
    from materiel.article import Article
    from materiel.cli import clean_view, interrupted, write_records
    from materiel.pipeline import skip

    def pages():
        yield Article(id="a", source="a.txt", text="Norway sent tanks.")
        yield skip("b.txt", "empty page")
        raise KeyboardInterrupt

    done = [0, 0]
    with pytest.raises(KeyboardInterrupt):
        write_records(pages(), "jsonl", clean_view, done)
    assert len(capsys.readouterr().out.splitlines()) == 1
    message = str(interrupted("clean", "jsonl", done))
    assert "stopped after 2 page(s)" in message and "the 1 record(s) printed" in message


# A child that presses Ctrl-C on itself at one step of a command, then waits for it to land.
_CTRL_C_AT = """
import os, signal, sys, time
import materiel.cli, materiel.cli_ledger
def ctrl_c(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)
{target} = ctrl_c
sys.argv = ["materiel", *sys.argv[1:]]
materiel.cli.main()
"""


@pytest.mark.parametrize(
    ("target", "where"),
    [
        ("materiel.cli._app_main", "while the app loads"),  # a traceback, exit -2
        ("materiel.cli_ledger._new_ledger_file", "in ingest, before its own ending"),  # exit 130, nothing said
    ],
)
def test_ctrl_c_before_a_command_s_own_ending_says_so(tmp_path: Path, target: str, where: str) -> None:
    """review15: a Ctrl-C while the app loaded (typer, the model's modules: the first second of
    every command) printed a Python traceback and ended with -2; one in a command before its own
    handler (ingest's imports) ended 130 in silence. Both now end 130 with the `interrupted` line."""
    process = subprocess.run(
        [
            sys.executable,
            "-c",
            _CTRL_C_AT.format(target=target),
            "ingest",
            str(tmp_path),
            "--db",
            str(tmp_path / "l.db"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_default_sigint,
    )
    assert process.returncode == 130, (where, process.stderr)
    assert "Traceback" not in process.stderr
    (line,) = [json.loads(text) for text in process.stderr.splitlines() if text.strip()]
    assert line["error"] == "interrupted" and "run it again" in line["message"]
