"""How much of an annotated set (dev, train; never the check set) the candidate generator reaches:
`materiel eval` with the transfer scorer's threshold lowered, and limits of the generator lifted,
each transfer's confidence its scorer probability (recall4). A gauge, not shipped: nothing here
changes the package.

    RECALL_THRESHOLD=0.0 python tools/recall_gauge.py eval --gold ../shared/gold/dev.jsonl --out PRED
    python3 ../shared/eval/score.py --gold ../shared/gold/dev.jsonl --pred PRED

Settings (environment):
- RECALL_THRESHOLD: the scorer's threshold for this run (default 0.0: every candidate kept), so
  the recall score.py prints at 0.0 is the generator's.
- RECALL_OPEN: limits of the generator to lift, comma-separated: `window` (a party from any
  earlier sentence, not only the WINDOW_SENTENCES before the item), `settled` (items the rules
  read are offered to the scorer too), `itemfilter` (items in use or in a purpose clause are
  kept), `filters` (no veto after scoring: clause breaks, permitters, sources, war pairs, relief).

Each transfer's confidence in PRED is the probability of the scorer triple it came from (looked up
by item span and pair, `tag_of`), or RULE_TAG for a rule's. tools/qty_misses.py reads such a file
too (every candidate kept).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# What a transfer the scorer did not add is tagged with: above any probability, so that a reader
# keeping the transfers tagged at least some threshold always keeps the rules'.
RULE_TAG = 2.0
# The vetoes choose.scored_transfers applies after scoring, which `filters` lifts.
VETOES = (
    "_across_clause", "_area_owner", "_range_maker", "_reverses_parse", "_permitter", "_source_only",
    "_reacting_only", "_recipient_gives", "party_vetoed", "no_transfer", "embargoed",
)  # fmt: skip


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


def main() -> int:
    _install_tags(float(os.environ.get("RECALL_THRESHOLD", "0.0")))
    _open_limits({x for x in os.environ.get("RECALL_OPEN", "").split(",") if x})
    from materiel.cli import main as materiel

    sys.argv = ["materiel", *sys.argv[1:]]
    try:
        materiel()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 0
    return code


if __name__ == "__main__":
    sys.exit(main())
