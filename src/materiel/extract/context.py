"""What extraction knows about an article: parsed paragraphs, mentions, and a small resolver.

Which paragraphs are parsed is the relevance gate's choice (gate.py). Offsets inside a `Paragraph`
are relative to the paragraph; `Paragraph.offset` turns them into offsets into `Article.text`. The
resolver answers "who is 'he' / 'the newspaper' here?" with the last fitting mention before a
position: a person for a pronoun, an outlet for "the newspaper".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from materiel.article import Article, Span
from materiel.extract import gate
from materiel.extract.docindex import sentence_holding
from materiel.extract.eras import in_their_time
from materiel.extract.lexicon import Mention, find_actors, find_items, load
from materiel.extract.nlp import load_model, tells_stage
from materiel.extract.outlets import cited_outlets
from materiel.extract.quantities import Amount, find_amounts
from materiel.extract.quotations import inside, quoted_spans
from materiel.extract.verbitems import noun_items

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

    from materiel.extract.candidate import Candidate

PRONOUNS = {"he", "she", "him", "her"}
# Words an actor mention may carry before a person's name to give their affiliation
# ("South Korean Defense Ministry spokesman Jeong Ha-kyu").
AFFILIATION_WINDOW = 8


@dataclass
class Person:
    name: str
    start: int  # offset in the article
    actor_id: str | None
    subject: bool = False  # named as the subject of a clause (who pronouns most often point to)
    quoted: bool = False  # named inside a quotation: what a speaker talks about, never a pronoun's antecedent


@dataclass
class Paragraph:
    offset: int
    text: str
    doc: Doc
    actors: list[Mention]
    items: list[Mention]
    amounts: list[Amount]
    outlets: list[Mention]

    def sentence_holding(self, local: int) -> TokenSpan | None:
        """The parsed sentence holding a paragraph offset; none for an offset between two sentences
        (the space after a full stop) or past the paragraph's end."""
        return sentence_holding(self.doc, local)

    @cached_property
    def item_tokens(self) -> frozenset[int]:
        """The indices of the tokens the paragraph's items cover, worked out once: the rules ask
        for them per mention, and a walk over every item each time is quadratic in the paragraph."""
        spans = (self.doc.char_span(m.start, m.end, alignment_mode="expand") for m in self.items)
        return frozenset(t.i for span in spans if span is not None for t in span)

    @cached_property
    def actor_reach(self) -> int:
        """The length of the paragraph's longest actor mention, worked out once: a mention that
        holds an offset starts no further back from it than that."""
        return max((m.end - m.start for m in self.actors), default=0)


def mention_token(paragraph: Paragraph, mention: Mention) -> Token | None:
    """The token a mention (offsets in the paragraph) stands on: the root of its span in the parse."""
    span = paragraph.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


