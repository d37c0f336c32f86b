"""Boilerplate: lines that are not article body, each dropped with a snake_case reason.

Rules are data: (reason, pattern, longest line it may drop). A length cap keeps a rule from
eating a real paragraph that merely mentions, say, cookies or Twitter. Rules run after encoding
repair, so notices in other languages are matched in their own script.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from materiel import regexcache
from materiel.article import Article, Removal
from materiel.clean.blogchrome import BLOG_CHROME_RULES
from materiel.clean.boxes import BOX_RULES
from materiel.clean.brokennotes import drop_broken_notes
from materiel.clean.buttons import BUTTON_RULES
from materiel.clean.chrome import CHROME_RULES
from materiel.clean.datalines import DATA_RULES
from materiel.clean.embeds import EMBED_RULES
from materiel.clean.foreign import FOREIGN_RULES
from materiel.clean.formats import FORMAT_RULES
from materiel.clean.furniture import FURNITURE_RULES, INLINE_FURNITURE
from materiel.clean.labels import LABEL_RULES
from materiel.clean.line_features import FUNCTION_WORDS, SMALL_WORDS, WORD
from materiel.clean.pagekinds import PAGE_KIND_RULES, REFERENCE_HEADING, REFERENCE_ITEM, strip_credit
from materiel.clean.prompts import ENGLISH_PROMPT_RULES, PROMPT_RULES
from materiel.clean.prosenotes import PROSE_NOTE_RULES
from materiel.clean.rules import REPORTED_QUOTE, Rule, RuleBook
from materiel.clean.rules import rule as _rule
from materiel.clean.sitenotes import SITE_NOTE_RULES

RULES: tuple[Rule, ...] = (
    _rule(
        "cookie_notice",
        r"""
        \b(?:uses?|use\ of|we\ use|accept(?:\ all)?)\ cookies\b   # "This site uses cookies"
      | \bcookie\ (?:policy|settings|preferences|consent)\b         # links in consent banners
      | ^\s*(?:ok,?\ )?got\ it\s*$                                 # the banner's button alone
      | ^\W*(?:accept|reject)\ all(?:\ cookies)?\W*$|^\W*manage\ (?:cookies|preferences)\W*$  # its other buttons
    """,
        400,
        ("cookie", "got it", "accept all", "reject all", "manage "),
    ),
    _rule(
        "typo_report",
        r"""
        ctrl\s*\+\s*enter                     # "select it and press Ctrl+Enter", in any language
      | \breport\ (?:a\ )?(?:typo|mistake|error)\b
      | \bfound\ (?:a\ )?(?:typo|mistake|an\ error)\b
    """,
        400,
        ("ctrl", "typo", "mistake", "error"),
    ),
    _rule("email_placeholder", r"\[\s*email\s*(?:\xa0|\s)*protected\s*\]", needles=("protected",)),
    _rule(
        "language_notice",
        r"""
        \b(?:also\ )?available\ in\ (?:english|ukrainian|russian|polish|german|french|spanish)\b
      | \bдоступн\w*\s+(?:українською|англійською|російською|на\ \w+)   # Ukrainian, Russian
      | \bdostępn\w*\s+(?:również\ |także\ )?(?:w\ języku|po\ )          # Polish
      | \bauch\ auf\ \w+\ verfügbar\b                                     # German
      | \bdisponible\ en\ (?:anglais|ukrainien|russe|inglés|ucraniano|ruso)\b  # French, Spanish
      | \bread\ (?:this|it)\ in\ (?:english|ukrainian|russian)\b
      | ^\W*(?:this\ (?:article|text|story)\ (?:was|has\ been)\ )?   # a note on the whole piece,
        (?:(?:originally|first)\ (?:published|written)\ in|translated\ from)  # never a clause of a sentence
        \ (?:the\ )?(?:english|ukrainian|russian|polish|german|french|spanish)\b
    """,
        160,
        ("available", "доступн", "dostępn", "verfügbar", "disponible", "read ", "originally", "first ", "translated"),
    ),
    _rule(
        "share_bar",
        r"""
        ^\W*(?:share\ on\ \w+|tweet\ this|share\ this(?:\ article)?|share|email\ this)\W*
            (?:\s+\W*(?:share\ on\ \w+|tweet(?:\ this)?|share|email|print|copy\ link)\W*)*$
      | ^\s*(?:facebook|twitter|linkedin|whatsapp|telegram|email|print|x)
            (?:\s*[|•·,]?\s*(?:facebook|twitter|linkedin|whatsapp|telegram|email|print|x))+\s*$
    """,
        200,
        anchored=True,
    ),
    _rule(
        "social_follow",
        r"""
        ^\W*(?:follow|join|find)\ (?:us\ |\w+(?:\ \w+)?\ )?on\ (?:twitter|x|facebook|telegram|instagram|
            youtube|linkedin|tiktok)\b       # "Follow Elias on Twitter", "JOIN US ON TELEGRAM!", "Find us on X"
      | ^\W*follow\ @\w{2,30}\W*$                                     # "Follow @handle"
      | \bhave\ a\ (?:fact\ check\ |story\ |news\ )?(?:suggestion|tip)\b.*\bsend\b
    """,
        250,
        ("follow", "join", "send", "find"),
    ),
    _rule(
        "newsletter",
        r"""
        (?:^\W*|[.!?:]\s+)(?:sign\ up|subscribe)\ (?:for|to)\ (?:our|the)\b.*\b(?:newsletter|updates|alerts|channel)\b
                                                   # a call that opens a sentence (not "allies that sign up to the")
      | \b(?:sign\ up|subscribe)\ (?:for|to)\ (?:our\b.*\b(?:newsletters?|updates|alerts|channel)|the\ newsletter)\b
      | ^\W*(?:subscribe|sign\ up)(?:\ now|\ today)?\W*$
      | \bget\ the\ [\w\s]*\bapp\b
    """,
        250,
        ("sign", "subscribe", "get the"),
    ),
    _rule(
        "read_more",
        r"""
        ^\s*(?:read\ more|see\ also|more\ on\ this|other\ topics\ of\ interest|you\ may\ also\ like)\b\W*
      | ^\s*most\ read\b(?=\W*$|\s*[:|—–»›-]|\s+(?:in|on)\b|\s+(?-i:[A-Z0-9]))
                                                                  # a heading, alone or over its list; not a
                                                                  # sentence: "Most read among the papers was ..."
      | ^\s*(?:related|recommended)(?:\ (?:articles?|stories|story|posts?|content|coverage|news|topics|tags|people|
            countries|videos|reading|links?|roundup|guides?|for\ you))?
            (?=\s*(?:[:|—–-]|$)|(?-i:[A-Z]))                      # teaser labels, alone or before a headline
                                                                  # (not prose: "Related systems were sent")
      | ^\s*related\ (?:coverage|stories|articles|posts|news|content|links)\ from\ [^:.]{1,60}:
                                                                  # "Related coverage from Example Defence:"
      | ^\W*also\s*:\s*(?:see|read|watch|listen\ to)\b             # "Also: See our coverage of ..."
      | ^\W*(?:learn\ more|continue\ reading|click\W*here)\b      # "**Click****here**to see the map"
    """,
        400,
        anchored=True,
    ),
    _rule(
        "advertisement",
        r"^\W*(?:advertisement|sponsored(?:\ content)?|ad|expand|show\ more)\W*$",
        40,
        anchored=True,
    ),
    _rule(
        "gallery_control",
        r"^\s*(?:image|photo|slide)\ \d+\ (?:of|/)\ \d+\b(?:\s*(?:prev|next))*\s*$",
        60,
        anchored=True,
    ),
    _rule(
        "photo_credit",
        r"""
        ^\s*(?:photo|image|picture|(?:photo\ )?illustration|video|credit|author|caption)s?(?:/\w+)?\s*(?:by|:|/|©)
                                                                     # labels: "Photo: X", "Photo illustration by X"
      | ^\s*(?:foto|bild|bildquelle|bildnachweis|crédits?\ photos?|фото|imagen|immagine|zdjęcie)s?\s*(?::|©)
                                                                     # German, French, Russian, Spanish, Italian, Polish
      | ^\s*posted\ by\ [^.]{0,80}\b(?:19|20)\d\d\b[^.]*$                           # "Posted by X on DATE"
      | ^\s*©                                                     # copyright line
      | ^[^.!?]{0,80}\b(?:getty\ images|afp|ap\ photo|reuters|epa|shutterstock)(?:/[\w\s]+)?\s*$
    """,
        120,
        anchored=True,
    ),
    _rule(
        "byline",
        r"""
        ^\s*\d{1,2}:\d{2}\s*(?:am|pm)?\s+\d{1,2}/\d{1,2}/\d{2,4}\b .* \|   # "10:16 AM 10/03/2023 Name | Role"
      | ^\s*published\s*:\s*\S+(?:\s\S+)?\s*$                          # "Published : 2024-07-18 23:37"
      | ^\s*by\ [A-Z][\w.'-]+(?:\ [A-Z][\w.'-]+){0,3}\s*(?:\||,\ \w+\s*)?$   # "By Anna Smith", "By Anna Smith, AP"
      | ^\s*by\ (?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|febr)uary\b|march\b|april\b|may\b|june?\b
            |july?\b|august\b|(?:septem|octo|novem|decem)ber\b|(?:the\ )?end\b)   # not a time: "By Monday, ..."
        (?:(?-i:[A-Z])[\w.'-]+(?:\ (?-i:[A-Z])[\w.'-]+){0,3}   # a name, then a role in capitals that names a role:
            ,\ (?=(?:\S+\ ){0,4}(?:editor|correspondent|reporter|writer|staff|columnist|contributor|analyst
                |journalist|producer|photographer|fellow|chief|bureau|desk)s?\b)       # "By Jo Ray, Defence Editor"
          | (?!(?:\S+\ )?(?:land|sea|air|road|rail|day|night|fire|force|war|peace|law|order|design|default
                |hand|foot|far|chance|accident|mistake|proxy|arms|ground|water|standards?|means|numbers?|accounts?
                |contrast|comparison|way|and|or|of|the|for|all|any|no)\b)
            (?-i:[A-Z])[\w.'-]+(?:\ (?!(?:land|sea|air|standards?|means|numbers?|accounts?
                |and|or|of|the|for)\b)(?-i:[A-Z])[\w.'-]+){1,2}
            ,\ (?=\S+\ \S)                    # or a person's name (2 or 3 words, no common noun) and a role
        )                                             # (not a title-case subhead: "By Land, Sea And Air")
        (?-i:[A-Z])[\w.'&-]*(?:\ (?:(?-i:[A-Z])[\w.'&-]*|&|and|of|for)){1,4}\s*$
    """,
        120,
        anchored=True,
    ),
    _rule(
        "paywall",
        r"""
        \b(?:subscribe|log\ in|sign\ in)\ to\ (?:continue|read|unlock)\b
      | \bthis\ (?:article|content)\ is\ (?:for|available\ to)\ (?:subscribers|members)\b
      | \bsubscription\ (?:options|plans|offers|packages)\b | \boffered\ to\ (?:our\ )?subscribers\b
    """,
        250,
        ("subscribe", "log in", "sign in", "this article", "this content", "subscription", "subscribers"),
    ),
    _rule(
        "navigation",
        r"^\s*(?:home|news|world|politics|business|sport|opinion)(?:\s*[|>»/]\s*\w+){2,}\s*$",
        150,
        anchored=True,
    ),
    *FURNITURE_RULES,
    *CHROME_RULES,
    *BLOG_CHROME_RULES,
    *BUTTON_RULES,
    *LABEL_RULES,
    *FOREIGN_RULES,
    *BOX_RULES,
    *DATA_RULES,
    *PAGE_KIND_RULES,
    *SITE_NOTE_RULES,
    *PROSE_NOTE_RULES,
    *FORMAT_RULES,
    *EMBED_RULES,
    *PROMPT_RULES,
    *ENGLISH_PROMPT_RULES,
)
# No rule drops a line longer than this: longer lines (most paragraphs) skip the rules at once.
LONGEST_RULE_LINE = max(r.max_chars for r in RULES)
_RULE_BOOK = RuleBook(RULES)
# An all-capitals line of this many words or more that is not the title is a teaser headline or a
# call to action ("CLICK HERE TO GET THE APP"); real paragraphs are never set in capitals. With 3,
# the HTML benchmark lost subheadings ("KIND OF SCARY").
MIN_CAPS_TEASER_WORDS = 4
# In text a scraper saved, three words are enough ("BYPASS THE CENSORS", "WATCH THE VIDEO"): what
# it costs is a short subheading set in capitals, never a sentence, and no benchmark measures
# text pages' subheadings as the HTML benchmark does.
MIN_TEXT_CAPS_TEASER_WORDS = 3
# A run of topic tags or menu items on one line: at least this many words (a headline of fewer
# words may drop its function words), this share of the longer ones capitalised, at most this
# share of function words (the tag lines of the gold hold 0.14; headlines and prose 0.2 or more).
# On dev, train and the HTML benchmark these match two tag lines and one menu, and no article line.
MIN_TOPIC_WORDS = 10
MIN_TOPIC_CAPITALISED = 0.75
MAX_TOPIC_FUNCTION_SHARE = 0.15
_TOPIC_STOPS = regexcache.compile(r"""[.!?,;:"“”()\[\]|/]""")


