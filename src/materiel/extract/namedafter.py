"""A speaker named after the quotation: a quotation that is a sentence of its own, with no
reporting clause, and a next sentence that says whose words it was ("“We need shells now.” That
was the message from Colonel Petrenko", "Those were the words of the minister", "That promise
came from Berg"). A news story may open on the words and name their speaker after them.
"""

from __future__ import annotations

import re

from materiel.extract.mention import Mention
from materiel.extract.sentences import Sentence

# Nouns of speech a sentence may point back to the quotation with (the owned speech nouns of
# speakers.py, less the accusations and descriptions that name someone else's words).
POINTING_NOUNS = r"""(?:comments?|remarks?|statements?|words|warnings?|claims?|promises?|pledges?|messages?
    |arguments?|vows?|admissions?|predictions?|reminders?|replies|reply|appeals?|verdict|assessment|plea)"""
# From the naming sentence's start to the speaker: a pointer back and a noun of speech ("That
# was the message", "Those were his words", "That promise"), right after it 'from' or 'of' (or
# 'came from'), then at most a few title words, no preposition among them, before the name ("That
# was the message from Ukrainian commander Oleh Marchuk"). Not an agent ("That claim was rejected
# by Moscow"), a source further on ("dismissed in a statement from"), nor a place ("the message of
# the day in Kyiv").
NAMED_AFTER = re.compile(
    r"""\W*(?:that|those|this|these|such)(?:\s+(?:was|were|is|are))?(?:\s+(?:the|a|an|his|her|their|its))?
    (?:\s+[\w-]+){0,2}?\s+"""
    + POINTING_NOUNS
    + r"""\s+(?:(?:came|comes|has\s+come|had\s+come)\s+)?(?:from|of)\s+(?:the\s+)?
    (?:(?!(?:in|at|on|during|after|before|for|with|about)\s)[\w'’.,-]+\s+){0,5}$""",
    re.IGNORECASE | re.VERBOSE,
)

# A possessive after a name: the owner of the speaker's office, not the speaker ("of Ukraine's
# deputy defence minister").
OWNER = re.compile(r"['’]s\b")


def named_after(masked: str, sentences: list[Sentence], last: int, mentions: list[Mention]) -> Mention | None:
    """The first name of the sentence after the quotation's last (`last`) that says whose words
    the quotation was, in the same paragraph; none where that sentence does not point back."""
    if last + 1 >= len(sentences) or sentences[last + 1].paragraph != sentences[last].paragraph:
        return None
    start = sentences[last + 1].start
    named = sorted((m for m in mentions if m.sentence == last + 1 and m.name), key=lambda m: m.start)
    for mention in named:
        if NAMED_AFTER.match(masked[start : mention.start]) and not OWNER.match(masked, mention.end):
            return mention
    return None
