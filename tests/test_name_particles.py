"""A surname's lower-case particle leads the name it is written with alone ("van Rooyen said",
"de la Fuente told"), but not a state's or a people's word after it: "van" is also an English noun
("the van Kyiv hired", "a van Russian troops seized"), and the words after it are read as they
are (namementions._particles_before_actor)."""

from __future__ import annotations

import pytest

from materiel.extract.namementions import name_mentions


def _names(text: str) -> list[str]:
    return [m.text for m in name_mentions(text, 0, 0) if m.kind in ("person", "single")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The deal is done, van Rooyen said on Monday.", "van Rooyen"),
        ("The vote was close, de la Fuente told the chamber.", "de la Fuente"),
        ("The shells are ready to ship, da Silva said.", "da Silva"),
    ],
)
def test_a_surname_keeps_its_particle(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "The convoy was hit twice, the owner of the van Russian troops seized told reporters.",
        "The crates were full of shells, the driver of the delivery van Ukrainian soldiers stopped said.",
        "It was loaded at night, the driver of a white van Kyiv had hired said.",
        "The boxes were empty, the crew of the van Poland sent to the border said.",
    ],
)
def test_a_particle_before_a_state_or_a_people_leads_no_name(text: str) -> None:
    assert not any(name.startswith(("van ", "de ")) for name in _names(text)), _names(text)