# Furniture set inside a paragraph: (reason, pattern, marks: strings one of which every match holds).
INLINE = (
    (
        "read_more",  # a teaser in brackets: "(RELATED: Other Story Headline)"
        regexcache.compile(r"\s*[(\[]\s*(?:related|read\ more|see\ also|read\ also)\s*:[^)\]\n]*[)\]]", re.IGNORECASE),
        ("(", "["),
    ),
    *INLINE_FURNITURE,
)


def boilerplate_reason(line: str, caps_words: int = MIN_CAPS_TEASER_WORDS) -> str | None:
    """The reason a line is boilerplate, or None when it is (or may be) article body; `caps_words`:
    the fewest words of an all-capitals line that make it a teaser."""
    stripped = line.strip()
    if not stripped:
        return None
    return _rule_reason(stripped) or _caps_reason(stripped, caps_words) or _topics_reason(stripped)


def rule_reason(line: str) -> str | None:
    """The reason a rule gives to drop the line, without the shape tests (an all-capitals line, a
    run of tags): a headline may be set in capitals, never worded as a notice."""
    return _rule_reason(line.strip()) if line.strip() else None


# Lines whose rule reason is kept: a site's menus and notices come back on each of its pages, and
# a step after the rules asks again (a headline's labels, a notice's list): one line in nine of
# the HTML benchmark's. Enough for a site's, bounded for a crawl.
RULE_MEMO = 8192


