"""The ledger store: SQLite by default, PostgreSQL with the same code (SQLAlchemy Core).

Ingest is idempotent: an article's id is the hash of its normalised clean text, so the same page
twice adds nothing; a page whose text changed becomes a new version linked to the old. Each batch
of articles is one transaction, so a crash loses at most the batch in flight, and a re-run adds
exactly what is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from materiel.article import Article, Span, Transfer, content_id
from materiel.errors import StoreError
from materiel.ledger import schema
from materiel.ledger.dedupe import NearDuplicates, signature
from materiel.ledger.merge import rebuild_transfers
from materiel.pipeline import Failure

DEFAULT_DB = "materiel.db"
# Articles per transaction: small enough that a crash loses little work, large enough that
# commits do not dominate the time of an ingest.
BATCH_SIZE = int(os.environ.get("MATERIEL_BATCH_SIZE", "50"))


def database_url(value: str | None = None) -> str:
    """--db, else MATERIEL_DB, else ./materiel.db; a bare path means a SQLite file."""
    value = value or os.environ.get("MATERIEL_DB") or DEFAULT_DB
    return value if "://" in value else f"sqlite:///{value}"


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    versions: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "versions": self.versions,
            "failed": self.failed,
        }


class Store:
    def __init__(self, url: str | None = None, readonly: bool = False) -> None:
        self.url = database_url(url)
        self.readonly = readonly
        self.engine = _engine(self.url, readonly)
        if not readonly:
            try:
                with self.engine.begin() as connection:
                    schema.migrate(connection)
            except SQLAlchemyError as error:
                raise StoreError(f"cannot open the ledger at {self.url}: {_reason(error)}") from error

    def ingest(self, items: Iterable[Article | Failure], batch_size: int | None = None) -> IngestSummary:
        batch_size = batch_size or BATCH_SIZE
        summary = IngestSummary()
        near = NearDuplicates.load(self.engine)
        for batch in _batches(items, batch_size):
            articles = [a for a in batch if isinstance(a, Article)]
            for failure in (f for f in batch if isinstance(f, Failure)):
                summary.failed += 1
                summary.failures.append(failure)
            summary.read += len(batch)
            self._write_batch(articles, near, summary)
        self.merge()
        return summary

    def _write_batch(self, articles: list[Article], near: NearDuplicates, summary: IngestSummary) -> None:
        try:
            with self.engine.begin() as connection:
                for article in articles:
                    _insert_article(connection, article, near, summary)
        except OperationalError as error:
            raise StoreError(
                f"could not write to the ledger ({_reason(error)}); the batch was rolled back and nothing else changed"
            ) from error

    def merge(self) -> int:
        """Rebuild the merged transfers from all claims (reviews are untouched)."""
        with self.engine.begin() as connection:
            return rebuild_transfers(connection)

    def connect(self) -> Connection:
        return self.engine.connect()


def _engine(url: str, readonly: bool) -> Engine:
    if url.startswith("sqlite:///") and readonly:
        path = url.removeprefix("sqlite:///")
        if not Path(path).exists():
            raise StoreError(f"no ledger at {path}: run `materiel ingest` first")
        engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    elif url.startswith("postgresql") and readonly:
        engine = create_engine(url, execution_options={"postgresql_readonly": True})
    else:
        engine = create_engine(url)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")  # ingest and serve share the file
    cursor.close()


def _reason(error: SQLAlchemyError) -> str:
    return str(getattr(error, "orig", error)).splitlines()[0]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def article_key(article: Article) -> str:
    """An article's key in the ledger: the hash of its normalised clean text and title."""
    return content_id(article.text + "\n" + (article.title or ""))


def _insert_article(connection: Connection, article: Article, near: NearDuplicates, summary: IngestSummary) -> None:
    key = article_key(article)
    if connection.execute(select(schema.articles.c.id).where(schema.articles.c.id == key)).first():
        summary.duplicate += 1
        return
    previous = connection.execute(
        select(schema.articles.c.id).where(
            schema.articles.c.external_id == article.id, schema.articles.c.source == article.source
        )
    ).scalar()
    summary.versions += previous is not None
    summary.new += 1
    minhash = signature(article.text)
    group = near.group_for(key, minhash)
    connection.execute(
        schema.articles.insert().values(
            id=key,
            external_id=article.id,
            source=article.source,
            url=article.url,
            outlet=outlet_of(article),
            published=article.published,
            published_from=article.published_from,
            fetched=article.fetched,
            title=article.title,
            text=article.text,
            language=article.language,
            removed=[r.__dict__ for r in article.removed],
            repairs=[r.__dict__ for r in article.repairs],
            version_of=previous,
            group_id=group,
            minhash=[int(v) for v in minhash.hashvalues],
        )
    )
    _insert_findings(connection, key, article)


def outlet_of(article: Article) -> str | None:
    if article.url:
        host = urlparse(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _insert_findings(connection: Connection, key: str, article: Article) -> None:
    for number, transfer in enumerate(article.transfers):
        claim_id = f"{key}:{number}"
        connection.execute(schema.claims.insert().values(id=claim_id, article_id=key, **_claim(transfer, article)))
        if transfer.sources:
            connection.execute(
                schema.sources.insert(),
                [{"claim_id": claim_id, "name": s.name, "kind": s.kind, **_span(s.span)} for s in transfer.sources],
            )
        if transfer.responses:
            connection.execute(
                schema.responses.insert(),
                [
                    {
                        "claim_id": claim_id,
                        "actor": r.actor.id if r.actor else None,
                        "stance": r.stance,
                        "quote": r.quote,
                        **_span(r.span),
                    }
                    for r in transfer.responses
                ],
            )
    if article.quotes:
        connection.execute(
            schema.quotes.insert(),
            [
                {
                    "article_id": key,
                    "speaker": q.speaker.name if q.speaker else None,
                    "affiliation": q.speaker.affiliation if q.speaker else None,
                    "text": q.text,
                    **_span(q.span),
                }
                for q in article.quotes
            ],
        )


def _claim(transfer: Transfer, article: Article) -> dict:
    quantity, supplier, recipient = transfer.quantity, transfer.supplier, transfer.recipient
    return {
        "supplier": supplier.id if supplier else None,
        "supplier_name": supplier.name if supplier else None,
        "recipient": recipient.id if recipient else None,
        "recipient_name": recipient.name if recipient else None,
        "via": [v.id for v in transfer.via],
        "category": transfer.item.category,
        "item_text": transfer.item.text,
        "quantity_text": quantity.text if quantity else None,
        "quantity_low": quantity.low if quantity else None,
        "quantity_high": quantity.high if quantity else None,
        "unit": quantity.unit if quantity else None,
        "status": transfer.status,
        "disclosure": transfer.disclosure,
        "confidence": transfer.confidence,
        "evidence": [e.__dict__ for e in transfer.evidence],
        **_claim_date(transfer, article),
        "disclosure_reason": transfer.disclosure_reason,
        "disclosure_span": transfer.disclosure_span.__dict__ if transfer.disclosure_span else None,
    }


def _claim_date(transfer: Transfer, article: Article) -> dict:
    """The claim's own date when extraction found one, else the article's (basis 'article')."""
    found = transfer.date
    if found is None:
        day = article.published or article.fetched
        return {"date": day, "date_basis": "article" if day else None}
    return {
        "date": found.value,
        "date_basis": found.basis,
        "date_text": found.text or None,
        "date_span": found.span.__dict__ if found.span else None,
        "date_since": found.since,
    }


def _span(span: Span | None) -> dict:
    return {"start": span.start if span else None, "end": span.end if span else None}
