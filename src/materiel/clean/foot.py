"""What stands at the foot of a page, found by position and shape: the author's biography, and
lists of the site's other stories (runs of excerpts or headline items, the headlines a page
ends with).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from materiel import regexcache
from materiel.article import Article, Removal
from materiel.clean.entries import weapon_list
from materiel.clean.headline import CLOSED, headline_shaped
from materiel.clean.rules import title_case
from materiel.clean.sitename import is_site

# A biography at an article's foot: a name, then "is a senior fellow at ...", "was a reporter".
BIO = regexcache.compile(
    r"""^[\W_]*(?:editor['’]?s\ note\s*:\s*)?
        (?P<name>(?:[A-Z][\w.'’-]*\s+){1,4}?[A-Z][\w'’-]+),?\s+    # the name (initials allowed)
        (?:(?:a|an|the)\s+[^,.;:]{2,60},\s+                             # an apposition (", a regular contributor,"),
           (?=(?:is|was|has\ been|serves\ as)\s+(?:a|an|the)\s))?           # then "is a ...", not "was speaking"
        (?:
          (?:is|was|has\ been|serves\ as)\s+(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){0,6}?
          (?i:fellow|analyst|reporter|columnist|correspondent|editor|director|professor|writer|
             journalist|researcher|author|contributor|chair|president|candidate|associate|member|
             manager|lecturer|scholar|expert|consultant|advis[eo]r|founder|head|chief|officer|
             specialist|commentator|historian|economist|lawyer|student|
             curator|photographer|photojournalist|videographer|blogger|intern
          )s?\b                                  # "is a senior fellow at ...", "is the site's deals curator"
        | represents\s+(?:[A-Z][\w-]+\s+){1,3}in\s+(?:the\s+)?(?:[A-Z][\w.]*\s+)?
          (?:Senate|House|Congress|Parliament|Assembly)\b                    # a legislator writing an op-ed
        | (?:created|founded|co-founded|runs|edits|hosts|writes)\s+(?:and\s+(?:runs|edits|hosts|writes)\s+)?
          (?:the\s+|a\s+)?(?:[\w.'’-]+\s+){0,3}(?i:website|blog|newsletter|podcast|substack)\b
                                                  # a writer's own outlet: "created and runs the website ...",
                                                  # "writes a weekly blog"
        | (?:covers|reports\ on|writes\ about|has\ (?:covered|reported\ on))\s+[^.;:]{2,80}?\s+for\s+
          (?:the\s+)?(?P<outlet>(?-i:[A-Z0-9][\w.'’&-]*)(?:\s(?-i:[A-Z0-9][\w.'’&-]*)){0,4})
                                                  # a reporter's beat and outlet: "covers energy for the Example Post"
        | has\s+(?:(?:more\s+than|over|nearly|almost|some|about|close\s+to)\s+)?
          (?:\d{1,2}|two|three|four|five|ten|fifteen|twenty|thirty|forty)\s+years\s+of\s+experience\b
                                                  # a career in figures: "has more than 20 years of experience"
        )""",
    re.VERBOSE,
)
# The same in the languages foreign.py covers: a name, the copula ("ist", "est", "es", "è", "jest";
# a dash in Ukrainian and Russian), a few words, then the trade ("Katrin Möller ist Redakteurin im
# Ressort Außenpolitik", "Олена Коваль — журналістка, пише про оборону"). Present tense only: "war
# Korrespondent" is as often an obituary's news.
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ"
FOREIGN_BIO = regexcache.compile(
    rf"""^[\W_]*
        (?P<name>(?:[{_CAPITAL}][\w.'’-]*\s+){{1,3}}?[{_CAPITAL}][\w'’-]+),?\s+
        (?:
          ist\s+(?:[\w-]+\s+){{0,3}}?\w*(?i:redakteur|korrespondent|journalist|reporter|autor|kolumnist)
            (?:in)?\b                                                                              # German
        | est\s+(?:[\w-]+\s+){{0,3}}?(?:journaliste|correspondante?|rédact(?:eur|rice)|reporter|chroniqueu(?:r|se)
            |éditorialiste)\b                                                                     # French
        | es\s+(?:[\w-]+\s+){{0,3}}?(?:periodista|corresponsal|redactora?|reporter[oa]|columnista
            |editora?)\b                                                                          # Spanish
        | è\s+(?:[\w-]+\s+){{0,3}}?(?:giornalista|corrispondente|redatt(?:ore|rice)|inviat[oa]
            |editorialista)\b                                                                     # Italian
        | jest\s+(?:[\w-]+\s+){{0,3}}?(?:dziennikar(?:zem|ką)|reporter(?:em|ką)|publicyst(?:ą|ką)
            |korespondent(?:em|ką)|redaktor(?:em|ką))\b                                           # Polish
        | berichtet\s+seit\s+\d{{4}}\s+aus\b | schreibt\s+seit\s+\d{{4}}\s+für\b  # German: "reports from ... since"
        | couvre\s+(?:[\w'’-]+\s+){{1,6}}?depuis\s+\d{{4}}\b                              # French
        | cubre\s+(?:[\w-]+\s+){{1,6}}?desde\s+\d{{4}}\b                                  # Spanish
        | segue\s+(?:[\w'’-]+\s+){{1,6}}?dal\s+\d{{4}}\b                                  # Italian
        | [—–-]\s+(?:[\w-]+\s+){{0,3}}?(?:журналіст(?:ка)?|кореспондент(?:ка)?|оглядач(?:ка)?|редактор(?:ка)?
            |журналист(?:ка)?|корреспондент|обозреватель(?:ница)?)(?=\W|$)                      # Ukrainian, Russian
        )""",
    re.VERBOSE,
)
_SENTENCE_BREAK = regexcache.compile(r"\.\s")
# A reporter's beat with no outlet after it ("covers defence and security in Central Europe"): a
# biography only where the name is the byline's (BIO's beat needs the outlet: "Poland covers the
# costs" is news), so that only the piece's own author is described so.
_AUTHOR_BEAT = regexcache.compile(
    r"""^[\W_]*(?P<name>(?:[A-Z][\w.'’-]*\s+){1,3}?[A-Z][\w'’-]+)\s+
        (?:covers|reports\ on|writes\ about|has\ (?:covered|reported\ (?:on|from)))\s+\S""",
    re.VERBOSE,
)
# Biographies stand among the last lines of an article (or first, as an editor's note).
BIO_TAIL_LINES = 6
MAX_BIO_CHARS = 700
# Further up, in this last share of a page's lines (a whole-page scrape puts cards and lists of
# other stories after the biography), a biography must also name where the person works right
# after the role ("is the weekend editor at Fortune", "is director of the Europe Program"). In
# the whole shared corpus every line of that shape is a biography, and none stands in the first
# 70% of its raw page (rule steps before this one drop menus, so a page's share shrinks).
BIO_TAIL_SHARE = 0.5
# What a sentence of the article says after a name, role or outlet and a biography does not: a
# speech verb, or a second clause ("runs the blog with volunteers, and he said the count rose"); a
# career's "has reported from Kyiv" and ", and her work has appeared in" are a biography's.
_NEWS_CLAUSE = regexcache.compile(
    r"""
    \b(?:said|says|told|added|stated|warned|claimed|estimated|counted)\b   # a speech verb
  | \b(?:sagte|erklärte|betonte|a\ (?:déclaré|dit|affirmé)|dijo|afirmó|declaró|ha\ (?:detto|dichiarato)
      |powiedział[a]?|stwierdził[a]?|заявив|заявила|сказав|сказала|заявил[а]?|сказал[а]?)(?=\W|$)  # in the others
  | [,;]\s+(?:and|but|while)\s+(?:he|she|they)\b                           # a second clause
""",
    re.VERBOSE,
)
_AFFILIATION = regexcache.compile(r"\s*,?\s*(?:at|of|with|for|in)\s+(?:the\s+)?[_*]*[A-Z]")


def drop_author_bios(article: Article) -> None:
    """Step: drop author biographies among the last lines, an editor's note that is one, and an
    op-ed's note on its authors under the byline."""
    lines = article.text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    bylines = _byline_text(article, [lines[i] for i in filled[:BIO_HEAD_LINES]])
    head = {i for i in filled[:1] if _EDITOR_NOTE.match(lines[i])}
    notes = {i for i in filled[:BIO_HEAD_LINES] if _author_note(lines[i].strip(), bylines)}
    last = set(filled[-BIO_TAIL_LINES:]) | head | notes
    tail = filled[int(len(filled) * (1 - BIO_TAIL_SHARE)) :]
    for index in sorted(last | set(tail)):
        line = lines[index].strip()
        found = _bio(line, bylines)
        if index in notes or (found and (index in last or _AFFILIATION.match(line, found.end()))):
            article.removed.append(Removal(line, "author_bio"))
            lines[index] = ""
    article.text = "\n".join(lines)


def _bio(line: str, bylines: str) -> re.Match[str] | None:
    """A biography's match: a line that says what the person is, and reports nothing unless the
    person wrote the piece (the byline names them); or the byline's author's beat without an
    outlet ("Anna Kowal covers defence in Central Europe")."""
    found = biography(line) if len(line) <= MAX_BIO_CHARS else None
    if found is None:
        beat = _AUTHOR_BEAT.match(line) if len(line) <= MAX_BIO_CHARS else None
        named = beat is not None and beat.group("name").split()[-1] in bylines
        return beat if named and _NEWS_CLAUSE.search(line, beat.end()) is None else None
    if _NEWS_CLAUSE.search(line, found.end()) is None:
        return found
    return found if found.group("name").split()[-1] in bylines else None


def biography(text: str) -> re.Match[str] | None:
    """BIO's match at the start of `text`, where a beat is one for an outlet ("covers energy for
    the Example Post"; "North Macedonia covers the costs for Ukrainian crews" is news), else
    FOREIGN_BIO's."""
    found = BIO.match(text)
    if found is None:
        return FOREIGN_BIO.match(text)
    # the outlet's name ends at its sentence's end ("... for the Herald. Before joining ...")
    outlet = _SENTENCE_BREAK.split(found.group("outlet"))[0].rstrip(".") if found and found.group("outlet") else None
    if outlet is not None and not is_site(outlet, None):
        return None
    return found


def _byline_text(article: Article, first: list[str]) -> str:
    """The page's bylines: those among its first lines and those a rule removed."""
    found = [line for line in first if _BYLINE.match(line)]
    return " ".join(found + [r.text for r in article.removed if r.reason == "byline"])


def _author_note(line: str, bylines: str) -> bool:
    """A note on who wrote the piece: set apart in emphasis, or naming an author of the byline."""
    found = _HEAD_BIO.match(line) if len(line) <= MAX_BIO_CHARS else None
    return found is not None and (_EMPHASISED.match(line) is not None or found.group("name") in bylines)


_EDITOR_NOTE = regexcache.compile(r"^\W*editor['’]?s\ note\s*:", re.IGNORECASE)
# An op-ed's note on its authors under the byline ("_X is a senior fellow at Y._"): among the first
# lines (a deck, a caption, the date and the byline may come before it), a line that names one of
# the byline's authors, or is set apart in italics or bold as a whole, and says who they are (an
# article's first sentence may say who someone else is).
BIO_HEAD_LINES = 6
# Set apart or tied to the byline, it needs no role word: a name, then "is the", "was a".
_HEAD_BIO = regexcache.compile(
    r"^[\W_]*(?P<name>(?:[A-Z][\w.'’-]*\s+){1,4}?[A-Z][\w'’-]+),?\s+(?:is|was|has\ been|serves\ as)\s+(?:a|an|the)\b"
)
_BYLINE = regexcache.compile(r"^\W*by\s+[A-Z]", re.IGNORECASE)
_EMPHASISED = regexcache.compile(r"^\s*[_*]+\S.*[_*]+\W*$")

# Lists of the site's other stories, found as runs of lines of one shape:
# - excerpts cut short mid-sentence ("... and secured the..."): one such line is a quotation
#   trailing off, a run of them is a teaser list;
# - list items that are headlines in title case ("* Putin Issues Grave Warning to Europe"): an
#   article's own lists hold sentences, amounts or names, not title-case headlines.
_EXCERPT = regexcache.compile(r"^.{60,}[^\W\d_](?:\.{3}|…)\s*$")
_ITEM = regexcache.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+(.+)$")
HEADLINE_ITEM_WORDS = (4, 25)
# A headline item may not end a sentence.
_FULL_STOP = regexcache.compile(r"\.\Z")
MIN_STORY_RUN = 3


def drop_story_lists(article: Article) -> None:
    """Step: drop runs of MIN_STORY_RUN or more consecutive excerpts, or headline list items,
    and the run of headlines a page ends with."""
    lines = article.text.split("\n")
    for shape in (_is_excerpt, _is_headline_item):
        _drop_runs(lines, shape, article)
    _drop_trailing_headlines(lines, article)
    _drop_lone_links(lines, article)
    article.text = "\n".join(lines)


# A headline: this many words, no closing punctuation but a question mark (a headline may ask:
# "Ukraine-Russia talks: how close is a deal?"; a run of them still needs MIN_STORY_RUN lines, and
# an article's closing question follows a sentence), a capital or a quotation mark first.
TRAILING_HEADLINE_WORDS = (5, 30)
_LINE_END = regexcache.compile(r"[.!:;…\"”’)\]]\Z")


# A story's date under its headline in such a list ("February 12, 2025", "12.02.2025, 10:15"):
# part of the run, not counted as a headline.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_STAMP = regexcache.compile(
    rf"""^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?          # a weekday
        (?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}} | {_MONTH}\s+\d{{1,2}},?\s+\d{{4}}  # "12 February 2025", "Feb 12, 2025"
          | \d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}})                        # "12.02.2025"
        (?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm)?)?\W*$       # a time""",
    re.IGNORECASE | re.VERBOSE,
)


def _drop_trailing_headlines(lines: list[str], article: Article) -> None:
    """A page that ends with MIN_STORY_RUN or more headlines (lines of words with no sentence's
    end; their dates between them) ends with a list of the site's other stories: an article ends
    with a sentence. A list that a line ending in a colon introduces is the article's own, and so
    is a list of weapons (entries.py)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    run: list[int] = []
    for index in reversed(filled):
        if not (_is_headline(lines[index].strip()) or _STAMP.match(lines[index])):
            break
        run.append(index)
    before = filled[len(filled) - len(run) - 1] if len(filled) > len(run) else None
    headlines = sum(_STAMP.match(lines[i]) is None for i in run)
    if headlines < MIN_STORY_RUN or before is None or lines[before].rstrip().endswith(":"):
        return
    if weapon_list([lines[i].strip() for i in reversed(run)]):
        return  # the article's own list of weapons ("Germany: 18 Leopard 2 tanks"), not headlines
    for index in reversed(run):
        article.removed.append(Removal(lines[index].strip(), "read_more"))
        lines[index] = ""


# A lone bulleted headline between paragraphs ("* Food prices are surging. Is the war to blame?")
# is a link to another story set into the article; the article's own lists have several items or
# follow the sentence that introduces them with a colon. Only "*" and "•": a dash also opens a
# line of dialogue. Its words end with no sentence's or clause's end but a question's.
_LINK_ITEM = regexcache.compile(r"^\s*[*•]\s+(.+)$")
_CLAUSE_END = regexcache.compile(r"[.,;:]\Z")


def _drop_lone_links(lines: list[str], article: Article) -> None:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for place, index in enumerate(filled):
        item = _LINK_ITEM.match(lines[index])
        if item is None or not _is_link_headline(item.group(1).strip()):
            continue
        before = lines[filled[place - 1]].strip() if place else ""
        after = lines[filled[place + 1]].strip() if place + 1 < len(filled) else ""
        if not _ITEM.match(before) and not _ITEM.match(after) and not before.endswith(":"):
            article.removed.append(Removal(lines[index].strip(), "read_more"))
            lines[index] = ""


def _is_link_headline(text: str) -> bool:
    """Words of a headline: a capital, digit or quotation first, no sentence's or clause's end
    but a question's."""
    return headline_shaped(text, HEADLINE_ITEM_WORDS, _CLAUSE_END, lower=False)


def _is_headline(line: str) -> bool:
    """A headline in sentence case: an article's own closing list in capitals is left alone
    (tour dates and venues, names, titles: "June 17 – Nashville, TN @ Bridgestone Arena")."""
    return headline_shaped(line, TRAILING_HEADLINE_WORDS, _LINE_END)


def _drop_runs(lines: list[str], shape: Callable[[str], bool], article: Article) -> None:
    run: list[int] = []
    for index in [*(i for i, line in enumerate(lines) if line.strip()), None]:
        if index is not None and shape(lines[index].strip()):
            run.append(index)
            continue
        if len(run) >= MIN_STORY_RUN:
            for number in run:
                article.removed.append(Removal(lines[number].strip(), "read_more"))
                lines[number] = ""
        run = []


def _is_excerpt(line: str) -> bool:
    return line.endswith(("...", "…")) and _EXCERPT.match(line) is not None


def _is_headline_item(line: str) -> bool:
    item = _ITEM.match(line)
    if item is None:
        return False
    text = item.group(1).strip()
    return headline_shaped(text, HEADLINE_ITEM_WORDS, _FULL_STOP, start=None, lower=False) and title_case(text)


# One headline closing a page after the article's last sentence is the site's link to another
# story ("Fake: Bars Will Be Produced Again", "'We are not losing' - Zelensky speaks to the
# BBC"): an article ends with a sentence. Only a headline in title case or with a headline's
# marks (a quotation first, a dash or a colon between its parts), of this many words, with no
# sentence's or clause's end (a question may close an opinion piece): an article's last sentence
# that lost its full stop is longer and plainer.
CLOSING_HEADLINE_WORDS = (5, 16)
# Two such headlines at most: a longer run of them is a list (drop_story_lists, before the model).
MAX_CLOSING_HEADLINES = 2
_HEADLINE_MARKS = regexcache.compile(r"""^[\W_]*["“‘']|\s[-–—|]\s|^[^:]{3,40}:\s""")


def drop_closing_headline(article: Article) -> None:
    """Step (after the line model, which clears the furniture below them): the headline-shaped
    last paragraphs (up to MAX_CLOSING_HEADLINES) after one that ends a sentence go, with reason
    `read_more`."""
    paragraphs = article.text.split("\n\n")
    run = 0
    while run < min(MAX_CLOSING_HEADLINES, len(paragraphs) - 1) and _closing_headline(paragraphs[-1 - run].strip()):
        run += 1
    before = paragraphs[-1 - run].strip()
    if run and CLOSED.search(before) and not _ITEM.match(before) and not before.endswith(":"):
        article.removed.extend(Removal(p.strip(), "read_more") for p in paragraphs[-run:])
        article.text = "\n\n".join(paragraphs[:-run])


def _closing_headline(line: str) -> bool:
    shaped = headline_shaped(line, CLOSING_HEADLINE_WORDS, CLOSED)
    return shaped and (title_case(line) or _HEADLINE_MARKS.search(line) is not None)
