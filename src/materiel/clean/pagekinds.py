"""The furniture of kinds of page other than a news site's: a press release saved from a PDF or a
government site, a wiki's article, a messaging channel's or a forum's dump, a live page, a
machine-translated page, a research institute's paper, in English and the languages pages of
this corpus come in.

Each rule matches a whole short line (anchored, capped), worded as that kind of page words its
furniture, so a sentence of an article that uses the same words ("the page of the report", "the
views of the minister", "contact with the enemy") keeps its other words and stays.
tests/cases/cleaning/pages.json holds pages of each kind (written for the tests), chrome.json
each rule's lines and sentences with the same words that are kept, negatives.json more of those.
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.clean.rules import rule

# A heading over a paper's notes or a wiki's references, alone on its line: the numbered lines
# under it are its list, however they are worded (drop_boilerplate drops them with it).
_REFERENCE_HEADING = r"^\W*(?:notes|endnotes|footnotes|references|sources|bibliography|works\ cited)\W*$"
REFERENCE_HEADING = regexcache.compile(_REFERENCE_HEADING, re.IGNORECASE)
# What an item of a list under such a heading holds when it is a note or a reference, and a
# numbered sentence of the article under a heading "Sources" or "Notes" does not.
REFERENCE_ITEM = regexcache.compile(
    r"""
    https?://|\bwww\.                                   # a link
  | \b(?:retrieved|accessed)\b                         # its access date
  | ["“][^"”]{3,200}["”]                               # a quoted title
  | \((?:19|20)\d\d[a-z]?\)                            # a year in brackets: "Smith, J. (2023)"
  | \bpp?\.\ ?\d                                       # its pages: "p. 14", "pp. 3-5"
  | \b(?:ibid|op\.\ cit)\b                              # the note before's source again
  | ,\ (?:\d{1,2}\ )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\ \d{1,2},)?
      \ (?:19|20)\d\d\W*$                               # a date closing its parts: ", statement, 2 January 2024."
