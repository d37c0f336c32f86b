"""The foot of a page: a headline that closes it, and a lone bulleted headline set into it
(clean/foot.py); headlines set between paragraphs, a note on the author's career, the outlet's
appeal to follow it (clean/insets.py), as cases of tests/cases/cleaning/foot.json."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from materiel.article import Article, Removal
from materiel.clean.foot import drop_author_bios, drop_closing_headline, drop_story_lists
from materiel.clean.insets import (
    drop_career_notes,
    drop_follow_appeals,
    drop_inset_headlines,
    drop_stamped_teasers,
)
from tests.builders import article_of
from tests.conftest import CASES

DATA = json.loads((CASES / "cleaning" / "foot.json").read_text("utf-8"))
CLOSING = DATA["cases"] + [dict(c, drops=False) for c in DATA["negatives"]]


@pytest.mark.parametrize("case", CLOSING, ids=[c["name"] for c in CLOSING])
def test_closing_headline(case: dict) -> None:
    article = article_of("\n\n".join(case["lines"]))
    drop_closing_headline(article)
    headlines = [line for line in case["lines"][2:] if not line.endswith((".", ":"))] if case["drops"] else []
    assert all(line not in article.text for line in headlines)
    assert all(line in article.text for line in case["lines"] if line not in headlines)
    assert [r.reason for r in article.removed] == ["read_more"] * len(headlines)


@pytest.mark.parametrize("case", DATA["lone_links"], ids=[c["name"] for c in DATA["lone_links"]])
def test_lone_bulleted_headline(case: dict) -> None:
    article = article_of("\n\n".join(case["lines"]))
    drop_story_lists(article)
    bullets = [line for line in case["lines"] if line.startswith(("* ", "- "))]
    assert all((line not in article.text) == case["drops"] for line in bullets)
    assert all(line in article.text for line in case["lines"] if line not in bullets)


def _page_test(case: dict, step: Callable[[Article], None], dropped: list[str], reason: str) -> None:
    article = article_of("\n\n".join(case["lines"]))
    step(article)
    gone = dropped if case["drops"] else []
    assert all(line not in article.text for line in gone)
    assert all(line in article.text for line in case["lines"] if line not in gone)
    assert [r.reason for r in article.removed] == [reason] * len(gone)


@pytest.mark.parametrize("case", DATA["insets"], ids=[c["name"] for c in DATA["insets"]])
def test_inset_headlines(case: dict) -> None:
    """Headlines of other stories between two paragraphs go: every line but the first and last."""
    _page_test(case, drop_inset_headlines, case["lines"][1:-1], "read_more")


@pytest.mark.parametrize("case", DATA["career_notes"], ids=[c["name"] for c in DATA["career_notes"]])
def test_career_note(case: dict) -> None:
    """A note on the author's career at the foot goes: the last line."""
    _page_test(case, drop_career_notes, case["lines"][-1:], "author_bio")


def test_every_author_s_career_note_goes() -> None:
    """A piece written by two has two notes at its foot: both go, the article's paragraphs stay."""
    lines = DATA["career_notes"][0]["lines"][:2]
    notes = [
        "Anna Berg is a research fellow at a defence institute in Stockholm. Her work covers air defence.",
        "Jonas Eklund is an analyst with the same institute, where he studies the Baltic navies.",
    ]
    article = article_of("\n\n".join([*lines, *notes]))
    drop_career_notes(article)
    assert article.text == "\n\n".join(lines)
    assert [r.reason for r in article.removed] == ["author_bio"] * 2


def test_a_note_on_the_author_of_the_byline_goes() -> None:
    """The byline names the author (a short line without a stop), the note at the foot says who
    they are: it goes, a short surname ("Ma") too; a person the article spoke of stays."""
    lines = DATA["career_notes"][0]["lines"][:2]
    note = "Lin Ma is a senior correspondent at the paper, where she covers the defence industry."
    article = article_of("\n\n".join(["By Lin Ma in Seoul", *lines, note]))
    drop_career_notes(article)
    assert note not in article.text and lines[1] in article.text
    quoted = f"{lines[0]} Lin Ma, a trader in Seoul, said prices had doubled."
    article = article_of("\n\n".join([quoted, lines[1], note]))
    drop_career_notes(article)
    assert article.removed == []


