"""What the line model could still take from OUR clean text where the cleaning step does not let it
(clean21), in three families of variants, each removing a class of text from the prediction file
and rescored by score.py (cleaning totals only; never a line of an article is written):

- `prose`: the lines the step never lets the model drop (a paragraph longer than
  MAX_SCORED_CHARS, a sentence of prose: clean/lines.py `gate` gives None), removed where the
  shipped model scores them at or above each of THRESHOLDS;
- `glued`: the first or last sentence of a paragraph of several, scored as a line of its own
  beside the rest of its paragraph, removed at its gate and at least GLUED_FLOORS;
- `html`: pages read from HTML, which the step leaves alone, cleaned by the model as a text page
  is (its threshold raised to HTML_FLOORS).

    python tools/prose_gauge.py GOLD PRED TOTALS        # on a prediction file of ours
    PROSE_FAMILIES=prose PROSE_TOTALS=/tmp/t.jsonl ../shared/eval/blind-check --materiel tools/prose_gauge

The lines are the clean text's paragraphs, scored with the record's title, as the step scores
the text it sees (the steps after it change a few lines). Each row also counts the paragraphs
the variant removed or shortened.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from materiel.clean.line_features import features
from materiel.clean.lines import MIN_PAGE_LINES, LineModel, gate, load_model
from tools.recall_gauge import score_records
from tools.zone_gauge import sentences

# Out of fold (grouped by source, train + dev) the highest must_keep line the step never scores
# stood at 0.82 and one furniture line stood above 0.9; on the benchmark's unseen sites 8 article
# lines stood above 0.95: the sweep spans that range.
THRESHOLDS = (0.95, 0.9, 0.8, 0.65)
# A sentence glued to a paragraph, scored alone, is removed at its gate and at least this: at the
# gate alone (0.45) such sentences cost a must_keep on dev and on train, at 0.8 the first ones one
# on train and the last ones none (they were reporting credits, a caption, a cable's signature).
GLUED_FLOORS = (0.8,)
# Pages read from HTML cleaned by the model too: at its own threshold, and at a surer one.
HTML_FLOORS = (0.0, 0.8)
# The families of variants measured (PROSE_FAMILIES, comma-separated; all when unset): on the check
# set the first run measured `prose`, the second `glued`, the third `html`.
FAMILIES = frozenset((os.environ.get("PROSE_FAMILIES") or "prose,glued,html").split(","))


def _from_html(record: dict) -> bool:
    return ".htm" in Path(str(record.get("source") or "")).name.casefold()


def _variant(threshold: float) -> Callable[[dict], str]:
    def rewrite(record: dict) -> str:
        text = record.get("text") or ""
        lines = text.split("\n\n")
        if _from_html(record) or len(lines) < MIN_PAGE_LINES:
            return text
        model = load_model()
        rows = features(lines, record.get("title"), model.vocabulary)
        keep = [
            line
            for line, row in zip(lines, rows, strict=True)
            if gate(line, row, model.threshold) is not None or model.probability(row) < threshold
        ]
        return "\n\n".join(keep)

    return rewrite


def _glued(which: int, floor: float) -> Callable[[dict], str]:
    """The first (`which` 0) or last (-1) sentence of each paragraph of several, scored as a line
    of its own beside the rest of its paragraph, removed where the model drops such a line (at
    its gate, and at least `floor`)."""

    def rewrite(record: dict) -> str:
        text = record.get("text") or ""
        lines = text.split("\n\n")
        if _from_html(record) or len(lines) < MIN_PAGE_LINES:
            return text
        return "\n\n".join(_without_glued(lines, record.get("title"), which, floor))

    return rewrite


def _without_glued(lines: list[str], title: str | None, which: int, floor: float) -> list[str]:
    model, out = load_model(), []
    for index, line in enumerate(lines):
        parts = sentences(line)
        if len(parts) < 2:
            out.append(line)
            continue
        one, rest = parts[which], " ".join(parts[1:] if which == 0 else parts[:-1])
        split = [one, rest] if which == 0 else [rest, one]
        trial = [*lines[:index], *split, *lines[index + 1 :]]
        row = features(trial, title, model.vocabulary)[index + (0 if which == 0 else 1)]
        at = gate(one, row, model.threshold)
        out.append(rest if at is not None and model.probability(row) >= max(at, floor) else line)
    return out


def _html_model(floor: float) -> Callable[[dict], str]:
    """Pages read from HTML, which the step leaves alone, cleaned by the line model as a text
    page is (its gates, its threshold raised to `floor`)."""

    def rewrite(record: dict) -> str:
        text = record.get("text") or ""
        lines = text.split("\n\n")
        if not _from_html(record) or len(lines) < MIN_PAGE_LINES:
            return text
        model = load_model()
        surer = LineModel({"weights": model.weights, "bias": model.bias, "threshold": max(model.threshold, floor)})
        flags = surer.furniture(lines, record.get("title"))
        return "\n\n".join(line for line, furniture in zip(lines, flags, strict=True) if not furniture)

    return rewrite


def _changed(records: list[dict], changed: list[dict]) -> int:
    """How many paragraphs of our clean texts a variant removed or shortened (a count only)."""
    count = 0
    for record, variant in zip(records, changed, strict=True):
        count += len(set((record.get("text") or "").split("\n\n")) - set(variant["text"].split("\n\n")))
    return count


def gauge(gold: str, out: str, totals: str) -> None:
    """Append the cleaning totals of every variant of the prediction file `out` to `totals`."""
    records = [json.loads(line) for line in Path(out).read_text().splitlines()]
    variants: dict[str, Callable[[dict], str]] = {"none": lambda r: r.get("text") or ""}
    if "prose" in FAMILIES:
        variants.update({f"prose_{t:.2f}": _variant(t) for t in THRESHOLDS})
    if "glued" in FAMILIES:
        ends = (("first", 0), ("last", -1))
        variants.update({f"glued_{name}_{f:.2f}": _glued(which, f) for name, which in ends for f in GLUED_FLOORS})
    if "html" in FAMILIES:
        variants.update({f"html_{floor:.2f}": _html_model(floor) for floor in HTML_FLOORS})
    rows = []
    with tempfile.TemporaryDirectory(dir=Path(out).parent) as folder:
        for name, rewrite in variants.items():
            changed = [{**r, "text": rewrite(r)} for r in records]
            cleaning = score_records(gold, changed, folder)["cleaning"]
            totals_row = {k: round(cleaning[k], 4) for k in ("must_keep", "must_drop", "once")}
            rows.append({"class": name, "paragraphs_changed": _changed(records, changed), **totals_row})
    with open(totals, "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(x) + "\n" for x in rows)


if __name__ == "__main__":
    gauge(*sys.argv[1:4])
