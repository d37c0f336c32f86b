"""Folding new claims into stored transfers gives the ledger a full rebuild gives: random batches
of made-up claims (dates that open, extend and join transfers, undated ones, denials, official
confirmations, quantities in several units, syndicated copies, changed pages), re-ingests and
rebuild requests, compared after each ingest with the same ledger rebuilt from all its claims.
A version 4 ledger upgrades to version 5 with the same transfers, reviews kept."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from materiel.article import Actor, Article, ClaimDate, Item, Quantity, Transfer
from materiel.ledger import schema
from materiel.ledger.batch import mark_pending
from materiel.ledger.queries import list_transfers
from materiel.ledger.review import record_review
from materiel.ledger.rows import group_key
from materiel.ledger.store import Store
from tests.builders import report, transfer
from tests.test_ledger_scale import snapshot
from tools.sqlcount import counting

SUPPLIERS = ["USA", "DEU", "FRA", None]
RECIPIENTS = ["UKR", "POL"]
CATEGORIES = ["artillery", "armoured-vehicle"]
STATUSES = ["delivered", "pledged", "in_progress", "refused", "considered", "cancelled"]
DISCLOSURES = [None, None, "official", "denied", "unofficial"]
UNITS = [None, None, "USD", "EUR"]
WORDS = [f"w{n}" for n in range(400)]


class Made:
    """Random articles with made-up claims, a few of them syndicated copies or changed pages."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.made: list[Article] = []

    def batch(self, size: int) -> list[Article]:
        out = []
        for _ in range(size):
            roll = self.rng.random()
            if self.made and roll < 0.15:
                out.append(self._copy(self.rng.choice(self.made), changed=roll < 0.05))
            else:
                out.append(self._article())
            self.made.append(out[-1])
        return out

    def _article(self) -> Article:
        number = len(self.made)
        published = None if self.rng.random() < 0.05 else self._day()
        return Article(
            id=f"made-{number}",
            source=f"made/{number}.txt",
            text=" ".join(self.rng.choices(WORDS, k=80)),
            url=f"https://outlet{self.rng.randrange(6)}.test/{number}",
            published=published,
            transfers=[self._transfer() for _ in range(self.rng.randint(1, 3))],
        )

    def _copy(self, article: Article, changed: bool) -> Article:
        """A syndicated copy (another outlet, a line added), or the same page changed (same id)."""
        number = len(self.made)
        return Article(
            id=article.id if changed else f"made-{number}",
            source=article.source,
            text=article.text + " " + " ".join(self.rng.choices(WORDS, k=3)),
            url=article.url if changed else f"https://wire{self.rng.randrange(3)}.test/{number}",
            published=article.published,
            transfers=[self._transfer() if changed else t for t in article.transfers],
        )

    def _day(self) -> str:
        # Years apart with gaps, so that a later claim can open a transfer, extend one or join two.
        first = dt.date(self.rng.choice([2014, 2016, 2019, 2020, 2023]), 1, 1)
        return (first + dt.timedelta(days=self.rng.randrange(500))).isoformat()

    def _transfer(self) -> Transfer:
        supplier = self.rng.choice(SUPPLIERS)
        low = self.rng.choice([None, 4.0, 12.0, 18.0, 30.0, 1e6])
        unit = self.rng.choice(UNITS)
        roll = self.rng.random()
        return Transfer(
            supplier=Actor(supplier, supplier) if supplier else None,
            recipient=Actor(self.rng.choice(RECIPIENTS), "r"),
            item=Item(self.rng.choice(["howitzers", "tanks", "shells", ""]), self.rng.choice(CATEGORIES)),
            via=[Actor("SVK", "Slovakia")] if self.rng.random() < 0.1 else [],
            quantity=None if low is None else Quantity(str(low), low, low + self.rng.choice([0, 6]), unit),
            status=self.rng.choice(STATUSES),
            disclosure=self.rng.choice(DISCLOSURES),
            date=None if roll < 0.5 else ClaimDate(self._day()[: self.rng.choice([4, 7, 10])], "sentence"),
        )


def rebuilt(url: str) -> dict:
    """The ledger with every transfer rebuilt from all its claims (in place: when it equals the
    folded ledger, rebuilding changes nothing)."""
    Store(url).merge()
    return snapshot(url)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_folding_random_batches_equals_a_full_rebuild(seed: int, db_url: str) -> None:
    url, made = db_url, Made(seed)
    for step in range(8):
        batch = made.batch(made.rng.randint(5, 40))
        Store(url).ingest(batch + made.rng.sample(made.made, 3))  # and a re-ingest of some
        if step == 4:  # a correction: two groups marked for a rebuild, with no new claim
            with Store(url).engine.begin() as connection:
                mark_pending(connection, [group_key("USA", "UKR", "artillery"), group_key(None, "POL", "artillery")])
            Store(url).ingest([])
        assert snapshot(url) == rebuilt(url), f"after ingest {step}"
    transfers = snapshot(url)["transfers"]
    assert any(t["contested"] for t in transfers) and any(t["id"].endswith("-1") for t in transfers)


