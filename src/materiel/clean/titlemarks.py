"""What a page sets around a headline that is no part of it, and the lines above it that name
the sender rather than the story.

- A media label before it ("WATCH: Headline", "VIDEO: Headline", "LIVE: Headline"): the label
  goes, the headline stays. A label word that opens a headline ("Live fire drills resume",
  "Video shows ...", "Watch list: ...") is no label: the label is the word alone before a colon.
- A media or update mark after it ("Headline [VIDEO]", "Headline (Updated)", "Headline (PHOTOS)"):
  a bracket holding only such a word goes; any other bracket stays ("(NASAMS)", "(and more)").
- A wire's slug before it ("UPDATE 2-Headline", "EXCLUSIVE-Headline", "RPT-FACTBOX-Headline"): a
  feed's word in capitals glued to the headline by a hyphen; the reader's page shows the headline
  alone. The same word before a colon ("EXCLUSIVE: Headline") is the headline's and stays.
- Navigation set beside it with a bar ("Headline | Section | Outlet's motto", "Opinion | Headline"):
  a headline never holds a bar, so what the site's-name rules left of the bar's segments goes:
  the headline is the segment of the most words (a section's or an event's label is shorter).
- A letterhead above it ("MINISTRY OF DEFENCE OF LATVIA", "FOR IMMEDIATE RELEASE"): a ministry's
  or an embassy's name, or a release's kind, on a line of its own before the headline.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from materiel import regexcache

# A media label, the word(s) alone before a colon at the line's start.
_MEDIA_LABEL = regexcache.compile(
    r"""^\W*(?:
        watch | listen                            # "WATCH: ...", "Listen: ..."
      | videos? | photos? | pictures | gallery    # "VIDEO: ...", "PHOTOS: ..."
      | audio | podcast                           # "AUDIO: ..."
      | live(?:\ (?:updates|blog|coverage))?      # "LIVE: ...", "Live updates: ..."
    )\s*:\s+(?=\S)""",
    re.VERBOSE | re.IGNORECASE,
)
# A mark after the headline, in brackets, holding only a media or update word.
_TRAILING_MARK = regexcache.compile(
    r"""\s*[(\[]\s*(?:
        \+?\s*(?:with\s+)?(?:videos?|photos?|pictures|pics|gallery|audio|maps?|graphics?|infographic)
                                                  # "(VIDEO)", "[PHOTOS]", "(+VIDEO)", "(with video)"
      | watch | live                              # "[WATCH]", "(LIVE)"
      | updated? (?:\s+\d{1,2})?                  # "(Updated)", "(UPDATE 2)"
    )\s*[)\]]\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# A wire's slug: capitals, an update's number, a hyphen and the headline at once (case-sensitive:
# "Update-heavy" or "Analysis-led" open headlines in lower case after the capital).
_WIRE_SLUG = regexcache.compile(
    r"""^(?:
        (?:UPDATE|WRAPUP|CORRECTED-UPDATE)\ \d{1,2}          # "UPDATE 2-", "WRAPUP 1-": the story's version
      | EXCLUSIVE|ANALYSIS|FACTBOX|EXPLAINER|INSIGHT|FOCUS     # the story's kind
      | PREVIEW|TIMELINE|GRAPHIC|BREAKINGVIEWS|POLL
      | CORRECTED|REFILE|RPT|REPEAT                            # a resent story's marks
    )-(?=[A-Z0-9"'‘“])""",
    re.VERBOSE,
)
# A time stamp a page set after its headline ("... Published 24 mins ago", "... Updated 2 hours ago").
_TIMESTAMP = regexcache.compile(
    r"\s+(?:published|updated|posted)\s+\d+\s+(?:sec|min|hour|hr|day|week)s?\.?\s+ago\s*$", re.I
)
# A forum's or a mailing list's reply marks its subject ("Re: Headline", "RE[2]: ...", "Fwd: ..."),
# as a forum's or a message's label names it ("Topic: Headline", "Subject: ..."): the headline is
# the subject.
_REPLY = regexcache.compile(r"^(?:(?:(?:re|fwd?|aw)(?:\[\d+\])?|topic|thread|subject):\s+)+(?=\S)", re.I)
# The bars navigation sets between its items ("Subscribe | Login", "World · Europe").
_BAR_SPLIT = regexcache.compile(r"\s+(?:[|·•»]|::)\s+")
# A headline keeps at least this many words once a label or mark is gone.
MIN_LEFT_WORDS = 3

