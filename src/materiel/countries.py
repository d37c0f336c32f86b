"""Country names beside ISO codes, for people reading the ledger (pages, CSV, exports).

pycountry's common name where it has one ("Korea, Republic of" is shown as "South Korea"), else
its name, read in order when it is inverted ("Palestine, State of"). Organisation slugs (nato,
european-union) and unknown ids have no country name; `actor_name` gives every id the ledger holds
a name to show: a state's country name, a former state's (SUN, DDR, ... in actors.json) first
alias ("Soviet Union"), an organisation's alias that spells its slug ("European Union", "NATO",
"al-Qaeda"), else the slug made readable ("Wagner Group").
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources


def is_state_id(ident: str | None) -> bool:
    """States go by their ISO alpha-3 code, organisations and groups by a lowercase slug."""
    return bool(ident) and len(ident) == 3 and ident.isupper()


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    if not code or len(code) != 3 or not code.isupper():
        return None
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    common = getattr(country, "common_name", None)
    if common:
        return common
    name = country.name
    head, _, tail = name.partition(", ")
    if tail.endswith((" of", " of the")):
        return f"{tail} {head}"  # "Congo, The Democratic Republic of the": read in order
    return name


@lru_cache(maxsize=512)
def actor_name(ident: str | None) -> str | None:
    """The name shown beside an actor id: a state's, a former state's, an organisation's."""
    if not ident:
        return None
    if is_state_id(ident):
        return country_name(ident) or next(iter(_actors()["alias"].get(ident, [])), None)
    return org_name(ident)


def actor_matches(value: str | None, wanted: str) -> bool:
    """An actor by its id ("KOR", "nato") or by the name the ledger shows ("South Korea", "NATO")."""
    if value is None:
        return False
    return wanted.casefold() in (value.casefold(), (actor_name(value) or "").casefold())


def org_name(slug: str) -> str:
    """An organisation's alias that spells its slug (one with a capital first: "Mujahideen", not
    "mujahideen"), else the slug with its words capitalised."""
    aliases = _actors()["org"].get(slug, [])
    spelt = sorted((a for a in aliases if _slugged(a) == slug), key=lambda alias: alias == alias.lower())
    if spelt:
        return spelt[0]
    # an acronym's slug: the alias whose words' initials spell it ("Irish Republican Army", ira)
    initialled = [a for a in aliases if "".join(w[0] for w in a.casefold().split()) == slug.replace("-", "")]
    if initialled:
        return initialled[0]
    return " ".join(word[:1].upper() + word[1:] for word in slug.split("-"))


def known_ids() -> tuple[frozenset[str], frozenset[str]]:
    """(the former states' codes, the organisation slugs) actors.json names."""
    data = _actors()
    return frozenset(i for i in data["alias"] if is_state_id(i) and country_name(i) is None), frozenset(data["org"])


def is_known_id(ident: str) -> bool:
    """A current state's ISO alpha-3 code, a former state's code, or an organisation's slug."""
    former, orgs = known_ids()
    return country_name(ident) is not None or ident in former or ident in orgs


def id_for(value: str) -> str | None:
    """The id a person may have meant by a name or a mis-cased code ('Sweden', 'swe', 'NATO')."""
    import pycountry

    try:
        return pycountry.countries.lookup(value.strip()).alpha_3
    except LookupError:
        pass
    former, orgs = known_ids()
    wanted = value.strip().casefold()
    named = [i for i in (*sorted(former), *sorted(orgs)) if wanted in (i.casefold(), (actor_name(i) or "").casefold())]
    return named[0] if named else None


# ISO 3166-1's exceptionally reserved alpha-2 codes that name an actor the ledger holds: the United
# Kingdom's "UK" (as people write it beside the official GB) and the European Union's "EU".
RESERVED_ALPHA_2 = {"UK": "GBR", "EU": "european-union"}
# Two letters: the shape of an ISO 3166-1 alpha-2 code ("UA"); three: of an id ("UKR", "ira").
_ALPHA_2 = re.compile(r"[A-Za-z]{2}")
_CODE = re.compile(r"[A-Za-z]{2,3}")


