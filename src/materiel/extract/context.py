"""What extraction knows about an article: parsed paragraphs, mentions, and a small resolver.

Offsets inside a `Paragraph` are relative to the paragraph; `Paragraph.offset` turns them into
offsets into `Article.text`. The resolver answers "who is 'he' / 'the newspaper' here?" with the
last fitting mention before a position: a person for a pronoun, an outlet for "the newspaper".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from materiel.article import Article, Span
from materiel.extract.earmarks import earmarks_money
from materiel.extract.lexicon import Mention, find_actors, find_items, load
from materiel.extract.nlp import holds_claim, holds_speech, load_model, tells_stage
from materiel.extract.outlets import cited_outlets
from materiel.extract.quantities import Amount, find_amounts
from materiel.extract.quotations import inside, quoted_spans

if TYPE_CHECKING:
    from materiel.extract.candidate import Candidate

PRONOUNS = {"he", "she", "him", "her"}
# Paragraphs at the top of an article that name who reports the whole story ("This was reported
# by the Wall Street Journal") or the person later paragraphs call "he"; read whenever the article
# names materiel anywhere.
LEAD_PARAGRAPHS = 3
# The relevance gate can be switched off to measure what it costs in recall (bench/gate.py).
GATE_ENABLED = True
# Characters of one article the NLP reads at most (about 50 pages of news); the rest of a huge
# page is kept in the text but not analysed, and a note says so.
MAX_NLP_CHARS = 300_000
# Words an actor mention may carry before a person's name to give their affiliation
# ("South Korean Defense Ministry spokesman Jeong Ha-kyu").
AFFILIATION_WINDOW = 8
# Verbs that name no item but move weapons to their object ("Moscow was arming Armenia"): the gate
# reads a paragraph that uses one as it reads one that names materiel.
ARMING = re.compile(
    r"""\b(?:re-?)?arming\b                                 # "arming Ukraine", "rearming"
      | \b(?:to|will|would)\ (?:re-?)?arm\b                 # "to arm the rebels", "will arm" (not
                                                              # "the leg and arm")
      | \b(?:re-?)?armed\ (?:the|its|their|them|[A-Z]\w+)\b  # "armed Hezbollah"; not "Armed Forces"
    """,
    re.X,
)


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
                for sentence in paragraph.doc.sents:
                    start, end = paragraph.offset + sentence.start_char, paragraph.offset + sentence.end_char
                    if start <= span.start < end:
                        return Span(start, end)
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
    found: Found = {}
    chosen = [(offset, unwrap(text)) for offset, text in _within_budget(article, _chosen(article, found))]
    if not _names_parties(article, chosen, context.year):
        return context  # no party to send or receive: no transfer can be read, so nothing is parsed
    read = {offset for offset, _ in chosen}
    lead = _lead(article, read)
    lead += [p for p in _claiming(article, read, found) if p not in lead]
    for (offset, text), doc in zip(chosen + lead, nlp.pipe(t for _, t in chosen + lead), strict=True):
        into = context.paragraphs if (offset, text) in chosen else context.lead
        into.append(_paragraph(offset, text, doc, context.year, found, _above(article, offset)))
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
    paragraphs = [p for p, lang in _with_languages(context.article) if lang in ("en", "und")]
    paragraphs = [(o, t) for o, t in paragraphs if at is None or o in at]
    picked = [(o, unwrap(t)) for o, t in paragraphs if o not in read and wanted(t)]
    picked = picked[:MAX_LEFT_OUT]
    docs = iter(load_model().pipe(t for o, t in picked if o not in lead))
    article = context.article
    return [
        lead[o] if o in lead else _paragraph(o, t, next(docs), context.year, {}, _above(article, o)) for o, t in picked
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


def _lead(article: Article, chosen: set[int]) -> list[tuple[int, str]]:
    """The article's first English paragraphs that the gate left out, when it chose any."""
    english = [p for p, lang in _with_languages(article) if lang in ("en", "und")]
    return [(offset, unwrap(text)) for offset, text in english[:LEAD_PARAGRAPHS] if chosen and offset not in chosen]


def _claiming(article: Article, read: set[int], found: Found) -> list[tuple[int, str]]:
    """The English paragraphs right after a materiel paragraph the NLP reads that the gate left
    out, when they claim or announce ("Baku claimed that Moscow was arming Armenia"): read for
    the sources they cite."""
    english = [(p, lang in ("en", "und")) for p, lang in _with_languages(article)]
    return [
        (offset, unwrap(text))
        for ((before, _), _), ((offset, text), ok) in itertools.pairwise(english)
        if ok and offset not in read and before in read and found.get(before, ("", []))[1] and holds_claim(text)
    ]


# A line break inside a sentence, as hard-wrapped text has them: the line does not end a sentence
# (no terminal punctuation, quotation mark or colon) and the next line goes on in lower case or
# with a digit. The NLP reads it as the space it stands for (same length, so offsets hold).
WRAPPED = re.compile(r"(?<=[\w,;)\-])\n(?=[a-z0-9(])")