@lru_cache(maxsize=RULE_MEMO)
def _rule_reason(stripped: str) -> str | None:
    stripped = stripped.lstrip("_")  # Markdown emphasis left at a line's start ("_Learn more:_")
    if len(stripped) > LONGEST_RULE_LINE or REPORTED_QUOTE.match(stripped) is not None:
        return None
    return _RULE_BOOK.reason(stripped, stripped.casefold())


def _caps_reason(stripped: str, caps_words: int) -> str | None:
    return "caps_teaser" if _is_caps_teaser(stripped, caps_words) else None


# Two lower-case letters side by side: a word that is not in capitals (most lines hold one).
_LOWER_PAIR = regexcache.compile(r"[a-z]{2}")


def _is_caps_teaser(line: str, caps_words: int) -> bool:
    if _LOWER_PAIR.search(line) is not None:
        return False
    words = re.findall(r"[^\W\d_]+", line)
    return len(words) >= caps_words and all(w.isupper() for w in words if len(w) > 1)


def _topics_reason(stripped: str) -> str | None:
    """A page's topic tags or section menu run together without separators ("Aid Borders Defense
    Kremlin Military NATO ... War in Ukraine"): many words, mostly capitalised, almost none of
    prose's function words, and no punctuation at all (a caption has its credit's "|" or "/", a
    sentence its stop, a headline its function words)."""
    if _TOPIC_STOPS.search(stripped) is not None:
        return None
    words = WORD.findall(stripped)
    if len(words) < MIN_TOPIC_WORDS:
        return None
    longer = [w for w in words if w.casefold() not in SMALL_WORDS]
    capitalised = sum(w[0].isupper() for w in longer) / len(longer) if longer else 0.0
    function = sum(w.casefold() in FUNCTION_WORDS for w in words) / len(words)
    return "tags" if capitalised >= MIN_TOPIC_CAPITALISED and function <= MAX_TOPIC_FUNCTION_SHARE else None


