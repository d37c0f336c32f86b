"""Lexicons as data (JSON beside this module) compiled into mention finders.

A mention is a matched name with its character span: an actor (state, organisation), an item
(materiel term with its category) or an outlet. Matching is by compiled regular expressions,
longest name first, so "South Korea" wins over "Korea" and "Leopard 2" over "Leopard".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import pycountry

from materiel.extract.civilian import civilian, without_bare_money
from materiel.extract.compounds import drop_nested, merge_adjacent
from materiel.extract.lookback import ends_before
from materiel.extract.notitems import mounted_guns, not_an_item
from materiel.extract.placed import begins_a_place, names_a_person, placed_spans
from materiel.extract.senses import armoured, firearms, interceptors, spelled_out
from materiel.extract.sharedheads import shared_heads
from materiel.extract.spellings import JOINT_IN_TEXT, closed_up, fold
from materiel.trie import trie_pattern


@dataclass(frozen=True)
class Mention:
    id: str | None
    name: str  # canonical name (for items: the category)
    text: str  # as written
    start: int
    end: int
    kind: str  # state, alias, demonym, seat, org, leader, item, outlet
    lethal: bool | None = None


def load(name: str) -> dict:
    return json.loads(resources.files("materiel.extract").joinpath("lexicons", name).read_text("utf-8"))


# A name is a whole word, or the first half of a supply participle: "British-supplied missiles"
# name their supplier ("Swiss-made" names a maker, which is not one).
SUPPLY_PARTICIPLE = r"-(?:supplied|provided|donated|delivered|gifted)\b"
# A maker participle makes a state's name an adjective that names its maker, whichever form of
# the name it takes ("German-made", "Dutch-built", "US-built", "U.S.-produced"): the participle
# is part of the name, so the parse hangs the whole of it on the item like a demonym.
MAKER_PARTICIPLE = r"-(?:made|built|produced|manufactured)"
# Kinds of a state's own name that a maker participle turns into a demonym.
STATE_KINDS = ("state", "alias", "demonym")


class Finder:
    """Finds the names of one lexicon in text; each name maps to (id, canonical, kind, extra).
    A case-blind lexicon reads a hyphen and a space alike (spellings.JOINT)."""

    def __init__(self, names: dict[str, tuple], ignore_case: bool, plural: bool = False, makers: bool = False) -> None:
        self.names = {fold(k) if ignore_case else k: v for k, v in names.items()}
        self.ignore_case = ignore_case
        alternation = trie_pattern(sorted(self.names) if ignore_case else list(names))
        if ignore_case:
            alternation = alternation.replace(r"\ ", JOINT_IN_TEXT)
        suffix = r"(?:s|es)?" if plural else ""
        suffix += rf"(?P<maker>{MAKER_PARTICIPLE})?" if makers else ""
        flags = re.IGNORECASE if ignore_case else 0
        ending = rf"(?:(?![\w-])|(?={SUPPLY_PARTICIPLE}))"
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternation}){suffix}{ending}", flags)

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        found = []
        for match in self.pattern.finditer(text):
            maker = match.groupdict().get("maker")
            key = self._key(match.group()[: match.start("maker") - match.start()] if maker else match.group())
            if key is None:
                continue
            ident, canonical, kind, extra = self.names[key]
            kind = "demonym" if maker and kind in STATE_KINDS else kind
            found.append(
                Mention(ident, canonical, match.group(), offset + match.start(), offset + match.end(), kind, extra)
            )
        return found

    def _key(self, written: str) -> str | None:
        key = fold(written) if self.ignore_case else written
        if key in self.names:
            return key
        for suffix in ("es", "s"):
            if key.endswith(suffix) and key[: -len(suffix)] in self.names:
                return key[: -len(suffix)]
        return None


@cache
def actor_finder() -> Finder:
    data = load("actors.json")
    names: dict[str, tuple] = {}
    canonical = _canonical_names(data)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and value not in data["exclude"]:
                names[value] = (country.alpha_3, canonical.get(country.alpha_3, value), "state", None)
    for kind in ("alias", "demonym", "seat", "org", "maker"):
        for ident, words in data[kind].items():
            for word in words:
                names[word] = (ident, canonical.get(ident, word), kind, None)
    for ident, words in data["demonym"].items():
        for word in plural_demonyms(words):
            names.setdefault(word, (ident, canonical.get(ident, word), "demonym", None))
    for leader in data["leader"]:
        for word in leader["names"]:
            names[word] = (leader["id"], leader["names"][0], "leader", (leader["from"], leader["to"]))
    return Finder(names, ignore_case=False, makers=True)


# A demonym's noun for the people takes the plural "-s" whatever the state ("Armenians",
# "Georgians", "Estonians", "Filipinos", "Iraqis", as "Ukrainians"); the lexicon lists it for only
# some states, so the rest are made by rule. A demonym ending in a sibilant or "-ese" has no
# such plural ("the French", "the Swiss", "the Chinese"), nor an adjective in "-ic" ("Icelandic").
NO_PLURAL_S = re.compile(r"(?:ch|sh|s|z|x|ese|ic)$")


def plural_demonyms(words: list[str]) -> list[str]:
    """The plurals in "-s" that a state's demonyms take and the lexicon does not list."""
    return [f"{w}s" for w in words if not NO_PLURAL_S.search(w) and f"{w}s" not in words and not w.endswith("s")]


