"""What a scraper saves of the things set into a page: a social network's embedded post (its
label, the post's signature line, its picture link), a comment form's fine print, a live blog's
bare timestamps, a transcript's markers, an app's pitch, code a scrape kept as text, a press
release's contact lines, a consent manager's cookie declaration, and the consent, paywall and
byline lines of sites in Italian, Polish, Ukrainian and Russian that foreign.py does not name.

Each alternative matches a whole short line in a shape no article sentence takes: a label alone,
a name with a handle and a date, a clock time with its zone, a phone number beside an address.
tests/cases/cleaning/chrome.json holds for each rule lines it drops and sentences it keeps.
"""

from __future__ import annotations

from materiel.clean.rules import rule

_NETWORK = r"(?:instagram|facebook|x|twitter|tiktok|youtube|threads|bluesky|telegram|linkedin)"
_MONTH = r"""(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?
    |sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"""

EMBED_RULES = (
    rule(  # a social network's post set into the page, as its widget labels it
        "social_embed",
        rf"""
        ^\W*view\ (?:this|the\ full)\ post\ on\ {_NETWORK}\W*$             # "View this post on Instagram"
      | ^\W*view\ (?:more\ )?on\ {_NETWORK}\W*$                          # "View on Threads"
      | ^\W*a\ (?:post|video|photo|reel)\ shared\ by\ [^.!?]{{1,80}}(?:\(@[\w.]{{1,40}}\))?\s*$
                                          # "A post shared by Name (@handle)", the handle with its dots ("@army.cz")
      | ^\W*{_NETWORK}\ (?:content|post|embed|video)\W*$                 # the consent wall's heading: "Twitter content"
      | ^\W*this\ (?:content|post|embed)\ (?:is\ not|isn['’]t|cannot\ be)\ (?:available|shown|displayed)\b
            .{{0,60}}\b(?:privacy|cookie|consent)\b.{{0,80}}$           # "... due to your privacy preferences"
      | ^\W*(?:pic\.twitter\.com|t\.co)/\w+\W*$                          # the post's picture link alone
      | ^\W*embed\ from\ getty\ images\W*$
      | ^\W*(?:skip|end\ of)\ {_NETWORK}\ (?:post|content|video)\b[\W\d]{{0,6}}$
                                                               # a reader's skip link: "End of Twitter post, 1"
      | ^\W*allow\ {_NETWORK}\ content\W*$                          # its consent wall: "Allow Twitter content?"
      | ^\W*this\ article\ contains\ content\ provided\ by\ {_NETWORK}\b.{{0,200}}$
      | ^\W*{_NETWORK}\ (?:post|video|photo)\ (?:from|by)\ @?[\w.]{{1,40}}\W*$    # "Instagram post from example"
    """,
        220,
        anchored=True,
    ),
    rule(  # a post's signature under its text: "— Jane Roe (@janeroe) March 3, 2024"
        "social_embed",
        rf"""
        ^\s*[—–-]{{1,2}}\s*[^()\n]{{1,60}}\(@\w{{1,30}}\)\s*
            (?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\W*$
    """,
        140,
        anchored=True,
    ),
    rule(  # a comment form's gate and count, and a live blog's bare clock time with its zone
        "comment_prompt",
        r"""
        ^\W*you\ must\ be\ (?:logged\ in|signed\ in|a\ (?:registered\ )?(?:member|subscriber))
            \ to\ (?:post\ a\ |leave\ a\ |add\ a\ )?(?:comment|reply)\b.{0,40}$
                                                                          # "You must be logged in to post a comment."
      | ^\W*(?:log\ in|sign\ in|register)\ (?:or\ (?:register|sign\ up)\ )?to\ (?:post\ a\ |leave\ a\ )?
            (?:comment|reply)\W*$
      | ^\W*comments?\ (?:are|is)\ (?:loading|disabled)\W*$
      | ^\W*(?:комментарии|коментарі|kommentare|commentaires|comentarios|comentários|commenti|komentarze|reacties)\W*$
                                                                          # the comment section's heading alone
      | ^\W*(?:чтобы\ (?:оставить|написать)\ комментарий|щоб\ (?:залишити|написати)\ коментар)\b.{0,60}$
                                                                          # "To leave a comment, sign in" (Rus, Ukr)
      | ^\W*what\ do\ you\ think\?\W*(?:leave|share|post|add|tell\ us|let\ us\ know)\b.{0,60}$
                                                                          # "What do you think? Leave a comment below."
      | ^\W*(?:let\ us\ know|tell\ us)\b.{0,40}\bin\ the\ comments(?:\ (?:below|section))?\W*$
    """,
        140,
        anchored=True,
    ),
    rule(  # a live blog's entry stamp alone: "14.05 BST", "9:41am GMT", "10:15 CET"
        "timestamp",
        r"""^\W*\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?\s*)?
            (?:bst|gmt|utc|cet|cest|eet|eest|msk|edt|est|cdt|cst|pdt|pst|kst|jst|ist)\W*$""",
        30,
        anchored=True,
    ),
    rule(  # a transcript's label alone and a player's download link
        "video_player",
        r"""
        ^\W*(?:transcript|full\ transcript|show\ transcript|read\ (?:the\ )?transcript|hide\ transcript)\W*$
      | ^\W*this\ transcript\ (?:has\ been|was|is)\ (?:automatically\ |machine[-\ ])?(?:generated|transcribed)\b.{0,80}$
      | ^\W*download\ (?:the\ )?(?:audio|podcast|episode|mp3)\W*$
      | ^\W*(?:click|tap)\ (?:here\ )?to\ (?:play|watch)\ (?:the\ )?video\W*$
      | ^\W*(?:this\ )?audio\ (?:is|was)\ (?:ai-generated|generated\ by\ ai|machine-generated)\b.{0,80}$
                                                                          # "Audio is AI-generated. Report an issue"
    """,
        140,
        anchored=True,
    ),
    rule(  # a live blog's filter over its posts, each a whole line
        "navigation",
        r"""^\W*(?:filter\ by|all\ posts|key\ posts\ only|show\ (?:key\ )?(?:events|posts)\ only
            |load\ (?:more|earlier|newer)\ (?:posts|updates|entries))\W*$""",
        40,
        anchored=True,
    ),
    rule(  # an app's and an alert service's pitch in a short line, and its fine print
        "newsletter",
        r"""
        \bdownload\ (?:our|the)\ (?:free\ )?(?:[\w'’-]+\ ){0,3}app\b              # "Download our app."
      | \bunsubscribe\ (?:at\ any\ time|anytime)\b                                   # "Unsubscribe at any time."
      | ^\W*(?:get|sign\ up\ for|receive)\ (?:breaking\ )?news\ alerts\b.{0,60}$     # "Get breaking news alerts ..."
      | ^\W*(?:enable|turn\ on)\ (?:push\ )?notifications\W*$
    """,
        160,
        ("download", "unsubscribe", "alerts", "notifications"),
    ),
    rule(  # a broadcaster's menu items, alone
        "navigation",
        r"""^\W*(?:live\ tv|watch\ live|listen\ live|tv\ schedule|radio\ schedule)\W*$""",
        20,
        anchored=True,
    ),
    rule(  # a post's topic tags under an Italian or Polish label: "Tag: Ucraina, Difesa"
        "tags",
        r"""^\W*(?:tag|argomenti|parole\ chiave|etichette|słowa\ kluczowe)\s*:\s*[^.!?:]{1,150}$""",
        180,
        anchored=True,
    ),
    rule(  # code a scrape kept as text: a structured-data block, a style rule, a script's statement, a
        # template's tag, an attribute list a converter left on its own line
        "markup_tag",
        r"""
        ^\s*\{\s*"@?[\w-]+"\s*:.*\}\s*$                     # JSON-LD: {"@context": "https://schema.org", ...}
      | ^(?=[^{]{1,120}\{)\s*[.#]?[\w-]+(?:[\s>+~,.#:]+[\w-]+)*\s*\{[^{}]*:[^{}]*;?\s*\}\s*$   # CSS: "p { margin: 0; }"
      | ^\W*var\(--[\w-]+\)\W*$                                         # a style variable alone
      | ^\s*(?-i:window|document|var|let|const)\b[\w.$\[\]'"\s]{0,80}=.{0,300};\s*$  # JS: "window.x = {...};"
      | ^\s*<(script|style|noscript)\b[^>]*>.*</\1>\s*$                  # a script or style element on one line
      | ^\s*\{%-?\s.{0,300}?\s-?%\}\s*$                                  # Liquid: {% include related.html %}
      | ^\s*\{[.#][\w-]+(?:\s+[.#]?[\w-]+(?:=\S+)?)*\}\s*$               # Pandoc: {.wp-caption .alignright}
    """,
        800,
        anchored=True,
    ),
    rule(  # a press release's contact line: a name or office with a phone number and an address
        "contact_block",
        r"""
        ^(?=[^@]{1,160}@)[^.!?]{0,80}\+?\(?\d{1,4}\)?(?:[\s.-]\(?\d{2,4}\)?){2,4}\b[^.!?@]{0,20}[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*$
                                                                          # "Jane Roe, +1 555 0100, press@x.com"
      | ^\W*(?:media|press|investor)\ (?:contacts?|enquiries|inquiries|relations)\s*:?.{0,100}@.{0,60}$
      | ^\W*(?:media|press|investor)\ (?:contacts?|enquiries|inquiries|relations|office)\W*$   # its heading alone
      | ^\W*(?:(?:tel|phone|mobile|fax)\.?\s*:?\s*\+?|\+)\d[\d\s().-]{7,18}\d\W*$     # a phone number alone
      | ^\W*for\ (?:more|further)\ information,?\ (?:please\ )?(?:visit|go\ to)\ \S+\W*$   # "For more information,
                                                                          # visit www.example.com."
    """,
        200,
        anchored=True,
    ),
    rule(  # consent banners in Italian and Polish that foreign.py's openings do not name
        "cookie_notice",
        r"""
        ^\W*(?:questo\ sito(?:\ web)?\ (?:utilizza|usa)|usiamo)\ (?:i\ )?cookie\b.{0,250}$          # Italian
      | ^\W*(?:ta\ strona|ten\ serwis|nasz\ serwis)\ (?:używa|wykorzystuje|korzysta\ z)\ (?:plików\ )?cookie
            .{0,250}$                                                                          # Polish
      | ^\W*(?:korzystamy\ z|stosujemy)\ (?:plików\ )?cookie.{0,250}$
      | ^\W*(?:ustawienia|preferencje)\ (?:prywatności|plików\ cookie|cookies)\W*$              # its buttons
      | ^\W*(?:impostazioni|preferenze)\ (?:dei\ )?cookie\W*$ | ^\W*(?:rifiuta(?:\ tutti)?|personalizza)\W*$
      | ^\W*accetta\ e\ (?:chiudi|continua)\W*$                                                # "Accept and close"
      | ^\W*(?:przejdź\ do\ serwisu|akceptuję\ i\ przechodzę\ do\ serwisu|zarządzaj\ zgodami)\W*$
    """,
        300,
        anchored=True,
    ),
    rule(  # a consent manager's declaration of the cookies a site sets: its storage durations, its
        # categories, its notes on the providers
        "consent_notice",
        r"""
        \bthis\ cookie\ (?:is|was)\ (?:used|set|essential|necessary|placed)\b      # "This cookie is used to ..."
      | \bmaximum\ storage\ duration\b                                           # each entry's duration
      | \b(?:preference|unclassified|functional|functionality|performance|analytics?|advertising|targeting
            |statistic)\ cookies\ (?:are|enable|help|allow|collect|let|make)\b      # a category's definition
      | ^\W*list\ of\ domains\ your\ consent\ applies\ to\W*$
      | \bdata\ collected\ by\ this\ provider\b
    """,
        400,
        ("cookie", "storage duration", "consent applies", "this provider"),
    ),
    rule(  # the declaration's entries, one a line: a cookie's name (not a word in capitals, as a
        # headline's subject is), then what it does ("_ga Registers a unique ID for the visitor ...")
        "consent_notice",
        r"""^\W*(?!(?-i:[A-Z][a-z]+\ ))\S{2,60}(?:\ \[x\d{1,2}\])?
        \ (?-i:Registers|Used|Sets|Stores|Collects|Tracks|Detects|Determines|Ensures|Necessary|Contains|Identifies
            |Saves|Holds|Preserves|Allows|Enables|Records|Remembers|Checks|Indicates)\b   # its purpose
        .{0,300}?\b(?:users?|visitors?|websites?|session|browser|cookies?|advertis\w*|statistic\w*|embedded)\b""",
        400,
        anchored=True,
    ),
    rule(  # the declaration's opening paragraph, however long: "Cookies are small text files that ..."
        "consent_notice",
        r"""^\W*cookies\ are\ small\ text\ files\b""",
        1200,
        anchored=True,
    ),
    rule(  # the same banners' longer wording, anywhere in a short paragraph: "Noi e terze parti
        # selezionate utilizziamo cookie ...", "... zapoznaj się z informacjami o plikach cookies."
        "cookie_notice",
        r"""
        \b(?:utilizziamo|usiamo|utilizza|utilizzano|usa)\ (?:i\ )?cookie\b               # Italian
      | \bplik(?:ów|ach|i|ami)\ cookies?\b                                             # Polish
      | \bcookie-?файл\w*                                                               # Ukrainian, Russian
    """,
        400,
        ("cookie",),
    ),
    rule(  # a paywall's notice in Russian and Ukrainian: the article is for subscribers, they alone read on
        "paywall",
        r"""
        ^\W*(?:(?:этот|данный)\ (?:материал|текст)|(?:эта|данная)\ статья)\ (?:доступ(?:ен|на)\ )?только\ (?:для\ )?
            подписчик\w*\b.{0,80}$                                                        # Russian
      | ^\W*дочитать\ (?:статью|материал|текст)\b.{0,40}\bподписчик\w*\b.{0,40}$         # "Only subscribers can
      | ^\W*дочитати\ (?:статтю|матеріал|текст)\b.{0,40}\b(?:передплатник|підписник)\w*\b.{0,40}$  # read on" (Rus, Ukr)
      | ^\W*(?:цей\ (?:матеріал|текст)|ця\ стаття)\ (?:доступн(?:ий|а)\ )?лише\ (?:для\ )?(?:передплатник|підписник)
            \w*\b.{0,80}$                                                                # Ukrainian
    """,
        250,
        anchored=True,
    ),
    rule(  # an author's label before a name in Polish, Ukrainian, Russian, German: "Autor: Jan Kowalski"
        "byline",
        r"""^\W*(?:autor(?:ka|zy)?|автор(?:ка)?|авторы)\s*:\s*
            (?-i:[A-ZА-ЯІЇЄҐŁŚŻŹ])[\w.'’-]+(?:\s+(?-i:[A-ZА-ЯІЇЄҐŁŚŻŹ])[\w.'’-]+){0,3}\W*$""",
        80,
        anchored=True,
    ),
)
