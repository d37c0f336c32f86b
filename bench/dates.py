"""Article dates on the dev set: how many gold transfers get their article's date.

    .venv/bin/python bench/dates.py [--gold ../shared/gold/dev.jsonl] [--show]

The reference is the date column of `../shared/corpus/SOURCES.tsv` (where the maintainers
recorded each file's publication date). A file *carries* its date when that day is written in its
name or its bytes (ISO, 2024_07_18, 20240507, "7 May 2024", "May 7, 2024"): only then can a reader
find it. For each gold transfer of such a file, the date is *found* when the article's `published`
(after reading and cleaning, no NLP) is that day. Prints the share, and with --show the misses.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from datetime import date
from pathlib import Path

from materiel import api
from materiel.article import Article
from materiel.pipeline import Runner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def reference_dates() -> dict[str, str]:
    with (SHARED / "corpus" / "SOURCES.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {r["id"]: r["date"][:10] for r in rows if re.match(r"\d{4}-\d\d-\d\d", r["date"] or "")}


def written_forms(day: str) -> list[str]:
    d = date.fromisoformat(day)
    month, short = d.strftime("%B"), d.strftime("%b")
    return [
        day,
        day.replace("-", "_"),
        day.replace("-", "/"),
        day.replace("-", ""),
        f"{d.day} {month} {d.year}",
        f"{d.day} {short} {d.year}",
        f"{month} {d.day}, {d.year}",
        f"{short}. {d.day}, {d.year}",
        f"{short} {d.day}, {d.year}",
        f"{d.year}/{short.lower()}/{d.day:02d}",
    ]


def carries(path: Path, day: str) -> bool:
    raw = path.read_bytes().decode("utf-8", errors="replace")
    haystack = (path.name + "\n" + raw).casefold()
    return any(form.casefold() in haystack for form in written_forms(day))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    parser.add_argument("--show", action="store_true")
    options = parser.parse_args()
    print(json.dumps(measure(options.gold, options.show)))


def measure(gold: Path, show: bool) -> dict:
    reference = reference_dates()
    runner = Runner(api.clean_steps())
    carried = found = transfers = undated = 0
    sources: dict[str, int] = {}
    for record in api.gold_records(gold):
        path = gold.resolve().parent.parent / record["file"]
        count = len(record.get("transfers") or [])
        transfers += count
        day = reference.get(path.name.rsplit(".", 1)[0]) or reference.get(path.stem)
        article = next((a for a in runner.run(api.read_paths([path])) if isinstance(a, Article)), None)
        if article is not None and article.published:
            sources[article.published_from or "?"] = sources.get(article.published_from or "?", 0) + 1
        if day is None or not carries(path, day):
            undated += count
            continue
        carried += count
        hit = article is not None and article.published == day
        found += count * hit
        if show and not hit and count:
            print(f"miss {path.name[:60]}: want {day}, got {article and article.published} ({count} transfers)")
    return {
        "gold_transfers": transfers,
        "in_files_carrying_their_date": carried,
        "date_found": found,
        "share": round(found / carried, 3) if carried else None,
        "in_files_without_a_date": undated,
        "articles_dated_by": dict(sorted(sources.items())),
    }


if __name__ == "__main__":
    main()
