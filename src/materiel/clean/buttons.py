"""Widgets of a page's chrome, said in whole short lines: a browser's notices about a player or a
script, push-notification prompts, text-size and feedback buttons, footer links to the outlet's
policies, the labels of paid story lists and of app-store badges, a publication's offers. Each
alternative matches a whole line and each rule is capped short, so a sentence of the article with
the same words stays (tests/cases/cleaning/chrome.json holds both).
"""

from __future__ import annotations

from materiel.clean.rules import rule

BUTTON_RULES = (
    rule(  # a page's widgets, each a whole short line: the browser's notices about a player or a script
        "video_player",
        r"""
        ^\W*(?:this|the)\ video\ (?:can\ ?not|cannot|could\ not)\ be\ played\b.{0,40}$
      | ^\W*(?:please\ )?enable\ javascript\b.{0,60}$                         # "Enable JavaScript to view this content"
      | ^\W*your\ browser\ does\ not\ support\ (?:the\ )?(?:video|audio|html5)\b.{0,40}$
    """,
        120,
        anchored=True,
    ),
    rule(  # buttons and prompts of the page's chrome, each a whole short line
        "navigation",
        r"""
        ^\W*(?:allow|block|enable|turn\ on)\ notifications\W*$                          # a push prompt's buttons
      | ^\W*we['’]d\ like\ to\ send\ you\ (?:push\ )?notifications\b.{0,60}$         # and its question
      | ^\W*font\ size\W*(?:a\W*){1,3}$ | ^\W*(?:a\s*){2,3}$                         # text size buttons "A A A"
      | ^\W*(?:was\ this\ (?:article|page|story)\ (?:helpful|useful)\?\W*)?yes\W+no\W*$  # a feedback poll
      | ^\W*thank(?:s|\ you)\ for\ your\ feedback\W*$
      | ^\W*(?:editorial|corrections?|ethics)\ (?:policy|standards|guidelines)\W*$   # footer links
      | ^\W*(?:load|view|read)\ (?:all\ )?comments(?:\ \(\d+\))?\W*$ | ^\W*explore\ more\W*$
      | ^\W*(?:opens?\ (?:in\ )?(?:a\ )?new\ (?:tab|window))\W*$
      | ^\W*(?:oops\W+)?(?:something\ went\ wrong|an\ error\ (?:has\ )?occurred|there\ was\ an\ error)
            (?:\ with\ (?:the\ )?\w+)?\W*(?:please\ try\ again(?:\ later)?\W*)?$   # a form's or a widget's error
      | ^\W*please\ try\ again(?:\ later)?\W*$
      | ^\W*(?:(?:menu|search|sign\ in|sign\ up|log\ in|subscribe|register|account|my\ account|home|close)
            (?:\W+|$)){2,}$                                                  # a header's buttons run together
    """,
        80,
        anchored=True,
    ),
    rule(  # a comment box's or a letters page's invitation, outside quotation marks
        "comment_prompt",
        r"""^[^\w“"‘'«]*we['’]d\ (?:like|love)\ to\ hear
            \ (?:what\ you\ think|from\ you|your\ (?:thoughts|views))\b.{0,100}$""",
        160,
        anchored=True,
    ),
    rule(  # other stories the page's advertisers paid for, and its app's store badges
        "advertisement",
        r"""
        ^\W*(?:paid\ )?(?:promoted|sponsored|partner)\ (?:stories|content|links|articles|news)\W*$
                                                  # "Paid partner content"
      | ^\W*(?:recommended|promoted)\ by\ (?:outbrain|taboola|revcontent|mgid)\W*$
      | ^\W*(?:available\ on|download\ on|get\ it\ on)\ (?:the\ )?(?:app\ store|google\ play)\W*$
    """,
        60,
        anchored=True,
    ),
    rule(  # a publication's offers: copies by post, a newsletter by name, a podcast's feeds
        "paywall",
        r"""
        ^\W*get\ [^,]{1,60}\ delivered\ (?:to|through|into)\ your\ (?:door|letterbox|letter\ box|inbox|mailbox|home)\b
            [^,]{0,120}$                                  # "Get X delivered through your letterbox" (no "..., he said")
      | ^[^,]{0,80}\b\d+\ issues\ for\ (?:just\ |only\ )?[$€£]\s?\d[^,]{0,80}$  # "12 issues for £11.99"
    """,
        250,
        ("delivered", "ssues for"),  # ("ssues": a dotted capital I is no "i" once folded)
        anchored=True,
    ),
    rule(
        "newsletter",
        r"""^\W*(?:get|read)\ (?:our|the)\ (?:[\w.'’&-]+\ ){0,4}newsletters?\W*$""",  # "Get our weekly X newsletter"
        80,
        anchored=True,
    ),
    rule(
        "self_promotion",
        r"""^\W*how\ to\ (?:listen\ to|subscribe\ to)\ (?:the\ )?(?:[\w'’&-]+\ ){0,4}podcast\W*$""",
        80,
        anchored=True,
    ),
)
