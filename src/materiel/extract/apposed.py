"""A person's role noun with the person's name set off right after it stands for that person:
"said the chief of the shipyard, Per Ekdahl," and "according to the commander of the base, Colonel
Nadia Harb," name who the chief and the commander are, whoever held a like office earlier in the
article. The name closes its apposition (a comma, the sentence's end or a quotation mark after
it); "Speaking to the minister, Berg said" opens a clause on Berg instead, and keeps the role noun
as antecedents.py resolved it. Only a role noun that antecedents.py resolved to someone is changed:
one it left unresolved speaks beside the name as before, and the ranker, trained on such pairs,
weighs them as it did (resolving those too refitted it enough to flip a case of quotes.json).
"""

from __future__ import annotations

import re
from dataclasses import replace

from materiel.extract.mention import Mention
from materiel.extract.speakerverbs import APPOSITION_CLOSED

# Between the role noun and the name: the noun's own phrase ("of the shipyard", "for the army"),
# the comma, and titles before the name ("Colonel", "Dr.").
APPOSED = re.compile(
    r"""^(?:\s+(?:of|for|at|in|to|with)\s+[^,.;:“”"«»\n]{1,50})?   # the role noun's phrase
        ,\s+(?-i:[A-Z][\w.-]*\s+){0,3}$                          # the comma and titles
    """,
    re.VERBOSE,
)
# The kinds of mention a person's name is read as.
NAMES = {"person", "single"}


def apposed(mentions: list[Mention], masked: str) -> list[Mention]:
    """The mentions with each resolved role noun that a name is set off after resolved as that
    name, once (its other antecedents dropped), read as a role noun resolved to the person named
    next (`via="next"`, as antecedents.py reads the name of the sentence after); the rest as they were."""
    out: list[Mention] = []
    done: set[tuple[int, int]] = set()
    for index, mention in enumerate(mentions):
        resolved = mention.kind == "role" and bool(mention.via)  # see the module's doc
        person = _apposed_name(mention, mentions[index + 1 :], masked) if resolved else None
        if person is None:
            out.append(mention)
        elif (mention.start, mention.end) not in done:
            done.add((mention.start, mention.end))
            out.append(replace(mention, name=person.name, via="next", rank=0, antecedent=person))
    return out


def _apposed_name(role: Mention, later: list[Mention], masked: str) -> Mention | None:
    """The name set off right after the role noun, if any (see APPOSED)."""
    person = next((m for m in later if m.start >= role.end and (m.start, m.end) != (role.start, role.end)), None)
    if person is None or person.kind not in NAMES or not person.name:
        return None
    closed = APPOSITION_CLOSED.match(masked[person.end : person.end + 2])
    return person if closed and APPOSED.match(masked[role.end : person.start]) else None
