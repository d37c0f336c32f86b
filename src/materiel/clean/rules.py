"""A boilerplate rule as data: a reason, a pattern, the longest line it may drop, and needles."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    max_chars: int
    # Lower-case words of which every match holds one: a line without any is skipped without a
    # regex search (most lines are; unanchored patterns are slow). Empty: always search.
    # tests/test_boilerplate.py checks them against every case the rule drops.
    needles: tuple[str, ...] = ()

    def matches(self, line: str, folded: str) -> bool:
        if len(line) > self.max_chars:
            return False
        if self.needles and not any(needle in folded for needle in self.needles):
            return False
        return self.pattern.search(line) is not None


def rule(reason: str, pattern: str, max_chars: int = 300, needles: tuple[str, ...] = ()) -> Rule:
    """A rule whose pattern is case-blind and verbose (one alternative a line, with its reason)."""
    return Rule(reason, re.compile(pattern, re.IGNORECASE | re.VERBOSE), max_chars, needles)