@lru_cache(maxsize=512)
def id_of_alpha_2(code: str) -> str | None:
    """The project's id of an ISO 3166-1 alpha-2 code, in either case ("UA" -> "UKR", "su" -> "SUN",
    "EU" -> "european-union"): a current state's, a former state's that actors.json names, or a
    reserved code's; None for two letters that name no actor."""
    import pycountry

    wanted = code.strip().upper()
    if not _ALPHA_2.fullmatch(wanted):
        return None
    country = pycountry.countries.get(alpha_2=wanted)
    if country is not None:
        return country.alpha_3
    former, _ = known_ids()
    gone = [h.alpha_3 for h in pycountry.historic_countries if h.alpha_2 == wanted and h.alpha_3 in former]
    return gone[0] if gone else RESERVED_ALPHA_2.get(wanted)


def wanted_actor(value: str) -> str:
    """What a filter on an actor looks for: an ISO alpha-2 code as the project's id ("UA" -> "UKR"),
    else the value as given (an id in any case, or a name the ledger shows). A value shaped like a
    code (two or three letters) that names no actor is a ValueError, not a filter that keeps nothing."""
    value = value.strip()
    if _ALPHA_2.fullmatch(value):
        ident = id_of_alpha_2(value)
        if ident is None:
            raise ValueError(f"{value!r} is no ISO 3166-1 alpha-2 code")
        return ident
    if _CODE.fullmatch(value) and not _names_actor(value):
        raise ValueError(f"{value!r} is no known actor id")
    ident = named_id(value)
    if ident is None and value.casefold() not in UNKNOWN_PARTY:
        raise ValueError(f"{value!r} names no known actor{_closest_hint(value)}")
    return ident or value


# What a filter or a correction may say for a party the reports leave unknown.
UNKNOWN_PARTY = ("", "none", "null")
# How alike a misspelt name and an actor's name must be for the error to suggest it: difflib's
# ratio; 0.8 offers "Slovakia" for "Slovkia" and "Ukraine" for "Ukriane", not "Iran" for "Iraq".
HINT_LIKENESS = 0.8


def _closest_hint(value: str) -> str:
    """' (did you mean Slovakia, SVK?)' for a name close to an actor's, else ''."""
    from difflib import get_close_matches

    names = _hint_names()
    close = get_close_matches(value.strip().casefold(), list(names), n=1, cutoff=HINT_LIKENESS)
    if not close:
        return ""
    ident = names[close[0]]
    return f" (did you mean {actor_name(ident) or ident}, {ident}?)"


@cache
def _hint_names() -> dict[str, str]:
    """Every name an actor goes by, case folded, with its id: ISO's names and the aliases."""
    import pycountry

    names = {
        getattr(country, field).casefold(): country.alpha_3
        for country in pycountry.countries
        for field in ("name", "common_name", "official_name")
        if hasattr(country, field)
    }
    return names | _alias_ids()


def named_id(name: str) -> str | None:
    """The id of an actor by a name people write: one of its aliases in actors.json ("Russia",
    "Turkey", "Great Britain", "DPRK") or ISO's names ("Slovak Republic"); the ledger shows one
    name per actor ("Russian Federation"), which alone a filter matched."""
    return _alias_ids().get(name.strip().casefold()) or id_for(name)


@cache
def _alias_ids() -> dict[str, str]:
    """Each alias of a state or an organisation, case folded, with its id; an alias two actors
    share names neither."""
    named: dict[str, set[str]] = {}
    for kind in ("alias", "org"):
        for ident, aliases in _actors()[kind].items():
            for alias in aliases:
                named.setdefault(alias.casefold(), set()).add(ident)
    return {alias: next(iter(ids)) for alias, ids in named.items() if len(ids) == 1}


def _names_actor(code: str) -> bool:
    """A three-letter value names an actor: an id in any case ("ukr", "IRA") or a name."""
    former, orgs = known_ids()
    folded = code.casefold()
    if country_name(code.upper()) is not None or any(i.casefold() == folded for i in (*former, *orgs)):
        return True
    if folded in _alias_ids():  # "ROK", "DRC"
        return True
    return id_for(code) is not None


def _slugged(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", name.casefold().replace("'", "")).strip("-")


@cache
def _actors() -> dict:
    text = resources.files("materiel").joinpath("extract", "lexicons", "actors.json").read_text("utf-8")
    return json.loads(text)


def labelled(code: str | None) -> str:
    """'KOR South Korea' for a state, 'nato NATO' for an organisation, '?' for unknown."""
    if not code:
        return "?"
    name = actor_name(code)
    return f"{code} {name}" if name else code


def names_of(codes: list[str] | None) -> str:
    return ", ".join(labelled(c) for c in codes or [])
