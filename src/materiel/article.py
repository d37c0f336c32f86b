"""The records that flow through materiel: one `Article` and the findings attached to it.

`Article.to_dict()` is the prediction format of the evaluation contract (FORMAT.md) plus a
few fields of our own; `Article.from_dict(article.to_dict()) == article` holds for every
article. Fields marked `transient` (the raw HTML, for one) are working state and are not
serialised.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

STATUSES = (
    "delivered",
    "in_progress",
    "pledged",
    "requested",
    "considered",
    "postponed",
    "refused",
    "cancelled",
)
DISCLOSURES = ("official", "unacknowledged", "denied")
CATEGORIES = (
    "ammunition",
    "artillery",
    "armored-vehicles",
    "aircraft",
    "drones",
    "missiles",
    "air-defense",
    "naval",
    "small-arms",
    "protective-gear",
    "other-equipment",
    "funding",
    "unspecified",
)


def transient(default: Any = None) -> Any:
    """A field that is working state: compared, but not serialised."""
    return field(default=default, compare=False, repr=False, metadata={"transient": True})


@dataclass
class Span:
    """Character offsets [start, end) into `Article.text`."""

    start: int
    end: int


@dataclass
class Actor:
    """A state (ISO alpha-3 id), an organisation (slug) or an unknown party (id None)."""

    id: str | None
    name: str
    span: Span | None = None


@dataclass
class Item:
    text: str
    category: str
    lethal: bool | None = None
    span: Span | None = None


@dataclass
class Quantity:
    text: str
    low: float | None
    high: float | None
    unit: str | None = None
    span: Span | None = None


@dataclass
class Source:
    """Who the article cites for a transfer: an outlet, an official, a document."""

    name: str
    kind: str = "other"
    span: Span | None = None  # the name
    actor_id: str | None = None
    sentence_span: Span | None = None  # the sentence that cites it


@dataclass
class Response:
    """What an involved party said about a transfer: declined, denied, confirmed, non-denial."""

    actor: Actor | None
    stance: str
    quote: str = ""
    span: Span | None = None


@dataclass
class Speaker:
    name: str
    affiliation: str | None = None
    actor_id: str | None = None


@dataclass
class Quote:
    speaker: Speaker | None
    text: str
    span: Span | None = None


@dataclass
class ClaimDate:
    """When a claim happened: the date its sentence (or paragraph) gives, with that text and span,
    or the article's date (basis "article", no span)."""

    value: str  # ISO, as precise as the text: YYYY-MM-DD, YYYY-MM or YYYY
    basis: str  # sentence, paragraph or article
    text: str = ""
    span: Span | None = None
    since: str | None = None  # "since February 2022": the start of the period the claim covers


@dataclass
class Transfer:
    supplier: Actor | None
    recipient: Actor | None
    item: Item
    via: list[Actor] = field(default_factory=list)
    quantity: Quantity | None = None
    status: str = "delivered"
    disclosure: str | None = None
    sources: list[Source] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    date: ClaimDate | None = None
    disclosure_span: Span | None = None  # the sentence that decided `disclosure` (None: the title, or unset)
    disclosure_reason: str | None = None  # what in it decided: "the supplier's source", "a denial", ...
    status_reason: str | None = None  # what decided `status`: "verb: send", "stage word: agree", "headline", ...
    # The sentences that decided `status`, `via` and `quantity` (None: the title, or not known).
    status_span: Span | None = None
    via_span: Span | None = None
    quantity_span: Span | None = None


@dataclass
class Removal:
    """A line or block that cleaning dropped, and why (a snake_case reason)."""

    text: str
    reason: str


@dataclass
class Repair:
    """A text change made by cleaning: what it was, what it became, and how."""

    before: str
    after: str
    how: str


@dataclass
class Article:
    id: str
    source: str
    text: str = ""
    title: str | None = None
    url: str | None = None
    published: str | None = None
    fetched: str | None = None
    language: str | None = None
    removed: list[Removal] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    paragraph_languages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a step chose not to do, and why
    # What the page said about itself beyond the fields above (a metadata block's author, tags,
    # publisher, ...): field name to a string or a list of strings.
    meta: dict[str, Any] = field(default_factory=dict)
    # Where `published` came from: input, html-meta, header, dateline, url, file-name, fetched.
    published_from: str | None = None
    html: str | None = transient()
    done: bool = transient(False)  # already through the pipeline (read back from Spark's output)
    from_html: bool = transient(False)  # text made by main-text extraction from the page's HTML
    # The folded lines that stood next to a page marker, one set a marker (clean.boilerplate):
    # where a paged document's running header and footer stand.
    page_edges: tuple[frozenset[str], ...] = transient(())
    # The headline as the page gave it, before cleaning cut a site's name or a credit from it
    # ("... - Reuters", "WSJ: ..."): where extraction reads the outlet a headline credits.
    raw_title: str | None = transient()
    site_page: object | None = transient()  # clean.siterepeat.SitePage: what the page added to its site's line counts

    def to_dict(self, names: tuple[str, ...] | None = None) -> dict[str, Any]:
        """The article as plain data; with `names`, only those fields, in that order (`materiel
        clean` prints eight: converting the rest too was wasted)."""
        if names is None:
            return _to_plain(self)
        return {name: _to_plain(getattr(self, name)) for name in names}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return _from_plain(cls, data)

    def paragraphs(self) -> list[tuple[int, str]]:
        """(offset, paragraph) for each blank-line separated block of the text."""
        return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", self.text)]


def readable_url(value: str | None) -> tuple[str | None, list[str]]:
    """(the URL, []) when Python reads it as a URL with its host, else (None, the note why): a URL a
    feed or a crawl mangled ("http://[bad/x", an IPv6 host left open) would fail every step that
    asks for the page's site, and with them the page."""
    if value is None:
        return None, []
    try:
        urlsplit(value).hostname  # noqa: B018  (parsing the host is what raises)
    except ValueError:
        return None, [f"url {value!r} is not a URL; the page is read without it"]
    return value, []


def content_id(text: str) -> str:
    """The id of an article with no id of its own: a hash of its normalised clean text."""
    normal = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def _to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _to_plain(getattr(value, name)) for name in _stored_names(type(value))}
    if isinstance(value, list):
        return [_to_plain(v) for v in value]
    return value


def _from_plain(kind: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(kind) if a is not type(None)]
        return _from_plain(inner[0], data)
    if origin is list:
        (inner,) = typing.get_args(kind)
        return [_from_plain(inner, v) for v in data]
    if dataclasses.is_dataclass(kind):
        hints = _fields_of(kind)
        return kind(**{k: _from_plain(hints[k], v) for k, v in data.items() if k in hints})
    return data


@functools.cache
def _stored_names(kind: type) -> tuple[str, ...]:
    """A dataclass's fields that are stored (not transient), in order: read once for each class,
    not for each of the thousands of removals and repairs a batch of pages prints."""
    return tuple(f.name for f in dataclasses.fields(kind) if not f.metadata.get("transient"))


@functools.cache
def _fields_of(kind: type) -> dict[str, Any]:
    """A dataclass's stored fields and their types (resolved once: bulk loading reads many)."""
    hints = typing.get_type_hints(kind)
    return {f.name: hints[f.name] for f in dataclasses.fields(kind) if not f.metadata.get("transient")}
