"""Where the furniture the cleaning leaves sits, by block: each must_drop snippet left in the
text of train + dev (cleaned out of fold, as tools/clean_oof.py cleans), and each must_keep
snippet, placed in its run of consecutive paragraphs without a sentence's end.

    python tools/block_gauge.py [--shared ../shared] [--rules] [--list]

A run of MIN_RUN or more such paragraphs is a block: the report counts the snippets left in
blocks, those after the article's last paragraph of prose or under a story list's heading
(clean/widgets.py `list_heading`, on the block's first line or the line before it), those whose
block carries a story's stamp (a time, a date, "5 min read", a comment count: STAMP) or a
byline's tail ("... - Jane Roe"), and the must_keep snippets in blocks (an article's own lists
and subheadings), by place. Without `--rules` the text is cleaned without the rule steps that
name furniture (`clean_oof.py --no-rules`: a site no rule was written for).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.clean.line_features import PROSE_CHARS, SENTENCE_END  # noqa: E402
from materiel.clean.widgets import list_heading  # noqa: E402
from tools.clean_oof import out_of_fold  # noqa: E402
from tools.train_lines import fold  # noqa: E402

MIN_RUN = 3
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A story's stamp anywhere in a line of a list of stories.
STAMP = re.compile(
    rf"""\b(?:
        \d{{1,2}}:\d{{2}}(?:\s*[ap]m)?\b                        # "10:15", "9:30 pm"
      | \d+\s*(?:min|mins|minutes?)\s+read\b                  # "5 min read"
      | \d+\s*(?:min|mins|minutes?|hours?|days?)\s+ago\b      # "2 hours ago"
      | \d+\s+comments?\b                                     # "14 comments"
      | \d{{1,2}}\s+{_MONTH}\s+\d{{4}} | {_MONTH}\s+\d{{1,2}},?\s+\d{{4}}  # "12 Feb 2025", "Feb 12, 2025"
      | \d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}                     # "12.02.2025"
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A byline's tail after a headline: a dash or bar, then a name of two capitalised words.
BYLINE_TAIL = re.compile(r"\s[-–—|·]\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s*$")


def blocks(paragraphs: list[str]) -> list[tuple[int, int] | None]:
    """For each paragraph, the (start, end) of its run of paragraphs without a sentence's end."""
    where: list[tuple[int, int] | None] = [None] * len(paragraphs)
    start = 0
    while start < len(paragraphs):
        end = start
        while end < len(paragraphs) and SENTENCE_END.search(paragraphs[end].strip()) is None:
            end += 1
        for index in range(start, end):
            where[index] = (start, end)
        start = max(end, start + 1)
    return where


def place(paragraphs: list[str], run: tuple[int, int], last_prose: int, first_prose: int) -> dict[str, bool]:
    start, end = run
    lines = paragraphs[start:end]
    return {
        "after": start > last_prose,
        "before": end <= first_prose,
        "headed": any(list_heading(paragraphs[i].strip()) for i in range(max(start - 1, 0), start + 1)),
        "stamped": any(STAMP.search(line) for line in lines),
        "byline": any(BYLINE_TAIL.search(line) for line in lines),
    }


def gauge(record: dict, text: str, tally: Counter[str], listing: bool) -> None:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    folded = [fold(p) for p in paragraphs]
    prose = [i for i, p in enumerate(paragraphs) if len(p) >= PROSE_CHARS and SENTENCE_END.search(p.strip())]
    first, last = (prose[0], prose[-1]) if prose else (len(paragraphs), -1)
    runs = blocks(paragraphs)
    for kind in ("must_drop", "must_keep"):
        for snippet in record.get(kind, []):
            needle = fold(snippet)
            index = next((i for i, p in enumerate(folded) if needle and needle in p), None)
            if index is None:
                continue
            tally[f"{kind} in text"] += 1
            run = runs[index]
            if run is None or run[1] - run[0] < MIN_RUN:
                continue
            tally[f"{kind} in blocks"] += 1
            for name, hit in place(paragraphs, run, last, first).items():
                tally[f"{kind} in blocks: {name}"] += hit
            if listing:
                print(f"{kind:9} {record['id'][:28]:28} run {run[1] - run[0]:2}  {paragraphs[index][:100]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--rules", action="store_true", help="clean with the named rules too")
    parser.add_argument("--list", action="store_true", help="list the snippets in blocks")
    args = parser.parse_args()
    records = [json.loads(line) for s in ("train", "dev") for line in (args.shared / "gold" / f"{s}.jsonl").open()]
    cleaned = out_of_fold(records, args.shared, args.rules, None, False)
    tally: Counter[str] = Counter()
    for record in records:
        article = cleaned.get(record["id"])
        gauge(record, article.text if article else "", tally, args.list)
    for name, count in sorted(tally.items()):
        print(f"{name:35} {count:5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
