"""Near-miss transfers (near22): reported triples that match a missed required gold triple of their
article on two of supplier, recipient and category but not the third, by kind, on train + dev out
of fold. A gauge, not shipped: nothing here changes the package.

    python tools/near_gauge.py [--cache build/triples.jsonl] [--list FILE]

Prints one JSON line of totals: found, spurious, the gold found when any category, any supplier or
any recipient is allowed (each reported transfer repeated under every value), and the near misses
by kind, with the transfer scorer's grouped out-of-fold probabilities (tools/transfer_cv.py folds;
the rules' triples as reported). `--list` writes each near miss with its sentence.

Kinds: `category:OURS>GOLD`; a party's: `alliance` (a group such as nato for a state, or the
reverse), `via` (our party is a state the gold routes the transfer through), `slug` (a company,
city or armed group for a state, or the reverse), `co-party` (our party plays the same role in
another gold transfer of the article: the other of two recipients or suppliers), `reversed` (our
wrong party is the gold's other side), `state` (another state: a maker's, a neighbour's, ...).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tools.recall_causes import norm as _actor  # noqa: E402

Key = tuple[str | None, str | None, str | None]
# Alliances and unions that gold names by slug where a reader may name a member state.
GROUPS = frozenset({"nato", "european-union", "g7", "baltic-states"})
FIELDS = ("supplier", "recipient", "category")


def gold_sets(record: dict) -> tuple[set[Key], set[Key], dict[Key, set[str]]]:
    """An article's required and optional gold keys, and each key's via states."""
    required, optional, via = set(), set(), {}
    for t in record.get("transfers", []):
        key = (_actor(t.get("supplier")), _actor(t.get("recipient")), t.get("category"))
        (optional if t.get("optional") else required).add(key)
        via.setdefault(key, set()).update(_actor(v) for v in t.get("via") or [])
    return required, optional - required, via


def party_kind(ours: Key, gold: Key, field: int, required: set[Key], via: set[str]) -> str:
    """What our wrong party is to the gold transfer (see the module's kinds)."""
    mine, theirs = ours[field], gold[field]
    if mine in GROUPS or theirs in GROUPS:
        return "alliance"
    if mine in via:
        return "via"
    if not (mine and len(mine) == 3 and mine.isupper()) or not (theirs and len(theirs) == 3 and theirs.isupper()):
        return "slug"
    if mine == gold[1 - field]:
        return "reversed"
    if any(k[field] == mine for k in required if k != gold):
        return "co-party"
    return "state"


def near_misses(reported: set[Key], record: dict) -> list[tuple[Key, Key, str]]:
    """(ours, gold, kind) for each spurious reported key and a missed required gold key that agree
    on two fields; each gold and each of ours used once, categories first."""
    required, optional, via = gold_sets(record)
    spurious = sorted((k for k in reported if k not in required and k not in optional), key=str)
    missed = sorted((k for k in required if k not in reported), key=str)
    out = []
    for field in (2, 0, 1):
        for ours in list(spurious):
            gold = next((g for g in missed if _differs_only(ours, g, field)), None)
            if gold is None:
                continue
            spurious.remove(ours)
            missed.remove(gold)
            name = FIELDS[field]
            kind = f"category:{ours[2]}>{gold[2]}" if field == 2 else party_kind(ours, gold, field, required, via[gold])
            out.append((ours, gold, kind if field == 2 else f"{name}:{kind}"))
    return out


def _differs_only(a: Key, b: Key, field: int) -> bool:
    return a[field] != b[field] and all(a[i] == b[i] for i in range(3) if i != field)


def totals(records: list[dict], reported: dict[str, set[Key]]) -> dict:
    """Found, spurious, the any-X gauges and near misses by kind over gold `records`."""
    found = spurious = gold_total = 0
    relaxed = Counter()
    kinds: Counter = Counter()
    for record in records:
        required, optional, _ = gold_sets(record)
        ours = reported.get(str(record["id"]), set())
        gold_total += len(required)
        found += len(required & ours)
        spurious += len(ours - required - optional)
        for field, name in enumerate(FIELDS):
            seen = {tuple(k[i] for i in range(3) if i != field) for k in ours}
            relaxed[name] += sum(1 for g in required if tuple(g[i] for i in range(3) if i != field) in seen)
        kinds.update(kind for _, _, kind in near_misses(ours, record))
    precision = found / (found + spurious) if found + spurious else 0.0
    recall = found / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    near = {k: kinds[k] for k in sorted(kinds)}
    return {
        "gold": gold_total, "found": found, "spurious": spurious,
        "P": round(precision, 3), "R": round(recall, 3), "F1": round(f1, 3),
        "any_category": relaxed["category"], "any_supplier": relaxed["supplier"],
        "any_recipient": relaxed["recipient"], "near_misses": sum(kinds.values()),
        "near_category": sum(v for k, v in kinds.items() if k.startswith("category:")),
        "near_supplier": sum(v for k, v in kinds.items() if k.startswith("supplier:")),
        "near_recipient": sum(v for k, v in kinds.items() if k.startswith("recipient:")),
        "kinds": near,
    }  # fmt: skip


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def out_of_fold(shared: Path, cache: Path, listing: Path | None) -> dict:
    """Totals over train + dev with the scorer's grouped out-of-fold probabilities."""
    from tools import train_transfers
    from tools.transfer_cv import out_of_fold as oof

    rows = [r for r in train_transfers.dump(shared, cache) if r["label"] is not None]
    probs = oof(rows, sorted({n for r in rows for n in r["features"]}))
    reported: dict[str, set[Key]] = {}
    sentence: dict[tuple[str, Key], dict] = {}
    for row, p in zip(rows, probs, strict=True):
        key = tuple(row["key"])
        sentence[(row["id"], key)] = {"p": round(p, 3), "rule": row["rule"], "sentence": row.get("sentence", "")}
        if p >= train_transfers.THRESHOLD:
            reported.setdefault(row["id"], set()).add(key)
    records = [r for split in ("train", "dev") for r in _read(shared / "gold" / f"{split}.jsonl")]
    if listing is not None:
        lines = []
        for record in records:
            for ours, gold, kind in near_misses(reported.get(record["id"], set()), record):
                found = sentence[(record["id"], ours)]
                lines.append({"id": record["id"], "kind": kind, "ours": ours, "gold": gold, **found})
        listing.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    return totals(records, reported)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "triples.jsonl")
    parser.add_argument("--list", type=Path, help="write each near miss here")
    args = parser.parse_args()
    print(json.dumps(out_of_fold(args.shared, args.cache, args.list)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
