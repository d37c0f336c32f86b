"""The site's own chrome, said in whole short lines: a sign-up form's labels and messages, the
headings of its lists of other stories, a video player's labels, share and account buttons, a
paywall's offers, footer links, opinion and update notes, the outlet's appeals.

These complete furniture.py: the same kinds, in the wordings a scraper saves around an article
that no rule there names. Each alternative matches a whole line (or, when the rule is not
anchored, a phrase no article sentence uses) and each rule is capped short, so a sentence of
the article that uses the same words in passing stays. tests/cases/cleaning holds for each rule
lines it drops and real sentences it keeps.
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
            \ (?:for|to)\ (?:subscribers|members)\b.{0,40}$
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
