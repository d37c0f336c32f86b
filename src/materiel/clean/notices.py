"""The notes an outlet adds to an article, about it and about itself, as general patterns.

Disclaimers (a research institute's notice, "the views expressed are the author's own", reprint
and copyright lines), update and correction notes, and the outlet's appeals for support
(donations, tips, follow-us and app buttons, its events). Like the rest of `furniture.py`, whose
rule list takes these in its order, each rule matches whole lines under a length cap;
tests/cases/cleaning holds for each a line it drops and a real sentence it keeps.
"""

from __future__ import annotations

from materiel.clean.rules import rule

NOTICE_RULES = (
    rule(  # the page speaking of itself (clean19): "this article/story/piece" as the subject of a
        # predicate about the page (its series, its making, its views), which a news sentence,
        # reporting the world in the third person, never has; "this article of the treaty" and a
        # report under discussion ("The report was funded by ...") do not open so
        "disclaimer",
        r"""
        ^\W*this\ (?:article|story|piece|post|column|essay|content|podcast|episode)\ (?:
            is\ (?:part|one)\ of\ (?:a|an|our|the)\ (?:[\w-]+\ ){0,4}?               # "is part of our series on ..."
                (?:series|partnership|project|collaboration|coverage|initiative|investigation|special)\b
          | (?:was|is|has\ been)\ (?:produced|created|made|written|prepared|funded|supported|co-?published
                |commissioned)\ (?:with|by|as|for|thanks|under|through        # "was produced with support"
                |in\ (?:partnership|cooperation|collaboration))\b
          | (?:reflects|expresses|represents)\ (?:only\ )?(?:the\ )?(?:personal\ |own\ )?(?:views?|opinions?)\b
        ).{0,250}$""",
        320,
        anchored=True,
    ),
    rule(  # a research institute's notice under its papers, however long
        "disclaimer",
        r"""
        \ba\ private,\ (?:tax-exempt|non-?profit|nonpartisan|non-partisan)\ (?:institution|organi[sz]ation)\b
      | \bdoes\ not\ take\ (?:specific|institutional)\ (?:policy\ )?positions\b
      | \b(?:serves|works)\ (?:solely\ )?as\ nonpartisan\ shared\ staff\b        # a legislature's research service
      | \bexpressed\ in\ this\ (?:publication|report|brief|paper)\b.{0,80}\bsolely\b
      | ^\W*(?:please\ )?(?:consult|see|refer\ to)\ the\ (?:pdf|full\ report)(?:\ version)?\ for
            \ (?:references|footnotes|sources|citations|notes)[\W_]*$     # the paper's notes are elsewhere
    """,
        800,
        ("private,", "positions", "solely", "shared staff", "the pdf", "full report"),
    ),
    rule(
        "disclaimer",
        r"""
        \b(?:views|opinions)\ expressed\ (?:in|here|above|on\ this|by\ the\ (?:author|writer)|are)\b
            .{0,120}\b(?:own|necessarily|author|writer)   # "The views expressed in this commentary are his own"
      | \b(?:article|column|commentary|piece|post|author|writer|contributor)(?:['’]?s)?\b
            .{0,100}\bnot\ necessarily\ (?:reflect|represent|those\ of)\b   # "... the author's, not necessarily ..."
      | ^\W*this\ (?:article|story|piece|page)\ is\ more\ than\ \w+\ (?:years?|months?)\ old\W*$  # archive banners
      | \brepublish\ (?:our|this)\ (?:content|article|story)\b | \byou\ (?:can|may)\ republish\b
      | ^\W*(?:this\ )?(?:article\ |story\ |post\ |piece\ )?(?:was\ )?(?:originally\ )?
            (?:reprinted|republished|reposted|cross-?posted|posted\ with\ permission)\ (?:with\ permission\ )?from\b
      | ^\W*this\ (?:article|story|post|piece)\ (?:was\ )?(?:originally|first)\ (?:appeared|published|posted)
            \ (?:at|on|in|by)\b
      | \bwhere\ this\ (?:article|piece|story)\ (?:originally|first)\ appeared\b
      | ^\W*(?:reprinted|republished|reproduced|reposted)\ with\ (?:kind\ )?permission\b.{0,80}$  # alone, or "... of X"
      | ^\W*do\ you\ have\ an\ opinion\ on\ the\ issues\ raised\b    # a letters page's invitation
      | ^\W*(?:copyright|\(c\))\s+(?:[©@]\s*)?(?:19|20)\d\d\b           # "Copyright 2021 Name", "Copyright @ 2019"
    """,
        400,
        (
            "expressed",
            "necessarily",
            "years old",
            "year old",
            "months old",
            "month old",
            "republish",
            "posted",
            "printed",
            "published",
            "appeared",
            "permission",
            "an opinion on",
            "copyright",
            "(c)",
        ),
    ),
    rule(
        "update_note",
        r"""
        ^\W*(?:this\ )?(?:story|article|report|post|piece)\ (?:has\ been|was|is\ being)
            \ (?:updated|corrected|amended)\b
      | ^\W*an\ earlier\ version\ of\ this\ (?:story|article|report)\b   # a correction's note
      | ^\W*(?:updated|last\ updated)\s*(?:on|at)?\s*:?\s*
            (?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\ \d)[^.]{0,40}$  # "Updated: 12 March 2024"
    """,
        200,
        ("updated", "corrected", "amended", "earlier version"),
        anchored=True,
    ),
    rule(
        "self_promotion",
        r"""
        ^\W*(?:please\ )?become\ a\ (?:paying\ )?(?:member|patron|subscriber|supporter)\b  # (not "will become a")
      | ^\W*help\ us\ (?:change|fight|keep|continue|bring)\b
            .{0,80}\b(?:with\ just|donat|support|subscri|by\ e-?mail|stories)   # an appeal, not a quotation
      | ^\W*do\ not\ fall\ for\ fakes\W*$
      | ^\W*(?:add|follow)\ .{1,30}\ on\ google(?:\ news)?\W*$ | ^\W*show\ me\ more\ content\ from\b   # search engines
      | ^\W*follow\ (?:us|[A-Z][\w ]{1,40})\s*:\s*$                   # "Follow Outlet English:"
      | ^\W*follow\ us\ on\b | ^\W*read\ all\ the\ latest\ news\b
      | ^\W*check\ out\ (?:the\ |our\ )?(?:newest|latest|new)\b         # a publisher's books and offers
      | ^\W*order\ (?:yours|now)\b                                     # a shop's pitch
      | ^\W*if\ you\ (?:want|would\ like)\ to\ help,?\ contribute\b
      | ^\W*thanks?\ to\ \S+\.(?:com|org|net)\W*$
      | ^\W*join\ (?:us|the\ (?:investigation|conversation|community|movement))\W*$
      | ^\W*join\ us\ (?:at|for)\ (?:the\ |our\ )?.{0,60}
            \b(?:summit|conference|forum|webinar|festival|awards)\b     # the outlet's events
      | ^\W*our\ standards\s*:
      | ^\W*(?:donate|support\ us)(?:\ now|\ today)?\W*$ | ^\W*download\ (?:the|our)\ .{0,30}\bapp\b   # buttons
      | ^\W*(?:our\ journalism|independent\ journalism)\ (?:depends|relies)\ on\b
    """,
        400,
        anchored=True,
    ),
    rule(  # a short line that ends with the outlet's address (a rule of its own: it opens with any
        "self_promotion",  # word, and its needle spares the other lines the search)
        r"""^(?=.{0,80}$).*\b(?:at|on|visit)\ https?://[\w.-]+/?\W*$""",  # "TRUTH LIVES on at https://site.tv/"
        400,
        ("http",),
        anchored=True,
    ),
    rule(  # the same kind said anywhere in a line: searched only in lines holding a needle
        "self_promotion",
        r"""
        \b(?:please\ )?consider\ (?:a\ |making\ a\ )?donation\b | \bdonations?\ from\ (?:people|readers)\ like\ you\b
      | \bdoes\ not\ accept\ advertising\b | \bsupport\ (?:our|independent)\ (?:journalism|reporting)\b
      | \bwith\ just\ [$€£]\d+\ ?(?:/|a\ |per\ )month\b                    # "Help us ... with just $25/month"
      | \bif\ you\ (?:believe|think)\ (?:you\ have\ found|there\ is)\ an?\ (?:error|inaccuracy|mistake)\b
      | \b(?:please\ send|send\ us|send\ your)\ (?:your\ )?(?:news\ )?(?:tips|story\ ideas)\b
      | \bonly\ verified\ information\ is\ available\ on\b
      | \bavailable\ on\ our\ (?:\S+\ )?(?:telegram|viber|whatsapp)\ channel\b
      | (?:^\W*|(?<=[a-z][.!?]))watch\ \S+(?:\ \S+)?\ (?:on\ the\ internet|online|live)\ on\b   # "Watch TV online on"
      | \bclick\ here\ to\ (?:create|get|join|sign|subscribe|download|order|buy|donate)\b
      | \bby\ clicking\ (?:on\ )?(?:this|the)\ (?:link|banner|button)\b
      | \bmoney[-\ ]back\ guarantee\b | \border\ yours\ today\b
      | \bhave\ (?:important\ )?information\ to\ share\W*$
      | \b(?:accepts?|welcomes?)\ (?:tips|information)\ about\b.{0,160}\bconfidential   # a call for leaks
    """,
        400,
        (
            "donation",
            "advertising",
            "support our",
            "support independent",
            "with just",
            "if you believe",
            "if you think",
            "please send",
            "send us",
            "send your",
            "verified information",
            "available on our",
            "on the internet",
            "online on",
            "live on",
            "click here",
            "clicking",
            "guarantee",
            "order yours",
            "information to share",
            "confidential",
        ),
    ),
)
