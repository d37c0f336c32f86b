"""Lines repeated across the pages of one site are its furniture (a batch step).

Large web-corpus pipelines deduplicate lines across the documents of one domain: a promotion, a
menu or a disclaimer comes back on every page of its site, a sentence of an article does not.
`SiteRepeats` counts, per site, the pages each normalised line (as a 63-bit hash) stands on, over
every batch its runner sees; a line on MIN_PAGES pages or more of its site is removed with reason
`repeated_on_site`. Run on one article alone it has nothing to count, and removes only what
earlier batches of the same runner taught it, and what a `SiteMemory` (the ledger's counts, see
materiel.ledger.sitelines) kept from earlier runs: the counts of the page's own lines, read by site
and line, never the whole store. Memory: one 63-bit key and a count per distinct line of a site,
bounded by MAX_LINES_PER_SITE.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Protocol
from urllib.parse import urlsplit

from materiel import regexcache
from materiel.article import Article, Removal
from materiel.clean.boilerplate import fold
from materiel.clean.line_features import SENTENCE_END

REASON = "repeated_on_site"
# Pages of one site a line must stand on to be its furniture: two pages may share a sentence
# (a story and its update), three independent pages rarely do.
MIN_PAGES = 3
# A line that is no sentence (no closing stop: a byline's name, an author's title, a verdict's
# label, a promotion's heading) needs only this many: two stories share a sentence of background,
# not a line of the page's furniture. Over train + dev this took bylines, job titles and a site's
# promotion on a second page, and no must_keep line; a story saved twice keeps its headings (the
# copy guard below).
MIN_PAGES_UNENDED = 2
# Lines shorter than this are left alone: "Advertisement" is caught by the rules, and short
# lines ("Yes.", a date, a name heading) recur in articles by chance.
MIN_CHARS = 12
# A page whose article paragraphs (lines of PROSE_CHARS or more) mostly stand on MIN_PAGES pages
# of its site is one of several copies of a story (saved again, or updated): its paragraphs stay.
# Furniture lines are shorter and do not decide it.
COPY_SHARE = 0.5
PROSE_CHARS = 120
# Distinct lines kept per site; past this, lines seen on one page only are forgotten (most are
# article sentences), which bounds memory over a crawl.
MAX_LINES_PER_SITE = 200_000
# Quotation marks: a quoted sentence that recurs across a site's stories is still a quote.
QUOTED = regexcache.compile(r"[\"“”«»„]")


def site_of(article: Article) -> str:
    """The site a page comes from: its URL's host; else its file's folder name and name prefix
    (the part before the first '_', as in outlet_2024_story.txt). The folder's name, not its path,
    so that the ledger's counts (kept across runs) find the site from any working directory."""
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    path = PurePath(article.source.split("#", 1)[0])
    return f"{path.parent.name}/{path.name.split('_', 1)[0]}"


def line_key(line: str) -> int:
    """A 63-bit hash of the folded line (fits a signed BIGINT column)."""
    return int.from_bytes(hashlib.blake2b(fold(line).encode("utf-8"), digest_size=8).digest(), "big") >> 1


def page_key(article: Article) -> int:
    """One page: its address (its URL, else where it was read from) and its text when counted. A
    URL's page read again with the same text (a crawl's second capture, a record in two daily
    feeds, a feed line repeated) is one page; a copy under another file name is a page of its own."""
    return line_key(f"{article.url or article.source}\n{article.text}")


@dataclass(frozen=True)
class SitePage:
    """What a page added to its site's counts: kept on the article for the ledger to store."""

    site: str
    page: int
    lines: tuple[int, ...]


class SiteMemory(Protocol):
    """Counts kept from earlier runs (the ledger's)."""

    def recall(self, site: str, page: int | None, lines: list[int]) -> tuple[bool, dict[int, int]]:
        """Whether `page` was counted already, and the pages of `site` each of `lines` stood on."""
        ...


class SharedSiteMemory(SiteMemory, Protocol):
    """A SiteMemory a process pool can use: its workers' first pass leaves out the pages it
    counted (`counted_pages`, sent to them), and the summed counts get its own once (`add_to`)."""

    def counted_pages(self) -> SiteMemory: ...

    def add_to(self, counts: dict[str, Counter[int]]) -> None: ...


