"""Page widgets that say where they begin and end: a list read aloud to screen readers ("list of 4
items" ... "end of list") and a carousel between its arrows ("caret-left" ... "caret-right").
A scraper that saves a page's text keeps those labels; what stands between them is the site's
list of other stories, dropped whole with reason `story_widget`. A list that only a heading
opens ("Related stories", "More in Europe", "Top stories") ends where its headlines end: the
heading and the headlines under it go, with reason `read_more`.
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.article import Article, Removal

REASON = "story_widget"
# The opening and closing labels of each kind of widget (whole lines, any case).
_OPENS = regexcache.compile(r"^\W*(?:list\ of\ \d{1,2}\ items|caret[-\ ]left)\W*$", re.IGNORECASE | re.VERBOSE)
_CLOSES = regexcache.compile(r"^\W*(?:end\ of\ list|caret[-\ ]right)\W*$", re.IGNORECASE | re.VERBOSE)
# A widget holds a few stories: past this many lines without its closing label, the opening
# label was a stray word and nothing is dropped.
MAX_WIDGET_LINES = 30


def drop_story_widgets(article: Article) -> None:
    """Step: drop each widget, its labels and the lines between them."""
    lines = article.text.split("\n")
    index = 0
    while index < len(lines):
        end = _closing(lines, index) if _OPENS.match(lines[index]) else None
        if end is None:
            index += 1
            continue
        widget = [line.strip() for line in lines[index : end + 1] if line.strip()]
        article.removed.append(Removal("\n".join(widget), REASON))
        del lines[index : end + 1]
    article.text = "\n".join(lines)


def _closing(lines: list[str], start: int) -> int | None:
    """The index of the line that closes the widget opened at `start`, if one comes soon."""
    for index in range(start + 1, min(len(lines), start + 1 + MAX_WIDGET_LINES)):
        if _CLOSES.match(lines[index]):
            return index
    return None


HEADED_REASON = "read_more"
# The heading of a list of the site's other stories, alone on its line.
_LIST_HEADING = regexcache.compile(
    r"""^\W*(?:
        related(?:\ (?:articles?|stories|posts|news|coverage|content|reading|videos?|links))?   # "Related stories"
      | useful\ links|weitere\ informationen|mehr\ informationen|en\ savoir\ plus|más\ información  # links to more
      | (?:read|see)\ (?:also|more|next)|also\ read|what\ to\ read\ next|in\ other\ news
      | more\ (?:stories|news|headlines|videos|to\ read)|more\ (?:from|in|on)\ [\w\ '’&-]{1,30}  # "More in Europe"
      | elsewhere\ on\ (?:the\ )?(?-i:[A-Z])[\w\ '’&.-]{1,30}  # "Elsewhere on Example Wire" (not "in Europe")
      | recommended(?:\ (?:for\ you|stories|articles|reading|videos?))?
      | you\ (?:may|might)\ (?:also\ )?(?:like|enjoy|be\ interested\ in)|don['’]t\ miss
      | (?:top|latest|popular|trending|featured|must-see)(?:\ (?:stories|news|articles|headlines|now|today|videos?))?
      | most\ (?:read|popular|viewed|watched|shared)(?:\ (?:stories|articles|today|this\ week))?
            (?:\ (?:in|on)\ [\w\ '’&-]{1,24})?                                # "Most read in News"
      | editor['’]?s\ (?:picks?|choice)
      | further\ reading|(?:more\ )?on\ (?:this|the\ same)\ (?:topic|subject)      # "Further reading"
      | mehr\ zum\ thema|weitere\ (?:artikel|nachrichten|meldungen)|meistgelesen      # German
      | das\ könnte\ sie\ (?:auch\ )?interessieren|auch\ interessant|lesen\ sie\ auch  # "You may also like"
      | (?:à\ )?lire\ aussi|autres\ articles|les\ plus\ lus|sur\ le\ même\ sujet      # French
      | (?:à\ )?voir\ aussi|(?:à\ )?lire\ également|vous\ aimerez\ aussi             # "See also"
      | más\ noticias|otr[ao]s\ (?:artículos|noticias)|lo\ más\ leído|lee\ también   # Spanish
      | більше\ новин|інші\ (?:статті|новини)|читайте\ також|найпопулярніше          # Ukrainian
      | (?:ещ[её]|больше)\ новост(?:и|ей)|другие\ (?:статьи|новости)|читайте\ также|самое\ читаемое  # Russian
      | (?:другие\ )?(?:новости|статьи|материалы)\ по\ теме                   # "On this topic", Russian
      | (?:інші\ )?(?:новини|статті|матеріали)\ за\ темою                     # and Ukrainian
      | passend\ zum\ thema|(?:auch|ebenfalls)\ lesenswert|dans\ la\ même\ rubrique  # German, French
      | noticias\ relacionadas|(?:lo\ )?más\ leíd[oa]s|te\ (?:puede\ interesar|recomendamos)  # Spanish
      | ti\ potrebbe\ interessare|leggi\ anche|(?:i\ )?più\ lett[ie]             # Italian
      | najnowsze|najczęściej\ czytane|czytaj\ (?:też|także)|zobacz\ (?:też|także)|polecane  # Polish
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
MAX_HEADING_CHARS = 60
# A pager between a blog's posts, alone on its line ("Previous post", "« Older Entries", "NEXT
# ARTICLE →"): the label of one link, the headline of the post it leads to, on the next line.
_PAGER = regexcache.compile(
    r"""^[\W_]*(?:
        (?:previous|prev|next|older|newer)(?:\ (?:post|article|story|entry|entries|posts|articles|stories))?
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A headline under the heading: this many words, a capital, digit or quotation mark first, and
# no sentence's or clause's end (a question or an exclamation may close it).
HEADLINE_WORDS = (3, 30)
MAX_HEADLINE_CHARS = 200
_HEADLINE_START = regexcache.compile(r"^[\W_]*(?:[A-Z0-9‘“'\"«]|(?-i:[А-ЯЁІЇЄҐ]))")
_CLAUSE_END = regexcache.compile(r"[.,;:]\W*$")
# A teaser cut short ("... than there are in the whole of ...") is a headline's excerpt.
_TEASER_END = regexcache.compile(r"\w\s*(?:\.{3}|…)\W*$")
# A list this long is a list; past it the lines are the page's again.
MAX_HEADED_LINES = 12


def list_heading(line: str) -> bool:
    """A story list's heading ("Related stories", "Latest news", "Читайте також")."""
    return len(line) <= MAX_HEADING_CHARS and _LIST_HEADING.match(line) is not None


def drop_headed_lists(article: Article) -> None:
    """Step: a story-list heading and the headlines right under it (blank lines between allowed);
    a pager's label and the one headline under it."""
    lines = article.text.split("\n")
    for index, line in enumerate(lines):
        pager = _PAGER.match(line) is not None
        if list_heading(line) or pager:
            run = _headlines_under(lines, index)[: 1 if pager else None]
            if run:
                dropped = [lines[i].strip() for i in [index, *run]]
                article.removed.append(Removal("\n".join(dropped), HEADED_REASON))
                for i in [index, *run]:
                    lines[i] = ""
    article.text = "\n".join(lines)


def _headlines_under(lines: list[str], heading: int) -> list[int]:
    """The indexes of the headlines that follow the heading, up to the first other line."""
    run: list[int] = []
    for index in range(heading + 1, len(lines)):
        line = lines[index].strip()
        if not line:
            continue
        if len(run) >= MAX_HEADED_LINES or not _headline(line):
            break
        run.append(index)
    return run


def _headline(line: str) -> bool:
    words = len(line.split())
    return (
        HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1]
        and len(line) <= MAX_HEADLINE_CHARS
        and _HEADLINE_START.match(line) is not None
        and (_CLAUSE_END.search(line) is None or _TEASER_END.search(line) is not None)
    )


POLL_REASON = "poll"
# A poll's heading, alone on its line: "Take our poll", "Quick poll", "Umfrage", "Sondage" (a
# trailer such as " - story continues below" allowed).
_POLL_HEADING = regexcache.compile(
    r"""(?:^\W*(?:(?:take\ (?:our|the|this)|quick|reader|readers['’]?|today['’]s|daily|our|weekly)\ )?
        (?:poll|survey|quiz)                                          # English
      | ^\W*(?:umfrage|abstimmung|sondage|encuesta|sondaggio|ankieta|sonda|опитування|опрос|голосование)
    )(?:\W+(?:story\ continues\ below|results))?\W*$                # the whole line
    """,
    re.IGNORECASE | re.VERBOSE,
)
MAX_POLL_HEADING_CHARS = 60
# A poll's button: what makes a question followed by short lines a poll without a heading.
_VOTE_BUTTON = regexcache.compile(
    r"^\W*(?:vote(?:\ now)?|submit(?:\ vote)?|see\ results|view\ results|abstimmen|voter|votar|votare|głosuj|"
    r"голосувати|голосовать)\W*$",
    re.IGNORECASE,
)
# A poll's question runs to this length; its options, buttons and results are this short.
MAX_POLL_QUESTION_CHARS = 300
MAX_POLL_OPTION_CHARS = 40
# A poll holds a question and a few options: past this many lines the run is the page's again.
MAX_POLL_LINES = 12
# Under a poll's heading, the lines are the poll's only if more than one follows (the question
# with its options, on their own lines or after it): one question alone before prose is the
# article's own, under a section called "Survey".
MIN_POLL_RUN = 2


def drop_polls(article: Article) -> None:
    """Step: a poll (its heading, or a question whose options end in a vote button) and the
    question, options and buttons under it, up to the first line of another shape."""
    lines = article.text.split("\n")
    for index, line in enumerate(lines):
        run = _poll_at(lines, index, line.strip())
        if run:
            article.removed.append(Removal("\n".join(lines[i].strip() for i in run), POLL_REASON))
            for i in run:
                lines[i] = ""
    article.text = "\n".join(lines)


def _poll_at(lines: list[str], index: int, line: str) -> list[int]:
    if len(line) <= MAX_POLL_HEADING_CHARS and _POLL_HEADING.match(line):
        run = _poll_lines(lines, index + 1)
        return [index, *run] if len(run) >= MIN_POLL_RUN else [index]
    if _question(line):
        run = _poll_lines(lines, index + 1)
        if any(_VOTE_BUTTON.match(lines[i]) for i in run):
            return [index, *run]
    return []


def _poll_lines(lines: list[str], start: int) -> list[int]:
    """The indexes of the question and option lines from `start` on (blank lines between allowed)."""
    run: list[int] = []
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if not line:
            continue
        if len(run) >= MAX_POLL_LINES or not (_question(line) or len(line) <= MAX_POLL_OPTION_CHARS):
            break
        run.append(index)
    return run


def _question(line: str) -> bool:
    return "?" in line and len(line) <= MAX_POLL_QUESTION_CHARS


BOX_REASON = "author_card"
# An author box's heading, alone on its line: "About the author", "Über die Autorin",
# "À propos de l'auteur", "Sobre el autor", "Об авторе".
_AUTHOR_HEADING = regexcache.compile(
    r"""^\W*(?:
        about\ the\ (?:authors?|writers?|contributors?)                          # English
      | über\ (?:den\ autor|die\ autorin|die\ autoren|die\ autorinnen)            # German
      | à\ propos\ (?:de\ l['’]aut(?:eur|rice)|des\ auteurs)                    # French
      | sobre\ (?:el\ autor|la\ autora|los\ autores)                              # Spanish
      | об\ авторе|про\ автора|про\ авторку                                     # Russian, Ukrainian
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# The box closes the page: its heading stands among the page's last lines, and what follows it
# is a short note (a line or two on who wrote the piece), never the article's next section.
BOX_TAIL_LINES = 6
MAX_BOX_LINES = 2
MAX_BOX_CHARS = 400


def drop_author_boxes(article: Article) -> None:
    """Step: an author box at the page's foot: its heading and the short note under it."""
    lines = article.text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for place, index in enumerate(filled[-BOX_TAIL_LINES:], start=max(0, len(filled) - BOX_TAIL_LINES)):
        if _AUTHOR_HEADING.match(lines[index]):
            note = filled[place + 1 : place + 1 + MAX_BOX_LINES]
            if note and note == filled[place + 1 :] and all(len(lines[i]) <= MAX_BOX_CHARS for i in note):
                box = [index, *note]
                article.removed.append(Removal("\n".join(lines[i].strip() for i in box), BOX_REASON))
                for i in box:
                    lines[i] = ""
            break
    article.text = "\n".join(lines)
