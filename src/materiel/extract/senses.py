"""Item words read by the words around them.

- A generic noun spelled out by the named systems after it ("missile systems like HIMARS",
  "radars, such as the S-400") means those systems: the names give the kind
  (HIMARS is artillery, the S-400 air defence), and the generic noun is no item of its own.
- A plain "gun" is an artillery piece right after a word of artillery ("big guns", "heavy guns")
  or beside talk of artillery in its sentence or the one before ("howitzers and guns", "guns and
  shells", "155mm guns"; each sign in its military sense: not "think tank", "5.56mm", "heavy
  machine-guns", "in the field") and a firearm elsewhere ("buying guns, combat airplanes and
  missiles", "handing out guns to militias"): FORMAT.md puts guns under artillery and rifles
  under small arms, and a bare "guns" names either. A gun with a word of its own before it
  ("field guns", "self-propelled guns", "anti-aircraft guns", "machine guns") is a compound the
  lexicon reads, and a named system before it ("Caesar guns") takes the system's kind.
- A head noun that only says what sort of thing its modifier is ("MRAP vehicles", "drone
  weapons") takes the modifier's category, unlike other compounds ("artillery rounds"), a
  platform's weapons ("tank weapons"), a weapon's vehicles ("missile vehicles") and weapons
  against it ("anti drone weapons").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol, TypeVar


class _Mention(Protocol):
    id: str | None
    name: str
    text: str
    start: int
    end: int


M = TypeVar("M", bound=_Mention)

# A bare gun word, as the lexicon finds it with no compound before it.
BARE_GUN = re.compile(r"guns?", re.IGNORECASE)

# Words in the sentence that make a bare gun a piece of artillery, each in its military sense.
ARTILLERY_SIGNS = re.compile(
    r"""\b(?:artiller\w*                       # "artillery", "artillerymen"
        |howitzers?                            # another piece of the kind
        |(?<!brick\ and\ )(?<!bricks\ and\ )mortars?   # a piece, not a builder's "bricks and mortar"
        |(?<!water\ )(?<!water-)cannons?       # a piece, not a police "water cannon"
        |shells|shelling|shelled|projectiles?  # what guns fire (not "a shell company", "Shell")
        |(?<!small-)(?<!small\ )calib(?:re|er)s?   # a bore ("large-calibre"), not "small-calibre"
        |(?<![\d.,])(?:[2-9]\d|[1-9]\d\d)(?:[.,]\d)?\s?-?(?:mm|millimet(?:re|er))   # a bore of 20 mm or more
                                               # ("155mm", "105-mm"), not a rifle's "5.56mm"
        |barrels?(?!\ of\ (?:oil|crude|fuel|diesel|petrol|gasoline)|\ (?:per|a)\ day)
                                               # a barrel's wear, not "barrels of oil", "barrels a day"
        |counter-battery|out-?range[sd]?       # an artillery duel
        |HIMARS|MLRS|rocket\ launchers?        # rocket artillery beside them
        |self-propelled|anti-tank|anti-armou?r
        |(?<!think\ )(?<!think-)(?<!fuel\ )(?<!water\ )(?<!storage\ )(?<!septic\ )(?<!oil\ )tanks?
                                               # the weapon, not a "think tank" or a "fuel tank"
        )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A word right before the gun that makes it a piece of artillery ("big guns", "heavy guns",
# "field guns", "naval guns", "towed guns"); elsewhere in the sentence it is in another sense
# ("heavy machine-guns", "in the field").
ARTILLERY_BEFORE = re.compile(r"(?<![\w-])(?:big|heavy|field|naval|navy|coastal|deck|towed)[\s-]+\Z", re.IGNORECASE)
# How far before a gun its own word is looked for: the longest word of ARTILLERY_BEFORE and a space.
BEFORE_REACH = 12
# Sentence ends around a mention: a stop and its spaces, or line breaks.
STOP = re.compile(r"[.!?][\"”’)]*\s+|\n+")


def firearms(text: str, mentions: list[M], before: str = "") -> list[M]:
    """The mentions with a bare gun read as small arms where neither a word right before it
    (ARTILLERY_BEFORE) nor its sentence or the one before (ARTILLERY_SIGNS) is of artillery;
    `before` is the text before `text` (the paragraphs above it), for its last sentence."""
    out = []
    for mention in mentions:
        if (
            mention.id == "artillery"
            and BARE_GUN.fullmatch(mention.text)
            and not _artillery(before + text, mention, len(before))
        ):
            mention = replace(mention, id="small-arms", name="small-arms")  # type: ignore[type-var]
        out.append(mention)
    return out


def _artillery(text: str, mention: _Mention, shift: int) -> bool:
    start, end = mention.start + shift, mention.end + shift
    word = ARTILLERY_BEFORE.search(text, max(0, start - BEFORE_REACH), start)
    return word is not None or ARTILLERY_SIGNS.search(_scope(text, start, end)) is not None


def _scope(text: str, start: int, end: int) -> str:
    """The sentence of text[start:end] and the sentence before it, in its paragraph or the one
    before (a news paragraph is often one sentence): "Ukraine is short of artillery shells. The
    United States sent more guns." """
    stops = list(STOP.finditer(text, 0, start))
    begin = stops[-2].end() if len(stops) > 1 else 0
    stop = STOP.search(text, end)
    return text[begin : stop.start() if stop else len(text)]


# Between a generic noun and the first of the named systems that spell it out: a class word it
# heads, then the words that introduce examples ("missile systems such as", "radars, like the").
SPELLED_OUT = re.compile(
    r"""(?:\s+(?:systems?|weapons?|equipment|platforms?))?   # "missile systems", "radar equipment"
      ,?\s+(?:such\s+as|like|including|notably|namely)      # the examples' introduction
      \s+(?:the\s+)?""",
    re.IGNORECASE | re.VERBOSE,
)
# Generic nouns that stay beside their examples: a package and its contents are both reported.
PACKAGES = {"unspecified", "funding"}


def spelled_out(text: str, mentions: list[M], named: set[int]) -> list[M]:
    """The mentions less a generic noun of another kind than the named system (its start in
    `named`) that follows it as an example (SPELLED_OUT)."""
    out = []
    for index, mention in enumerate(mentions):
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            following is not None
            and following.start in named
            and mention.start not in named
            and mention.id not in PACKAGES
            and following.id != mention.id
            and SPELLED_OUT.fullmatch(text, mention.end, following.start)
        ):
            continue
        out.append(mention)
    return out


