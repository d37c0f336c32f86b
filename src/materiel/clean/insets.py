"""Furniture set into an article that its shape gives away, found after the line model (on
paragraphs, with their neighbours): a pair of other stories' headlines between two paragraphs,
a note on the author's career at the foot that names no role right after the name, the
outlet's appeal to follow it that the layout joined into one paragraph of any length, and runs
of teasers that each carry a time stamp.
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.article import Article, Removal
from materiel.clean.foot import BIO_TAIL_LINES, MAX_BIO_CHARS, biography
from materiel.clean.headline import CLOSED, headline_shaped

# Headlines of other stories set between paragraphs ("India shoots missiles into Pakistani
# territory as tensions grow"): a run of this many paragraphs, each a long line with no
# sentence's end, between two that end a sentence. A subheading stands alone; the items of an
# article's own list are short (a weapon, an amount) or follow a colon; so two at least, of
# this many words at least (a list of package contents holds "155mm artillery rounds").
INSET_RUN = (2, 4)
# A bulleted headline ("* Army trains for a long war: Report") may stand alone: the lone link the
# foot rules drop before the line model, when the model has cleared its neighbour since. The
# article's own bulleted items are short or follow a colon (INSET_WORDS holds them out too).
_BULLET = regexcache.compile(r"^[*•]\s+")
INSET_WORDS = (8, 20)
# The prose around the run: a paragraph of this many characters at least (a dateline or a
# caption is shorter).
MIN_PROSE_CHARS = 80
# A capital, digit or quotation mark right at the start (the bullet taken off): no other mark first.
_CAPITAL_FIRST = regexcache.compile(r"^[A-Z0-9‘“'\"]")
# Not a headline but a line of the article broken mid-sentence (a scrape that wraps its lines):
_BROKEN = regexcache.compile(
    r"""
        [.!?]["'”’)]*\s+["“]?[A-Z]          # a sentence ends inside it and another starts
      | \]\( | https?://                    # a link written into the text
      | \s(?:the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|that|as|is|was|were|are|its|their|his|her)$
                                          # it stops on a word that leads into more
    """,
    re.VERBOSE,
)
# A table's row, its cells set apart with bars ("Norway | NASAMS | 2 | delivered"): no headline.
_ROW = regexcache.compile(r"\s\|\s.*\s\|\s")
# A list item or a line of dialogue: the article's own.
_ITEM = regexcache.compile(r"^\s*(?:[-*•–—]|\d{1,2}[.)])\s")


def drop_inset_headlines(article: Article) -> None:
    """Step: drop runs of INSET_RUN headline-shaped paragraphs between two prose paragraphs
    (reason `read_more`)."""
    paragraphs = article.text.split("\n\n")
    keep = [True] * len(paragraphs)
    start = 0
    while start < len(paragraphs):
        end = start
        while end < len(paragraphs) and _inset_headline(paragraphs[end].strip()):
            end += 1
        if end > start and _inset_run(paragraphs, start, end):
            keep[start:end] = [False] * (end - start)
        start = end + 1 if end > start else start + 1
    dropped = [p.strip() for p, kept in zip(paragraphs, keep, strict=True) if not kept]
    if dropped:
        article.removed.extend(Removal(p, "read_more") for p in dropped)
        article.text = "\n\n".join(p for p, kept in zip(paragraphs, keep, strict=True) if kept)


def _inset_run(paragraphs: list[str], start: int, end: int) -> bool:
    """A run of the right length between two prose paragraphs."""
    low, high = INSET_RUN
    if all(_BULLET.match(p.strip()) for p in paragraphs[start:end]):
        low = 1
    if not low <= end - start <= high or start == 0 or end >= len(paragraphs):
        return False
    return _prose(paragraphs[start - 1].strip()) and _prose(paragraphs[end].strip())


def _prose(paragraph: str) -> bool:
    """A paragraph of the article: long enough, ending a sentence (not introducing a list)."""
    return (
        len(paragraph) >= MIN_PROSE_CHARS
        and CLOSED.search(paragraph) is not None
        and not paragraph.endswith(":")
        and _ITEM.match(paragraph) is None
    )


def _inset_headline(paragraph: str) -> bool:
    """A headline: one line of INSET_WORDS words, a capital first, lower-case words in it (not
    a name or a label in capitals), no sentence's or clause's end, not a broken line."""
    paragraph = _BULLET.sub("", paragraph)
    shaped = "\n" not in paragraph and headline_shaped(paragraph, INSET_WORDS, CLOSED, start=_CAPITAL_FIRST)
    return shaped and _BROKEN.search(paragraph) is None and _ROW.search(paragraph) is None


# A note on the author's career among the last paragraphs ("Jane Doe closely cooperated for many
# years with ... She later served as ..."): a full name and a verb first, then a sentence about
# that person in the third person, with words of a career (or a role right after the name). An
# article's closing paragraph about someone names a person the article spoke of before; the
# author is named only in the byline.
_NAMED = regexcache.compile(
    r"""^[\W_]*
        (?!(?:The|A|An|In|On|At|For|But|And|This|That|It|As|After|When)\s)   # a sentence's opening word
        (?:[A-Z][\w.'’-]*\s+){1,3}(?P<surname>[A-Z][\w'’-]+),?             # a full name (initials allowed; "Ma", "Li")
        \s+[a-z]                                                            # then a verb: "created", "served"
    """,
    re.VERBOSE,
)
_THIRD_PERSON = regexcache.compile(r"[.!?]\W*\s(?:He|She|His|Her)\s")
_CAREER = regexcache.compile(
    r"""\b(?:
        (?:co-?)?founder | fellow | advis[eo]r | author\ of | (?:latest|new|first)\ book
      | served\ as | expertise | columnist | correspondent | website | graduated? | ph\.?d
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)


# A paragraph of reporting: it quotes someone or says who said what ("David Roe, a data scientist
# in Oslo, has spent months ... “This is broken,” he says", "who warned that stocks were low"); a
# note on the author does neither.
_REPORTING = regexcache.compile(
    r"[“”\"]|\b(?:says|said|told|tells|according\ to|added|warned|claimed|estimated|counted|stated)\b"
)


def drop_career_notes(article: Article) -> None:
    """Step: drop the notes on the authors' careers among the last BIO_TAIL_LINES paragraphs
    (reason `author_bio`): one for each author of a piece written by several."""
    paragraphs = article.text.split("\n\n")
    notes = set()
    for index in range(max(1, len(paragraphs) - BIO_TAIL_LINES), len(paragraphs)):
        paragraph = paragraphs[index].strip()
        named = _NAMED.match(paragraph) if len(paragraph) <= 2 * MAX_BIO_CHARS else None
        if named is None or _REPORTING.search(paragraph) or not _career(paragraph):
            continue
        if not _spoken_of(named.group("surname"), paragraphs[:index]):
            notes.add(index)
    article.removed.extend(Removal(paragraphs[i].strip(), "author_bio") for i in sorted(notes))
    article.text = "\n\n".join(p for i, p in enumerate(paragraphs) if i not in notes)


# A byline or a credit above the article ("By Jane Doe and Li Wei", "Jane Doe, Reuters"): a short
# line that ends no sentence. The author it names is not someone the article spoke of.
BYLINE_CHARS = 80


def _spoken_of(surname: str, paragraphs: list[str]) -> bool:
    """Whether the article names the person before (as a word, not inside another: "Ma" in
    "March"), outside its bylines."""
    name = re.compile(rf"\b{re.escape(surname)}\b")
    return any(name.search(p) for p in paragraphs if not _byline(p.strip()))


def _byline(paragraph: str) -> bool:
    return len(paragraph) <= BYLINE_CHARS and CLOSED.search(paragraph) is None


def _career(paragraph: str) -> bool:
    """Words of a career about the person named first, or the role right after the name ("Jane
    Roe is a senior fellow at ...": the foot rule's shape, here of any length up to twice its cap
    and in a paragraph the layout joined from wrapped lines)."""
    third_person = _THIRD_PERSON.search(paragraph) is not None and _CAREER.search(paragraph) is not None
    return third_person or biography(paragraph) is not None


# The outlet's appeal to follow it on two networks, then its books or offers ("Follow Example on
# Twitter and join us on Facebook. Check out ..."): the scrape breaks it into short lines, each of
# them plain words, which the layout joins back; an article does not open a paragraph by asking
# the reader to follow anyone on two networks.
_NETWORK = r"(?:facebook|twitter|x|telegram|instagram|youtube|linkedin|tiktok|bluesky|threads)"
_FOLLOW_US = regexcache.compile(
    rf"^[\W_]*follow\s.{{1,40}}?\son\s[\W_]*{_NETWORK}\b.{{0,40}}?\b{_NETWORK}\b", re.IGNORECASE
)


def drop_follow_appeals(article: Article) -> None:
    """Step: drop paragraphs that open with an appeal to follow the outlet on two networks
    (reason `self_promotion`)."""
    paragraphs = article.text.split("\n\n")
    appeals = [p for p in paragraphs if _FOLLOW_US.match(p.strip())]
    if appeals:
        article.removed.extend(Removal(p.strip(), "self_promotion") for p in appeals)
        article.text = "\n\n".join(p for p in paragraphs if p not in appeals)


# Teasers of other stories, each with the site's time stamp ("Finland Buys More Shells 3 min read",
# "Army trains for a long war · 2 hours ago", "Navy orders patrol boats May 12, 2024"): a reading
# time or an age anywhere, or a date closing the line. An article's timeline opens its entries
# with the date ("24 February 2022: ..."), and its sentences end with a full stop after a date.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_STAMPED = regexcache.compile(
    rf"""
        \b\d{{1,2}}\s*mins?(?:utes?)?\s+read\b                               # "3 min read"
      | \b\d{{1,2}}\s*(?:mins?|minutes?|hrs?|hours?|days?|weeks?|[hmdw])\s+ago\b   # "2 hours ago", "2h ago"
      | [\s·|•–—-]\s*(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}),?\s+\d{{4}}\s*$   # "... 12 May 2024"
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A teaser is one short line: a headline and its stamp.
MAX_TEASER_CHARS = 200
# Two in a row make a list of the site's stories (one stamp may be the article's own date line).
MIN_TEASER_RUN = 2


# Every time stamp of _STAMPED holds a digit: a plain scan for one spares most paragraphs its search.
_DIGIT = regexcache.compile(r"\d")
# A live page's menu of its key posts, each an age and the post's headline ("2h ago Sweden sends radar
# aircraft"), run into one paragraph where the scrape set them on lines of a block: an age opens the
# paragraph and each of MIN_TEASER_RUN or more headlines, none ending a sentence.
_AGE = regexcache.compile(r"\b\d{1,2}\s*(?:mins?|minutes?|hrs?|hours?|days?|[hmd])\s+ago\b", re.IGNORECASE)
MAX_MENU_CHARS = 2 * MAX_TEASER_CHARS
MAX_MENU_ITEM_WORDS = 15
# One such entry alone on its line, the age first ("3h ago Dutch minister confirms drone order"),
# where the menu's other entries are gone already (the line model runs before this step and
# removes them: a removed line opening with an age) or stand elsewhere on the page; alone on a page
# with no menu it may be a live post's own heading, which stays. A headline has this many words at
# least (an age and a word or two may be a date line's: "2 hours ago · Live").
MIN_AGED_ITEM_WORDS = 3


def drop_stamped_teasers(article: Article) -> None:
    """Step: drop runs of MIN_TEASER_RUN or more short paragraphs that each carry a time stamp,
    and a live page's menu of aged headlines run into one paragraph, or one of its entries alone
    (reason `read_more`)."""
    paragraphs = article.text.split("\n\n")
    teaser = [_stamped(p.strip()) for p in paragraphs]
    drop = [_aged_menu(p.strip()) for p in paragraphs]
    if any(drop) or any(_AGE.match(r.text.lstrip()) for r in article.removed):
        drop = [d or _aged_entry(p.strip()) for p, d in zip(paragraphs, drop, strict=True)]
    start = 0
    for index in range(len(paragraphs) + 1):
        if index < len(paragraphs) and teaser[index]:
            continue
        if index - start >= MIN_TEASER_RUN:
            drop[start:index] = [True] * (index - start)
        start = index + 1
    if any(drop):
        article.removed.extend(Removal(p.strip(), "read_more") for p, d in zip(paragraphs, drop, strict=True) if d)
        article.text = "\n\n".join(p for p, d in zip(paragraphs, drop, strict=True) if not d)


def _stamped(paragraph: str) -> bool:
    short = len(paragraph) <= MAX_TEASER_CHARS and "\n" not in paragraph
    return short and _DIGIT.search(paragraph) is not None and _STAMPED.search(paragraph) is not None


def _aged_menu(paragraph: str) -> bool:
    """Whether the paragraph is a live page's menu run together: ages, each before a headline."""
    headlines = _aged_headlines(paragraph)
    return headlines is not None and len(headlines) >= MIN_TEASER_RUN


def _aged_entry(paragraph: str) -> bool:
    """Whether the paragraph is one entry of such a menu alone on its line."""
    headlines = _aged_headlines(paragraph)
    if headlines is None or len(headlines) != 1 or "\n" in paragraph:
        return False
    return len(headlines[0].split()) >= MIN_AGED_ITEM_WORDS


def _aged_headlines(paragraph: str) -> list[str] | None:
    """The headlines after ages that make up the paragraph, or None where it is not made of them."""
    if len(paragraph) > MAX_MENU_CHARS or _DIGIT.search(paragraph) is None:
        return None
    opening, *items = _AGE.split(paragraph)
    headlines = [item.strip() for item in items]
    menu_like = all(0 < len(h.split()) <= MAX_MENU_ITEM_WORDS and not h.endswith((".", "!", "?")) for h in headlines)
    return headlines if not opening.strip() and headlines and menu_like else None
