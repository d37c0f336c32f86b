"""An interview's answers: a paragraph that is a quotation and nothing else, right after the
reporter's question, is the answer of the person interviewed.

An interview set as questions and answers prints the reporter's question as a paragraph of its own,
outside quotation marks, ending with its question mark ("Will you buy Patriot systems?"), or tells
the asking ("I asked him whether the war would last"), and the answer as the next paragraph, a bare
quotation with no reporting clause. The one who answers is the one the interview is with: the
person the text named just before the questions began ("Defence Secretary Alan Pryce sat down with
us in his office." or "Ingrid Solheim has led the agency for six years."), past the earlier
questions and bare answers of the same interview, or the one the reporter says they asked ("I
asked him": its antecedent). An answer with its own attribution ("“...,” Holt said"), or a
question that is itself quoted, is left to the ranker. A transcript's "A:" before the answer
leaves it bare.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from materiel.extract.mention import Mention
from materiel.extract.quotations import Quotation

if TYPE_CHECKING:
    from materiel.extract.speakers import Setting

# The reporter's question: a paragraph whose last words end with a question mark (after a closing
# bracket at most), with no quotation mark in it (a quoted question is someone's words).
QUESTION = re.compile(r"\?[)\]]?\s*$")
QUOTE_MARK = re.compile(r"[“”\"«»„]")
# The reporter telling that they asked the one who answers: "I asked him whether", "We then asked
# her about"; the pronoun stands for the person interviewed.
ASKED = re.compile(r"\b(?:I|we)\s+(?:then\s+|also\s+|later\s+)?asked\s+(?P<whom>him|her)\b", re.IGNORECASE)
# What may stand around an answer's quotation in its paragraph: nothing but spaces and stops.
BARE = re.compile(r"^[\s.,;:–—-]*$")
# The label a transcript sets before an answer ("A: “...”", "Answer: “...”"): the answer stays bare.
ANSWER_LABEL = re.compile(r"^\s*(?:A|Answer|ANSWER)\s*:")
# Kinds of mention that name the person interviewed (a surname, pronoun or role noun once resolved).
PERSON_KINDS = {"person", "single", "pronoun", "role"}
# Questions and answers walked back over to find the paragraph that introduced the interview
# (an interview seldom runs longer in one article; the bound keeps a long page cheap).
MAX_EXCHANGE = 24


def interviewee(quote: Quotation, setting: Setting, previous: str | None, earlier: list[str]) -> Mention | str | None:
    """Who answers `quote`, when it is an interview's bare answer (see the module's doc): the
    speaker of the quotation just before (`previous`, an earlier answer), else the one introduced
    before the questions began, else the article's last earlier speaker (`earlier`, in order); for
    "I asked him", the pronoun's person, else that last speaker. None for any other quotation."""
    paragraphs = _paragraph_spans(setting)
    if quote.paragraph not in paragraphs or not _bare(quote, paragraphs[quote.paragraph], setting.masked):
        return None
    index = quote.paragraph - 1
    last = earlier[-1] if earlier else None
    asked = _asked(index, paragraphs, setting)
    if asked is not None:
        return asked or last or _first_person(index, setting)
    if not _question(index, paragraphs, setting.masked):
        return None
    if previous:
        return previous
    for _ in range(MAX_EXCHANGE):
        index -= 1
        if index not in paragraphs:
            return last
        if not (_question(index, paragraphs, setting.masked) or _bare_paragraph(index, paragraphs, setting.masked)):
            return _first_person(index, setting) or last
    return last


def _paragraph_spans(setting: Setting) -> dict[int, tuple[int, int, int, int]]:
    """Each paragraph's text span and sentence range: (start, end, first sentence, last sentence)."""
    spans: dict[int, tuple[int, int, int, int]] = {}
    for index, sentence in enumerate(setting.sentences):
        start, _, first, _ = spans.get(sentence.paragraph, (sentence.start, 0, index, 0))
        spans[sentence.paragraph] = (start, sentence.end, first, index)
    return spans


def _bare(quote: Quotation, span: tuple[int, int, int, int], masked: str) -> bool:
    """The quotation is the whole of its paragraph."""
    before = ANSWER_LABEL.sub("", masked[span[0] : quote.start], count=1)
    return bool(BARE.match(before) and BARE.match(masked[quote.end : span[1]]))


def _bare_paragraph(index: int, paragraphs: dict, masked: str) -> bool:
    """A paragraph that is one quotation and nothing else (an earlier answer)."""
    start, end = paragraphs[index][:2]
    text = ANSWER_LABEL.sub("", masked[start:end], count=1).strip()
    return len(text) > 2 and text[0] in '“"«„' and text[-1] in '”"»' and not QUOTE_MARK.search(text[1:-1])


def _question(index: int, paragraphs: dict, masked: str) -> bool:
    """The reporter's question: a paragraph ending with a question mark, holding no quotation."""
    if index not in paragraphs:
        return False
    text = masked[paragraphs[index][0] : paragraphs[index][1]]
    return QUESTION.search(text) is not None and QUOTE_MARK.search(text) is None


def _asked(index: int, paragraphs: dict, setting: Setting) -> Mention | str | None:
    """The resolved pronoun of "I asked him" in the paragraph before the answer; "" where the
    paragraph tells the asking but the pronoun is not read as a mention; none where it does not."""
    if index not in paragraphs:
        return None
    start, end = paragraphs[index][:2]
    found = ASKED.search(setting.masked, start, end)
    if found is None:
        return None
    at = found.start("whom")
    return next((m for m in setting.mentions if m.start == at and m.name), "")


def _first_person(index: int, setting: Setting) -> Mention | None:
    """The first person named in the paragraph that introduced the interview: a full name, or a
    surname, pronoun or role noun resolved to one (a lone capitalised word may be anything)."""
    named = [m for m in setting.mentions if m.name and (m.kind == "person" or (m.kind in PERSON_KINDS and m.via))]
    return next((m for m in named if setting.sentences[m.sentence].paragraph == index), None)
