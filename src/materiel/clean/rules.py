"""A boilerplate rule as data: a reason, a pattern, the longest line it may drop, and needles."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from materiel.regexcache import compiled
from materiel.trie import trie_pattern


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    max_chars: int
    # Lower-case words of which every match holds one: a line without any is skipped without a
    # regex search (most lines are; unanchored patterns are slow). Empty: always search.
    # tests/test_boilerplate.py checks them against every case the rule drops.
    needles: tuple[str, ...] = ()
    # Every alternative of the pattern starts with "^": it is tried at the line's start only
    # (a search would try every position). tests/test_boilerplate.py checks the claim.
    anchored: bool = False
    # The needles as one pattern: a single search in C instead of a loop over them.
    _needle_pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.needles:
            pattern = compiled("|".join(map(re.escape, self.needles)))
            object.__setattr__(self, "_needle_pattern", pattern)

    def matches(self, line: str, folded: str) -> bool:
        if len(line) > self.max_chars:
            return False
        if self._needle_pattern is not None and self._needle_pattern.search(folded) is None:
            return False
        found = self.pattern.match(line) if self.anchored else self.pattern.search(line)
        return found is not None


_Find = Callable[[str], "re.Match[str] | None"]


class RuleBook:
    """Rules tried in order, the first that matches giving the reason, as `Rule.matches` would,
    in a tighter loop (every line of every page passes through it): a line meets only the rules
    whose max_chars it fits, kept for each distinct max_chars, and each rule is a reason, its
    place and a bound search method, without a method call or attribute look-up per rule. The
    needles of all rules are looked for at once, one trie-shaped search, and only in a line that
    holds one of them each needle by a substring test: a rule whose needles are all absent is
    skipped (a needle search per rule and line was two thirds of the rules' time on the HTML
    benchmark's lines, three quarters of which hold no needle at all)."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.limits = sorted({r.max_chars for r in rules})
        self.plans = [tuple(_plan(i, r) for i, r in enumerate(rules) if r.max_chars >= limit) for limit in self.limits]
        self.needles = tuple(sorted({n for r in rules for n in r.needles}))
        self.rules_of = {n: frozenset(i for i, r in enumerate(rules) if n in r.needles) for n in self.needles}
        self.any_needle = compiled(trie_pattern(list(self.needles))).search if self.needles else None

    def reason(self, line: str, folded: str) -> str | None:
        at = bisect_left(self.limits, len(line))  # the rules whose max_chars is len(line) or more
        if at == len(self.limits):
            return None
        opened = self._opened(folded)
        for reason, place, gated, find in self.plans[at]:
            if (not gated or place in opened) and find(line) is not None:
                return reason
        return None

    def _opened(self, folded: str) -> frozenset[int]:
        """The places of the rules one of whose needles `folded` holds."""
        if self.any_needle is None or self.any_needle(folded) is None:
            return frozenset()
        return frozenset().union(*(self.rules_of[n] for n in self.needles if n in folded))


def _plan(place: int, r: Rule) -> tuple[str, int, bool, _Find]:
    return r.reason, place, bool(r.needles), r.pattern.match if r.anchored else r.pattern.search


def rule(
    reason: str, pattern: str, max_chars: int = 300, needles: tuple[str, ...] = (), anchored: bool = False
) -> Rule:
    """A rule whose pattern is case-blind and verbose (one alternative a line, with its reason)."""
    return Rule(reason, compiled(pattern, re.IGNORECASE | re.VERBOSE), max_chars, needles, anchored)


# Words of four letters or more that title case may leave in lower case; every other word of that
# length is capitalised in a title-case headline, while a sentence has lower-case verbs.
_SMALL_WORDS = {"with", "from", "into", "over", "upon", "than", "that", "after", "about", "onto", "amid", "near"}
MIN_TITLE_CASE_WORDS = 3


def title_case(line: str) -> bool:
    """Headline style: every longer word capitalised ("Putin Issues Grave Warning to Europe")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3 and w not in _SMALL_WORDS]
    return len(words) >= MIN_TITLE_CASE_WORDS and all(w[0].isupper() for w in words)
