"""A set of literal words as one trie-shaped regular expression (the lexicon finders and the
boilerplate rules' needles): Python's regular expressions try the alternatives of `a|b|...` one
by one at every position, a trie tries one branch per letter."""

from __future__ import annotations

import re


def trie_pattern(words: list[str]) -> str:
    """One alternative per first letter, and so on down: the regular expression of
    `a|b|...` sorted longest first, without trying each word in turn at every word start (five
    to eight times faster on the lexicons). At a position only words that are prefixes of one
    another can match, and the optional tails are greedy, so the longest one is tried first and
    shorter ones on backtracking, as in the sorted alternation."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(root)


def _node_pattern(node: dict) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if "" not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + "|".join(branches) + ")?" if branches else ""
