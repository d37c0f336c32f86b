"""Safe HTML pieces: article text with its findings highlighted, and the flow diagram's layout.

Article text is untrusted: every piece of it goes through `escape`; only our own tags are added.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from markupsafe import Markup, escape

from materiel.ledger import listing

# The schemes of a page's address that the article page makes a link of; any other (a scraped
# "javascript:" or "data:" address) is shown as text only.
LINKED_SCHEMES = ("http", "https")


def web_link(url: str | None) -> str | None:
    """The address to link to, or None where it is not an http(s) address with a host."""
    parts = urlsplit((url or "").strip())
    return url if parts.scheme.lower() in LINKED_SCHEMES and parts.netloc else None


def highlighted(text: str, spans: list[dict]) -> list[Markup]:
    """One safe HTML fragment per paragraph, each finding wrapped in <mark>."""
    return [_marked(paragraph, inside) for paragraph, inside in _paragraphs(text, spans)]


# A paragraph longer than this (characters) is shown as an excerpt around its findings: a news
# paragraph runs one to four sentences, under 1,000; a text with no paragraph breaks (a one-paragraph
# scrape) is one paragraph of the whole article.
LONG_PARAGRAPH = 1_200
# Context kept around a finding in a long paragraph: the sentence on either side, each at most this
# many characters (a run of text with no full stop is cut at a space).
CONTEXT_CHARS = 400
# Where a sentence ends, for the excerpt's cut: a full stop, question or exclamation mark, with the
# closing quotation marks or brackets after it, then a space ("said. The", 'said." The', "(1998). A").
SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*\s+""")


def excerpts(text: str, spans: list[dict]) -> list[Markup]:
    """The paragraphs that hold a span, each span wrapped in <mark>; a long paragraph is cut to its
    spans' sentences and the sentence on either side, "…" marking each cut (a claim's evidence in a
    one-paragraph article showed the whole article)."""
    return [
        _marked(paragraph, inside) if len(paragraph) <= LONG_PARAGRAPH else _cut(paragraph, inside)
        for paragraph, inside in _paragraphs(text, spans)
        if inside
    ]


def field_sentence(found: dict) -> Markup:
    """A field's sentence (ledger.fieldspans) with the words that gave its value marked and
    labelled with the field, or the whole sentence where it decided as a whole."""
    mark = found.get("mark") or {"start": 0, "end": len(found["text"])}
    label = f"{found['label']}: {found['value']}"
    return _marked(found["text"], [{**mark, "label": label, "kind": f"field {found['field']}", "transfer": None}])


def _paragraphs(text: str, spans: list[dict]) -> list[tuple[str, list[dict]]]:
    """Each paragraph of the text with the spans inside it, clipped to it and counted from its start."""
    out = []
    offset = 0
    for paragraph in text.split("\n\n"):
        clipped = [
            {
                **s,
                "start": max(s["start"], offset) - offset,
                "end": min(s["end"], offset + len(paragraph)) - offset,
            }
            for s in spans
            if s["start"] < offset + len(paragraph) and s["end"] > offset
        ]
        out.append((paragraph, clipped))
        offset += len(paragraph) + 2
    return out


def _cut(paragraph: str, spans: list[dict]) -> Markup:
    """The spans' windows of a long paragraph (merged where they meet), marked, with "…" at each cut."""
    ends = [match.end() for match in SENTENCE_END.finditer(paragraph)]
    windows: list[list[int]] = []
    for start, end in sorted(_window(paragraph, ends, s["start"], s["end"]) for s in spans):
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    pieces = []
    for start, end in windows:
        inside = [{**s, "start": s["start"] - start, "end": s["end"] - start} for s in spans]
        inside = [s for s in inside if s["start"] < end - start and s["end"] > 0]
        inside = [{**s, "start": max(s["start"], 0), "end": min(s["end"], end - start)} for s in inside]
        before, after = "…" if start > 0 else "", "…" if end < len(paragraph) else ""
        pieces.append(Markup("{}{}{}").format(before, _marked(paragraph[start:end], inside), after))
    return Markup(" ").join(pieces)


def _window(paragraph: str, ends: list[int], start: int, end: int) -> tuple[int, int]:
    """From the start of the sentence before the span's to the end of the one after it, each of
    those at most CONTEXT_CHARS long (cut at a space)."""
    before = [cut for cut in [0, *ends] if cut <= start]
    after = [cut for cut in [*ends, len(paragraph)] if cut >= end]
    low = before[-2] if len(before) > 1 else 0
    high = after[1] if len(after) > 1 else len(paragraph)
    if start - low > CONTEXT_CHARS:
        low = paragraph.find(" ", start - CONTEXT_CHARS, start) + 1 or start
    if high - end > CONTEXT_CHARS:
        high = max(paragraph.rfind(" ", end, end + CONTEXT_CHARS), end)
    return low, len(paragraph[:high].rstrip())