def _canonical_names(data: dict) -> dict[str, str]:
    out = {ident: words[1] if ident == "USA" else words[0] for ident, words in data["alias"].items()}
    out.update({ident: words[1] if len(words) > 1 else words[0] for ident, words in data["org"].items()})
    for country in pycountry.countries:
        out.setdefault(country.alpha_3, getattr(country, "common_name", None) or country.name)
    return out


@cache
def item_finders() -> tuple[Finder, Finder]:
    data = load("items.json")
    generic = closed_up({k: (v[0], v[0], "item", v[1]) for k, v in data["generic"].items()})
    systems = {k: (v[0], v[0], "item", v[1]) for k, v in data["systems"].items()}
    return Finder(generic, ignore_case=True, plural=True), Finder(systems, ignore_case=False, plural=True)


@cache
def outlet_finder() -> Finder:
    data = load("media.json")
    names = {alias: (None, name, "outlet", None) for name, aliases in data["outlets"].items() for alias in aliases}
    return Finder(names, ignore_case=False)


# A union of states named before a word for states around it ("NATO allies", "the EU's
# partners") or a bare word for states ("NATO countries", "EU states") means some states, and the
# text does not say which: no actor (the gold's null for "allies", "partners" with no names). Before
# "member states/countries/nations" or "members" ("NATO member countries", "G7 members") it stays
# the union, as the gold reads it (actors.json, "unions_of_states").
MEMBERS_AFTER = re.compile(
    r"""(?:'s)?\s+(?:fellow\s+)?           # "NATO's allies", "NATO fellow allies"
      (?:allies|partners                  # states around the union, not its members
      | countries|states|nations|governments  # a bare word for states: some, unnamed
      )\b""",
    re.VERBOSE | re.IGNORECASE,
)


# A union of states after "non-" ("a non-NATO country") names the states outside it, and after an
# indefinite word before one member ("a NATO member", "an EU country", "any NATO ally") names one
# member the text does not name: neither is the union.
ONE_MEMBER_BEFORE = re.compile(
    r"""(?:\bnon-                         # "non-NATO", "non-EU": outside the union
      | \b(?:a|an|any|another|one|every|each)\s+(?:other\s+)?  # one unnamed member, "any other EU state"
      )$""",
    re.VERBOSE | re.IGNORECASE,
)
# A singular word for one state after the union ("member", not "members": the gold's union).
ONE_MEMBER_AFTER = re.compile(r"[\s-]+(?:member|country|state|nation|government|ally|partner)\b", re.IGNORECASE)


def _one_member(text: str, mention: Mention) -> bool:
    """Does a union's mention stand for one unnamed member, or for the states outside it?"""
    before = text[max(0, mention.start - 20) : mention.start]
    if not ONE_MEMBER_BEFORE.search(before):
        return False
    return before.lower().endswith("non-") or ONE_MEMBER_AFTER.match(text, mention.end) is not None


@cache
def _unions_of_states() -> frozenset[str]:
    return frozenset(load("actors.json")["unions_of_states"])


