"""Item mentions side by side read as one (`lexicon.find_items` applies them): a named system and
the generic noun after it ("Stinger missiles", "Patriot PAC-3 missiles", "HIMARS rockets"), and two
generic terms that make one compound ("artillery rounds"); and of mentions that overlap, the first
and longest kept (`drop_nested`)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from materiel.extract.senses import hypernym_head

if TYPE_CHECKING:
    from materiel.extract.lexicon import Mention

# A model's mark between a named system and its noun ("Patriot 3 missiles", "Patriot PAC-3 MSE
# missiles"): one digit, or capitals with digits; a larger number is a count ("IRIS-T, 40 missiles"),
# but not after a word of marks ("Merkava Mk 4 tanks", "F-16 Block 70 jets", "Challenger Mark 3");
# or the model's own name written in one word with inner capitals ("MQ-9B SkyGuardian aircraft").
DESIGNATOR = re.compile(
    r"""[\s-]+(?:(?:\d|[A-Z][A-Z0-9-]*|\d[A-Z][A-Z0-9]*|(?:Mk|Mark|Block|Batch)\.?[\s-]*\d+[A-Z]?
                 |[A-Z][a-z]+[A-Z][a-z]+)[\s-]+){1,2}""",
    re.VERBOSE,
)
# Words that describe a named system before a noun that only names its sort ("Bushmaster protected
# mobility vehicles", "Javelin shoulder-fired weapons"): one to three lowercase words, none a word
# that ends the noun phrase (a conjunction, a preposition, a verb of being or having).
DESCRIBED = re.compile(
    r"""[\s-]+(?:(?!(?:and|or|but|with|to|for|of|from|in|on|at|by|as|than|that|which|who|
                   is|are|was|were|be|been|has|have|had|will|would|can|could|also|plus)\b)
               [a-z][a-z-]*[\s-]+){1,3}""",
    re.VERBOSE,
)
# Generic nouns that only name the sort of a named system described before them (DESCRIBED).
SORT_NOUNS = re.compile(r"(?:vehicles?|weapons?|weaponry)", re.IGNORECASE)


# A noun after a launcher's name and its munition's word that makes the whole the launcher again:
# "HIMARS missile systems", "MLRS rocket launchers" (what fires, not what is fired).
LAUNCHER_HEAD = re.compile(r"[\s-]+(?:systems?|launchers?|launch\s+systems?|batter(?:y|ies))\b", re.IGNORECASE)


def merge_adjacent(text: str, kept: list[Mention], named: list[Mention]) -> list[Mention]:
    """The mentions with each pair side by side made one: a named system and the noun after it,
    or two generic terms (a compound)."""
    out: list[Mention] = []
    for mention in kept:
        previous = out[-1] if out else None
        gap = text[previous.end : mention.start] if previous is not None else ""
        adjacent = previous is not None and (
            gap.strip(" -") == "" or (previous in named and _named_then_noun(gap, mention))
        )
        if adjacent and previous in named and mention not in named:
            out[-1] = _system_and_noun(text, previous, mention)
        elif adjacent and previous not in named and mention not in named:
            # English compounds take the category of their head, the last noun: "artillery rounds";
            # a head that only says what sort of thing it is takes its modifier's ("MRAP vehicles")
            kind = previous if hypernym_head(text, previous, mention) else mention
            out[-1] = replace(kind, text=text[previous.start : mention.end], start=previous.start, end=mention.end)
        else:
            out.append(mention)
    return out


def _system_and_noun(text: str, system: Mention, noun: Mention) -> Mention:
    """A named system and the generic noun after it as one mention: "Stinger missiles" are the
    system; "HIMARS ammunition" and "HIMARS rockets" are what the system fires, named by the head
    noun; "HIMARS missile systems" are the launchers."""
    fired = noun.id == "ammunition" or (
        system.id == "artillery" and noun.id == "missiles" and not LAUNCHER_HEAD.match(text, noun.end)
    )
    kept_id = noun.id if fired or _airframe(system, noun) else system.id
    return replace(system, id=kept_id, name=kept_id, text=text[system.start : noun.end], end=noun.end)


def _named_then_noun(gap: str, noun: Mention) -> bool:
    """Does the noun after a named system and `gap` name the system: after a model's mark
    ("Patriot PAC-3 missiles"), or a sort noun after words that describe it ("Bushmaster protected
    mobility vehicles")?"""
    return DESIGNATOR.fullmatch(gap) is not None or (
        DESCRIBED.fullmatch(gap) is not None and SORT_NOUNS.fullmatch(noun.text) is not None
    )


# Categories of named systems that share a name with an aircraft ("Hawk" missiles and the Hawk
# trainer jet): the aircraft noun after the name decides.
SHARED_NAMES = {"air-defense", "missiles"}


def _airframe(named: Mention, noun: Mention) -> bool:
    """A missile's name before an aircraft noun names the aircraft ("Hawk trainer jets", "Hawk
    aircraft"); before "missiles" or "batteries" it keeps its own ("Hawk missiles")."""
    return named.id in SHARED_NAMES and noun.id == "aircraft"


def drop_nested(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
