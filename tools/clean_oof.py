"""Cleaning scored out of fold: every gold article of train + dev cleaned as `materiel eval`
cleans it, with a line model fitted without the article's source (grouped folds, as
`tools/train_lines.py --cv`), and scored as ../shared/eval/score.py scores cleaning (title,
must_keep, must_drop, once). The must_drop snippets left and the titles missed are listed by
kind and source.

    python tools/clean_oof.py [--shared ../shared] [--insample] [--list]

`--insample` cleans with the shipped model instead (the figures `materiel eval` gives). The rules
are the same in both: they were written from these articles, so the figures are an upper bound
for unseen pages; the kinds that recur across sources say where the rules and the model fall
short. `--no-rules` cleans without the rule steps that name furniture (train_lines.NAMED_RULES):
a site no rule was written for, where the model and the steps after it do all the work.
`--unnamed` fits the models as `train_lines.py --unnamed` does; `--threshold` sets theirs;
`--ruleless W` fits them as `train_lines.py --ruleless W` does.
`--by-source` adds the figures per source, with what the line model removed there.
scikit-learn is needed, as for train_lines.py.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import materiel.clean.lines as line_step  # noqa: E402
from materiel.api import run_gold_records  # noqa: E402
from materiel.article import Article  # noqa: E402
from materiel.clean import CLEAN_STEPS, RULE_STEPS, batch_clean_steps  # noqa: E402
from materiel.clean.siterepeat import SiteRepeats  # noqa: E402
from materiel.extract.model import group_of  # noqa: E402
from materiel.pipeline import Runner  # noqa: E402
from tools.train_lines import FOLDS, bench, dump, export, fit, fold, learning_steps  # noqa: E402

# The kinds of furniture the gold's must_drop snippets name, tried in order (the first that
# matches names the snippet's kind); a snippet none matches is "other".
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("markdown-metadata", r"^\s*(?:[\w-]+:\s|---|\[.*\]\(|!\[|#{1,6}\s)"),
        ("newsletter-promo", r"\b(?:subscribe|sign up|newsletter|inbox|donat|support us|download|podcast|app)\b"),
        ("share-follow", r"\b(?:share|follow|facebook|twitter|telegram|whatsapp|instagram|youtube|linkedin)\b"),
        ("caption-credit", r"\b(?:photo|image|getty|reuters/|afp|file|credit|video|picture|illustration)\b"),
        ("byline-dateline", r"^(?:by\s|posted|published|updated?\s|written)|\b(?:\d{1,2}:\d{2}|am|pm|gmt|utc)\b"),
        ("update-note", r"\b(?:update|correction|editor'?s note|this (?:article|story) (?:was|has))\b"),
        ("legal-disclaimer", r"\b(?:copyright|©|rights reserved|disclaimer|views expressed|terms|privacy|cookie)"),
        ("related-list", r"\b(?:read (?:more|also)|related|more (?:on|from|stories)|see also|recommended)\b"),
    )
)


def kind_of(snippet: str) -> str:
    return next((name for name, pattern in KINDS if pattern.search(snippet)), "other")


def clean_records(records: list[dict], shared: Path, rules: bool = True) -> dict[str, Article]:
    """The records' articles cleaned as `materiel eval` cleans them (one stream, its batch step);
    without `rules`, without the steps that name furniture."""
    steps = batch_clean_steps() if rules else [*learning_steps(), SiteRepeats(), *CLEAN_STEPS[len(RULE_STEPS) :]]
    runner = Runner(steps)
    return {r["id"]: a for r, a in run_gold_records(records, shared, runner) if isinstance(a, Article)}


def out_of_fold(
    records: list[dict], shared: Path, rules: bool, threshold: float | None, unnamed: bool, ruleless: float = 0.0
) -> dict[str, Article]:
    """Each record cleaned with a line model fitted without its source (at `threshold`, else the
    shipped model's; `unnamed`: learnt as `train_lines.py --unnamed` learns)."""
    articles, extra = dump(shared, unnamed, ruleless), bench(shared)
    groups = sorted({group_of(r["id"]) for r in records})
    cleaned: dict[str, Article] = {}
    for k in range(FOLDS):
        held = set(groups[k::FOLDS])
        model, names, _ = fit([a for a in articles if group_of(a["id"]) not in held], extra)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "lines.json"
            export(model, names, 0.0, path)
            payload = json.loads(path.read_text("utf-8"))
        payload["threshold"] = threshold or line_step.load_model().threshold
        line_step.load_model = lambda path=None, p=payload: line_step.LineModel(p)  # type: ignore[assignment]
        cleaned.update(clean_records([r for r in records if group_of(r["id"]) in held], shared, rules))
    return cleaned


def by_source(records: list[dict], cleaned: dict[str, Article]) -> None:
    """Per source: must_drop and must_keep kept as scored, and the line model's removals
    (`furniture_line`) by what they hold: a must_drop snippet, a must_keep snippet, or neither
    (a line no snippet names); its precision is the share of the labelled ones that are furniture."""
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        article = cleaned.get(record["id"])
        tally = rows[group_of(record["id"])]
        text = fold(article.text if article else "")
        drops = [fold(s) for s in record.get("must_drop", []) if fold(s)]
        keeps = [fold(s) for s in record.get("must_keep", []) if fold(s)]
        tally["drops"] += len(drops)
        tally["dropped"] += sum(d not in text for d in drops)
        tally["keeps"] += len(keeps)
        tally["kept"] += sum(k in text for k in keeps)
        for removal in article.removed if article else []:
            if removal.reason == line_step.REASON:
                line = fold(removal.text)
                held = "model_keep" if any(k in line for k in keeps) else None
                held = held or ("model_drop" if any(d in line for d in drops) else "model_other")
                tally[held] += 1
    print(f"{'source':10} {'must_drop':>15} {'must_keep':>15}  model removals: furniture / article / unlabelled")
    for source, t in sorted(rows.items(), key=lambda item: -(item[1]["drops"] - item[1]["dropped"])):
        print(
            f"{source:10} {_ratio(t['dropped'], t['drops']):>15} {_ratio(t['kept'], t['keeps']):>15}  "
            f"{t['model_drop']:4} / {t['model_keep']:3} / {t['model_other']:4}"
        )


def _ratio(hit: int, total: int) -> str:
    return f"{hit / total:.3f} ({hit}/{total})" if total else "n/a"


def score(records: list[dict], cleaned: dict[str, Article], listing: bool) -> None:
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    left: Counter[str] = Counter()
    sources: dict[str, set[str]] = defaultdict(set)
    for record in records:
        article = cleaned.get(record["id"])
        text = fold(article.text if article else "")
        if record.get("title"):
            hit = article is not None and fold(article.title) == fold(record["title"])
            _add(tallies["title"], hit)
            if not hit and listing:
                print(f"TITLE {record['id'][:30]:30} {article.title if article else None!r} / {record['title']!r}")
        for needle in record.get("must_keep", []):
            _add(tallies["must_keep"], fold(needle) in text)
        for needle in record.get("once", []):
            _add(tallies["once"], text.count(fold(needle)) <= 1)
        for needle in record.get("must_drop", []):
            hit = fold(needle) not in text
            _add(tallies["must_drop"], hit)
            if not hit:
                kind = kind_of(needle)
                left[kind] += 1
                sources[kind].add(group_of(record["id"]))
                if listing:
                    print(f"LEFT  {kind:18} {record['id'][:30]:30} {needle[:110]!r}")
        for needle in record.get("must_keep", []):
            if listing and fold(needle) not in text:
                print(f"LOST  {record['id'][:30]:30} {needle[:110]!r}")
    print("  ".join(f"{name} {hit / total:.3f} ({hit}/{total})" for name, (hit, total) in tallies.items()))
    for kind, count in left.most_common():
        print(f"  must_drop left: {kind:18} {count:3} in {len(sources[kind])} sources {sorted(sources[kind])}")


def _add(tally: list[int], hit: bool) -> None:
    tally[0] += hit
    tally[1] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--insample", action="store_true", help="clean with the shipped model")
    parser.add_argument("--no-rules", action="store_true", help="clean without the steps that name furniture")
    parser.add_argument("--unnamed", action="store_true", help="fit as train_lines.py --unnamed fits")
    parser.add_argument("--threshold", type=float, help="the out-of-fold models' threshold")
    parser.add_argument("--ruleless", type=float, default=0.0, help="fit as train_lines.py --ruleless fits")
    parser.add_argument("--list", action="store_true", help="list the must_drop snippets left and titles missed")
    parser.add_argument("--by-source", action="store_true", help="the figures and the model's removals per source")
    args = parser.parse_args()
    records = [json.loads(line) for s in ("train", "dev") for line in (args.shared / "gold" / f"{s}.jsonl").open()]
    rules = not args.no_rules
    cleaned = (
        clean_records(records, args.shared, rules)
        if args.insample
        else out_of_fold(records, args.shared, rules, args.threshold, args.unnamed, args.ruleless)
    )
    score(records, cleaned, args.list)
    if args.by_source:
        by_source(records, cleaned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
