"""Modifiers joined by 'and' or 'or' before one head noun: "anti-tank and air defence systems" are
anti-tank systems and air defence systems, "field and anti-aircraft guns" field guns and
anti-aircraft guns, and "tank and artillery ammunition" tank ammunition and artillery ammunition.
Each modifier with the shared head is a compound of its own with the category the lexicon gives
that compound, not the modifier alone's ("tank" there is no tank) nor the last compound's."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from materiel.extract.senses import M  # a lexicon mention of either kind (Mention, spaCy's own)

# How the lexicon reads a compound on its own: its item mentions.
Reader = Callable[[str], list]


# The first modifier (one or two words) and its conjunction right before the last compound, with
# that compound's own modifier words that the lexicon does not read ("utility" in "armoured and
# utility vehicles").
SHARED_BEFORE = re.compile(
    r"""(?<![\w-])(?P<first>[a-z][a-z-]*(?:\ [a-z][a-z-]*)?)   # "anti-tank", "air defence"
        \ (?:and|or)\                                          # the conjunction
        (?:[a-z][a-z-]*\ ){0,2}\Z                              # the last compound's own words""",
    re.IGNORECASE | re.VERBOSE,
)
# Heads that only say what sort of thing an item is: after an item's own word they make a list
# ("ammunition and anti-tank weapons", "artillery and air defence systems"), not a compound.
SORT_HEADS = re.compile(r"(?:weapon|weaponry|system|equipment|vehicle|materiel|arm|gear)s?", re.IGNORECASE)
# Item words that stand without an article in the singular (mass nouns, and 'aircraft', whose plural
# is the same): before 'and' they are a list's member ("artillery and ammunition", "air defence and
# military aid"), not a modifier.
MASS_NOUNS = re.compile(
    r"(?:artillery|ammunition|ammo|air\ defen[cs]e|equipment|materiel|weaponry|aid|assistance|armou?r|fuel|aircraft)",
    re.IGNORECASE | re.VERBOSE,
)
# A lowercase word after the last compound that goes on with the noun phrase ("drone and cruise
# missile base"): the item words are modifiers of a noun that is no item. Words that end a noun
# phrase (conjunctions, prepositions, verbs of being, having and saying) do not.
NOUN_AFTER = re.compile(
    r"""\ (?!(?:and|or|but|to|for|from|of|in|on|at|by|with|as|than|that|which|who|is|are|was|were|
               be|been|has|have|had|will|would|can|could|said|says|also|worth|plus)\b)[a-z]""",
    re.VERBOSE,
)
# How far before the last compound the first modifier is looked for: two modifiers of two words.
SHARED_REACH = 60


def shared_heads(text: str, mentions: list[M], read: Reader, named: list[M]) -> list[M]:
    """The mentions with each first modifier of a shared head read as its own compound: added
    where the lexicon read nothing there, given the compound's category where it read the
    modifier alone, dropped where that compound is of the last one's category."""
    out = list(mentions)
    for mention in mentions:
        if mention in named:
            continue
        found = _first_compound(text, mention, read)
        if found is None:
            continue
        first = next((m for m in out if m.start == found.start and m.end == found.end), None)
        if first is not None and first.id != found.id and _modifier(first.text, mention.text.split()[-1]):
            out.remove(first)
            if found.id != mention.id:
                out.append(replace(first, id=found.id, name=found.name))  # type: ignore[type-var]
        elif first is None and found.id != mention.id and not _overlaps(found, out):
            out.append(found)
    return sorted(out, key=lambda m: m.start)


def _first_compound(text: str, mention: M, read: Reader) -> M | None:
    """The first modifier before the mention's conjunction, as the item it makes with the
    mention's head noun (its span the modifier's), or None where that is no item of the lexicon."""
    before = SHARED_BEFORE.search(text, max(0, mention.start - SHARED_REACH), mention.start)
    head = mention.text.split()[-1]
    if before is None or not head.isalpha() or not _headed(mention.text) or NOUN_AFTER.match(text, mention.end):
        return None
    words = before["first"].split(" ")
    if _plural_noun(words[-1], read):
        return None  # a list of nouns ("drones and artillery shells"), not of modifiers
    for count in range(len(words), 0, -1):
        modifier = " ".join(words[-count:])
        compound = f"{modifier} {head}"
        found = read(compound)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(compound):
            start = before.start("first") + before["first"].rindex(modifier)
            return replace(found[0], text=modifier, start=start, end=start + len(modifier))
    return None


def _overlaps(found: M, mentions: list[M]) -> bool:
    return any(m.start < found.end and found.start < m.end for m in mentions)


def _plural_noun(word: str, read: Reader) -> bool:
    """Is the word an item noun in the plural ("drones", "tanks")? A noun modifies another in the
    singular, so a plural one before 'and' ends a list member of its own."""
    return any(word.lower().endswith(end) and read(word[: -len(end)]) for end in ("es", "s"))


def _modifier(word: str, head: str) -> bool:
    """Is an item word the lexicon read alone before 'and' a modifier of the shared head? Only a
    count noun in the singular with no article ("tank and artillery ammunition"): a plural or a
    mass noun is a list's member, and so is any word before a head that only names a sort."""
    last = word.split()[-1]
    mass = MASS_NOUNS.fullmatch(word) or MASS_NOUNS.fullmatch(last)
    return not (last.lower().endswith("s") or mass or SORT_HEADS.fullmatch(head))


def _headed(text: str) -> bool:
    """Does the last compound end in its own head noun: two words or more ("air defence systems"),
    or one in the plural ("utility vehicles")? A lone singular word modifies a noun after it that
    is no item ("missile and drone attacks")."""
    return " " in text or text.lower().endswith("s")
