"""Which classes of OUR quantities the check set confirms: for each class, score.py's quantity
total on a variant of OUR prediction file in which that class is dropped (a fall is the class's
hits; no change says it is unused or wrong), or in which our empty or our given quantities are
replaced by a range every gold amount overlaps (the rise is the misses of that kind). A gauge,
not shipped (qty3): nothing here changes the package, and only totals are written.

    python tools/qty_gauge.py GOLD PRED TOTALS           # on a prediction file of ours
    QTY_TOTALS=/tmp/t.jsonl ../shared/eval/blind-check --materiel tools/qty_gauge

Each line of TOTALS: the variant, the quantity rate as score.py's float, and the smallest
fraction (denominator up to MAX_TRIALS) that gives it, from which the trials follow.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from tools.recall_gauge import score_records

MAX_TRIALS = 200  # more matched transfers with a gold quantity than any of our sets holds
EVERY = {"text": "any", "low": 0, "high": 1e16, "unit": None}  # overlaps every gold amount
NOT_COUNTED = {"funding", "unspecified"}
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+|\n")
Change = Callable[[dict, dict], dict | bool | None]  # new quantity, None to drop, False to keep


def _category(transfer: dict) -> str:
    return (transfer.get("item") or {}).get("category") or ""


def _own_sentence(record: dict, transfer: dict) -> bool:
    """Our quantity was read in the sentence of the item (no sentence break between them)."""
    quantity, item = transfer["quantity"], (transfer.get("item") or {}).get("span")
    span = quantity.get("span")
    if not span or not item:
        return False
    low, high = sorted((span["start"], item["start"]))
    return not SENTENCE_BREAK.search(record.get("text", ""), low, high)


def _lead_money(record: dict) -> dict | None:
    """The first sum of money in the headline, else in the first paragraph."""
    from materiel.extract.quantities import find_amounts

    text = record.get("text", "")
    for part in (record.get("title") or "", text[: text.find("\n\n") if "\n\n" in text else len(text)]):
        money = [a for a in find_amounts(part) if a.is_money]
        if money:
            return {"text": money[0].text, "low": money[0].low, "high": money[0].high, "unit": money[0].unit}
    return None


def _aid(transfer: dict) -> bool:
    return _category(transfer) in NOT_COUNTED


def _given(test: Callable[[dict, dict], bool]) -> Change:
    return lambda record, t: None if t.get("quantity") and test(record, t) else False


def _empty(test: Callable[[dict, dict], bool], fill: Callable[[dict], dict | None]) -> Change:
    return lambda record, t: fill(record) or False if not t.get("quantity") and test(record, t) else False


MONEY = {"text": "money", "low": 1e6, "high": 1e16, "unit": None}  # every sum from a million up
COUNT = {"text": "count", "low": 1, "high": 999_999, "unit": None}  # every count below a million


def _every_for(test: Callable[[dict, dict], bool]) -> Change:
    return lambda record, t: EVERY if t.get("quantity") and test(record, t) else False


def _empty_with(fill: Callable[[dict, dict], dict | None]) -> Change:
    return lambda record, t: (fill(record, t) or False) if not t.get("quantity") else False


def _other_aid(fill: Callable[[dict, dict], dict | None]) -> Change:
    """Our aid quantity read in another sentence than the item's replaced by `fill`'s, where it has one."""

    def change(record: dict, t: dict) -> dict | bool:
        chosen = t.get("quantity") and not _own_sentence(record, t) and _category(t) in NOT_COUNTED
        return (fill(record, t) or False) if chosen else False

    return change


# Words that make a sum a whole an item is one part of, or a running total (diagnostics).
PART_WORDS = re.compile(r"\b(?:as\s+part\s+of|including|includes?|package|such\s+as)\b", re.IGNORECASE)
TOTAL_WORDS = re.compile(r"\b(?:since|so\s+far|to\s+date|in\s+total|total|overall|cumulative|altogether)\b", re.I)


def _part_words(record: dict, transfer: dict) -> bool:
    span = (transfer.get("item") or {}).get("span")
    text = record.get("text", "")
    return bool(span) and bool(PART_WORDS.search(text, *_sentence_around(text, span["start"], span["end"])))


def _in_total_sentence(record: dict, transfer: dict) -> bool:
    span = transfer["quantity"].get("span")
    text = record.get("text", "")
    return bool(span) and bool(TOTAL_WORDS.search(text, *_sentence_around(text, span["start"], span["end"])))


def _other_paragraph(record: dict, transfer: dict) -> bool:
    span, item = transfer["quantity"].get("span"), (transfer.get("item") or {}).get("span")
    if not span or not item:
        return False
    low, high = sorted((span["start"], item["start"]))
    return "\n" in record.get("text", "")[low:high]


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (by SENTENCE_BREAK) holding start..end."""
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, 0, start)]
    after = SENTENCE_BREAK.search(text, end)
    return (breaks[-1] if breaks else 0), (after.start() + 1 if after else len(text))


