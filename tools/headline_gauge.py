"""What headlines hold that extraction misses (issue 12, headline18). A gauge, not shipped.

    python tools/headline_gauge.py --pred dev=/tmp/dev.jsonl --pred train=/tmp/train.jsonl

For each split, from a `materiel eval` prediction file and its gold:
- missed: required gold transfers no prediction matches (supplier, recipient, category);
- title states: of those, the ones whose two parties and item kind the title names;
- body partly: of those, the ones no body sentence names whole (both parties and an item of
  the kind in one sentence): the body has a pronoun, "the tanks" or one party;
- naive titles: each title read alone as a body sentence (`extract_findings` on it as the text): how many
  articles without a required gold transfer (negatives) yield a transfer, and of the others'
  title transfers how many match a gold triple (missed or found) or none.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from materiel.article import Article  # noqa: E402
from materiel.extract import extract_findings  # noqa: E402
from materiel.extract.lexicon import find_actors, find_items  # noqa: E402

SHARED = ROOT.parent / "shared"
# Where one body sentence ends: a stop, question or exclamation mark before a space, or a line end.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _triple(t: dict) -> tuple:
    def side(a: object) -> object:
        return a.get("id") if isinstance(a, dict) else a

    category = t.get("category") or (t.get("item") or {}).get("category")
    return side(t.get("supplier")), side(t.get("recipient")), category


def _names(text: str, triple: tuple) -> bool:
    supplier, recipient, category = triple
    actors = {m.id for m in find_actors(text)}
    kinds = {m.id or "unspecified" for m in find_items(text)}
    return supplier in actors and recipient in actors and category in kinds


def _body_parties(text: str, triple: tuple) -> int:
    """How many of the triple's parties the body names anywhere."""
    actors = {m.id for m in find_actors(text)}
    return sum(side in actors for side in triple[:2])


def _read_triple(transfer: object) -> tuple:
    supplier, recipient = transfer.supplier, transfer.recipient
    return supplier and supplier.id, recipient and recipient.id, transfer.item.category


def gauge(split: str, pred_path: Path) -> dict:
    gold = [json.loads(line) for line in (SHARED / "gold" / f"{split}.jsonl").read_text().splitlines()]
    preds = {r["id"]: r for r in map(json.loads, pred_path.read_text().splitlines())}
    out = {"missed": 0, "title_states": 0, "body_partly": 0, "body_one_party_or_none": 0, "examples": []}
    for record in gold:
        pred = preds.get(record["id"], {})
        found = {_triple(t) for t in pred.get("transfers", [])}
        title, text = record.get("title") or pred.get("title") or "", pred.get("text", "")
        for want in record.get("transfers", []):
            triple = _triple(want)
            if want.get("optional") or triple in found:
                continue
            out["missed"] += 1
            if not title or not _names(title, triple):
                continue
            out["title_states"] += 1
            whole = any(_names(s, triple) for s in SENTENCE_END.split(text) if s.strip())
            if not whole:
                out["body_partly"] += 1
                out["body_one_party_or_none"] += _body_parties(text, triple) < 2
            out["examples"].append((record["id"], triple, "whole" if whole else "partly"))
    return out


def naive_titles(split: str, preds: dict) -> dict:
    """Each title read alone, as a body sentence."""
    gold = [json.loads(line) for line in (SHARED / "gold" / f"{split}.jsonl").read_text().splitlines()]
    counted = ("negatives", "negatives_with_title_transfer", "title_transfers", "match_gold", "match_missed", "no_gold")
    out = dict.fromkeys(counted, 0)
    for record in gold:
        title = record.get("title") or preds.get(record["id"], {}).get("title") or ""
        wanted = {_triple(t) for t in record.get("transfers", [])}
        required = [t for t in record.get("transfers", []) if not t.get("optional")]
        article = Article(id=record["id"], source="<title>", text=title)
        extract_findings(article)  # not materiel.extract: cleaning skips a one-line page as its headline
        read = [_read_triple(t) for t in article.transfers]
        if not required:
            out["negatives"] += 1
            out["negatives_with_title_transfer"] += bool(read)
            if read:
                print(f"  negative {split} {record['id']}: {title!r} -> {read}")
            continue
        for triple in read:
            out["title_transfers"] += 1
            hit = triple in wanted
            out["match_gold" if hit else "no_gold"] += 1
            found = {_triple(t) for t in preds.get(record["id"], {}).get("transfers", [])}
            out["match_missed"] += hit and triple not in found
            if not hit:
                print(f"  unmatched {split} {record['id']}: {title!r} -> {triple}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pred", action="append", default=[], help="split=path of a materiel eval output")
    parser.add_argument("--naive", action="store_true", help="also read each title alone")
    args = parser.parse_args()
    for spec in args.pred:
        split, path = spec.split("=", 1)
        result = gauge(split, Path(path))
        examples = result.pop("examples")
        print(split, json.dumps(result))
        for example in examples:
            print("  ", *example)
        if args.naive:
            preds = {r["id"]: r for r in map(json.loads, Path(path).read_text().splitlines())}
            print(split, "naive", json.dumps(naive_titles(split, preds)))


if __name__ == "__main__":
    main()
