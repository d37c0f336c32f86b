"""The ledger's memory of each site's lines (clean.siterepeat), so that a later run with one page
of a site still knows that site's furniture.

Written with each batch of articles, in its transaction: every page the batch's articles were
counted from (`Article.site_page`) that the ledger has not counted yet goes to `site_pages`, and
its lines add one to their (site, line) row of `site_lines`. A page read again, in this run or a
later one, is in `site_pages` already and adds nothing, so re-ingesting never inflates a count.

Read by site and line: a run asks, for each page it counts, whether that page was counted and
the counts of its own lines, with the primary key (outlet, line_hash); never the whole table, so
the cost of a run follows its pages, not the ledger.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from types import ModuleType

from sqlalchemy import create_engine, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from materiel.article import Article
from materiel.clean.siterepeat import SitePage
from materiel.ledger import schema
from materiel.ledger.dedupe import KEYS_PER_QUERY
from materiel.ledger.merge import chunks

# Rows kept per site. A site's furniture is tens to a few hundred lines, on most of its pages; the
# rest of its lines are article sentences, each on one page. Past this many rows (a few thousand
# pages' worth), the lines seen on one page only are forgotten: furniture is back on its next
# pages, a sentence is not. This bounds a site's rows, and what a run reads for it.
MAX_STORED_LINES = 100_000


class LedgerSites:
    """The ledger as a clean.siterepeat.SiteMemory. Each question is one short read on a
    connection of its own (an ingest writing to a SQLite file meanwhile is not blocked)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def recall(self, site: str, page: int | None, lines: list[int]) -> tuple[bool, dict[int, int]]:
        s, p = schema.site_lines, schema.site_pages
        found: dict[int, int] = {}
        with self.engine.connect() as connection:
            counted = page is not None and connection.execute(select(p.c.page).where(p.c.page == page)).first()
            for chunk in chunks(lines, KEYS_PER_QUERY):
                query = select(s.c.line_hash, s.c.pages).where(s.c.outlet == site, s.c.line_hash.in_(chunk))
                found.update((line, pages) for line, pages in connection.execute(query))
        return bool(counted), found

    def add_to(self, counts: dict[str, Counter[int]]) -> None:
        """Add the ledger's counts of the lines in `counts` (a pool's first pass, summed)."""
        for site, lines in counts.items():
            lines.update(self.recall(site, None, sorted(lines))[1])

    def counted_pages(self) -> CountedPages:
        return CountedPages(self.engine.url.render_as_string(hide_password=False))


class CountedPages:
    """For a process pool's first pass (sent to each worker, which opens the ledger): the pages
    the ledger counted are left out, their lines noted with no count, and `LedgerSites.add_to`
    adds the ledger's counts to the sum once."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sites: LedgerSites | None = None

    def __getstate__(self) -> dict:
        return {"url": self.url, "sites": None}

    def recall(self, site: str, page: int | None, lines: list[int]) -> tuple[bool, dict[int, int]]:
        self.sites = self.sites or LedgerSites(create_engine(self.url))
        return self.sites.recall(site, page, [])[0], dict.fromkeys(lines, 0)


def store_site_lines(connection: Connection, articles: Iterable[Article]) -> int:
    """Count the articles' pages not counted yet into the site lines; how many were new."""
    pages = {a.site_page.page: a.site_page for a in articles if isinstance(a.site_page, SitePage)}
    new = _claim_pages(connection, pages)
    lines: Counter[tuple[str, int]] = Counter()
    for page in new:
        lines.update((page.site, line) for line in page.lines)
    if lines:
        _add_lines(connection, lines)
    for site in sorted({page.site for page in new}):
        _bound(connection, site)
    return len(new)


def _claim_pages(connection: Connection, pages: dict[int, SitePage]) -> list[SitePage]:
    """Insert the pages; those that were not there yet (a page another ingest counted first is
    left to it: the insert waits on its row, then skips it)."""
    if not pages:
        return []
    rows = [{"page": key, "outlet": page.site} for key, page in sorted(pages.items())]
    insert = _dialect(connection).insert(schema.site_pages).on_conflict_do_nothing()
    added = connection.execute(insert.returning(schema.site_pages.c.page), rows).scalars()
    return [pages[key] for key in added]


def _add_lines(connection: Connection, lines: Counter[tuple[str, int]]) -> None:
    table = schema.site_lines
    insert = _dialect(connection).insert(table)
    upsert = insert.on_conflict_do_update(
        index_elements=[table.c.outlet, table.c.line_hash], set_={"pages": table.c.pages + insert.excluded.pages}
    )
    rows = [{"outlet": site, "line_hash": line, "pages": n} for (site, line), n in sorted(lines.items())]
    connection.execute(upsert, rows)


def _bound(connection: Connection, site: str) -> None:
    """Past MAX_STORED_LINES rows, forget the site's lines seen on one page only."""
    table = schema.site_lines
    rows = connection.execute(select(func.count()).select_from(table).where(table.c.outlet == site)).scalar() or 0
    if rows > MAX_STORED_LINES:
        connection.execute(delete(table).where(table.c.outlet == site, table.c.pages <= 1))


def _dialect(connection: Connection) -> ModuleType:
    return postgresql if connection.dialect.name == "postgresql" else sqlite
