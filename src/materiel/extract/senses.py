"""Item words read by the words around them.

- A generic noun spelled out by the named systems after it ("missile systems like HIMARS",
  "radars, such as the S-400") means those systems: the names give the kind
  (HIMARS is artillery, the S-400 air defence), and the generic noun is no item of its own.
- A plain "gun" is an artillery piece in a sentence about artillery ("howitzers and guns",
  "guns and shells", "155mm guns") and a firearm elsewhere ("buying guns, combat airplanes and
  missiles", "handing out guns to militias"): FORMAT.md puts guns under artillery and rifles
  under small arms, and a bare "guns" names either. A gun with a word of its own before it
  ("field guns", "self-propelled guns", "anti-aircraft guns", "machine guns") is a compound the
  lexicon reads, and a named system before it ("Caesar guns") takes the system's kind.
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

# Words in the sentence that make a bare gun a piece of artillery.
ARTILLERY_SIGNS = re.compile(
    r"""\b(?:artiller\w*                       # "artillery", "artillerymen"
        |howitzers?|mortars?|cannons?          # other pieces of the kind
        |shells?|shelling|projectiles?         # what guns fire
        |calib(?:re|er)s?|\d+\s?mm             # a bore ("155mm", "large-calibre")
        |barrels?|counter-battery|out-?range[sd]?  # a barrel's wear, an artillery duel
        |HIMARS|MLRS|rocket\ launchers?        # rocket artillery beside them
        |self-propelled|towed|tank|tanks|anti-tank|anti-armou?r
        |big|heavy|field|naval|coastal|deck     # words before an artillery gun
        )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Sentence ends around a mention: a stop and its spaces, or line breaks.
STOP = re.compile(r"[.!?][\"”’)]*\s+|\n+")


def firearms(text: str, mentions: list[M]) -> list[M]:
    """The mentions with a bare gun read as small arms where its sentence has no sign of artillery
    (ARTILLERY_SIGNS)."""
    out = []
    for mention in mentions:
        if mention.id == "artillery" and BARE_GUN.fullmatch(mention.text) and not _artillery(text, mention):
            mention = replace(mention, id="small-arms", name="small-arms")  # type: ignore[type-var]
        out.append(mention)
    return out


def _artillery(text: str, mention: _Mention) -> bool:
    starts = [m.end() for m in STOP.finditer(text, 0, mention.start)]
    end = STOP.search(text, mention.end)
    sentence = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
    return ARTILLERY_SIGNS.search(sentence) is not None


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
