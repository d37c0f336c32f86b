"""Teaser cards, link farms and lists of links on pages written for these tests: the fast pass
(clean/cards.py, through maintext.fast_text) drops them and keeps what only looks like them."""

from __future__ import annotations

from resiliparse.parse.html import HTMLTree

from materiel.clean.cards import link_state
from materiel.clean.maintext import fast_text

STORY = "".join(
    f"<p>Paragraph {n}: the defence ministry said {n * 4} howitzers had left the depot on Monday and "
    f"that their crews would finish training in the spring.</p>"
    for n in range(1, 5)
)


def text(inside: str, after: str = "") -> str:
    """The fast pass's text of a page with `inside` in the article's column and `after` below it,
    nested as deep as on real sites."""
    html = (
        "<html><body><div class='wrap'><div class='grid'><div class='col'><div class='body'>"
        f"{STORY}{inside}</div></div><div class='x1'><div class='x2'>{after}</div></div></div></div></body></html>"
    )
    return fast_text(HTMLTree.parse(html)).text


def card(head: str, teaser: str, href: str = "/story") -> str:
    return f"<div class='c9x'><a href='{href}'><h3>{head}</h3></a><p>{teaser}</p></div>"


def test_a_run_of_teaser_cards_goes_and_the_article_stays() -> None:
    cards = card("Warum die Beschaffung dauert", "Ein Blick in die Akten zeigt, woran es hakt.")
    cards += "<div><h3><a href='/b'>Der Gipfel der Versprechen</a></h3><p>Viele Staaten liegen darunter.</p></div>"
    out = text("", f"<h2>Das könnte Sie auch interessieren</h2>{cards}")
    assert "Paragraph 4: the defence ministry" in out
    assert "Ein Blick in die Akten" not in out and "Viele Staaten liegen" not in out
    assert "Warum die Beschaffung" not in out


def test_one_card_goes_under_a_box_label_and_stays_alone() -> None:
    one = card("Najtańsze kredyty w listopadzie", "Sprawdziliśmy oferty dwunastu banków.")
    assert "Sprawdziliśmy oferty" not in text("", f"<h3>Polecamy</h3>{one}")
    assert "Sprawdziliśmy oferty" in text("", f"<p>The ministry gave no dates.</p>{one}")


def test_linked_subheadings_over_long_sections_stay() -> None:
    section = (
        "<h3><a href='https://shop.example/{n}'>Charger number {n}</a></h3><p>This charger kept a laptop "
        "running on a long drive, and its second port charged a phone at the same time, which no other "
        "model we tried this year could do without getting hot.</p>"
    )
    out = text("".join(section.format(n=n) for n in range(3)))
    assert "Charger number 2" in out and "which no other model we tried" in out


def test_live_posts_linked_to_their_own_place_on_the_page_stay() -> None:
    posts = card("Poland hands over jets", "Four more jets arrived, the ministry said.", "#post-2")
    posts += card("Drones shot down overnight", "Most of the drones were intercepted.", "#post-1")
    out = text(posts)
    assert "Four more jets arrived" in out and "Most of the drones were intercepted" in out


def test_link_farms_and_lists_of_links_go_but_prose_with_links_stays() -> None:
    """A shallow page (its rail and footer two levels under <body>), where the main-content pass
    keeps the rail's list and the footer's links."""
    farm = " ".join(f"<a href='/p/{n}'>{w}</a>" for n, w in enumerate(["Impressum", "Offenlegung", "Quiénes somos"]))
    most_read = "<ol>" + "".join(f"<li><a href='/m/{n}'>Horóscopo número {n}</a></li>" for n in range(3)) + "</ol>"
    prose = "<p>The <a href='/a'>ministry</a> and the <a href='/b'>army</a> and <a href='/c'>industry</a> agreed.</p>"
    own_list = "<p>The package includes:</p><ul><li>six <a href='/g'>Gepard</a> tanks</li><li>spare barrels</li></ul>"
    html = (
        f"<html><body><div class='q'><div class='e'><h1>Howitzers leave</h1><div class='o'>{STORY}{prose}{own_list}"
        f"</div></div><div class='z'><h3>Lo más visto</h3>{most_read}</div></div>"
        f"<div class='f'>{farm}<p>Todos los derechos reservados.</p></div></body></html>"
    )
    out = fast_text(HTMLTree.parse(html)).text
    assert "Offenlegung" not in out and "Horóscopo número 1" not in out
    assert "The ministry and the army and industry agreed." in out
    assert "• six Gepard tanks" in out


def test_a_link_left_open_over_lines_is_followed() -> None:
    assert link_state('<a href="#x">', None) == '<a href="#x">'
    assert link_state("<h3>Headline</h3>", '<a href="#x">') == '<a href="#x">'
    assert link_state("</a>", '<a href="#x">') is None
    assert link_state('<p>See <a href="/y">this</a>.</p>', None) is None
