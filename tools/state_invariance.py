"""State invariance of transfers: swap states in text and gold, extract again, compare.

Most train and dev transfers are between a few states (Ukraine, Russia, the US, Israel, Taiwan);
a rule or a feature that leans on one of them will not carry to other conflicts. This probe copies
the train and dev articles to /tmp with pairs of states swapped consistently, in the text by every
form the actor lexicon knows (short and official names, aliases, demonyms, seats and capitals,
armed forces, makers, leaders) and in the gold by their ids, runs `materiel eval` on each copy and
scores it with ../shared/eval/score.py beside the unswapped run.

A loss after a swap is the extractor's dependence on a state, or the probe's noise: a form of the
state the lexicon does not know stays in the text (the original state, still named), which this
tool counts apart: a swapped run's row naming a state of the swap that the unswapped run, swapped,
does not name.

    python tools/state_invariance.py [--shared ../shared] [--sets east west seeded] [--keep /tmp/x]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tools.swapstates import Swap, swap_gold, write_swapped  # noqa: E402

SPLITS = ("dev", "train")
# The pairs the probe swaps: a war's two sides to another war's (wars.json holds both, so the
# hostile reading stays a fact of each), and suppliers to states the lexicon knows as fully.
SETS: dict[str, list[tuple[str, str]]] = {
    "east": [("UKR", "ARM"), ("RUS", "AZE")],
    "west": [("USA", "FRA"), ("DEU", "JPN")],
}
# States a seeded set draws from, and the partners they may get: each known by name, demonym and
# seat in actors.json, none a side of a war in wars.json (so no war moves with the swap).
SEEDED_FROM = ("GBR", "CHN", "TWN", "IRN", "POL")
SEEDED_TO = ("EGY", "SAU", "TUR", "KOR", "NLD", "CZE", "VNM", "VEN", "KAZ")
SEED = 26


def seeded_pairs(seed: int) -> list[tuple[str, str]]:
    partners = random.Random(seed).sample(SEEDED_TO, len(SEEDED_FROM))
    return list(zip(SEEDED_FROM, partners, strict=True))


def write_copy(shared: Path, out: Path, split: str, swap: Swap) -> tuple[Path, int]:
    """The swapped gold and its articles under `out`; how many articles the swap changed."""
    gold_path = out / "gold" / f"{split}.jsonl"
    gold_path.parent.mkdir(parents=True, exist_ok=True)
    changed = 0
    lines = []
    for line in (shared / "gold" / f"{split}.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        changed += write_swapped(shared / record["file"], out / record["file"], swap)
        lines.append(json.dumps(swap_gold(record, swap), ensure_ascii=False))
    gold_path.write_text("\n".join(lines) + "\n", "utf-8")
    return gold_path, changed


def evaluate(shared: Path, gold: Path, pred: Path) -> dict:
    if not pred.exists():
        subprocess.run(
            [str(ROOT / ".venv/bin/materiel"), "eval", "--gold", str(gold), "--out", str(pred)],
            check=False,
            capture_output=True,
        )
    scored = subprocess.run(
        [sys.executable, str(shared / "eval/score.py"), "--gold", str(gold), "--pred", str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(scored.stdout)


def summary(result: dict) -> str:
    t, f = result["transfers"], result["fields"]
    cells = [t["precision"], t["recall"], t["f1"], f["status"], f["via"], f["sources"]]
    return "  ".join("  n/a" if c is None else f"{c:.3f}" for c in cells)


def rows(pred: Path) -> dict[str, set[tuple]]:
    """Each article's predicted (supplier, recipient, category)."""
    out = {}
    for line in pred.read_text("utf-8").splitlines():
        record = json.loads(line)
        out[record["id"]] = record_rows(record)
    return out


def record_rows(record: dict) -> set[tuple]:
    return {_key(t) for t in record.get("transfers") or []}


def _key(transfer: dict) -> tuple:
    def ident(actor: object) -> str | None:
        return actor.get("id") if isinstance(actor, dict) else actor  # type: ignore[return-value]

    return (
        ident(transfer.get("supplier")),
        ident(transfer.get("recipient")),
        (transfer.get("item") or {}).get("category"),
    )


def compare(before: Path, after: Path, swap: Swap) -> tuple[list[str], int, int]:
    """Articles whose rows differ from the unswapped run's rows swapped; how many differing rows
    name an original state of the swap (noise: a form the swap missed) and how many do not."""
    old, new = rows(before), rows(after)
    lines, noise, real = [], 0, 0
    for doc_id in sorted(old):
        expected = {swap.key(k) for k in old[doc_id]}
        got = new.get(doc_id, set())
        if expected == got:
            continue
        named = {a for k in expected for a in k[:2]}
        for key in sorted(expected ^ got, key=str):
            missed = key in got and any(a in swap.states and a not in named and swap.id(a) in named for a in key[:2])
            noise += missed
            real += not missed
            sign = "+" if key in got else "-"
            lines.append(f"  {doc_id[:60]:60} {sign} {key}{'  (missed form)' if missed else ''}")
    return lines, noise, real


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sets", nargs="+", default=["east", "west", "seeded"])
    parser.add_argument("--keep", type=Path, default=Path("/tmp/state_invariance"))
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--diff", action="store_true", help="list the rows each swap changed")
    args = parser.parse_args()
    shared = args.shared.resolve()
    args.keep.mkdir(parents=True, exist_ok=True)
    print("set      split  articles  P      R      F1     status via    sources")
    for split in SPLITS:
        base_pred = args.keep / f"base-{split}.jsonl"
        base = evaluate(shared, shared / "gold" / f"{split}.jsonl", base_pred)
        print(f"{'none':8} {split:6} {'':9} {summary(base)}")
        for name in args.sets:
            pairs = seeded_pairs(args.seed) if name == "seeded" else SETS[name]
            swap = Swap(pairs)
            out = args.keep / name
            gold, changed = write_copy(shared, out, split, swap)
            result = evaluate(shared, gold, out / f"pred-{split}.jsonl")
            pairs_text = ",".join(f"{a}<>{b}" for a, b in pairs)
            print(f"{name:8} {split:6} {changed:<9} {summary(result)}   {pairs_text}")
            lines, noise, real = compare(base_pred, out / f"pred-{split}.jsonl", swap)
            print(f"{'':16} rows changed: {noise + real} ({noise} naming a state the swap missed, {real} other)")
            if args.diff:
                print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
