"""Which CATEGORY confusions hold the near misses of unseen text (cat4): after a real `materiel
eval`, the transfer totals of score.py on variants of OUR prediction file that relabel or copy
transfers by category. A gauge, not shipped: nothing here changes the package, and only totals
are written (never an article, a gold record or a per-article error).

    python tools/category_gauge.py GOLD PRED TOTALS          # on a prediction file of ours
    CATEGORY_TOTALS=/tmp/t.jsonl ../shared/eval/blind-check --materiel tools/category_gauge

Variants (found = matched required gold, spurious = scored predictions that match none):
- `base`: the file as written.
- `from:A`: each transfer of our category A repeated under every category. found rising says the
  gold calls some of our A items something else.
- `to:B`: each transfer also copied under B. found rising says gold B items are among ours
  under another category.
- `drop:A`: our A transfers removed. The found lost is how many A transfers are right, the
  spurious lost how many are wrong.
- `add:A>B`: each A transfer also copied under B (CATEGORY_PAIRS, or the pairs named in the
  environment variable, `A>B,C>D`). found rising: gold B items we call A.
- `swap:A>B`: each A transfer relabelled B: the net effect of the relabelling.
- `if:NAME`: (CATEGORY_TESTS=NAME,...) a copy under another category of the transfers that a
  condition on OUR text picks (TESTS): found rising says the condition holds the near miss.
  `mention_WHERE:B` copies under B where a lexicon name of B is in the transfer's evidence
  paragraphs (`para`), anywhere in the text (`doc`) or nowhere (`none`): a gain at `none` is a
  gold category the lexicon cannot name in that article.

What it measured on the check set (cat4, main at stop 35: found 58, spurious 23, 38 missed; six
check runs, totals only): category confusions are few. Copying every transfer under each other
category recovers 4 gold transfers in all (to:air-defense +1, to:small-arms +1, to:funding +2),
so at most 4 of the 38 misses and 4 of the 23 spurious rows are category near misses; the rest
are pairs. By our category (add:A>B): ammunition>air-defense +1, unspecified>funding +1,
other-equipment>funding +2 (aircraft>funding and missiles>funding +1 each: one pair holds all
three), unspecified>small-arms +1; every other plausible pair of the guide 0 (tanks and
armoured vehicles, missiles and air defence, artillery and ammunition, drones and aircraft or
missiles, protective gear and equipment). None is a label our item could have read from its own
words: no air-defence word near or in the evidence of our ammunition (ad_near, ad_evidence 0),
no small-arms word there (sa_near, sa_evidence 0), no buying or funding words in the evidence of
any transfer (buy_evidence 0, fund_words 0). The air-defence gold's article names no air-defence
item the lexicon knows (mention_none +1, also with closed-up anti- names); one funding gold's
article names no funding word (mention_none +1), the other names one away from our evidence
(mention_doc +1); the small-arms gold's article names small arms away from our evidence
(mention_doc +1, para 0). drop:A gives our precision by category on unseen text: unspecified 18
right of 25, ammunition 7/10, drones 7/8, aircraft 6/6, missiles 4/7, air-defense 4/4,
artillery 3/4, armored-vehicles 3/4, other-equipment 2/5, small-arms 2/2, protective-gear 1/1,
funding 1/3, naval 0/2.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.recall_gauge import CATEGORIES, score_records

# Confusions a reader could make between categories of FORMAT.md (the brief's list), both ways.
PLAUSIBLE = (
    ("armored-vehicles", "other-equipment"), ("missiles", "air-defense"), ("artillery", "ammunition"),
    ("drones", "aircraft"), ("drones", "missiles"), ("other-equipment", "protective-gear"),
    ("unspecified", "funding"), ("missiles", "artillery"), ("missiles", "ammunition"),
    ("unspecified", "other-equipment"), ("air-defense", "ammunition"), ("small-arms", "ammunition"),
)  # fmt: skip
CATEGORY_PAIRS = PLAUSIBLE + tuple((b, a) for a, b in PLAUSIBLE)
Rewrite = Callable[[dict], list[dict]]
Test = Callable[[dict, str], bool]
AIR_DEFENCE = re.compile(
    r"air[ -]?defen[cs]e|anti-?aircraft|intercept|surface-to-air|\bSAMs?\b|Patriot|IRIS-T|NASAMS", re.I
)
MONEY = re.compile(r"[$€£]|\b(?:dollars?|euros?|pounds|kroner|zloty|yen|won)\b|\b(?:bn|m)\b", re.I)
FUNDS = re.compile(r"\b(?:loans?|grants?|funds?|funding|financ\w*|budget\w*|allocat\w*|earmark\w*)\b", re.I)
SMALL_ARMS = re.compile(
    r"\b(?:rifles?|machine[ -]?guns?|pistols?|small[ -]arms|firearms?|guns|carbines?|Kalashnikovs?|AK-47s?)\b", re.I
)


def _as(transfer: dict, category: str) -> dict:
    return {**transfer, "item": {**transfer.get("item", {}), "category": category}}


def _category(transfer: dict) -> str | None:
    return transfer.get("item", {}).get("category")


# Money given to buy materiel: a verb or noun of paying for it, or a purpose of buying it.
BUYING = re.compile(
    r"""\b(?:to|will|would)\s+(?:buy|purchase|procure|acquire)\b      # "to buy drones"
    | \bfor\s+the\s+(?:purchase|procurement|acquisition)\s+of\b    # "for the purchase of"
    | \b(?:fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|pa(?:y|ys|id|ying)\s+for)\b""",
    re.I | re.X,
)


def _evidence(transfer: dict, text: str) -> str:
    return " ".join(text[e["start"] : e["end"]] for e in transfer.get("evidence") or [])


def _near_item(transfer: dict, text: str, reach: int = 60) -> str:
    span = transfer.get("item", {}).get("span") or {}
    return text[max(0, span.get("start", 0) - reach) : span.get("end", 0) + reach] if span else ""


def _money(transfer: dict) -> bool:
    return bool(MONEY.search((transfer.get("quantity") or {}).get("text") or ""))


# Conditions on OUR output: (category of the transfers tested, category of the copy, condition).
TESTS: dict[str, tuple[str | None, str, Test]] = {
    "ad_evidence": ("ammunition", "air-defense", lambda t, x: bool(AIR_DEFENCE.search(_evidence(t, x)))),
    "ad_near": ("ammunition", "air-defense", lambda t, x: bool(AIR_DEFENCE.search(_near_item(t, x)))),
    "fund_money": ("unspecified", "funding", lambda t, x: _money(t)),
    "fund_nomoney": ("unspecified", "funding", lambda t, x: not _money(t)),
    "fund_words": ("unspecified", "funding", lambda t, x: bool(FUNDS.search(_evidence(t, x)))),
    "buy_evidence": (None, "funding", lambda t, x: bool(BUYING.search(_evidence(t, x)))),
    "buy_money": (
        None,
        "funding",
        lambda t, x: bool(BUYING.search(_evidence(t, x))) and bool(MONEY.search(_evidence(t, x))),
    ),
    "sa_evidence": (None, "small-arms", lambda t, x: bool(SMALL_ARMS.search(_evidence(t, x)))),
    "sa_near": (None, "small-arms", lambda t, x: bool(SMALL_ARMS.search(_near_item(t, x)))),
}


def _named_categories(text: str) -> list[tuple[int, str]]:
    """(offset, category) of every lexicon item name in `text` (both finders, no sense filters)."""
    from materiel.extract.lexicon import item_finders

    return [(m.start, m.name) for finder in item_finders() for m in finder.find(text)]


def _paragraph_of(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, at)
    end = text.find("\n\n", at)
    return (0 if start < 0 else start, len(text) if end < 0 else end)


def _mention_test(where: str, target: str) -> Test:
    """Is a name of the `target` category in the transfer's evidence paragraphs (`para`), anywhere
    in the text (`doc`), or nowhere (`none`)?"""

    def test(t: dict, text: str) -> bool:
        named = [at for at, category in _named_categories(text) if category == target]
        if where == "none":
            return not named
        if where == "doc":
            return bool(named)
        spans = [_paragraph_of(text, e["start"]) for e in t.get("evidence") or []]
        return any(a <= at < b for at in named for a, b in spans)

    return test


def _tested(name: str) -> Callable[[dict, str], list[dict]]:
    if name.startswith("mention_"):
        where, target = name.removeprefix("mention_").split(":", 1)
        source, test = None, _mention_test(where, target)
    else:
        source, target, test = TESTS[name]

    def rewrite(t: dict, text: str) -> list[dict]:
        picked = _category(t) != target and source in (None, _category(t)) and test(t, text)
        return [t, _as(t, target)] if picked else [t]

    return rewrite


def _pairs() -> tuple[tuple[str, str], ...]:
    named = os.environ.get("CATEGORY_PAIRS", "")
    return tuple(tuple(p.split(">", 1)) for p in named.split(",") if ">" in p) or CATEGORY_PAIRS


def variants() -> dict[str, Callable[[dict, str], list[dict]]]:
    tests = [x for x in os.environ.get("CATEGORY_TESTS", "").split(",") if x]
    out = {f"if:{name}": _tested(name) for name in tests}
    if tests and not os.environ.get("CATEGORY_PAIRS"):
        return {"base": lambda t, x: [t], **out}
    return {"base": lambda t, x: [t], **out, **{k: (lambda t, x, f=f: f(t)) for k, f in _plain().items()}}


def _plain() -> dict[str, Rewrite]:
    out: dict[str, Rewrite] = {}
    for a in CATEGORIES:
        out[f"from:{a}"] = lambda t, a=a: [_as(t, c) for c in CATEGORIES] if _category(t) == a else [t]
        out[f"to:{a}"] = lambda t, a=a: [t, _as(t, a)] if _category(t) != a else [t]
        out[f"drop:{a}"] = lambda t, a=a: [] if _category(t) == a else [t]
    for a, b in _pairs():
        out[f"add:{a}>{b}"] = lambda t, a=a, b=b: [t, _as(t, b)] if _category(t) == a else [t]
        out[f"swap:{a}>{b}"] = lambda t, a=a, b=b: [_as(t, b)] if _category(t) == a else [t]
    return out


def _totals(gold: str, records: list[dict], folder: str) -> dict:
    t = score_records(gold, records, folder)["transfers"]
    found = round(t["recall"] * t["gold"])
    return {"found": found, "spurious": t["predicted_scored"] - found, "P": round(t["precision"], 4)}


def _rewritten(record: dict, rewrite: Callable[[dict, str], list[dict]]) -> list[dict]:
    return [x for t in record.get("transfers", []) for x in rewrite(t, record.get("text", ""))]


def gauge(gold: str, out: str, totals: str) -> None:
    """Append the transfer totals of every category variant of the prediction file `out` to `totals`."""
    records = [json.loads(line) for line in Path(out).read_text().splitlines()]
    lines = []
    with tempfile.TemporaryDirectory(dir=Path(out).parent) as folder:
        for name, rewrite in variants().items():
            changed = [{**r, "transfers": _rewritten(r, rewrite)} for r in records]
            lines.append({"variant": name, **_totals(gold, changed, folder)})
    with open(totals, "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(x) + "\n" for x in lines)


if __name__ == "__main__":
    gauge(*sys.argv[1:4])
