"""A mention of a possible speaker (`Mention`), the run of capitalised words that names are read
from (`NAME_RUN`), and the kind of mention such a run makes (`name_kind`). The mentions
themselves are found by `mentions.find_mentions`: names in namementions.py, role nouns in
rolementions.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from materiel.extract.speakerwords import ORGANISATION_WORDS

# The lower-case particles that lead a surname written alone ("van Rooyen said", "de la Fuente
# told", "dos Santos said"): part of the name, no title to strip.
SURNAME_PARTICLES = frozenset({"von", "van", "de", "der", "da", "du", "dos", "le", "la", "bin", "ibn", "ben"})

# A run of capitalised words, with abbreviated titles, initials and the particles names carry
# ("Gen. Mark A. Milley", "Ursula von der Leyen", "Mohammed bin Salman").
NAME_RUN = re.compile(
    r"""(?:[A-Z]\.){2,}(?![\w'’])                       # a dotted abbreviation ("U.S.", "U.N.")
      | (?:\d+(?:st|nd|rd|th)\s+(?=[A-Z]))?              # or an ordinal before a name ("3rd Fleet")
        (?:(?<![\w'’-])(?:von|van|de|der|da|du|dos|le|la|bin|ibn|ben)\s+){0,2}  # or a surname's particles
        (?:(?<![\w'’-])(?:al|el|ad|an|ar|as|ash|at|az)-)?   # ("von der Leyen said", "al-Harbi said")
        [A-Z][\w'’-]*\.?                                # and a capitalised word
        (?:\s+(?:(?:von|van|de|der|da|al|bin|le|la|du|dos|of|for|of\s+the)\s+){0,2}   # name particles
           (?:(?:[A-Z]\.){2,}(?![\w'’])                   # further capitalised words
              |(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?[A-Z][\w'’-]*\.?))*   # Arabic article ("al-Houthi")""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Mention:
    start: int  # offsets in the article
    end: int
    text: str  # as written (a role noun with its modifiers)
    kind: str  # person, single, org, outlet, pronoun, role, role_org
    sentence: int  # index of its sentence
    title: bool = False  # a title or role word came before the name
    name: str | None = None  # what it stands for, once resolved (a full name)
    via: str = ""  # how it was resolved: surname, pronoun, opener, role, org
    actor_id: str | None = None  # the lexicon's id of a state, organisation or leader
    titles: str = ""  # the title words before a name, lower case ("defence minister")
    rank: int = 0  # for a pronoun or role noun: which of its antecedents it stands as
    antecedent: Mention | None = None  # what it was resolved to
    lexicon: str = ""  # the lexicon's kind of a name found there: state, alias, seat, org, leader, outlet
    full: str = ""  # a leader's full name in the lexicon ("Vladimir Putin" of "Putin"): its gender tells
    object: bool = False  # a pronoun object ("quoted him as saying"): not its own clause's subject
    described: str = ""  # a lower-case role noun right before a name ("Navy spokesman Ivo Lind": "spokesman")
    title_states: frozenset[str] = frozenset()  # states its titles name ("Russian President Anna Berg": RUS)
    gender: str = ""  # "f" or "m" where the article's own words tell it (textgender.py)


def name_kind(words: list[str]) -> str:
    if any(w.rstrip(".") in ORGANISATION_WORDS for w in words):
        return "org"
    if words and words[0] in SURNAME_PARTICLES:
        return "single"  # a surname led by its particle ("de la Fuente"), as a surname alone
    return "person" if len(words) >= 2 else "single"
