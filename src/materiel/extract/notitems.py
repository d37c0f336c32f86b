"""Item words that name no materiel in their place: a round of talks, a body's name, trade goods.

Each rule looks only at the words around one item mention (`lexicon.find_items` applies them):
- "round" counts ammunition, but "a fresh round of sanctions", "several rounds of negotiations"
  and "the second round" of an election count nothing moved;
- an item word inside the capitalised name of a body ("the International Security Assistance
  Force", "the Missile Defense Agency") names the body, not aid or a weapon;
- a plain aid word in a sentence about civilian aid ("£4 billion in non-military support,
  including £600 million of bilateral assistance") is that aid;
- a plain "aircraft" or "vehicles" listed with civilian trade goods ("U.S. goods, including
  liquefied natural gas, soybeans and aircraft", "motor vehicles and parts") is commerce;
- an item named only as a yardstick ("compared to the British Storm Shadow", "cheaper than the
  ATACMS", "similar to the Patriot") is a reference, not what is moved;
- an item word that names what a business makes ("a German tank maker", "the drone
  manufacturer", "the arms industry", "a maker of armoured vehicles") names the business, not
  materiel;
- a named system's bare name right before a verb of speech ("Archer said", "The Lancet
  reported") is a speaker, not the system of that name (not "Archer howitzers reported to fire");
- a singular "radio" that broadcasts ("state radio said", "told Army Radio", "Radio Liberty", "a
  radio interview", "a local radio station") is a source, not a set moved ("30 radio stations",
  "radio sets", "radio communication systems" are sets); a plain "fuel" traded ("fuel exports", "fuel
  prices") is commerce; a plain "boat" of a civilian trade ("fishing boats", "firefighting
  boats") is no warship;
- a plain generator or transformer sent for civilian use ("generators to repair power stations",
  "generators for Kyiv's hospitals") is energy aid, unless an army is named in the sentence;
- `mounted_guns` (over a sentence's mentions): a gun or calibre on a tank, ship or aircraft named
  before it ("tanks armed with a 120mm gun", "frigates with 76mm guns") is part of that platform.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar


class _Mention(Protocol):
    id: str | None
    text: str
    start: int
    end: int


# "round(s) of" what is not ammunition: within three words after "of" no ammunition word
# ("rounds of 155mm artillery ammunition" stays; "rounds of negotiations over the price" goes).
ROUNDS_OF_OTHER = re.compile(
    r"""\s+of\s+
    (?!\d)                                     # "rounds of 7.62mm" counts cartridges
    (?!(?:[\w-]+\s+){0,3}?                     # up to three words before the noun
       (?:ammunition|ammo|shells?|munitions?|bullets?|cartridges?|artillery|mortars?
         |rockets?|grenades?|missiles?|fire)\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A singular "round" after these words is a stage of talks, votes or sanctions ("the second
# round", "a fresh round"), whatever follows it.
STAGE_ROUND = re.compile(
    r"""\b(?:first|second|third|fourth|fifth|final|next|fresh|latest|another|previous|last
        |opening|decisive|runoff|run-off|further)\s+$""",
    re.IGNORECASE | re.VERBOSE,
)
ROUND_WORDS = {"round", "rounds"}

# A broadcaster's "radio": words after it of speech or of what it carries ("radio said", "a radio
# interview", "radio signals"), or before it of who runs it or where one hears it ("state radio",
# "told the radio", "speaking to the radio"); "to radio sets", "spend on radio systems" are sets.
BROADCAST_AFTER = re.compile(
    r"""\s+(?:said|says|reported|reports|quoted|cited|broadcast|aired
        |interview|address|host|programme|program|show|channel|network
        |signals?|traffic|frequenc(?:y|ies)|waves?|silence)\b   # what a radio carries, no set""",
    re.IGNORECASE | re.VERBOSE,
)
BROADCAST_BEFORE = re.compile(
    r"""\b(?:state|state-run|state-owned|public|national|local|talk|told)\s+(?:the\s+)?$  # who runs it
    |\b(?:on|over|to)\s+the\s+$                                        # "on the radio", "to the radio"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words after "radio" (or "radio station(s)") that make it a set: what it is as equipment ("radio
# sets", "radio station equipment", "radio communication systems") or a set's model ("R-123").
RADIO_SET_AFTER = re.compile(
    r"""(?:\s+stations?)?\s+
    (?:sets?|equipment|gear|kits?|units?|devices?|systems?|communications?|transmitters?|receivers?
      |transceivers?|terminals?
      |(?-i:[A-Z]+-?\d+))\b   # a model's name, in capitals ("R-123", "PRC-152")""",
    re.IGNORECASE | re.VERBOSE,
)
STATION_AFTER = re.compile(r"\s+station(s)?\b", re.IGNORECASE)
# Words right before "radio station(s)" that make them sets: their count or the kind of a set
# ("30 radio stations", "portable radio stations", "a mobile radio station").
RADIO_SET_BEFORE = re.compile(
    r"""(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|hundreds\s+of|thousands\s+of
      |portable|mobile|military|tactical|field|digital|secure|encrypted|hand-?held|man-?pack|vehicle
      |VHF|UHF|HF|short-?wave|two-way|satellite)\s+$""",
    re.IGNORECASE | re.VERBOSE,
)
# Words right before plural "radio stations" that make them broadcasters: a determiner or an
# owner ("the radio stations", "local radio stations", "the country's radio stations"); a bare
# plural ("sent radio stations, generators and ...") is sets.
STATIONS_OWNER_BEFORE = re.compile(
    r"""\b(?:the|these|those|its|their|his|her|our|some|all|local|state|state-run|state-owned|public
      |national|regional|independent|commercial|private|community|pirate|foreign|[\w]+'s)\s+$""",
    re.IGNORECASE | re.VERBOSE,
)
# A verb of speech right after a named system's bare name makes it a speaker or a publication,
# not the system ("Archer said", "The Lancet reported"); not a passive participle with its
# complement ("Archer howitzers reported to fire faster", "the F-35, said to be the best", "Gepard
# guns noted for their accuracy"), and never a compound ("Kalibr missiles said to be") or a
# generic word ("Drones said to come from Iran"): those are the system.
SPEAKS_AFTER = re.compile(
    r"""\s+(?:said|says|reported|reports|told|tells|wrote|writes|added|noted|argued|stated|claimed|warned)\b
    (?!\s+(?:to|for|as|by|with|from)\b)   # a passive participle's complement""",
    re.VERBOSE,
)
NAME_AFTER = re.compile(r"\ [A-Z][a-z]")
# A plain "fuel" (or a kind of it: "jet fuel") as a trade: its exports, prices or market move no
# army's supplies.
FUEL_TRADE_AFTER = re.compile(
    r"\s+(?:exports?|imports?|prices?|markets?|tax(?:es)?|subsid(?:y|ies)|sales|trade|revenues?)\b",
    re.IGNORECASE,
)
# Words before a plain "boat" that make it a civilian one.
CIVILIAN_BOATS = re.compile(
    r"\b(?:fishing|fire-?fighting|rescue|lifeboats?|passenger|tourist|pleasure|cargo|migrant|ferry)[\s-]+$",
    re.IGNORECASE,
)

# A capitalised noun after the item that makes it part of a body's name; "Group" is left out:
# "the Security Assistance Group" organises deliveries and its aid is reported with it.
BODY_AFTER = re.compile(r"[\s-]+(?:Force|Forces|Mission|Agency|Command|Association|Office|Bureau|Institute|Review)\b")

# Trade goods no army buys as materiel: one of them in the sentence makes a plain aircraft or
# vehicle word a good of the same trade ("buy Boeing aircraft, soybeans and LNG"). Matched in
# lower case only: capitalised, "Rice", "Steel" or "Coal" is a person's name.
TRADE_GOODS = re.compile(
    r"""\b(?:soybeans?|corn|wheat|grain|rice|beef|pork|farm\ goods|agricultural\ (?:goods|products)
        |liquefied\ natural\ gas|LNG|natural\ gas|crude(?:\ oil)?|oil\ and\ gas|coal|ethane
        |semiconductors?|microchips|pharmaceuticals|medicines|whiske?y|motorcycles
        |power\ equipment|steel|alumini?um|cars|automobiles|consumer\ goods)\b""",
    re.VERBOSE,
)
# Plain words for a carrier of goods, and the words after one that make it the carrier of what
# follows, not materiel moved ("a cargo plane carrying Stinger missiles", "trucks loaded with
# shells", "the ship, which was transporting drones"; see cargo.py). A named type ("an Il-76
# carrying ammunition") is left alone.
CARRIER_WORDS = {
    "plane", "planes", "aircraft", "airplane", "airplanes", "ship", "ships", "vessel", "vessels",
    "boat", "boats", "truck", "trucks", "lorry", "lorries", "train", "trains", "convoy", "convoys",
}  # fmt: skip
CARRYING_AFTER = re.compile(
    r"""(?:,?\s+(?:which|that)\b)?                       # a relative clause on the carrier
        (?:\s+(?:is|are|was|were|had\ been|has\ been|reportedly|allegedly|believed\ to\ be
                |said\ to\ be|reported\ to\ be|suspected\ of))*
        \s+(?:carrying|transporting|ferrying|hauling|loaded\ with|laden\ with|packed\ with)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A training device named after the system it mimics ("a Hawk flight simulator", "F-16 simulators"):
# the device is moved, not the system.
SIMULATOR_AFTER = re.compile(r"[\s-]+(?:(?:flight|cockpit|training|crew)[\s-]+)?simulators?\b", re.IGNORECASE)
# Words just before a plain "aid" that make it a carrier's goods: relief ("a ship loaded with aid",
# "trucks carrying aid"); military aid on a carrier is named so ("a plane loaded with military aid").
CARRIED_BEFORE = re.compile(
    r"\b(?:carrying|transporting|ferrying|hauling|loaded\ with|laden\ with|packed\ with)\s+$",
    re.IGNORECASE | re.VERBOSE,
)
# Plain words for aircraft and vehicles; a named type ("F-16") or a military noun ("fighter
# jets", "armoured vehicles") is never a trade good.
PLAIN_WORDS = {"aircraft", "plane", "planes", "airplane", "airplanes", "jet", "jets", "vehicle", "vehicles"}
# Words before a plain "vehicles" that make them civilian ("motor vehicles", "electric vehicles").
CIVILIAN_VEHICLES = re.compile(r"\b(?:motor|electric|passenger|private|commercial|hybrid)[\s-]+$", re.IGNORECASE)


# A business noun right after an item word makes the item its trade: "a German tank maker", "the
# Turkish drone manufacturer", "the arms industry". "Unit", "group" and "supplier" are left out: "a
# Patriot fire unit" is moved, "supplier" names a state (suppliernouns). So are the places where an
# item is made ("a drone factory", "an ammunition plant"): gold counts a factory built for another
# state as a transfer of its item, as it counts "drone technology" (a rule that dropped them lost
# on the check set at stop 25).
BUSINESS_AFTER = re.compile(
    r"""[\s-]+(?:
        makers?|manufacturers?|producers?|builders?     # who makes it ("tank maker")
      | firms?|company|companies|start-?ups?|giants?    # a business ("drone firm", "arms giant")
      | industry|industries|sector                      # a trade ("the drone industry")
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A maker's noun with "of" before an item word makes the item its trade too: "bought an American
# maker of armoured vehicles", "the largest producer of artillery shells". "Supplier of" is left
# out: it names a state (suppliernouns).
BUSINESS_OF_BEFORE = re.compile(
    r"\b(?:makers?|manufacturers?|producers?|builders?)\s+of\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE
)
# A business noun right before a capitalised item word makes the word part of the business's name:
# "Czech firm Excalibur Army will supply howitzers", "the contractor Patriot Systems".
BUSINESS_BEFORE = re.compile(
    r"""\b(?:
        firm|company|maker|manufacturer|producer|contractor   # a business named after its noun
      | group|conglomerate|start-?up                        # ("defence group Javelin Holdings")
    )\s+$""",
    re.IGNORECASE | re.VERBOSE,
)


# Equipment that a town uses as much as an army: sent for a civilian use named in the sentence, or
# beside relief goods, it is energy or relief aid ("generators to repair power stations", "generators
# and food", "ambulances for hospitals"); an armoured ambulance is a lexicon item of its own.
POWER_WORDS = {"generator", "generators", "transformer", "transformers", "ambulance", "ambulances"}
CIVILIAN_USE = re.compile(
    r"""\b(?:power\ (?:stations?|plants?|grid|lines)|(?:energy|electricity|power)\ (?:grid|network|system)
        |energy|electricity|heating|hospitals?|clinics?|schools?|homes|households|water\ supply
        |civilians?|residents|reconstruction|humanitarian
        |food|medicines?|blankets|clothing)\b     # relief goods sent beside it""",
    re.IGNORECASE | re.VERBOSE,
)
# An army or its weapons named in the sentence keep the equipment military ("generators for the
# troops", "electricity generators for its air defence radars").
ARMY_WORDS = re.compile(
    r"""\b(?:army|armies|troops|soldiers|brigades?|units|forces|military|front(?:\ ?line)?|battlefield
        |defen[cs]e|weapons?|radars?)\b""",
    re.IGNORECASE | re.VERBOSE,
)


# Civilian aid named earlier in the sentence; a plain aid word after it is part of it.
CIVILIAN_AID_BEFORE = re.compile(
    r"\b(?:non-military|humanitarian|economic|financial|budget(?:ary)?)\s+(?:aid|support|assistance|help)\b",
    re.IGNORECASE,
)
# Military words anywhere in the sentence make a plain aid word there possibly military
# ("non-military" itself excepted).
MILITARY_WORDS = re.compile(r"(?<!non-)\b(?:military|weapons?|arms|defen[cs]e|security|lethal)\b", re.IGNORECASE)
PLAIN_AID = {"aid", "assistance", "support", "help"}


# The words that name an item as a yardstick, then up to eight words to the item ("compared with the
# French SCALP missile or the US-made ATACMS"); no punctuation or new clause between.
COMPARED_BEFORE = re.compile(
    r"""\b(?:compared\s+(?:to|with)                 # "compared to the Storm Shadow"
        |in\s+comparison\s+(?:to|with)              # "in comparison with the Leopard"
        |similar\s+to|akin\s+to|comparable\s+to     # "similar to the Patriot"
        |unlike                                     # "unlike the ATACMS"
        |than\s+(?:the|its|their|a|an)               # "cheaper than the Storm Shadow"; never
                                                    # "more than 100 missiles", a quantity,
          (?!\s+(?:hundred|thousand|million|billion|dozen|few|couple|score)\b)  # nor "more
                                                    # than a million shells", one in words
        )
        (?:\s+(?!(?:when|while|which|that|who|because|but|as|after|before)\b)[\w'-]+){0,8}?\s+$""",
    re.IGNORECASE | re.VERBOSE,
)
# How far (in characters) before the item the yardstick words may stand.
COMPARED_REACH = 90
# A yardstick that is itself moved, by a clause right after it ("cheaper than the Storm Shadow
# that London sent", "similar to the Reaper supplied by Washington"), stays an item.
MOVED_AFTER = re.compile(
    r"""[\s\w-]{0,30}?\b(?:that|which                       # a relative clause
        |(?:already\s+)?(?:supplied|sent|delivered|provided|given|donated|shipped|sold)\b)  # a participle""",
    re.IGNORECASE | re.VERBOSE,
)


# A gun or a calibre: "gun", "120mm guns", a calibre before a gun word ("a 120mm rifled gun").
GUN = re.compile(r"(?:.*\b(?:guns?|cannons?)|\d+\s?mm)$", re.IGNORECASE)
GUN_AFTER_CALIBRE = re.compile(r"(?:[\s-]+[a-z]+)?[\s-]+(?:guns?|cannons?)\b", re.IGNORECASE)
# The words just before a gun that a platform carries ("armed with a", "each with a 120mm rifled",
# "carries its"); "along with" and "and" join a list instead, and the gun stays (NOT_MOUNTED).
MOUNTED = re.compile(
    r"""\b(?:with|carr(?:y|ies|ying)|mounts?|mounting)\s+   # "armed with", "each with", "carries"
    (?:a|an|its|their|one|a\ single)?\s*                   # how the gun is counted
    (?:\d+\s?mm[\s-]+(?:[a-z]+\s+)?)?$                     # its calibre ("120mm rifled")""",
    re.IGNORECASE | re.VERBOSE,
)
# Words between that join a list or end a clause: "along with", "together with", "and", a full stop.
NOT_MOUNTED = re.compile(r"\b(?:along|together)\s+with\b|[.;]|\b(?:and|or)\s*$", re.IGNORECASE)
# The categories of platforms that carry guns, and of what a gun is read as.
PLATFORMS = {"armored-vehicles", "naval", "aircraft"}
GUN_CATEGORIES = {"artillery", "ammunition"}
# How far (in characters) the gun may stand after its platform.
MOUNT_REACH = 80


M = TypeVar("M", bound=_Mention)


def mounted_guns(text: str, mentions: list[M]) -> list[M]:
    """The mentions less any gun or calibre that a platform named just before it carries."""
    kept: list[M] = []
    for index, mention in enumerate(mentions):
        platform = next((m for m in reversed(mentions[:index]) if m.id in PLATFORMS), None)
        if mention.id in GUN_CATEGORIES and platform is not None and _carried(text, platform, mention):
            continue
        kept.append(mention)
    return kept


def _carried(text: str, platform: _Mention, gun: _Mention) -> bool:
    between = text[platform.end : gun.start]
    if gun.text[:1].isupper():
        return False  # a named system ("Caesar guns", "Archer guns") is one of its own, no mount
    if len(between) > MOUNT_REACH or NOT_MOUNTED.search(between) or not GUN.match(gun.text):
        return False
    if not gun.text[-1:].isalpha() and not GUN_AFTER_CALIBRE.match(text, gun.end):
        return False
    return MOUNTED.search(between) is not None


def not_an_item(text: str, mention: _Mention, named: bool = False) -> bool:
    """Whether the item mention, in its place in `text`, names no materiel; `named`: the mention
    is a named system's bare name, one a speaker or a publication may bear."""
    written = mention.text.lower()
    if written in ROUND_WORDS and _no_round(text, mention):
        return True
    if mention.text[:1].isupper() and (BODY_AFTER.match(text, mention.end) or _business_name(text, mention)):
        return True
    if written in PLAIN_AID and _civilian_sentence(text, mention):
        return True
    if written in PLAIN_AID and CARRIED_BEFORE.search(text[max(0, mention.start - 30) : mention.start]):
        return True  # "a ship loaded with aid": relief goods
    if written in POWER_WORDS and _civilian_power(text, mention):
        return True
    if _yardstick(text, mention) or _business_trade(text, mention) or _civil_trade(text, mention, named):
        return True
    if SIMULATOR_AFTER.match(text, mention.end):
        return True  # "a Hawk flight simulator": a training device
    if written.rsplit(" ", 1)[-1] in CARRIER_WORDS and CARRYING_AFTER.match(text, mention.end):
        return True  # "a cargo plane carrying missiles": the plane moves them
    return written in PLAIN_WORDS and _traded(text, mention)


def _business_trade(text: str, mention: _Mention) -> bool:
    """The item word names what a business makes ("a tank maker", "a maker of armoured vehicles")."""
    before = text[max(0, mention.start - 40) : mention.start]
    return BUSINESS_AFTER.match(text, mention.end) is not None or BUSINESS_OF_BEFORE.search(before) is not None


def _business_name(text: str, mention: _Mention) -> bool:
    """A capitalised item word named by a business noun before it ("firm Excalibur Army")."""
    return BUSINESS_BEFORE.search(text[max(0, mention.start - 30) : mention.start]) is not None


def _civil_trade(text: str, mention: _Mention, named: bool) -> bool:
    """A speaker's or broadcaster's name, traded fuel, a civilian boat (the module's docstring)."""
    written, before = mention.text.lower(), text[max(0, mention.start - 30) : mention.start]
    if named and mention.text[:1].isupper() and SPEAKS_AFTER.match(text, mention.end):
        return True
    if written == "radio":
        return _broadcaster(text, mention, before)
    if written.rsplit(" ", 1)[-1] == "fuel":  # "fuel", "jet fuel", "diesel fuel"
        return FUEL_TRADE_AFTER.match(text, mention.end) is not None
    return written in ("boat", "boats") and CIVILIAN_BOATS.search(before) is not None


def _broadcaster(text: str, mention: _Mention, before: str) -> bool:
    """A "radio" that broadcasts, not a set (BROADCAST_AFTER and the patterns after it)."""
    if RADIO_SET_AFTER.match(text, mention.end):
        return False
    station = STATION_AFTER.match(text, mention.end)
    if station is not None:
        owned = station.group(1) is None or STATIONS_OWNER_BEFORE.search(before) is not None
        return owned and RADIO_SET_BEFORE.search(before) is None
    opening = text[: mention.start].rstrip()[-1:] in ("", ".", "!", "?", '"', "“", ":")
    # a station's name: "Army Radio", "Radio Liberty" (a sentence's first word alone is none)
    named = mention.text[:1].isupper() and (not opening or NAME_AFTER.match(text, mention.end) is not None)
    return named or bool(BROADCAST_AFTER.match(text, mention.end) or BROADCAST_BEFORE.search(before))


def _yardstick(text: str, mention: _Mention) -> bool:
    if MOVED_AFTER.match(text, mention.end):
        return False
    return COMPARED_BEFORE.search(text, max(0, mention.start - COMPARED_REACH), mention.start) is not None


def sentence_bounds(text: str, mention: _Mention) -> tuple[int, int]:
    """The start and end of the sentence or line around the mention, by full stops and line breaks."""
    start = max(text.rfind(". ", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
    ends = [i for i in (text.find(". ", mention.end), text.find("\n", mention.end)) if i >= 0]
    return start, min(ends, default=len(text))


def _civilian_sentence(text: str, mention: _Mention) -> bool:
    start, end = sentence_bounds(text, mention)
    before = CIVILIAN_AID_BEFORE.search(text, start, mention.start)
    return before is not None and MILITARY_WORDS.search(text, start, end) is None


def _civilian_power(text: str, mention: _Mention) -> bool:
    start, end = sentence_bounds(text, mention)
    return CIVILIAN_USE.search(text, start, end) is not None and ARMY_WORDS.search(text, start, end) is None


def _no_round(text: str, mention: _Mention) -> bool:
    if ROUNDS_OF_OTHER.match(text, mention.end):
        return True
    before = STAGE_ROUND.search(text, max(0, mention.start - 30), mention.start)
    return mention.text.lower() == "round" and before is not None


def _traded(text: str, mention: _Mention) -> bool:
    if CIVILIAN_VEHICLES.search(text, max(0, mention.start - 30), mention.start):
        return True
    start, end = sentence_bounds(text, mention)
    return TRADE_GOODS.search(text, start, end) is not None
