"""Lists of other stories' headlines left above or below the article: a run of paragraphs shaped
as headlines (a few words, no sentence's end) outside the span of the article's prose.

A scraper that saves the whole page keeps the site's lists of stories ("Most read", "More from
Europe") with or without their headings; the rules drop a list by its heading, the line model a
line by its shape and its neighbours, and what is left is a run of headlines before the article's
first paragraph of prose or after its last. Inside the article such a run is its subheadings or
a list, which stays. On the HTML benchmark's 181 pages saved as whole-page text, runs of three or
more outside the prose were 144 lines of furniture (after the guards below) and no line of an
article; on dev and train, only a paper's endnotes (links without a sentence).
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.article import Article, Removal

# A run of at least this many headline-shaped paragraphs (two are a subheading and a byline).
MIN_RUN = 3
# A headline's words; a paragraph of prose, which marks the article's span, is this long and ends
# a sentence.
HEADLINE_WORDS = (3, 20)
PROSE_CHARS = 120
SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "»")
# A headline ends no sentence, nor a clause that opens a list: a stop, a colon or a bracket last,
# perhaps inside a closing quotation mark. A quotation closed with no stop before its mark is a
# headline's ("Artist speaks: ‘I paint what I saw’"): prose puts its stop inside or after it.
NOT_HEADLINE_END = regexcache.compile(r"""[.!:;)…]["'”’»)\]]*$""")
# A headline that asks ("Will Europe use frozen assets to fund the war?") stands in a run of
# headlines, but a run needs this many that do not ask: an article may end with its questions.
MIN_PLAIN_HEADLINES = 2
QUESTION_END = regexcache.compile(r"""\?["'”’»)\]]*$""")
# Other stories' headlines run this many words on average; the items of a list the article
# introduces with a short sentence ("The package holds these weapons.") are names of a few
# words. A run of such headlines is not the article's list, whatever sentence stands before it.
STORY_HEADLINE_WORDS = 8
# A list of stories may close with one excerpt that ends a sentence (the last story's summary):
# a page whose last paragraph follows this many headlines ends with the list, not the article.
TEASER_RUN = 4
REASON = "story_list"
# The heading of a summary set above an article's prose, whose points are shaped as headlines
# ("Key points", "Highlights", "In brief", "At a glance", "Summary", "What we know"): a run under
# it, even one the line model removed, is the article's own.
SUMMARY = regexcache.compile(
    r"""^[#*\s]*(?:
        key\ (?:points|facts|takeaways)      # "Key points"
      | (?:the\ )?highlights                 # "Highlights"
      | in\ (?:brief|short)                  # "In brief"
      | at\ a\ glance                        # "At a glance"
      | summary | the\ essentials | tl;?dr  # "Summary"
      | what\ we\ know(?:\ so\ far)?        # "What we know"
    )[*\s]*:?\s*$""",
    re.I | re.X,
)
# The reason the line model gives the lines it removes (lines.py), a summary's heading among them.
LINE_MODEL = "furniture_line"
# An entry's label: up to four capitalised words and a colon ("Saudi Arabia: 48 Typhoon jets").
LABEL = regexcache.compile(r"^[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}:\s\S")


def drop_outer_lists(article: Article) -> None:
    """Step: runs of MIN_RUN or more headline-shaped paragraphs before the article's first
    paragraph of prose or after its last are removed, each with REASON. Text that main-text
    extraction made from HTML is left alone (the page's markup judged its blocks)."""
    paragraphs = article.text.split("\n\n")
    prose = [i for i, p in enumerate(paragraphs) if _prose(p)]
    if article.from_html or not prose:
        return
    summary = any(r.reason == LINE_MODEL and SUMMARY.match(r.text) for r in article.removed)
    last = _last_prose(paragraphs, prose)
    dropped = _outer_runs(paragraphs, prose[0], last, summary)
    if last != prose[-1] and prose[-1] - 1 in dropped:
        dropped.add(prose[-1])  # the excerpt that closes the list goes with it
    article.removed.extend(Removal(paragraphs[i].strip(), REASON) for i in sorted(dropped))
    article.text = "\n\n".join(p for i, p in enumerate(paragraphs) if i not in dropped)


