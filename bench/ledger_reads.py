"""What one batch costs the ledger at each size: CPU of the batch and of its merge, and the SQL
statements run and rows handed back by the driver, which should not grow with the ledger.

    .venv/bin/python bench/ledger_reads.py [--sizes 0,5000,10000,20000] [--batch 2000] [--keep DIR]

Each size gets its own ledger, filled as `bench/ledger_scale.py --fill` fills one (bare inserts of
synthetic articles, then one rebuild of the transfers); with --keep the filled ledgers are kept
in DIR and copied for the next run, so that runs before and after a change ingest the same batch
into the same ledgers. A warm-up of 50 articles, then the measured batch. SQLite only: the
statements and rows are counted by the sqlite3 cursor.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import ledger_scale
from materiel import api
from materiel.ledger import store
from tools.sqlcount import COUNTS, counting

WARM_UP = 50  # articles ingested before the measured batch (imports, first queries)


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def filled(size: int, keep: Path, work: Path) -> tuple[str, ledger_scale.Synthetic]:
    """A ledger of `size` synthetic articles (from --keep when there), and the generator after it."""
    db, state = keep / f"filled{size}.db", keep / f"filled{size}.pkl"
    url = f"sqlite:///{work / f'ledger{size}.db'}"
    if not db.exists():
        synthetic = ledger_scale.Synthetic(ledger_scale.seed_articles(24))
        ledger_scale.reset(f"sqlite:///{db}")
        if size:
            ledger_scale.fill(f"sqlite:///{db}", synthetic, size)
        else:  # the empty ledger the first size of the default run measures from
            store.Store(f"sqlite:///{db}").ingest([])
        state.write_bytes(pickle.dumps(synthetic))
    shutil.copy(db, work / f"ledger{size}.db")
    return url, pickle.loads(state.read_bytes())


def measure(url: str, synthetic: ledger_scale.Synthetic, batch: int, work: Path) -> dict:
    warm = ledger_scale.write_parquet(synthetic.batch(WARM_UP), work / "warm.parquet")
    store.Store(url).ingest(api.extract([warm]))
    path = ledger_scale.write_parquet(synthetic.batch(batch), work / "batch.parquet")
    ledger = store.Store(url)
    merge_pending, merge_cpu = ledger.merge_pending, []

    def timed_merge() -> int:
        started = cpu()
        merged = merge_pending()
        merge_cpu.append(cpu() - started)
        return merged

    ledger.merge_pending = timed_merge
    COUNTS.clear()
    started = cpu()
    ledger.ingest(api.extract([path]))
    return {"batch_cpu": round(cpu() - started, 2), "merge_cpu": round(sum(merge_cpu), 2), **COUNTS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0,5000,10000,20000")
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="Folder for the filled ledgers, reused across runs.")
    args = parser.parse_args()
    with counting(), tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        keep = args.keep or work
        keep.mkdir(parents=True, exist_ok=True)
        for size in sorted(int(s) for s in args.sizes.split(",")):
            url, synthetic = filled(size, keep, work)
            print(json.dumps({"size": size, **measure(url, synthetic, args.batch, work)}), flush=True)


if __name__ == "__main__":
    main()
