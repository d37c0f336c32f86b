"""How much of the check set the candidate generator reaches: `materiel eval` with the transfer
scorer's threshold lowered, and limits of the generator lifted, for blind-check's --materiel
(recall4). A gauge, not shipped: nothing here changes the package.

    RECALL_THRESHOLD=0.0 ../shared/eval/blind-check --materiel tools/recall_gauge

Settings (environment):
- RECALL_THRESHOLD: the scorer's threshold for this run (default 0.0: every candidate kept), so
  the printed recall at 0.0 is the generator's recall on unseen text.
- RECALL_OPEN: limits of the generator to lift, comma-separated: `window` (a party from any
  earlier sentence, not only the WINDOW_SENTENCES before the item), `settled` (items the rules
  read are offered to the scorer too), `itemfilter` (items in use or in a purpose clause are
  kept), `filters` (no veto after scoring: clause breaks, permitters, sources, war pairs, relief).
- RECALL_TOTALS: a file to which, after the run, the totals of score.py on variants of OUR
  prediction file are appended, one JSON line each: scorer triples kept from each probability
  in SWEEP, and any category allowed (each transfer repeated under every category). Totals
  only; the prediction file is left as the run wrote it. The sweep keeps a triple by the
  probability of the scorer triple it came from (looked up by item span and pair), so it is
  approximate: on the check set within one found transfer of exact runs at 0.2, 0.1 and 0.05.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# Probabilities the sweep keeps scorer triples from; RULES_ONLY keeps none (the rules alone).
RULES_ONLY = 1.5
SWEEP = (RULES_ONLY, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.0)
# What a transfer the scorer did not add is tagged with: above every threshold of the sweep.
RULE_TAG = 2.0
CATEGORIES = (
    "ammunition", "artillery", "armored-vehicles", "aircraft", "drones", "missiles", "air-defense",
    "naval", "small-arms", "protective-gear", "other-equipment", "funding", "unspecified",
)  # fmt: skip
# The vetoes choose.scored_transfers applies after scoring, which `filters` lifts.
VETOES = (
    "_across_clause", "_area_owner", "_range_maker", "_reverses_parse", "_permitter", "_source_only",
    "_reacting_only", "_recipient_gives", "party_vetoed", "no_transfer", "embargoed",
)  # fmt: skip
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


class _Threshold:
    """The shipped scorer's probabilities under another threshold."""

    def __init__(self, real, threshold: float) -> None:
        self.real, self.threshold = real, threshold

    def probability(self, features: dict[str, float]) -> float:
        return self.real.probability(features)

    def accepts(self, features: dict[str, float]) -> bool:
        return self.real.probability(features) >= self.threshold


def _key(transfer) -> tuple:
    span = transfer.item.span
    sides = (transfer.supplier, transfer.recipient)
    return ((span.start, span.end) if span else None, *(a.id if a else None for a in sides))


def tag_of(key: tuple, tags: dict[tuple, float]) -> float:
    """The probability a transfer was kept with: its own scorer triple's, else the highest of one
    on the same item mention (the same pair first), else a rule's (RULE_TAG)."""
    if key in tags:
        return tags[key]
    for same in (lambda k: k[:3] == key[:3], lambda k: k[0] == key[0]):
        found = [p for k, p in tags.items() if same(k)]
        if found:
            return max(found)
    return RULE_TAG


def _install_tags(threshold: float) -> None:
    """Score with `threshold`, and write each transfer's tag (tag_of) as its confidence."""
    from materiel import extract
    from materiel.extract import choose, finish
    from materiel.extract.model import load_scorer

    real, tags = load_scorer(), {}
    built, scored = choose._from_sighting, choose.scored_transfers
    choose.load_scorer = lambda: _Threshold(real, threshold)

    def from_sighting(context, triple):
        transfer = built(context, triple)
        tags[(*_key(transfer), transfer.item.category)] = real.probability(triple.features)
        return transfer

    def scored_transfers(context, rules):
        tags.clear()
        tags.update({(*_key(t), t.item.category): RULE_TAG for t in rules})
        return scored(context, rules)

    choose._from_sighting, extract.scored_transfers = from_sighting, scored_transfers
    finish._confidence = lambda t: round(tag_of((*_key(t), t.item.category), tags), 4)


def _open_limits(limits: set[str]) -> None:
    """Lift the generator's limits named in RECALL_OPEN (see the module's docstring)."""
    from materiel import extract
    from materiel.extract import choose, triples

    if "window" in limits:
        triples.WINDOW_SENTENCES = 10_000
    if "settled" in limits:
        choose.find_triples = lambda context, rules: triples._generate(context, rules, set())
    if "itemfilter" in limits:
        triples._in_use = triples.served_by_purpose = lambda token: False
    if "filters" in limits:
        for name in VETOES:
            setattr(choose, name, lambda *args: False)
        choose._named_here_first = lambda scored, rules: scored
        extract.drop_hostile = lambda transfers, context: transfers
        extract.without_relief_aid = lambda transfers: transfers


def variant(records: list[dict], keep_from: float, any_category: bool = False) -> list[dict]:
    """OUR records with the transfers tagged at least `keep_from`, each repeated under every
    category where `any_category` (a gold transfer of the pair then matches whatever its category)."""
    out = []
    for record in records:
        kept = [t for t in record.get("transfers", []) if t.get("confidence", RULE_TAG) >= keep_from]
        if any_category:
            kept = [{**t, "item": {**t["item"], "category": c}} for t in kept for c in CATEGORIES]
        out.append({**record, "transfers": kept})
    return out


def score_records(gold: str, records: list[dict], folder: str) -> dict:
    """score.py's JSON totals for prediction records, written for it to a file in `folder`."""
    path = Path(folder) / "variant.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    run = [sys.executable, str(SCORE), "--gold", gold, "--pred", str(path), "--json"]
    scored = json.loads(subprocess.run(run, capture_output=True, text=True, check=True).stdout)
    path.unlink()
    return scored


def _totals(gold: str, records: list[dict], folder: str) -> dict:
    t = score_records(gold, records, folder)["transfers"]
    return {"gold": t["gold"], "predicted": t["predicted_scored"], "P": t["precision"], "R": t["recall"]}


def sweep(gold: str, out: str, totals: str) -> None:
    """Append the totals of every variant of the prediction file `out` to `totals`."""
    records = [json.loads(line) for line in Path(out).read_text().splitlines()]
    lines = []
    with tempfile.TemporaryDirectory(dir=Path(out).parent) as folder:
        for keep_from in SWEEP:
            for any_category in (False, True):
                found = _totals(gold, variant(records, keep_from, any_category), folder)
                lines.append({"keep_from": keep_from, "any_category": any_category, **found})
    with open(totals, "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps({"open": os.environ.get("RECALL_OPEN", ""), **x}) + "\n" for x in lines)


def main() -> int:
    _install_tags(float(os.environ.get("RECALL_THRESHOLD", "0.0")))
    _open_limits({x for x in os.environ.get("RECALL_OPEN", "").split(",") if x})
    from materiel.cli import main as materiel

    args, sys.argv = sys.argv[1:], ["materiel", *sys.argv[1:]]
    try:
        materiel()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 0
    totals = os.environ.get("RECALL_TOTALS")
    if totals and args[:1] == ["eval"]:
        sweep(args[args.index("--gold") + 1], args[args.index("--out") + 1], totals)
    return code


if __name__ == "__main__":
    sys.exit(main())
