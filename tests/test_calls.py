"""The outlet's calls to action, found by their grammar (clean/calls.py): an imperative of the
reader's action addressed to the reader or the outlet goes; the same verbs in the article's
sentences, quoted pleas and names in title case stay. Lines written for these tests."""

from __future__ import annotations

import re

import pytest

from materiel.clean.calls import REASON, Words, call_to_action, drop_calls_to_action
from tests.builders import article_of

CALLS = [
    "Help us keep this reporting free for every reader.",
    "Join us at our defence forum in Vienna on 12 May. Tickets are on sale now.",
    "Sign up for our weekly briefing on the arms trade.",
    "Support our newsroom with a monthly gift.",
    "FOLLOW US ON TELEGRAM! Every update from the front line.",
    "Stay with us for the latest from the summit.",
    "Republish our stories for free under a Creative Commons licence.",
    "Tell us what you think of this piece.",
    # a form's terms put to the reader
    "By entering your address, you agree to receive our emails and accept the privacy policy.",
    "You may opt out at any time. By registering you acknowledge the terms of the service.",
    # a question to the reader, answered by an order
    "Got a story from the front? Email the desk at tips@example.org.",
    "Do you want fewer adverts? Sign in to your account",
    # a polite order to the reader, for the outlet or with an address
    "Our reporting is free to read. Please consider a gift to keep it that way.",
    "Please write to corrections@example.org if you spot an error.",
    # an order to work the page
    "Click the button below to reset your password.",
    "Enter the code from the message to finish signing in.",
    "**Click** **here** to open the interactive map of the front line.",
    # a short line naming a web address in the reader's or the outlet's person
    "Thank you for reading defencewire.example.com.",
    "You can find all of our maps at example.org/maps",
    "More from us every morning on www.example.net",
    "We are now on example.net: the same news, a new home.",
    # a pointer to what else the page shows
    "See the video of the test launch above.",
    "SEE ALL PHOTOS",
    "See the full list of the deliveries in our tracker.",
    # clean19: the page's comment section named to the reader, an order of staying informed
    "Have your say on this story in the comments section below.",
    "Join the conversation: comments are moderated and may take a few minutes to appear.",
    "Share your view of the new tanks in the comments.",
    "Join the discussion below and keep it civil.",  # the section by its other word
    "HAVE YOUR SAY IN THE COMMENTS BELOW.",  # the words looked for first, in capitals
    "Stay informed with our daily digest of the most important news from the front.",
    "Stay updated with us on every delivery to the front.",
]
ARTICLE = [
    # the same verbs with a subject, or not addressed to the reader
    "Help for the front line came from an unexpected quarter in the spring.",
    "Join exercises with the alliance are planned for next year, the ministry said.",
    "Read together, the two contracts show how far the programme has slipped.",
    # a plea quoted or reported
    "Help us, the mayor of the town pleaded on Tuesday as the shelling went on.",
    "“Help us close the sky,” the president told lawmakers in a video address.",
    # a name in title case, and the country in capitals
    "Check Your Facts Weekly reached out to the ministry for comment.",
    "Support US weapons deliveries, the senator wrote in a letter to colleagues.",
    # a plea of war and an example in an op-ed's own words
    "Give us the planes and we will finish the job.",
    "Take our own navy: it has waited ten years for new frigates.",
    # a gerund's condition without the reader, or the reader's agreement reported
    "By sending the tanks, Germany agreed to a larger role in the coalition.",
    "By signing the deal you accept nothing, the minister argued in parliament.",
    # an op-ed's rhetorical question and its own answer
    "Do you remember the winter of 2014? Crimea fell in a matter of days.",
    "Have the allies done enough? The record of the past year suggests not.",
    # a polite order reported, or a blog introducing its own quotation
    "Please leave the city now, the governor told residents on Sunday.",
    "Please consider the chart below, emphasis mine.",
    # the same verbs naming no control of a page, and nouns that share their spelling
    "Enter the new commander, a veteran of the northern front.",
    "Type 055 destroyers were shown in the photo below, next to the carrier.",
    "Press reports in Seoul put the value of the link-up at two billion dollars.",
    # a how-to's own instruction that introduces its list
    "Click the link above and you will be able to:",
    # a web address in the third person, in the outlet's "we" as a subject, or quoted
    "The ministry posted the full list on mod.example.ua.",
    "We asked press@example.org for comment on Monday.",
    "We contacted the firm through example.com but had no reply.",
    # "see" with a subject, with an op-ed's own object, or quoted
    "Analysts see the map of the front redrawn by the autumn.",
    "See how far the line has moved since the spring.",
    "\u201cSee the list for yourself,\u201d the minister said.",
    "\u201cFind us on example.com,\u201d the spokesman said.",
    # clean19: someone else's comments in the third person, a reported plea, staying in the past
    "Readers filled the comments section of the ministry's post with angry questions.",
    "In the comments under his video, users mocked the new uniforms.",
    "Your comments on the draft law are welcome, the ministry said.",
    "Stay informed about air raid alerts, the city council urged residents.",
    "Leaders stayed informed through daily briefings from the general staff.",
    # a writer's paragraph that argues first and closes by asking for comments
    "Ranking a year of launches is hard. Surely we missed one of yours. Leave a comment and tell us.",
    # the reader's person in a longer paragraph that argues
    "If you doubt the figures, you can check them against the tables at example.org, which the "
    "institute has kept since 1992 and which show the same rise in every region of the country.",
]


@pytest.mark.parametrize("line", CALLS)
def test_a_call_to_action_goes(line: str) -> None:
    assert call_to_action(line)


@pytest.mark.parametrize("line", ARTICLE)
def test_article_sentences_stay(line: str) -> None:
    assert not call_to_action(line)


def test_a_long_paragraph_stays() -> None:
    paragraph = "Help us understand why the shells never arrived. " + "The ministry has not explained the delay. " * 10
    assert not call_to_action(paragraph)


def test_the_step_drops_calls_between_paragraphs() -> None:
    body = [
        "Estonia has sent another batch of anti-tank missiles to Ukraine, the defence ministry said.",
        CALLS[0],
        "Officials said that further deliveries would follow before the end of the year.",
    ]
    article = article_of("\n\n".join(body))
    drop_calls_to_action(article)
    assert article.text == f"{body[0]}\n\n{body[2]}"
    assert [(r.text, r.reason) for r in article.removed] == [(CALLS[0], REASON)]


def test_text_from_html_is_cleaned_too() -> None:
    article = article_of(f"{ARTICLE[0]}\n\n{CALLS[0]}", from_html=True)
    drop_calls_to_action(article)
    assert article.text == ARTICLE[0]


@pytest.mark.parametrize(
    "text",
    [
        "Please send your tips to the desk.",
        "PLEASE CONSIDER A GIFT",
        "Kindly note the new address.",
        "The frigates sailed at dawn.",
        "Written by the desk",
        "ᴘlease is not please",  # a small capital: no fold to "p"
        "\u212aindly note",  # the Kelvin sign folds to "k"
        "plea\u017fe send",  # the long s folds to "s"
        "K\u0130NDLY NOTE",  # the dotted capital I folds to "i"
        "Вы можете kindly помочь",
        "",
    ],
)
def test_words_are_found_as_the_case_blind_regex_finds_them(text: str) -> None:
    words = Words("please", "kindly")
    lowered = text.lower() if text.isascii() else None
    assert words.found_in(text, lowered) is (words.regex.search(text) is not None)
    assert Words("by").found_in(text, lowered) is (re.search("by", text, re.IGNORECASE) is not None)
