"""The fast main-text pass on small pages written for these tests: what it keeps, what it skips,
and when it hands the page on to trafilatura."""

from __future__ import annotations

from resiliparse.parse.html import HTMLTree

from materiel.article import Article
from materiel.clean import maintext
from materiel.clean.maintext import MAX_LINK_REPEATS, fast_text
from materiel.clean.markup import html_to_text, page_title

PARAGRAPHS = "".join(
    f"<p>Paragraph {n}: the ministry said the shipment of {n * 10} armoured vehicles left the port "
    f"on Tuesday, and that a second one would follow within weeks.</p>"
    for n in range(1, 7)
)


def page(article: str, around: str = "") -> HTMLTree:
    """A page with its article nested as deep as on real sites (Resiliparse drops lists that sit
    within three levels of <body> as site navigation)."""
    return HTMLTree.parse(
        "<html><head><title>Vehicles shipped</title></head><body>"
        "<header><a href='/'>Home</a> <a href='/world'>World</a><h1>Vehicles shipped</h1></header>"
        f"<div class='page'><div class='column'><main><article><div class='body'>{article}</div></article></main>"
        f"</div></div>{around}</body></html>"
    )


def related(count: int) -> str:
    """Teaser headlines set as paragraphs of links (Resiliparse drops link lists by itself)."""
    return "".join(
        f"<p><a href='/story/{n}'>Another story headline, number {n} of the day</a></p>" for n in range(count)
    )


def test_plain_article_is_trusted_without_its_header_and_caption() -> None:
    figure = "<figure><img src='x.jpg'><figcaption class='caption'>Photo: a truck on a ramp</figcaption></figure>"
    fast = fast_text(page(PARAGRAPHS + figure))
    assert fast.trusted
    assert "Paragraph 6" in fast.text
    assert "Home" not in fast.text and "a truck on a ramp" not in fast.text


def posts(count: int) -> str:
    """Several posts on one page, each with the same bar of links under it (a blog's front page)."""
    bar = "<p><a href='/a'>Whatsapp</a> <a href='/b'>Facebook</a> <a href='/c'>Download</a></p>"
    return "".join(f"<div class='post'>{PARAGRAPHS.replace('Paragraph', f'Post {n}')}{bar}</div>" for n in range(count))


def test_the_same_link_block_under_several_posts_makes_it_doubtful() -> None:
    fast = fast_text(page(posts(MAX_LINK_REPEATS)))
    assert fast.link_repeats >= MAX_LINK_REPEATS
    assert not fast.trusted


def test_different_link_blocks_are_no_doubt() -> None:
    fast = fast_text(page(PARAGRAPHS + related(8)))
    assert fast.link_repeats == 1
    assert fast.trusted


def test_a_paragraph_with_a_link_in_it_is_no_link_block() -> None:
    linked = "<p>The <a href='/mod'>ministry</a> confirmed the figures in a statement on Wednesday evening.</p>"
    assert fast_text(page(PARAGRAPHS + linked * 5)).link_repeats == 0


def test_furniture_classes_are_skipped() -> None:
    share = "<div class='share-bar'>Share this story with your friends and family today</div>"
    fast = fast_text(page(PARAGRAPHS + share))
    assert fast.trusted and "Share this story" not in fast.text


def test_an_article_inside_furniture_is_kept_by_the_lenient_pass() -> None:
    hidden_by_name = f"<div class='story-widget-body'>{PARAGRAPHS}</div>"
    fast = fast_text(page(hidden_by_name))
    assert "Paragraph 3" in fast.text


def test_list_items_keep_their_bullet_and_markup_characters_stay_text() -> None:
    item = "<li>two &lt;b&gt;radars&lt;/b&gt; &amp; spare parts for the air-defence units in the east</li>"
    text = fast_text(page(f"{PARAGRAPHS}<ul>{item * 3}</ul>")).text
    assert "• two <b>radars</b> & spare parts for the air-defence units in the east" in text.split("\n")


def test_doubtful_pages_still_get_their_text() -> None:
    article = Article(id="p", source="p", html=str(page(posts(4)).document.html))
    html_to_text(article)
    assert article.title == "Vehicles shipped"
    assert "Post 0 6" in article.text
    assert article.notes == ["main text by trafilatura: the fast result had a block made of links 4 times (3 or more)"]