# Head nouns that say only what sort of thing the modifier before them is, each with the kinds of
# modifier it passes: "MRAP vehicles" are MRAPs and "mortar weapons" mortars, but a weapon's vehicle
# carries it ("missile vehicles", "ammunition vehicles") and a platform's weapons arm it ("tank
# weapons", "helicopter weapons"): those keep the head's own category.
VEHICLE_KINDS = frozenset({"armored-vehicles", "drones"})
WEAPON_KINDS = frozenset({"artillery", "missiles", "air-defense", "small-arms", "drones"})
HYPERNYM_HEADS = {"vehicle": VEHICLE_KINDS, "weapon": WEAPON_KINDS, "weaponry": WEAPON_KINDS}
# "anti" or "counter" before the modifier makes it what the head is used against ("anti drone
# weapons", as "anti-drone weapons"): its category does not pass.
AGAINST_BEFORE = re.compile(r"\b(?:anti|counter)[\s-]*$", re.IGNORECASE)


def hypernym_head(text: str, modifier: _Mention, head: _Mention) -> bool:
    """Whether the compound `modifier head` ("MRAP vehicles") takes the modifier's category."""
    word = head.text.lower()
    kinds = HYPERNYM_HEADS.get(word) or HYPERNYM_HEADS.get(word.removesuffix("s"), frozenset())
    against = AGAINST_BEFORE.search(text, max(0, modifier.start - len("counter ")), modifier.start)
    return modifier.id in kinds and against is None


# Between a missile and the air-defence system that fires it: "for" and a determiner or an
# owner ("missiles for the Patriot batteries", "AMRAAMs for Ukraine's NASAMS", "rockets for its
# air defences"); at most two words of the owner.
FOR_SYSTEM = re.compile(
    r"""\s+for\s+
      (?:(?:the|its|their|these|those|his|her|our|[A-Z][\w-]*'s?)\s+)?   # a determiner or an owner
      (?:[\w-]+\s+)?                                                       # one word more: "the existing"
      \Z""",
    re.VERBOSE,
)


# Between a named air-defence system and a bare missile word joined to it: the system's own noun,
# then a conjunction ("Patriot launchers and missiles", "IRIS-T systems plus missiles for them").
AND_ITS_MISSILES = re.compile(
    r"""(?:\s+(?:launchers?|systems?|batter(?:y|ies)|units?|fire\s+units?))?   # the system's noun
      ,?\s+(?:and|plus|with|as\s+well\s+as|along\s+with)\s+
      (?:(?:their|its|the|more|extra|additional|spare)\s+)?\Z""",
    re.VERBOSE | re.IGNORECASE,
)
BARE_MISSILE = re.compile(r"missiles?", re.IGNORECASE)


def interceptors(text: str, mentions: list[M], named: set[int]) -> list[M]:
    """The mentions with a missile for an air-defence system ("missiles for IRIS-T systems"), or a
    bare missile word joined to a named one ("Patriot launchers and missiles"), read as that
    system's interceptor: GUIDE.md puts air-defence systems and their interceptors under air
    defence. `named` holds the starts of named systems."""
    out: list[M] = []
    for index, mention in enumerate(mentions):
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        before = out[-1] if out else None
        if mention.id == "missiles" and (
            (
                following is not None
                and following.id == "air-defense"
                and FOR_SYSTEM.match(text[mention.end : following.start])
            )
            or (
                before is not None
                and before.id == "air-defense"
                and before.start in named
                and BARE_MISSILE.fullmatch(mention.text)
                and AND_ITS_MISSILES.match(text[before.end : mention.start])
            )
        ):
            mention = replace(mention, id="air-defense", name="air-defense")  # type: ignore[type-var]
        out.append(mention)
    return out


# Words before a vehicle that make it armoured, one or two words apart ("armoured combat support
# vehicles", "mine-protected patrol vehicles", "protected mobility vehicles").
ARMOURED_BEFORE = re.compile(
    r"""(?<![\w-])(?:armou?red|mine-protected|protected)[\s-]+
      (?:(?!(?:and|or|but|with|to|for|of|from|in|on|as|than|plus)\b)[a-z][a-z-]*[\s-]+){0,2}\Z""",
    re.IGNORECASE | re.VERBOSE,
)
BARE_VEHICLE = re.compile(r"vehicles?", re.IGNORECASE)
# How far before a vehicle its armour word is looked for: the word and two more.
ARMOUR_REACH = 48


def armoured(text: str, mentions: list[M]) -> list[M]:
    """The mentions with a bare vehicle read as an armoured vehicle after a word of armour
    (ARMOURED_BEFORE)."""
    out = []
    for mention in mentions:
        if BARE_VEHICLE.fullmatch(mention.text) and ARMOURED_BEFORE.search(
            text, max(0, mention.start - ARMOUR_REACH), mention.start
        ):
            mention = replace(mention, id="armored-vehicles", name="armored-vehicles")  # type: ignore[type-var]
        out.append(mention)
    return out
