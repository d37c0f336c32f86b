"""Short lines that list the article's weapons below its prose: "M777 howitzers", "Leopard 2
tanks", "Poland 48 howitzers", "Denmark: all its Caesar guns". At a story's end they stand where
a site's furniture does, short and without a sentence's stop, and the line model, which judges a
line by its shape, drops them. Such a run is the article's own where every line of it names an
item of the lexicon and it follows the article's text directly: a sentence, or a clause that
opens it with a colon ("The main buyers so far:"); or, every line of it such an entry, the
article's text follows it directly, a sentence (a list set into the article's body under a
label without a colon: "What the ministry sent" over "- 20 Bradley vehicles", then the story
goes on). A site's list of other stories is set down
as clauses ("Poland buys 48 howitzers": an actor, then a verb) or under a heading ("Most read",
"Tags"), and stays with the model.
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.clean.sections import led_by_actor

# An entry of such a list is short: at most this many words (a headline runs longer).
ENTRY_MAX_WORDS = 6
# A run of at least this many entries (one short line that names a weapon may be a tag or a
# heading; a list has two or more).
MIN_ENTRIES = 2
WORD = regexcache.compile(r"[^\W\d_]+")
# A run with no lead is the article's where this share of its lines name an item of the lexicon
# (an item the lexicon lacks, "4 mobile repair workshops", among them) and a sentence follows it.
NAMED_SHARE = 0.5
# A line of the article's prose, which an entry's run follows: a sentence of this many words.
LEAD_MIN_WORDS = 5
# At least this share of a run's entries must be specific: a figure ("48 howitzers", "Leopard 2
# tanks") or a model's or system's name in capitals ("NASAMS", "IRIS-T", "CV90"). A site's tags
# under the story name kinds of weapon ("Tanks", "Drones", "Air defence") and none of these.
SPECIFIC_SHARE = 0.5
# A figure, or a word with two capitals ("NASAMS", "IRIS-T", "SAMP/T"; "M777" has its figure).
MODEL_NAME = regexcache.compile(r"\d|\b[A-Z][\w/-]*[A-Z]")
# A headline closing on its verb ("HIMARS explained", "F-16 pilots trained"): an entry closes on
# what it names ("... tanks"), or on a status in brackets ("Leopard 2 tanks (delivered)").
CLOSING_VERB = regexcache.compile(r"(?<!\()\b[a-z]+ed\W*$")
SENTENCE_END = regexcache.compile(r"[.!?…][\"”’»)\]]*$")
# A headline is a clause, an entry names what it lists: after the item, a plural noun and the bare
# verb it takes as subject, or a preposition of place before a capitalised place.
HEADLINE_CLAUSE = regexcache.compile(
    r"""
    \b(?!(?:plus|as|its|this|his|is|was|has)\b)[a-z]+s  # a plural noun, not a function word ending in s
    \s+(?!(?:and|or|with|of|for|in|from|plus|per|each|to|on|at|by|as)\b)[a-z]+\b  # its bare verb: "tanks arrive"
    | \b(?:in|at|into|near|inside|across)\s+[A-Z]  # "in Poland", "at Ramstein"
    """,
    re.VERBOSE,
)


def item_entries(lines: list[str], rows: list[dict[str, float]]) -> list[bool]:
    """Which lines are entries of such a run (`rows`: the line model's features of each line).
    The lexicon is read only for a run of short lines that has the shape of such a list."""
    sentence = [row["sentence_end"] == 1.0 for row in rows]
    words = [len(WORD.findall(line)) for line in lines]
    shaped = [_shaped(line, ended, count) for line, ended, count in zip(lines, sentence, words, strict=True)]
    kept = [False] * len(lines)
    start = 1
    while start < len(lines):
        end = start
        while end < len(lines) and shaped[end]:
            end += 1
        if end > start and _could_list(lines[start:end]):
            kept[start:end] = _entries(lines, sentence, words, start, end)
        start = end + 1
    return kept


def _entries(lines: list[str], sentence: list[bool], words: list[int], start: int, end: int) -> list[bool]:
    """Which lines of the run lines[start:end] are the article's entries: the whole run (a label
    over its entries too) where NAMED_SHARE of its lines name an item and a sentence follows it;
    else the opening lines that name items, after a lead (a sentence or a clause with a colon)."""
    run = lines[start:end]
    followed = end < len(lines) and sentence[end] and words[end] >= LEAD_MIN_WORDS
    items = sum(_named(line) for line in run)
    if followed and items >= max(MIN_ENTRIES, NAMED_SHARE * len(run)) and weapon_list(run, checked=True):
        return [True] * len(run)
    named = next((i for i in range(start, end) if not _named(lines[i])), end)
    lead = _lead(lines[start - 1], sentence[start - 1], words[start - 1])
    listed = lead and weapon_list(lines[start:named], checked=True)
    return [listed and i < named for i in range(start, end)]


def weapon_list(lines: list[str], checked: bool = False) -> bool:
    """Whether the lines list weapons: MIN_ENTRIES or more entries, SPECIFIC_SHARE of them specific
    and as many naming a kind in lower case ("howitzers", "battery": a site's tags are names
    alone, "F-16", "HIMARS"). `checked`: each line is known to be an entry."""
    if len(lines) < MIN_ENTRIES or SPECIFIC_SHARE * len(lines) > _shares(lines):
        return False
    if checked:
        return True
    shaped = all(_shaped(x, SENTENCE_END.search(x) is not None, len(WORD.findall(x))) for x in lines)
    return shaped and all(_named(x) for x in lines)


def _could_list(run: list[str]) -> bool:
    """Whether some opening lines of the run have a list's shares (before the lexicon is read)."""
    return any(_shares(run[:k]) >= SPECIFIC_SHARE * k for k in range(MIN_ENTRIES, len(run) + 1))


def _shares(lines: list[str]) -> int:
    """The fewer of the lines that are specific and the lines that name a kind in lower case."""
    specific = sum(MODEL_NAME.search(line) is not None for line in lines)
    kinds = sum(any(w.islower() for w in WORD.findall(line)) for line in lines)
    return min(specific, kinds)


def _shaped(line: str, ended: bool, count: int) -> bool:
    """A short line without a stop, a colon (which opens a list), a link or a closing verb."""
    closed = ended or line.rstrip().endswith(":") or "http" in line or "www." in line
    closed = closed or CLOSING_VERB.search(line) is not None
    return not closed and 0 < count <= ENTRY_MAX_WORDS


def _named(line: str) -> bool:
    """A line that names an item of the lexicon and is no clause: none led by an actor, and none
    with a verb or a place after its item (HEADLINE_CLAUSE)."""
    from materiel.extract.lexicon import find_items

    items = find_items(line)
    return bool(items) and not led_by_actor(line) and HEADLINE_CLAUSE.search(line, items[0].start) is None


def _lead(line: str, ended: bool, count: int) -> bool:
    """A sentence of the article, or a clause that opens a list with a colon."""
    return line.rstrip().endswith(":") or (ended and count >= LEAD_MIN_WORDS)
