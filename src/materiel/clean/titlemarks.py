"""What a page sets around a headline that is no part of it, and the lines above it that name
the sender rather than the story.

- A media label before it ("WATCH: Headline", "VIDEO: Headline", "LIVE: Headline"): the label
  goes, the headline stays. A label word that opens a headline ("Live fire drills resume",
  "Video shows ...", "Watch list: ...") is no label: the label is the word alone before a colon.
- A media or update mark after it ("Headline [VIDEO]", "Headline (Updated)", "Headline (PHOTOS)"):
  a bracket holding only such a word goes; any other bracket stays ("(NASAMS)", "(and more)").
- A letterhead above it ("MINISTRY OF DEFENCE OF LATVIA", "FOR IMMEDIATE RELEASE"): a ministry's
  or an embassy's name, or a release's kind, on a line of its own before the headline.
"""

from __future__ import annotations

import re

# A media label, the word(s) alone before a colon at the line's start.
_MEDIA_LABEL = re.compile(
    r"""^\W*(?:
        watch | listen                            # "WATCH: ...", "Listen: ..."
      | videos? | photos? | pictures | gallery    # "VIDEO: ...", "PHOTOS: ..."
      | audio | podcast                           # "AUDIO: ..."
      | live(?:\ (?:updates|blog|coverage))?      # "LIVE: ...", "Live updates: ..."
    )\s*:\s+(?=\S)""",
    re.VERBOSE | re.IGNORECASE,
)
# A mark after the headline, in brackets, holding only a media or update word.
_TRAILING_MARK = re.compile(
    r"""\s*[(\[]\s*(?:
        \+?\s*(?:with\s+)?(?:videos?|photos?|pictures|pics|gallery|audio|maps?|graphics?|infographic)
                                                  # "(VIDEO)", "[PHOTOS]", "(+VIDEO)", "(with video)"
      | watch | live                              # "[WATCH]", "(LIVE)"
      | updated? (?:\s+\d{1,2})?                  # "(Updated)", "(UPDATE 2)"
    )\s*[)\]]\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# A headline keeps at least this many words once a label or mark is gone.
MIN_LEFT_WORDS = 3

# The sender's name or the release's kind on a line of its own ("MINISTRY OF DEFENCE OF LATVIA",
# "Embassy of Japan in Ukraine", "FOR IMMEDIATE RELEASE"). Names are short and end the line, so
# a headline in capitals that starts alike ("MINISTRY OF DEFENCE SENDS TANKS") is none.
_NAME = r"(?:the\s+)?(?:republic\s+of\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?"  # "Latvia", "the Republic of Korea"
_LETTERHEAD = re.compile(
    rf"""^(?:
        (?:ministry|department)\s+of\s+(?:the\s+)?(?:national\s+)?
        (?:defen[cs]e|foreign\s+affairs|state|the\s+interior|interior|armed\s+forces)
        (?:\s+of\s+{_NAME})?                                 # "Ministry of Defence of Latvia"
      | (?:embassy|consulate|(?:permanent\s+)?mission)\s+of\s+{_NAME}
        (?:\s+(?:in|to)\s+{_NAME})?                          # "Embassy of Japan in Ukraine"
      | government\s+of\s+{_NAME}                            # "GOVERNMENT OF CANADA"
      | office\s+of\s+the\s+(?:president|prime\s+minister)(?:\s+of\s+{_NAME})?   # a head's office
      | for\s+immediate\s+release                             # a release's kind
      | (?:joint\s+)?(?:press|news|media)\s+(?:release|statement)
    )$""",
    re.VERBOSE | re.IGNORECASE,
)


def without_label(line: str) -> str:
    """The headline after a media label ("WATCH: Headline" -> "Headline"); the line unchanged
    when it has none or too few words would stay."""
    rest = _MEDIA_LABEL.sub("", line, count=1)
    return rest if len(rest.split()) >= MIN_LEFT_WORDS else line


def without_marks(title: str) -> str:
    """The headline without the media or update marks after it ("Headline (PHOTOS) [VIDEO]")."""
    while (mark := _TRAILING_MARK.search(title)) and len(title[: mark.start()].split()) >= MIN_LEFT_WORDS:
        title = title[: mark.start()]
    return title


def has_label(line: str) -> bool:
    return without_label(line) != line


def letterhead(line: str) -> bool:
    """A sender's name or a release's kind in capitals or title case, on a line of its own."""
    words = line.split()
    named = all(w[:1].isupper() or w.casefold() in ("of", "for", "and", "the", "in", "to", "&") for w in words)
    return named and _LETTERHEAD.match(line.strip()) is not None