@dataclass
class Context:
    article: Article
    year: int | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    # Paragraphs outside `paragraphs`, read only for the sources they cite: the lead's, for the
    # whole story, and a claim right after a materiel paragraph (no transfer or person is looked
    # for in them: the people they name would change whom later pronouns and roles resolve to).
    lead: list[Paragraph] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    outlets: list[tuple[int, str]] = field(default_factory=list)
    organisations: list[tuple[int, str]] = field(default_factory=list)
    # Item mentions (their offsets in the article) that the parse rules settled: read into a
    # transfer, or ruled out (captured, hypothetical, a platform served, one's own equipment).
    # The learned scorer looks only at the others.
    settled: set[int] = field(default_factory=set)
    # The supplier the parse rules read for an item mention whose recipient they did not find (its
    # offset in the article: the supplier's id): "Russia relies on ammunition supplies from North
    # Korea" reads North Korea as the supplier, which no triple may make the recipient.
    one_sided: dict[int, str] = field(default_factory=dict)
    # The contents mentions with no side that a definite package noun lists far from the package
    # ("The package includes shells" many sentences on): `farpackages.far_contents` gives them the
    # package's sides once the article's transfers are read.
    far_contents: list[Candidate] = field(default_factory=list)
    # The candidates of a specific item with a side or two missing that no reading completed or
    # settled: `continued.continued` gives them the pair of a general transfer told just before.
    left_over: list[Candidate] = field(default_factory=list)
    # The pairs of states the article shows fighting (`hostile.hostile_pairs`), read once.
    shown_at_war: set[frozenset[str]] | None = None
    # The paragraphs read for the stages they tell (`stage_reading`), parsed once.
    staged: list[Paragraph] | None = None

    def read(self) -> list[Paragraph]:
        """Every paragraph parsed, the lead's included, in the article's order."""
        return sorted(self.paragraphs + self.lead, key=lambda p: p.offset)

    def last_person(self, before: int, subject: bool = False) -> Person | None:
        """The last person named before a position; with `subject`, preferably one named as a
        clause's subject (a pronoun's usual antecedent), else any."""
        earlier = [p for p in self.people if p.start < before and not p.quoted]
        if subject:
            subjects = [p for p in earlier if p.subject]
            if subjects:
                return subjects[-1]
        return earlier[-1] if earlier else None

    def last_organisation(self, before: int) -> str | None:
        names = [name for start, name in self.organisations if start < before]
        return names[-1] if names else None

    def last_outlet(self, before: int) -> str | None:
        names = [name for start, name in self.outlets if start < before]
        return names[-1] if names else None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The parsed paragraph holding an article offset (none for the title's)."""
        return next((p for p in self.paragraphs if p.offset <= offset < p.offset + len(p.text)), None)

    def sentence_at(self, span: Span | None) -> Span | None:
        """The parsed sentence around a span (a source's name), in article offsets; the span
        itself where no parsed paragraph holds it."""
        if span is None:
            return None
        for paragraph in self.read():
            if paragraph.offset <= span.start < paragraph.offset + len(paragraph.text):
                sentence = paragraph.sentence_holding(span.start - paragraph.offset)
                if sentence is not None:
                    return Span(paragraph.offset + sentence.start_char, paragraph.offset + sentence.end_char)
        return span

    def full_name(self, name: str, before: int) -> Person | None:
        """An earlier person whose name ends with this (sur)name: 'Jeong' -> 'Jeong Ha-kyu'."""
        for person in reversed(self.people):
            if person.start <= before and (
                person.name == name or name in person.name.split() or person.name.startswith(name)
            ):
                return person
        return None


def build_context(article: Article) -> Context:
    context = Context(article, _year(article.published))
    nlp = load_model()
    found: gate.Found = {}
    budget = gate.within_budget(article, gate.chosen_paragraphs(article, found))
    chosen = [(offset, gate.unwrap(text)) for offset, text in budget]
    if not _names_parties(article, chosen, context.year):
        return context  # no party to send or receive: no transfer can be read, so nothing is parsed
    read = {offset for offset, _ in chosen}
    lead = gate.lead_paragraphs(article, read)
    lead += [p for p in gate.claiming_paragraphs(article, read, found) if p not in lead]
    for (offset, text), doc in zip(chosen + lead, nlp.pipe(t for _, t in chosen + lead), strict=True):
        into = context.paragraphs if (offset, text) in chosen else context.lead
        into.append(_paragraph(offset, text, doc, context.year, found, gate.text_above(article, offset)))
    _collect_people(context)
    return context


def _names_parties(article: Article, chosen: list[tuple[int, str]], year: int | None) -> bool:
    """Whether a transfer could be read: every side of one is an actor named in a paragraph the NLP
    reads (a person's side too: their state or leader named there), or one of two actors the title
    names (the learned scorer's triples). Quotations are found without the parse."""
    if any(find_actors(text, year) for _, text in chosen):
        return True
    return len({m.id for m in find_actors(article.title or "") if m.id}) >= 2


# How many paragraphs the gate left out may be parsed afterwards for what they say of a transfer.
# No article of train or dev has more than one such paragraph; the bound keeps a page made of
# denials (a live blog) from costing a parse per paragraph, as the gate is there to avoid.
MAX_LEFT_OUT = 10


def left_out(context: Context, wanted: Callable[[str], bool], at: set[int] | None = None) -> list[Paragraph]:
    """The English paragraphs the gate left out (they name no materiel) that `wanted` picks by
    their text (among those at the offsets `at`, if given), parsed on demand: "Pyongyang has
    denied the reports" far below the shipment."""
    read = {p.offset for p in context.paragraphs}
    lead = {p.offset: p for p in context.lead}  # parsed already
    paragraphs = [p for p, lang in gate.with_languages(context.article) if lang in ("en", "und")]
    paragraphs = [(o, t) for o, t in paragraphs if at is None or o in at]
    picked = [(o, gate.unwrap(t)) for o, t in paragraphs if o not in read and wanted(t)]
    picked = picked[:MAX_LEFT_OUT]
    docs = iter(load_model().pipe(t for o, t in picked if o not in lead))
    article = context.article
    return [
        lead[o] if o in lead else _paragraph(o, t, next(docs), context.year, {}, gate.text_above(article, o))
        for o, t in picked
    ]


def stage_reading(context: Context) -> list[Paragraph]:
    """The paragraphs read for the stage a later sentence tells of a transfer: those the NLP
    reads, and beside them each one the gate left out right after one of those that tells a stage
    without naming materiel ("Deliveries began in December.", "The sale was later put on hold."),
    no transfer nor person looked for in it."""
    if context.staged is None:
        read = {p.offset for p in context.paragraphs}
        after = {o for (before, _), (o, _) in itertools.pairwise(context.article.paragraphs()) if before in read}
        told = left_out(context, tells_stage, after)
        context.staged = sorted(context.paragraphs + told, key=lambda p: p.offset)
    return context.staged


def _paragraph(offset: int, text: str, doc: Doc, year: int | None, found: gate.Found, above: str) -> Paragraph:
    known = found.get(offset)
    return Paragraph(
        offset,
        text,
        doc,
        in_their_time(find_actors(text, year), doc, year),
        noun_items(known[1] if known is not None and known[0] == text else find_items(text, above), doc),
        find_amounts(text),
        cited_outlets(text),
    )


def _collect_people(context: Context) -> None:
    for outlet in cited_outlets(context.article.text):
        context.outlets.append((outlet.start, outlet.text))
    for paragraph in context.paragraphs:
        quotations = quoted_spans(paragraph.text)
        for ent in paragraph.doc.ents:
            if ent.label_ in ("ORG", "NORP") and ent.root.pos_ == "PROPN":
                context.organisations.append((paragraph.offset + ent.start_char, ent.text))
            if ent.label_ == "PERSON" and name_like(ent):
                at = paragraph.offset + ent.start_char
                known = context.full_name(ent.text, at)
                actor = known.actor_id if known else _affiliation(paragraph, ent.start_char, ent.end_char)
                subject = ent.root.dep_ in ("nsubj", "nsubjpass")
                quoted = inside(ent.start_char, quotations)
                context.people.append(Person(known.name if known else ent.text, at, actor, subject, quoted))
        for mention in paragraph.actors:
            if mention.kind == "leader":
                span = paragraph.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                subject = span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
                quoted = inside(mention.start, quotations)
                context.people.append(
                    Person(mention.text, paragraph.offset + mention.start, mention.id, subject, quoted)
                )
    context.people.sort(key=lambda p: p.start)


def name_like(ent: TokenSpan) -> bool:
    """spaCy's small model tags some verbs and places as people ('Citing Germany's'): a name is
    proper nouns only, and longer than two letters."""
    return len(ent.text) > 2 and all(t.pos_ == "PROPN" or t.is_punct for t in ent)


def _affiliation(paragraph: Paragraph, start: int, end: int) -> str | None:
    leaders = [m for m in paragraph.actors if m.kind == "leader" and m.start <= start < m.end + 1]
    if leaders:
        return leaders[0].id
    window = paragraph.text[:start].split()[-AFFILIATION_WINDOW:]
    reach = start - len(" ".join(window)) - 1
    near = [m for m in paragraph.actors if reach <= m.start < start and m.kind != "leader"]
    return near[-1].id if near else None


def _year(published: str | None) -> int | None:
    match = re.search(r"\b(19|20)\d{2}\b", published or "")
    return int(match.group()) if match else None


REFERENCES = set(load("media.json")["references"])
