"""An exact copy of a page that another outlet ran is one report (stored once, counted once), but
its outlet is kept: the transfer says every outlet that carried the story."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from materiel.article import Actor, Article, Item
from materiel.ledger import schema
from materiel.ledger.queries import Filters, get_transfer, list_transfers
from materiel.ledger.store import Store
from materiel.web.app import create_app
from tests.builders import report, transfer

TEXT = "A made-up wire story: Norway has pledged two patrol boats to Ukraine, its navy said on Monday."


def _page(ident: str, url: str) -> Article:
    boats = transfer(Actor("NOR", "Norway"), Actor("UKR", "Ukraine"), Item("patrol boats", "naval"))
    return report(ident, TEXT, boats, url=url)


def _articles(store: Store) -> int:
    with store.connect() as connection:
        return connection.execute(select(func.count()).select_from(schema.articles)).scalar_one()


@pytest.mark.parametrize("together", [True, False], ids=["one-batch", "stored-first"])
def test_an_exact_copy_lists_its_outlet_without_counting_twice(tmp_path: Path, together: bool) -> None:
    store = Store(f"sqlite:///{tmp_path / 'copies.db'}")
    first = _page("wire-1", "https://www.wire.test/story")
    copies = [_page("copy-1", "https://daily.test/news/boats"), _page("wire-2", "https://wire.test/mirror/story")]
    summaries = [store.ingest([first, *copies])] if together else [store.ingest([first]), store.ingest(copies)]
    assert sum(s.duplicate for s in summaries) == 2 and _articles(store) == 1  # stored once
    again = store.ingest([first, *copies])  # idempotent: nothing new, no second row for the copy
    assert (again.new, again.duplicate) == (0, 3)
    with store.connect() as connection:
        (row,) = list_transfers(connection, Filters())
        shown = get_transfer(connection, row["id"])
        kept = connection.execute(select(schema.article_copies.c.outlet, schema.article_copies.c.url)).all()
    assert row["corroboration"] == 1  # one report: the copy does not corroborate it
    (claim,) = shown["claims"]
    assert claim["outlet"] == "wire.test" and claim["also_carried_by"] == ["daily.test"]  # not wire.test's mirror
    assert claim["copies"] == [{"outlet": "daily.test", "url": "https://daily.test/news/boats"}]
    assert kept == [("daily.test", "https://daily.test/news/boats")]


def test_a_copy_without_an_address_names_no_outlet(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'plain.db'}")
    store.ingest([_page("wire-1", "https://wire.test/story"), _page("pasted", None)])
    with store.connect() as connection:
        assert connection.execute(select(func.count()).select_from(schema.article_copies)).scalar_one() == 0


def test_the_transfer_page_links_each_copy_to_its_address(tmp_path: Path) -> None:
    """The page listed an exact copy's outlet under "also carried by" with no link to where it ran:
    now a link, as a page's own address is (http(s) only, escaped)."""
    store = Store(f"sqlite:///{tmp_path / 'linked.db'}")
    copies = [_page("daily", 'https://daily.test/boats?from="wire"&<b>'), _page("ftp", "ftp://files.test/boats")]
    store.ingest([_page("wire-1", "https://wire.test/story"), *copies])
    with store.connect() as connection:
        (row,) = list_transfers(connection, Filters())
        (claim,) = get_transfer(connection, row["id"])["claims"]
    assert claim["also_carried_at"] == ['https://daily.test/boats?from="wire"&<b>', "ftp://files.test/boats"]
    page = TestClient(create_app(str(tmp_path / "linked.db"))).get(f"/transfers/{row['id']}").text
    carried = page[page.index("also carried by") : page.index("</p>", page.index("also carried by"))]
    daily = 'href="https://daily.test/boats?from=&#34;wire&#34;&amp;&lt;b&gt;" rel="noopener noreferrer nofollow">'
    daily += "daily.test</a>"
    assert daily in carried
    assert "files.test" in carried and "ftp://" not in carried  # named, not linked: not a web address


def test_show_gives_each_copy_s_address_beside_its_outlet(tmp_path: Path) -> None:
    """`show` named the copy's outlet without where it ran, while the page links it."""
    from typer.testing import CliRunner

    from materiel.cli_ledger import app

    url = f"sqlite:///{tmp_path / 'shown.db'}"
    store = Store(url)
    store.ingest([_page("wire-1", "https://wire.test/story"), _page("copy-1", "https://daily.test/news/boats")])
    with store.connect() as connection:
        (row,) = list_transfers(connection, Filters())
    result = CliRunner().invoke(app, ["show", row["id"], "--db", url])
    assert result.exit_code == 0, result.output
    assert "also carried by daily.test <https://daily.test/news/boats>" in result.output
