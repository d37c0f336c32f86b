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
      | ^\W*(?:über\ (?:den\ autor|die\ autorin)|à\ propos\ de\ l['’]aut(?:eur|rice)|sobre\ (?:el\ autor|la\ autora)
          |об\ авторе|про\ автора|про\ авторку)\s*:\s*\w.{0,250}$             # the same in German, French,
                                                                              # Spanish, Russian, Ukrainian
      | ^\W*about\ the\ (?:author|writer|contributor)s?\W*$                     # the heading alone
    """,
        300,
        anchored=True,
    ),
    rule(  # the box's line with an address (a rule of its own: its opening sentence has no first word to
        "author_card",  # look for, its needles spare the other lines the search)
        r"""
        ^[^.!?]{5,150}[.!?]\s+(?:s?he|they)\ can\ be\ (?:reached|contacted)\ (?:at|via|on)\ \S+@\S+\W*$  # an address
      | ^[^.!?]{5,150}[.!?]\s+follow\ (?:him|her|them)\ on\ (?:x|twitter|bluesky|threads|linkedin|instagram)\b.{0,40}$
    """,
        300,
        ("can be", "follow"),
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
    rule(  # a note that the piece was translated, by a machine or not, in a whole short line
        "language_notice",
        r"""
        ^\W*this\ (?:article|text|story)\ (?:was|has\ been)\ (?:machine[\ -]translated\b            # English
          | (?:automatically\ )?translated\ (?:from|with|using|automatically|into\ english)\b).{0,80}$
      | ^\W*dieser\ (?:text|artikel|beitrag)\ wurde\ [^.]{0,40}übersetzt\W*$             # German
      | ^\W*cet\ article\ a\ été\ traduit\b.{0,80}$                                    # French
      | ^\W*este\ (?:artículo|texto)\ (?:fue|ha\ sido)\ traducido\b.{0,80}$            # Spanish
      | ^\W*(?:цей\ текст|ця\ стаття)\ (?:перекладено|перекладена|був\ перекладений)\b.{0,80}$  # Ukrainian
      | ^\W*(?:этот\ текст|эта\ статья)\ (?:был\ |была\ )?переведен\w*\b.{0,80}$       # Russian
    """,
        150,
        anchored=True,
    ),
    rule(  # the labels of sites whose pages are translated into English (Polish, Ukrainian outlets)
        "read_more",
        r"""
        ^\W*(?:check|find\ out)\ (?:also|more)\s*[:|—–-]\s*\S.{0,150}$                     # "Check also: Headline"
      | ^\W*(?:the\ )?(?:rest|further\ part|continuation|remainder)\ of\ the\ (?:text|article|material|story)
            \b.{0,30}\b(?:below|under)\b.{0,30}$                                          # "... under the video"
      | ^\W*more\ (?:news|information|messages|articles)\ (?:on|at)\ (?:the\ )?.{0,30}main\ page\b.{0,30}$
      | ^\W*(?:watch|see)\ the\ video\b[^.!?]{0,80}$                                     # "Watch the video about ..."
    """,
        200,
        anchored=True,
    ),
    rule(  # an opinion's disclaimer as translated sites word it
        "disclaimer",
        r"""
        ^\W*the\ (?:author['’]s\ )?(?:opinion|views?|position)\ (?:of\ the\ author\ )?  # "The author's opinion
            may\ not\ (?:coincide|match|reflect)\b.{0,100}$                                 #  may not coincide"
      | ^\W*the\ editorial\ (?:staff|board|office|team)\ (?:may|does)\ not\ (?:necessarily\ )?share
            \ the\ (?:views?|opinions?|position)\ of\ the\ author\b.{0,60}$        # "... views of the author"
    """,
        220,
        anchored=True,
    ),
    rule(  # a sponsor's material
        "advertisement",
        r"""
        ^\W*(?:partner|sponsored|advertising|promotional)\ material\W*$                    # "Partner material"
      | ^\W*(?:the\ )?(?:material|article|text)\ (?:was\ )?(?:prepared|created|written|published)
            \ (?:with\ the\ support\ of|in\ (?:cooperation|partnership)\ with|on\ behalf\ of)
            \ (?:the\ |our\ )?(?:partner|sponsor|advertiser)\W*$                          # "... with the partner"
    """,
        150,
        anchored=True,
    ),
    rule(  # a site's channels, and its call for tips
        "self_promotion",
        r"""
        ^\W*(?:follow|read|subscribe\ to)\ (?:us|the\ latest\ news|our\ (?:news|channel))\ (?:on|in)
            \ (?:our\ )?(?:telegram|viber|whatsapp|google\ news|youtube)\b.{0,40}$          # "Read us on Telegram"
      | ^\W*our\ (?:telegram|viber|whatsapp|youtube)\ channel\b.{0,40}$          # "Our Telegram channel"
      | ^\W*(?:do\ you\ have|got|have|have\ you\ got)\ an?\ (?:topic|story|news\ tip|tip)\b
            (?:\ (?:idea\ )?or\ an?\ (?:news\ )?tip)?\?.{0,80}$         # "Do you have a topic?",
                                                                      # "Have a story idea or a tip?"
    """,
        150,
        anchored=True,
    ),
    rule(  # notes that the news will change
        "update_note",
        r"""
        ^\W*the\ (?:news|article|story|material)\ (?:was|has\ been|is\ being)\ (?:updated|supplemented)\W*$
      | ^\W*we\ will\ (?:add|provide|update)\ (?:more\ )?(?:details|information)\b.{0,30}$  # "add details later"
      | ^\W*this\ is\ a\ (?:developing|breaking)\ (?:story|news)\b.{0,80}$
    """,
        120,
        anchored=True,
    ),
    rule(
        "typo_report",
        r"""^\W*if\ you\ (?:notice|find|see|spot)\ (?:an?\ )?(?:error|mistake|typo)\ in\ (?:the|this|our)
            \ (?:text|article|story|material)\b.{0,100}$""",  # "If you notice an error in the text, ..."
        150,
        anchored=True,
    ),
    rule(
        "share_bar",
        r"""^\W*(?:share\ the\ (?:article|news|story|post)|report\ a\ violation)\W*$""",
        40,
        anchored=True,
    ),
    rule(  # a book's or a shop's buttons
        "self_promotion",
        r"""^\W*(?:order\ your\ copy|pre-?order)(?:\ (?:now|today|here))?\W*$
          | ^\W*available\ (?:at|from)\ all\ good\ book(?:shops|stores|sellers)\W*$
          | ^\W*give\ now\W*$
          | ^\W*buy\ (?:the|this|my|our|a)\ (?:book|e-?book|paperback|hardback)(?:\ (?:now|here|today))?\W*$""",
        60,
        anchored=True,
    ),
)