# A reporter's biography at the foot in the languages foreign.py covers (round 7 of the unseen pages
# has one in each); a news sentence of the same shape stays: a speech verb, the past tense.
FOREIGN_BIOS = [
    "Jana Weber ist Auslandskorrespondentin und berichtet aus Warschau.",
    "Paul Girard est grand reporter au service Monde.",
    "Marta Ruiz es redactora de la sección de Internacional.",
    "Luca Ferri è inviato speciale e si occupa di Balcani.",
    "Piotr Zieliński jest reporterem działu zagranicznego.",
    "Оксана Мельник — оглядачка видання, пише про армію.",
    "Сергей Орлов – корреспондент отдела политики.",
    # without a role: how long and from where the reporter has reported (round 8)
    "Tobias Krämer berichtet seit 2021 aus Kyjiw. Davor war er im Nachrichtenressort in Hamburg.",
    "Hélène Marchal couvre les questions de défense depuis 2018.",
    "Javier Ortega cubre la información de Defensa desde 2016.",
    "Chiara Monti segue la politica estera dal 2020.",
]
FOREIGN_NEWS = [
    "Jana Weber ist Reporterin beim Rundfunk, sagte der Sprecher der Botschaft.",
    "Paul Girard était journaliste au moment des faits, selon la police.",
    "Marta Ruiz es periodista y dijo que había visto los camiones.",
    "Оксана Мельник — журналістка, заявила прокуратура, порушила правила.",
    "Der Hersteller berichtet seit 2022 über steigende Aufträge aus Osteuropa.",
]


@pytest.mark.parametrize("bio", FOREIGN_BIOS)
def test_a_biography_in_another_language_goes(bio: str) -> None:
    lines = DATA["career_notes"][0]["lines"][:2]
    article = article_of("\n\n".join([*lines, bio]))
    drop_author_bios(article)
    assert article.text.strip() == "\n\n".join(lines)
    assert [r.reason for r in article.removed] == ["author_bio"]


@pytest.mark.parametrize("line", FOREIGN_NEWS)
def test_a_news_sentence_shaped_like_a_biography_stays(line: str) -> None:
    lines = DATA["career_notes"][0]["lines"][:2]
    article = article_of("\n\n".join([*lines, line]))
    drop_author_bios(article)
    assert article.removed == []


@pytest.mark.parametrize("case", DATA["follow_appeals"], ids=[c["name"] for c in DATA["follow_appeals"]])
def test_follow_appeal(case: dict) -> None:
    """The outlet's appeal to follow it goes: the last line."""
    _page_test(case, drop_follow_appeals, case["lines"][-1:], "self_promotion")


@pytest.mark.parametrize("case", DATA["stamped_teasers"], ids=[c["name"] for c in DATA["stamped_teasers"]])
def test_stamped_teasers(case: dict) -> None:
    """A run of teasers that each carry a time stamp goes: every short line."""
    _page_test(case, drop_stamped_teasers, [line for line in case["lines"] if len(line) < 100], "read_more")


# A live post's own heading, the age first, on a page with no menu of aged headlines (review25).
AGED_HEADING = "2h ago Germany pledges ten more Leopard tanks to Ukraine"
BODY = "The defence ministry in Berlin said the tanks would leave a depot in Bavaria within weeks."


def test_a_lone_aged_heading_stays_where_no_menu_was_seen() -> None:
    article = article_of("\n\n".join([AGED_HEADING, BODY]))
    drop_stamped_teasers(article)
    assert AGED_HEADING in article.text and article.removed == []


def test_a_lone_aged_entry_goes_where_its_menu_was_removed() -> None:
    """The line model (run before) took the menu's other entries: the one left goes too."""
    article = article_of("\n\n".join([AGED_HEADING, BODY]))
    article.removed.append(Removal("5h ago Dutch minister confirms drone order", "line_model"))
    drop_stamped_teasers(article)
    assert AGED_HEADING not in article.text and article.removed[-1].reason == "read_more"
