"""The order in which a pronoun's antecedents are offered to the speaker ranker (`rank` 0, 1, 2):
the most recent person first, except that a person who cannot be the subject the text goes on
about is put after those who can. A "he" in the next sentence stands for the subject of a main
clause far more often than for a name that only owns a noun ("Obama’s visit"), stands in a
preposition's phrase ("the home of the mayor, Ihor Petrov"), opens a subordinate clause ("After
Minister Paul Lind had left the podium, General Aksel Borg took questions") or is the subject of a
clause that reports what someone said ("Sikorski stated that Putin would not attack").
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import groupby

from materiel.extract.mention import Mention
from materiel.extract.speakerverbs import GOVERNED, POSSESSIVE, titled

# Words before a name that put it outside its sentence's main clause, up to the name and its title
# words ("After Minister Paul Lind"; not "As Hamas grew, Haniyeh rose", where the comma ends it).
SIDELINED = re.compile(
    r"""(?:
        \b(?i:after|when|while|although|though|as|before|because|since|until|unless|whereas|once|if)
            \s+(?:[\w.’'-]+\s+){0,4}                      # a subordinate clause's opener, then its subject
      | \bthat\s+(?:[^\s,.;:“”"]+\s+){0,6}          # a reported or relative clause ("stated that in his view X")
      | \b(?:of|to|with|by|about|from|for|against|at|into|in|on|under|between)\s+(?:the|a|an|his|her|its|their)\s+
            (?:[\w’'-]+\s+){0,3}[\w’'-]+,\s+          # in apposition to a preposition's object ("of the mayor, X")
    )$""",
    re.VERBOSE,
)
# Characters before a name read for those words, and for a preposition that governs it (as
# speakerverbs.governed reads them).
SIDELINED_REACH = 80
GOVERNED_REACH = 40
# The end of the sentence before the name, where the words read stop: a line break, or a stop
# after a word that is no abbreviated title ("Dr.", "Gen.", "Sen." do not end a sentence).
SENTENCE_END = re.compile(r"\n|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?][\"”’)]*\s+")


def subjects_first(mentions: list[Mention], masked: str) -> list[Mention]:
    """The mentions with each pronoun's antecedents reordered: one that cannot be a main clause's
    subject comes after one that can, named in its sentence or the one before (a rival further
    back is no likelier: "the caption's Getty Images ... For Putin, this is a war he believes");
    otherwise the most recent first, as found. `rank` is renumbered."""
    out: list[Mention] = []
    for _, group in groupby(mentions, key=lambda m: (m.start, m.kind)):
        found = list(group)
        if len(found) > 1 and found[0].kind == "pronoun":
            aside = {id(m): sidelined(m.antecedent, masked) for m in found if m.antecedent}
            ordered = sorted(found, key=lambda m: _yields(m, found, aside))
            found = [replace(m, rank=rank) for rank, m in enumerate(ordered)]
        out.extend(found)
    return out


def _yields(mention: Mention, group: list[Mention], aside: dict[int, bool]) -> bool:
    """The antecedent is sidelined and another, not sidelined, is named in its sentence or the one
    before it."""
    if not aside.get(id(mention)) or mention.antecedent is None:
        return False
    at = mention.antecedent.sentence
    rivals = [m.antecedent for m in group if m.antecedent and not aside.get(id(m))]
    return any(0 <= at - rival.sentence <= RIVAL_SENTENCES for rival in rivals)


# How many sentences before a sidelined antecedent a rival for the pronoun may stand.
RIVAL_SENTENCES = 1


def sidelined(person: Mention, masked: str) -> bool:
    """The person stands outside its sentence's main clause (see SIDELINED), a preposition governs
    it, or it owns the noun after it; read in its own sentence only."""
    before = masked[max(0, person.start - SIDELINED_REACH) : person.start]
    ends = list(SENTENCE_END.finditer(before))
    before = before[ends[-1].end() :] if ends else before
    owner = POSSESSIVE.match(masked, person.end) is not None
    by_phrase = GOVERNED.search(before[-GOVERNED_REACH:]) is not None and not titled(masked, person.start)
    return owner or by_phrase or SIDELINED.search(before) is not None
