"""Rewrite OUR predicted statuses of one coarse class in a `materiel eval` output (status19): an
ablation of our own output for blind-check's `--materiel`, which prints totals only.

    python tools/status_ablate.py PRED.jsonl --from executed --to pledged [--where disclosure=official]

Each matched transfer we call FROM moves the check set's status total by +1 where the gold is
TO's class and by -1 where the gold is FROM's; `--to none` knocks the class out (the fall is the
matched transfers we call FROM rightly). `--from all` with a TO gives the gold's count of TO's
class among matched transfers. `--where field=v1,v2` keeps the rewrite to transfers whose own
field (status, category, disclosure, quantity yes/no, date basis, decider: what decided the
status, `status_reason` up to its first ':' or ';') is one of the values, and `--where
field~REGEX` (status20) to transfers whose field matches the regular expression from its start
(`reason~scorer;` the scorer's, `reason~(verb|progressive):` the verb form's). With
tools/status_ablation as `--materiel`: `ABLATE_FROM=executed ABLATE_TO=pledged
../shared/eval/blind-check --materiel tools/status_ablation`. The file is rewritten in place;
nothing is printed or kept.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.predictions import rewrite

# The scorer's coarse classes (../shared/eval/score.py).
COARSE = {
    "delivered": "executed", "in_progress": "executed", "pledged": "committed",
    "requested": "potential", "considered": "potential", "postponed": "potential",
    "refused": "negative", "cancelled": "negative",
}  # fmt: skip
# A condition on our own transfers: a field and the values it may take, or a pattern it matches.
Condition = tuple[str, "set[str] | re.Pattern"]


def field_of(transfer: dict, name: str) -> str:
    """A field of our own transfer, as text: the fine status, the item's category, the
    disclosure, whether a quantity was read, the basis of its date."""
    if name == "category":
        return str((transfer.get("item") or {}).get("category"))
    if name == "quantity":
        return "yes" if transfer.get("quantity") else "no"
    if name == "date":
        return str((transfer.get("date") or {}).get("basis"))
    if name == "reason":
        return str(transfer.get("status_reason"))
    if name == "decider":
        return re.split(r"[:;]", str(transfer.get("status_reason")))[0]
    return str(transfer.get(name))


def chosen(transfer: dict, source: str, where: list[Condition]) -> bool:
    if source != "all" and COARSE.get(transfer.get("status")) != source:
        return False
    return all(_holds(field_of(transfer, name), test) for name, test in where)


def _holds(value: str, test: set[str] | re.Pattern) -> bool:
    return value in test if isinstance(test, set) else test.match(value) is not None


def ablate(records: list[dict], source: str, target: str, where: list[Condition]) -> int:
    """Set the status of every chosen transfer to `target` (None for 'none'); how many moved."""
    moved = 0
    for record in records:
        for transfer in record.get("transfers") or []:
            if chosen(transfer, source, where):
                transfer["status"] = None if target == "none" else target
                moved += 1
    return moved


def _condition(text: str) -> Condition:
    """`field=v1,v2` (one of the values) or `field~REGEX` (a match from the field's start)."""
    match = re.match(r"(\w+)([=~])(.*)", text, re.S)
    if match is None:
        raise argparse.ArgumentTypeError(f"not field=values nor field~regex: {text}")
    name, how, values = match.groups()
    return name, set(values.split(",")) if how == "=" else re.compile(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pred", type=Path)
    parser.add_argument("--from", dest="source", required=True, help="a coarse class, or all")
    parser.add_argument("--to", dest="target", required=True, help="a fine status, or none")
    parser.add_argument("--where", action="append", default=[], type=_condition)
    args = parser.parse_args()
    rewrite(args.pred, lambda records: ablate(records, args.source, args.target, args.where))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