class SiteRepeats:
    """Batch step: counts lines per site in `observe`, removes the repeated ones in `__call__`.

    Counts are plain sums (the order pages come in does not matter), so shards can count apart and
    add up: the pool and Spark executors count every page in a first pass and hand each worker
    the total, `frozen` (its own observations would count pages twice)."""

    def __init__(
        self, counts: dict[str, Counter[int]] | None = None, frozen: bool = False, memory: SiteMemory | None = None
    ) -> None:
        self.counts: dict[str, Counter[int]] = counts if counts is not None else {}
        self.frozen = frozen
        self.memory = memory
        # Pages already counted (page_key): a page read again, in a later run of the same runner
        # or under another id, is still one page.
        self.pages: set[int] = set()
        self.recalled: dict[str, set[int]] = {}  # the lines whose counts the memory gave, per site

    def observe(self, article: Article) -> None:
        self.count(article)

    def count(self, article: Article) -> bool:
        """observe(); whether the page's lines were counted now (not frozen, nor counted before
        by this step or the memory)."""
        site, page = site_of(article), page_key(article)
        lines = {line_key(line) for line in _candidates(article.text)}
        article.site_page = SitePage(site, page, tuple(sorted(lines)))
        if self.frozen or page in self.pages:
            return False
        self.pages.add(page)
        if self._recall(site, page, lines):
            return False  # counted in an earlier run: its lines are in the memory's counts
        counts = self.counts.setdefault(site, Counter())
        counts.update(lines)
        if len(counts) > MAX_LINES_PER_SITE:
            self.counts[site] = Counter({k: n for k, n in counts.items() if n > 1})
            self.recalled[site] = self.recalled.get(site, set()) & self.counts[site].keys()  # asked again
        return True

    def _recall(self, site: str, page: int | None, lines: Iterable[int]) -> bool:
        """Add the memory's counts of the lines not asked about yet; whether it counted `page`."""
        if self.memory is None:
            return False
        asked = self.recalled.setdefault(site, set())
        new = sorted(set(lines) - asked)
        counted, found = self.memory.recall(site, page, new)
        asked.update(new)
        self.counts.setdefault(site, Counter()).update(found)
        return counted

    def __call__(self, article: Article) -> None:
        site = site_of(article)
        if article.site_page is None:  # run alone, not observed: only what is known already
            self._recall(site, None, (line_key(line) for line in _candidates(article.text)))
        counts = self.counts.get(site)
        if not counts:
            return
        lines = article.text.split("\n\n")
        pages = [counts[line_key(line)] if _candidate(line) else 0 for line in lines]
        repeated = [n >= MIN_PAGES for n in pages]
        copy = _is_copy(lines, repeated) or _is_copy(lines, [n >= MIN_PAGES_UNENDED for n in pages])
        unended = [
            n >= MIN_PAGES_UNENDED and not copy and SENTENCE_END.search(x) is None
            for x, n in zip(lines, pages, strict=True)
        ]
        kept = []
        for line, drop in zip(lines, [a or b for a, b in zip(repeated, unended, strict=True)], strict=True):
            if drop and not (copy and len(line) >= PROSE_CHARS):
                article.removed.append(Removal(line, REASON))
            else:
                kept.append(line)
        article.text = "\n\n".join(kept)


def _is_copy(lines: list[str], repeated: list[bool]) -> bool:
    """Most of the page's article paragraphs stand on other pages of its site: the page is one of
    several copies of one story, and its paragraphs stay."""
    prose = [drop for line, drop in zip(lines, repeated, strict=True) if len(line) >= PROSE_CHARS]
    return sum(prose) > COPY_SHARE * len(prose)


def count_sites(articles: Iterable[Article], memory: SiteMemory | None = None) -> dict[str, Counter[int]]:
    """The counts of a run's pages (articles through the rule steps), for a frozen SiteRepeats;
    with `memory`, the pages it counted already are left out."""
    step = SiteRepeats(memory=memory)
    for article in articles:
        step.observe(article)
    return step.counts


def count_shard(
    articles: Iterable[Article], memory: SiteMemory | None = None
) -> tuple[dict[str, Counter[int]], list[SitePage]]:
    """count_sites of one shard, with the pages it counted, for add_shards."""
    step = SiteRepeats(memory=memory)
    pages = [article.site_page for article in articles if step.count(article)]
    return step.counts, [page for page in pages if isinstance(page, SitePage)]


def add_shards(shards: Iterable[tuple[dict[str, Counter[int]], list[SitePage]]]) -> dict[str, Counter[int]]:
    """The shards' counts summed, a page that several shards counted (one URL's page in two crawl
    files) counted once, as one runner counts it."""
    total: dict[str, Counter[int]] = {}
    seen: set[int] = set()
    for counts, pages in shards:
        add_counts(total, counts)
        for page in pages:
            if page.page in seen:
                total[page.site].subtract(page.lines)
            seen.add(page.page)
    return total


def add_counts(total: dict[str, Counter[int]], part: dict[str, Counter[int]]) -> dict[str, Counter[int]]:
    for site, counts in part.items():
        total.setdefault(site, Counter()).update(counts)
    return total


def _candidates(text: str) -> list[str]:
    return [line for line in text.split("\n\n") if _candidate(line)]


def _candidate(line: str) -> bool:
    return len(line) >= MIN_CHARS and QUOTED.search(line) is None
