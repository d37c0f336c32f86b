"""Where gold quotes are lost: each gold quote of the predicted articles as found with its speaker,
found with another speaker, found with none, or not found (no predicted quote starts with its
text: a matter of the quotation reader or of cleaning, not of the speaker ranker); then the
quote measure of ../shared/eval/score.py beside the share found at all (detection recall).

    python tools/quote_losses.py --pred /tmp/dev.jsonl /tmp/train.jsonl [--list]

`--list` prints each quote not found, by source (the article id's prefix), with the clean text
around the words of its start when the clean text holds them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Characters of clean text shown on each side of a lost quote's first words.
AROUND = 160
# First words of a gold start looked for in the clean text.
LOOKUP_WORDS = 4


def gold_records(shared: Path) -> dict[str, dict]:
    out = {}
    for split in ("train", "dev"):
        for line in (shared / "gold" / f"{split}.jsonl").read_text().splitlines():
            record = json.loads(line)
            out[record["id"]] = record
    return out


def outcome(expected: dict, predicted: list[dict], fold: Callable[[str | None], str]) -> str:
    """How one gold quote fared among an article's predicted quotes."""
    start, surname = fold(expected["starts"]), fold(expected["speaker"])
    found = [q for q in predicted if fold(q.get("text")).startswith(start)]
    names = [_speaker_name(q.get("speaker")) for q in found]
    if not found:
        return "not found"
    if any(surname in fold(name) for name in names):
        return "right speaker"
    return "another speaker" if any(names) else "no speaker"


def _speaker_name(speaker) -> str | None:
    return speaker.get("name") if isinstance(speaker, dict) else speaker


def around(text: str, starts: str) -> str:
    words = starts.split()[:LOOKUP_WORDS]
    match = re.search(r"\W+".join(re.escape(w) for w in words), text)
    if not match:
        return "(its first words are not in the clean text as written)"
    return text[max(0, match.start() - AROUND) : match.end() + AROUND].replace("\n", " ⏎ ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pred", type=Path, nargs="+", required=True)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(args.shared / "eval"))
    from score import fold

    gold = gold_records(args.shared)
    counts: Counter[str] = Counter()
    lost: list[tuple[str, str, dict, str]] = []
    for path in args.pred:
        for line in path.read_text().splitlines():
            pred = json.loads(line)
            quotes = [q for q in pred.get("quotes") or [] if isinstance(q, dict)]
            for expected in gold.get(pred["id"], {}).get("quotes", []):
                kind = outcome(expected, quotes, fold)
                counts[kind] += 1
                if kind == "not found":
                    lost.append((pred["id"].split("_")[0], pred["id"], expected, pred.get("text") or ""))
    total = sum(counts.values()) or 1
    for kind in ("right speaker", "another speaker", "no speaker", "not found"):
        print(f"{kind:16} {counts[kind]:5}  {counts[kind] / total:.3f}")
    print(f"quote measure {counts['right speaker'] / total:.3f}  found at all {1 - counts['not found'] / total:.3f}")
    if args.list:
        for source, doc_id, expected, text in sorted(lost, key=lambda row: row[:2]):
            print(f"\n[{source}] {doc_id}: {expected['speaker']!r} {expected['starts']!r}")
            print("   ", around(text, expected["starts"]))


if __name__ == "__main__":
    main()
