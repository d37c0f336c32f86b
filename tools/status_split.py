"""Where stage errors come from: the gold stages of the matched required transfers split by who
reported the transfer (the rules, or only the scorer), by what decided the stage
(`status_reason`'s kind, as tools/stage_calibration.py names it), by the outlet's genre, and as a
confusion of the coarse classes (rows ours, columns gold), per split and pooled.

Out of fold (`--oof`): run `materiel eval` with the scorer's threshold at 0 (its artefact,
src/materiel/extract/models/transfers.json, copied aside, "threshold" set to 0, restored after),
so that every candidate it could add is in the output with the stage it would get; the scorer's
transfers are then kept only where their grouped cross-validated probability (tools/transfer_cv.py's
folds on the `make model` cache) reaches `--threshold`: the ones a scorer not fitted to their
article accepts. `--bars` prints the scorer's rows band by band of that probability (0.4 and
lower bars), for the check set's rows accepted at a lower bar than in-sample ones.

    .venv/bin/materiel eval --gold ../shared/gold/dev.jsonl --out /tmp/dev.jsonl   # and train
    python tools/status_split.py dev=/tmp/dev.jsonl train=/tmp/train.jsonl [--oof [--threshold 0.4] [--bars]] [--errors]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.ledger.contest import COARSE  # noqa: E402
from tools.qty_misses import matched  # noqa: E402
from tools.stage_calibration import key_of, kind_of, read_jsonl  # noqa: E402

CLASSES = ("executed", "committed", "potential", "negative")
# Genres by what the page shows: a wire dateline or agency tag, a government's own release, a
# live page's timestamped entries, a fact-check's verdict, a date before 2000, a page translated or
# written for readers abroad from a non-English outlet (the id's language tag, a state agency).
WIRE = re.compile(r"\((?:Reuters|AP|AFP|Yonhap|dpa|LEAD)\)|\bReuters\b|Associated Press|Agence France|Yonhap|Anadolu")
GOVERNMENT = re.compile(r"^(?:Statement|Readout|Fact Sheet|Press Release|Remarks|Joint Statement)\b", re.I)
LIVE_ENTRY = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|GMT|CET|BST|EET))?|Updated?\b)", re.I | re.M)
LIVE_ENTRIES = 3
TRANSLATED = re.compile(r"^semeval25_(?!EN)|^hel_\w*_(?:UA|PL|RU|DE|FR|IT|ES|CZ|LT|LV|EE|RO)_")
GOVERNMENT_IDS = ("whb_",)
FACT_CHECK_IDS = ("fc_",)
OLD_BEFORE = 2000


def genre_of(doc_id: str, title: str, text: str, year: int | None) -> str:
    head = text[:600]
    if year is not None and year < OLD_BEFORE:
        return "old (before 2000)"
    if doc_id.startswith(FACT_CHECK_IDS) or title.upper().startswith("FACT CHECK"):
        return "fact-check"
    if doc_id.startswith(GOVERNMENT_IDS) or GOVERNMENT.match(title or ""):
        return "government release"
    if len(LIVE_ENTRY.findall(text)) >= LIVE_ENTRIES or "live" in title.lower().split():
        return "live blog"
    if TRANSLATED.match(doc_id):
        return "translated / foreign desk"
    if WIRE.search(head):
        return "wire"
    return "other news / essay"


def oof_probabilities(cache: Path) -> dict[tuple, float]:
    """Each cached candidate triple's grouped out-of-fold probability, by (article, key)."""
    from tools import train_transfers
    from tools.transfer_cv import out_of_fold

    rows = [r for r in train_transfers.dump(ROOT.parent / "shared", cache) if r["label"] is not None]
    names = sorted({n for r in rows for n in r["features"]})
    probs = out_of_fold(rows, names)
    return {(r["id"], tuple(r["key"])): p for r, p in zip(rows, probs, strict=True)}


def rows_of(split: str, gold: dict, pred: dict, sources: dict, keep) -> list[dict]:
    rows = []
    for doc_id, guess, found, expected in matched(gold, pred, keep):
        text = guess.get("text") or ""
        date = (guess.get("published") or sources.get(doc_id, {}).get("date") or "")[:4]
        year = int(date) if date.isdigit() else None
        genre = genre_of(doc_id, gold[doc_id].get("title") or guess.get("title") or "", text, year)
        reason = found.get("status_reason") or ""
        rows.append({
            "split": split, "id": doc_id, "genre": genre, "key": tuple(key_of(found)),
            "by": "scorer" if reason.startswith("scorer;") else "rules",
            "kind": kind_of(reason.removeprefix("scorer; ")), "reason": reason,
            "pred": COARSE[found["status"]], "gold": COARSE[expected["status"]],
            "pred_fine": found["status"], "gold_fine": expected["status"],
        })  # fmt: skip
    return rows


