"""A press release's note on the company under it: the heading "About <Name>" alone on its line,
then a paragraph that opens with the name and says what kind of organisation it is ("Example
Dynamics is a global aerospace and defence company ..."). The note is the issuer's boilerplate,
printed under every release it sends, never the news.

Both tests must hold: the heading names something in capitals (not "About 40 percent ..."), and
the paragraph under it defines that name as a company, a group, an agency (not an article's own
subheading on a place or a weapon, whose paragraph describes what happened). It stands below the
release's own text (the foot of a page may still hold its contacts, notes and links, so its place
is not counted from the end).
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.article import Article, Removal

REASON = "company_note"
# "About Example Dynamics", "About Acme Corp.", "About the Example Group": a name of up to six
# words in capitals (small joining words allowed), and nothing after it but a colon.
_HEADING = regexcache.compile(
    r"""^\W*about\ (?:the\ )?
        (?P<name>(?-i:[A-Z0-9])[\w.&'’-]*(?:\ (?:(?-i:[A-Z0-9])[\w.&'’-]*|&|and|of|for|de|du|la)){0,5})
        \s*:?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# The note defines the name: "<Name> (NYSE: EX) is a ... company", "<Name>, a ... group, ...",
# "Founded in 1950, <Name> is ...", within its first sentence.
_KIND = regexcache.compile(
    r"""\b(?:is|was|are|,)\ (?:a|an|the|one\ of\ the|europe['’]s|the\ world['’]s)\b[^.]{0,160}?\b
        (?:company|companies|corporation|firm|group|manufacturer|maker|supplier|provider|leader|
        contractor|enterprise|organi[sz]ation|agency|institute|association|foundation|subsidiary|
        business|developer|producer|integrator|consortium|holding|conglomerate|start-?up)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The note's first sentence names the company within this many characters of the paragraph's start.
MAX_NAME_OFFSET = 60
MAX_NOTE_CHARS = 1500
# The headline and the release's first paragraph come before any note on the issuer.
MIN_NOTE_PLACE = 2


def drop_company_notes(article: Article) -> None:
    """Step: each "About <Name>" heading below the release's first paragraph, with the note under
    it that defines the name as an organisation."""
    lines = article.text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for place in range(MIN_NOTE_PLACE, len(filled) - 1):
        index, note = filled[place], filled[place + 1]
        if _company_note(lines[index].strip(), lines[note].strip()):
            article.removed.append(Removal(f"{lines[index].strip()}\n{lines[note].strip()}", REASON))
            lines[index] = lines[note] = ""
    article.text = "\n".join(lines)


def _company_note(heading: str, note: str) -> bool:
    found = _HEADING.match(heading)
    if found is None or len(note) > MAX_NOTE_CHARS:
        return False
    first_word = found["name"].split()[0].casefold()
    opening = note[: MAX_NAME_OFFSET + len(found["name"])].casefold()
    if first_word not in opening:
        return False
    sentence = note.split(". ", 1)[0]
    return _KIND.search(sentence) is not None
