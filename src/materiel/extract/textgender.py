"""A person's gender as the article itself tells it, for the people whose first name or title says
nothing (speakerwords.gender): a reflexive, possessive or subject pronoun that refers back to the
person in the same sentence ("Robin Sato described herself as", "Lee Harlan said his workers",
"Ruth Calder served for years before she joined"), a family noun heading the words given before
the name ("the minister's husband, Pat Rourke"), and a sentence opening with "He" or "She" right
after a sentence that names one person only ("Alex Moreau chairs the board. He signed ...").

Each cue is read only where no other person stands between the name and the pronoun, so that the
pronoun can stand for no one else; a name with cues of both genders gets none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from materiel.extract.mention import Mention
from materiel.extract.sentences import Sentence
from materiel.extract.speakerwords import gender

if TYPE_CHECKING:
    from materiel.extract.speakers import Candidate

# Words after "her" that make it an object ("asked her to", "showed her the hangars"), not a
# possessive before its noun ("her report").
NOT_OWNED = "|".join(
    """to that the a an and as in on at with for from of about into over if when why how what whether
    this these those any some not so too again back up""".split()  # noqa: SIM905 - a word list
)
# Pronouns that, later in a person's own sentence, stand for that person and carry a gender:
# reflexives, the possessive "his", "her" before a noun, and subject pronouns.
GENDERED = re.compile(
    r"""\b(?:
        (?P<f>herself|she                                # reflexive or subject
          |her(?=\s+(?!(?:"""
    + NOT_OWNED
    + r""")\b)[a-z]))   # "her report", not "asked her to"
       |(?P<m>himself|he|his)                            # reflexive, subject or possessive
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
# A sentence that opens with a gendered subject pronoun or possessive ("She has spent two weeks
# ...", "His words drew a reply").
OPENING = re.compile(r"\W*(?:(?P<f>She|Her(?=\s+[a-z]))|(?P<m>He|His))\b")  # matched at the sentence's start
# Family nouns with a gender, given right before a name ("the president's wife, Dana Korvel").
FAMILY = {
    "wife": "f",
    "widow": "f",
    "mother": "f",
    "daughter": "f",
    "sister": "f",
    "grandmother": "f",
    "husband": "m",
    "widower": "m",
    "father": "m",
    "son": "m",
    "brother": "m",
    "grandfather": "m",
}
# Inside an apposition opened by a comma right after the name and not closed yet, not a relative
# clause: its possessive stands for someone else ("Anna Wrobel, his deputy,"); after the closing
# comma the name's own clause goes on ("Dominique Leroy, a lawyer, argued for her clients").
APPOSITION = re.compile(r"^\s*,(?![^,]*\b(?:who|whose)\b)[^,]*$")
# A family noun right before the name, alone or set off by a comma ("the minister's husband, Pat
# Rourke", "his widow Ruth Lind"), read this many characters back.
FAMILY_BEFORE = re.compile(r"\b(?P<noun>" + "|".join(FAMILY) + r")\s*,?\s*$", re.IGNORECASE)
FAMILY_REACH = 20
# Mention kinds that stand for a person: one between a name and a pronoun may be what it stands for.
PEOPLE = frozenset({"person", "single", "role", "pronoun"})
NAMED = frozenset({"person", "single"})


def text_genders(masked: str, sentences: list[Sentence], mentions: list[Mention]) -> dict[str, str]:
    """Each named person's gender ("f" or "m") where the article's words tell it, by the name as
    written ("Casey Wynn", or "Wynn" alone: two people may share a family name)."""
    found: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind in NAMED:
            for cue in _cues(mention, masked, sentences, mentions):
                found.setdefault(mention.text, set()).add(cue)
    for index, sentence in enumerate(sentences[1:], start=1):
        opening = OPENING.match(masked, sentence.start, sentence.end)
        named = {m.text for m in mentions if m.sentence == index - 1 and m.kind in NAMED}
        others = [m for m in mentions if m.sentence == index - 1 and m.kind in PEOPLE - NAMED]
        if opening and len(named) == 1 and not others and sentence.paragraph == sentences[index - 1].paragraph:
            found.setdefault(named.pop(), set()).add("f" if opening["f"] else "m")
    return {name: cues.pop() for name, cues in found.items() if len(cues) == 1}


def _cues(mention: Mention, masked: str, sentences: list[Sentence], mentions: list[Mention]) -> set[str]:
    """The genders the mention's own sentence gives it after it, and a family noun before it."""
    out = set()
    family = FAMILY_BEFORE.search(masked, max(0, mention.start - FAMILY_REACH), mention.start)
    if family:
        out.add(FAMILY[family["noun"].lower()])
    sentence = sentences[mention.sentence]
    blocked = [m.start for m in mentions if mention.start < m.start < sentence.end and m.kind in PEOPLE - {"pronoun"}]
    match = GENDERED.search(masked, mention.end, min([*blocked, sentence.end]))
    apposition = match is not None and APPOSITION.match(masked[mention.end : match.start()]) is not None
    if match and not apposition:  # the first pronoun after the name: a later one may stand for someone it brings in
        out.add("f" if match["f"] else "m")
    return out


# Where a pronoun subject of the quotation's own reporting verb stands ("“...,” she added").
OWN_PLACES = ("at=same_after", "at=same_before")
PRONOUN_GENDERS = {"he": "m", "she": "f"}


def agreeing(candidates: list[Candidate], genders: dict[str, str]) -> list[Candidate]:
    """The candidates that may be the "he" or "she" who is the subject of the quotation's own
    reporting verb ("“...,” she added"): not a person the text gives the other gender (the speaker
    of the quotation before, "Mr. Idowu said", nor a man named in the sentence before)."""
    said = {
        PRONOUN_GENDERS[c.mention.text.lower()]
        for c in candidates
        if c.mention is not None
        and c.mention.kind == "pronoun"
        and c.mention.text.lower() in PRONOUN_GENDERS
        and c.features.get("verb=subject")
        and any(c.features.get(place) for place in OWN_PLACES)
    }
    if len(said) != 1:
        return candidates
    wanted = said.pop()
    return [c for c in candidates if candidate_gender(c, genders) in ("", wanted)]


def candidate_gender(candidate: Candidate, genders: dict[str, str]) -> str:
    """The gender a candidate's words, title or the article give it; "" where nothing tells."""
    mention = candidate.mention
    if mention is None:
        return gender(candidate.name) or genders.get(candidate.name, "")
    if mention.kind == "pronoun":
        return PRONOUN_GENDERS.get(mention.text.lower(), "")
    if mention.kind == "role":
        return gender("", mention.text)
    if mention.kind in NAMED:
        return gender(mention.full or mention.name or mention.text, mention.titles) or mention.gender
    return ""