""",
    re.IGNORECASE | re.VERBOSE,
)
# A name in a paper's citation: capitalised words and initials ("Marta", "J. R.", "Van Dyke").
_NAME = r"(?-i:[A-Z])[\w'’-]*\.?(?:\ (?-i:[A-Z])[\w'’-]*\.?){0,3}"
# The kind of publication a citation names after the title ("Commentary, March 14").
_KIND = r"(?:commentary|report|paper|brief|analysis|journal|review|study|working\ paper|issue\ brief)"

# A credit closing a line after the line's last sentence, as the photo_credit rules below read it.
_CREDIT = regexcache.compile(
    r"""(?<=[.!?])\s+(?:
        (?:photo|image|picture|foto|фото|photo\ credit)\s*:\s*[^.!?:]{2,60}                 # "Picture: Agency"
      | \((?-i:[A-Z])[^()/]{1,60}(?:/(?-i:[A-Z])[^()/]{1,40}){1,3}\)                      # "(Agency/Jane Doe)"
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A finite verb, which a caption goes without ("A howitzer during an exercise", "Tanks are seen
# at a depot" keeps its caption's "are seen") and a sentence of the article has.
_FINITE = regexcache.compile(
    r"""\b(?:is|are|was|were)\b(?!\s+(?:seen|pictured|shown|photographed|displayed)\b)   # not a caption's "is seen"
      | \b(?:has|have|had|will|would|shall|should|can|could|may|might|must|did|does)\b
      | \b(?:said|says|told|added|announced|confirmed)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption is short; a longer line before a credit is a paragraph of the article.
MAX_CAPTION_WORDS = 40


def strip_credit(line: str) -> tuple[str, str | None]:
    """The line without the photo credit that closes it, and the credit, when what stands before
    the credit is a sentence of the article ("... arrive within weeks. (Agency/Name)"); a caption
    stays whole, for the photo_credit rules to drop with its credit."""
    found = _CREDIT.search(line) if line.rstrip().endswith(")") or ":" in line else None
    if found is None:
        return line, None
    before = line[: found.start()]
    if _FINITE.search(before) is None and len(before.split()) <= MAX_CAPTION_WORDS:
        return line, None
    return before, found.group().strip()


PAGE_KIND_RULES = (
    rule("footnotes", _REFERENCE_HEADING, 20, anchored=True),
    rule(  # a page's number, as a PDF's text keeps it between pages
        "page_marker",
        r"""
        ^\W*page\ \d{1,3}(?:\ (?:of|/)\ \d{1,3})?\W*$      # "Page 2 of 5", "Page 3"
      | ^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$                    # "- 3 -"
      | ^\s*\d{1,3}\s*/\s*\d{1,3}\s*$                      # "2 / 5"
    """,
        20,
        anchored=True,
    ),
    rule(  # a press release's end mark: "-ENDS-" (it ends a release, it marks no page)
        "end_mark",
        r"^\s*[-–—]*\s*(?-i:ENDS|Ends|ends)\s*[-–—]*\s*$",
        20,
        anchored=True,
    ),
    rule(  # a press release's contact block, each a whole line
        "contact_block",
        r"""
        ^\W*(?:media|press)\ (?:enquiries|inquiries|contacts?|office(?:\ contacts?)?)\W*$   # its heading
      | ^\W*for\ (?:further|more)\ (?:information|details)\W*(?:please\ )?(?:contact|call|write\ to|e-?mail)
            (?:\ us|\ the\ (?:press|media)\ (?:office|team|desk))?\s*(?::.{0,80})?\W*$
                      # "For further information please contact:" (not "..., contact with Kyiv was kept, he said")
      | ^\W*for\ (?:further|more)\ (?:information|details)\s*:\W*$   # the heading alone: "For further information:"
      | ^\W*journalists?\ (?:should|can|may|are\ asked\ to)\ contact\ (?:the|our)\ (?:press|media)
            \ (?:office|team|desk|centre|center)\b.{0,80}$             # "Journalists should contact the press office"
      | ^\W*e-?mail\s*:\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*$               # "Email: press@example.org"
      | ^[^.!?:]{3,50}:\s*\+\d[\d\s().-]{6,}\d\W*$             # a label and a number: "Minister's Office: +61 ..."
      | ^\W*back\ to\ (?:the\ )?(?:all\ )?(?:[\w-]+\ ){0,2}(?:releases|news|articles|stories|posts|overview
            |homepage|search\ results)\W*$                                          # "Back to News releases"
      | ^[^.!?]{0,40}\b(?:tel(?:ephone)?|phone|fax|mobile)\.?\s*:?\s*\+?\(?\d[\d\s().-]{6,}\d\W*$  # "Tel: +48 22 ..."
      | ^\W*from:\s+(?:the\ )?(?:ministry|department|office|cabinet\ office|prime\ minister['’]s\ office
            |home\ office|foreign)\b[^.!?]{0,80}$                            # "From: Ministry of Defence"
    """,
        130,
        anchored=True,
    ),
    rule(  # a wiki's furniture: its tagline, section links, references, licence and edit stamp
        "wiki_furniture",
        r"""
        ^\W*from\ wikipedia,\ the\ free\ encyclopedia\W*$
      | ^[^.!?]{1,80}\[\s*edit(?:\ source)?\s*\]\W*$              # a section heading: "Background[edit]"
      | ^\s*\^\s                                                   # a reference: "^ "Title". Reuters. ..."
      | ^\W*retrieved\ (?:on\ )?\d{1,2}\ \w+\ \d{4}\W*$             # its access date alone
      | ^\W*this\ page\ was\ last\ (?:edited|modified)\ on\b.{0,60}$
      | ^\W*text\ is\ available\ under\ the\ creative\ commons\ attribution\b.{0,200}$
      | ^["“][^"”]{5,200}["”]\.\s.{0,200}\bretrieved\ (?:on\ )?\d{1,2}\ \w+\ \d{4}\W*$  # a reference without its caret
      | ^\W*archived\ from\ the\ original\ on\b[^.!?]{0,40}\.?$
      | ^\W*(?:toggle\ the\ table\ of\ contents|contents\ hide|\(top\)|article\ talk|read\ edit\ view\ history
            |main\ menu|jump\ to\ content)\W*$                        # its menus and table of contents
    """,
        500,
        anchored=True,
    ),
    rule(  # a messaging channel's dump: forwards, view counts, reactions, edit marks
        "channel_furniture",
        r"""
        ^\W*(?:forwarded\ from|переслано\ (?:з|из|от))\s[^.!?]{0,60}$    # "Forwarded from Channel Name"
      | ^\W*(?:просмотров|переглядів|перегляди|aufrufe|vues)\s*:?\s*\d[\d\s.,]*\W*$             # "Просмотров: 1 234"
      | ^\W*\d[\d\s.,]*\s*(?:тис\.|тыс\.)?\s*(?:переглядів|просмотров|просмотра|перегляди)\W*$  # "12,3 тис. переглядів"
      | ^\W{0,3}\d[\d.,]*\s*[km]?\s*(?:views?\b|👁\ufe0f?)(?:\s*edited)?[\d\s:.apm]{0,12}$
                                              # "👁 45.3K views", "18.2K views 09:15", "15.6K 👁 edited 10:42"
      | ^(?:\s*[\u2190-\u21ff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]{1,6}
            \s*\d{1,3}(?:[\s.,]\d{3})*(?:[.,]\d)?[km]?)+\s*$
                                  # reactions, emoji and counts: "👍 1.2K 🔥 340" (not a table's "$13,782" or "€ 200")
      | ^\W{0,3}👁\ufe0f?\s*\d[\d.,]*\s*[km]?(?:\s*edited)?[\d\s:.apm]{0,12}$   # the eye first: "👁 8.1K edited 10:15"
      | ^[^\[\].!?]{1,60},\ \[\d{1,2}\.\d{1,2}\.\d{4}\ \d{1,2}:\d\d(?::\d\d)?\]\W*$
                                              # a post's header in a desktop export: "Channel Name, [05.06.2024 14:02]"
      | ^\W*edited(?:\s+\d{1,2}:\d\d)?\W*$                           # "Edited", "edited 14:32"
      | ^\W*\d{1,3}(?:[\s.,]\d{3})*(?:[.,]\d)?[km]?\ (?:subscribers|members|followers)\W*$   # "12 345 subscribers"
      | ^\W*(?:pinned(?:\ (?:message|post))?|join\ channel|view\ in\ channel)\W*$
    """,
        80,
        anchored=True,
    ),
    rule(  # a banner over a page a machine translated
        "language_notice",
        r"""
        ^\W*this\ (?:page|article|text|post|content|site)\ (?:has\ been|was|is)\ (?:automatically\ )?
            (?:machine[\ -]translated|translated\ (?:automatically|by\ (?:a\ )?machine))\b.{0,100}$
      | ^\W*(?:automatically\ |machine[\ -])?translated\ (?:by|with|using)\ (?:google(?:\ translate)?|deepl
            |yandex|bing|microsoft)\b.{0,30}$                              # "Translated by Google Translate"
      | ^\W*(?:show|view|see)\ (?:the\ )?original(?:\ (?:text|language|article|page))?\W*$
      | ^\W*the\ translation\ may\ contain\ (?:errors|inaccuracies|mistakes)\b.{0,120}$
      | ^\W*rate\ this\ translation\W*$
      | ^\W*(?:machine|automatic)\ translation\W*$
      | ^\W*(?:эта\ страница|ця\ сторінка)\ (?:была\ |була\ )?(?:переведена|перекладена)
            \ (?:автоматически|автоматично)\W*$                              # the same in Russian, Ukrainian
      | ^\W*(?:оригинал|оригінал)(?:\ на\ \w+|\ \w+\ мовою)?\W*$       # "Show original" in Russian, Ukrainian
      | ^\W*(?:original\ anzeigen|voir\ l['’]original|ver\ (?:el\ )?original)\W*$     # German, French, Spanish
      | ^\W*(?:maschinell|automatisch)\ übersetzt\W*$ | ^\W*traduction\ automatique\W*$          # German, French
      | ^\W*(?:машинный|автоматический)\ перевод\W*$ | ^\W*(?:машинний|автоматичний)\ переклад\W*$  # Russian, Ukrainian
    """,
        200,
        anchored=True,
    ),
    rule(  # a research paper's buttons and headings around it
        "share_bar",
        r"""
        ^\W*(?:suggested\ citation|pdf\ download)\W*$
      | ^\W*(?:cite\ this|how\ to\ cite)(?:\ (?:article|page|report|commentary|publication|paper|analysis|brief))?\W*$
      | ^\W*download\ (?:the\ )?(?:full\ )?(?:report|pdf|paper|brief|publication)\b[^!?]{0,30}$
                                                      # "Download PDF", "Download the full report (PDF, 2.3 MB)"
    """,
        60,
        anchored=True,
    ),
    rule(  # a caption closed by its credit: "A howitzer during an exercise. Photo: Swedish Armed Forces"
        "photo_credit",
        r"""[.!?]\s+(?:photo|image|picture|foto|фото|photo\ credit)\s*:\s*[^.!?:]{2,60}$""",
        300,
        ("photo", "image", "picture", "foto", "фото"),
    ),
    rule(  # an icon font's ligature left as text before a link's words: "chevron_left Browse All Posts"
        "navigation",
        r"""^\W*(?:chevron|arrow|keyboard_arrow|navigate|expand)_(?:left|right|up|down|back|forward|before|next
            |more|less)\b[^.!?]{0,40}$""",
        60,
        anchored=True,
    ),
    rule(  # a caption closed by its credit in brackets: "The plumes, as an artist saw them. (Example Centre/Jane Doe)"
        "photo_credit",
        r"""
        ^\W*\((?:image|photo|credit)s?:\s*©?[^()]{2,80}\)\W*$                      # "(Image: © Agency/Name)"
      | ^[^()]{5,160}[.!?]\s\((?-i:[A-Z])[^()/]{1,60}(?:/(?-i:[A-Z])[^()/]{1,40}){1,3}\)$  # "... . (Agency/Jane Doe)"
    """,
        220,
        anchored=True,
    ),
    rule(  # a paper's suggested citation: "Surname, Given, and Given Surname. "Title." Kind, Date."
        "citation",
        rf"""^{_NAME},\ {_NAME}(?:,\ {_NAME})*(?:,?\ and\ {_NAME})?\.      # its authors, names only
            \s+["“][^"”]{{10,250}}[.?!]["”]\s                                   # the quoted title
            (?=.{{0,100}}(?:\b(?:19|20)\d\d\b|\b{_KIND}\b)).{{0,100}}$        # a year or the kind of paper""",
        450,
        anchored=True,
    ),
    rule(  # a citation after its label: "Suggested citation: Surname, A. (2024) Title. Analysis."
        "citation",
        r"""^\W*(?:suggested\ citation|cite\ (?:this\ (?:\w+\ )?)?as|to\ cite\ this\ \w+)\s*:\s*\S""",
        400,
        anchored=True,
    ),
    rule(  # a kicker above a headline, alone on its line (not a section's heading: "Fact Check:"), in
        # English, then a press release's in German, French, Spanish, Polish, Russian and Ukrainian
        "kicker",
        r"""^\W*(?:exclusive|analysis|explainer|opinion|commentary|breaking(?:\ news)?|fact[\ -]check
            |interview|editorial|special\ report|in\ depth|news\ analysis|(?:press|news)\ releases?|live
            |(?:briefing|working|policy|research|discussion)\ paper|policy\ brief|issue\ brief
            |pressemitteilung|communiqué(?:\ de\ presse)?|nota\ de\ prensa|comunicado(?:\ de\ prensa)?
            |komunikat\ prasowy|пресс-релиз|прес-реліз|exklusiv|эксклюзив|ексклюзив)[^\w:]*$""",
        25,
        anchored=True,
    ),
    rule(  # a forum's post furniture: its author's profile fields and the post's buttons
        "forum_furniture",
        r"""
        ^\W*(?:posts|joined|location|reputation|messages|reaction\ score|karma|rank)\s*:\s*[^.!?]{1,40}$
                                                                        # the profile's fields: "Posts: 2341"
      | ^\W*(?:quote|report\ post|reply\ with\ quote|quote\ reply|multi-?quote|permalink)\W*$
      | ^\W*(?:likes?|thanks)\s*\d{1,5}\W*$                             # "Like 3"
      | ^\W*(?:originally\ posted\ by|quote\ from)\s*:?\s+\S[^.!?]{0,40}$       # a quoted post's header
      | ^\W*last\ edited\ by\ \S[^.!?]{0,30}(?:;\ \S.{0,30})?\W*$         # "Last edited by name; 17-03-2023 at 09:14."
      | ^\W*click\ to\ expand\W*$                                       # a long quote's fold
      | ^\W*(?:posted|submitted)\ by\ u/[\w-]+\b[^.!?]{0,40}$               # a thread's header: "Posted by u/name"
    """,
        80,
        anchored=True,
    ),
    rule(  # a live page's controls and the stamps of its posts
        "live_page",
        r"""
        ^\W*load\ more(?:\ (?:updates|posts|stories|articles|news|comments))?\W*$   # its button
      | ^\W*please\ (?:turn\ on|enable)\ javascript\b[^.!?]{0,60}\W*$        # its notice without scripts
      | ^\W*(?:show\ )?key\ events(?:\ only)?\W*$                           # its filter
      | ^\W*updated\W*$                                                    # a stamp's first line, ...
      | ^\W*(?:updated\ )?at\ \d{1,2}[.:]\d\d\ (?:gmt|bst|utc|cet|cest|eet|eest|est|edt)\W*$   # its second
    """,
        80,
        anchored=True,
    ),
    rule(  # a list of the site's stories under its heading, in the site's language
        "read_more",
        r"""^\W*(?:останні\ новини|последние\ новости|новини\ партнерів|новости\ партнеров
            |neueste\ nachrichten|dernières\ (?:nouvelles|actualités))\W*$""",
        40,
        anchored=True,
    ),
    rule(  # a breadcrumb trail from the home page in another language: "Головна » Новини » Війна"
        "navigation",
        r"""^\W*(?:главная|головна|startseite|accueil|inicio|strona\ główna)
            (?:\s*[|>»/›→]\s*[^|>»/›→.!?]{1,40}){1,6}$""",
        200,
        anchored=True,
    ),
)
