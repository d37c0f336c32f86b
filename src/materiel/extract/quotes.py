"""Direct quotations and their speakers.

A quotation is text between matching quote marks (straight, curly, guillemets), or from an
opening mark to the end of its paragraph when the quote runs on into the next one. Its speaker
is the subject of the reporting verb beside it ("said Michael O'Hanlon", "Jeong said"); a pronoun
resolves to the last person named before it; a quote with no reporting verb near it continues
the previous quote's speaker when it follows it directly.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.article import Quote, Span, Speaker
from materiel.extract.context import PRONOUNS, Context, Paragraph

QUOTED = re.compile(
    r"""
    "(?P<straight>[^"\n]+)(?:"|$)          # straight double quotes
  | “(?P<curly>[^”\n]+)(?:”|$)              # curly double quotes
  | «(?P<guillemets>[^»\n]+)(?:»|$)         # guillemets
""",
    re.VERBOSE | re.MULTILINE,
)
SAY_VERBS = {
    "say",
    "tell",
    "add",
    "write",
    "state",
    "declare",
    "insist",
    "explain",
    "stress",
    "warn",
    "note",
    "argue",
    "claim",
    "continue",
    "conclude",
    "ask",
    "reply",
    "respond",
    "tweet",
    "post",
    "assess",
    "announce",
    "comment",
    "remark",
    "assert",
    "acknowledge",
    "admit",
    "read",
}
# A quotation shorter than this many words is a phrase being cited ("scare quotes"), not speech.
MIN_QUOTE_WORDS = 3


def find_quotes(context: Context) -> list[Quote]:
    quotes: list[Quote] = []
    for paragraph in context.paragraphs:
        for match in QUOTED.finditer(paragraph.text):
            text = next(g for g in match.groups() if g is not None).strip()
            if len(text.split()) < MIN_QUOTE_WORDS:
                continue
            span = Span(paragraph.offset + match.start(), paragraph.offset + match.end())
            speaker = _speaker(context, paragraph, match) or _continued(quotes, span, context)
            quotes.append(Quote(speaker, text.rstrip(",. "), span))
    return quotes


def _speaker(context: Context, paragraph: Paragraph, match: re.Match[str]) -> Speaker | None:
    verbs = [
        t
        for t in paragraph.doc
        if t.lemma_.lower() in SAY_VERBS
        and t.pos_ in ("VERB", "AUX")
        and not match.start() <= t.idx < match.end()
    ]
    if not verbs:
        return None
    verb = min(verbs, key=lambda t: _distance(t, match))
    subjects = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and not match.start() <= c.idx < match.end()
    ]
    if not subjects:
        return None
    return _who(context, paragraph, subjects[0])


def _distance(token: Token, match: re.Match[str]) -> int:
    return min(abs(token.idx - match.start()), abs(token.idx - match.end()))


def _who(context: Context, paragraph: Paragraph, head: Token) -> Speaker | None:
    at = paragraph.offset + head.idx
    if head.lower_ in PRONOUNS:
        person = context.last_person(at)
        return Speaker(person.name, None, person.actor_id) if person else None
    if head.lower_ in ("it", "they", "we", "i", "you", "who", "which", "that"):
        return None
    people = [
        e
        for e in paragraph.doc.ents
        if e.label_ == "PERSON" and head.left_edge.i <= e.start and e.end <= head.right_edge.i + 1
    ]
    if people:
        name = people[0].text
        known = context.full_name(name, at)
        return Speaker(
            known.name if known else name,
            _affiliation(head, people[0].end),
            known.actor_id if known else None,
        )
    tokens = [t for t in head.subtree if t.dep_ not in ("relcl", "punct")][:8]
    return Speaker(" ".join(t.text for t in tokens).replace(" 's", "'s"))


def _affiliation(head: Token, after: int) -> str | None:
    rest = [t for t in head.subtree if t.i >= after and t.dep_ in ("prep", "pobj", "compound", "det")]
    orgs = [
        e for e in head.doc.ents if e.label_ == "ORG" and e.start >= after and e.end <= head.right_edge.i + 1
    ]
    return orgs[0].text if orgs and rest else None


def _continued(quotes: list[Quote], span: Span, context: Context) -> Speaker | None:
    """A quote standing alone right after another quote continues the same speaker."""
    if not quotes or quotes[-1].span is None:
        return None
    gap = context.article.text[quotes[-1].span.end : span.start]
    return quotes[-1].speaker if len(gap) < 200 else None
