"""Prose the line model is very sure is furniture (clean21): the lines of OUR clean text that the
cleaning step never lets the model drop (a paragraph longer than MAX_SCORED_CHARS, a sentence of
prose: clean/lines.py `gate` gives None), removed where the shipped model scores them at or above
each of THRESHOLDS, and the cleaning totals of score.py for each variant. A gauge, not shipped:
only totals are written, never a line of an article.

    python tools/prose_gauge.py GOLD PRED TOTALS        # on a prediction file of ours
    PROSE_TOTALS=/tmp/t.jsonl ../shared/eval/blind-check --materiel tools/prose_gauge

The lines are the clean text's paragraphs, scored with the record's title, as the step scores
the text it sees (the steps after it change a few lines). Pages read from HTML are left alone, as
the step leaves them (`drop_furniture_lines`).
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from materiel.clean.line_features import features
from materiel.clean.lines import MIN_PAGE_LINES, gate, load_model
from tools.recall_gauge import score_records
from tools.zone_gauge import fold

# Out of fold (grouped by source, train + dev) the highest must_keep line the step never scores
# stood at 0.82 and one furniture line stood above 0.9; on the benchmark's unseen sites 8 article
# lines stood above 0.95: the sweep spans that range.
THRESHOLDS = (0.95, 0.9, 0.8, 0.65)


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


def gauge(gold: str, out: str, totals: str) -> None:
    """Append the cleaning totals of every variant of the prediction file `out` to `totals`."""
    records = [json.loads(line) for line in Path(out).read_text().splitlines()]
    variants: dict[str, Callable[[dict], str]] = {"none": lambda r: r.get("text") or ""}
    variants.update({f"prose_{t:.2f}": _variant(t) for t in THRESHOLDS})
    rows = []
    with tempfile.TemporaryDirectory(dir=Path(out).parent) as folder:
        for name, rewrite in variants.items():
            changed = [{**r, "text": rewrite(r)} for r in records]
            lines = sum(len((r.get("text") or "").split("\n\n")) - len(c["text"].split("\n\n")) for r, c in zip(records, changed, strict=True))
            cleaning = score_records(gold, changed, folder)["cleaning"]
            rows.append({"class": name, "lines_removed": lines, **{k: round(cleaning[k], 4) for k in ("must_keep", "must_drop", "once")}})
    with open(totals, "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(x) + "\n" for x in rows)


if __name__ == "__main__":
    gauge(*sys.argv[1:4])