def _marked(text: str, spans: list[dict]) -> Markup:
    """The text with each span wrapped in <mark>; overlapping spans share the marked segment."""
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    out = []
    for start, end in itertools.pairwise(cuts):
        piece = escape(text[start:end])
        active = [s for s in spans if s["start"] <= start and end <= s["end"]]
        if not active:
            out.append(piece)
            continue
        kinds = " ".join(sorted({s["kind"] for s in active}))
        label = "; ".join(s["label"] for s in active)
        link = next((s["transfer"] for s in active if s.get("transfer")), None)
        mark = Markup('<mark class="{}" title="{}" data-transfer="{}">{}</mark>')
        mark = mark.format(kinds, label, link or "", piece)
        # A finding opens its transfer by a link, which a keyboard and a screen reader reach too.
        out.append(Markup('<a class="finding" href="/transfers/{}">{}</a>').format(link, mark) if link else mark)
    return Markup("").join(out)


@dataclass
class Node:
    name: str
    column: int
    y: float
    height: float


@dataclass
class Band:
    path: str
    width: float
    href: str
    label: str


# How the flows name a party the reports do not (data.flows): as the flow a band opens names it.
UNKNOWN = listing.UNNAMED
# Drawing constants for the flow diagram (SVG user units).
WIDTH, COLUMN_X, NODE_WIDTH, UNIT, GAP, TOP = 900, (20, 430, 840), 16, 18, 14, 20


def flow_layout(flows: list[dict], filters: dict[str, str] | None = None) -> tuple[list[Node], list[Band], int]:
    """Suppliers, intermediaries and recipients as three columns of nodes sized by their counts,
    and one band per flow and intermediary: a flow through several (their order unknown: the ledger
    keeps them as a set) shares its width among them, one branch through each one's own node (it
    was drawn through one node named "CZE,POL"). A band opens the ledger's list of its flow's
    transfers under the page's `filters` (category, since, until): the ones it counts."""
    columns: list[dict[str, float]] = [{}, {}, {}]
    for flow in flows:
        columns[0][flow["supplier"]] = columns[0].get(flow["supplier"], 0) + flow["count"]
        for via in _intermediaries(flow):
            columns[1][via] = columns[1].get(via, 0) + flow["count"] / len(_intermediaries(flow))
        columns[2][flow["recipient"]] = columns[2].get(flow["recipient"], 0) + flow["count"]
    nodes: dict[tuple[int, str], Node] = {}
    height = TOP
    for column, totals in enumerate(columns):
        y = TOP
        for name, total in sorted(totals.items(), key=lambda kv: -kv[1]):
            nodes[(column, name)] = Node(name, column, y, total * UNIT)
            y += total * UNIT + GAP
        height = max(height, int(y))
    used = {key: 0.0 for key in nodes}
    bands = [_band(flow, via, nodes, used, filters or {}) for flow in flows for via in _intermediaries(flow) or [None]]
    return list(nodes.values()), bands, height + TOP


def _intermediaries(flow: dict) -> list[str]:
    return flow["via"].split(",") if flow["via"] else []


def _band(flow: dict, via: str | None, nodes: dict, used: dict, filters: dict[str, str]) -> Band:
    """The flow's band, through the intermediary `via` (its share of the width) or straight."""
    stops = [(0, flow["supplier"])] + ([(1, via)] if via else []) + [(2, flow["recipient"])]
    width = flow["count"] * UNIT / max(len(_intermediaries(flow)), 1)
    points = []
    for key in stops:
        node = nodes[key]
        points.append((COLUMN_X[key[0]] + NODE_WIDTH / 2, node.y + used[key] + width / 2))
        used[key] += width
    path = f"M {points[0][0]:.1f} {points[0][1]:.1f}"
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        middle = (x0 + x1) / 2
        path += f" C {middle:.1f} {y0:.1f}, {middle:.1f} {y1:.1f}, {x1:.1f} {y1:.1f}"
    # The list of the flow's transfers exactly: its supplier, recipient and via filters opened the
    # same parties through other routes too (a straight band listed those through POL), and an
    # unnamed party's band every party's.
    href = "/?" + urlencode({"flow": listing.flow_name(flow["supplier"], flow["via"], flow["recipient"]), **filters})
    through = ", ".join(_intermediaries(flow))
    label = f"{flow['supplier']} → {through + ' → ' if through else ''}{flow['recipient']}: {flow['count']}"
    return Band(path, width, href, label)
