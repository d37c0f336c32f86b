"""Furniture of kinds of pages the corpus holds few of, each said in a whole short line: a blog's
post stamp, tagline and comment heading, a press release's number and a company's notice on
forward-looking statements, a broadcaster's schedule and promotion, an audio player's controls, a
magazine's print note, an e-mailed newsletter's notes, a post's counters, a think tank's page
labels, a wire's editor tag, short breadcrumb trails, bylines, share labels and rights lines in
other languages, footer links. Each alternative matches a whole line and each rule is capped
short, so a sentence of the article with the same words stays (tests/cases/cleaning/chrome.json
holds both; pages.json holds pages).
"""

from __future__ import annotations

from materiel.clean.rules import rule

# A date as a blog's stamp writes it: "June 3, 2024", "3 June 2024", "03/06/2024", "2024-06-03".
_DATE = r"""(?:[a-z]{3,9}\.?\ \d{1,2}(?:st|nd|rd|th)?,?\ \d{4}
             | \d{1,2}(?:st|nd|rd|th)?\ [a-z]{3,9}\.?,?\ \d{4}
             | \d{1,2}[./-]\d{1,2}[./-]\d{2,4} | \d{4}-\d{2}-\d{2})"""

# The root of a site's breadcrumb trail, in the languages the pages come in.
_ROOT = r"""(?:home(?:\ ?page)?|main(?:\ page)?|головна|главная|startseite|accueil|inicio|portada|home\ ?page|
             strona\ główna|ana\ ?sayfa|página\ inicial|pagina\ iniziale|início)"""

# The value of a page's label line: a list of names, each capitalised word by word (a region, a
# programme, a person: "Europe, Russia, and Eurasia Program", "CHINA,MILITARY") or one word
# ("defence, europe"), never a sentence ("Experts: Lithuania will need more launchers").
_NAME = r"""(?:(?-i:[A-Z0-9])[\w'’.&()-]*(?:\ (?:(?-i:[A-Z0-9])[\w'’.&()-]*|and|of|the|for|on|in|&))*|[\w-]+)"""
_LABELS = rf"""{_NAME}(?:\s*(?:[,;|/•·]\s*(?:and\ )?|\ and\ ){_NAME})*\W*"""

# A programme's host after its name: "World Tonight with Anna Lee".
_HOST = r"""(?:\ with\ (?-i:[A-Z][\w'’.-]*)(?:\ (?-i:[A-Z][\w'’.-]*)){0,2})?"""

# A counter's labels: each line the counters' rule drops holds one.
_COUNTER_NEEDLES = ("views", "reads", "visitors", "visits", "comments", "author", "reading time", "просмот", "перегляд")