def union_of_states(actor_id: str) -> bool:
    """Is the actor an alliance or union of states (NATO, the EU), not a group of its own?"""
    return actor_id in _unions_of_states()


# After a demonym, nouns of an armed group that fights its own or another state's government
# ("Syrian rebel groups", "Libyan militias", "the Venezuelan opposition"): the demonym says where
# the group is from; the group is no state, and the state is no party to what the group gets.
ARMED_GROUP_AFTER = re.compile(
    r"""\s+(?:(?:rebel|opposition|insurgent|militant|separatist|jihadist|islamist|anti-government)
            \s+(?:groups?|fighters|forces|factions?|movements?)      # "rebel groups", "opposition forces";
                                                                    # not "armed forces": the state's own
      | rebels?|insurgents?|insurgency|militias?|militiamen|militants?  # the armed group itself
      | separatists?|guerrillas?|guerillas?|jihadists?|opposition
      )\b""",
    re.IGNORECASE | re.VERBOSE,
)


@cache
def _placed_names() -> dict[str, str]:
    return load("actors.json")["placed"]


def _placed(text: str) -> list[Mention]:
    """Excluded names that the sentence shows to be the state (placed.py)."""
    return [Mention(i, name, name, start, end, "state") for i, name, start, end in placed_spans(text, _placed_names())]


# A round count of people before a demonym's plural ("thousands of Armenians fled", "hundreds of
# Georgians rallied"): some of the people, who do not act as their state does. "Many" and a share
# ("73 percent of Americans say") are left as they were: a poll's answer, read by attribution.py.
COUNTED_PEOPLE = re.compile(r"\b(?:tens|hundreds|thousands|millions|dozens|scores)\ of\s+\Z", re.IGNORECASE)
COUNTED_PEOPLE_WORDS = 2  # the most words it spans: "thousands of"
PLURAL_PEOPLE = re.compile(r"[^s]s\Z")  # "Armenians", not an adjective ("Armenian") nor "Swiss"


def _people_counted(text: str, mention: Mention) -> bool:
    """The demonym is the people's plural after a count of people (COUNTED_PEOPLE)."""
    plural = PLURAL_PEOPLE.search(mention.text) is not None
    return plural and ends_before(COUNTED_PEOPLE, text, mention.start, COUNTED_PEOPLE_WORDS) is not None


def find_actors(text: str, year: int | None = None) -> list[Mention]:
    """Actor mentions, leaders only when they held office in `year` (when it is known),
    organisations not when they stand for some of their members, and no demonym that only says
    where an armed group is from (ARMED_GROUP_AFTER) or counts people (COUNTED_PEOPLE), nor a place
    inside an outlet's or an institute's name ("the Washington Post", "India Today", "the Stockholm
    International Peace Research Institute") or of a place ("China Lake"), which names no state acting."""
    found = _placed(text)
    named = [(o.start, o.end) for o in outlet_finder().find(text)]
    for mention in actor_finder().find(text):
        if _inside(mention, named) or begins_a_place(text, mention.kind, mention.end):
            continue
        if names_a_person(text, mention.kind, mention.start, mention.end):
            continue  # "Defence Minister Israel Katz", "Jordan Bardella said": a person, not the state
        if mention.kind == "leader" and year is not None and mention.lethal is not None:
            start, end = mention.lethal  # type: ignore[misc]
            if not start <= year <= end:
                continue
        if mention.id in _unions_of_states() and (MEMBERS_AFTER.match(text, mention.end) or _one_member(text, mention)):
            continue
        if mention.kind == "demonym" and (ARMED_GROUP_AFTER.match(text, mention.end) or _people_counted(text, mention)):
            continue
        if text.startswith(DOLLAR_SIGN, mention.end):
            continue  # "US$4 billion" names a currency, not a state acting
        found.append(_in_its_time(mention, year))
    found.sort(key=lambda m: m.start)
    return _groups_with_origin(text, found)


# The sign after a state's short name that makes it its currency: "US$4 billion", "NZ$50 million".
DOLLAR_SIGN = "$"


def _inside(mention: Mention, names: list[tuple[int, int]]) -> bool:
    """The mention is part of a longer name ("Washington" in "the Washington Post")."""
    length = mention.end - mention.start
    return any(start <= mention.start and mention.end <= end and end - start > length for start, end in names)


