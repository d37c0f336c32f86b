"""Short labels and calls of a page's chrome that the other rule sets miss, met in pages written
for tests (tests/cases/cleaning/chrome.json): a share menu's and a comment box's labels, the
paywall's price, a sponsor's label, the links to write to the desk, the lines of an author's box
that hold an address ("She can be reached at ..."), a licence to republish, a book's order
button. Each is a whole short line, anchored at its start, so that a sentence with the same words
is not taken for one.
"""

from __future__ import annotations

from materiel.clean.rules import rule

LABEL_RULES = (
    rule(
        "share_bar",
        r"""^\W*(?:share\ via|share\ on|share\ to|listen)\W*$""",  # a share menu's heading; a player's button
        30,
        anchored=True,
    ),
    rule(
        "comment_prompt",
        r"""^\W*(?:join\ the\ (?:discussion|conversation|debate)|add\ (?:a|your)\ comment|post\ a\ comment)\W*$""",
        40,
        anchored=True,
    ),
    rule(
        "paywall",
        r"""^\W*subscribe\ (?:for|from)\ (?:just\ |only\ )?[$£€]\s?\d[\d.,]*\b.{0,40}$""",  # "Subscribe for $1"
        80,
        anchored=True,
    ),
    rule(
        "advertisement",
        r"""^\W*(?:paid|partner|sponsored|promoted)\ (?:content|post|story|partner)\W*$""",  # "Paid content"
        30,
        anchored=True,
    ),
    rule(
        "navigation",
        r"""
        ^\W*(?:write\ to\ the\ (?:editor|author|desk)|contact\ the\ (?:author|editor|reporter)   # the desk's links
          | suggest\ a\ correction|submit\ a\ correction|send\ us\ a\ tip)\W*$
      | ^\W*contact\ the\ (?:author|editor|reporter)\s*:\s*\S+@\S+\W*$                      # "Contact the author: a@b"
    """,
        80,
        anchored=True,
    ),
    rule(  # an author's box: its heading, and its line with an address
        "author_card",
        r"""
        ^\W*about\ the\ (?:author|writer|contributor)s?\s*:\s*(?-i:[A-Z]).{0,250}$   # "About the author: X is"
      | ^[^.!?]{5,150}[.!?]\s+(?:s?he|they)\ can\ be\ (?:reached|contacted)\ (?:at|via|on)\ \S+@\S+\W*$  # an address
      | ^[^.!?]{5,150}[.!?]\s+follow\ (?:him|her|them)\ on\ (?:x|twitter|bluesky|threads|linkedin|instagram)\b.{0,40}$
    """,
        300,
        anchored=True,
    ),
    rule(
        "cookie_notice",
        r"""^\W*(?:accept|reject|decline|agree)\W*$""",  # a consent banner's button alone
        20,
        anchored=True,
    ),
    rule(
        "copyright",
        r"""^\W*all\ rights\ reserved(?:\W*$|\.\s.{0,150}$)""",  # "All rights reserved. Reproduction ... prohibited."
        200,
        anchored=True,
    ),
    rule(  # a licence to republish, a line of its own
        "disclaimer",
        r"""
        ^\W*(?:this\ (?:article|work|content)|content\ on\ this\ site|our\ (?:articles|content))
            \ (?:is|are)\ licensed\ under\ (?:a\ |the\ )?(?:creative\ commons|cc[\ -]by)\b.{0,80}$  # "... under CC BY"
      | ^\W*republish\ (?:our|this|these)\ (?:articles?|stor(?:y|ies))                      # "Republish our articles
            (?:\W*$|\ (?:for\ free|under|online|with)\b.{0,160}$)                            #  for free ..."
      | ^\W*originally\ published\ (?:at|on)\ (?:[\w-]+\.)+[a-z]{2,6}\W*$        # "Originally published at x.com"
    """,
        250,
        anchored=True,
    ),
    rule(  # a book's or a shop's buttons
        "self_promotion",
        r"""^\W*(?:order\ your\ copy|pre-?order)(?:\ (?:now|today|here))?\W*$
          | ^\W*available\ (?:at|from)\ all\ good\ book(?:shops|stores|sellers)\W*$
          | ^\W*give\ now\W*$""",
        60,
        anchored=True,
    ),
)
