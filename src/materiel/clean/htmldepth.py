"""A cheap guard before an HTML page is parsed: how deep its elements nest.

Resiliparse's parser and its main-content extraction take time that grows with the square of the
nesting depth, in C code that the time budget's timer cannot interrupt: a page of 40,000 nested
<div> elements took 150 s of CPU in one call, 80,000 nested lists 62 s in the parse alone, and a
5 MB page holds a million. The tags are counted here first, in linear time, as a browser's parser
closes them (an unmatched end tag ignored, a new <li> or <td> closing its open sibling, void
elements never open), and a page nested deeper than the limit is given up before it is parsed,
as the time budget gives up a page (a skip with its reason: no failure; the API's 422).
"""

from __future__ import annotations

import re
from itertools import accumulate, count, repeat
from operator import mul, sub

from materiel.errors import Skipped

# Nesting a page may have. Blink builds no tree deeper than 512 (deeper elements become siblings),
# so pages made for browsers stay below it (the 181 pages of the extraction benchmark: 205 at most
# by this count, tags in scripts counted; 580 by the cheap bound); at 1,000 the parse and the
# extraction take a few hundredths of a second.
MAX_HTML_DEPTH = 1_000

# A start or end tag's slash and name. Tags in scripts and comments are counted too (a script's
# own end tag closes what its strings opened): a plain pattern is ten times faster than one that
# passes over them. With the cheap bound first (_peak), the guard took 0.5 ms a page of the
# extraction benchmark, a twentieth of the page's cleaning, and no page needed the exact count.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
_SLASH = re.compile(r"<(/?)[A-Za-z]")  # a tag's slash alone, for the cheap bound
# Elements that never hold others (the HTML standard's void elements).
_VOID = frozenset(
    [
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Elements the parser makes once whatever the page repeats.
_ONCE = frozenset({"html", "head", "body"})
_NEVER_OPEN = _VOID | _ONCE
# A start tag that closes an open element of its kind (its siblings), unless an element of the
# boundary set was opened after it: a new item closes the open item of the same list.
_SIBLINGS: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
for _names, _bounds in (
    ("li", "ul ol menu"),  # a list item closes the open item of its list
    ("dt dd", "dl"),  # a term or definition closes the open one
    ("td th", "table tr"),  # a cell closes the open cell of its row
    ("tr", "table"),  # a row closes the open row
    ("thead tbody tfoot", "table"),  # a table's section closes the open section
    ("option", "select datalist"),  # an option closes the open option
    ("p", "div td th li blockquote section article aside form table"),  # a paragraph closes the open one
    ("a", "td th"),  # a link closes the open link (the adoption agency)
):
    for _name in _names.split():
        _SIBLINGS[_name] = (frozenset(_names.split()), frozenset(_bounds.split()))


class TooDeep(Skipped):
    """A page nested deeper than MAX_HTML_DEPTH: not parsed, skipped as a page past the time budget."""


def check_depth(html: str, limit: int = MAX_HTML_DEPTH) -> None:
    """Raise TooDeep when `html` nests elements deeper than `limit`."""
    if html.count("<") <= limit or _peak(html) <= limit:  # cheap bounds first: most pages stop here
        return
    if nesting_depth(_TAG.findall(html), limit) > limit:
        raise TooDeep(
            f"HTML nested deeper than {limit:,} elements (a hostile or broken page): not parsed, as its"
            " parse would run past the time budget; skipped, not stored"
        )


def _peak(html: str) -> int:
    """The most start tags ahead of end tags at any point of the page, in C's time: at the i-th tag,
    i + 1 - 2 x the end tags so far. It bounds the depth from above unless end tags close nothing
    (a void element's or a sibling's start counts as open here, and an unmatched end tag as a close)."""
    ends = accumulate(map(len, _SLASH.findall(html)))
    return max(map(sub, count(1), map(mul, ends, repeat(2))), default=0)


def nesting_depth(tags: list[tuple[str, str]], limit: int = MAX_HTML_DEPTH) -> int:
    """How deep `tags` (_TAG's: slash and name) nest, counted as a parser closes them: an unmatched
    end tag ignored, a new <li> or <td> closing its open sibling, void elements never open (stops
    past `limit`)."""
    deepest = 0
    stack: list[str] = []
    where: dict[str, list[int]] = {}  # each open element's name: its places on the stack
    for end, tag in tags:
        name = tag.lower()
        if name in _NEVER_OPEN:
            continue
        if end:
            if where.get(name):
                _pop_to(stack, where, where[name][-1])
            continue
        if name in _SIBLINGS:
            _close_sibling(stack, where, *_SIBLINGS[name])
        places = where.get(name)
        if places is None:
            places = where[name] = []
        places.append(len(stack))
        stack.append(name)
        if len(stack) > deepest:
            deepest = len(stack)
            if deepest > limit:
                break
    return deepest


def _close_sibling(
    stack: list[str], where: dict[str, list[int]], siblings: frozenset[str], bounds: frozenset[str]
) -> None:
    """Close the latest open sibling, unless a boundary element was opened after it."""
    sibling = max((where[s][-1] for s in siblings if where.get(s)), default=-1)
    bound = max((where[b][-1] for b in bounds if where.get(b)), default=-1)
    if sibling > bound:
        _pop_to(stack, where, sibling)


def _pop_to(stack: list[str], where: dict[str, list[int]], place: int) -> None:
    """Close the element at `place` and every element opened inside it."""
    while len(stack) > place:
        where[stack.pop()].pop()