# A list item: a bullet or a number first ("* Do not edit the text", "2. Credit the outlet", a
# note's "[1] Ministry statement, 2 January").
LIST_ITEM = regexcache.compile(r"^\s*(?:[-*•]|\d{1,2}[.)]|\[\d{1,3}\])\s+\S")


def drop_boilerplate(article: Article) -> None:
    """Step: remove boilerplate lines, recording each with its reason. A notice that ends with a
    colon takes the list it introduces with it ("We ask that you follow these guidelines:" and
    its numbered rules): the list is the notice's, not the article's."""
    kept: list[str] = []
    breaks: list[int] = []  # where in `kept` a page marker stood
    caps_words = MIN_CAPS_TEASER_WORDS if article.from_html else MIN_TEXT_CAPS_TEASER_WORDS
    introduced: str | None = None  # the reason of a dropped notice whose list may follow
    for line in drop_broken_notes(article.text.split("\n"), article):
        line = _drop_inline(line, article)
        if introduced and _in_list(line, introduced):
            article.removed.append(Removal(line.strip(), introduced))  # an item, or an item's wrapped line
            continue
        reason = boilerplate_reason(line, caps_words)
        if reason is None or _same(line, article.title):
            kept.append(line)
            introduced = introduced if not line.strip() else None
        else:
            article.removed.append(Removal(line.strip(), reason))
            introduced = reason if _introduces(line) else None
            breaks += [len(kept)] if reason == "page_marker" else []
    article.text = "\n".join(kept)
    article.page_edges = tuple(_page_edge(kept, at) for at in breaks)


