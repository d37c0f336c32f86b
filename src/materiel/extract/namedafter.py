"""A speaker named after the quotation: a quotation that is a sentence of its own, with no
reporting clause, and a next sentence that says whose words it was ("“We need shells now.” That
was the message from Colonel Petrenko", "Those were the words of the minister", "That promise
came from Berg", "So said Berg", "Berg made the remark in Oslo"). A news story may open on the
words and name their speaker after them, in the same paragraph or as the next one's opening.
"""

from __future__ import annotations

import re

from materiel.extract.mention import Mention
from materiel.extract.sentences import Sentence

# Nouns of speech a sentence may point back to the quotation with (the owned speech nouns of
# speakers.py, less the accusations and descriptions that name someone else's words; plus the
# views and answers a quotation gives: "That was the view of Berg").
POINTING_NOUNS = r"""(?:comments?|remarks?|statements?|words|warnings?|claims?|promises?|pledges?|messages?
    |arguments?|vows?|admissions?|predictions?|reminders?|replies|reply|appeals?|verdict|assessment|plea
    |views?|opinion|answers?|response|reaction|conclusion)"""
# Title words before the name ("Ukrainian commander Oleh Marchuk"): no preposition of time or place
# among them, nor a word that opens a clause of its own ("the banner, which Berg had").
TITLE_WORDS = r"""(?:(?!(?:in|at|on|during|after|before|for|with|about|over|under|near|by|to
    |which|who|whom|whose|that|where|when|while|and|but)\s)[\w'’.,-]+\s+){0,5}$"""
# From the naming sentence's start to the speaker, one alternative a form:
NAMED_AFTER = re.compile(
    r"""\W*(?:
        # a pointer back and a noun of speech ("That was the message", "Those were his words", "That
        # promise", "The words"), right after it 'from' or 'of' (or 'came from'); not an agent ("That
        # claim was rejected by Moscow"), a source further on ("dismissed in a statement from"), nor
        # a place ("the message of the day in Kyiv")
        (?:that|those|this|these|such|the)(?:\s+(?:was|were|is|are))?(?:\s+(?:the|a|an|his|her|their|its))?
        (?:\s+[\w-]+){0,2}?\s+"""
    + POINTING_NOUNS
    + r"""\s+(?:(?:came|comes|has\s+come|had\s+come)\s+)?(?:from|of)
        # "The words were those of", "The warning was that of": the noun of speech, then whose it was
        |(?:the|those|these|such)\s+"""
    + POINTING_NOUNS
    + r"""\s+(?:was|were|is|are)\s+(?:those|that)\s+of
        # "So said the minister", "Thus spoke Berg": the verb of saying before its subject
        |(?:so|thus)\s+(?:said|says|wrote|writes|spoke|speaks|argued|argues)
    )\s+(?:the\s+)?"""
    + TITLE_WORDS,
    re.IGNORECASE | re.VERBOSE,
)
# A sentence opened by its subject's name and titles ("Secretary General Anna Berg", "The
# minister"), the name's apposition between commas allowed after it.
OPENED_BY = re.compile(r"^\W*(?:(?:the|former|[A-Z][\w.’'-]*)\s+)*$")
# After that subject: a verb that makes the quotation its remark ("Berg made the remark as she left",
# "Berg, the minister, gave that answer on Monday").
MADE_REMARK = re.compile(
    r"""(?:\s*,[^,.;“”"«»]{1,80},)?\s+(?:made|gave|offered|delivered)\s+(?:the|these|those|this|that|his|her|their)
        \s+(?:[\w-]+\s+)?"""
    + POINTING_NOUNS
    + r"\b",
    re.IGNORECASE | re.VERBOSE,
)

# A possessive after a name: the owner of the speaker's office, not the speaker ("of Ukraine's
# deputy defence minister").
OWNER = re.compile(r"['’]s\b")


def named_after(masked: str, sentences: list[Sentence], last: int, mentions: list[Mention]) -> Mention | None:
    """The first name of the sentence after the quotation's last (`last`) that says whose words
    the quotation was; none where that sentence does not point back."""
    if last + 1 >= len(sentences):
        return None
    start = sentences[last + 1].start
    named = sorted((m for m in mentions if m.sentence == last + 1 and m.name), key=lambda m: m.start)
    for mention in named:
        if OWNER.match(masked, mention.end):
            continue
        before = masked[start : mention.start]
        if NAMED_AFTER.match(before) or (OPENED_BY.match(before) and MADE_REMARK.match(masked, mention.end)):
            return mention
    return None
