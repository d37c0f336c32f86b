"""How named systems and generic item names are written: a model's variant on a system's name, a
sort after it, and a compound's joints as a hyphen or a space (lexicon.Finder reads them)."""

from __future__ import annotations

import re

# A model's variant written onto a named system's name, then at most one more mark ("Mi-17V-5",
# "S-300PMU-2"). A lower-case word after a hyphen is no variant ("Patriot-style").
VARIANT = (
    r"(?P<variant>(?:"
    r"(?<=\d)[A-Z][A-Z0-9]{0,4}"  # capitals right after a model number: "T-72B3", "Su-30MKI", "J-10C"
    # (not after a name's letters: "TOWER", "HARMONY")
    r"|-(?=[A-Z]*\d)[A-Z0-9]{1,5}"  # a mark with a digit after a hyphen: "Buk-M2", "Hwasong-15"
    r"|-[A-Z]{1,2}(?![A-Z])"  # one or two capitals after a hyphen: "Scud-B", "Kornet-EM"
    r")(?:-?[A-Z0-9]{1,3})?)?"
)
# A named system's sort after it ("Gepard-type guns", "Shahed-style drones", "Patriot-like
# systems"): the item is of the system's kind. Not "-class", which names a ship's class after a
# system ("Mistral-class" is listed as a ship).
SORT = r"(?P<sort>-(?:type|style|like))?"
# A compound's joints in generic names: a hyphen or a space, as either spelling writes it
# ("first-aid kits", "air-defence systems", "night vision"): the names are keyed with spaces.
JOINT = re.compile(r"[\s-]+")


def fold(name: str) -> str:
    """A generic name's key: case folded, its joints one space."""
    return JOINT.sub(" ", name.casefold())


def written(match: re.Match) -> str:
    """The name as written, without a maker participle, a sort or a model's variant."""
    name = match.group()
    for group in ("maker", "sort", "variant"):  # the later ones first, so that offsets hold
        if match.groupdict().get(group):
            start, end = match.start(group) - match.start(), match.end(group) - match.start()
            name = name[:start] + name[end:]
    return name
