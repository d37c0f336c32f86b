"""More of a site's chrome in whole short lines, as blogs and smaller sites set it out (the HTML
benchmark's pages keep these): a blog's labels and sidebar headings, the comment form, calls to
the reader to follow, read on, share or support, screen readers' and service links, the outlet's
offers; and an image saved inline as data, and notices set anywhere in a line (affiliate links,
reproduction rights, an old browser).

The rules continue chrome.py's, in the same way: each alternative matches a whole line (or, when
the rule is not anchored, a phrase no article sentence uses) and each rule is capped short.
tests/cases/cleaning holds for each rule lines it drops and real sentences it keeps.
"""

from __future__ import annotations

from materiel.clean.rules import rule

BLOG_CHROME_RULES = (
    rule(  # a blog's and a site's labels, each a whole line
        "navigation",
        r"""
        ^\W*more\ (?:from|by)\ (?-i:[A-Z])[\w.'’-]*(?:\ (?-i:[A-Z])[\w.'’-]*){0,3}\W*$   # "More by Jane Doe"
      | ^\W*more\ from\ this\ author\W*$
      | ^\W*(?:recent|latest|popular|related|older|newer)\ (?:posts|entries|articles)\W*$   # a blog's sidebar
      | ^\s*←\s*[^←→.!?]{3,100}$ | ^[^←→.!?]{3,100}→\s*$                     # a post's links to the posts
                                                                          # before and after it: "← Headline"
      | ^\W*(?:archives|categories|popular)\W*$                             # a sidebar's headings
      | ^\W*(?:filed\ under|posted\ in)\s*:?\s+(?-i:[A-Z])[^.!?,;]{0,60}$        # "Posted in Europe" (not "Posted in
      | ^\W*categories\s*:\s*(?-i:[A-Z])[^.!?;]{0,80}$                         # 2014, he ..."), "Categories: News"
      | ^\W*(?:search\ for\s*:|type\ (?:your\ search|to\ search)|press\ enter\ to\ search)\W*.{0,20}$   # a search box
      | ^\W*(?:font|text)\ size\W*$ | ^\W*(?:a\W+){2}a\W*$                   # the reader's text controls: "A A A"
      | ^\W*(?:unfollow|saved|discuss|volume|feedback|send\ us\ (?:your\ )?feedback)\W*$   # buttons
      | ^\W*(?:hide|view|read|see)\ (?:all\ )?comments?(?:\ \(\d+\))?\W*$         # "View comments (12)"
    """,
        120,
        anchored=True,
    ),
    rule(  # the comment form under a post, and a correction's invitation
        "comment_prompt",
        r"""
        ^\W*leave\ a\ (?:reply|comment)\ cancel\ reply\W*$                      # the form's heading and link
      | ^\W*your\ email\ address\ will\ not\ be\ published\b                  # its fine print
      | ^\W*required\ fields\ are\ marked\b
      | ^\W*save\ my\ name,?\ e-?mail,?\ and\ website\b.{0,80}$             # its checkbox
      | ^\W*please\ enable\ javascript\ to\ view\ the\ comments\b.{0,60}$      # a comment widget's fallback
      | ^\W*comments\ are\ closed\W*$ | ^\W*be\ the\ first\ to\ comment\W*$
      | ^\W*(?:start|join)\ the\ (?:conversation|discussion|debate)\W*$             # the comments' call
      | ^\W*we\ want\ to\ hear\ from\ you\W*$
      | ^\W*(?:report\ an\ error|spotted\ an\ error\??|see\ an\ error\??)\W*$     # a correction's link
      | ^\W*(?:note\W+)?we\ are\ (?:temporarily\ )?moderating\ (?:all\ )?comments\b.{0,100}$   # the moderation note
      | ^\W*(?:aten[çc][ãa]o\W+|nota\W+)?(?:los\ |os\ )?coment[áa]rios\b.{0,120}
            (?:\b(?:pelo|por\ el|por\ un)\ moderador|\b(?:ser[ãa]o|ser[áa]n|s[ãa]o|son)\ moderados)\b.{0,40}$
                                                                          # the same in Portuguese and Spanish
    """,
        200,
        anchored=True,
    ),
    rule(  # calls to the reader in a whole short line: to follow, to read on, to share, to support
        "self_promotion",
        r"""
        ^\W*(?:follow\ us|stay\ (?:informed|connected|up\ to\ date|tuned)|connect\ with\ us)\W*$   # the box's title
      | ^\W*(?:tap|click)\ here\ to\ follow\b.{0,40}$ | ^\W*get\ our\ (?:daily|weekly|morning|evening)\ \w+\W*$
      | ^\W*want\ more\?\W*(?:sign\ up|subscribe)\b.{0,40}$
      | ^\W*(?:also\ read|keep\ reading|see\ more|view\ more|find\ out\ more)\W*$     # read-on links, alone
      | ^\W*(?:thank\ you|thanks)\ for\ reading\W*$                              # a post's sign-off
      | ^\W*(?:did\ you\ )?enjoy(?:ed)?\ this\ (?:article|story|post)\?.{0,80}$
      | ^\W*(?:if\ you\ (?:found|liked|enjoyed)\ this\ (?:article|story|post)\b.{0,60}\bshare\b|
            please\ share\ this\ (?:article|story|post)|share\ on\ social\ media).{0,40}$
      | ^\W*(?:please\ support\ us|your\ support\ matters|help\ us\ keep\ going)\W*$   # an appeal's heading
      | ^\W*(?:facebook|twitter|whatsapp|telegram|linkedin|reddit|pinterest|viber)\W*$  # a share link, one a line
      | ^\W*scroll\ (?:down\ )?to\ continue\ (?:with|reading)\b.{0,20}$               # an advertisement's marker
      | ^\W*this\ material\ may\ not\ be\ published,\ broadcast\b                    # a wire's copyright line
    """,
        150,
        anchored=True,
    ),
    rule(  # more of the same kinds, in whole short lines the HTML benchmark's pages keep
        "self_promotion",
        r"""
        ^\W*(?:filed\ under|posted\ in)\W*$ | ^\W*browse\ all\ (?:posts|stories|articles)\W*$  # labels alone
      | ^\W*(?:our\ )?latest\ (?:stories|posts|articles)\W*$ | ^\W*more\s*:\s*$
      | ^\W*advert\W*$ | ^\W*sharing\ is\ caring\W*$ | ^\W*(?:[\d.,]+\s*[km]?\s*)?shares\W*$  # markers, counters
      | ^\W*(?:we\ appreciate\ your\ (?:input|feedback)|tell\ us\ what\ you\ think)\W*$   # a feedback box
      | ^\W*you\ have\ been\ successfully\ subscribed\W*$ | ^\W*there\ was\ a\ problem\ subscribing\b
      | ^\W*you\ will\ be\ redirected\b.{0,60}$
      | ^\W*via\ [\w-]+\.(?:com|net|org|info|io|co|tv|ru|ua)\W*$                    # a syndicator's credit
      | ^\W*also\ on\ [\w-]+\.(?:com|net|org|info|io|co|tv|ru|ua)\b                 # "Also on site.com Headline"
      | ^\W*follow\ .{1,60}?\ on\ (?:facebook|twitter|x|telegram|instagram|youtube|linkedin|tiktok)\b  # "Follow
                                                                      # The Example Opinion section on Facebook, ..."
      | ^\W*follow\ .{1,60}?\ at\ https?://                                        # "Follow our full coverage at URL"
      | ^\W*(?:e-?mail|write\ to|reach)\ .{1,60}?\ at\ [\w.+-]+@[\w-]+\.               # the reporter's address
      | ^\W*reach\ the\ (?:reporters?|writers?|authors?)\b.{0,30}\bat\b
      | ^\W*if\ you\ (?:enjoyed|liked|found)\ this\ (?:article|story|post|piece)\b    # "If you enjoyed this
                                                                      # article, ... join us"
    """,
        250,
        anchored=True,
    ),
    rule(  # a page's links for screen readers and its footer's service links, each a whole line
        "navigation",
        r"""
        ^(?:\W*(?:skip|jump|go)\ (?:directly\ )?to\ (?:the\ )?(?:main\ )?(?:contents?|navigation|search|article)\b)+\W*$
                                                    # "Skip to main content", "Go to Contents Go to Navigation"
      | ^\W*accessibility\ (?:links|help|statement|settings)\W*$             # "Accessibility links"
      | ^\W*(?:back\ to\ (?:top|home(?:page)?|the\ top|main\ menu)|page\s?top)\W*$
      | ^\W*view\ all(?:\s*\(\d+\))?\W*$                                     # "View all (23)"
      | ^\W*(?:exact\ matches\ only|search\ in\ (?:title|content|posts|pages|excerpt))\W*$   # a search box's options
      | ^\W*tags?[\s,;:|]*$                                                # a tag list's label, its tags lost
      | ^\W*(?:send\ (?:\w+\ )?feedback|feedback\ to\ (?:the\ )?editors?|give\ (?:us\ )?feedback)\W*$
      | ^\W*(?:request\ (?:a\ )?reprints?|reprints?\ (?:&|and)\ (?:licensing|permissions))\b.{0,80}$
      | ^\W*why\ you\ can\ trust\ \S.{0,40}$                                # an outlet's standards link
    """,
        120,
        anchored=True,
    ),
    rule(  # the outlet's offers to the reader, each a whole short line
        "newsletter",
        r"""
        ^\W*subscribe\ to\ (?-i:[A-Z0-9])\S*.{0,100}$         # "Subscribe to Example on YouTube for more news:"
      | ^\W*(?:want|like)\ more\ (?:stories|articles|news|content)\ like\ this\W*$
      | ^\W*every\ (?:day|week|morning|evening)\ we\ send\ (?:you\ )?(?:an?\ )?(?:e-?mail|newsletter|digest)\b.{0,80}$
                                                                       # "Every day we send an email with ..."
      | ^\W*let\ (?:our|the)\ .{1,30}\ meet\ your\ inbox\b.{0,80}$
      | ^\W*get\ (?:the\ )?(?:daily|weekly|breaking)\b.{0,30}\b(?:news|headlines|updates|alerts|briefing)\W*$
                                                                       # "Get daily National news"
    """,
        120,
        anchored=True,
    ),
    rule(  # an audio player's offer, a call to share, a teaser list's heading, a science site's citation
        "self_promotion",
        r"""
        ^\W*(?:new\W+)?you\ can\ now\ listen\ to\b.{0,60}$            # "NEW You can now listen to our articles!"
      | ^\W*(?:like|liked|love|loved)\ this\ (?:story|article|post)\?\W*share\b.{0,40}$
      | ^\W*explore\ further\W*$                                          # a teaser list's heading
      | ^\W*(?:\w+\W+)?%d\ bloggers?\b.{0,30}$      # a blog widget, its count unfilled: "%d bloggers like this"
      | ^\W*citation\s*:.{0,200}\bretrieved\b.{0,40}\bfrom\s+https?://\S+\W*$  # "Citation: ... retrieved ... from URL"
    """,
        300,
        anchored=True,
    ),
    rule(  # an image saved inline as data, left of a Markdown image: "](data:image/webp;base64,UklGR...)"
        "markup_tag",
        r"""^[\W_]*(?:!?\[[^\]]*\])?\(?data:image/[\w.+-]+;base64,[\w+/=]+\)?[\W_]*$""",
        200_000,  # the picture's bytes, however many
        ("data:image",),
        anchored=True,
    ),
    rule(  # notices set anywhere in a line: affiliate links, reproduction rights, an old browser
        "disclaimer",
        r"""
        \b(?:if|when)\ you\ (?:buy|purchase|click)\b.{0,80}\b(?:commission|a\ share\ of\ the\ sale)\b
      | \b(?:earn|receive)\ an?\ (?:small\ )?affiliate\ commission\b | \bmay\ contain\ affiliate\b
      | \bno\ part\ (?:of\ (?:this|it)\ (?:\w+\ )?)?may\ be\ reproduced\b               # a copyright notice
      | ^\W*(?:the\ )?contents?\ of\ this\ (?:site|website|page)\ (?:are|is)\ (?:©|\(c\)|copyright)
      | \bupdate\ to\ a\ modern\ browser\b | \byou\ are\ (?:using|on)\ an?\ (?:outdated|unsupported)\ browser\b
    """,
        300,
        ("if you", "when you", "affiliate", "reproduced", "contents of", "content of", "browser"),
    ),
)