def table(title: str, rows: list[dict], field: str, splits: list[str]) -> None:
    print(f"- by {title}: right/n per split | pooled | gold classes pooled")
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row[field]].append(row)
    for label, members in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
        cells = []
        for split in splits:
            part = [r for r in members if r["split"] == split]
            cells.append(f"{split} {sum(r['pred'] == r['gold'] for r in part):3}/{len(part):<3}")
        right = sum(r["pred"] == r["gold"] for r in members)
        gold = dict(Counter(r["gold"] for r in members).most_common())
        print(f"  {label[:34]:34} {'  '.join(cells)} | {right:3}/{len(members):<3} {right / len(members):.3f} | {gold}")


def confusion(rows: list[dict], splits: list[str]) -> None:
    for split in [*splits, "pooled"]:
        part = rows if split == "pooled" else [r for r in rows if r["split"] == split]
        counts = Counter((r["pred"], r["gold"]) for r in part)
        print(f"- confusion {split} (rows ours, columns gold: {' / '.join(CLASSES)})")
        for ours in CLASSES:
            print(f"  {ours:10} " + " ".join(f"{counts[(ours, gold)]:4}" for gold in CLASSES))


# Bars of the scorer's out-of-fold probability: the shipped 0.4 and lower ones.
BARS = (0.4, 0.3, 0.2, 0.1, 0.0)


def bars(rows: list[dict], probs: dict[tuple, float]) -> None:
    """The scorer's matched rows between each bar and the one above it: how often their stage is
    right, the confusion, and what decided it, so a lower bar's share of them shows in the total."""
    scored = [r for r in rows if r["by"] == "scorer"]
    for high, low in zip((None, *BARS), BARS, strict=False):
        band = [r for r in scored if low <= probs.get((r["id"], r["key"]), 0.0) < (high or 2.0)]
        right = sum(r["pred"] == r["gold"] for r in band)
        pairs = Counter(f"{r['pred'][:4]}>{r['gold'][:4]}" for r in band if r["pred"] != r["gold"])
        kinds = Counter(f"{r['kind']} {'ok' if r['pred'] == r['gold'] else 'x'}" for r in band)
        print(f"- scorer rows at {low} <= p < {high or 1}: {right}/{len(band)}")
        print(f"  wrong (ours>gold): {dict(pairs.most_common())}")
        print(f"  kinds: {dict(kinds.most_common())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", help="SPLIT=PREDICTIONS")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--oof", action="store_true", help="keep the scorer's transfers by out-of-fold probability")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "triples.jsonl")
    parser.add_argument("--threshold", type=float, default=0.4)
    parser.add_argument("--errors", action="store_true", help="print every wrong row")
    parser.add_argument("--bars", action="store_true", help="the scorer's rows by the bar that accepts them (--oof)")
    args = parser.parse_args()
    with (args.shared / "corpus" / "SOURCES.tsv").open(encoding="utf-8") as handle:
        sources = {r["id"]: r for r in csv.DictReader(handle, delimiter="\t")}
    probs = oof_probabilities(args.cache) if args.oof else {}

    def keep(doc_id: str, transfer: dict) -> bool:
        if not args.oof or not (transfer.get("status_reason") or "").startswith("scorer;"):
            return True
        return probs.get((doc_id, tuple(key_of(transfer))), 0.0) >= args.threshold

    rows, splits = [], []
    for run in args.runs:
        split, _, path = run.partition("=")
        splits.append(split)
        gold = read_jsonl(args.shared / "gold" / f"{split}.jsonl")
        rows += rows_of(split, gold, read_jsonl(Path(path)), sources, keep)
    print(f"matched required transfers {len(rows)}, coarse stage right {sum(r['pred'] == r['gold'] for r in rows)}")
    for title, field in (("who reported it", "by"), ("what decided the stage", "kind"), ("genre", "genre")):
        table(title, rows, field, splits)
    confusion(rows, splits)
    if args.bars:
        bars(rows, probs)
    if args.errors:
        for r in rows:
            if r["pred"] != r["gold"]:
                who = f"{r['split']} {r['id'][:45]:45} {r['by']:6} {r['genre'][:12]:12}"
                print(f"  {who} {r['pred_fine']:>11} gold {r['gold_fine']:11} {r['reason'][:60]}")


if __name__ == "__main__":
    main()