# The sender's name on a line of its own ("MINISTRY OF DEFENCE OF LATVIA", "Embassy of Japan in
# Ukraine"). Names are short and end the line, so
# a headline in capitals that starts alike ("MINISTRY OF DEFENCE SENDS TANKS") is none.
_NAME = r"(?:the\s+)?(?:republic\s+of\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?"  # "Latvia", "the Republic of Korea"
_LETTERHEAD = regexcache.compile(
    rf"""^(?:
        (?:ministry|department)\s+of\s+(?:the\s+)?(?:national\s+)?
        (?:defen[cs]e|foreign\s+affairs|state|the\s+interior|interior|armed\s+forces)
        (?:\s+of\s+{_NAME})?                                 # "Ministry of Defence of Latvia"
      | (?:embassy|consulate|(?:permanent\s+)?mission)\s+of\s+{_NAME}
        (?:\s+(?:in|to)\s+{_NAME})?                          # "Embassy of Japan in Ukraine"
      | government\s+of\s+{_NAME}                            # "GOVERNMENT OF CANADA"
      | office\s+of\s+the\s+(?:president|prime\s+minister)(?:\s+of\s+{_NAME})?   # a head's office
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
# A release's kind, in any case ("For immediate release", "PRESS RELEASE"); it never opens a
# headline, so no capitals are needed to tell it from one.
_RELEASE_KIND = regexcache.compile(
    r"""^\W*(?:
        for\s+immediate\s+release                                 # "For immediate release"
      | (?:joint\s+)?(?:press|news|media)\s+(?:release|statement)  # "Press release", "Joint statement"
    )\W*$""",
    re.VERBOSE | re.IGNORECASE,
)


def without_label(line: str) -> str:
    """The headline after a media label ("WATCH: Headline" -> "Headline"); the line unchanged
    when it has none or too few words would stay."""
    rest = _MEDIA_LABEL.sub("", line, count=1)
    return rest if len(rest.split()) >= MIN_LEFT_WORDS else line


def bare_headline(title: str) -> str:
    """The headline without what a page sets around it: a time stamp, a reply's mark, a wire's
    slug, a media label, the marks after it."""
    return without_marks(without_label(without_slug(_REPLY.sub("", _TIMESTAMP.sub("", title)))))


def bar_items(line: str) -> list[str]:
    """The items of a line that bars divide (the line alone when none does)."""
    return _BAR_SPLIT.split(line)


def without_slug(title: str) -> str:
    """The headline without the wire's slugs before it ("RPT-UPDATE 1-Headline" -> "Headline")."""
    while (slug := _WIRE_SLUG.match(title)) and len(title[slug.end() :].split()) >= MIN_LEFT_WORDS:
        title = title[slug.end() :]
    return title


# The bar that navigation sets between a page title's segments; a headline uses dashes and colons.
_TITLE_BAR = regexcache.compile(r"\s+\|\s+")
_DASHED = regexcache.compile(r"\s+[-–—]\s+")


def without_bar_segments(title: str) -> str:
    """The headline without the segments a bar sets beside it ("Headline | Outlet - Latest news
    from the region" -> "Headline", "Opinion | Headline" -> "Headline", "Event 2018 | Headline of
    the story" -> "Headline of the story"): the segment of the most words, a segment's words
    counted up to a spaced dash in it (an outlet's motto after its name), the first of equal ones;
    the title as it is when that segment has fewer than MIN_LEFT_WORDS."""
    segments = [s.strip() for s in _TITLE_BAR.split(title)]
    if len(segments) < 2:
        return title
    longest = max(segments, key=lambda s: len(_DASHED.split(s)[0].split()))  # max keeps the first
    return longest if len(longest.split()) >= MIN_LEFT_WORDS else title


def without_marks(title: str) -> str:
    """The headline without the media or update marks after it ("Headline (PHOTOS) [VIDEO]")."""
    while (mark := _TRAILING_MARK.search(title)) and len(title[: mark.start()].split()) >= MIN_LEFT_WORDS:
        title = title[: mark.start()]
    return title


def has_label(line: str) -> bool:
    return without_label(line) != line


def letterhead(line: str) -> bool:
    """A sender's name in capitals or title case, or a release's kind, on a line of its own."""
    if _RELEASE_KIND.match(line.strip()):
        return True
    words = line.split()
    named = all(w[:1].isupper() or w.casefold() in ("of", "for", "and", "the", "in", "to", "&") for w in words)
    return named and _LETTERHEAD.match(line.strip()) is not None


# The words of a page's address that name its story ("/2024/05/estonia-orders-six-radars"): the
# last segment of the path split at hyphens and underscores, without figures and file endings.
# At least this many, or the segment is an id ("/article/12345", "/news/view").
MIN_SLUG_WORDS = 3
_SLUG_WORD = regexcache.compile(r"[^\W\d_]+")
_FILE_END = regexcache.compile(r"\.(?:html?|php|aspx?|shtml)$", re.IGNORECASE)


def slug_words(url: str | None) -> frozenset[str]:
    """The words of the address's last path segment, lower case (empty when it names no story)."""
    segments = [s for s in urlparse(url or "").path.split("/") if s]
    words = _SLUG_WORD.findall(_FILE_END.sub("", segments[-1]).casefold()) if segments else []
    return frozenset(words) if len(words) >= MIN_SLUG_WORDS else frozenset()


def slug_share(line: str, slug: frozenset[str]) -> float:
    """Share of the address's story words that the line holds."""
    words = {w.casefold() for w in _SLUG_WORD.findall(line)}
    return len(slug & words) / len(slug) if slug else 0.0
