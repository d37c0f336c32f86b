"""Teaser cards of other stories and blocks made of links, found in Resiliparse's minimal HTML
before the main text is put together (`maintext._extract`).

A news page sets its "more on this", "you may also like" and "more from the region" boxes as
cards: a linked headline (a heading inside a link, or a link inside a heading) and a line or two
of teaser text under it, one card after another. The main-content pass keeps such cards when
they sit after or inside the article, as their class names, in the site's language or hashed,
name nothing the skip list knows; and a teaser's text is prose-shaped, so the line rules after
this cannot tell it from the article's. Here a run of cards goes when it holds two or more, or
one right under a box's label (a heading with nothing after it); a linked heading followed by
longer text is a section of the article (a shopping guide's product, say), and stays.

The page's link farms go too: a block of several links and next to no other words (a footer's,
a menu's, a tag line) and a run of list items each of which is a link and no more (a "most read"
list, a sidebar's), in any language.
"""

from __future__ import annotations

from dataclasses import dataclass

from materiel import regexcache

# Words a card's teaser text holds at most, all its blocks together: a sentence or two. An
# article's section under a linked subheading is longer.
MAX_TEASER_WORDS = 30
# Cards a run needs to go (one is enough right under a box's label).
MIN_CARDS = 2
# A block is a link farm when its links hold this share of its text and it has this many links.
FARM_LINK_SHARE = 0.9
MIN_FARM_LINKS = 3
# List items made of one link each, in a run at least this long, are a list of other pages.
MIN_LINK_ITEMS = 2
# A heading whose links hold more than this share of its text is a link to another page (a card's
# headline), not a section of this one.
LINKED_HEADING_SHARE = 0.5

_HEADING = regexcache.compile(r"^\s*<h[2-6]\b")
_IN_PAGE = regexcache.compile(r"""<a\b[^>]*\bhref=["']#""")  # a live blog's post, a contents list


@dataclass(slots=True)
class Block:
    text: str  # its words, tags taken out
    item: bool  # a list item
    heading: bool  # <h2> to <h6>
    link_share: float  # of its text, what its links hold
    links: int
    in_link: bool  # set inside a link that spans lines (a card's whole headline)
    in_page: bool  # its link goes to a place on the page itself

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def linked_heading(self) -> bool:
        return self.heading and not self.in_page and (self.in_link or self.link_share > LINKED_HEADING_SHARE)


def link_state(line: str, open_link: str | None) -> str | None:
    """The opening tag of the link left open after `line`, if any (a link that holds a heading
    spans lines in the minimal HTML: "<a href=...>", "<h3>...</h3>", "</a>")."""
    if "<a" not in line and "</a>" not in line:
        return open_link
    start = line.rfind("<a ")
    return line[start : line.find(">", start) + 1] if start > line.rfind("</a>") else None


def block(markup: str, text: str, item: bool, link_texts: list[str], open_link: str | None) -> Block:
    share = sum(map(len, link_texts)) / len(text) if link_texts else 0.0
    heading = "<h" in markup and _HEADING.match(markup) is not None
    marks = markup if open_link is None else open_link + markup
    in_page = "#" in marks and _IN_PAGE.search(marks) is not None
    return Block(text, item, heading, share, len(link_texts), open_link is not None, in_page)


def furniture(blocks: list[Block]) -> set[int]:
    """The numbers of the blocks that go: teaser cards, link farms, runs of link items."""
    return _cards(blocks) | _farms(blocks)


def _cards(blocks: list[Block]) -> set[int]:
    found: set[int] = set()
    run: list[range] = []
    labelled = False  # the run started right under a heading with nothing after it
    for start in [*range(len(blocks)), len(blocks)]:
        if start < len(blocks) and not blocks[start].heading:
            continue
        card = _card(blocks, start)
        if card is None:  # a heading that starts no card, or the end: the run ends
            if len(run) >= MIN_CARDS or (run and labelled):
                found.update(n for span in run for n in span)
            labelled = start < len(blocks) and _label(blocks, start)
            run = []
        else:
            run.append(card)
    return found


def _card(blocks: list[Block], start: int) -> range | None:
    """The blocks of the card a linked heading at `start` opens (up to the next heading), if
    its teaser text is short."""
    if start >= len(blocks) or not blocks[start].linked_heading:
        return None
    end = start + 1
    while end < len(blocks) and not blocks[end].heading:
        end += 1
    if sum(b.words for b in blocks[start + 1 : end]) > MAX_TEASER_WORDS:
        return None
    return range(start, end)


def _label(blocks: list[Block], at: int) -> bool:
    """A heading not linked, right before another heading: a box's label."""
    return not blocks[at].linked_heading and at + 1 < len(blocks) and blocks[at + 1].heading


def _farms(blocks: list[Block]) -> set[int]:
    found: set[int] = set()
    items: list[int] = []
    for number, b in enumerate([*blocks, None]):
        if b is not None and b.item and b.links == 1 and b.link_share >= FARM_LINK_SHARE:
            items.append(number)
            continue
        if len(items) >= MIN_LINK_ITEMS:
            found.update(items)
        items = []
        if b is not None and not b.item and b.links >= MIN_FARM_LINKS and b.link_share >= FARM_LINK_SHARE:
            found.add(number)
    return found
