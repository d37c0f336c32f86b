"""Item words that name no materiel in their place: aid that is not military, airliners,
tanks that hold liquids or think, fighters who are people, weapons of mass destruction, and an
item word that only modifies an attack, a trade or a law ("drone attack", "gun laws")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from materiel.extract.notitems import sentence_bounds

if TYPE_CHECKING:
    from materiel.extract.lexicon import Finder, Mention

# Nouns of aid, funding and packages (other modules read them too).
AID_WORDS = {"aid", "assistance", "package", "support", "funding", "financing", "fund", "grant", "loan"}

# Aid that is not military: "humanitarian aid", "an economic assistance package", "non-military
# support", an embassy's "consular assistance" to its citizens are not materiel.
CIVILIAN_AID = re.compile(
    r"\b(?:humanitarian|economic|financial|budget(?:ary)?|food|medical|development|energy|winter|"
    r"reconstruction|civilian|refugee|macro-financial|relief|emergency|non-military|consular|electoral)"
    r"(?:\ (?:and\ \w+\ )?\w+)?\ $",
    re.IGNORECASE | re.VERBOSE,
)

# Money lent or granted with no word of what it is for: a bare "grant" or "loan" is a state's
# budget or development money ("a grant of 95 million euros to help it cope with energy prices",
# "a loan of 18 billion euros to keep its government running") unless its sentence says it is
# military ("a $2 billion loan to buy American weapons", "a defence grant") or names materiel
# ("a loan so it can buy Stinger missiles").
BARE_MONEY = {"grant", "loan"}
MILITARY_PURPOSE = re.compile(
    r"""\b(?:military|defen[cs]e|lethal|arms|weapons?|munitions|ammunition  # what the money is for
        |army|armed\ forces|troops|soldiers                                  # whom it equips
        |security\ (?:aid|assistance|forces))\b                               # not "energy security"
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Aid that a copula says is not military: "Japan's aid is mostly financial and humanitarian",
# "its assistance to Kyiv has been largely economic". A short phrase may come between the noun
# and the verb ("aid to Ukraine").
CIVILIAN_AID_AFTER = re.compile(
    r"""(?:\s+(?:to|for)\s+\S+(?:\s+\S+)?)?           # "to Ukraine", "for the Kurds"
        \s+(?:is|was|are|were|has\s+been|have\s+been|remains|remained)
        \s+(?:(?:mostly|largely|mainly|entirely|purely|primarily|chiefly|overwhelmingly|only|all)\s+)?
        (?:humanitarian|financial|economic|budgetary|civilian|non-military)\b
        (?!,?\s+(?:and|as\ well\ as|but\ also|plus)\s+(?:also\s+)?  # not "financial and military"
           (?:military|lethal|defen[cs]e))
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Aircraft that are airliners or firefighters: "passenger planes", "787 jets", "an Airbus A320",
# "firefighting planes". Makers' names alone are no sign: Boeing builds F-15s, Airbus the A400M,
# Embraer the Super Tucano.
CIVILIAN_AIRCRAFT = re.compile(
    r"""\b(?:passenger|commercial|civil(?:ian)?|airliners?|Dreamliners?|fire-?fighting|water-bombing
        |7[0-9]7(?:-\d+)?(?:x|X|\ MAX)?       # Boeing's 707 to 797 families
        |A3[0-9]0(?:neo)?)                      # Airbus A300 to A390
        (?:\s+\S+){0,3}\s*$                  # then at most three words to the item's end""",
    re.VERBOSE,
)


# An airline in the sentence makes its unnamed aircraft airliners: "a sale of Boeing aircraft to
# Qatar Airways", "the airline will acquire 10 more aircraft" (a named type, "F-16", or a military
# one, "fighter jets", stays).
AIRLINER_WORDS = {"aircraft", "plane", "airplane", "jet"}
AIRLINE = re.compile(r"\b(?:Airways|Airlines|Air\ Lines|airlines?|flag\ carrier)\b", re.VERBOSE)


