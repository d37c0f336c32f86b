"""A boilerplate rule as data: a reason, a pattern, the longest line it may drop, and needles; and
the line no rule reads, a quotation the article reports."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from materiel import regexcache
from materiel.clean.firstword import first_word_char, first_word_gate
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

    def matches(self, line: str, folded: str) -> bool:
        if len(line) > self.max_chars:
            return False
        if self.needles and not any(needle in folded for needle in self.needles):
            return False
        found = self.pattern.match(line) if self.anchored else self.pattern.search(line)
        return found is not None


_Find = Callable[[str], "re.Match[str] | None"]
_Plan = tuple[str, int, bool, _Find]  # a rule's reason, its place, whether it has needles, its search
_PlainPlan = tuple[str, _Find]


class RuleBook:
    """Rules tried in order, the first that matches giving the reason, as `Rule.matches` would,
    in a tighter loop (every line of every page passes through it): a line meets only the rules
    whose max_chars it fits, kept for each distinct max_chars, and each rule is a reason, its
    place and a bound search method, without a method call or attribute look-up per rule. The
    needles of all rules are looked for at once, one trie-shaped search, and a rule whose needles
    are all absent is skipped (a needle search per rule and line was two thirds of the rules' time
    on the HTML benchmark's lines, three quarters of which hold no needle at all); a line that
    holds none meets only the rules without needles, in a loop of their own. And an anchored rule
    is tried only on lines whose first word character its pattern can begin with (`firstword`:
    that spared 57% of the tries on the HTML benchmark's lines, most of them failing in the
    engine at once, but each a call): the plans are narrowed once for each set of rules a first
    character lets through, and kept."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.limits = sorted({r.max_chars for r in rules})
        self.plans = [tuple(_plan(i, r) for i, r in enumerate(rules) if r.max_chars >= limit) for limit in self.limits]
        self.gates = tuple(first_word_gate(r.pattern) if r.anchored else None for r in rules)
        self.passing: dict[str, frozenset[int]] = {}  # the rules a first word character lets through
        self.narrowed: dict[tuple[int, frozenset[int]], tuple[tuple[_Plan, ...], tuple[_PlainPlan, ...]]] = {}
        self.needles = tuple(sorted({n for r in rules for n in r.needles}))
        self.rules_of = _rules_of(rules)
        self.any_needle = regexcache.compile(trie_pattern(list(self.needles))).search if self.needles else None
        # The rules of every needle a needle starts with: the search finds the longest needle at
        # each place where one starts (the trie's tails are greedy), and the needles there are
        # its beginnings.
        self.rules_within = {
            n: frozenset().union(*(self.rules_of.get(n[:k], ()) for k in range(1, len(n) + 1))) for n in self.needles
        }

    def reason(self, line: str, folded: str) -> str | None:
        at = bisect_left(self.limits, len(line))  # the rules whose max_chars is len(line) or more
        if at == len(self.limits):
            return None
        plans, plain_plans = self._narrowed(at, first_word_char(line))
        opened = self._opened(folded)
        if not opened:
            for reason, find in plain_plans:
                if find(line) is not None:
                    return reason
            return None
        for reason, place, gated, find in plans:
            if (not gated or place in opened) and find(line) is not None:
                return reason
        return None

    def _narrowed(self, at: int, char: str) -> tuple[tuple[_Plan, ...], tuple[_PlainPlan, ...]]:
        """The plans of the rules of `self.plans[at]` that a line whose first word character is
        `char` may meet, and those of them without needles (as reason and search)."""
        passing = self.passing.get(char)
        if passing is None:
            passing = self.passing[char] = self._passing(char)
        narrowed = self.narrowed.get((at, passing))
        if narrowed is None:
            plans = tuple(p for p in self.plans[at] if self.gates[p[1]] is None or p[1] in passing)
            narrowed = self.narrowed[at, passing] = (plans, tuple((p[0], p[3]) for p in plans if not p[2]))
        return narrowed

    def _passing(self, char: str) -> frozenset[int]:
        """The gated rules that let a line with this first word character ("" for none) through
        (most characters let the same ones through: their narrowed plans are kept once)."""
        return frozenset(i for i, gate in enumerate(self.gates) if gate is not None and char and gate(char))

    def _opened(self, folded: str) -> frozenset[int]:
        """The places of the rules one of whose needles `folded` holds: the longest needle at
        each place where one starts, searched from the place after the last (the lines that hold
        a needle hold one or two, of some 200)."""
        found = self.any_needle(folded) if self.any_needle is not None else None
        if found is None:
            return frozenset()
        needles = set()
        while found is not None:
            needles.add(found.group())
            found = self.any_needle(folded, found.start() + 1)  # type: ignore[misc]
        return frozenset().union(*(self.rules_within[n] for n in needles))


def _rules_of(rules: Sequence[Rule]) -> dict[str, frozenset[int]]:
    """The places of the rules that hold each needle, in one pass over the rules (not a pass for
    each of some 240 needles, at every process's start)."""
    places: dict[str, set[int]] = {}
    for place, r in enumerate(rules):
        for needle in r.needles:
            places.setdefault(needle, set()).add(place)
    return {needle: frozenset(found) for needle, found in sorted(places.items())}


def _plan(place: int, r: Rule) -> _Plan:
    return r.reason, place, bool(r.needles), r.pattern.match if r.anchored else r.pattern.search


def rule(
    reason: str, pattern: str, max_chars: int = 300, needles: tuple[str, ...] = (), anchored: bool = False
) -> Rule:
    """A rule whose pattern is case-blind and verbose (one alternative a line, with its reason);
    compiled once for all processes (regexcache: the rule book's patterns were a sixth of a
    `materiel clean` run's time)."""
    return Rule(reason, regexcache.compile(pattern, re.IGNORECASE | re.VERBOSE), max_chars, needles, anchored)


# A quotation the article reports: the line opens with what was said, in quotation marks, and its
# frame follows the closing mark ("„Lesen Sie auch die Erklärung“, sagte der Sprecher", "«Подпишитесь
# под заявлением», — призвал министр", '"Read also what the treaty says," the diplomat said'). A
# call or label of the page is never set in quotation marks with a speaker after it, so no rule
# reads such a line (boilerplate.py asks before its rule book; the anchored rules let punctuation,
# quotation marks too, precede their words).
REPORTED_QUOTE = regexcache.compile(
    r"""^[\s*_>]*["“„«‹»‚‘]           # a quotation mark opens the line
        [^"“”„«»‹›]{2,}?               # what was said,
        (?:[,!?…]\s*["”“»«‹›’‘]         # closed after its comma or mark ('... says," the'),
          | ["”“»«‹›’‘]\s*(?:,\s*(?:[—–-]\s*)?|[—–-]\s*))    # or before a comma or dash ("“, sagte", "», —")
        \s*[^\W\d_]+\s+[^\W\d_]         # two words of the frame: "sagte der", "the diplomat", "a déclaré"
    """,
    re.VERBOSE,
)

# Words of four letters or more that title case may leave in lower case; every other word of that
# length is capitalised in a title-case headline, while a sentence has lower-case verbs.
_SMALL_WORDS = {"with", "from", "into", "over", "upon", "than", "that", "after", "about", "onto", "amid", "near"}
MIN_TITLE_CASE_WORDS = 3
# The length of the words title case capitalises: shorter ones ("to", "of", "and", "its") may stay lower case.
MIN_TITLE_WORD_LETTERS = 4


def title_case(line: str) -> bool:
    """Headline style: every longer word capitalised ("Putin Issues Grave Warning to Europe")."""
    words = [
        w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= MIN_TITLE_WORD_LETTERS and w not in _SMALL_WORDS
    ]
    return len(words) >= MIN_TITLE_CASE_WORDS and all(w[0].isupper() for w in words)
