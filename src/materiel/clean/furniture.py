"""The language of web furniture: what pages say around an article, as general patterns.

Each rule names a kind of furniture by the words such lines are made of (calls to sign up, to
read on, to share, to log in; disclaimers, update notes, wire-service markers), not by phrases
of one site. Lines are matched whole and are short (each rule's length cap), so a sentence of
the article that uses the same words in passing is not dropped; tests/cases/cleaning holds for
each rule a line it drops and a real sentence it keeps.

The outlet's notes about the article and itself (disclaimers, update notes, appeals for
support) are in notices.py, spliced into FURNITURE_RULES at their place, since the first rule
that matches gives the reason. Author biographies and lists of the site's other stories are
found by position and shape (foot.py).
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.clean.notices import NOTICE_RULES
from materiel.clean.rules import rule

FURNITURE_RULES = (
    rule(
        "newsletter",
        r"""
        ^\W*(?:skip\ past|after)\ newsletter\ promotion\b          # markers around an inline sign-up box
      # a button's words opening a sentence (not "allies that sign up to the coalition ... updates"):
      | (?:^\W*|[.!?:]\s+|(?-i:\ (?=Sign\ up)))sign\ up(?:\ here|\ now|\ today)?\ (?:to|for)\b
            .{0,80}\b(?:newsletters?|inbox|e-?mails?|briefings?|roundup|digest|alerts|updates)\b
      | \b(?:news|stories|headlines|newsletter|updates)\b.{0,60}\b(?:delivered|sent|straight)\b
            .{0,30}\byour\ inbox\b                                  # "... news delivered to your inbox"
      | ^\W*get\ (?:our|the)\ (?:free\ )?(?:[\w-]+\ ){0,3}(?:newsletter|stories\ by\ e-?mail)\b  # "Get our newsletter"
      | \bnewsletter\ is\ your\ (?:essential\ |daily\ |weekly\ )?guide\b   # a newsletter's pitch
      | \bby\ (?:subscribing|signing\ up|providing\ your\ e-?mail(?:\ address)?)\b
            .{0,40}\byou\b.{0,60}\b(?:agree|terms|privacy)\b       # the form's fine print, addressed to the reader
      | \byou\ can\ unsubscribe\ (?:at\ )?any\ ?time\b
      | \b(?:we\ use|protected\ by)\ (?:google\ )?recaptcha\b       # the form's robot check
      | ^\W*leave\ this\ field\ (?:blank|empty)\W*$                 # hidden form fields shown as text
      | ^\W*(?:(?:name|e-?mail(?:\ address)?)\W+)?this\ field\ is\ for\ validation\ purposes\b   # after its label
      | \bcompleting\ this\ (?:poll|survey|form|quiz)\ (?:grants|gives|entitles)\ you\b   # a poll's fine print
      | \byou\ (?:may|can)\ opt\ out\ at\ any\ ?time\b
      | ^\W*please\ make\ sure\ all\ the\ (?:provided\ )?information\ is\ correct\W*$
      | ^\W*(?:newsletters?|newsletter\ sign[-\ ]?up|get\ (?:the\ )?(?:latest|top)\ (?:news|headlines|stories)
            (?:\ in\ your\ inbox)?)\W*$                                  # the box's title alone
    """,
        400,
        (
            "newsletter",
            "sign up",
            "inbox",
            "subscrib",
            "signing up",
            "providing your",
            "by email",
            "by e-mail",
            "recaptcha",
            "field",
            "information is correct",
            "latest",
            "top ",
            "completing this",
            "opt out",
        ),
    ),
    rule(
        "read_more",
        r"""
        ^\W*(?:read|see|watch|listen)\ (?:also|too)\b               # "Read also: Other headline"
      | ^\W*read\ (?:the\ )?(?:full|whole|entire|original|complete)\ (?:story|article|report|text|interview)\b
      | ^\W*read\ the\ rest\ of\ (?:the|this)\ (?:article|story|post)\b
      | ^\W*(?:the\ )?(?:story|article|text)\ continues\ (?:below|after|under)\b  # "Story continues below ..."
      | ^\W*(?:the\ )?(?:continuation|rest)\ of\ the\ (?:text|material|article|story)\ (?:is\ )?(?:under|below|after)\b
      | ^\W*continue\ (?:reading\ )?(?:at|on)\ \S+\W*$              # "Continue at SITE.COM"
      | ^\W*more\ (?:messages|news|stories|articles)\ on\ .{0,40}\bpage\W*$  # "More stories on X's main page"
      | ^\W*(?:previous|next)\ (?:article|story|post)\b             # pagination between articles
      | ^\W*(?:reading\ now|next\ up|up\ next|now\ playing)\b       # a player's or reader's labels
      | ^\W*(?:also\ read|read\ next|see\ more|more|watch|video|read|listen)\s*[:|]\s*\S.{0,150}$  # "WATCH: Title"
      | ^\W*(?:play|watch)\ (?:the\ )?video\W*$ | ^\W*(?:duration|runtime)\W*\d+:\d\d\W*$   # a video's controls
      | ^\W*listen\W+\d{1,2}:\d\d\b.{0,10}$ | ^\W*(?:read|open|continue)\ in\ (?:the\ )?app\W*$   # players, apps
      | ^\W*\d{1,2}\ (?:min(?:ute)?s?|hours?|hrs?|days?)\ ago\W*$          # a story list's time stamp, alone
      | ^\W*skip\ (?:the\ )?advertisement\W*$
      | ^\W*(?:other|more|all|our)\ (?:[\w-]+\ ){0,4}(?:stories|articles|fact\ checks|coverage|reports)\b
            .{0,100}\b(?:are|can\ be\ found|is\ available)\ here\W*$   # "Other stories on X can be found here."
      | ^\W*(?:[\w-]+\ ){0,3}(?:stories|articles)\ about\ .{0,40}\ are\ here\W*$
      | ^\W*watch\ (?:the\ )?(?:full\ |whole\ )?.{0,60}\b(?:below|above|here)\W*$   # a video's teaser
      | ^\W*video\W+(?-i:(?:[A-Z0-9][\w'’.-]*\W*){2,12})$           # "Video Title Case Teaser"
      | ^\W*video\W+(?-i:[A-Z])[^.!?]{10,150}$                          # "Video Title: subtitle", no sentence
      | ^\W*for\ more\ information\b.{0,80}\b(?:view|see|visit|click)\b.{0,40}\bhere\W*$
      | ^\W*(?:report|commentary|brief|analysis|podcast(?:\ episode)?|video|op-ed|interview)\ by\ .{3,120}?
            \s[—–-]\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\ \d{1,2},\ \d{4}\W*$
                                                                  # a card: "Report by X — June 5, 2025"
      | ^\W*(?:watch\ now|now\ loading|loading|latest\ videos?|listen\ to\ (?:this\ )?article|
            recommended\ stories|our\ readers\ read\ next|most\ popular|trending\ now)\W*$
    """,
        250,
        anchored=True,
    ),
    rule(  # read-more calls anywhere in a line
        "read_more",
        r"""
        \bstory\ continues\ below\W*$                                   # "take our poll - story continues below"
      | [a-z.?!](?-i:(?:Read|Learn)\ more)\b                          # a teaser's call glued on: "...?Read more"
      | \bread\ more\W*$
    """,
        250,
        ("continues below", "read more", "learn more"),
    ),
    rule(  # a line that opens with a link of no text: an icon's link (share, search, profile), not prose
        "share_bar",
        r"""^\W{0,3}\[\]\(https?://""",
        2000,
        anchored=True,
    ),
    rule(  # a pagination bar between stories, however long their headlines: "Previous Article X Next Article Y"
        "read_more",
        r"""^\W*previous\ (?:article|story|post)\b.{0,400}\bnext\ (?:article|story|post)\b""",
        700,
        anchored=True,
    ),
    rule(  # a share bar whose links carry the whole headline: "Share [Tweet](https://twitter.com/intent/...)"
        "share_bar",
        r"""^\W*(?:share|tweet)\b.{0,40}?(?:twitter\.com/intent|facebook\.com/shar|x\.com/intent|linkedin\.com/share)""",
        2000,
        anchored=True,
    ),
    rule(  # share links left as text, anywhere in a line
        "share_bar",
        r"""
        \b(?:facebook\.com/shar|twitter\.com/(?:intent|share)|x\.com/intent|linkedin\.com/share|
            tumblr\.com/widgets/share|share\.flipboard\.com|api\.whatsapp\.com/send|t\.me/share|
            reddit\.com/submit|pinterest\.com/pin/create|viber://forward|telegram\.me/share)  # share endpoints
      | \bcopy\ (?:it|the\ link|this\ link)\ to\ (?:your|the)\ clipboard\b
      | \bsee\ who\ is\ sharing\ it\b
    """,
        1000,  # a share bar's links may carry the whole headline and address; prose never names these
        (
            "facebook.com",
            "twitter.com",
            "x.com",
            "linkedin.com",
            "tumblr.com",
            "flipboard",
            "whatsapp.com",
            "t.me/",
            "reddit.com",
            "pinterest.com",
            "viber://",
            "telegram.me",
            "clipboard",
            "sharing it",
        ),
    ),
    rule(  # a share bar's icons whose alternative text a Markdown scrape left behind: "!Email share !url-copy"
        "share_bar",
        r"""(?:^|\s)!(?:e-?mail|url-copy|copy-?link|facebook|twitter|x|whatsapp|telegram|linkedin|print|share)\b""",
        300,
        ("!",),
    ),
    rule(
        "share_bar",
        r"""
        ^\W*share\ (?:options|this\ (?:story|page|post|article)|(?:news\ )?(?:on|via)\ \w+)\W*$
      | ^\W*copy\ (?:the\ )?(?:link|url)\W*$
      | ^\W*share\ (?:the\ )?full\ (?:article|story)\W*$ | ^\W*give\ this\ (?:article|story)\W*$
      | ^\W*(?:print|save|bookmark)(?:\ (?:this\ )?(?:article|story|page))?\W*$   # the bar's other buttons
      | ^\W*want\ to\ (?:inform|tell)\ others\ about\b
      | ^\W*(?:bu\ haberi\ paylaşın|teilen|partager|compartir|поделиться|поділитися|udostępnij)\W*$  # "Share" elsewhere
    """,
        300,
        anchored=True,
    ),
    rule(
        "navigation",
        r"""
        ^\W*skip\ to\ (?:main\ |the\ )?(?:content|navigation|search|footer|key\ events)  # skip links, often glued
      | ^\W*(?:show|hide|open|close|toggle)\ (?:the\ )?(?:navigation\ )?(?:menu|navigation|search)\W*$
      | ^\W*show\ more\ (?:news\ )?sections\W*$
      | ^\W*(?:sign\ in|log\ ?in|log\ out|sign\ out|register|my\ account|subscribe|
            create\ (?:an\ |your\ )?(?:free\ )?account|forgot\ (?:your\ )?password\??)\W*$  # account menu items
      | ^\W*(?:already\ a\ subscriber|already\ have\ an\ account|don['’]t\ have\ an\ account|
            not\ a\ subscriber)\?                                       # the account prompts of a paywall
      | ^\W*(?:manage\ (?:my\ |your\ )?account|account\ settings|your\ account|gift\ (?:an?\ |this\ )?article|
            give\ a\ gift|subscriber\ benefits|e-?paper|e-?edition|today['’]s\ paper)\W*$
      | ^\W*enter\ (?:the|your)\ (?:verification\ )?code\b | ^\W*check\ your\ inbox\b   # a log-in dialogue
      | ^\W*(?:edition|currency|language|select\ language|main\ menu|menu|search)\W*$   # menu labels
      | ^\W*(?:english|français|español|deutsch|italiano|português|polski|русский|pусский|українська|
            türkçe|العربية|فارسی|bahasa\ indonesia|中文|日本語|한국어)\W*$  # a language menu, one name a line
      | ^\W*(?:(?:home|news|latest|world|politics|business|economy|markets|sports?|opinion|culture|lifestyle|
            tech(?:nology)?|science|health|travel|entertainment|videos?|podcasts?|newsletters?|weather|more|
            menu|search|
            obituaries|features|reviews|events|shop|arts|books|food|motoring|property|jobs|classifieds|
            puzzles|crosswords|photos|galleries|multimedia|                   # a paper's other sections
            subscribe|log\ ?in|sign\ in|e-?edition|e-?paper                 # its account links among them
            )(?:\s*[|•·/>»]\s*|\s+|$)){1,8}$                # a section menu, or one of its items
      | ^\W*(?:add|post|leave|write)\ (?:a\ |new\ |your\ )?(?:comment|reply)\W*$      # comment prompts
      | ^\W*an\ official\ website\ of\ the\b                           # a government site's banner
      | ^\W*(?:[\w.-]+\ ){0,3}in\ other\ languages\W*$                  # a language menu's heading
      | ^\W*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|o[ck]t|nov|dec)\W+){6,}      # an archive's month picker
      | ^\W*(?:\#[\w-]+\W*)+$                                           # a line of hashtags
    """,
        150,
        anchored=True,
    ),
    rule(  # menus and dialogues in the middle of a line
        "navigation",
        r"""
        \bskip\ to\ (?:main\ )?content\W*$                              # "Site Name Skip to main content"
      | \bwe\ have\ sent\ (?:you\ )?a\ (?:verification\ )?code\b | \bpassword\ must\ (?:be\ at\ least|contain)\b
      | \benter\ the\ e-?mail\ address\ you\ registered\b | \breturn\ to\ the\ page\ you\ were\ on\b
      | \bofficial\ [\w\ ]{0,30}website\ addresses\b                    # "All official X website addresses ..."
    """,
        150,
        ("skip to", "sent you a", "sent a", "password", "registered", "return to the page", "website addresses"),
    ),
    *NOTICE_RULES,  # disclaimers, update notes, appeals for support: notices.py
    rule(
        "tags",
        r"""^(?-i:[A-Z][\w'’&.-]*)(?:\ (?:and|of|the|&|(?-i:[A-Z][\w'’&.-]*))){0,5}   # a topic: "Ukraine War"
            (?:,\ (?:and\ )?(?-i:[A-Z][\w'’&.-]*)
               (?:\ (?:and|of|the|&|(?-i:[A-Z][\w'’&.-]*))){0,5}){4,}     # four more, by commas
            \W{0,3}$                                                   # no sentence: the page's topic tags
        """,
        400,
        anchored=True,
    ),
    rule(  # a post's filing line, "Tags: ...", "Filed under: ...", "Posted in X | Tagged Y"
        "tags",
        r"""
        ^\W*(?-i:Tags|TAGS|Tagged(?:\ with)?|Filed\ under|FILED\ UNDER|Topics|TOPICS)\s*:\s*[^.!?]{2,200}$
                                                                                  # a label, topics
      | ^\W*(?-i:Posted\ in)\ [^.!?|]{2,80}\|\s*tagged\b.{0,200}$               # a blog's line under a post
      | ^\W*this\ (?:entry|post)\ was\ posted\ (?:in|on|by|under)\b.{0,250}$       # a blog theme's note under a post
                                                  # ("This entry was posted in Europe and tagged armour. Bookmark ...")
      | ^\W*bookmark\ the\ permalink\W*$                                        # its last words on a line of their own
    """,
        300,
        anchored=True,
    ),
    rule(  # another story's headline with its reading time or date: a list of the site's stories
        "read_more",
        r"""
        ^[^.!?]{10,150}?\s(?:[·•|–—-]\s*)?\d{1,2}\s*min(?:ute)?s?\ read\W*$        # "Headline 3 min read"
      | ^[^.!?]{10,150}?\s[·•|]\s*(?:\d{1,2}\ (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\ \d{4}
          | (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\ \d{1,2},?\ \d{4}
          | \d{1,2}\ (?:min(?:ute)?s?|hours?|days?)\ ago)\W*$                          # "Headline · Mar 2, 2024"
    """,
        200,
        ("read", "·", "•", "|"),  # "min read", or the mark before the date
        anchored=True,
    ),
    rule(
        "source_link",
        r"""^\W*(?:source|via|originally\ published\ at)\s*:?\s*https?://\S+\W*$  # "Source: https://..." alone
          | ^\W*(?:perma|short)?link\s*:\s*https?://\S+\W*$                      # "Permalink: https://..." alone
        """,
        300,
        anchored=True,
    ),
    rule(
        "author_card",
        r"""^(?-i:(?:(?:Senior|Junior|Associate|Adjunct|Visiting|Non-?[Rr]esident|Distinguished|Deputy|Executive|
            Managing|Vice)\s+){0,3}(?:Research\s+)?(?:Fellow|Director|Analyst|President|Chair|Editor|Correspondent|
            Professor|Researcher|Scholar|Adviser|Advisor)s?)(?:,|\s+at\s+the\b|\s+of\s+the\b)[^.!?]*$
        """,  # an expert's card beside a quote or under a byline: "Senior Fellow, X Program"
        130,
        anchored=True,
    ),
    rule(
        "consent_notice",
        r"""
        \bwe\ need\ your\ consent\b | \bconsent\ to\ load\b
      | \bby\ (?:continuing|clicking|using\ this\ (?:site|website)),?\ you\b.{0,80}\b(?:terms|privacy|cookies?)\b
      | \bcookie\ declaration\b | \b(?:necessary|mandatory|statistics|marketing)\ cookies\b
      | \ballow\ (?:all\ )?cookies\b | \buse\ necessary\ cookies\ only\b
      | ^\W*manage\ (?:consent|cookies|(?:cookie|privacy)\ (?:settings|preferences))\W*$   # the banner's button
      | ^\W*(?:zustimmung|einwilligung|cookies|cookie-einstellungen)\ verwalten\W*$     # the same in German
    """,
        400,
        ("consent", "by continuing", "by clicking", "by using", "cookie", "verwalten"),
    ),
    rule(
        "image_viewer",
        r"""
        ^\W*(?:open|view|enlarge|expand|close|toggle|hide|show)\ (?:this\ |the\ )?
            (?:image|photo|picture|gallery|caption|slideshow|full\ ?screen)(?:\ in\ gallery)?\W*$
      | ^\W*(?:image|photo)\ (?:gallery|viewer)\W*$ | ^\W*click\ to\ enlarge\W*$ | ^\W*full\ ?screen\W*$
      | ^\W*(?:previous|prev|next)\ (?:image|photo|picture|slide)\W*$ | ^\W*(?:zoom|enlarge|close\ dialog(?:ue)?)\W*$
      | ^\W*view\ (?:image\ |photo\ )?in\ full\ ?screen\W*$ | ^\W*(?:image|photo|picture)\W*$
      | ^\W*\d{1,3}\s*/\s*\d{1,3}\W*$                                  # a slide counter: "3 / 12"
      | ^\W*(?:view|see)\ (?:more\ |all\ )?(?:photos|images|pictures)\W*$
      | ^\W*swipe\b.{0,30}\b(?:photos?|images?|next)\W*$
      | ^\W*(?:[\w-]+\ ){0,3}icon(?:[\w ]{0,30}icon)?\W*$            # icon labels read aloud: "Stock chart icon"
      | ^\W*(?:[\w-]+[\ -]){0,3}logo\W*$                              # a logo's alternative text
    """,
        80,
        anchored=True,
    ),
    rule(
        "wire_marker",
        r"""
        ^\W*(?:crawled|scraped|fetched|retrieved|archived|saved)(?:\ at|\ on)?\s*:\s*\d   # a crawler's time stamp
      | ^\s*(?:\#{3}|-30-|\(end\)|\(more\)|end\ of\ (?:story|release|transcript))\s*$      # end-of-story marks
      | ^\W*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*(?:\(end\))?\s*$           # the reporter's e-mail at the foot
    """,
        120,
        anchored=True,
    ),
)

# Furniture set inside a paragraph: (reason, pattern, marks: strings one of which every match holds).
INLINE_FURNITURE = (
    # A sign-up box flattened into the text between its skip link and its end marker.
    (
        "newsletter",
        regexcache.compile(
            r"\s*\bskip\ past\ (?:\w+\ )?promotion\b.*?(?:\bafter\ (?:\w+\ )?promotion\b|$)", re.IGNORECASE
        ),
        ("promotion", "Promotion"),
    ),
    # A shop widget's line pasted after a sentence: "Book Title: Sub... Author Best Price: $5.99 Buy New $6.95".
    (
        "advertisement",
        regexcache.compile(
            r"(?:(?<=[.!?\"”’])\s+|^\s*).{1,50}?\bBest Price:\s*(?:[$€£]\s?[\d.,]*\d\s*(?:Buy New\s*)?){1,2}"
        ),
        ("$", "€", "£"),
    ),
    # A wire editor's note to clients: "(ATTN: ADDS details in para 5)", "(LEAD)"-style tags stay.
    ("wire_marker", regexcache.compile(r"\s*\(ATTN:[^)\n]{0,200}\)"), ("(ATTN",)),
    # The end mark and the reporter's address after a story's last sentence: "... said. x@y.kr(END)".
    (
        "wire_marker",
        regexcache.compile(
            r"(?<=[.!?\"”’])\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*)?\(END\)\s*$|(?<=[.!?\"”’])\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$"
        ),
        ("@", "("),
    ),
)
