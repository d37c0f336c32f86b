"""Cleaning on sites no rule was written for: the HTML benchmark's 181 pages (each a site of its
own, ../shared/bench/article-extraction) saved as a scraper saves a page's whole text, one line per
block, then cleaned as `materiel clean` cleans a text file. Each line of the page is article when
the page's ground truth holds it, else furniture; the report counts, like must_drop and must_keep,
the furniture lines left in the clean text and the article lines lost, and lists the furniture
left (the kinds a rule or a feature of the page's layout could still catch).

    python tools/clean_unseen.py [--shared ../shared] [--list] [--lost] [--html]

`--html` cleans each page from its HTML instead (main-text extraction first, as `materiel clean`
cleans an .html file), the lines still labelled from the page's whole text.

Lines shorter than MIN_CHARS are not counted: a must_drop snippet is four words or more, and a
short line is found inside any text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.article import Article  # noqa: E402
from materiel.clean import CLEAN_STEPS, RULE_STEPS, UNDATED_RULE_STEPS  # noqa: E402
from materiel.pipeline import Runner  # noqa: E402
from tools.train_lines import bench, fold  # noqa: E402

MIN_CHARS = 25
CLEANING = Runner([*UNDATED_RULE_STEPS, *CLEAN_STEPS[len(RULE_STEPS) :]])


def page_lines(page: dict, html: str | None = None) -> tuple[str, str, list[tuple[str, bool]]]:
    """The page cleaned as text (or from `html`): (title, clean text folded, [(line, is furniture)])."""
    if html is None:
        article = Article(id=page["id"], source=page["id"] + ".txt", text="\n".join(page["lines"]))
    else:
        article = Article(id=page["id"], source=page["id"] + ".html", html=html)
    result = CLEANING.run_one(article)
    text = result.text if isinstance(result, Article) else ""
    title = result.title if isinstance(result, Article) else ""
    counted = [(line, value == 1.0) for line, value in zip(page["lines"], page["labels"], strict=True)]
    return title or "", fold(text), [(line, furniture) for line, furniture in counted if len(line) >= MIN_CHARS]


def _html(shared: Path, page_id: str) -> str:
    """The page's HTML (the benchmark's file whose name the id's hash begins)."""
    import gzip

    folder = shared / "bench" / "article-extraction" / "html"
    path = next(folder.glob(f"{page_id[5:17]}*.html.gz"))
    return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--list", action="store_true", help="list the furniture lines left")
    parser.add_argument("--lost", action="store_true", help="list the article lines lost")
    parser.add_argument("--html", action="store_true", help="clean each page from its HTML")
    args = parser.parse_args()
    furniture = left = article = lost = 0
    for page in bench(args.shared):
        title, text, lines = page_lines(page, _html(args.shared, page["id"]) if args.html else None)
        for line, is_furniture in lines:
            found = fold(line) in text
            furniture += is_furniture
            left += is_furniture and found
            article += not is_furniture
            lost += not is_furniture and not found and fold(line) != fold(title)
            if (args.list and is_furniture and found) or (args.lost and not is_furniture and not found):
                print(f"{'LEFT' if is_furniture else 'LOST'}  {page['id'][5:13]}  {line[:140]!r}")
    print(f"furniture lines dropped {1 - left / furniture:.3f} ({furniture - left}/{furniture})")
    print(f"article lines kept {1 - lost / article:.3f} ({article - lost}/{article})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
