"""Sections of an explainer or a tracker set down line by line: a state's name as a heading
("Germany", "## United Kingdom", "UK:") over the short lines of what it gave ("- 18 Leopard 2
tanks", "• IRIS-T air defence system (delivered)"), a short heading over a list led by states'
names ("Leopard 2" over "- Germany: 18"), and a table's rows that name a state ("Denmark |
Caesar howitzers | 19 | pledged"). Such lines are the article's own, however little prose they
hold: the line model, which judges each line by its shape, would drop them as a menu.

A section is read only after the article's first paragraph of prose (a site's menus and lists
stand above it) and only where a state is named: a heading that names none ("Background",
"Follow us") opens nothing.
"""

from __future__ import annotations

import re

# The marks a heading may carry around a state's name ("## France", "**France**", "France:").
HEADING_MARKS = re.compile(r"^[#*\s]*(?P<name>[^#*:]+?)[*\s]*:?\s*$")
# A heading is a state's name: a few words at most.
HEADING_WORDS = 4
# A line of a list ("- 18 tanks", "• Iris-T", "1. radars").
BULLET = re.compile(r"^\s*(?:[-*•–·▪]|\d{1,2}[.)])\s")
# An entry under a heading: a short line, bulleted or not ("Six F-16 jets, promised in 2023."):
# at most this many words. A paragraph of prose is longer, and ends the section.
ENTRY_WORDS = 20
# A bulleted entry led by a state's name ("- Germany: 18", "• Germany – three batteries").
STATE_LABEL = re.compile(r"^\s*(?:[-*•–·▪]|\d{1,2}[.)])\s+(?P<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3})\s*[:–—-]\s")
# A sentence of this many words opens the article's body (a site's menus and lists above it end
# no sentence); sections are read below it.
LANDMARK_WORDS = 8
# A table's row: cells set apart by this many bars at least.
ROW_BARS = 2
WORD = re.compile(r"[^\W\d_]+")


def section_lines(lines: list[str]) -> list[bool]:
    """Which lines belong to a section of the article: a state's heading and its entries, a
    heading over entries led by states' names, or a table's row naming a state, after the
    article's first sentence (LANDMARK_WORDS words or more, ending with a stop)."""
    kept = [False] * len(lines)
    first_prose = next((i for i, line in enumerate(lines) if _landmark(line)), len(lines))
    for index in range(first_prose + 1, len(lines)):
        if state_name(lines[index]) is not None:
            _keep_entries(lines, index, kept)
        elif _state_labelled(lines, index):
            kept[index] = True
            if index - 1 > first_prose and len(WORD.findall(lines[index - 1])) <= HEADING_WORDS:
                kept[index - 1] = True  # its heading ("Leopard 2", "## Patriot")
        elif _table_row(lines, index):
            kept[index] = True
    return kept


def _landmark(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?")) and len(WORD.findall(line)) >= LANDMARK_WORDS


def _keep_entries(lines: list[str], heading: int, kept: list[bool]) -> None:
    """A state's heading and the short lines under it, up to the next heading or paragraph."""
    entries = []
    for index in range(heading + 1, len(lines)):
        line = lines[index]
        titled = BULLET.match(line) is None and not line.rstrip().endswith((".", "!", "?", ")"))
        if titled and len(WORD.findall(line)) <= HEADING_WORDS:
            entries.append(index)  # the next heading ("Background"), kept: it ends the section
        if titled or len(WORD.findall(line)) > ENTRY_WORDS:
            break  # the next heading, or a paragraph
        entries.append(index)
    if entries:
        for index in (heading, *entries):
            kept[index] = True


def state_name(line: str) -> str | None:
    """The state a line names as a heading, alone on its line ("Germany", "## United Kingdom",
    "UK:"), else None."""
    found = HEADING_MARKS.match(line)
    if found is None or len(WORD.findall(found.group("name"))) > HEADING_WORDS:
        return None
    return _state(found.group("name").strip())


def _state_labelled(lines: list[str], index: int) -> bool:
    """A bulleted entry led by a state's name, beside another one or giving a figure ("- United
    States: 31" alone under its heading); a site's "- Ukraine: latest news" gives none."""
    labelled = [_labelled_state(lines[i]) for i in (index - 1, index, index + 1) if 0 <= i < len(lines)]
    figure = any(c.isdigit() for c in lines[index])
    return _labelled_state(lines[index]) and (sum(labelled) >= 2 or figure)


def _labelled_state(line: str) -> bool:
    found = STATE_LABEL.match(line)
    return found is not None and _state(found.group("name")) is not None


def _table_row(lines: list[str], index: int) -> bool:
    """A row of a table set down with bars, beside another with as many, one of whose cells is a
    state's name ("Sweden | Archer howitzers | 8 | delivered")."""
    bars = lines[index].count("|")
    near = [lines[i].count("|") for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    cells = [c.strip() for c in lines[index].split("|")]
    return bars >= ROW_BARS and bars in near and any(_state(c) is not None for c in cells if c)


def _state(text: str) -> str | None:
    """The id of the state the whole text names ("Germany", "UK"), else None."""
    from materiel.extract.lexicon import find_actors
    from materiel.extract.statenouns import STATE_KINDS

    found = find_actors(text)
    whole = [m for m in found if m.start == 0 and m.end == len(text) and m.kind in STATE_KINDS and m.id]
    return whole[0].id if whole else None