def _airliners(text: str, mention: Mention) -> bool:
    if mention.text.lower().rstrip("s") not in AIRLINER_WORDS:
        return False
    start, end = sentence_bounds(text, mention)
    return AIRLINE.search(text, start, end) is not None


# Weapons of mass destruction are no category of the ledger: "stationing of nuclear weapons",
# "a chemical weapons deal" name no materiel moved (a "nuclear submarine" is a submarine).
MASS_DESTRUCTION = re.compile(r"\b(?:nuclear|atomic|chemical|biological)[\s-]+$", re.IGNORECASE)


# Words before "tank" that make it no armoured vehicle.
NOT_ARMOUR = re.compile(
    r"""\b(?:think                # "think tanks" are research institutes
        |water|septic|storage|fish  # tanks that hold a liquid or fish
        |fuel|gas|oil|petrol        # "fuel tanks" hold fuel
        )[\s-]+$""",
    re.IGNORECASE | re.VERBOSE,
)


# Words before "drones" that make them no army's: "civilian drones", "hobby drones", "crop-spraying
# drones". "Commercial" and "FPV" are left out: armies buy commercial and FPV drones by the
# thousand, and gold counts them.
CIVILIAN_DRONES = re.compile(
    r"\b(?:civilian|consumer|hobby(?:ist)?|recreational|agricultural|crop-spraying|toy)[\s-]+$",
    re.IGNORECASE,
)


# Words before "trucks" that make them a town's or a trade's: "firefighting trucks", "garbage
# trucks", "food trucks". Military trucks ("army trucks", "Ural trucks") keep their category.
CIVILIAN_TRUCKS = re.compile(
    r"""\b(?:fire(?:-?fighting)?|garbage|rubbish|refuse|food|delivery|snow(?:plough|plow)?|street-cleaning
        |(?-i:[Tt]ow)  # "tow trucks"; not the TOW missile's ("TOW trucks" carry its launchers)
        )[\s-]+$""",
    re.IGNORECASE | re.VERBOSE,
)


# Words right before a bare "fighters" that make them combatants, not aircraft ("foreign
# fighters", "4,000 fighters", "his fighters"); an armed group's name there does too ("Houthi
# fighters").
COMBATANTS_BEFORE = re.compile(
    r"""(?:\b(?:foreign|rebel|guerrilla|militia|militant|islamist|jihadist|insurgent|resistance
        |freedom|fire|wounded|volunteer|tribal|opposition|peshmerga|shia|shiite|sunni|kurdish
        |chechen|armed|his|her|their|our|its)         # who the fighters are
      | \d{1,3}(?:,\d{3})+ | \d{4,}                    # thousands of them: no air force's fleet
      )['’s]*\s+$""",
    re.IGNORECASE | re.VERBOSE,
)

