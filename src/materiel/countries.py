"""Country names beside ISO codes, for people reading the ledger (pages, CSV, exports).

pycountry's common name where it has one ("Korea, Republic of" is shown as "South Korea"), else
its name, read in order when it is inverted ("Palestine, State of"). Organisation slugs (nato,
european-union) and unknown ids have no country name.
"""

from __future__ import annotations

from functools import lru_cache


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


def labelled(code: str | None) -> str:
    """'KOR South Korea' for a state, the slug itself for an organisation, '?' for unknown."""
    if not code:
        return "?"
    name = country_name(code)
    return f"{code} {name}" if name else code


def names_of(codes: list[str] | None) -> str:
    return ", ".join(labelled(c) for c in codes or [])
