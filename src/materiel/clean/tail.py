"""The part of a page after the article, cut whole from its first line on: what follows an
agency's credits or a republished story's link to its source, a comments or related-links
section from its heading, and the links to the previous and next stories that close a story.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from materiel import regexcache
from materiel.article import Article, Removal

# A heading that starts the part of a page after the article (comments, related links): the
# heading and everything after it go. Only after this much body text, so a sidebar heading near
# the top of a scrape cannot take the article with it.
TAIL = regexcache.compile(
    r"""^\W*(?:\d+\s+)?(?:
        (?:top\ rated\ |latest\ |all\ |reader\ |view\ )?comments?(?:\ \(\d+\))?|
        responses|\d+\ responses?\b.*|responses?\ to\ ["“'‘].*|replies|     # comment sections (not "response to X", a
                                                                           # line of hard-wrapped prose)
        (?:\d+|one)\ (?:thoughts?|comments?|repl(?:y|ies))\ (?:on|to)\ ["“'‘].*|   # a blog's: '3 thoughts on "Post"'
        .*\bcomments\ powered\ by\b.*|as\ you\ comment\b.*|
        leave\ a\ (?:reply|comment)|add\ (?:a\ |your\ )?comment|post\ a\ comment|
        join\ the\ (?:conversation|discussion)(?:\ \(\d+\))?|show\ comments|
        (?:log|sign)\ in\ to\ (?:comment|reply|join\ the\ (?:conversation|discussion))|  # a comment form's prompt
        comments\ (?:are|have\ been)\ closed(?:\ (?:for|on)\ this\ (?:article|story|post))?|  # or its closing notice
        related(?:\ (?:articles|stories|posts|content|coverage|news))?|  # link lists
        further\ reading|                                               # a reading list closes a piece
        more\ (?:stories|from\ \w+(?:\ \w+)?|in\ \w+(?:\ \w+){0,3}|on\ this\ topic)|read\ next|up\ next|
        você\ pode\ gostar|leia\ também|lee\ también|vous\ aimerez\ aussi|  # "you may also like" in
        das\ könnte\ sie\ auch\ interessieren|potrebbe\ interessarti|       # other languages
        recommended(?:\ for\ you)?|you\ (?:may|might)\ also\ like|trending(?:\ now)?|
        you\ (?:may|might)\ (?:also\ )?(?:be\ interested(?:\ in)?|enjoy)|    # "You might be interested"
        popular(?:\ now|\ stories)?|most\ (?:read|popular|viewed)|
        permalink\b.*\bcomments?\b.*|share\ this\ (?:article|story)|tags?\s*:.*|
        (?:коментарі|комментарии|kommentare|commentaires|comentarios|komentarze|commenti|comentários)  # "Comments"
            (?:\ \(\d+\))?|                                                    # elsewhere
        залишити\ коментар|оставить\ комментарий|kommentar\ schreiben|laisser\ un\ commentaire|
        deja\ un\ comentario|dodaj\ komentarz|lascia\ un\ commento|deixe\ um\ comentário|
        схожі\ (?:новини|статті|матеріали)|похожие\ (?:новости|статьи|материалы)|ähnliche\ artikel|  # "Related"
        (?:інші|більше)\ (?:новини|статті|матеріали)(?:\ за\ темою)?|(?:новини|статті|матеріали)\ за\ темою|
        (?:другие|ещ[её]|больше)\ (?:новости|статьи|материалы)(?:\ по\ теме)?|(?:новости|статьи|материалы)\ по\ теме|
        (?:mehr|weitere\ (?:artikel|nachrichten))\ zum\ thema|sur\ le\ même\ sujet|dans\ la\ même\ rubrique|
        (?:también\ )?te\ puede\ interesar|más\ noticias(?:\ relacionadas)?|  # "More on this topic" elsewhere
        articles\ similaires|noticias\ relacionadas|artykuły\ powiązane|articoli\ correlati|
        notícias\ relacionadas|найпопулярніше|самое\ популярное|meistgelesen|les\ plus\ lus|   # "Most read"
        lo\ más\ leído|najczęściej\ czytane|i\ più\ letti|mais\ lidas|
        (?-i:END)|\(end\)|-30-|\#\#\#                                  # a wire's end-of-story mark
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
MIN_BODY_BEFORE_TAIL = 400
# A heading of the page's lists (related stories, most popular, a share bar's "Share this story")
# stands above the article as often as below it in a whole page's scrape: it starts the tail only
# in the page's foot (less text after it than before). A comment section's heading, or a wire's
# end mark, starts it wherever it stands (a long discussion outweighs the article); not a link to
# it in a bulleted list or share bar ("• Comment", "• Leave a comment"), which stands over the story.
COMMENTS = regexcache.compile(
    r"""^[^\w•*·-]*(?:\d+\s+)?(?:(?:top\ rated\ |latest\ |all\ |reader\ |view\ )?comments|responses?|replies|
        (?:\d+|one)\ (?:thoughts?|comments?|repl(?:y|ies))\b|leave\ a\ (?:reply|comment)|add\ (?:a\ |your\ )?comment
        |post\ a\ comment|join\ the\ (?:conversation|discussion)|(?-i:END)\W*$|\(end\)|-30-|\#\#\#
        |коментарі|комментарии|kommentare|commentaires|comentarios|komentarze|commenti|comentários)""",
    re.IGNORECASE | re.VERBOSE,
)
# A heading over the page's tags, one a line ("Tags", "Topics"): a report may head a section so,
# so it starts the tail only in the page's foot (less text after it than before) and over a tag
# (a line of at most MAX_TAG_WORDS words that ends no sentence), not over a paragraph.
FOOT_HEADING = regexcache.compile(r"^\W*(?:tags|topics|related\ topics|keywords)\W*$", re.IGNORECASE)
MAX_TAG_WORDS = 4
# The links to the site's previous and next stories ("Previous Article <headline>", "Next
# Article <headline>"), together, close the article: what a scraper saved after them (in the
# page's last half) is the foot of the page, its lists of other stories' headlines and teasers.
PAGINATION = regexcache.compile(r"^\W*previous\ (?:article|story|post)\b", re.IGNORECASE)
NEXT_STORY = regexcache.compile(r"(?:^\W*|\s)next\ (?:article|story|post)\b", re.IGNORECASE)
MAX_TAIL_HEADING_CHARS = 80
# A news agency's credits close its story ("Reporting by X; Writing by Y; Editing by Z",
# "*Writing by X in Istanbul"): what a scraper saved after them is the page around the story
# (the writer's biography, the agency's notices, lists of other stories).
CREDITS = regexcache.compile(
    r"""^\W*(?:additional\ )?(?:reporting|writing|editing|compiled|reporting\ and\ writing)\ by\s+
        (?-i:[A-Z])[\w.'’-]*                                   # the first name
        (?:[\s,;&/]+(?:(?-i:[A-Z])[\w.'’-]*                   # more names, initials
          |(?-i:and|in|for|with|by|de|van|von|al|el|bin|additional|reporting|writing|editing)))*
                                                                # the credits' words, in lower case only:
                                                                # under IGNORECASE "In" would match both
                                                                # branches and a failing line backtrack
                                                                # exponentially
        \W*$""",
    re.IGNORECASE | re.VERBOSE,
)
MAX_CREDITS_CHARS = 250
# A republished story closes with the link to where it first appeared ("Source: https://...",
# alone on its line): what a scraper saved after it is the republishing site's page (its appeals,
# its advertisements, its lists). A chart's or a quotation's source names a body, not a link.
SOURCE_LINK = regexcache.compile(
    r"^\W*(?:source|originally\ published\ at|джерело|источник|quelle|fuente|fonte|źródło)\s*:?\s*https?://\S+\W*$",
    re.IGNORECASE,
)

# A press release closes with a paragraph on each company under "About <Company>" ("About Acme
# Defense", "About Nordic Arms ASA:"), then its media contacts: the release's boilerplate. The
# heading starts the tail where the paragraph under it names the company within its first
# ABOUT_NAME_CHARS characters ("Acme Defense is a leading ...", "Founded in 1958, Acme ..."): a
# story's own heading ("About the deal") is followed by text that does not repeat it.
# The heading may open the paragraph itself ("About Acme Defense: Acme Defense is ..."), the name
# then led by a capital letter (not "About 40 tanks: ...") and opening the paragraph after the
# colon (not "About Ukraine: the company said ..."). It starts the tail wherever it stands
# after MIN_BODY_BEFORE_TAIL: a release's boilerplate (several companies', a forward-looking
# statement) may outweigh its news.
ABOUT_HEADING = regexcache.compile(
    r"^\W*about\s+((?-i:[A-Z0-9])[\w&.'’-]*(?:\s+(?-i:[A-Z0-9&])[\w&.'’-]*){0,5})\s*:?\W*$", re.IGNORECASE
)
ABOUT_INLINE = regexcache.compile(
    r"^\W*about\s+((?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z0-9&])[\w&.'’-]*){0,5})\s*[:–—]\s+(\S.*)$", re.IGNORECASE
)
ABOUT_NAME_CHARS = 100
# The paragraph says what the company is ("a leading provider of ...", "a supplier of ...") or
# where and when it began ("Founded in 1958", "Headquartered in Oslo"): an explainer's section on
# a country or a weapon under a like heading ("About Sweden") says neither.
COMPANY_WORDS = regexcache.compile(
    r"""\b(?:
        compan(?:y|ies)|provider|manufacturer|maker|supplier|producer|developer|firm|corporation
      | (?:founded|headquartered|established|incorporated)\ in                # its origins
      | employs|employees|subsidiary|listed\ on                                # its size, its shares
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)


def cut_tail(article: Article) -> None:
    """Step: drop an agency's credits and what follows them (after the last credits line: a
    round-up credits each story) or a republished story's link to its source, then a trailing comments or
    related-links section, or a press release's "About <Company>" boilerplate, from its heading
    on."""
    lines = article.text.split("\n")
    for marks, reason in ((_credits, "after_credits"), (_source_link, "after_source")):
        found = _marked(lines, marks)
        if found:
            _cut(article, lines, found[-1] + 1, reason)
            lines = lines[: found[-1] + 1]
            if marks is _credits:
                _drop_credits(article, lines, found)
    feet = [i for i in _marked(lines, FOOT_HEADING.match) if _in_foot(lines, i) and _over_tag(lines, i)]
    tails = [i for i in _marked(lines, _tail_heading) if _in_foot(lines, i) or _comments(lines[i])]
    abouts = [i for i in _marked(lines, _about_company_line) if _about_company(lines, i)]
    closing = [i for i in abouts if _in_foot(lines, i)][:1]
    headings = sorted([(i, "comments_or_related") for i in tails + feet[:1]] + [(i, "about_company") for i in closing])
    if headings:
        _cut(article, lines, *headings[0])
        lines = lines[: headings[0][0]]
    pagination = [i for i in _marked(lines, _previous_story) if _paired(lines, i) and _in_foot(lines, i)]
    if pagination:
        _cut(article, lines, pagination[0], "comments_or_related")
    _drop_about_blocks(article, [i for i in abouts if i < min([*closing, *pagination, len(lines)])])


def _drop_credits(article: Article, lines: list[str], found: list[int]) -> None:
    """The credits lines themselves go too (reason `byline`): the agency's staff, not the story."""
    for index in found:
        article.removed.append(Removal(lines[index].strip(), "byline"))
        lines[index] = ""
    article.text = "\n".join(lines)


def _drop_about_blocks(article: Article, headings: list[int]) -> None:
    """An "About <Company>" heading above more of the page than stands before it goes with its
    paragraph only (a release's boilerplate may outweigh its news; the rest stays)."""
    lines = article.text.split("\n")
    for index in headings:
        block = [index] if ABOUT_INLINE.match(lines[index].strip()) else [index, _next_filled(lines, index)]
        for at in block:
            if at is not None and lines[at].strip():
                article.removed.append(Removal(lines[at].strip(), "about_company"))
                lines[at] = ""
    article.text = "\n".join(lines)


def _next_filled(lines: list[str], index: int) -> int | None:
    return next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)


def _marked(lines: list[str], marks: Callable[[str], bool]) -> list[int]:
    """The lines that `marks` picks, after MIN_BODY_BEFORE_TAIL characters of body (so a sidebar
    near the top of a scrape cannot take the article with it)."""
    found, seen = [], 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if seen >= MIN_BODY_BEFORE_TAIL and marks(stripped):
            found.append(index)
        seen += len(stripped)
    return found


def _comments(line: str) -> bool:
    return COMMENTS.match(line.strip()) is not None


def _previous_story(line: str) -> bool:
    return PAGINATION.match(line) is not None


def _paired(lines: list[str], index: int) -> bool:
    """Whether the link to the previous story has the next story's beside it, on its line or the
    next: the pair that closes a story (one such link alone may stand inside an article)."""
    if NEXT_STORY.search(lines[index]) is not None:
        return True
    following = next((line for line in lines[index + 1 :] if line.strip()), "")
    return NEXT_STORY.match(following) is not None


def _about_company_line(line: str) -> bool:
    return ABOUT_HEADING.match(line) is not None or ABOUT_INLINE.match(line) is not None


def _about_company(lines: list[str], index: int) -> bool:
    """Whether the paragraph under an "About <Company>" heading (or after it, on its line) names
    the company early on and says what it is."""
    line = lines[index].strip()
    if (inline := ABOUT_INLINE.match(line)) is not None:  # the paragraph opens with the name
        name, paragraph = inline.group(1), inline.group(2)
        named = paragraph.casefold().startswith(name.casefold())
    else:
        found = ABOUT_HEADING.match(line)
        after = _next_filled(lines, index)
        paragraph = lines[after].strip() if after is not None else ""
        named = found is not None and found.group(1).casefold() in paragraph[:ABOUT_NAME_CHARS].casefold()
    return named and COMPANY_WORDS.search(paragraph) is not None


def _over_tag(lines: list[str], index: int) -> bool:
    """Whether the line after a heading is a tag: a few words, no sentence."""
    following = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    return 0 < len(following.split()) <= MAX_TAG_WORDS and not following.endswith((".", "!", "?"))


def _in_foot(lines: list[str], index: int) -> bool:
    """Whether less of the page's text follows the line than precedes it."""
    before = sum(len(line.strip()) for line in lines[:index])
    return sum(len(line.strip()) for line in lines[index + 1 :]) < before


def _source_link(line: str) -> bool:
    return len(line) <= MAX_CREDITS_CHARS and SOURCE_LINK.match(line) is not None


def _credits(line: str) -> bool:
    return len(line) <= MAX_CREDITS_CHARS and CREDITS.match(line) is not None


def _tail_heading(line: str) -> bool:
    return len(line) <= MAX_TAIL_HEADING_CHARS and TAIL.match(line) is not None


def _cut(article: Article, lines: list[str], index: int, reason: str) -> None:
    tail = "\n".join(x for x in lines[index:] if x.strip())
    if tail:
        article.removed.append(Removal(tail, reason))
    article.text = "\n".join(lines[:index])
