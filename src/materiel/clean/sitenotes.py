"""Notes and widgets of sites our sets hold few pages of: a government site's banner, cookie
heading and feedback box, a blog platform's credit, a syndicated feed's note, a podcast's
transcript note, a regional paper's appeal, a news site's trending bar, a wire story's
contributor line.

Each rule matches a whole short line (anchored, capped), worded as those sites word it, so a
sentence of an article that uses the same words ("the page was useful to investigators", "local
journalism needs support, she said") stays. tests/cases/cleaning/pages.json holds pages of these
kinds and chrome.json each rule's lines with sentences that are kept (written for the tests).
"""

from __future__ import annotations

from materiel.clean.rules import rule

SITE_NOTE_RULES = (
    rule(  # a government site's banner and cookie heading above the page, its feedback box below
        "navigation",
        r"""
        ^\W*here['’]s\ how\ you\ know\W*$                                 # the official-site banner's link
      | ^\W*(?:an\ |the\ )?official\ (?:web\ ?)?site\ of\ (?:the\ )?
            (?:(?-i:[A-Z])[\w.'’-]*|of|the|and|for|government|state|city|county|ministry)
            (?:\ (?:(?-i:[A-Z])[\w.'’-]*|of|the|and|for|government|state|city|county|ministry))*\W*$
                                                    # its words: "An official website of the United States
                                                    # government" (not "... of the ministry was hacked")
      | ^\W*(?:official\ websites\ use\ \.gov|secure\ \.gov\ websites\ use\ https)\b.{0,200}$   # its text
      | ^\W*cookies\ on\ (?:this\ (?:site|website)|our\ website|(?-i:[A-Z])[\w.-]*)\W*$
                                                                          # "Cookies on this site", "Cookies on GOV.UK"
      | ^\W*is\ this\ page\ (?:useful|helpful)\??\W*$                      # the feedback box: its question, ...
      | ^\W*(?:report\ a\ problem\ with\ this\ page|(?:there\ is\ )?something\ wrong\ with\ this\ page\??)\W*$
      | ^\W*help\ us\ improve\ (?:this\ (?:site|website|page)|our\ (?:site|website)|(?-i:[A-Z]{2,})[\w.-]*
            |[\w-]+\.[\w.]+)\W*$                                         # ... its links: "Help us improve GOV.UK"
    """,
        220,
        anchored=True,
    ),
    rule(  # a hosted blog's comment form and its messages, each a whole line
        "comment_prompt",
        r"""
        ^\W*you\ are\ commenting\ using\ your\ [\w.]+\ account\b.{0,40}$     # "... your Twitter account. ( Log Out )"
      | ^\W*notify\ me\ of\ (?:new|follow-up)\ (?:comments|posts|replies)\b.{0,30}$
      | ^\W*fill\ in\ your\ details\ below\ or\ click\ an\ icon\ to\ log\ in\W*$
      | ^\W*(?:e-?mail|name)\ \(required\)(?:\ \(address\ never\ made\ public\))?\W*$
      | ^\W*enter\ your\ comment\ here\W*$ | ^\W*loading\ comments\W*$
      | ^\W*post\ was\ not\ sent\W+check\ your\ e-?mail\ addresses\W*$
      | ^\W*sorry,\ your\ blog\ cannot\ share\ posts\ by\ e-?mail\W*$
      | ^\W*please\ log\ in\ using\ one\ of\ these\ methods\ to\ post\ your\ comment\W*$
    """,
        120,
        anchored=True,
    ),
    rule(  # a hosted blog's action bar and a sign-up form's messages, each a whole line
        "navigation",
        r"""
        ^\W*(?:reblog|subscribe\ subscribed|follow\ following|report\ this\ content|manage\ subscriptions
            |collapse\ this\ bar|sign\ me\ up)\W*$
      | ^\W*already\ have\ a\ [\w.]+\ account\?\ log\ in\ now\W*$
      | ^\W*there\ was\ an\ error\ processing\ your\ subscription\W*$
      | ^\W*please\ check\ the\ opt-in\ box\b.{0,80}$
    """,
        120,
        anchored=True,
    ),
    rule(  # a blog platform's or a theme's credit in the footer
        "navigation",
        r"""
        ^\W*(?:create\ a\ free\ website\ or\ )?blog\ at\ wordpress\.com\W*$
      | ^\W*(?:proudly\ )?powered\ by\ (?:wordpress|ghost|substack|blogger|wix|squarespace|jekyll|hugo)\b.{0,40}$
      | ^\W*(?:wordpress\ )?theme\s*:\s*\S.{0,40}\ by\ \S.{0,30}$         # "Theme: Twenty Twelve by WordPress.org"
    """,
        100,
        anchored=True,
    ),
    rule(  # a feed's or an archive's note on where the page came from, a wire service's source lines
        "source_link",
        r"""
        ^\W*the\ post\ \S.{0,250}\ appeared\ first\ on\ (?-i:[A-Z])[^,;!?]{0,60}$   # a blog's feed: "The post
                                                                          # X appeared first on Site Name."
      | ^\W*the\ wayback\ machine\ -\ https?://\S+\W*$                      # an archived copy's header
      | ^\W*(?:https?://)?web\.archive\.org/web/\d+\S*$                       # its address, on a line alone
      | ^\W*\d[\d,]*\ captures?\W*$                                           # its toolbar: "12 captures",
      | ^\W*\d{1,2}\ [a-z]{3}\ \d{4}\ [-–]\ \d{1,2}\ [a-z]{3}\ \d{4}\W*$      # "15 Mar 2022 - 02 Apr 2022",
      | ^\W*about\ this\ capture\W*$ | ^\W*collected\ by\W*$ | ^\W*timestamps\W*$   # "About this capture",
      | ^\W*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\ ){2}                # its calendar's months
          (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\W*$                      # ("Jan FEB Mar"),
      | ^\W*the\ internet\ archive\ discovers\ and\ captures\ web\ pages\b.{0,350}$   # its note on its crawls
      | ^\W*saved\ from\s*:?\s*https?://\S+$                                  # archive.today's header
      | ^\W*archived\ \d{1,2}\ [a-z]{3}\ \d{4}\ \d\d:\d\d:\d\d\ utc\W*$          # and its stamp
      | ^\W*view\ original\ content(?:\ to\ download\ multimedia)?\s*:\s*https?://\S+\W*$   # a release wire's
      | ^\W*(?-i:SOURCE)\ (?-i:[A-Z])[^.!?]{1,60}$                            # foot: "SOURCE Company AB"
    """,
        400,
        anchored=True,
    ),
    rule(  # a social site's labels around a post
        "navigation",
        r"""^\W*(?:see\ new\ posts|show\ more\ replies|relevant\ people|show\ this\ thread)\W*$""",
        40,
        anchored=True,
    ),
    rule(  # a note that the story came from an agency's feed unedited, and a portal's call to read on
        "disclaimer",
        r"""
        ^\W*\(?\W*(?:only\ the\ headline|this\ (?:story|article|report)\ has\ not\ been\ edited)\b
            .{0,120}\bsyndicated\ feed\b.{0,40}$           # "(Only the headline ... from a syndicated feed.)"
      | ^\W*catch\ all\ the\ .{0,80}\b(?:news|updates)\b.{0,100}$       # "Catch all the Business News ... on ..."
    """,
        260,
        anchored=True,
    ),
    rule(  # a transcript's note on how it was made, a regional paper's appeal, a trending bar
        "self_promotion",
        r"""
        ^\W*(?:this\ )?transcripts?\ (?:was|were|is|are|has\ been|have\ been)\ (?:generated|produced|created|made)
            \ (?:automatically|by\ (?:ai|software|a\ machine|speech\ recognition))\b.{0,80}$
      | ^\W*support\ (?:local|independent|quality)\ (?:journalism|news|reporting)\W*$   # "Support local journalism."
      | ^\W*keep\ up\ to\ date\ with\ (?:our\ work|the\ latest\ from\ us)\W*$
      | ^\W*(?:trending(?:\ now|\ topics)?|hot\ topics|top\ topics)\s*[:|]\s*[^|•]{1,40}(?:\s[|•]\s[^|•]{1,40})+$
                                                                          # "Trending: IPL 2024 | Elections | Budget"
      | ^\W*(?:trending(?:\ now|\ topics)?|hot\ topics)\s*:\s*[^.!?:|•]{1,30}$   # its first item alone, as
                                                                          # the title's step sees it (bars cut)
    """,
        200,
        anchored=True,
    ),
    rule(  # a sign-up form's thanks, a market widget's terms, an ad blocker's appeal: each a whole line
        "self_promotion",
        r"""
        ^\W*(?:you\ have\ |you['’]ve\ )?(?:been\ )?succ?ess?fully\ subscribed\b.{0,40}$  # "You have successfully
                                                                           # subscribed. Thank you!"
      | ^\W*(?:stock\ |market\ )?quotes\ (?:are\ )?delayed\ (?:by\ )?(?:at\ least\ )?\d{1,2}\ minutes\b.{0,300}$
                                                                           # "Quotes delayed at least 15 minutes. ..."
      | ^\W*we\ rely\ on\ (?:advertising|ads|ad\ revenue)\ to\ (?:help\ )?(?:fund|support|pay\ for)\ (?:our|this)
            \b[^,;]{0,40}\b(?:journalism|reporting|newsroom|site|website|work)\b[^,;]{0,80}$
                                                                           # "We rely on advertising to fund ..."
    """,
        400,
        anchored=True,
    ),
    rule(  # a wire story's note on what its update changed, in brackets on a line of its own
        "update_note",
        r"""
        ^\W*\(\(?\s*(?:adds|updates|corrects|recasts|rewrites|refiles|repeats|changes|fixes|removes|inserts
            |replaces|clarifies|amends|moves|tops|writes\ through|writethru)\b[^().!?]{0,160}\)\)?\W*$
                                                    # "(Adds minister's comments in paragraphs 4-5)",
                                                    # "(Corrects spelling of name in paragraph 3)";
                                                    # no sentence: "(Updates will follow, he said.)" stays
    """,
        200,
        anchored=True,
    ),
    rule(  # a wire story's contributor line at its foot
        "byline",
        r"""
        ^\W*(?:(?-i:[A-Z])[\w.'’-]*\ ){1,3}(?:writers?|correspondents?|reporters?|journalists?)
            (?:\ (?:(?-i:[A-Z])[\w.'’-]*|and|in|from))+                       # the names, the places
            \ contributed(?:\ (?:reporting|to\ this\ (?:report|story|article)))?\.?\W*$
                                                    # "Associated Press writer Jane Doe contributed to this report."
    """,
        200,
        anchored=True,
    ),
)
