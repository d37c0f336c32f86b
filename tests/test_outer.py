"""Runs of other stories' headlines outside the article's prose (clean/outer.py), and runs of
the article's own that stay. Lines written for these tests."""

from __future__ import annotations

from materiel.article import Article
from materiel.clean.outer import REASON, drop_outer_lists

P1 = (
    "Estonia has sent another batch of Javelin anti-tank missiles to Ukraine, the defence ministry in "
    "Tallinn said on Monday, without giving a number."
)
P2 = (
    "Officials said that further deliveries would follow before the end of the year, according to a "
    "statement published by the ministry on its website."
)
TEASERS = [
    "Latvia weighs buying new rocket launchers",
    "Finland opens its new ammunition plant",
    "Denmark hands over its last howitzers",
]


def _cleaned(paragraphs: list[str]) -> Article:
    article = Article(id="case", source="test", text="\n\n".join(paragraphs))
    drop_outer_lists(article)
    return article


def test_headlines_after_the_article_go() -> None:
    article = _cleaned([P1, P2, *TEASERS])
    assert article.text == f"{P1}\n\n{P2}"
    assert [r.reason for r in article.removed] == [REASON] * 3


def test_headlines_before_the_article_go() -> None:
    assert _cleaned([*TEASERS, P1, P2]).text == f"{P1}\n\n{P2}"


def test_two_headlines_are_no_list() -> None:
    assert _cleaned([P1, P2, *TEASERS[:2]]).removed == []


def test_subheadings_inside_the_article_stay() -> None:
    assert _cleaned([P1, *TEASERS, P2]).removed == []


def test_a_list_the_article_introduces_stays() -> None:
    items = ["Javelin missiles and launchers", "Carl Gustaf recoilless rifles", "Mortar rounds for the infantry"]
    assert _cleaned([P1, P2, "The package includes:", *items]).removed == []
    assert _cleaned([P1, P2, "The package holds these weapons.", *items]).removed == []


def test_a_list_of_figures_or_labelled_entries_stays() -> None:
    figures = ["Poland 48 howitzers", "Czechia 12 rocket launchers", "Slovakia 8 helicopters"]
    labelled = [
        "Saudi Arabia: Typhoon jets from Britain",
        "Qatar: Rafale jets from France",
        "Egypt: Frigates from Italy",
    ]
    assert _cleaned([P1, P2, *figures]).removed == []
    assert _cleaned([P1, P2, *labelled]).removed == []


def test_short_sentences_and_questions_stay() -> None:
    sentences = ["He declined to comment further.", "The ministry did not reply.", "More is expected."]
    questions = ["Will Estonia send more?", "How many missiles are left?", "What does Russia say?"]
    assert _cleaned([P1, P2, *sentences]).removed == []
    assert _cleaned([P1, P2, *questions]).removed == []


def test_a_page_without_prose_is_left_alone() -> None:
    assert _cleaned(TEASERS).removed == []


def test_text_from_html_is_left_alone() -> None:
    article = Article(id="case", source="test", text="\n\n".join([P1, P2, *TEASERS]), from_html=True)
    drop_outer_lists(article)
    assert article.removed == []