FORMAT_RULES = (
    rule(  # a short breadcrumb trail from the site's root: "Home » Politics", "Ana Sayfa > Dünya"
        "navigation",
        rf"""^\W*(?:you\ are\ here\s*:?\s*)?(?:the\ )?{_ROOT}                # "You are here: Home / News"
            (?:\s*[>»›/]\s*[^\s>»›/.!?]+(?:\ [^\s>»›/.!?]+){{0,3}})+\s*$""",
        80,
        anchored=True,
    ),
    rule(  # a byline in another language, the author's name alone: "Par Marie Dupont", "di Marco Rossi"
        "byline",
        r"""^\W*(?:par|por|von|di|door|av)\ (?-i:[A-Z][\w'’.-]+)
            (?:\ (?:(?-i:[A-Z][\w'’.-]+)|de|da|del|van|von|der|la|le)){1,3}\W*$""",
        60,
        anchored=True,
    ),
    rule(  # a blog's stamp under its post's title: the date, then the author or the category
        "byline",
        rf"""
        ^\W*(?:posted|published|written)\ (?:on\ )?{_DATE}
            (?:\ (?:at\ )?\d{{1,2}}:\d{{2}}\ ?(?:[ap]m)?)?            # "... at 5:12 pm"
            (?:\ (?:by|in)\ [\w.'’ -]{{1,40}})?\W*$                   # "... by admin", "... in News"
      | ^\W*(?:posted|written)\ by\ [\w.'’ -]{{1,40}}\ on\ {_DATE}\W*$  # "Posted by admin on June 3, 2024"
    """,
        120,
        ("posted", "published", "written"),
        anchored=True,
    ),
    rule(  # a site's footer and header links and switches, each line nothing else
        "navigation",
        r"""
        ^\W*(?:(?:terms\ (?:of\ (?:use|service)|and\ conditions)|privacy(?:\ (?:policy|notice|settings))?|
            cookie\ policy|contact\ us|about\ us|accessibility|sitemap|site\ map|imprint|impressum|
            advertise(?:\ with\ us)?|careers)\s*[|•·/]?\s*){2,}$          # "Terms of Use | Privacy Policy"
      | ^\W*(?:proudly\ )?powered\ by\ [\w.-]+(?:\ [\w.-]+)?\W*$        # "Powered by WordPress"
      | ^\W*(?:dark|light|night)\ mode\W*$ | ^\W*change\ (?:language|edition|region)\W*$
      | ^\W*edition\s*:\s*[\w-]+(?:\ [\w-]+)?\W*$                          # "Edition: International"
      | ^\W*already\ registered\?\W*(?:log\ ?in|sign\ in)?\W*$
      | ^\W*(?:show|hide|view|load)\ (?:all\ |more\ )?(?:replies|responses)(?:\ \(\d+\))?\W*$   # "Show replies"
      | ^\W*(?:(?:новости|новини|политика|політика|экономика|економіка|общество|суспільство|спорт|культура|
            мир|світ|происшествия|події|события|регионы|регіони|наука|технологии|технології|видео|відео|
            фото|здоровье|здоров['’]я|авто|бизнес|бізнес)[\s|•·/]*){2,10}$    # a section menu in Cyrillic
    """,
        150,
        anchored=True,
    ),
    rule(  # a post's stamp and counters as X (Twitter) prints them under it
        "channel_furniture",
        r"""
        ^\W*\d{1,2}:\d{2}\ ?[ap]m\ ?·\ ?[a-z]{3}\ \d{1,2},\ \d{4}
            (?:\ ?·\ ?[\d.,]+[km]?\ views)?\W*$                          # "3:45 PM · Aug 20, 2023"
      | ^\W*(?:[\d.,]+[km]?\ (?:retweets?|reposts?|quotes?|quote\ tweets|likes?|bookmarks?|replies|views)\W*){2,}$
                                                                          # "1,234 Retweets 56 Quotes 4,567 Likes"
    """,
        120,
        anchored=True,
    ),
    rule(  # an appeal to follow the outlet's channels: "Subscribe to our channels in Telegram and Viber"
        "social_follow",
        r"""^\W*(?:subscribe|sign\ up)\ to\ (?:us|our\ (?:[\w-]+\ )?(?:channels?|pages?|accounts?|feeds?))
            \ (?:on|in|at)\ (?:(?:telegram|viber|whatsapp|youtube|facebook|instagram|x|twitter|tiktok|
            google\ news|threads|bluesky)(?:\s*(?:,|and|&)\s*)?){1,4}\W*$""",
        120,
        ("subscribe", "sign up"),
        anchored=True,
    ),
    rule(  # a company's release: its notice on forward-looking statements, and that notice's heading
        "disclaimer",
        r"""
        ^\W*(?:forward-looking\ statements?|cautionary\ (?:statement|note)s?
            (?:\ (?:regarding|concerning|on)\ forward-looking\ statements?)?)\W*$      # the heading alone
      | ^\W*this\ (?:press\ release|release|announcement|document|communication)\ (?:contains|may\ contain|includes)
            \ (?:certain\ )?(?:forward-looking|future-oriented)\ statements\b.{0,400}$  # its first sentence
    """,
        500,
        ("forward-looking", "future-oriented", "cautionary"),
        anchored=True,
    ),
    rule(  # an e-mailed newsletter saved as a page: its browser link, its forwarding and list notes
        "newsletter",
        r"""
        ^\W*view\ (?:this\ |it\ |the\ )?(?:(?:e-?mail|message|newsletter)\ )?
            (?:in|on)\ (?:(?:your|a|the)\ )?(?:web\ )?browser\W*$          # "View this email in your browser"
      | ^\W*(?:having\ trouble\ viewing|can['’]t\ see)\ this\ (?:e-?mail|message)\?.{0,60}$
      | ^\W*forward\ (?:this|the)\ (?:e-?mail|newsletter)\ to\ a\ (?:friend|colleague)\W*$
      | ^\W*(?:was\ )?this\ (?:e-?mail|newsletter)\ forwarded\ to\ you\?.{0,60}$
      | ^\W*you\ (?:are\ )?(?:receiving|received|get(?:ting)?)\ this\ (?:e-?mail|newsletter|message)\ because\b.{0,160}$
    """,
        220,
        ("browser", "e-mail", "email", "message", "newsletter"),
        anchored=True,
    ),
    rule(  # a speech's release: the note that the words as spoken count
        "disclaimer",
        r"""^.{0,120}\bcheck\ against\ (?:delivery|the\ spoken\ word)\W*$""",  # "Check against delivery."
        160,
        ("check against",),
        anchored=True,
    ),
    rule(  # a think tank's and a wire's labels of the page: its experts, programmes, regions, editors
        "tags",
        rf"""
        ^\W*related\ (?:experts|programs|programmes|research|publications|resources)\W*$   # the heading alone
      | ^\W*(?:related\ )?(?:experts?|programs?|programmes?|regions?|projects?|centers?|centres?)
            \s*:\s*{_LABELS}$                                             # "Programs: Europe, Defence"
      | ^\W*posted\ in\s*:\s*{_LABELS}$                                  # "Posted in: CHINA,MILITARY"
    """,
        100,
        anchored=True,
    ),
    rule(  # the editor's tag a wire or a Chinese outlet closes its story with
        "byline",
        r"""
        ^\W*(?:(?:responsible|web|chief|duty|executive)\ )?editors?\s*:\s*[\w\ .'’-]{2,40}\)?\s*$
                                                                          # "(Editor: Zhang San)"
      | ^\W*source\s*:\s*[\w\ .'’-]{2,40}\s*[|,]\s*editor\s*:\s*[\w\ .'’-]{2,40}$   # "Source: Xinhua | Editor: X"
    """,
        90,
        ("editor",),
        anchored=True,
    ),
    rule(  # calls in whole lines: to a live page, to a QR code, to log in to comment; a page's tools
        "self_promotion",
        r"""
        ^\W*follow\ (?:our|the)\ live\ (?:coverage|blog|updates)(?![\w'’]).{0,80}$   # "Follow our live coverage"
      | ^\W*scan\ (?:the\ )?qr\ code\b.{0,60}$                              # "Scan the QR code to follow us"
      | ^\W*(?:log\ ?in|sign\ in|register)\ to\ (?:comment|reply|post\ a\ comment)\W*$
      | ^\W*(?:(?:print|e-?mail|share|save|copy\ link)\s*[|•·/]\s*){1,4}(?:print|e-?mail|share|save|copy\ link)\W*$
                                                                          # "Print | Email | Share"
      | ^\W*(?:text|font)\ size\s*:?\s*(?:a\W*){0,3}$                        # "Text size: A A A"
    """,
        140,
        anchored=True,
    ),
    rule(  # a share bar's label in other languages, a whole line
        "share_bar",
        r"""
        ^\W*(?:comparte|compartir)(?:\ (?:esta\ noticia|este\ art[íi]culo|en\ \w+))?\W*$        # Spanish
      | ^\W*condividi(?:\ (?:questo\ articolo|l['’]articolo|su\ \w+))?\W*$                     # Italian
      | ^\W*(?:поділитись|поділитися|поделиться)(?:\ (?:новиною|статтею|новостью|статьей))?\W*$  # Ukrainian, Russian
    """,
        60,
        anchored=True,
    ),
    rule(  # a consent banner's headings, in whole lines
        "cookie_notice",
        r"""^\W*(?:we\ (?:value|care\ about|respect)\ your\ privacy
              | do\ not\ (?:sell|share)(?:\ or\ (?:sell|share))?\ my\ (?:personal\ )?(?:information|data))\W*$""",
        80,
        anchored=True,
    ),
    rule(  # counters and teasers in whole short lines: a view count, a teaser under its label
        "read_more",
        r"""
        ^\W*(?:don['’]t\ miss|must\ read|editor['’]s\ picks?)\s*:\s.{3,120}(?<!\.)$   # "Don't miss: Story", no sentence
      | ^\W*(?:also|more)\ on\ (?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)   # not "Also on Tuesday"
            (?:the\ )?(?-i:[A-Z])[\w'’.&-]*(?:\ (?-i:[A-Z])[\w'’.&-]*){0,3}\s*$  # "Also on Site"
      | ^\W*listen\ to\ (?:this|the)\ (?:story|piece|report)\W*$
      | ^\W*advertisement\W+(?:continue\ reading|story\ continues|scroll\ to\ continue)\b.{0,20}$
    """,
        140,
        anchored=True,
    ),
    rule(  # a page's counters, alone ("Views: 1,234", "The number of visitors: 532") or in its stamp line
        "channel_furniture",
        r"""
        ^\W*(?:the\ )?(?:number\ of\ )?(?:views|reads|visitors|visits)\s*:\s*\d[\d,.\s]*[km]?\W*$
      | ^(?=.*\b(?:views|visitors|comments|author|reading\ time|просмотр\w*|переглядів)\s*:)
            (?:[^|]{1,40}\s\|\s){1,5}[^|]{1,40}$     # "Today, 14:20 | Author: Desk | Views: 2 345 | Comments: 0"
    """,
        200,
        _COUNTER_NEEDLES,
        anchored=True,
    ),
    rule(  # the outlet's rights, in a line of their own, and its terms for quoting it
        "copyright",
        r"""
        ^\W*(?:©\s*)?all\ rights\ (?:are\ )?reserved(?:\ (?:for|to|by)\ [^.!?,]{2,60})?\W*$
                                                   # "All rights reserved for the X Agency 2024"
      | ^\W*(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))(?!.*[“"]).{0,120}\ball\ rights\ (?:are\ )?reserved\b
            [^“"]{0,220}$
                                                   # a footer's notice with its terms after it: "© 2019 Example
                                                   # Media. All rights reserved. Use of this site constitutes ..."
      | ^\W*this\ material\ may\ not\ be\ published,\ broadcast,\ rewritten,?
            \ (?:or\ )?redistributed\b.{0,200}$     # a news agency's terms, copied under its stories
      | ^\W*(?:©\s*)?tüm\ hakları\ saklıdır\W*$                    # the same in Turkish
      | ^\W*(?:when|while|in\ case\ of)\ (?:citing|quoting|using|reprinting)
            \b.{0,40}\b(?:materials?|content|texts?|articles?|information)\b.{0,160}
            \b(?:hyperlinks?|links?|reference)\b.{0,120}\b(?:obligatory|required|mandatory)\W*$
                                                   # "When citing ... materials, hyperlinks ... are obligatory."
    """,
        400,
        ("rights", "hakları", "citing", "quoting", "using", "reprinting", "redistributed"),
        anchored=True,
    ),
    rule(  # a blog's tagline, as its software sets it
        "navigation",
        r"""^\W*just\ another\ (?:wordpress\ |blogger\ )?(?:site|blog|weblog)\b.{0,60}$""",
        90,
        ("just another",),
        anchored=True,
    ),
    rule(  # the heading over a post's comments, and a closed thread's notice
        "comment_prompt",
        r"""
        ^\W*(?:\d+|one|two|three)\ (?:thoughts?|responses?|repl(?:y|ies)|comments?)
            \ (?:on|to)\ ["“'‘].{3,200}["”'’]\W*$                   # '3 thoughts on "Post title"'
      | ^\W*comment(?:s|ing)\ (?:are|is|has\ been|have\ been)\ (?:now\ )?(?:closed|disabled|turned\ off)
            (?:\ (?:for|on)\ this\ (?:article|story|post|page))?\W*$  # "Comments are closed for this article."
    """,
        260,
        ("thought", "response", "repl", "comment"),
        anchored=True,
    ),
    rule(  # a press release's number or its embargo, on a line of its own
        "kicker",
        r"""
        ^\W*(?:press\ |news\ )?release\ (?:no|nr|number|\#)\.?\ ?:?\ ?[\w/.-]{1,20}\W*$  # "Release No: 2024-117"
      | ^\W*for\ immediate\ release\W*$                                          # "For immediate release"
      | ^\W*(?:pressemitteilung|presseinformation|communiqué(?:\ de\ presse)?|nota\ de\ prensa
            |comunicado(?:\ de\ prensa)?|прес-реліз|пресс-релиз)                  # the same in other languages,
            (?:\ (?:nr|no|n[°º]|№)\.?)?\ ?:?\ ?\d[\w/.-]{0,19}                     # "Pressemitteilung 14/2025",
            (?:\s*[·|•,–—-]\s*[\w\ .,:]{4,30})?\W*$                                  # a date after it
    """,
        80,
        ("release", "presse", "communiqué", "prensa", "comunicado", "прес", "пресс"),
        anchored=True,
    ),
    rule(  # an audio player's controls and notes: its speed, the synthetic voice's credit
        "video_player",
        r"""
        ^\W*[0-2](?:\.\d{1,2})?\ ?[x×]\W*$                                        # "1.0x", "1.5 ×"
      | ^\W*(?:this\ )?(?:audio|narration|voice(?:over)?)\ (?:is\ |was\ )?(?:generated|produced|created|read)
            \ (?:by|using|with)\ (?:ai|artificial\ intelligence|a\ synthetic\ voice|automated)\b.{0,60}$
      | ^\W*listen\ (?:on|via)\ (?:apple\ podcasts|spotify|google\ podcasts|soundcloud)\b.{0,60}$
      | ^\W*(?:play|pause|resume)\ (?:episode|podcast|audio)\W*$               # a podcast player's buttons
      | ^\W*download\ (?:mp3|episode|audio)(?:\ \(\d[\d.,]*\ ?[km]b\))?\W*$  # "Download MP3 (41 MB)"
      | ^\W*(?:duration|running\ time|length)\s*:\s*(?:\d{1,3}\s*(?:h|hrs?|hours?|min|mins|minutes|s|sec)\.?\s*){1,3}$
                                                                              # "Duration: 32 min"
      | ^\W*(?:rate|review|follow|subscribe\ to)(?:,?\ (?:and\ )?(?:rate|review|follow|subscribe\ to))*
            \ (?:the|this|our)\ (?:show|podcast)\b.{0,60}$                    # "Rate and review the show ..."
    """,
        120,
        anchored=True,
    ),
    rule(  # a broadcaster's schedule: its heading, and a programme's name after its time
        "navigation",
        rf"""
        ^\W*(?:tv\ |radio\ )?(?:schedule|programme\ guide|tv\ guide|on\ air\ now)\W*$   # the heading alone
      | ^\W*\d{{1,2}}[:.]\d{{2}}\ ?(?:[ap]\.?m\.?)?\ (?:(?:(?-i:[A-Z][\w'’&-]*)|with|of|the|and|&)\ ){{0,5}}
            (?-i:News|Newshour|Newsnight|Show|Hour|Report|Bulletin|Briefing|Edition|Magazine|Update
                |Podcast|Debate|Headlines)  # a programme word ends the name: "6:00 PM Evening News",
            (?:\ at\ (?-i:[A-Z]\w+|\d{{1,2}}))?{_HOST}\W*$   # "10:00 PM News at Ten"; not a live
                                            # blog's entry, "10:32 Ukraine Receives First F-16 Jets"
      | ^\W*\d{{1,2}}[:.]\d{{2}}\ ?(?:[ap]\.?m\.?)?\ (?:(?-i:[A-Z][\w'’&-]*)\ )?(?-i:Today|Tonight|Live|Weekend)
            {_HOST}\W*$                     # a short name of the day's programme: "9:00 AM Today",
                                            # "6:30 PM World Tonight with Anna Lee"; not "14:05
                                            # Pentagon Sends Aid Today"
    """,
        60,
        anchored=True,
    ),
    rule(  # a broadcaster's promotion of its programme, and its alerts' heading
        "self_promotion",
        r"""
        ^\W*(?:catch|watch|see|hear)\ (?:the\ )?full\ (?:story|report|interview|segment|episode)
            \ (?:on|tonight\ on)\ [\w'’ -]{1,40}(?:\ at\ \d{1,2}(?::\d{2})?\ ?(?:[ap]m)?)?\W*$
                                                         # "Catch the full story on Evening News at 6pm."
      | ^\W*(?:breaking\ news|news|push)\ alerts\W*$      # "Breaking news alerts"
      | ^\W*(?:did\ you\ )?enjoy(?:ed)?\ this\ (?:thread|piece|read|newsletter|episode)\?.{0,80}$
                                                         # "Enjoyed this thread? Become a member"
    """,
        150,
        anchored=True,
    ),
    rule(  # a magazine's note on its print issue, with its offer
        "self_promotion",
        r"""
        ^\W*this\ (?:article|story|piece|feature)\ (?:first\ )?(?:appeared|appears|was\ published)
            \ in\ (?:the\ )?(?:[\w'’-]+\ ){0,4}(?:issue|edition)\b.{0,120}$
                                                         # "This article appeared in the April 2024 issue of X."
    """,
        220,
        ("this article", "this story", "this piece", "this feature"),
        anchored=True,
    ),
)
