"""Required gold transfers lost out of fold with a party outside the item's sentence, by the
construction of the item's best sentence, on train and dev apart (issue 12 kind 3).

    python tools/xsent_causes.py [--cache build/triples.jsonl] [--causes build/causes.jsonl] [--list]

The candidates and their out-of-fold probabilities are those of `make model` (tools/transfer_cv.py
folds over the feature cache of tools/train_transfers.py); a required gold triple is found where the
rules report it or its probability reaches the threshold. A lost one whose candidate names a side
in none of its sentences (`max_s_sent`, `max_r_sent`) is put under where that side is (the headline
only, else the sentences before) and what the best sentence has in its stead: a pronoun subject
("It will also send", "we provided"), a definite stand-in ("the country"), a possessive pronoun
("its troops"), no party at all (a bare continuation: "The package also includes ..."), or the other
party only. A lost one with no candidate is counted apart, by `recall_causes._no_candidate` where
that tool's cache (`--causes`, built by `tools/recall_causes.py`) is given.
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

from tools import train_transfers  # noqa: E402
from tools.transfer_cv import out_of_fold  # noqa: E402

# Words that stand for a party named before: pronouns, and nouns that do so after "the" or "this".
POINTING = {"it", "they", "we", "its", "their", "our"}
STAND_INS = {"country", "nation", "government", "administration", "kingdom", "state", "ministry", "alliance", "bloc"}
SUBJECTS = ("nsubj", "nsubjpass")


def construction(sentence: str, features: dict[str, float]) -> str | None:
    """Where the side no sentence of the candidate names stands, and what the best sentence has in
    its stead; None where both sides are named in one of its sentences."""
    from materiel.extract.nlp import load_model

    outside = [side for side in ("s", "r") if not features.get(f"max_{side}_sent")]
    if not outside:
        return None
    where = "headline" if all(features.get(f"max_{side}_title_only") for side in outside) else "before"
    doc = load_model()(sentence)
    subjects = [t for t in doc if t.dep_ in SUBJECTS]
    if any(t.lower_ in POINTING for t in subjects):
        how = "pronoun subject"
    elif any(t.lemma_.lower() in STAND_INS and any(c.lower_ in ("the", "this") for c in t.children) for t in subjects):
        how = "stand-in subject"
    elif any(t.dep_ == "poss" and t.lower_ in POINTING for t in doc):
        how = "possessive pronoun"
    elif len(outside) == 2:
        how = "no party (bare continuation)"
    else:
        how = "the other party only"
    return f"{'+'.join(outside)} {where}: {how}"


def lost(rows: list[dict], threshold: float) -> dict[tuple[str, tuple], dict | None]:
    """Each required gold (article id, key) not found out of fold, with its candidate row or None."""
    probs = out_of_fold(rows, sorted({n for r in rows for n in r["features"]}))
    found = {(r["id"], tuple(r["key"])) for r, p in zip(rows, probs, strict=True) if r["rule"] or p >= threshold}
    candidates = {(r["id"], tuple(r["key"])): r for r in rows}
    out = {}
    for split in ("train", "dev"):
        for line in (ROOT.parent / "shared" / "gold" / f"{split}.jsonl").read_text().splitlines():
            record = json.loads(line)
            for t in record["transfers"]:
                key = (record["id"], (t["supplier"], t["recipient"], t["category"]))
                if not t.get("optional") and key not in found:
                    out[key] = candidates.get(key)
    return out


def no_candidate(article: str, key: tuple, causes: dict[str, dict]) -> str:
    """Why no candidate reached a lost gold triple, where the recall_causes cache is given."""
    from tools.recall_causes import _no_candidate, norm

    seen = causes.get(article)
    if seen is None:
        return "no candidate"
    if not seen["parsed"]:
        return "no candidate: not parsed"
    return f"no candidate: {_no_candidate((norm(key[0]), norm(key[1]), key[2]), seen)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "triples.jsonl")
    parser.add_argument("--causes", type=Path, default=None, help="tools/recall_causes.py's cache")
    parser.add_argument("--threshold", type=float, default=train_transfers.THRESHOLD)
    parser.add_argument("--list", action="store_true", help="one line per lost triple of a party outside")
    args = parser.parse_args()
    rows = [r for r in train_transfers.dump(ROOT.parent / "shared", args.cache) if r["label"] is not None]
    causes = {}
    if args.causes is not None:
        causes = {r["id"]: r for r in map(json.loads, args.causes.read_text().splitlines())}
    split_of = {r["id"]: r["split"] for r in rows}
    counts: dict[str, Counter] = {"train": Counter(), "dev": Counter()}
    listed = []
    for (article, key), row in lost(rows, args.threshold).items():
        split = split_of.get(article) or _split_of(article)
        if row is None or not row["features"]:
            counts[split][no_candidate(article, key, causes) if row is None else "read by a rule, dropped"] += 1
            continue
        where = construction(row["sentence"], row["features"]) or "both named in a sentence"
        counts[split][where] += 1
        if args.list and where != "both named in a sentence":
            listed.append(f"{split} {where:<45} {key} | {row['sentence'][:160]}")
    for split, counter in counts.items():
        print(f"{split}: {sum(counter.values())} required gold triples lost out of fold")
        for where, n in counter.most_common():
            print(f"{n:5d}  {where}")
    print("\n".join(sorted(listed)))
    return 0


def _split_of(article: str) -> str:
    """The split of an article no candidate row names."""
    dev = (ROOT.parent / "shared" / "gold" / "dev.jsonl").read_text()
    return "dev" if f'"{article}"' in dev else "train"


if __name__ == "__main__":
    sys.exit(main())
