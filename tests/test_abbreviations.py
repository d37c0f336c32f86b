"""An institution's abbreviation in brackets, found without a pattern compiled for each name: the
same answers as the search the module made before."""

from __future__ import annotations

import re

import pytest

from materiel.extract.abbreviations import ABBREVIATED, SHORT, SPELLED_OUT, with_short

# (name, text): brackets after the first, a later or no occurrence; lower-case or too long
# contents; the name inside a longer one; regex characters in the name; spelled-out names
# before an abbreviation, across a line break, and an abbreviation never spelled out.
PROBES = [
    ("Institute for the Study of War", "The Institute for the Study of War (ISW) said so."),
    (
        "Institute for the Study of War",
        "The Institute for the Study of War said. Later, Institute for the Study of War (ISW).",
    ),
    ("Institute for the Study of War", "The Institute for the Study of War said so, again."),
    ("Stockholm Institute", "The Stockholm Institute (in Sweden) said so."),
    ("Stockholm Institute", "The Stockholm Institute (SIPRIABCDEFGH) said so."),
    ("Defence Ministry", "The Defence Ministry (MoD) said so."),
    ("Ministry", "The Defence Ministry (MoD) said so."),
    ("U.S. Army", "The U.S. Army (USA) said so; the UXS Army (UXA) did not."),
    ("Anna Berg (retired)", "Anna Berg (retired) (AB) said so."),
    ("ISW", "The Institute for the Study of War (ISW) said so. ISW added more."),
    ("ISW", "ISW said so; no one spelled it out."),
    ("PYM", "Palestinian Youth Movement\n(PYM) said so."),
    ("PYM", "the (PYM) said so."),
    ("NATO", "The North Atlantic Treaty Organization (NATO) met."),
    ("Nato", "Nato (NATO) met."),
    ("SIPRI", "Stockholm International Peace Research Institute ( SIPRI ) said."),
]


def _searched(name: str, text: str) -> str:
    """The function as it was, one pattern compiled for each name."""
    short = re.search(re.escape(name) + ABBREVIATED, text)
    if short and short.group("short") not in name:
        return f"{name} ({short.group('short')})"
    spelled = re.search(SPELLED_OUT + r"\s*\(" + re.escape(name) + r"\)", text) if SHORT.fullmatch(name) else None
    spelled_out = spelled.group("long").removeprefix("The ") if spelled else ""
    if spelled_out.startswith(name[0]):
        return f"{spelled_out} ({name})"
    return name


@pytest.mark.parametrize(("name", "text"), PROBES)
def test_with_short_answers_as_the_search_did(name: str, text: str) -> None:
    assert with_short(name, text) == _searched(name, text)


def test_with_short_finds_both_directions() -> None:
    assert with_short("Institute for the Study of War", PROBES[1][1]) == "Institute for the Study of War (ISW)"
    assert with_short("NATO", PROBES[13][1]) == "North Atlantic Treaty Organization (NATO)"
