"""Credit lines: a paragraph that opens by handing the text after it to whoever reported it
("RT reports: In an interview ...", "From the AP:"). A story republished or relayed this way is
that reporter's account, the summary above the credit included, so the reporter is a source of
every transfer in the article."""

from __future__ import annotations

import re

from materiel.article import Article, Source, Span
from materiel.extract.lexicon import outlet_finder

# Words a credit's name may be that name no reporter ("He writes:", "This reported:").
NOT_REPORTERS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "one"}

# A name as a credit prints it: up to five capitalised words ("RT", "The Kiel Courier").
_NAME = r"(?-i:(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})"

CREDIT_LINE = re.compile(
    rf"""
    ^\s*(?:
        (?P<reporter>{_NAME})\s+(?:reports|reported|writes|wrote)\s*:   # "RT reports: ...", "TASS wrote:"
      | (?:from|via)\s+(?:the\s+)?(?P<outlet>{_NAME})\s*:               # "From the AP:", "Via Reuters:"
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


def credit_sources(article: Article) -> list[Source]:
    """The reporter each credit line names. "From X:" names a place or a time as often as an
    outlet ("From Kyiv:", "From March:"), so there X must be a known outlet."""
    found = []
    for start, text in article.paragraphs():
        match = CREDIT_LINE.match(text)
        if match is None:
            continue
        group = "reporter" if match.group("reporter") else "outlet"
        name = match.group(group)
        known = bool(outlet_finder().find(name))
        if name.lower() in NOT_REPORTERS or (group == "outlet" and not known):
            continue
        span = Span(start + match.start(group), start + match.end(group))
        found.append(Source(name, "media" if known else "other", span))
    return found
