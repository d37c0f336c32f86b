"""Breadcrumb trails above a headline ("Home > News > Europe > Headline"): which lines are
trails, and the headline a trail ends with; a ranking a headline makes with comparison signs
("Poland > Germany > France in ...") is none.
"""

from __future__ import annotations

import re

from materiel import regexcache

CRUMBS = regexcache.compile(r"\s(?:>|»|›|/)\s")
MIN_CRUMBS = 2
# The last crumb of a trail is the page's headline when it has this many words or more.
MIN_CRUMB_HEADLINE_WORDS = 4
# A ranking a headline makes with comparison signs: one name a step, and the last name goes on
# with a joining word or a colon ("Poland > Germany > France in defence spending", "US < China <
# Russia: ..."); a trail's last crumb is a whole headline ("World > Europe > Germany sends tanks").
_COMPARISON = regexcache.compile(
    r"""^(?:[A-Z][\w.'-]*\s+[<>]\s+){2,}[A-Z][\w.'-]*    # one capitalised name a step
        (?:[:,]|\s+(?:in|on|at|as|for|by|when|while|after|but|and|or|over|with|than|-|–))\s""",
    re.VERBOSE,
)
# Sections a trail names after its root, which no ranking of names holds.
_SECTIONS = frozenset(
    {"world", "europe", "asia", "africa", "americas", "international", "politics", "defence", "defense"}
    | {"military", "security", "business", "opinion", "analysis", "war"}
)


def comparison(line: str) -> bool:
    """A ranking in a headline ("Poland > Germany > France in defence spending"), no trail."""
    names = {c.strip().casefold() for c in CRUMBS.split(line)[:-1]}
    return _COMPARISON.match(line) is not None and not names & (_ROOTS | _SECTIONS)


# A trail set off by slashes only is one when it starts at the site's root.
_ROOTS = frozenset(
    {"home", "news", "homepage", "главная", "головна", "startseite", "accueil", "inicio", "strona główna"}
)


def last_crumb(line: str) -> str | None:
    """The headline a breadcrumb trail ends with ("Home » News » World » Headline"): its last
    crumb, when that has a headline's words (a section's name has one or two)."""
    crumbs = CRUMBS.split(line)
    if len(crumbs) <= MIN_CRUMBS or len(crumbs[-1].split()) < MIN_CRUMB_HEADLINE_WORDS:
        return None
    if comparison(line):
        return None  # "Poland > Germany > France in arms spending": a ranking in a headline
    slashes = all(sep.strip() == "/" for sep in CRUMBS.findall(line))
    if slashes and crumbs[0].strip().casefold() not in _ROOTS:
        return None  # "Ukraine / Russia / NATO: talks resume": slashes in a headline
    return crumbs[-1].strip()
