"""Made-up records for the tests: an article around a text, a transfer claim, a report that
carries claims, and a small ledger of reports. One place builds them, so that a field the records
gain is given a value once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from materiel.article import Actor, Article, Item, Transfer
from materiel.clean import CLEAN_STEPS
from materiel.ledger.store import Store
from materiel.pipeline import Runner


def article_of(text: str = "", *, id: str = "case", source: str = "test", **fields: Any) -> Article:
    """An article of `text` alone, as a case or a probe sentence stands in a test."""
    return Article(id=id, source=source, text=text, **fields)


def cleaned(text: str) -> Article:
    """What cleaning alone makes of a text."""
    result = Runner(CLEAN_STEPS).run_one(article_of(text))
    assert isinstance(result, Article)
    return result


def actor(ident: str | Actor | None) -> Actor | None:
    """An actor given as its id (the id doubles as its name), or as an `Actor` with its name."""
    if ident is None or isinstance(ident, Actor):
        return ident
    return Actor(ident, ident)


def transfer(
    supplier: str | Actor | None,
    recipient: str | Actor,
    item: Item | None = None,
    status: str = "pledged",
    **fields: Any,
) -> Transfer:
    """One transfer claim: a pledge of howitzers unless told otherwise."""
    item = item or Item("howitzers", "artillery")
    return Transfer(supplier=actor(supplier), recipient=actor(recipient), item=item, status=status, **fields)


def report(ident: str, text: str, *transfers: Transfer, source: str | None = None, **fields: Any) -> Article:
    """A made-up report that carries `transfers` (its text must differ from every other
    report's, or the ledger reads them as syndicated copies)."""
    return Article(id=ident, source=source or f"made/{ident}.txt", text=text, transfers=list(transfers), **fields)


def ledger_of(tmp_path: Path, *reports: Article, name: str = "ledger.db") -> str:
    """The URL of a new SQLite ledger in `tmp_path` that holds `reports`."""
    url = f"sqlite:///{tmp_path / name}"
    Store(url).ingest(list(reports))
    return url
