"""HTML main text on made-up pages unlike the benchmark's: materiel against trafilatura, in one run.

    .venv/bin/python bench/unseen_html.py [--shared ../shared] [--show NAME] [--json]

The pages are the HTML cases of `tests/cases/cleaning/unseen.json` that carry the article's own
text (`body`): news pages written for the tests in German, French, Spanish, Polish, Italian and
English, with menus, breadcrumbs, teaser grids, comment threads, author, newsletter and paywall
boxes, cookie notices and footers around the article. Each extractor is scored as
`bench/html_extraction.py` scores the 181 benchmark pages (word 4-gram precision and recall per
page against `body`, averaged over pages, F1 of the averages), and by the page's snippets: article
snippets (`keeps`) lost and furniture snippets (`drops`) left. Times are CPU time in this process
(each side warmed on one page first), as a ratio to trafilatura's.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from html_extraction import _f1, load_scorer, materiel_text, trafilatura_best

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases" / "cleaning" / "unseen.json"
EXTRACTORS = {"materiel": materiel_text, "trafilatura (favor_precision)": trafilatura_best}


def _fold(text: str) -> str:
    return " ".join(text.split())


def pages() -> list[dict]:
    """The unseen cases that are HTML pages with their article's text written out."""
    cases = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
    return [c for c in cases if "body" in c and c["file"].endswith(".html")]


def score(shared: Path) -> dict:
    scorer = load_scorer(shared)
    cases = pages()
    results = {}
    for name, extract in EXTRACTORS.items():
        extract(cases[0]["input"])  # untimed: each side's imports and compiled patterns are loaded once
        started = time.process_time()
        output = {c["name"]: extract(c["input"]) for c in cases}
        seconds = time.process_time() - started
        per_page = {}
        for case in cases:
            text = _fold(output[case["name"]])
            per_page[case["name"]] = {
                "scores": scorer.page_scores(case["body"], text),
                "lost": [k for k in case["keeps"] if _fold(k) not in text],
                "left": [d for d in case["drops"] if _fold(d) in text],
            }
        results[name] = {
            **_f1([p["scores"] for p in per_page.values()]),
            "keeps_lost": sum(len(p["lost"]) for p in per_page.values()),
            "drops_left": sum(len(p["left"]) for p in per_page.values()),
            "pages_clean": sum(not p["lost"] and not p["left"] for p in per_page.values()),
            "cpu_seconds": seconds,
            "pages": per_page,
            "output": output,
        }
    results["keeps"] = sum(len(c["keeps"]) for c in cases)
    results["drops"] = sum(len(c["drops"]) for c in cases)
    results["count"] = len(cases)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show", help="print each extractor's text of this page and what it missed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = score(args.shared)
    if args.show:
        for name in EXTRACTORS:
            page = results[name]["pages"][args.show]
            print(f"== {name}: lost {page['lost']} left {page['left']}\n{results[name]['output'][args.show]}\n")
        return
    if args.json:
        print(
            json.dumps(
                {
                    n: {k: v for k, v in r.items() if k != "output"} if isinstance(r, dict) else r
                    for n, r in results.items()
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    base = results["trafilatura (favor_precision)"]["cpu_seconds"]
    print(f"{results['count']} pages, {results['keeps']} article snippets, {results['drops']} furniture snippets")
    print(f"{'extractor':30} {'P':>6} {'R':>6} {'F1':>6} {'lost':>5} {'left':>5} {'clean':>6} {'x speed':>8}")
    for name in EXTRACTORS:
        row = results[name]
        print(
            f"{name:30} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} {row['keeps_lost']:5d} "
            f"{row['drops_left']:5d} {row['pages_clean']:6d} {base / row['cpu_seconds']:8.2f}"
        )
    for page, row in results["materiel"]["pages"].items():
        if row["lost"] or row["left"]:
            p, r = row["scores"]
            print(f"  {page}: P {p:.2f} R {r:.2f} lost {row['lost']} left {row['left']}")


if __name__ == "__main__":
    main()
