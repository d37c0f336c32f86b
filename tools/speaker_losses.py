"""The gold quotes that the speaker ranker loses out of fold: the grouped cross-validation of
tools/speaker_cv.py (GroupKFold by source, or sources shuffled by `--seed`), each held-out
article read as the package reads it, and every gold quote it misses listed with its source,
the gold speaker, what was said instead and the kind of loss:

    not_found    no quotation found that starts with the gold words
    no_speaker   found, with no speaker
    wrong+cand   found with another speaker; the gold speaker was among the ranker's candidates
    wrong-cand   found with another speaker; the gold speaker was never offered to the ranker

Where the gold speaker was offered, its probability and the chosen one's are shown; where it
was not, how many paragraphs before the quotation the gold name was last written (`far`, -1
when it is not written before the quotation at all).

    python tools/speaker_losses.py [--shared ../shared] [--cache build/quote_texts.jsonl]
        [--seed 1] [--summary] [--json out.jsonl]
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

from materiel.extract.model import Scorer, group_of  # noqa: E402
from materiel.extract.quotes import (  # noqa: E402
    Attributed,
    _heads,
    _introduces,
    _quote,
    _subject_pronoun,
    attribute,
    best,
)
from tools.speaker_cv import FOLDS, cache_settings  # noqa: E402
from tools.train_speakers import article_of, fold, load_articles, train  # noqa: E402


def attributed(records: list[dict], seed: int | None) -> dict[str, tuple[list[Attributed], Scorer]]:
    """Each record's quotations as the model of the fold that held it out attributes them."""
    from sklearn.model_selection import GroupKFold

    groups = [group_of(r["id"]) for r in records]
    folds = GroupKFold(n_splits=FOLDS, shuffle=seed is not None, random_state=seed)
    out: dict[str, tuple[list[Attributed], Scorer]] = {}
    for train_index, test_index in folds.split(records, groups=groups):
        scorer = Scorer(train([records[i] for i in train_index]))
        for i in test_index:
            record = records[i]
            out[record["id"]] = (attribute(article_of(record), lambda _, o, s=scorer: best(o, s)), scorer)
    return out


def losses(record: dict, found: list[Attributed], scorer: Scorer) -> list[dict]:
    """The record's gold quotes that `found` misses, each with its kind (see the module's doc)."""
    text = record["text"]
    quotes = [(a, _quote(a, text)) for a in found]
    out = []
    for gold in record["quotes"]:
        start, surname = fold(gold["starts"]), fold(gold["speaker"])
        same = [(a, q) for a, q in quotes if fold(q.text).startswith(start)]
        said = [fold(q.speaker.name) if q.speaker else "" for _, q in same]
        if any(surname in s for s in said if s):
            continue
        row = {"id": record["id"], "source": group_of(record["id"]), "gold": gold["speaker"], "starts": gold["starts"]}
        if not same:
            out.append(row | {"kind": "not_found", "said": None})
            continue
        chosen, quotation = same[0][0], same[0][0].quotation
        row["said"] = same[0][1].speaker.name if same[0][1].speaker else None
        right = [c for c in chosen.candidates if surname in fold(c.name)]
        row["n_cand"] = len(chosen.candidates)
        row["cands"] = _shown(chosen.candidates, scorer)
        if right:
            row["p_gold"] = round(max(scorer.probability(c.features) for c in right), 3)
            row["gold_kinds"] = sorted({k for c in right for k in c.features if k.startswith("kind=")})
        if chosen.chosen:
            row["p_said"] = round(scorer.probability(chosen.chosen.features), 3)
            row["tier"] = _tier(chosen.chosen, scorer)
        kind = "no_speaker" if row["said"] is None else "wrong" + ("+cand" if right else "-cand")
        if not right:
            row["far"] = _paragraphs_back(text, quotation.start, gold["speaker"])
        out.append(row | {"kind": kind, "sentence": _sentence(text, quotation.start, quotation.end)})
    return out


def _tier(candidate, scorer: Scorer) -> str:
    """Which of best()'s preferences (quotes.py) picked the candidate: the first it qualifies for."""
    if scorer.probability(candidate.features) < scorer.threshold:
        return "owner"
    tests = [("introducer", _introduces), ("head", _heads), ("pronoun", _subject_pronoun)]
    tests += [("own", lambda c: c.own_clause), ("reported", lambda c: c.reported_before)]
    return next((name for name, test in tests if test(candidate)), "ranker")


# Candidates shown for each loss, likeliest first, with their plain features (not the crossed ones).
SHOWN = 4


def _shown(options: list, scorer: Scorer) -> list[list]:
    ranked = sorted(options, key=lambda c: -scorer.probability(c.features))[:SHOWN]
    plain = [sorted(k for k, v in c.features.items() if v and "&" not in k) for c in ranked]
    return [[c.name, round(scorer.probability(c.features), 3), f] for c, f in zip(ranked, plain, strict=True)]


def _paragraphs_back(text: str, start: int, speaker: str) -> int:
    """Paragraphs between the last writing of `speaker` before `start` and `start`; -1 if none."""
    at = text.lower().rfind(speaker.lower(), 0, start)
    return -1 if at < 0 else text.count("\n\n", at, start)


def _sentence(text: str, start: int, end: int) -> str:
    """The quotation's paragraph, shortened: what is read to judge the loss."""
    begin = text.rfind("\n\n", 0, start) + 1
    finish = text.find("\n\n", end)
    return " ".join(text[begin : finish if finish >= 0 else len(text)].split())[:400]


def out_of_fold_parser(description: str | None) -> argparse.ArgumentParser:
    """The options of a tool that reads the speakers out of fold: where ../shared and the quote
    cache are, and the folds' seed."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "quote_texts.jsonl")
    parser.add_argument("--seed", type=int, default=None)
    return parser


def out_of_fold(args: argparse.Namespace) -> tuple[list[dict], dict[str, tuple[list[Attributed], Scorer]]]:
    """The train + dev records and each one's quotations attributed by a ranker of the folds that
    did not see it."""
    sys.path.insert(0, str(args.shared / "eval"))
    records = load_articles(args.shared, args.cache)
    cache_settings()
    return records, attributed(records, args.seed)


def main() -> None:
    parser = out_of_fold_parser(__doc__)
    parser.add_argument("--summary", action="store_true", help="counts by kind and source only")
    parser.add_argument("--json", type=Path, help="also write the losses as JSON lines")
    args = parser.parse_args()
    records, found = out_of_fold(args)
    rows = [row for r in records for row in losses(r, *found[r["id"]])]
    if args.json:
        args.json.write_text("".join(json.dumps(row) + "\n" for row in rows))
    total = sum(len(r["quotes"]) for r in records)
    print(f"{len(rows)} of {total} gold quotes lost out of fold")
    for kind, count in Counter(row["kind"] for row in rows).most_common():
        sources = Counter(row["source"] for row in rows if row["kind"] == kind)
        print(f"  {kind:<11} {count:4d}  in {len(sources)} sources: {dict(sources.most_common())}")
    if not args.summary:
        for row in sorted(rows, key=lambda r: (r["kind"], r["source"], r["id"])):
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
