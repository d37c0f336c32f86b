"""Regenerate docs/robustness.md: every bad input and fault tried, what happened, what was lost.

    .venv/bin/python bench/robustness.py [--load-seconds 20]

Each input case runs the real CLI (`materiel extract DIR -f jsonl`) on a folder holding the bad
file beside two good ones, with a time limit: a hang is a timeout, a crash is a traceback on
stderr, a loss is a good file whose article is missing from the output. The ledger cases run
ingest under SIGKILL, on a size-limited SQLite, and beside the API. The API load test is
`bench/load.py`, run here for a bounded time.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MATERIEL = [sys.executable, "-m", "materiel"]
GOOD = {
    "good1.txt": "Denmark has sent 19 F-16 jets to Ukraine, the ministry said.",
    "good2.txt": "Norway will send eight NASAMS systems to Ukraine, the minister said.",
}
CASE_TIMEOUT = 300


def _warc(truncate: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = f"<html><body><p>Page {n}: Finland sent howitzers to Ukraine.</p></body></html>".encode()
        writer.write_record(
            writer.create_warc_record(f"https://x.test/{n}", "response", payload=io.BytesIO(body), http_headers=headers)
        )
    data = buffer.getvalue()
    return data[: len(data) // 2] if truncate else data


INPUTS: dict[str, Callable[[Path], None]] = {
    "binary file": lambda d: (d / "bad.txt").write_bytes(bytes(range(256)) * 64),
    "empty file": lambda d: (d / "empty.txt").write_bytes(b""),
    "truncated gzip (HTML)": lambda d: (d / "page.html.gz").write_bytes(gzip.compress(b"<p>x</p>" * 999)[:50]),
    "truncated WARC (gzip)": lambda d: (d / "crawl.warc.gz").write_bytes(_warc(True)),
    "50 MB text": lambda d: (d / "huge.txt").write_bytes(b"word " * 10_500_000),
    "HTML nested 10,000 deep": lambda d: (d / "deep.html").write_text("<div>" * 10000 + "deep" + "</div>" * 10000),
    "invalid UTF-8": lambda d: (d / "invalid.txt").write_bytes(b"Caf\xe9 \xff\xfe owner said ok \x80\x81"),
    "NUL bytes": lambda d: (d / "nul.txt").write_bytes(b"Sweden sent\x00 jets\x00 to Ukraine."),
    "JSONL with broken lines": lambda d: (d / "feed.jsonl").write_text(
        '{"id": "a", "text": "ok text"}\n{broken\n[1]\n'
    ),
    "unreadable file (chmod 000)": lambda d: _unreadable(d / "secret.txt"),
    "named pipe (FIFO) nobody writes to": lambda d: os.mkfifo(d / "pipe.txt"),
    "JSONL feed of 21 MB (3,000 records)": lambda d: (d / "big.jsonl").write_text(
        "".join(json.dumps({"id": f"r{n}", "text": f"Record {n}. " + "word " * 1400}) + "\n" for n in range(3000))
    ),
}


def _unreadable(path: Path) -> None:
    path.write_text("Estonia sent shells to Ukraine.")
    path.chmod(0)


def run_input_case(name: str, make: Callable[[Path], None]) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for file, text in GOOD.items():
            (base / file).write_text(text)
        make(base)
        started = time.monotonic()
        try:
            result = subprocess.run(
                [*MATERIEL, "extract", str(base), "-f", "jsonl"], capture_output=True, text=True, timeout=CASE_TIMEOUT
            )
        except subprocess.TimeoutExpired:
            return {"case": name, "outcome": "hang (timeout)", "exit": "-", "crash": 0, "hang": 1, "lost": "?"}
        return _judge(name, result, time.monotonic() - started)


def _judge(name: str, result: subprocess.CompletedProcess, seconds: float) -> dict:
    ids = {json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()}
    lost = [g for g in ("good1", "good2") if g not in ids]
    errors = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    crash = int("Traceback" in result.stderr)
    said = "; ".join(e["message"] for e in errors)[:110] or "read without error"
    return {
        "case": name,
        "outcome": said,
        "exit": result.returncode,
        "crash": crash,
        "hang": 0,
        "lost": len(lost),
        "seconds": round(seconds, 1),
    }


def removed_mid_run() -> dict:
    from materiel.executors import expand
    from materiel.read import read_path

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for file, text in GOOD.items():
            (base / file).write_text(text)
        (base / "vanishing.txt").write_text("gone soon")
        files = expand([base])
        (base / "vanishing.txt").unlink()
        items = [i for f in files for i in read_path(f)]
    problems = [getattr(i, "problem", "") for i in items if hasattr(i, "problem")]
    good = [i for i in items if not hasattr(i, "problem")]
    return {
        "case": "file removed mid-run",
        "outcome": "; ".join(problems),
        "exit": "-",
        "crash": 0,
        "hang": 0,
        "lost": 2 - len(good),
    }


def sigkill_ingest() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        pages = base / "pages"
        pages.mkdir()
        for n in range(60):
            (pages / f"a{n:03d}.txt").write_text(f"Latvia has sent {n + 2} howitzers to Ukraine, report {n} says.")
        env = {**os.environ, "MATERIEL_BATCH_SIZE": "5"}
        killed = subprocess.Popen(
            [*MATERIEL, "ingest", str(pages), "--db", str(base / "k.db")], env=env, stderr=subprocess.DEVNULL
        )
        time.sleep(8)
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        for db in ("k.db", "c.db"):
            subprocess.run([*MATERIEL, "ingest", str(pages), "--db", str(base / db)], env=env, capture_output=True)
        same = _dump(base / "k.db") == _dump(base / "c.db")
    return {
        "case": "SIGKILL during ingest, then re-run",
        "outcome": "ledger identical to one clean run" if same else "ledgers differ",
        "exit": "-",
        "crash": 0,
        "hang": 0,
        "lost": 0 if same else "?",
    }


def _dump(path: Path) -> list:
    import sqlite3

    with sqlite3.connect(path) as connection:
        return sorted(connection.execute("SELECT id FROM articles").fetchall()) + sorted(
            connection.execute("SELECT id, status FROM claims").fetchall()
        )


def full_disk() -> dict:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            str(ROOT / "tests" / "test_ledger.py"),
            "-k",
            "full_disk or while_the_api",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    ok = result.returncode == 0
    return {
        "case": "full disk (size-limited SQLite); ingest while the API answers",
        "outcome": "clear error, database intact; every request answered 200" if ok else result.stdout[-200:],
        "exit": "-",
        "crash": 0,
        "hang": 0,
        "lost": 0 if ok else "?",
    }


def render(rows: list[dict], load: str) -> str:
    lines = [
        "# Robustness",
        "",
        "Generated by `bench/robustness.py`; do not edit by hand.",
        "",
        "| input or fault | what happened | exit | crashes | hangs | lost |",
        "|---|---|---|---:|---:|---:|",
    ]
    for row in rows:
        outcome = str(row["outcome"]).replace("|", "/")
        lines.append(f"| {row['case']} | {outcome} | {row['exit']} | {row['crash']} | {row['hang']} | {row['lost']} |")
    totals = {k: sum(r[k] for r in rows if isinstance(r[k], int)) for k in ("crash", "hang", "lost")}
    lines += [
        "",
        f"Totals: {totals['crash']} crashes, {totals['hang']} hangs, {totals['lost']} good articles lost.",
        "",
        "Root reads files whatever their permissions, so the chmod case reads the file when run as root.",
        "",
        "## API under load",
        "",
        load,
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--load-seconds", type=int, default=20)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "robustness.md")
    args = parser.parse_args()
    rows = [run_input_case(name, make) for name, make in INPUTS.items()]
    rows += [removed_mid_run(), sigkill_ingest(), full_disk()]
    load = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--seconds", str(args.load_seconds)],
        capture_output=True,
        text=True,
    ).stdout
    args.out.write_text(render(rows, load), encoding="utf-8")
    print(args.out.read_text())


if __name__ == "__main__":
    main()
