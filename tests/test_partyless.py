"""Articles whose materiel paragraphs name no party are not parsed: the output is the same as
when they are (every side of a transfer is an actor named in a paragraph the NLP reads, or one
of two actors the title names), and the quotations are found as before."""

from __future__ import annotations

import pytest

import materiel.extract.context as context_module
from materiel.extract import extract_findings
from materiel.extract.context import build_context
from tests.builders import article_of

# (title, text): materiel without a party, near misses that name one (a demonym, a capital, a
# leader, an alliance, a party only in the title or in a paragraph the gate leaves out), pronouns
# and "the country" with no state named, quotations, money and arming verbs.
PROBES = [
    (None, "The tanks were delivered last week, the ministry said."),
    (None, "It also acquired 24 Rafale jets. The country received them in May."),
    (None, "He said the jets would be sent soon, and they were."),
    ("Germany sends tanks to Ukraine", "The tanks arrived on Monday by rail."),
    ("Ukraine gets more tanks", "The tanks arrived on Monday by rail."),
    (None, "American-made missiles reached the rebels in the north."),
    (None, "Kyiv received the howitzers it had asked for."),
    (None, "NATO allies delivered drones to the front."),
    (None, "President Biden spoke on Monday.\n\nHe said the jets would be sent soon."),
    (None, "Drones were delivered overnight.\n\nUkraine is cold in winter."),
    (None, "Ukraine is fighting hard.\n\nThe weather is cold.\n\nDrones were delivered."),
    (None, '"We need more shells," the commander said. "Without them we lose."'),
    (None, "The officials said “the missiles were sent” and refused to say more.\n\nThe shells arrived."),
    (None, "$500 million in military aid was approved on Friday."),
    (None, "Moscow was arming the rebels, the report claimed."),
    (None, "John Smith sold rifles to the militia, a court heard."),
    (None, "The drones were not delivered, the company denied it.\n\nThe Pentagon declined to comment."),
    (None, "The U.S. shipped Patriot missiles; they arrived within a week."),
    (None, "Germany delivered 14 Leopard tanks to Ukraine in March, the ministry said."),
    ("Germany sends Leopard tanks to Ukraine", "Berlin said the 14 Leopard tanks were delivered to Kyiv."),
    ("Rafale deal", "The jets will be delivered in 2026, Dassault said. The buyer was not named."),
]


def _extract(title: str | None, text: str) -> dict:
    article = article_of(text, title=title)
    extract_findings(article)
    return article.to_dict()


@pytest.mark.parametrize(("title", "text"), PROBES)
def test_partyless_articles_give_what_their_parse_gives(
    title: str | None, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shortcut = _extract(title, text)
    monkeypatch.setattr(context_module, "_names_parties", lambda *_: True)
    assert shortcut == _extract(title, text)


def test_materiel_without_a_party_is_not_parsed() -> None:
    context = build_context(article_of("The tanks were delivered last week."))
    assert context.paragraphs == [] and context.lead == []


def test_materiel_with_a_party_is_parsed() -> None:
    context = build_context(article_of("Kyiv received the tanks last week."))
    assert [p.text for p in context.paragraphs] == ["Kyiv received the tanks last week."]