# A page's running header or footer is a line or two (a ministry's name, its address, a
# document's title) just before or after its page number.
PAGE_EDGE_LINES = 2


def _page_edge(lines: list[str], at: int) -> frozenset[str]:
    """The folded lines with text among the PAGE_EDGE_LINES before and after position `at`."""
    before = islice((x for x in reversed(lines[:at]) if x.strip()), PAGE_EDGE_LINES)
    after = islice((x for x in lines[at:] if x.strip()), PAGE_EDGE_LINES)
    return frozenset(fold(x) for x in (*before, *after))


def _in_list(line: str, introduced: str) -> bool:
    """An item of the list a dropped notice introduced, or an item's wrapped line. Under a heading
    over notes or references only an item worded as one belongs to it: a numbered sentence under a
    heading "Sources" is the article's ("1. Germany delivered the first tanks in March.")."""
    if not line.strip():
        return False
    if LIST_ITEM.match(line) is None:
        return line[:1].isspace()
    return introduced != "footnotes" or REFERENCE_ITEM.search(line) is not None


def _introduces(line: str) -> bool:
    """A notice that a rule names and that ends with a colon introduces a list (a heading set in
    capitals may be the article's own, over the article's own list), as does a heading over notes
    or references ("Notes", "References")."""
    opens = line.rstrip().endswith(":") or REFERENCE_HEADING.match(line) is not None
    return opens and _rule_reason(line.strip()) is not None


def _drop_inline(line: str, article: Article) -> str:
    line, credit = strip_credit(line)
    if credit is not None:
        article.removed.append(Removal(credit, "photo_credit"))
    for reason, pattern, marks in INLINE:
        if not any(map(line.__contains__, marks)):  # map, not a generator: every line passes here
            continue
        found = [Removal(match.group().strip(), reason) for match in pattern.finditer(line)]
        if found:  # most lines with a mark hold no match: one scan of the line, not a second for sub
            article.removed.extend(found)
            line = pattern.sub("", line)
    return line


def _same(line: str, title: str | None) -> bool:
    return title is not None and fold(line) == fold(title)


# Texts whose folded form is kept: the steps after the rules fold the same lines again (a line's
# copies, its site's repeats, the headline's copies): three calls in four on the HTML benchmark's
# pages, a third of the cleaning's folding time then. Enough for a page's lines (the benchmark's
# 181 pages fold 4,763 texts), bounded for a crawl as the rule memo is.
FOLD_MEMO = 8192


@lru_cache(maxsize=FOLD_MEMO)
def fold(text: str) -> str:
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.casefold()  # nothing to collapse: " " is the one white space character printable
    return " ".join(text.split()).casefold()
