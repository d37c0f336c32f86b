"""Direct quotations and their speakers.

A quotation is text between matching quote marks (straight, curly, guillemets), or from an
opening mark to the end of its paragraph when the quote runs on into the next one. Its speaker
is the subject of the reporting verb beside it ("said Michael O'Hanlon", "Jeong said"); a pronoun
resolves to the last person named before it as a clause's subject, outside quotation marks; a
quote with no reporting verb near it continues the previous quote's speaker when it follows it
directly.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.article import Quote, Span, Speaker
from materiel.extract.context import PRONOUNS, Context, Paragraph
from materiel.extract.speech import (
    clause_speaker,
    continue_speakers,
    continued_speaker,
    last_person_at,
    quotes_without_nlp,
)

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


# Nouns that stand for a person named earlier ("the MP added", "the French president said").
ROLE_NOUNS = {
    "president",
    "leader",
    "minister",
    "mp",
    "lawmaker",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "diplomat",
    "chancellor",
    "senator",
    "secretary",
    "premier",
    "envoy",
    "ambassador",
    "commander",
    "general",
    "chief",
    "head",
    "governor",
    "mayor",
    "prince",
    "king",
    "candidate",
    "founder",
    "analyst",
    "expert",
    "politician",
    "congressman",
    "congresswoman",
}
# Nouns that stand for an organisation named earlier ("the statement said", "the report says").
DOCUMENT_NOUNS = {
    "statement",
    "report",
    "ministry",
    "department",
    "agency",
    "office",
    "government",
    "readout",
    "assessment",
    "update",
    "communique",
    "release",
}


def find_quotes(context: Context) -> list[Quote]:
    """Quotations of the parsed paragraphs (speakers from the parse), and of the other English
    paragraphs (speakers from patterns), in text order."""
    parsed = {p.offset for p in context.paragraphs}
    others = [
        (offset, text)
        for (offset, text), language in zip(
            context.article.paragraphs(), context.article.paragraph_languages or [], strict=False
        )
        if offset not in parsed and language in ("en", "und")
    ]
    quotes = _parsed_quotes(context) + quotes_without_nlp(context.article.text, others)
    return continue_speakers(sorted(quotes, key=lambda q: q.span.start if q.span else 0))


def _parsed_quotes(context: Context) -> list[Quote]:
    quotes: list[Quote] = []
    for paragraph in context.paragraphs:
        for match in QUOTED.finditer(paragraph.text):
            text = next(g for g in match.groups() if g is not None).strip()
            if len(text.split()) < MIN_QUOTE_WORDS:
                continue
            span = Span(paragraph.offset + match.start(), paragraph.offset + match.end())
            speaker = (
                _speaker(context, paragraph, match)
                or _pattern_speaker(context, paragraph, match)
                or _continued(quotes, span)
                or _introducer(context, paragraph, match)
            )
            quotes.append(Quote(speaker, text.rstrip(), span))
    return quotes


def _speaker(context: Context, paragraph: Paragraph, match: re.Match[str]) -> Speaker | None:
    verbs = [
        t
        for t in paragraph.doc
        if t.lemma_.lower() in SAY_VERBS and t.pos_ in ("VERB", "AUX") and not match.start() <= t.idx < match.end()
    ]
    if not verbs:
        return None
    verb = min(verbs, key=lambda t: _distance(t, match))
    subjects = _subjects(verb, match)
    return _who(context, paragraph, subjects[0]) if subjects else None


def _pattern_speaker(context: Context, paragraph: Paragraph, match: re.Match[str]) -> Speaker | None:
    """The reporting clause read by pattern, where the parse found none ('According to X, "..."')."""
    name = clause_speaker(context.article.text, paragraph.offset, paragraph.text, match)
    return Speaker(name) if name else None


def _subjects(verb: Token, match: re.Match[str]) -> list[Token]:
    """The reporting verb's subject; a verb joined to another ('claimed ... but said') shares its
    subject; 'who' is the noun its clause describes ('Kirk, who ... wrote')."""
    node = verb
    for _ in range(3):
        found = [
            c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and not match.start() <= c.idx < match.end()
        ]
        if found and found[0].lower_ in ("who", "which", "that") and node.dep_ == "relcl":
            return [node.head]
        if found:
            return found
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head is node:
            break
        node = node.head
    return []


def _distance(token: Token, match: re.Match[str]) -> int:
    return min(abs(token.idx - match.start()), abs(token.idx - match.end()))


def _who(context: Context, paragraph: Paragraph, head: Token) -> Speaker | None:
    at = paragraph.offset + head.idx
    if head.lower_ in PRONOUNS:
        return _latest_person(context, at)
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
    lemma = head.lemma_.lower()
    if lemma in ROLE_NOUNS and _common_noun(head):
        return _latest_person(context, at) or _described(head)
    if lemma in DOCUMENT_NOUNS and head.pos_ == "NOUN" and context.last_organisation(at):
        return Speaker(context.last_organisation(at) or "")
    return _described(head)


def _common_noun(head: Token) -> bool:
    """A noun used as a role, not a name: tagged so, or after "the" (the model tags "MP" a name)."""
    return head.pos_ == "NOUN" or (head.pos_ == "PROPN" and any(c.lower_ == "the" for c in head.children))


def _latest_person(context: Context, at: int) -> Speaker | None:
    """The last person named before `at`: from the parse, or by pattern when the parse found
    none or the pattern's name is later and in a paragraph the NLP did not read."""
    parsed = context.last_person(at, subject=True)
    pattern = last_person_at(context.article.text, at)
    if pattern is not None and (parsed is None or _later_and_unparsed(context, pattern[0], parsed)):
        return Speaker(pattern[1])
    return _person(parsed)


def _later_and_unparsed(context: Context, at: int, parsed) -> bool:
    """Is the pattern's name later than the parse's, in a paragraph the NLP did not read? Where
    it did, the parse knows subjects from objects ("Landsbergis does not agree ... with Putin")."""
    later = at > parsed.start + len(parsed.name)
    return later and not any(p.offset <= at < p.offset + len(p.text) for p in context.paragraphs)


def _person(person) -> Speaker | None:
    return Speaker(person.name, None, person.actor_id) if person else None


def _described(head: Token) -> Speaker:
    """A speaker described, not named ("a senior US official"), without the clause on it
    ("who spoke on condition of anonymity")."""
    clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in clauses and t.dep_ != "punct"][:8]
    return Speaker(" ".join(t.text for t in tokens).replace(" 's", "'s"))


def _introducer(context: Context, paragraph: Paragraph, match: re.Match[str]) -> Speaker | None:
    """A quotation with no reporting verb near it ("...: "If a robber comes..."") belongs to the
    last person named before it in its paragraph."""
    before = [e for e in paragraph.doc.ents if e.label_ == "PERSON" and e.end_char <= match.start()]
    if not before:
        return None
    known = context.full_name(before[-1].text, paragraph.offset + before[-1].start_char)
    return Speaker(known.name if known else before[-1].text, None, known.actor_id if known else None)


def _affiliation(head: Token, after: int) -> str | None:
    rest = [t for t in head.subtree if t.i >= after and t.dep_ in ("prep", "pobj", "compound", "det")]
    orgs = [e for e in head.doc.ents if e.label_ == "ORG" and e.start >= after and e.end <= head.right_edge.i + 1]
    return orgs[0].text if orgs and rest else None


def _continued(quotes: list[Quote], span: Span) -> Speaker | None:
    """A quote standing alone right after another quote continues the same speaker."""
    return continued_speaker(quotes[-1] if quotes else None, span)