# Before the Soviet Union's end, Russia, Moscow and the Kremlin stood for it (actors.json, SUN):
# an article published before 1992 means the Soviet Union by them.
SOVIET_UNTIL = 1991


def _in_its_time(mention: Mention, year: int | None) -> Mention:
    if mention.id == "RUS" and year is not None and year <= SOVIET_UNTIL:
        return replace(mention, id="SUN", name="Soviet Union")
    return mention


def _groups_with_origin(text: str, found: list[Mention]) -> list[Mention]:
    """A demonym right before an armed group's name says where the group is from ("Nicaraguan
    Contra rebels", "Lebanese Hezbollah"): one mention of the group, from the demonym on."""
    out: list[Mention] = []
    for mention in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind == "demonym"
            and mention.kind == "org"
            and text[previous.end : mention.start].strip() == ""
        ):
            out[-1] = replace(mention, text=text[previous.start : mention.end], start=previous.start)
            continue
        out.append(mention)
    return out


# A compound's hyphen with a space beside it, as a broken line or a typo leaves it ("anti- aircraft
# missiles", "anti -aircraft systems"): the first half of the compound words of items.json.
BROKEN_HYPHEN = re.compile(r"\b(anti|counter|surface|air|self|man|long)(?:\ -|-\ )(?=\w)", re.IGNORECASE | re.VERBOSE)


def _joined(text: str) -> str:
    """The text with broken compounds joined, the space put before them so that offsets hold."""
    return BROKEN_HYPHEN.sub(lambda m: f" {m[1]}-", text)


def find_items(text: str, before: str = "") -> list[Mention]:
    """Item mentions; a named system absorbs the generic noun right after it ("Stinger missiles"),
    and two generic terms side by side are one compound named by the second ("artillery rounds").
    `before` is the text above `text`, whose last sentence reads a bare gun (senses.firearms)."""
    text = _joined(text)
    generic, systems = item_finders()
    named = systems.find(text)
    found = sorted(generic.find(text) + named, key=lambda m: (m.start, -m.end))
    out = shared_heads(text, merge_adjacent(text, drop_nested(found), named), _compound, named)
    kept = mounted_guns(
        text, [m for m in out if not civilian(text, m, actor_finder()) and not not_an_item(text, m, m in named)]
    )
    kept = without_bare_money(text, kept)
    starts = {m.start for m in named}
    return firearms(text, armoured(text, interceptors(text, spelled_out(text, kept, starts), starts)), before)


def _compound(text: str) -> list[Mention]:
    """The generic terms of a compound on its own, side by side made one ("tank ammunition")."""
    generic, _ = item_finders()
    return merge_adjacent(text, drop_nested(sorted(generic.find(text), key=lambda m: (m.start, -m.end))), [])


# A generic noun that is one member of a list with named items is a kind of its own there ("troops,
# weapons and ammunition", "arms, ammunition, and equipment"), not a word pointing back at them.
LIST_AFTER = re.compile(
    r"""\A,?\s+(?:and|or|plus|as\ well\ as)\s    # "weapons and ammunition", "arms, and shells"
      | \A\s*,\s+                                 # "arms, ammunition and training": a comma, then
        (?!(?:includes|such|notably|like|namely|especially|particularly|mainly|mostly)\b)
                                                  # not what the generic holds ("arms, notably")
        (?!(?:\w+ing|which|who|that|while|as|but|the|its|their)\b)
                                                  # nor a clause on it ("arms, buying jets and")
        [\w\ -]{1,40}?,?\s+(?:and|or)\s           # the next members, up to the list's last one""",
    re.IGNORECASE | re.VERBOSE,
)
# The last member of a list: "equipment and munitions, and weapons", "tanks or other arms".
LIST_BEFORE = re.compile(r"\w,?\s+(?:and|or)\s+(?:other\s+)?\Z", re.IGNORECASE)


def listed(text: str, start: int, end: int) -> bool:
    """Whether the words at text[start:end] are one member of a list ("X, Y and Z")."""
    return LIST_AFTER.match(text[end:]) is not None or LIST_BEFORE.search(text[:start]) is not None
