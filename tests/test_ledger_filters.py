"""The ledger's filters: dates compared at the precision the ledger knows them, and a filter
spelled so that it could match nothing (a date that is no date, a status or category that does not
exist) refused as a usage error rather than answered with an empty ledger; a page's earlier
version not shown as another outlet carrying the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from materiel.article import Actor, Article, ClaimDate
from materiel.errors import UsageError
from materiel.ledger.queries import Filters, list_transfers
from materiel.ledger.store import Store
from tests.builders import report, transfer


def _report(number: int, supplier: str, day: str | None) -> Article:
    """A made-up report of one pledge of artillery to Ukraine, dated `day` (None: undated)."""
    return report(
        f"filter-{number}",
        f"Report number {number} on a pledge of guns by {supplier}, with words of its own {number * 7}.",
        transfer(supplier, Actor("UKR", "Ukraine"), date=ClaimDate(day, "sentence") if day else None),
        source=f"made/{number}.txt",
    )


@pytest.fixture
def ledger(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'ledger.db'}")
    days = {"DEU": "2023-02", "FRA": "2023-02-20", "POL": "2023", "ITA": None}
    store.ingest([_report(n, supplier, day) for n, (supplier, day) in enumerate(days.items())])
    return store


def _suppliers(store: Store, **filters: str) -> set[str]:
    with store.connect() as connection:
        return {row["supplier"] for row in list_transfers(connection, Filters(**filters))}


def test_a_month_or_year_is_within_a_day_bound(ledger: Store) -> None:
    # seen in February 2023, or in 2023: neither is before the 15th of February nor after it
    assert _suppliers(ledger, since="2023-02-15") == {"DEU", "FRA", "POL"}
    assert _suppliers(ledger, until="2023-02-15") == {"DEU", "POL"}
    assert _suppliers(ledger, since="2023-03") == {"POL"}
    assert _suppliers(ledger, until="2022") == set()


def test_an_undated_transfer_is_kept_by_no_date_bound(ledger: Store) -> None:
    assert "ITA" in _suppliers(ledger)
    assert "ITA" not in _suppliers(ledger, since="1900") | _suppliers(ledger, until="2999")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("since", "yesterday"),
        ("since", "2024-13-01"),
        ("until", "2024-02-30"),
        ("until", "15/02/2024"),
        ("status", "deliverd"),
        ("category", "tanks"),
    ],
)
def test_a_filter_that_could_match_nothing_is_a_usage_error(name: str, value: str) -> None:
    with pytest.raises(UsageError, match=name):
        Filters(**{name: value})


def test_a_negative_count_of_sources_is_a_usage_error() -> None:
    """`ledger --min-sources -1` answered the whole ledger (exit 0) where the API answers 400."""
    with pytest.raises(UsageError, match="min_sources"):
        Filters(min_sources=-1)


def test_an_earlier_version_of_a_page_is_not_another_outlet_carrying_it() -> None:
    from materiel.ledger.queries import once_per_report

    def claim(ident: str, source: str, outlet: str | None = None) -> dict:
        return {"id": ident, "article_id": ident[:2], "group_id": "g", "source": source, "outlet": outlet}

    (shown,) = once_per_report([claim("v2:0", "pages/a.txt"), claim("v1:0", "pages/a.txt")])
    assert shown["also_carried_by"] == [] and shown["copy_ids"] == ["v1:0"]
    (shown,) = once_per_report([claim("v2:0", "x", "one.test"), claim("c1:0", "y", "two.test")])
    assert shown["also_carried_by"] == ["two.test"]


def test_an_actor_is_found_by_its_code_or_its_country_name(ledger: Store) -> None:
    assert _suppliers(ledger, supplier="deu") == {"DEU"}
    assert _suppliers(ledger, supplier="Germany") == {"DEU"}
    with pytest.raises(UsageError, match="'Germ' names no known actor"):  # no prefix match: a name is whole
        _suppliers(ledger, supplier="Germ")
    assert len(_suppliers(ledger, recipient="ukraine")) == 4


@pytest.mark.parametrize(
    ("name", "supplier"),
    [
        ("Russia", "RUS"),  # the ledger shows "Russian Federation", ISO's name
        ("Czech Republic", "CZE"),  # shown as "Czechia"
        ("Turkey", "TUR"),  # shown as "Türkiye"
        ("Great Britain", "GBR"),  # shown as "United Kingdom"
        ("the Netherlands", "NLD"),
        ("DRC", "COD"),  # three letters, an alias, not an id
        ("Slovak Republic", "SVK"),  # ISO's official name, shown as "Slovakia"
    ],
)
def test_an_actor_is_found_by_a_name_people_write_not_only_the_one_shown(
    tmp_path: Path, name: str, supplier: str
) -> None:
    """`ledger --supplier Russia` answered an empty ledger (exit 0): the filter matched an id or the
    one name the ledger shows, and a state goes by other names in the news and in trackers."""
    store = Store(f"sqlite:///{tmp_path / 'names.db'}")
    store.ingest(
        [_report(n, code, "2024-01") for n, code in enumerate(("RUS", "CZE", "TUR", "GBR", "NLD", "SVK", "COD"))]
    )
    assert _suppliers(store, supplier=name) == {supplier}


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("Slovkia", "did you mean Slovakia, SVK"),
        ("Hezbolah", "did you mean Hezbollah"),
        ("Atlantis", "no known actor: give"),
    ],
)
def test_a_name_of_no_actor_is_an_error_with_the_closest_name(ledger: Store, name: str, hint: str) -> None:
    """`ledger --supplier Slovkia` answered an empty ledger with exit 0, as if Slovakia had supplied
    nothing: a name that is no actor's is a usage error, naming the actor it is closest to."""
    with pytest.raises(UsageError, match=hint):
        _suppliers(ledger, supplier=name)


def test_a_party_the_reports_leave_unknown_is_still_a_filter(ledger: Store) -> None:
    assert _suppliers(ledger, recipient="none") == set()  # every report names its recipient
