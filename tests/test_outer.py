"""Runs of other stories' headlines outside the article's prose (clean/outer.py), and runs of
the article's own that stay. Lines written for these tests."""

from __future__ import annotations

from materiel.article import Article
from materiel.clean.outer import REASON, drop_outer_lists
from tests.builders import article_of

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
    article = article_of("\n\n".join(paragraphs))
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
    article = article_of("\n\n".join([P1, P2, *TEASERS]), from_html=True)
    drop_outer_lists(article)
    assert article.removed == []


STORIES = [
    "Latvia weighs buying new rocket launchers for its army next year",
    "Finland opens its new ammunition plant near the Russian border",
    "Denmark hands over its last howitzers to Kyiv after a long delay",
    "Norway signs a deal for four more submarines with a German yard",
]
EXCERPT = (
    "The Swedish government said on Friday that it would order a further batch of air-defence "
    "missiles for its own forces, replacing those it gave away last year."
)


def test_a_list_with_questions_goes() -> None:
    run = [TEASERS[0], "Will Latvia buy more rocket launchers?", TEASERS[1], "Who pays for the new plant?"]
    assert _cleaned([P1, P2, *run]).text == f"{P1}\n\n{P2}"


def test_a_headline_that_closes_a_quotation_without_a_stop_is_a_headline() -> None:
    quoted = "Finnish gunner speaks: ‘We count every shell we fire’"
    assert _cleaned([P1, P2, TEASERS[0], quoted, TEASERS[1]]).text == f"{P1}\n\n{P2}"
    stopped = "Finnish gunner speaks: ‘We count every shell we fire.’"
    assert _cleaned([P1, P2, TEASERS[0], stopped, TEASERS[1]]).removed == []


def test_stories_after_a_short_sentence_go() -> None:
    """A short sentence may introduce the article's own list of a few words an item, never a
    list of other stories' headlines."""
    closing = "The ministry did not comment."
    assert _cleaned([P1, P2, closing, *STORIES[:3]]).text == f"{P1}\n\n{P2}\n\n{closing}"


def test_an_excerpt_that_closes_a_list_of_stories_goes() -> None:
    assert _cleaned([P1, P2, *STORIES, EXCERPT]).text == f"{P1}\n\n{P2}"


def test_a_last_paragraph_after_short_subheadings_stays() -> None:
    """Short lines before the last paragraph are the article's subheadings or items, not
    headlines of stories; fewer than TEASER_RUN headlines are no list either."""
    assert _cleaned([P1, P2, *TEASERS, "More deliveries to come", EXCERPT]).removed == []
    assert _cleaned([P1, P2, *STORIES[:3], EXCERPT]).removed == []
