"""The ledger's rows for one article: its claims, their sources and responses, its quotes.

Plain dicts, collected for a whole batch and written with one `executemany` per table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urlparse

from materiel.article import Article, Quote, Response, Source, Span, Transfer, content_id


@dataclass
class BatchRows:
    """Every row a batch adds, per table, in the order the foreign keys need."""

    articles: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    responses: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    bands: list[dict] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)  # the (supplier, recipient, category) keys touched
    pending: list[dict] = field(default_factory=list)  # each new claim with its group's key

    def add_findings(self, key: str, article: Article) -> None:
        for number, transfer in enumerate(article.transfers):
            claim_id = f"{key}:{number}"
            claim = {"id": claim_id, "article_id": key, **claim_row(transfer, article)}
            self.claims.append(claim)
            group = group_key(claim["supplier"], claim["recipient"], claim["category"])
            self.groups.add(group)
            self.pending.append({"claim_id": claim_id, "key": group})
            self.sources.extend(_source_row(claim_id, s) for s in transfer.sources)
            self.responses.extend(_response_row(claim_id, r) for r in transfer.responses)
        self.quotes.extend(_quote_row(key, q) for q in article.quotes)


def _source_row(claim_id: str, source: Source) -> dict:
    """A claim's source row: the name's span and the span of the sentence citing it."""
    sentence = source.sentence_span
    return {
        "claim_id": claim_id,
        "name": source.name,
        "kind": source.kind,
        **_span(source.span),
        "sentence_start": sentence.start if sentence else None,
        "sentence_end": sentence.end if sentence else None,
    }


def _response_row(claim_id: str, response: Response) -> dict:
    """A claim's response row."""
    return {
        "claim_id": claim_id,
        "actor": response.actor.id if response.actor else None,
        "stance": response.stance,
        "quote": response.quote,
        **_span(response.span),
    }


def _quote_row(key: str, quote: Quote) -> dict:
    """An article's quote row."""
    return {
        "article_id": key,
        "speaker": quote.speaker.name if quote.speaker else None,
        "affiliation": quote.speaker.affiliation if quote.speaker else None,
        "text": quote.text,
        **_span(quote.span),
    }


def group_key(supplier: str | None, recipient: str | None, category: str) -> str:
    """A merge group's key in `pending_groups`."""
    return json.dumps([supplier, recipient, category])


def article_key(article: Article) -> str:
    """An article's key in the ledger: the hash of its normalised clean text and title."""
    return content_id(article.text + "\n" + (article.title or ""))


def outlet_of(article: Article) -> str | None:
    if article.url:
        host = urlparse(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def article_row(key: str, article: Article, previous: str | None, group: str, minhash: list[int]) -> dict:
    return {
        "id": key,
        "external_id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": outlet_of(article),
        "published": article.published,
        "published_from": article.published_from,
        "fetched": article.fetched,
        "title": article.title,
        "text": article.text,
        "language": article.language,
        "removed": [r.__dict__ for r in article.removed],
        "repairs": [r.__dict__ for r in article.repairs],
        "version_of": previous,
        "group_id": group,
        "minhash": minhash,
    }


def claim_row(transfer: Transfer, article: Article) -> dict:
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
        "status_reason": transfer.status_reason,
        "disclosure": transfer.disclosure,
        "confidence": transfer.confidence,
        "evidence": [e.__dict__ for e in transfer.evidence],
        **_claim_date(transfer, article),
        "disclosure_reason": transfer.disclosure_reason,
        "disclosure_span": _plain(transfer.disclosure_span),
        "status_span": _plain(transfer.status_span),
        "via_span": _plain(transfer.via_span),
        "quantity_span": _plain(transfer.quantity_span),
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


def _plain(span: Span | None) -> dict | None:
    return span.__dict__ if span else None
