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

from materiel.article import Article, Removal

# A run of at least this many headline-shaped paragraphs (two are a subheading and a byline).
MIN_RUN = 3
# A headline's words; a paragraph of prose, which marks the article's span, is this long and ends
# a sentence.
HEADLINE_WORDS = (3, 20)
PROSE_CHARS = 120
SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "»")
# A headline ends no sentence (nor a clause that opens a list, nor a quotation).
NOT_HEADLINE_ENDS = (*SENTENCE_ENDS, ":", ";", ")", "…")
REASON = "story_list"
# The heading of a summary set above an article's prose, whose points are shaped as headlines
# ("Key points", "Highlights", "In brief", "At a glance", "Summary", "What we know"): a run under
# it, even one the line model removed, is the article's own.
SUMMARY = re.compile(
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
LABEL = re.compile(r"^[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}:\s\S")


def drop_outer_lists(article: Article) -> None:
    """Step: runs of MIN_RUN or more headline-shaped paragraphs before the article's first
    paragraph of prose or after its last are removed, each with REASON. Text that main-text
    extraction made from HTML is left alone (the page's markup judged its blocks)."""
    paragraphs = article.text.split("\n\n")
    prose = [i for i, p in enumerate(paragraphs) if _prose(p)]
    if article.from_html or not prose:
        return
    summary = any(r.reason == LINE_MODEL and SUMMARY.match(r.text) for r in article.removed)
    dropped = _outer_runs(paragraphs, prose[0], prose[-1], summary)
    article.removed.extend(Removal(paragraphs[i].strip(), REASON) for i in sorted(dropped))
    article.text = "\n\n".join(p for i, p in enumerate(paragraphs) if i not in dropped)


def _outer_runs(paragraphs: list[str], first: int, last: int, summary: bool = False) -> set[int]:
    """The positions in runs of headlines that end before `first` or start after `last`, and that
    no clause with a colon introduces (a list of the article's own), nor a summary's heading:
    above the article's prose, the paragraph before it, or (`summary`) one the rules removed."""
    dropped: set[int] = set()
    start = 0
    while start < len(paragraphs):
        end = start
        while end < len(paragraphs) and _headline(paragraphs[end]):
            end += 1
        outside = end <= first or start > last
        introduced = start > 0 and _introduces(paragraphs[start - 1])
        summed = end <= first and (summary or (start > 0 and SUMMARY.match(paragraphs[start - 1].strip())))
        introduced = introduced or bool(summed)
        if end - start >= MIN_RUN and outside and not introduced and not _figures(paragraphs[start:end]):
            dropped.update(range(start, end))
        start = max(end, start + 1)
    return dropped


def _figures(run: list[str]) -> bool:
    """Whether the run is a list of figures or labelled entries ("Poland 48 howitzers", "Germany:
    18 Leopard 2A6"): half its lines or more hold a digit or open with a label, where a site's
    headlines seldom do (8 of the benchmark's 144 lines held a digit, none a label)."""
    counted = sum(any(c.isdigit() for c in p) or LABEL.match(p.strip()) is not None for p in run)
    return 2 * counted >= len(run)


def _introduces(paragraph: str) -> bool:
    """Whether the paragraph may introduce a list of the article's own: a clause with a colon, or
    a short sentence ("The package holds these weapons."), where a site's list follows the
    article's last paragraph of prose or a heading."""
    text = paragraph.strip()
    return text.endswith(":") or (text.endswith(SENTENCE_ENDS) and not _prose(text))


def _headline(paragraph: str) -> bool:
    text = paragraph.strip()
    words = len(text.split())
    shaped = HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] and "\n" not in text
    return shaped and not text.endswith(NOT_HEADLINE_ENDS)


def _prose(paragraph: str) -> bool:
    text = paragraph.strip()
    return len(text) >= PROSE_CHARS and text.endswith(SENTENCE_ENDS)