def _outer_runs(paragraphs: list[str], first: int, last: int, summary: bool = False) -> set[int]:
    """The positions in runs of headlines that end before `first` or start after `last`, and that
    no clause with a colon introduces (a list of the article's own), nor a summary's heading:
    above the article's prose, the paragraph before it, or (`summary`) one the rules removed."""
    dropped: set[int] = set()
    start = 0
    while start < len(paragraphs):
        end = _run_end(paragraphs, start)
        run = paragraphs[start:end]
        outside = end <= first or start > last
        introduced = start > 0 and _introduces(paragraphs[start - 1], run)
        summed = end <= first and (summary or (start > 0 and SUMMARY.match(paragraphs[start - 1].strip())))
        introduced = introduced or bool(summed)
        if _listed(run) and outside and not introduced and not _figures(run):
            dropped.update(range(start, end))
        start = max(end, start + 1)
    return dropped


def _run_end(paragraphs: list[str], start: int) -> int:
    """The end of the run of headlines (asking or not) that starts at `start`."""
    end = start
    while end < len(paragraphs) and (_headline(paragraphs[end]) or _question(paragraphs[end])):
        end += 1
    return end


def _listed(run: list[str]) -> bool:
    """Whether the run is long enough for a list, with MIN_PLAIN_HEADLINES that do not ask."""
    return len(run) >= MIN_RUN and sum(_headline(p) for p in run) >= MIN_PLAIN_HEADLINES


def _last_prose(paragraphs: list[str], prose: list[int]) -> int:
    """The article's last paragraph of prose: the page's last paragraph is a story's excerpt
    instead when the TEASER_RUN paragraphs before it are other stories' headlines."""
    last = prose[-1]
    before = paragraphs[max(last - TEASER_RUN, 0) : last]
    closing = last == len(paragraphs) - 1 and len(prose) > 1 and len(before) == TEASER_RUN
    if closing and all(_headline(p) for p in before) and _stories(before):
        return prose[-2]
    return last


def _stories(run: list[str]) -> bool:
    """Headlines of stories: STORY_HEADLINE_WORDS words or more on average."""
    return sum(len(p.split()) for p in run) >= STORY_HEADLINE_WORDS * len(run)


def _figures(run: list[str]) -> bool:
    """Whether the run is a list of figures or labelled entries ("Poland 48 howitzers", "Germany:
    18 Leopard 2A6"): half its lines or more hold a digit or open with a label, where a site's
    headlines seldom do (8 of the benchmark's 144 lines held a digit, none a label)."""
    counted = sum(any(c.isdigit() for c in p) or LABEL.match(p.strip()) is not None for p in run)
    return 2 * counted >= len(run)


def _introduces(paragraph: str, run: list[str]) -> bool:
    """Whether the paragraph may introduce the run as a list of the article's own: a clause with
    a colon, or a short sentence ("The package holds these weapons.") before items of a few words
    (not STORY_HEADLINE_WORDS: other stories' headlines), where a site's list follows the
    article's last paragraph of prose or a heading."""
    text = paragraph.strip()
    return text.endswith(":") or (text.endswith(SENTENCE_ENDS) and not _prose(text) and not _stories(run))


def _headline(paragraph: str) -> bool:
    text = paragraph.strip()
    return _headline_words(text) and QUESTION_END.search(text) is None and NOT_HEADLINE_END.search(text) is None


def _question(paragraph: str) -> bool:
    """A headline that asks: a question of a headline's words."""
    text = paragraph.strip()
    return _headline_words(text) and QUESTION_END.search(text) is not None


def _headline_words(text: str) -> bool:
    return HEADLINE_WORDS[0] <= len(text.split()) <= HEADLINE_WORDS[1] and "\n" not in text


def _prose(paragraph: str) -> bool:
    text = paragraph.strip()
    return len(text) >= PROSE_CHARS and text.endswith(SENTENCE_ENDS)
