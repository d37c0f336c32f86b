"""What a list request costs as the ledger grows: CPU per request and the rows the driver hands
back, for the ledger page, the transfers API (plain, sorted, filtered, searched), its CSV, the
timeline, the flows and `materiel ledger`'s read with two filters, at each ledger size.

    .venv/bin/python bench/ledger_lists.py [--sizes 250,2000] [--repeat 5] [--keep DIR] [--label NAME]

Each ledger is the examples ingested, then `bench/ledger_scale.py`'s fill: synthetic articles by
bare inserts and one rebuild of the transfers (250 articles: about 420 transfers; 2,000: about
3,300). With --keep the ledgers are made once and reused, so that two versions of the code (run
one after the other, e.g. with PYTHONPATH naming another checkout's src) are measured on the same
files. In process (FastAPI's test client), SQLite; the rows are counted by the sqlite3 cursor, the
CPU is this process's (a shared machine's steadier figure than wall time).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import ledger_scale
from materiel import api
from materiel.ledger import store
from materiel.ledger.queries import Filters, list_transfers
from tools.sqlcount import COUNTS, counting

ROOT = Path(__file__).resolve().parents[1]
PATHS = (
    "/?limit=50",
    "/api/v1/transfers",
    "/api/v1/transfers?limit=20&sort=supplier&order=asc",
    "/api/v1/transfers?limit=20&supplier=Poland",
    "/api/v1/transfers?limit=20&q=drone",
    "/api/v1/transfers?limit=20&offset=1000",
    "/api/v1/transfers.csv?category=drones",
    "/api/v1/timeline",
    "/api/v1/flows",
)
# What `materiel ledger --supplier Poland --since 2024` reads (in process, without the CLI's start).
LISTED = "list_transfers(supplier=Poland, since=2024)"


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def ledger(size: int, keep: Path) -> Path:
    """The examples and `size` synthetic articles (made once per --keep folder)."""
    path = keep / f"lists{size}.db"
    if not path.exists():
        made = keep / f"making{size}.db"
        made.unlink(missing_ok=True)
        store.Store(str(made)).ingest(api.extract([ROOT / "examples"]))
        ledger_scale.fill(f"sqlite:///{made}", ledger_scale.Synthetic(ledger_scale.seed_articles(24)), size)
        shutil.move(made, path)
    return path


def measure(path: Path, repeat: int) -> dict:
    from fastapi.testclient import TestClient

    from materiel.web.app import create_app

    client = TestClient(create_app(str(path)))
    found = {"transfers": client.get("/api/v1/transfers?limit=1").json()["total"]}
    for request in PATHS:
        assert client.get(request).status_code == 200, request
        found[request] = _timed(lambda r=request: client.get(r), repeat)
    with store.Store(str(path), readonly=True).connect() as connection:
        filters = Filters(supplier="Poland", since="2024")
        found[LISTED] = _timed(lambda: list_transfers(connection, filters), repeat)
    return found


def _timed(action, repeat: int) -> dict:
    action()
    COUNTS.clear()
    started = cpu()
    for _ in range(repeat):
        action()
    return {"ms": round(1000 * (cpu() - started) / repeat, 1), "rows": COUNTS["rows"] // repeat}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="250,2000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Folder for the ledgers, reused across runs.")
    parser.add_argument("--label", default="this code")
    args = parser.parse_args()
    with counting(), tempfile.TemporaryDirectory() as folder:
        keep = args.keep or Path(folder)
        keep.mkdir(parents=True, exist_ok=True)
        sizes = [int(s) for s in args.sizes.split(",")]
        results = {size: measure(ledger(size, keep), args.repeat) for size in sizes}
    print(json.dumps({"label": args.label, **{str(k): v for k, v in results.items()}}), flush=True)
    small, large = results[sizes[0]], results[sizes[-1]]
    print(f"\n{args.label}: {small['transfers']} -> {large['transfers']} transfers")
    print("| request | ms per request | rows fetched | large / small (ms) |\n|---|---:|---:|---:|")
    for request in (*PATHS, LISTED):
        one, other = small[request], large[request]
        ratio = other["ms"] / one["ms"] if one["ms"] else float("nan")
        print(f"| `{request}` | {one['ms']} -> {other['ms']} | {one['rows']} -> {other['rows']} | {ratio:.1f} |")


if __name__ == "__main__":
    main()
