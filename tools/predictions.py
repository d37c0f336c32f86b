"""A `materiel eval` prediction file read and written back whole: what the ablations of our own
output (tools/status_ablate.py, tools/frame_ablate.py) share."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path


def rewrite(path: Path, change: Callable[[list[dict]], object]) -> None:
    """Read the JSONL prediction records at `path`, let `change` alter them in place, and write
    them back (blank lines dropped, non-ASCII kept as it is)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]
    change(records)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