def test_reingest_changes_nothing(db_url: str) -> None:
    url, made = db_url, Made(7)
    articles = made.batch(60)
    Store(url).ingest(articles)
    before = snapshot(url)
    summary = Store(url).ingest(articles)
    assert summary.new == 0 and snapshot(url) == before


def test_a_version_4_ledger_upgrades_with_its_transfers_and_reviews(tmp_path: Path) -> None:
    url, made = f"sqlite:///{tmp_path / 'ledger.db'}", Made(5)
    Store(url).ingest(made.batch(50))
    expected = snapshot(url)
    with Store(url).engine.begin() as connection:
        reviewed = list_transfers(connection)[0]["id"]
        record_review(connection, reviewed, "confirm", note="checked")
        _as_version_4(connection)
    assert Store(url) and snapshot(url) == expected
    with Store(url).connect() as connection:
        assert connection.execute(text("SELECT max(version) FROM schema_version")).scalar() == len(schema.MIGRATIONS)
        rows = {row["id"]: row for row in list_transfers(connection)}
    assert rows[reviewed]["review"] == "confirmed"
    Store(url).ingest(made.batch(20))
    assert snapshot(url) == rebuilt(url)


def _as_version_4(connection) -> None:
    """The ledger as version 4 wrote it: history, claim ids and disagreements in JSON columns, no
    fold tables."""
    from materiel.ledger.queries import load_transfers

    old = {row["id"]: row for row in load_transfers(connection)}
    for name in ("transfer_claims", "transfer_events", "transfer_sides", "pending_claims"):
        connection.execute(text(f"DROP TABLE {name}"))
    connection.execute(text("ALTER TABLE transfers DROP COLUMN merge_state"))
    for name in ("history", "claim_ids", "disagreements"):
        connection.execute(text(f"ALTER TABLE transfers ADD COLUMN {name} JSON NOT NULL DEFAULT '[]'"))
    for ident, row in old.items():
        values = {"h": _json(row["history"]), "c": _json(row["claim_ids"]), "d": _json(row["disagreements"])}
        update = "UPDATE transfers SET history = :h, claim_ids = :c, disagreements = :d WHERE id = :i"
        connection.execute(text(update), {**values, "i": ident})
    connection.execute(text("DELETE FROM schema_version WHERE version = 5"))


def _json(value) -> str:
    import json

    return json.dumps(value)


def _report(number: int, day: str) -> Article:
    """A made-up report of one German artillery pledge to Ukraine on that day."""
    return report(
        f"report-{number}",
        " ".join(random.Random(number).choices(WORDS, k=60)),  # no two alike: no syndicated copies
        transfer(Actor("DEU", "Germany"), Actor("UKR", "Ukraine")),
        source=f"made/{number}.txt",
        url=f"https://outlet{number % 4}.test/{number}",
        published=day,
    )


def _ingest_counted(url: str, articles: list[Article]) -> Counter:
    with counting() as counts:
        Store(url).ingest(articles)
    return Counter(counts)


@pytest.mark.parametrize(
    ("late", "later", "transfers"),
    [("2016-12-01", "2019-06-01", 3), ("2019-01-01", "2017-01-01", 3), ("2016-12-01", "2016-01-15", 1)],
    ids=["opens-after", "opens-between", "joins"],
)
def test_a_report_that_opens_or_joins_transfers_costs_the_same_whatever_the_group_size(
    late: str, later: str, transfers: int, tmp_path: Path
) -> None:
    """A group's reports early in 2015 and from a later day on, two transfers; one more report far
    from both opens a third (after the last, or between them: the later one's ordinal moves up),
    or near both joins them into one. It reads none of the group's stored claims: the same
    statements and rows with 4 stored reports as with 80, and the ledger a full rebuild gives."""
    counted = []
    for size in (4, 80):
        url = f"sqlite:///{tmp_path / f'{size}.db'}"
        start = {"early": dt.date(2015, 1, 1), "late": dt.date.fromisoformat(late)}
        days = [start["early" if n < size // 2 else "late"] + dt.timedelta(days=n % (size // 2)) for n in range(size)]
        Store(url).ingest([_report(n, day.isoformat()) for n, day in enumerate(days)])
        assert len(snapshot(url)["transfers"]) == 2
        counted.append(_ingest_counted(url, [_report(size, later)]))
        assert len(snapshot(url)["transfers"]) == transfers
        assert snapshot(url) == rebuilt(url)
    assert counted[0] == counted[1]