def test_a_short_article_is_trusted_but_a_caption_alone_is_not() -> None:
    sentence = "the ministry confirmed that the armoured vehicles left the port."
    short = "".join(f"<p>Paragraph {n}: {sentence}</p>" for n in (1, 2, 3))
    assert fast_text(page(short)).trusted
    assert not fast_text(page("<p>Photo: a truck on a ramp.</p>")).trusted


def shallow(body: str) -> HTMLTree:
    """A page whose article sits right under <body>, where Resiliparse drops lists as navigation."""
    return HTMLTree.parse(f"<html><head><title>Aid</title></head><body><article>{body}</article></body></html>")


def test_list_announced_by_a_colon_is_put_back() -> None:
    intro = "<p>The Netherlands will deliver a new package of military support to Ukraine. It includes:</p>"
    items = "<ul><li>18 F-16 fighter jets</li><li>3 Patriot launchers</li></ul>"
    fast = fast_text(shallow(intro + items + PARAGRAPHS))
    assert "It includes:\n• 18 F-16 fighter jets\n• 3 Patriot launchers\nParagraph 1" in fast.text


def test_a_list_the_pass_kept_under_its_colon_needs_no_second_reading(monkeypatch) -> None:
    """The whole page is read again only for a colon line with no list under it: where the
    main-content pass kept the list (a long one, deep in the article), nothing is looked for."""
    intro = "<p>The Netherlands will deliver a new package of military support to Ukraine. It includes:</p>"
    items = "<ul>" + "".join(f"<li>{n} boxes of spare parts for the tanks</li>" for n in range(2, 9)) + "</ul>"
    readings = []
    real = maintext._markup
    monkeypatch.setattr(maintext, "_markup", lambda *a, **k: readings.append(k) or real(*a, **k))
    text = fast_text(page(intro + items + PARAGRAPHS)).text
    assert "It includes:\n• 2 boxes of spare parts for the tanks\n" in text and text.count("• 8 boxes") == 1
    assert {"main_content": False} not in readings


def test_list_without_a_colon_or_of_links_stays_out() -> None:
    unannounced = "<p>The ministry published its list today.</p><ul><li>18 F-16 fighter jets</li></ul>"
    menu = "<p>Sections:</p><ul><li><a href='/a'>World news</a></li><li><a href='/b'>Sport</a></li></ul>"
    fast = fast_text(shallow(unannounced + menu + PARAGRAPHS))
    assert "F-16" not in fast.text
    assert "World news" not in fast.text


def _title(body: str, head: str = "<title>The page's own title | Site</title>") -> str | None:
    return page_title(HTMLTree.parse(f"<html><head>{head}</head><body>{body}</body></html>"))


def test_the_headline_is_the_first_of_the_first_three_h1_with_a_few_words() -> None:
    """A logo's or a widget's <h1> (a word or two, or empty) is passed over; the elements are
    read in the page's order, whatever case the tag is written in and however deep it sits."""
    assert _title("<h1>Logo</h1><div><div><H1>Germany sends more tanks</H1></div></div>") == "Germany sends more tanks"
    assert _title("<h1></h1><h1>Menu</h1><section><h1>Frigates leave the port</h1></section>") == (
        "Frigates leave the port"
    )
    assert _title("<h1>A</h1><h1>B</h1><h1>C</h1><h1>Four words are here</h1>") == "The page's own title | Site"
    shared = '<meta property="og:title" content="Germany sends more tanks to Kyiv">'
    assert _title("<h1>A story about something else</h1>", shared) == "Germany sends more tanks to Kyiv"
    assert _title("<h1>Germany sends more tanks</h1>", shared) == "Germany sends more tanks"


def test_blocks_split_at_every_break_and_only_there() -> None:
    """A line without "<br" is one block as it stands (no split is tried); the others are split at
    each break, whatever its spelling."""
    markup = "<p>One <b>line</b></p>\n<li>An item<br>its second line</li>\n<p>A<br/>B<br />C<BR>D</p>\n<br"
    assert list(maintext._blocks(markup)) == [
        (block, line.lstrip().startswith("<li")) for line in markup.split("\n") for block in maintext._BREAK.split(line)
    ]
    assert [b for b, _ in maintext._blocks("<p>A<br/>B<br />C</p>")] == ["<p>A", "B", "C</p>"]