def _as_quantity(amount) -> dict:
    return {"text": amount.text, "low": amount.low, "high": amount.high, "unit": amount.unit}


def _nearest(text: str, low: int, high: int, at: int, money_only: bool) -> dict | None:
    from materiel.extract.quantities import find_amounts

    found = [a for a in find_amounts(text[low:high], low) if a.is_money or not money_only]
    return _as_quantity(min(found, key=lambda a: abs(a.start - at))) if found else None


def _item_sentence_money(record: dict, transfer: dict) -> dict | None:
    span = (transfer.get("item") or {}).get("span")
    if not span:
        return None
    text = record.get("text", "")
    return _nearest(text, *_sentence_around(text, span["start"], span["end"]), span["start"], True)


def _item_sentence_amount(record: dict, transfer: dict) -> dict | None:
    span = (transfer.get("item") or {}).get("span")
    if not span:
        return None
    text = record.get("text", "")
    return _nearest(text, *_sentence_around(text, span["start"], span["end"]), span["start"], False)


def _pair_money(record: dict, transfer: dict) -> dict | None:
    """The money of the one sentence that holds the item and both parties' mentions."""
    spans = [(x or {}).get("span") for x in (transfer.get("supplier"), transfer.get("recipient"), transfer.get("item"))]
    if not all(spans):
        return None
    text = record.get("text", "")
    low, high = min(s["start"] for s in spans), max(s["end"] for s in spans)
    if SENTENCE_BREAK.search(text, low, high):
        return None
    return _nearest(text, *_sentence_around(text, low, high), spans[2]["start"], True)


def _item_span(transfer: dict) -> dict | None:
    return (transfer.get("item") or {}).get("span")


def _para_nearest(money_only: bool) -> Callable[[dict, dict], dict | None]:
    """The amount nearest the item in the item's paragraph (sources7)."""

    def fill(record: dict, transfer: dict) -> dict | None:
        span, text = _item_span(transfer), record.get("text", "")
        if not span:
            return None
        low, high = text.rfind("\n", 0, span["start"]) + 1, text.find("\n", span["end"])
        return _nearest(text, low, len(text) if high < 0 else high, span["start"], money_only)

    return fill


def _previous_sentence_money(record: dict, transfer: dict) -> dict | None:
    """The money of the sentence before the item's ("... a $2bn contract. The deal covers tanks")."""
    span, text = _item_span(transfer), record.get("text", "")
    if not span:
        return None
    start, _ = _sentence_around(text, span["start"], span["end"])
    if start == 0:
        return None
    low, high = _sentence_around(text, max(start - 2, 0), max(start - 2, 0))
    return _nearest(text, low, high, span["start"], True)


def _evidence_money(record: dict, transfer: dict) -> dict | None:
    text, spans = record.get("text", ""), transfer.get("evidence") or []
    found = [_nearest(text, e["start"], e["end"], e["start"], True) for e in spans if "start" in e]
    return next((f for f in found if f), None)


def _title_money(record: dict, transfer: dict) -> dict | None:
    from materiel.extract.quantities import find_amounts

    money = [a for a in find_amounts(record.get("title") or "") if a.is_money]
    return _as_quantity(money[0]) if money else None


