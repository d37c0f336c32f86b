"""Sections of an explainer or a tracker set down line by line: a state's name as a heading
("Germany", "## United Kingdom", "UK:") over the short lines of what it gave ("- 18 Leopard 2
tanks", "• IRIS-T air defence system (delivered)"), a short heading over a list led by states'
names ("Leopard 2" over "- Germany: 18"), and a table's rows that name a state ("Denmark |
Caesar howitzers | 19 | pledged"). Such lines are the article's own, however little prose they
hold: the line model, which judges each line by its shape, would drop them as a menu.

A section is read only after the article's first paragraph of prose (a site's menus and lists
stand above it) and only where a state is named: a heading that names none ("Background",
"Follow us") opens nothing. Below the article's last paragraph of prose, a state's heading alone
over a line led by someone who acts ("- Lithuania buys 44 Leopard tanks.") is a site's list of
that country's other stories.
"""

from __future__ import annotations

from materiel import regexcache

# The marks a heading may carry around a state's name ("## France", "**France**", "France:").
HEADING_MARKS = regexcache.compile(r"^[#*\s]*(?P<name>[^#*:]+?)[*\s]*:?\s*$")
# A heading is a state's name: a few words at most.
HEADING_WORDS = 4
# A line of a list ("- 18 tanks", "• Iris-T", "1. radars").
BULLET = regexcache.compile(r"^\s*(?:[-*•–·▪]|\d{1,2}[.)])\s")
# An entry under a heading: a short line, bulleted or not ("Six F-16 jets, promised in 2023."):
# at most this many words. A paragraph of prose is longer, and ends the section.
ENTRY_WORDS = 20
# A bulleted entry led by a state's name ("- Germany: 18", "• Germany – three batteries").
STATE_LABEL = regexcache.compile(
    r"^\s*(?:[-*•–·▪]|\d{1,2}[.)])\s+(?P<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3})\s*[:–—-]\s"
)
# A sentence of this many words opens the article's body (a site's menus and lists above it end
# no sentence); sections are read below it.
LANDMARK_WORDS = 8
# Below the article's last paragraph of prose, a state's heading beside another is an
# explainer's; one alone there may be a site's list of its other stories ("Germany" over
# "- Scholz faces revolt over budget plans.").
FOOT_SECTIONS = 2
# What follows a line's leading name when they are a clause: a space, then a word in lower case.
LED_WORD = regexcache.compile(r"^\s(?P<word>[a-z][a-z'’]+)\b")
# A table's row: cells set apart by this many bars at least.
ROW_BARS = 2
WORD = regexcache.compile(r"[^\W\d_]+")


def section_lines(lines: list[str]) -> list[bool]:
    """Which lines belong to a section of the article: a state's heading and its entries, a
    heading over entries led by states' names, or a table's row naming a state, after the
    article's first sentence (LANDMARK_WORDS words or more, ending with a stop)."""
    kept = [False] * len(lines)
    first_prose = next((i for i, line in enumerate(lines) if _landmark(line)), len(lines))
    for index in range(first_prose + 1, len(lines)):
        if state_name(lines[index]) is not None:
            section = section_entries(lines, index)
            _mark(kept, [] if story_list(lines, index, section) else section)
        elif _state_labelled(lines, index):
            kept[index] = True
            if index - 1 > first_prose and len(WORD.findall(lines[index - 1])) <= HEADING_WORDS:
                kept[index - 1] = True  # its heading ("Leopard 2", "## Patriot")
        elif _table_row(lines, index):
            kept[index] = True
    return kept


def lone_foot_heading(lines: list[str], index: int) -> bool:
    """Whether the line is a state's heading below the article's last paragraph of prose with no
    other state's heading there."""
    foot = max((i for i, line in enumerate(lines) if _prose(line)), default=len(lines))
    headings = [i for i in range(foot + 1, len(lines)) if state_name(lines[i]) is not None]
    return index in headings and len(headings) < FOOT_SECTIONS


def story_list(lines: list[str], heading: int, section: list[int]) -> bool:
    """A state's heading alone at the page's foot over a line led by someone who acts: a site's
    list of that country's other stories ("Germany" over "- Lithuania buys 44 Leopard tanks."),
    not an explainer's closing section ("France:" over "- Caesar howitzers (delivered)")."""
    return lone_foot_heading(lines, heading) and any(led_by_actor(lines[i]) for i in section[1:])


def led_by_actor(line: str) -> bool:
    """The line opens (after its bullet) with the name of someone who acts, then a word in lower
    case that starts no item: a clause's subject and verb ("- Bundeswehr orders 50 more Puma
    tanks", "- Berlin police arrest man"; not "- German Leopard 2 tanks", "- Rheinmetall shells")."""
    from materiel.extract.lexicon import find_actors, find_items

    body = BULLET.sub("", line, count=1).strip()
    leading = [m for m in find_actors(body) if m.start == 0 and m.kind != "demonym"]
    word = LED_WORD.match(body[leading[0].end :]) if leading else None
    if word is None:
        return False
    at = leading[0].end + word.start("word")
    return not any(m.start == at for m in find_items(body))


def _mark(kept: list[bool], indices: list[int]) -> None:
    for index in indices:
        kept[index] = True


def _prose(line: str) -> bool:
    """A paragraph of prose: longer than an entry, ending with a stop."""
    return line.rstrip().endswith((".", "!", "?", '"', "”")) and len(WORD.findall(line)) > ENTRY_WORDS


def _landmark(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?")) and len(WORD.findall(line)) >= LANDMARK_WORDS


def section_entries(lines: list[str], heading: int) -> list[int]:
    """A state's heading and the short lines under it, up to the next heading or paragraph; none
    where no line stands under it."""
    entries: list[int] = []
    for index in range(heading + 1, len(lines)):
        line = lines[index]
        titled = BULLET.match(line) is None and not line.rstrip().endswith((".", "!", "?", ")"))
        if titled and len(WORD.findall(line)) <= HEADING_WORDS:
            entries.append(index)  # the next heading ("Background"), kept: it ends the section
        if titled or len(WORD.findall(line)) > ENTRY_WORDS:
            break  # the next heading, or a paragraph
        entries.append(index)
    return [heading, *entries] if entries else []


def state_name(line: str) -> str | None:
    """The state a line names as a heading, alone on its line ("Germany", "## United Kingdom",
    "UK:"), else None."""
    found = HEADING_MARKS.match(line)
    if BULLET.match(line) is not None:
        return None  # a list's line ("* Russia" in a menu of "* Ukraine", "* Europe"), no heading
    if found is None or len(WORD.findall(found.group("name"))) > HEADING_WORDS:
        return None
    return _state(found.group("name").strip())


def _state_labelled(lines: list[str], index: int) -> bool:
    """A bulleted entry led by a state's name, beside another one or giving a figure ("- United
    States: 31" alone under its heading); a site's "- Ukraine: latest news" gives none."""
    if not _labelled_state(lines[index]):
        return False  # most lines: neither their neighbours nor their figures are read
    labelled = [_labelled_state(lines[i]) for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return sum(labelled) >= 1 or any(map(str.isdigit, lines[index]))


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
