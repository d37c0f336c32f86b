"""The person a "he" or "she" stands for when that person is named in a paragraph the NLP left out.

The NLP reads the paragraphs that name materiel and the speech beside them (`nlp`), and the
people of those paragraphs are the antecedents a pronoun source may take (`Context.people`). A
story often names someone in a paragraph of its own that says nothing of arms ("Defence Minister
Jan Kowal arrived in Kyiv on Monday."), and goes on a paragraph or two later with "He said Poland
would send tanks". Then the person named last before the pronoun is in a paragraph nobody read,
and the pronoun either finds nobody or someone named before that person. Here the paragraphs
between the last person the read paragraphs name and the pronoun are read for people, nearest
first, and the last person named in the nearest of them that names one is the antecedent.
"""

from __future__ import annotations

from functools import lru_cache

from materiel.extract.context import Context, Person, name_like
from materiel.extract.nlp import load_model
from materiel.extract.quotations import inside, quoted_spans

# How many paragraphs before a pronoun's own are read for a person named in them: a "he" at the
# head of a paragraph points at most a couple of paragraphs up when nobody is named in between
# (set, not tuned: past that, a story names the person again).
PARAGRAPHS_BACK = 2
# The languages of the paragraphs whose people the English model may read (as `context` reads them).
ENGLISH = ("en", "und")
# How many unread paragraphs' people are kept once found (several sources of one article).
CACHED_PARAGRAPHS = 64


def pronoun_person(context: Context, at: int) -> Person | None:
    """The antecedent of a "he"/"she" at article offset `at`: the last person of the read
    paragraphs, unless a paragraph left unread between that person and the pronoun names one."""
    known = context.last_person(at, subject=True)
    for offset, text in _unread_before(context, at, known.start if known else -1):
        people = _people(text)
        if people:
            subjects = [p for p in people if p[2]] or people
            start, name, subject = subjects[-1]
            return Person(name, offset + start, None, subject)
    return known


def _unread_before(context: Context, at: int, floor: int) -> list[tuple[int, str]]:
    """The English paragraphs the NLP read for no people that lie after `floor` and among the
    PARAGRAPHS_BACK before the one holding `at`, nearest first."""
    paragraphs = context.article.paragraphs()
    languages = context.article.paragraph_languages or [ENGLISH[0]] * len(paragraphs)
    own = next((n for n, (offset, text) in enumerate(paragraphs) if offset <= at < offset + len(text)), None)
    if own is None:
        return []
    read = {p.offset for p in context.paragraphs}
    first = max(0, own - PARAGRAPHS_BACK)
    pairs = zip(paragraphs[first:own], languages[first:own], strict=False)
    before = [paragraph for paragraph, language in pairs if language in ENGLISH]
    return [(offset, text) for offset, text in reversed(before) if offset not in read and offset > floor]


@lru_cache(maxsize=CACHED_PARAGRAPHS)
def _people(text: str) -> tuple[tuple[int, str, bool], ...]:
    """The people a paragraph names outside quotation marks: (offset, name, named as a subject)."""
    quotations = quoted_spans(text)
    found = []
    for ent in load_model()(text).ents:
        if ent.label_ == "PERSON" and name_like(ent) and not inside(ent.start_char, quotations):
            found.append((ent.start_char, ent.text, ent.root.dep_ in ("nsubj", "nsubjpass")))
    return tuple(found)
