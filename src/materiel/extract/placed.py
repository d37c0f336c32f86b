"""Names a lexicon excludes (actors.json "exclude": "Jordan", "Chad", "Georgia") that a sentence
still shows to be the state: placed among places ("arms sales to Jordan", "Egypt, Jordan, Qatar",
"also Jordan, Kuwait and Bahrain") or the subject of a supply or purchase ("Jordan sent shells",
"Chad received armoured vehicles"), never a person's name ("Rep. Jim Jordan", "Jordan said") nor
part of a longer one ("Jordan Valley")."""

from __future__ import annotations

import re

from materiel.countries import named_id
from materiel.extract.speakerwords import NOT_NAMES, ORGANISATION_WORDS, word_set

# Before an excluded name (actors.json "placed"), words that place it among places: a
# preposition of place or destination, or a list's comma or conjunction.
PLACED_BEFORE = re.compile(
    r"""(?:\b(?:to|in|from|of|with|for|including|and|or|between)  # "sales to Jordan", "Egypt and Jordan"
      | \b(?:through|via)                                     # a route: "weapons sent through Chad"
      | ,)\s+$                                                  # "Egypt, Jordan, Qatar" """,
    re.VERBOSE,
)
# After it, what makes it a person or part of a longer name: a capitalised word ("Jordan
# Valley", "Jordan Cohen") or a verb of speech ("Jordan said").
NOT_PLACED_AFTER = re.compile(r"\s*(?:[A-Z]|(?:said|says|told|added|asked|argued|wrote|noted)\b)")
# An excluded name as the subject of a verb of supply or purchase, not after a capitalised word
# ("Jordan sent shells to Ukraine", "Chad received armoured vehicles"; not "Rep. Jim Jordan sent").
SUBJECT_AFTER = re.compile(
    r"""\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|also\s+|later\s+)?  # an auxiliary or adverb
      (?:sen[dt]s?|supplie[sd]|supply|deliver(?:s|ed)?|s[eo]lls?|sold    # it gave or sold
      |b(?:uy|uys|ought)|receive[sd]?|acquire[sd]?|purchase[sd]?         # it got
      |order(?:s|ed)?|ship(?:s|ped)?|transferr?(?:s|ed)?|donate[sd]?)\b""",
    re.VERBOSE,
)
NAMED_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+$")
# After an excluded name, a list's comma or conjunction and the capitalised words of the next
# item: a state's name there places it among states ("also Jordan, Kuwait and Bahrain"), a
# person's does not ("Jordan, Smith and Jones").
LISTED_AFTER = re.compile(r"(?:,\s*|\s+(?:and|or)\s+)(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")
# A name after a comma that follows a place that is no state is the second half of an address,
# a US state ("a plant in Marietta, Georgia", "Fort Moore, Georgia"), not a list of states
# ("Armenia, Azerbaijan, Georgia").
ADDRESS_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),\s+$")
# How far back the place before the comma is read: far enough for a state's longest names ("the
# Central African Republic, Niger and Chad").
ADDRESS_REACH = 50


def placed_spans(text: str, names: dict[str, str]) -> list[tuple[str, str, int, int]]:
    """(id, name, start, end) of each excluded name the sentence places or makes a supplier."""
    found = []
    for name, ident in names.items():
        if name not in text:
            continue  # the names are plain words: most sentences hold none, and are not searched
        for match in re.finditer(rf"(?<![\w-]){name}(?![\w-])", text):
            before, after = text[max(0, match.start() - 20) : match.start()], text[match.end() : match.end() + 12]
            subject = SUBJECT_AFTER.match(text, match.end()) and not NAMED_BEFORE.search(before)
            listed = _listed_first(text, match.end()) and not NAMED_BEFORE.search(before)
            placed = (PLACED_BEFORE.search(before) or listed) and not _address(text, match.start())
            if subject or (placed and not NOT_PLACED_AFTER.match(after)):
                found.append((ident, name, match.start(), match.end()))
    return found


def _listed_first(text: str, end: int) -> bool:
    """The name ending at `end` heads a list whose next item is a state ("Jordan, Kuwait")."""
    match = LISTED_AFTER.match(text, end)
    if match is None:
        return False
    words = match.group(1).split()
    return any(named_id(" ".join(words[:i])) for i in range(1, len(words) + 1))


def _address(text: str, start: int) -> bool:
    """The name at `start` follows a comma after a capitalised place that names no state
    ("Marietta, "); any ending of the place's words may name one ("the Central African Republic, ")."""
    match = ADDRESS_BEFORE.search(text[max(0, start - ADDRESS_REACH) : start])
    if match is None:
        return False
    words = match.group(1).split()
    return not any(named_id(" ".join(words[i:])) for i in range(len(words)))