# Verbs right after a bare "fighters" that only people do ("the fighters found them hard to use",
# "fighters fled", "fighters said"): they are combatants whatever stands before them.
COMBATANTS_AFTER = re.compile(
    r"""\s+(?:(?:have|had|were|are|was)\s+)?(?:
        said|say|says|told|claimed|complained|found|find|learned|learnt  # speak, judge, learn
      | fled|surrendered|defected|deserted|retreated|withdrew            # leave the fight
      | stormed|captured|seized|ambushed|overran|looted                  # take ground
      | killed\ (?:by|in)|wounded|injured|died|executed                 # die or are hurt
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)

# Nouns after an item's name that make the name a modifier of something no item is moved in:
# an attack with it, its launch or test, a trade or law about it.
NOT_MATERIEL_AFTER = re.compile(
    r"""[\s-]+(?:
        (?:attack|strike|raid|barrage|campaign)s?\b           # "a drone attack", "missile strikes":
        (?![\s-]+\w*(?:craft|fighter|jet|ship|helicopter|vehicle|drone)) # weapons used, not supplied
                                                            # ("Su-24 strike aircraft" is one)
      | launch(?:es)?\b                                        # "missile launches": a state firing its own;
        (?![\s-]+(?:systems?|vehicles?|platforms?|units?|tubes?|containers?|canisters?|rails?)\b)
                                                            # not what fires ("rocket launch systems")
      | (?:tests?|test-firings?)\b                             # "drone tests": a state trying its own
        (?![\s-]+(?:sets?|equipment|kits?|ranges?))            # ("test sets" are equipment)
      | (?:dealer|shop|store|lobby|law)s?\b                    # "gun dealers", "gun laws": civilians'
      | (?:control|violence|crime)\b                          # firearms ("arms control" moves none)
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def civilian(text: str, mention: Mention, actors: Finder) -> bool:
    """Whether an item mention names no materiel: civilian aid, airliners, think tanks, combatants,
    weapons of mass destruction, or an item word modifying an attack, a trade or a law."""
    before = text[max(0, mention.start - 40) : mention.start]
    if NOT_MATERIEL_AFTER.match(text, mention.end):
        return True
    if mention.id == "armored-vehicles" and NOT_ARMOUR.search(_before_head(text, mention)):
        return True
    if mention.id == "drones" and CIVILIAN_DRONES.search(_before_head(text, mention)):
        return True
    truck = mention.text.lower().split()[-1].rstrip("s") == "truck"
    if truck and CIVILIAN_TRUCKS.search(_before_head(text, mention)):
        return True
    bare_fighters = mention.text.lower() in ("fighter", "fighters")
    if bare_fighters and (_combatants(before, actors) or COMBATANTS_AFTER.match(text, mention.end)):
        return True
    if mention.id == "unspecified" and MASS_DESTRUCTION.search(before):
        return True
    if mention.id == "aircraft":
        civilian = CIVILIAN_AIRCRAFT.search(text[max(0, mention.start - 40) : mention.end]) is not None
        return civilian or _airliners(text, mention)
    head = mention.text.lower().split()[-1].rstrip("s")
    return (
        mention.id in ("unspecified", "funding")
        and head in AID_WORDS
        and (CIVILIAN_AID.search(before) is not None or CIVILIAN_AID_AFTER.match(text, mention.end) is not None)
        and MILITARY_AID.search(mention.text) is None  # "emergency military aid" is military
    )


def without_bare_money(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions less each bare "grant" or "loan" whose sentence names neither a military
    purpose nor materiel."""
    return [m for m in mentions if not _bare_money(text, m, mentions)]


def _bare_money(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    word = mention.text.lower().rstrip("s")
    if mention.id not in ("unspecified", "funding") or word not in BARE_MONEY:
        return False
    start, end = sentence_bounds(text, mention)
    materiel = any(m.id not in ("unspecified", "funding") and start <= m.start and m.end <= end for m in mentions)
    return not materiel and MILITARY_PURPOSE.search(text, start, end) is None


def _before_head(text: str, mention: Mention) -> str:
    """The words before a mention's head noun: a compound's modifiers count ("fuel tanks")."""
    return text[max(0, mention.start - 40) : mention.end - len(mention.text.split()[-1])]


def _combatants(before: str, actors: Finder) -> bool:
    """Whether a bare "fighters" after `before` are people who fight."""
    if COMBATANTS_BEFORE.search(before):
        return True
    stripped = before.rstrip().removesuffix("'s").removesuffix("’s").rstrip("'’")
    # an armed group has no air force; a demonym is left alone ("Russian fighters" may be jets)
    return any(m.end == len(stripped) and m.kind == "org" for m in actors.find(stripped))


# Words that make aid military whatever else it is called ("emergency military aid", "lethal aid").
MILITARY_AID = re.compile(r"\b(?:military|security|defen[cs]e|lethal)\b", re.IGNORECASE)
