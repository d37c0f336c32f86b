"""The site's own chrome, said in whole short lines: a sign-up form's labels and messages, the
headings of its lists of other stories, a video player's labels, share and account buttons, a
paywall's offers, footer links, opinion and update notes, the outlet's appeals.

These complete furniture.py: the same kinds, in the wordings a scraper saves around an article
that no rule there names. Each alternative matches a whole line (or, when the rule is not
anchored, a phrase no article sentence uses) and each rule is capped short, so a sentence of
the article that uses the same words in passing stays. tests/cases/cleaning holds for each rule
lines it drops and real sentences it keeps. The rules go on in blogchrome.py (a blog's labels, the
comment form, calls to the reader), which the rule book runs right after these.
"""

from __future__ import annotations

from materiel.clean.rules import rule

CHROME_RULES = (
    rule(  # teasers run together on one line, each under its label: "Learn more: Story one Learn more: Story two"
        "read_more",
        r"""^\W*((?:read|learn|see)\ (?:more|also))\W*:.*\b\1\W*:""",
        2000,  # however many headlines follow: prose never labels two of its clauses so
        anchored=True,
    ),
    rule(
        "newsletter",
        r"""
        ^\W*(?:enter\ |type\ )?(?:your\ )?e-?mail(?:\ address)?\W*$       # the form's field label
      | ^\W*(?:please\ )?(?:enter\ )?an?\ (?:valid|invalid)\ e-?mail(?:\ address)?\W*$   # its error messages
      | ^\W*invalid\ e-?mail(?:\ address)?\W*$
      | ^\W*thanks?(?:\ you)?\ for\ (?:signing\ up|subscribing|registering)\b[^,;]{0,80}$  # its thanks
      | ^\W*you['’]re\ (?:all\ set|subscribed|signed\ up|on\ the\ list)\b.{0,80}$
      | ^\W*(?:receive|get|read|try)\ (?:our|the)\ (?:free\ )?(?:[\w'’-]+\ ){0,3}newsletters?\b.{0,60}$
                                                                          # "Receive our newsletter"
      | ^\W*stay\ (?:informed|updated|in\ the\ know|up\ to\ date)\b.{0,40}\b(?:newsletter|inbox|e-?mail|subscribe)
      | ^\W*join\ (?:over\ |more\ than\ )?[\d,.]+\s*(?:k\ |m\ |million\ |thousand\ )?(?:other\ )?
            (?:readers|subscribers)\b
                                                                          # "Join 50,000 readers who get our email"
      | ^\W*(?:don['’]t|never)\ miss\ (?:a|an|any)\ (?:story|update|thing|headline)\b.{0,80}$
      | ^\W*(?-i:[A-Z])[^.!?:]{0,40}\ newsletters?\W*$                    # a newsletter's name as the box's title
      | ^\W*enter\ your\ e-?mail(?:\ address)?\ (?:to|and|for)\b.{0,60}$       # "Enter your email to subscribe"
      | ^\W*newsletter\ promotion\W*$                                      # the box's marker
      | ^\W*sign\ up\ (?:here|now|today)\W*$                                 # the box's button
      | ^\W*something\ went\ wrong\W+(?:please\ )?try\ again\W*$              # the form's error
      | ^\W*thanks\ for\ reading\b[^.!?]{0,60}[.!]\s*subscribe\b.{0,100}$      # a newsletter platform's appeal
                                                                          # under a post ("Thanks for reading X!
                                                                          # Subscribe for free to receive ...")
    """,
        200,
        anchored=True,
    ),
    rule(  # a delivery to the reader's inbox promised in a short line
        "newsletter",
        r"""
        \b(?:straight|directly|delivered|sent|right)\b.{0,30}\b(?:in|into|to)\ your\ inbox\b  # "straight to your inbox"
      | \b(?:in|into|to)\ your\ inbox\ (?:every|each|daily|weekly|twice|once)\b  # "in your inbox every week"
      | ^\W*(?:get|receive)\b.{0,40}\b(?:in|into|to)\ your\ inbox\W*$            # "Get the top stories in your inbox"
    """,
        150,
        ("inbox",),
    ),
    rule(
        "read_more",
        r"""
        ^\W*also\ read\s*[-–—:|]                                            # "Also read - Other headline"
      | ^\W*(?:you\ (?:may|might)\ (?:also\ )?(?:like|enjoy|be\ interested\ in)|don['’]t\ miss|
            editor['’]?s?\ (?:picks?|choice)|top\ (?:stories|news|headlines)|latest\ (?:news|stories|headlines)|
            more\ (?:news|headlines|stories|top\ stories)|more\ from\ (?:this\ section|the\ author|our\ \w+)|
            more\ in\ (?:[\w-]+\ ?){1,2}|trending(?:\ now|\ stories|\ news)?|popular\ (?:now|stories|today)|
            most\ (?:read|popular|viewed|watched|shared|commented)(?:\ stories|\ articles|\ this\ week|\ today)?|
            read\ next|what\ to\ read\ next|in\ other\ news|
            (?:must-see|latest|related|more|featured|top)\ videos?)\W*$       # headings of the site's story lists
      | ^\W*(?:video\ )?(?:duration|runtime|length)\W*\d{1,2}:\d\d\W*$       # a player's labels
      | ^\W*\d{1,2}:\d\d(?::\d\d)?\W*$                                      # a video's length alone: "02:31"
      | ^\W*(?:now\ playing|autoplay|replay|mute|unmute|pause|play)\W*$
    """,
        80,
        anchored=True,
    ),
    rule(
        "share_bar",
        r"""
        ^\W*(?:link\ )?copied(?:\ to\ (?:the\ )?clipboard)?\W*$                 # the share bar's answer
      | ^\W*(?:tweet|pin\ it|share\ (?:article|story|post|page|link)|
            e-?mail\ this\ (?:article|story|page|post)|send\ (?:this\ )?(?:article|story)\ by\ e-?mail)\W*$
      | ^\W*(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|messenger|bluesky|threads|flipboard|
            pinterest|e-?mail|mail|print|copy\ link|copy\ url)
            (?:\W+(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|messenger|bluesky|threads|flipboard|
            pinterest|e-?mail|mail|print|copy\ link|copy\ url)){2,}\W*$      # three or more of its buttons
      | ^\W*(?:\d+\ )?comments?\ ?(?:\(\d+\))?\W*$ | ^\W*(?:view|show|read)\ (?:all\ )?\d*\ ?comments\W*$
      | ^\W*click\ to\ (?:share|e-?mail|print|tweet)\b.{0,60}$              # a blog's buttons: "Click to share on X"
      | ^\W*(?:like|share)\ this\W*$ | ^\W*like\ loading\W*$ | ^\W*print\ friendly\b.{0,30}$
      | ^\W*(?:download|save)\ (?:as\ )?pdf\W*$ | ^\W*save\ (?:article|story|for\ later)\W*$
      | ^\W*(?:add|save)\ to\ (?:favou?rites|bookmarks|my\ list|reading\ list)\W*$ | ^\W*watch\ on\ youtube\W*$
      | ^\W*copy\ (?:the\ )?(?:article|story|page|post)\ (?:link|url)\W*$                   # "Copy article link"
      | ^\W*listen\W*\(?\d{1,2}\s*min(?:ute)?s?\)?\W*$                                    # "Listen (4 min)"
      | ^\W*(?:add|make|set)\ (?:us|[\w'’.&-]+(?:\ [\w'’.&-]+){0,3})\ (?:as\ )?(?:a\ |your\ )?(?:preferred|trusted)
            \ source\ (?:on|in)\ google\b.{0,30}$                       # "Add X as a preferred source on Google"
      | ^\W*(?:add|follow)\ (?:us|[\w'’.&-]+(?:\ [\w'’.&-]+){0,3})\ on\ google\ (?:news|discover)\W*$
      | ^\W*open\ (?:in\ |the\ |our\ )?app\W*$
    """,
        150,
        anchored=True,
    ),
    rule(
        "paywall",
        r"""
        ^\W*(?:subscribe|sign\ up|register|join)(?:\ now|\ today)?\ (?:for|to\ get)\ (?:full|unlimited|free|digital)
            \ access\b                                                      # "Subscribe for full access"
      | ^\W*(?:for\ )?(?:subscribers?|members|premium)\ only\W*$ | ^\W*(?:exclusive|premium)\ content\W*$
      | ^\W*(?:for\ )?(?:subscribers?|members|premium)\ only\s*[:|–—-]\s*[^.!?]{1,40}$   # "Subscribers only: unlock"
      | ^\W*(?:start|begin|try)\ (?:your|a)\ (?:free\ |\d+-day\ )?(?:trial|subscription)\b.{0,60}$
      | ^\W*(?:get\ )?unlimited\ (?:digital\ )?access\b.{0,60}$
      | ^\W*to\ (?:continue\ reading|read\ (?:the\ )?(?:full|whole|rest\ of))\b.{0,60}
            \b(?:subscribe|log\ in|sign\ in|register|subscriber|account)\b   # "To continue reading, subscribe"
      | ^\W*(?:already\ (?:a\ )?(?:subscriber|member)|have\ an\ account)\W*$
      | ^\W*(?:register|sign\ up)\ (?:for\ free|now|today)\W*$
      | ^\W*create\ an?\ (?:free\ )?account\b.{0,40}$
      | ^\W*you(?:['’]ve|\ have)\ (?:reached|hit|used)\b.{0,40}\b(?:limit|free\ (?:articles|stories))\b.{0,60}$
      | ^\W*you(?:['’]ve|\ have)\ read\ \d+\ (?:of\ (?:your\ )?\d+\ )?(?:free\ )?(?:articles|stories)\b.{0,40}$
      | ^\W*you(?:['’]ve|\ have)\ (?:\d+|one|two|three|four|five|no)\ (?:more\ )?(?:free\ )?(?:articles?|stories|reads)
            \ (?:left|remaining)\b.{0,40}$                                  # "You have 3 free articles left"
      | ^\W*(?:subscribe|join|sign\ up)(?:\ now|\ today)?\ for\ (?:just\ |only\ |as\ little\ as\ )?[$€£]\s?[\d.,]+
            \s?(?:a|per|/|every)\s?(?:day|week|month|year)\b.{0,60}$        # "Subscribe now for just $1 a week"
      | ^\W*(?:(?:no\ (?:commitments?|contracts?|obligations?)|you\ (?:can|may)|and|or|just|simply)\W+)*
            cancel\ any\ ?time\W*$                       # an offer's closing promise: "No commitment. Cancel anytime."
      | ^\W*unlock\ (?:this|the\ full|full)\ (?:article|story|access)\W*$
      | ^\W*register\ (?:for\ free\ |now\ )?to\ (?:continue\ reading|keep\ reading|read\ (?:on|more|the))\b.{0,40}$
      | ^\W*this\ (?:content|article|story)\ is\ (?:reserved|available\ only|only\ available|exclusive)
            \ (?:for|to)\ (?:(?:premium|paying|paid|digital|registered)\ )?(?:subscribers|members)\b.{0,40}$
      | ^\W*this\ (?:content|article|story)\ is\ available\ to\ (?:premium|paying|paid|digital|registered)
            \ (?:subscribers|members)(?:\ only)?\W*$            # "This content is available to premium members only"
    """,
        150,
        anchored=True,
    ),
    rule(  # an offer's terms, then the promise as a clause (a rule of its own: its opening has no first
        "paywall",  # word to look for, and its needle spares the other lines the search)
        r"""
        ^(?!.*\b(?:said|says|told|tells|according\ to|announced|added|warned)\b)   # not a sentence reporting speech,
            .{0,80}(?:\b(?:subscriptions?|plans?|trials?|memberships?|free|monthly)\b|[$€£]\s?\d).{0,60}
            [,.;:!–—-]\s*(?:and\ |you\ can\ )?cancel\ any\ ?time\W*$           # "Monthly plan, cancel anytime"
    """,
        150,
        ("cancel",),
        anchored=True,
    ),
    rule(
        "navigation",
        r"""
        ^\W*(?:account|my\ profile|profile|settings|notifications|saved\ (?:articles|stories)|my\ news|
            close|back\ to\ top|sections|topics|all\ topics|site\ map|sitemap|rss(?:\ feeds?)?|careers|
            contact(?:\ us)?|about(?:\ us)?|advertise(?:\ with\ us)?|accessibility|corrections|
            privacy(?:\ policy|\ notice|\ settings)?|cookie\ (?:policy|settings)|
            terms(?:\ of\ (?:use|service)|\ (?:and|&)\ conditions)?|imprint|impressum)\W*$  # menu and footer links
      | ^\W*(?:follow(?:\ (?:topic|this\ (?:author|topic|story)))?|get\ (?:alerts|notified)|turn\ on\ notifications|
            log\ in\ to\ comment|reply|load\ more(?:\ (?:comments|stories|articles))?|see\ all|view\ all|
            back|next|previous|show\ less|gallery|images|zoom\ (?:in|out))\W*$   # buttons, one a line
      | ^\W*(?:more\ (?:articles|stories|posts)\ (?:by|from)\ (?:this|the)\ (?:author|writer|reporter)|
            (?:e-?mail|contact|message)\ the\ (?:author|writer|reporter))\W*$   # an author box's links
      | ^\W*sort\ by\W+(?:newest|oldest|best|top|latest|most\ (?:liked|popular|recent))\W*$   # a comment list's order
      | ^\W*(?:(?:about(?:\ us)?|contact(?:\ us)?|privacy(?:\ policy)?|terms(?:\ of\ (?:use|service))?|
            advertise|careers|cookies?(?:\ policy)?|sitemap|rss|faq)\s*[|•·/]\s*){2,}\S.{0,40}$  # a footer's row
    """,
        120,
        anchored=True,
    ),
    rule(  # a site's footer, wherever the line puts it
        "navigation",
        r"""\ball\ rights\ reserved\W*$""",  # the footer's last words
        200,
        ("rights reserved",),
    ),
    rule(
        "disclaimer",
        r"""
        \b(?:views|opinions)\ expressed\ by\ (?:contributors|columnists|guest\ (?:writers|authors|contributors)|
            (?:the\ )?(?:authors?|writers?|columnists?))\b                  # "Opinions expressed by contributors"
      | \b(?:views|opinions)\ (?:in|of)\ this\ (?:column|article|piece|commentary|op-?ed|essay|blog)
            \ (?:are|belong)\b                                              # "The opinions in this column are ..."
      | ^\W*this\ is\ an?\ (?:opinion|op-?ed|commentary)(?:\ piece|\ column|\ article)?\b.{0,120}$
    """,
        300,
        ("views", "opinions", "opinion", "op-ed", "oped", "commentary"),
    ),
    rule(
        "update_note",
        r"""
        ^\W*(?:update[sd]?|correction|clarification|editor['’]?s?\ note)\b[^:]{0,40}:\s*(?:this|an\ earlier|
            a\ previous|the\ headline|the\ story|the\ article)\b.{0,160}\b(?:updated|corrected|misstated|
            misspelled|misidentified|incorrectly|amended|version|changed)\b  # "Correction: An earlier version ..."
      | ^\W*update(?:d)?\b.{0,30}?:\s*(?:adds?|includes?|with|updates|corrects|changes|recasts|rewrites)\b
                                                                          # "Update, 3:45 p.m.: Adds comment"
      | ^\W*\(?updates?\ (?:with|to\ (?:add|include))\b[^)]{0,100}\)?\W*$  # a wire's "(Updates with ...)"
      | ^\W*this\ (?:story|article|report|post|piece)\b.{0,80}\bhas\ (?:since\ )?been\ (?:updated|corrected)\b
    """,
        250,
        ("update", "correction", "clarification", "note", "updated", "corrected"),
        anchored=True,
    ),
    rule(
        "self_promotion",
        r"""
        ^\W*(?:listen\ to|subscribe\ to|follow)\ (?:our|the)\ (?:[\w'’-]+\ ){0,3}podcasts?\b.{0,60}$
      | ^\W*(?:join|subscribe\ to|follow)\ (?:us\ on\ |our\ )(?:[\w-]+\ )?(?:telegram|whatsapp|youtube|viber|signal|
            instagram|tiktok|facebook|x|twitter|bluesky|threads)\b.{0,40}$   # "Join our Telegram channel"
      | ^\W*like\ us\ on\ facebook\b
      | ^\W*(?:got|have)\ a\ (?:news\ )?(?:tip|story(?:\ idea)?|news\ story)\?   # a call for tips
      | ^\W*send\ us\ your\ (?:story|stories|tips?|news|photos|videos|questions)\b
      | ^\W*(?:our|this)\ (?:journalism|reporting|site|website|newsroom)\ is\ (?:free|funded|independent|
            reader-funded|reader-supported)\b.{0,100}$
      | ^\W*support\ (?:us|our\ work|our\ newsroom|quality\ journalism)\W*$
      | ^\W*(?:subscribe\ to|follow)\ \S+(?:\ \S+){0,3}\ on\ (?:youtube|spotify|apple\ podcasts)\W*$
      | ^\W*(?:support|back)\ us\ on\ (?:patreon|substack|ko-fi)\b | ^\W*become\ a\ patron\b
      | ^\W*buy\ (?:me|us)\ a\ coffee\W*$ | ^\W*(?:donate|make\ a\ donation)(?:\ to\ [\w\ ]{1,40})?\W*$
      | ^\W*listen\ live\W*$
      | ^\W*(?:the\ )?(?-i:[A-Z])[\w'’.-]*(?:\ (?-i:[A-Z])[\w'’.-]*){0,4}\ is\ an?\ (?:(?:independent|non-?profit|
            nonpartisan|reader-(?:funded|supported)|award-winning),?\ (?:and\ )?){1,3}(?:news(?:room|\ (?:site|outlet|
            organi[sz]ation|service))?|media\ (?:outlet|organi[sz]ation)|publication|magazine|outlet)\W*$
                                  # the outlet's line on itself: "The Herald is an independent newsroom."
    """,
        200,
        anchored=True,
    ),
    rule(  # the appeal's words anywhere in a short line
        "self_promotion",
        r"""\b(?:support|donat\w*|fund\w*|rely|relies|depend\w*)\b.{0,60}\breaders\ like\ you\b
      | \bhelp\ us\ keep\ (?:it|our\ journalism|this\ (?:site|work))\ (?:free|going|that\ way)\b""",
        300,
        ("readers like you", "help us keep"),
    ),
    rule(
        "image_viewer",
        r"""
        ^\W*\d{1,3}\s+of\s+\d{1,3}\W*$                                      # a slide counter: "1 of 12"
      | ^\W*(?:image|media|video|photo)?\s*caption\W*$                     # a caption's toggle or label
      | ^\s*[(\[]\s*(?:photo|image|picture|illustration|video|credit)s?(?:/\w+)?\s*(?:by|:|/|©)
            [^)\].!?]{0,120}[)\]]\s*$                                       # "(Photo by X/Agency)"
      | ^\W*(?:image|photo|picture)s?\ courtesy\ (?:of\ )?\S[^.!?]{0,60}$            # a caption's credit
      | ^\W*image\ source\s*[,:]\s*\S.{0,50}$                               # "Image source, Agency"
    """,
        160,
        anchored=True,
    ),
    rule(
        "byline",
        r"""
        ^\W*(?:published|updated|posted)\ \d{1,2}\ (?:min(?:ute)?s?|hours?|hrs?|days?)\ ago\W*$  # "Updated 2 hours ago"
      | ^\W*\d{1,2}\ min(?:ute)?s?\ read\W*$ | ^\W*(?:estimated\ )?reading\ time\W+\d{1,2}\ min(?:ute)?s?\W*$
      | ^\W*listen\ to\ (?:this\ )?(?:article|story)\W+\d{1,2}\ min(?:ute)?s?\W*$     # the player's label
      | ^\W*audio\ version\ of\ this\ (?:article|story)\W*$                        # or its heading
      | ^\W*audio\W*$
    """,
        80,
        anchored=True,
    ),
    rule(
        "advertisement",
        r"""^\W*(?:advertisement|advert|ad|sponsored)\W+(?:scroll\ (?:down\ )?to\ continue(?:\ reading)?|
            continue\ reading|skip\ (?:advertisement|ad))\W*$  # "Advertisement - scroll to continue"
      | ^\W*(?:don['’]t\ want\ to\ see\ (?:this|ads)\W+)?(?:remove|hide)\ (?:ads|adverts)\W*$
                                                              # the ad's offer of an ad-free site
      | ^\W*ad\s?choices\W*$                               # the advertising network's label
      | ^\W*werbung\ (?:ausblenden|entfernen)\W*$""",  # the same in German ("Werbung ausblenden")
        60,
        anchored=True,
    ),
)
