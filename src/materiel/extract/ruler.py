"""The spaCy attribute ruler's rules, applied by looking each token up instead of matching.

The English pipeline's attribute ruler (tag map, exceptions) runs spaCy's general `Matcher` over
every token: about an eighth of the parse on relevant articles, as much as the dependency parser.
Its rules are fixed-length patterns over a few token attributes (tag, lower case, dependency,
whether a space), so a token's single-token rules depend only on those four values: they are
found once per distinct combination and remembered. The few longer rules are matched directly.
The attributes are then set as the ruler sets them: every matched rule in the order of its id,
later rules overriding earlier ones, each match's attributes on the token its index names; the
matches are all taken before any attribute is set, as spaCy's ruler does. A pipeline whose ruler
uses anything else (operators, other attributes, extensions) keeps spaCy's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.strings import StringStore

# The token attributes the looked-up rules may test, in the order of a token's key.
KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
ARRAY = [TAG, LOWER, DEP, IS_SPACE]
# Distinct (tag, lower case, dependency, space) combinations remembered at most: one entry is a
# few hundred bytes; past this the memory starts again (a crawl's vocabulary keeps growing).
MEMORY_SIZE = 200_000


def install(nlp: Language) -> bool:
    """Swap the pipeline's attribute ruler for the looked-up one when its rules allow: True if so."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    rules = _rules(ruler)
    if rules is None:
        return False
    looked_up = LookedUpRules(ruler, rules)
    ruler.match = looked_up.match
    ruler.set_annotations = looked_up.set_annotations
    return True


class LookedUpRules:
    """`match` and `set_annotations` of one attribute ruler, with the same effect on a Doc."""

    def __init__(self, ruler: AttributeRuler, rules: list[tuple[int, int, list[Conditions]]]) -> None:
        self.attrs, self.strings = ruler.attrs, ruler.vocab.strings
        self.anchored: dict[tuple[int, int], list[tuple[int, Conditions]]] = {}
        self.unanchored: list[tuple[int, Conditions]] = []
        # A longer rule is looked up by its first token, under the number -1 - its place here.
        self.longer = [(rule, index, tokens) for rule, index, tokens in rules if len(tokens) > 1]
        for rule, _, tokens in rules:
            if len(tokens) == 1:
                self._index(rule, tokens[0])
        for place, (_, _, tokens) in enumerate(self.longer):
            self._index(-1 - place, tokens[0])
        # Per (tag, lower case, dependency, space): the rules its token matches, longer ones' starts too.
        self.known: dict[tuple[int, ...], tuple[int, ...]] = {}

    def match(self, doc: Doc) -> list[tuple[int, int]]:
        """(rule, token) for every match, in the order the ruler sets them (by rule, then token)."""
        rows = [tuple(row) for row in doc.to_array(ARRAY).tolist()] if len(doc) else []
        found = []
        for position, row in enumerate(rows):
            for rule in self._starting(row):
                if rule >= 0:
                    found.append((rule, position))
                else:
                    found.extend(self._longer(-1 - rule, rows, position))
        found.sort()
        return found

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int]]) -> None:
        for rule, position in matches:
            set_token_attrs(doc[position], self.attrs[rule])

    def _index(self, rule: int, conditions: Conditions) -> None:
        """A one-token rule under each value its tag (else its lower case) must have, if any."""
        for slot in (KEYS.index("TAG"), KEYS.index("LOWER")):
            wanted = next((c.values for c in conditions if c.slot == slot and c.operator in ("==", "IN")), None)
            if wanted is not None:
                for value in wanted:
                    self.anchored.setdefault((slot, value), []).append((rule, conditions))
                return
        self.unanchored.append((rule, conditions))

    def _starting(self, row: tuple[int, ...]) -> tuple[int, ...]:
        rules = self.known.get(row)
        if rules is None:
            if len(self.known) >= MEMORY_SIZE:
                self.known.clear()
            options = [*self.anchored.get((0, row[0]), ()), *self.anchored.get((1, row[1]), ()), *self.unanchored]
            rules = tuple(sorted({rule for rule, conditions in options if self._holds(conditions, row)}))
            self.known[row] = rules
        return rules

    def _longer(self, place: int, rows: list[tuple[int, ...]], start: int) -> list[tuple[int, int]]:
        """The longer rule's match starting at `start` (its first token holds already), if any."""
        rule, index, tokens = self.longer[place]
        size = len(tokens)
        if start + size > len(rows):
            return []
        if not all(self._holds(tokens[k], rows[start + k]) for k in range(1, size)):
            return []
        return [(rule, start + index if index >= 0 else start + size + index)]

    def _holds(self, conditions: Conditions, row: tuple[int, ...]) -> bool:
        return all(c.holds(row[c.slot], self.strings) for c in conditions)


@dataclass(frozen=True)
class Condition:
    """One attribute's condition, as spaCy's matcher reads it (values compared by string id)."""

    slot: int  # the attribute's place in KEYS
    operator: str  # ==, IN, NOT_IN or REGEX
    values: frozenset[int] = frozenset()
    pattern: re.Pattern | None = None

    def holds(self, value: int, strings: StringStore) -> bool:
        if self.operator == "REGEX":
            return self.pattern is not None and self.pattern.search(strings[value]) is not None
        return (value in self.values) == (self.operator != "NOT_IN")


Conditions = tuple[Condition, ...]


def _rules(ruler: AttributeRuler) -> list[tuple[int, int, list[Conditions]]] | None:
    """(rule id, token index, the conditions of each pattern token) for every pattern, or None
    when a pattern uses what the looked-up rules do not do."""
    out = []
    for rule in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(rule))[1]:  # the ruler keys its matcher by the id's string
            tokens = [_conditions(token) for token in pattern]
            index = ruler.indices[rule]
            if not pattern or None in tokens or not -len(pattern) <= index < len(pattern):
                return None
            out.append((rule, index, tokens))
    return out


def _conditions(spec: dict) -> Conditions | None:
    out = []
    for key, value in spec.items():
        condition = _condition(KEYS.index(key), value) if key in KEYS else None
        if condition is None:
            return None
        out.append(condition)
    return tuple(out)


def _condition(slot: int, value: object) -> Condition | None:
    if isinstance(value, bool | int):
        return Condition(slot, "==", frozenset({int(value)}))
    if isinstance(value, str):
        return Condition(slot, "==", frozenset({get_string_id(value)}))
    if not isinstance(value, dict) or len(value) != 1:
        return None
    operator, argument = next(iter(value.items()))
    if operator in ("IN", "NOT_IN") and isinstance(argument, list) and all(isinstance(v, str) for v in argument):
        return Condition(slot, operator, frozenset(get_string_id(v) for v in argument))
    if operator == "REGEX" and isinstance(argument, str):
        return Condition(slot, operator, pattern=re.compile(argument))
    return None
