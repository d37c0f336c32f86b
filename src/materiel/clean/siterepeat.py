"""Lines repeated across the pages of one site are its furniture (a batch step).

Large web-corpus pipelines deduplicate lines across the documents of one domain: a promotion, a
menu or a disclaimer comes back on every page of its site, a sentence of an article does not.
`SiteRepeats` counts, per site, the pages each normalised line (as a 64-bit hash) stands on, over
every batch its runner sees; a line on MIN_PAGES pages or more of its site is removed with reason
`repeated_on_site`. Run on one article alone it has nothing to count, and removes only what
earlier batches of the same runner taught it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import PurePath
from urllib.parse import urlsplit

from materiel.article import Article, Removal
from materiel.clean.boilerplate import fold

REASON = "repeated_on_site"
# Pages of one site a line must stand on to be its furniture: two pages may share a sentence
# (a story and its update), three independent pages rarely do.
MIN_PAGES = 3
# Lines shorter than this are left alone: "Advertisement" is caught by the rules, and short
# lines ("Yes.", a date, a name heading) recur in articles by chance.
MIN_CHARS = 12
# A page whose article paragraphs (lines of PROSE_CHARS or more) were mostly seen on the site
# before is a copy (the same story saved twice, or updated): it adds no counts, so a copy's
# sentences never look like furniture. Furniture lines are shorter and do not decide it.
COPY_SHARE = 0.5
PROSE_CHARS = 200
# Distinct lines kept per site; past this, lines seen on one page only are forgotten (most are
# article sentences), which bounds memory over a crawl.
MAX_LINES_PER_SITE = 200_000
# Quotation marks: a quoted sentence that recurs across a site's stories is still a quote.
QUOTED = re.compile(r"[\"“”«»„]")


def site_of(article: Article) -> str:
    """The site a page comes from: its URL's host; else its file's folder and name prefix (the
    part before the first '_', as in outlet_2024_story.txt)."""
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    path = PurePath(article.source.split("#", 1)[0])
    return f"{path.parent}/{path.name.split('_', 1)[0]}"


def line_key(line: str) -> int:
    return int.from_bytes(hashlib.blake2b(fold(line).encode("utf-8"), digest_size=8).digest(), "big")


class SiteRepeats:
    """Batch step: counts lines per site in `observe`, removes the repeated ones in `__call__`."""

    def __init__(self, min_pages: int = MIN_PAGES) -> None:
        self.min_pages = min_pages
        self.counts: dict[str, Counter[int]] = {}

    def observe(self, article: Article) -> None:
        lines = _candidates(article.text)
        counts = self.counts.setdefault(site_of(article), Counter())
        prose = [line_key(line) for line in lines if len(line) >= PROSE_CHARS]
        if sum(key in counts for key in prose) > COPY_SHARE * len(prose):
            return
        counts.update({line_key(line) for line in lines})
        if len(counts) > MAX_LINES_PER_SITE:
            self.counts[site_of(article)] = Counter({k: n for k, n in counts.items() if n > 1})

    def __call__(self, article: Article) -> None:
        counts = self.counts.get(site_of(article))
        if not counts:
            return
        kept = []
        for line in article.text.split("\n\n"):
            if _candidate(line) and counts[line_key(line)] >= self.min_pages:
                article.removed.append(Removal(line, REASON))
            else:
                kept.append(line)
        article.text = "\n\n".join(kept)


def _candidates(text: str) -> list[str]:
    return [line for line in text.split("\n\n") if _candidate(line)]


def _candidate(line: str) -> bool:
    return len(line) >= MIN_CHARS and QUOTED.search(line) is None