VARIANTS: dict[str, Change] = {
    "base": lambda record, t: False,
    "drop_money": _given(lambda r, t: bool(t["quantity"].get("unit"))),
    "drop_count": _given(lambda r, t: not t["quantity"].get("unit")),
    "drop_vague": _given(lambda r, t: t["quantity"].get("low") != t["quantity"].get("high")),
    "drop_other_sentence": _given(lambda r, t: not _own_sentence(r, t)),
    "drop_money_counted_item": _given(lambda r, t: bool(t["quantity"].get("unit")) and _category(t) not in NOT_COUNTED),
    "every_for_given": lambda r, t: EVERY if t.get("quantity") else False,
    "every_for_empty": _empty(lambda r, t: True, lambda r: EVERY),
    "every_for_empty_aid": _empty(lambda r, t: _category(t) in NOT_COUNTED, lambda r: EVERY),
    "every_for_empty_counted": _empty(lambda r, t: _category(t) not in NOT_COUNTED, lambda r: EVERY),
    "lead_money_for_empty_aid": _empty(lambda r, t: _category(t) in NOT_COUNTED, _lead_money),
    "lead_money_for_empty": _empty(lambda r, t: True, _lead_money),
    "money_for_empty_counted": _empty(lambda r, t: _category(t) not in NOT_COUNTED, lambda r: MONEY),
    "count_for_empty_counted": _empty(lambda r, t: _category(t) not in NOT_COUNTED, lambda r: COUNT),
    "every_for_given_money": _every_for(lambda r, t: bool(t["quantity"].get("unit"))),
    "every_for_given_count": _every_for(lambda r, t: not t["quantity"].get("unit")),
    "every_for_given_vague": _every_for(lambda r, t: t["quantity"].get("low") != t["quantity"].get("high")),
    "every_for_given_other_sentence": _every_for(lambda r, t: not _own_sentence(r, t)),
    "every_for_given_aid": _every_for(lambda r, t: _category(t) in NOT_COUNTED),
    "pair_money_for_empty": _empty_with(_pair_money),
    "item_sentence_money_for_empty": _empty_with(_item_sentence_money),
    "item_sentence_amount_for_empty": _empty_with(_item_sentence_amount),
    "every_for_given_other_sentence_aid": _every_for(lambda r, t: not _own_sentence(r, t) and _aid(t)),
    "lead_money_for_other_sentence_aid": _other_aid(lambda r, t: _lead_money(r)),
    "item_sentence_money_for_other_sentence_aid": _other_aid(_item_sentence_money),
    "item_sentence_money_for_empty_aid": _empty_with(lambda r, t: _aid(t) and _item_sentence_money(r, t)),
    "item_sentence_money_for_empty_counted": _empty_with(lambda r, t: not _aid(t) and _item_sentence_money(r, t)),
    "item_sentence_money_for_empty_in_part": _empty_with(lambda r, t: _part_words(r, t) and _item_sentence_money(r, t)),
    "every_for_given_total_sentence": _every_for(lambda r, t: _in_total_sentence(r, t)),
    "every_for_given_other_paragraph": _every_for(lambda r, t: _other_paragraph(r, t)),
    "para_money_for_empty": _empty_with(_para_nearest(True)),
    "para_amount_for_empty": _empty_with(_para_nearest(False)),
    "previous_sentence_money_for_empty": _empty_with(_previous_sentence_money),
    "evidence_money_for_empty": _empty_with(_evidence_money),
    "title_money_for_empty": _empty_with(_title_money),
    "para_money_for_other_sentence_aid": _other_aid(_para_nearest(True)),
    "evidence_money_for_other_sentence_aid": _other_aid(_evidence_money),
}  # fmt: skip


def variant(records: list[dict], change: Change) -> list[dict]:
    out = []
    for record in records:
        transfers = []
        for transfer in record.get("transfers") or []:
            new = change(record, transfer)
            transfers.append(transfer if new is False else {**transfer, "quantity": new})
        out.append({**record, "transfers": transfers})
    return out


def gauge(gold: str, pred: str, totals: str) -> None:
    records = [json.loads(line) for line in Path(pred).read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = []
    with tempfile.TemporaryDirectory(dir=Path(pred).parent) as folder:
        for name, change in VARIANTS.items():
            scored = score_records(gold, variant(records, change), folder)
            rate, t = scored["fields"]["quantity"], scored["transfers"]
            fraction = str(Fraction(rate).limit_denominator(MAX_TRIALS)) if rate is not None else None
            lines.append(
                {"variant": name, "quantity": rate, "fraction": fraction, "R": t["recall"], "P": t["precision"]}
            )
    with open(totals, "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(line) + "\n" for line in lines)


if __name__ == "__main__":
    gauge(*sys.argv[1:4])