# A wire service's stock ticker after a company's name ("British Aerospace Plc <BAEL.L> has won",
# "General Dynamics Corp <GD>"): the parse takes its marks for words of the clause. The NLP reads
# it as spaces (same length, so offsets hold).
TICKER = re.compile(r"(?<=\w )<[A-Z][A-Z0-9&]{0,7}(?:\.[A-Z]{1,2})?>")


def unwrap(text: str) -> str:
    return TICKER.sub(lambda m: " " * len(m.group()), WRAPPED.sub(" ", text))


def _within_budget(article: Article, chosen: list[tuple[int, str]]) -> list[tuple[int, str]]:
    total, kept = 0, []
    for offset, text in chosen:
        total += len(text)
        if total > MAX_NLP_CHARS:
            article.notes.append(f"extraction read the first {MAX_NLP_CHARS} characters of relevant text only")
            break
        kept.append((offset, text))
    return kept


# The items the gate found in a paragraph, by its offset, with the text it read them in: the
# paragraph the NLP reads takes them again when its text is the same (unwrap changed nothing).
Found = dict[int, tuple[str, list[Mention]]]


def _chosen(article: Article, found: Found | None = None) -> list[tuple[int, str]]:
    """The English paragraphs the NLP reads: those that name materiel (an item of the lexicon,
    a verb that arms its object, or money earmarked for the military: without one, no transfer
    can be extracted from it), the one before each (it often names the speaker or the package),
    and the one after each when it holds speech."""
    english = [(p, lang in ("en", "und")) for p, lang in _with_languages(article)]
    if not GATE_ENABLED:
        return [p for p, ok in english if ok]
    found = {} if found is None else found
    materiel = [ok and _names_materiel(p, found, _above(article, p[0])) for p, ok in english]
    chosen = []
    for index, (paragraph, ok) in enumerate(english):
        after = index + 1 < len(materiel) and materiel[index + 1]
        after = after or (paragraph[1].rstrip().endswith(":") and _list_names_materiel(english, materiel, index))
        after = after or (_heading(paragraph[1]) and index + 2 < len(materiel) and materiel[index + 2])
        before = index > 0 and materiel[index - 1] and holds_speech(paragraph[1])
        listed = bool(chosen) and index > 0 and chosen[-1] is english[index - 1][0] and _goes_on(chosen[-1], paragraph)
        if ok and (materiel[index] or after or before or listed):
            chosen.append(paragraph)
    return chosen


# A line of a bulleted or numbered list ("- Stinger missiles", "* 20 HIMARS", "3) radars").
ENTRY = re.compile(r"^\s*(?:[-*•–·▪]|\d{1,2}[.)])\s")


# A heading over a list ("Leopard 2", "## Patriot"): a few words on a line of their own.
HEADING_WORDS = 4


def _heading(text: str) -> bool:
    """A heading over a section ("United States" over "The US is the largest donor." and its
    list): a few words with no closing stop; it is read with the section's materiel two lines on."""
    return len(text.split()) <= HEADING_WORDS and not text.rstrip().endswith((".", "!", "?"))


def _goes_on(above: tuple[int, str], paragraph: tuple[int, str]) -> bool:
    """A bulleted line right under a heading or an entry the NLP reads, that names no materiel
    itself ("Leopard 2" over "- Poland: 14"): the list goes on."""
    heading = len(above[1].split()) <= HEADING_WORDS
    return ENTRY.match(paragraph[1]) is not None and (heading or ENTRY.match(above[1]) is not None)


def _list_names_materiel(english: list, materiel: list[bool], header: int) -> bool:
    """Does the bulleted list under a header ("The UK will send Ukraine:") name materiel in any of
    its entries, not only the first ("• humanitarian aid", "• 20 tanks")?"""
    for (paragraph, _), named in zip(english[header + 1 :], materiel[header + 1 :], strict=True):
        if not ENTRY.match(paragraph[1]):
            return False
        if named:
            return True
    return False


def _with_languages(article: Article):
    paragraphs = article.paragraphs()
    languages = article.paragraph_languages or ["en"] * len(paragraphs)
    return zip(paragraphs, languages, strict=False)


# How much of the text above a paragraph its items are read with: the last sentence of the
# paragraph before tells the sense of a bare "guns" in its first (senses.firearms).
ABOVE_CHARS = 600


def _above(article: Article, offset: int) -> str:
    return article.text[max(0, offset - ABOVE_CHARS) : offset]


def _names_materiel(paragraph: tuple[int, str], found: Found, above: str) -> bool:
    offset, text = paragraph
    found[offset] = (text, find_items(text, above))
    return bool(found[offset][1]) or ARMING.search(text) is not None or earmarks_money(text)


def _paragraph(offset: int, text: str, doc: Doc, year: int | None, found: Found, above: str) -> Paragraph:
    known = found.get(offset)
    return Paragraph(
        offset,
        text,
        doc,
        find_actors(text, year),
        known[1] if known is not None and known[0] == text else find_items(text, above),
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


def name_like(ent) -> bool:
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
