"""How the transfer stage generalises: the gold stages of the matched required transfers by what
decided the predicted stage (`status_reason`), per outlet (the repository SOURCES.tsv names) and
per era (the latest year the evidence sentence names, else the article's date: Cold War, 1990s to
2013, 2014-2021, 2022 on). The fallback is a cue word's own stage under its verb form ("verb:
send, past", "noun: aid", "bare sentence"), where no stage word, modal, package or clause decides.
For each kind of reason it prints how often it is right in the outlet it fires most in, and out of it.

    .venv/bin/materiel eval --gold ../shared/gold/dev.jsonl --out /tmp/dev.jsonl   # and train
    python tools/stage_calibration.py dev=/tmp/dev.jsonl train=/tmp/train.jsonl [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from materiel.ledger.contest import COARSE  # the scorer's coarse classes (eval/FORMAT.md)
from tools.qty_misses import matched  # our transfers paired with gold as score.py pairs them

ROOT = Path(__file__).resolve().parent.parent
YEAR = re.compile(r"\b(19[4-9]\d|20[0-3]\d)\b")
# Eras by their first year, latest first.
ERAS = ((2022, "2022 on"), (2014, "2014-2021"), (1990, "1990-2013"), (0, "Cold War"))
# Reasons a cue word's own stage decided: the fallback.
FALLBACK = ("verb:", "noun:", "bare")
# Kinds of reason printed with fewer firings than this are left out of the cue table.
MIN_FIRINGS = 4


def era_of(year: int | None) -> str:
    return "unknown" if year is None else next(name for start, name in ERAS if year >= start)


def key_of(transfer: dict) -> tuple:
    def side(actor: object) -> object:
        return actor.get("id") if isinstance(actor, dict) else actor

    item = transfer.get("item")
    category = item.get("category") if isinstance(item, dict) else transfer.get("category")
    return side(transfer.get("supplier")), side(transfer.get("recipient")), category


def read_jsonl(path: Path) -> dict[str, dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r for r in records}


def rows_of(gold: dict[str, dict], pred: dict[str, dict], sources: dict[str, dict]) -> list[dict]:
    """One row per matched required gold transfer: outlet, era, reason, predicted and gold stage."""
    rows = []
    for doc_id, guess, found, expected in matched(gold, pred):
        text, source = guess.get("text") or "", sources.get(doc_id, {})
        date = (guess.get("published") or source.get("date") or "")[:4]
        year = int(date) if date.isdigit() else None
        evidence = found.get("evidence") or []
        sentence = text[evidence[0]["start"] : evidence[0]["end"]] if evidence else ""
        named = [int(y) for y in YEAR.findall(sentence) if year is None or int(y) <= year]
        rows.append({
            "outlet": source.get("repo") or doc_id.split("_", 1)[0],
            "era": era_of(max(named) if named else year),
            "reason": (found.get("status_reason") or "").removeprefix("scorer; "),
            "pred": found["status"],
            "gold": expected["status"],
        })  # fmt: skip
    return rows


def kind_of(reason: str) -> str:
    """A reason's kind: the fallback by verb form ("fallback: past"), else its name before ':'."""
    if not reason.startswith(FALLBACK):
        return reason.split(":")[0]
    form = reason.rsplit(",", 1)[-1].strip() if reason.startswith("verb:") else reason.split(":")[0]
    return f"fallback: {form}"


def right(row: dict) -> bool:
    return COARSE[row["pred"]] == COARSE[row["gold"]]


def line(label: str, rows: list[dict]) -> str:
    gold = Counter(COARSE[r["gold"]] for r in rows)
    return f"  {label[:44]:44} n={len(rows):3}  right {sum(map(right, rows)):3}  gold {dict(gold.most_common())}"


def report(rows: list[dict]) -> None:
    fallback = [r for r in rows if kind_of(r["reason"]).startswith("fallback")]
    print(f"matched required transfers {len(rows)}, stage right {sum(map(right, rows))}")
    print(f"fallback (a cue word's own stage): {len(fallback)}")
    for name in ("form", "outlet", "era"):
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in fallback:
            grouped[kind_of(row["reason"]) if name == "form" else row[name]].append(row)
        print(f"- by {name}")
        for label, members in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
            print(line(label, members))
    print("kinds of reason: right in the outlet it fires most in | in the others")
    kinds: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        kinds[kind_of(row["reason"])].append(row)
    for kind, members in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        if len(members) < MIN_FIRINGS:
            continue
        top = Counter(r["outlet"] for r in members).most_common(1)[0][0]
        inside = [r for r in members if r["outlet"] == top]
        outside = [r for r in members if r["outlet"] != top]
        others = len({r["outlet"] for r in outside})
        print(
            f"  {kind[:28]:28} {sum(map(right, members)):3}/{len(members):3} | {top[:30]:30} "
            f"{sum(map(right, inside))}/{len(inside)} | {sum(map(right, outside))}/{len(outside)} in {others} outlets"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", help="SPLIT=PREDICTIONS, e.g. dev=/tmp/dev.jsonl")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    with (args.shared / "corpus" / "SOURCES.tsv").open(encoding="utf-8") as handle:
        sources = {r["id"]: r for r in csv.DictReader(handle, delimiter="\t")}
    rows = []
    for run in args.runs:
        split, _, path = run.partition("=")
        rows += rows_of(read_jsonl(args.shared / "gold" / f"{split}.jsonl"), read_jsonl(Path(path)), sources)
    report(rows)


if __name__ == "__main__":
    main()