# Nouns of a place whose name begins with a state's name and is not the state: "China Lake" (a US
# naval weapons station), "the South China Sea", "the Taiwan Strait", "the Panama Canal".
PLACE_NOUNS = re.compile(r"\s+(?:Lake|River|Canal|Seas?|Straits?|Bay|Basin|Valley)\b")
# Kinds of actor mention a place's name may begin with: a state's name, not a demonym or a seat.
PLACE_NAMED_KINDS = ("state", "alias")


def begins_a_place(text: str, kind: str, end: int) -> bool:
    """A state's name that begins a longer name of a place ("China Lake", "Taiwan Strait")."""
    return kind in PLACE_NAMED_KINDS and PLACE_NOUNS.match(text, end) is not None


# A state's or capital's name that is a person's first name: one capitalised surname after it, and
# a title before it, a role noun set off beside it or a verb of speech on either side ("Defence
# Minister Israel Katz", "Jordan Bardella said", "said Sofia Marin", "the deputy minister, Sofia
# Marin,"). Titles are those of people only: "Former" or "State" also stand before a state's name.
PERSON_TITLE_BEFORE = re.compile(
    r"""\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gen|Adm|Col|Gov                  # abbreviated titles
      |Minister|President|Chancellor|Secretary|Premier|Envoy|Ambassador   # offices, "defence minister"
      |Spokes(?:man|woman|person)|Mayor|Governor|Senator|Speaker)\.?\s+$""",
    re.VERBOSE | re.IGNORECASE,
)
# People's role nouns, which set off a name in apposition ("the minister, Sofia Marin," or "Sofia
# Marin, a ministry spokeswoman,").
ROLE = r"""(?:minister|spokes(?:man|woman|person)|ambassador|envoy|president|chancellor|secretary
    |general|director|official|advis[eo]r|commander|chief|lawmaker|senator|analyst)"""
ROLE_BEFORE = re.compile(rf"\b{ROLE}\s*,\s+$", re.VERBOSE | re.IGNORECASE)
ROLE_AFTER = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?{ROLE}\b", re.VERBOSE | re.IGNORECASE)
# The surname: one capitalised word, hyphenated, with an apostrophe or a capital inside ("Katz",
# "Bar-Lev", "O'Neil", "McCarthy", "DeSantis").
SURNAME_AFTER = re.compile(r"\s+([A-Z][a-z]+(?:[-'’]?[A-Z]?[a-z]+)?)\b")
# Words that continue a company's, an outlet's or a body's name after a state's ("Israel Shipyards
# said", "Sweden Defence said", "China Daily wrote"): the state's name begins a name, no person's.
NAME_GOES_ON = word_set(
    """Shipyards Shipyard Shipbuilding Aerospace Industries Industry Defence Defense Dynamics Systems
    Electronics Motors Airlines Airways Arms Munitions Ordnance Steel Energy Power Holdings Group
    Technologies Telecom Railways Daily Today Herald Weekly Television Broadcasting Online Insider
    Strategic Military Police Guard Customs Border Railway Oil Gas Petroleum Bank"""
)
# The verbs of speech that show a run of names to be a person speaking.
SPEECH = r"(?:said|says|told|added|asked|argued|wrote|noted|stressed|warned)"
SPEECH_AFTER = re.compile(rf"\s+{SPEECH}\b")
SPEECH_BEFORE = re.compile(rf"\b{SPEECH}\s+$")
# Kinds of actor mention that may be a person's first name: a state's name or a capital's.
FIRST_NAME_KINDS = ("state", "alias", "seat")


def names_a_person(text: str, kind: str, start: int, end: int) -> bool:
    """The actor's name at start..end is a person's first name before a surname (see SURNAME_AFTER)."""
    surname = SURNAME_AFTER.match(text, end)
    if kind not in FIRST_NAME_KINDS or surname is None or not _surname(surname.group(1)):
        return False
    before, surname_end = text[max(0, start - 30) : start], surname.end()
    speaks = SPEECH_AFTER.match(text, surname_end) or SPEECH_BEFORE.search(before)
    apposed = ROLE_BEFORE.search(before) or ROLE_AFTER.match(text, surname_end)
    return bool(speaks or apposed or PERSON_TITLE_BEFORE.search(before))


def _surname(word: str) -> bool:
    """A word that may be a surname: no word of a body's name, of a place's, nor a state's name."""
    return (
        word not in ORGANISATION_WORDS
        and word not in NAME_GOES_ON
        and word not in NOT_NAMES
        and named_id(word) is None
        and not PLACE_NOUNS.match(f" {word}")
    )
