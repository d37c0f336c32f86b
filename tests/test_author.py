"""A statement page's title names who speaks: its author is a source of what it reports."""

from __future__ import annotations

import pytest

from materiel.extract.author import title_authors


@pytest.mark.parametrize(
    ("title", "authors"),
    [
        ("Statement from Security Adviser Ann Lee on Air Defence for Ukraine", ["Security Adviser Ann Lee"]),
        ("Statement by the President", ["the President"]),
        ("Joint Statement by Minister Berg and Minister Holm Ahead of a Summit", ["Minister Berg", "Minister Holm"]),
        ("Remarks by the Secretary of Defense at the Contact Group", ["the Secretary of Defense"]),
        ("Readout of Secretary Ruiz’s Call with Defence Minister Okafor", ["Secretary Ruiz"]),
        ("Readout of the Prime Minister's meeting with the Chancellor", ["the Prime Minister"]),
        ("Fact Sheet: New Security Assistance for Ukraine", []),
        ("Germany sends tanks; statement by Berlin follows", []),
        ("Statements by officials show rising tension", []),
        (None, []),
    ],
)
def test_title_authors(title: str | None, authors: list[str]) -> None:
    assert [source.name for source in title_authors(title)] == authors
