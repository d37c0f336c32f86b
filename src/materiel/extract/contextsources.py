"""Sources of a transfer by context: those cited near its evidence that speak of arms or of its
parties, those cited anywhere for a claim naming both its parties, its supplier's own officials,
the outlets and unnamed officials that speak for the whole story, credit lines and the headline's
speakers (`add_context_sources`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Source, Transfer
from materiel.extract import syntax
from materiel.extract.attribution import Cited, sentence_sources
from materiel.extract.author import title_authors
from materiel.extract.context import Context, Paragraph
from materiel.extract.credit import credit_sources, outlet_credits, title_speakers
from materiel.extract.docindex import mentions_within
from materiel.extract.lexicon import find_actors
from materiel.extract.quotesources import evidence_paragraphs

# Sources this many paragraphs away from a transfer's evidence still speak about it (news
# paragraphs are short; the attribution often sits in the next one).
NEARBY_PARAGRAPHS = 1


def add_context_sources(transfers: list[Transfer], context: Context) -> None:
    """Sources near the evidence (its paragraph and the next or previous one), those cited
    anywhere for a claim naming both the supplier and the recipient, what the supplier's own
    officials said anywhere in the article, the outlets it credits anywhere and the unnamed
    officials of its first paragraph (see `_leads`), and its credit lines ("RT reports: ...") and
    the outlets it credits in paragraphs the parser did not read (see `credit`). Only a source
    from a nearby paragraph must not speak for the recipient, and must say something of arms or of
    a party (a speaker beside the transfer who talks of the weather is none of its sources): one
    cited for a claim naming both parties reports the transfer whoever it is ("Kyiv's envoy said
    Ukraine needs German warships")."""
    if not transfers:
        return  # the sources are read for transfers only
    cited = _all_cited(context)
    lead = [c.source for index, c, *_ in cited if _leads(context, index, c)]
    authors = title_authors(context.article.title)
    outlets = [s for s in outlet_credits(context.article) if not _credited_off_topic(s, context)]
    credits = credit_sources(context.article) + outlets
    headline = _headline_speakers(context)
    for transfer in transfers:
        supplier = transfer.supplier.id if transfer.supplier else None
        _extend(transfer, _cited_for(transfer, cited, context))
        _extend(transfer, [c.source for _, c, _, arms, claimed in cited if _own_official(supplier, c, arms, claimed)])
        _extend(transfer, lead)
        _extend(transfer, credits)
        _extend(transfer, [replace(author) for author in authors])
        _extend(transfer, headline.get(frozenset(_sides(transfer)), []))


def _own_official(supplier: str | None, cited: Cited, on_arms: bool, claimed: set[str]) -> bool:
    """One who speaks for the supplier, cited anywhere for a claim that speaks of arms or names a
    party (not "Finnish economist Anna Virtanen said prices will fall", "Slovak police said two
    men were arrested")."""
    return supplier is not None and cited.actor_id == supplier and (on_arms or bool(claimed))


def _cited_for(transfer: Transfer, cited: list[Citing], context: Context) -> list[Source]:
    """The sources cited for a claim naming both the transfer's parties, for its supply, or near
    its evidence (see `add_context_sources`)."""
    near = evidence_paragraphs(transfer, context.read())
    return [
        c.source
        for index, c, parties, on_arms, claimed in cited
        if _same_parties(transfer, parties)
        or _speaks_of_supply(transfer, c, parties, on_arms, context.read()[index])
        or (
            any(abs(index - n) <= NEARBY_PARAGRAPHS for n in near)
            and _cited_actor_ok(c.actor_id, transfer)
            and (on_arms or bool(claimed & _sides(transfer)))
        )
    ]


def _headline_speakers(context: Context) -> dict[frozenset[str], list[Source]]:
    """Who the headline says spoke ("Germany to send more tanks to Ukraine, Scholz says"), by the
    pairs of parties the headline names: the speaker of its claim is a source of a transfer between
    two of them."""
    title = context.article.title
    speakers = title_speakers(title)
    if not speakers:
        return {}
    named = sorted({m.id for m in find_actors(title or "", context.year) if m.id})
    return {frozenset((a, b)): speakers for a in named for b in named if a != b}


def _sides(transfer: Transfer) -> set[str]:
    """The transfer's supplier and recipient: a nearby source whose sentence names either speaks
    of the transfer's parties ("Berlin will decide soon, Kowalski said")."""
    return {a.id for a in (transfer.supplier, transfer.recipient) if a is not None and a.id}


def _on_arms(paragraph: Paragraph, sentence: SpacySpan) -> bool:
    """The sentence a source is cited in (in a paragraph-long quotation, the whole quotation)
    speaks of arms: it names an item or an amount, or has a word of transfer ("The tanks arrived
    by rail, a spokesman said"; not "Kowalski said the weather was fine": a speaker beside the
    transfer who says nothing of it)."""
    whole = paragraph.text.lstrip().startswith(OPENING_MARKS)
    start, end = (0, len(paragraph.text)) if whole else (sentence.start_char, sentence.end_char)
    if mentions_within(paragraph.doc, paragraph.items, start, end) or mentions_within(
        paragraph.doc, paragraph.amounts, start, end
    ):
        return True
    tokens = paragraph.doc if whole else sentence
    return any(syntax.cue_kind(t) is not None or _points_back(t) for t in tokens)


# Nouns by which a sentence takes up what an earlier one said ("The claim was made by Ukrainian
# intelligence", "The report was confirmed by the ministry").
CLAIM_NOUNS = {"claim", "allegation", "accusation", "report", "information", "news", "assertion", "account"}
# Nouns by which a sentence's subject takes up the act an earlier one told ("The announcement was
# made by Macron", "The decision annoyed the partners, as reported by ...").
ACT_NOUNS = {"announcement", "decision", "move", "pledge", "promise"}
# Pronouns that, as a reporting verb's object, stand for what an earlier sentence said ("The ministry
# confirmed it", "Kyiv said so", "officials denied this").
BACK_PRONOUNS = {"it", "this", "that", "so"}


def _points_back(token: Token) -> bool:
    """A word that makes its sentence about what was said before it: a claim's noun, or a pronoun
    for its object."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in CLAIM_NOUNS | ACT_NOUNS and token.i < token.sent.root.i:
        return True
    if token.lower_ in BACK_PRONOUNS and token.dep_ in ("dobj", "nsubjpass", "advmod") and token.head.pos_ == "VERB":
        return True
    return token.lower_ in DEMONSTRATIVES and token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass")


# Demonstratives that, as a pronoun subject, stand for what was said before ("That's according to
# Politico", "This comes from a Pentagon estimate").
DEMONSTRATIVES = {"this", "that"}


Citing = tuple[int, Cited, set[str], bool, set[str]]


def _all_cited(context: Context) -> list[Citing]:
    """Every source cited in the article, once, with the index of its paragraph, the actors its
    sentence names, whether that sentence speaks of arms (`_on_arms`) and the actors its claim
    names as parties (`_claim_parties`)."""
    return [
        (index, c, _parties(paragraph, sentence), _on_arms(paragraph, sentence), _claim_parties(paragraph, sentence, c))
        for index, paragraph in enumerate(context.read())
        for sentence in paragraph.doc.sents
        for c in sentence_sources(context, paragraph, sentence)
        if not c.demand and not c.refusal  # a caller or refuser is a source of the transfer in its
        # sentence, never by context ("France refused to deliver the ships to Russia" says nothing
        # of their later sale to Egypt)
    ]


def _parties(paragraph: Paragraph, sentence: SpacySpan) -> set[str]:
    """The actors the claim a source is cited for names: its sentence's, or in a paragraph that
    is one quotation and its speaker ("“Iran has shipped drones ... North Korea ...,” X said"),
    the whole quotation's."""
    if paragraph.text.lstrip().startswith(OPENING_MARKS):
        return {m.id for m in paragraph.actors if m.id}
    named = mentions_within(paragraph.doc, paragraph.actors, sentence.start_char, sentence.end_char)
    return {m.id for m in named if m.id}


# Prepositions by which a sentence names a state as the place where something happened ("a protest
# in Bratislava"), not as a party to it.
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "across", "around"}


def _claim_parties(paragraph: Paragraph, sentence: SpacySpan, cited: Cited) -> set[str]:
    """The actors a source's claim names as parties: its sentence's (`_parties`), less those in
    the source's own name ("Finnish economist Anna Virtanen told Yle prices will fall" names no
    party) and those named as a place ("Police said two men were arrested in Bratislava")."""
    span = cited.source.span
    own = (span.start - paragraph.offset, span.end - paragraph.offset) if span else (-1, -1)
    named = mentions_within(paragraph.doc, paragraph.actors, sentence.start_char, sentence.end_char)
    if paragraph.text.lstrip().startswith(OPENING_MARKS):
        named = paragraph.actors
    whole = span is not None and any(m.end - m.start == span.end - span.start for m in named)  # "Warsaw said"
    return {
        m.id for m in named if m.id and (whole or not own[0] <= m.start < own[1]) and not _a_place(paragraph, m.start)
    }


def _a_place(paragraph: Paragraph, start: int) -> bool:
    token = paragraph.doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None:
        return False
    root = token.root
    while root.dep_ == "compound":
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


# Marks that open a paragraph-long quotation.
OPENING_MARKS = ('"', "“", "«", "„")


def _same_parties(transfer: Transfer, parties: set[str]) -> bool:
    """A source cited for a claim that names both the transfer's supplier and its recipient
    ("According to contracts obtained by X, Russia agreed to supply China ...") reports it,
    however far from the evidence the article cites it."""
    if transfer.supplier is None or transfer.recipient is None:
        return False
    return {transfer.supplier.id, transfer.recipient.id} <= parties


# Kinds of source whose word on the supplier's arms reports its supply wherever the article
# gives it, when a person is named in it ("Asked about Britain's military aid, Kremlin spokesman
# Ivan Petrenko said it prolongs the war", paragraphs after the aid is told). An outlet or a record
# is read by its own rules (`ARTICLE_KINDS`, `credit`), an unnamed official only near the evidence.
SUPPLY_SPEAKER_KINDS = {"person", "official"}
PERSON = "PERSON"


def _speaks_of_supply(transfer: Transfer, cited: Cited, parties: set[str], on_arms: bool, paragraph: Paragraph) -> bool:
    """A named person cited for a claim that names the transfer's supplier and speaks of arms
    (`_on_arms`) speaks of its supply, however far from the evidence ("Kowalski said Britain's
    tanks would make no difference"); not one who names the supplier on another matter ("Kowalski
    said Britain's roads need money"), and not one who speaks for the recipient (`_cited_actor_ok`)."""
    if transfer.supplier is None or cited.source.kind not in SUPPLY_SPEAKER_KINDS:
        return False
    if not (on_arms and transfer.supplier.id in parties and _cited_actor_ok(cited.actor_id, transfer)):
        return False
    return _names_person(paragraph, cited.source)


def _names_person(paragraph: Paragraph, source: Source) -> bool:
    """The source's words end in a name the parser takes for a person's ("Kremlin spokesman Ivan
    Petrenko"; not "a Kremlin spokesman", nor "a senior Bangladeshi official" where the parser
    takes the demonym for a person)."""
    if source.span is None:
        return False
    start, end = source.span.start - paragraph.offset, source.span.end - paragraph.offset
    return any(e.label_ == PERSON and start <= e.start_char and e.end_char == end for e in paragraph.doc.ents)


def _cited_actor_ok(actor_id: str | None, transfer: Transfer) -> bool:
    return True if actor_id is None else actor_id != (transfer.recipient.id if transfer.recipient else None)


# Kinds of source that speak for the whole story: an outlet wherever the article credits it (a
# story relays the outlet's reporting, "as reported by Zeit" in its tenth paragraph as in its
# first), and an unnamed official in its first paragraph, where wire copy attributes the story
# ("..., a Defence Ministry spokesman said").
ARTICLE_KINDS = {"media"}
FIRST_PARAGRAPH_KINDS = {"media", "official"}


def _leads(context: Context, index: int, cited: Cited) -> bool:
    """A source of the first paragraph's kinds there, an outlet anywhere, in a paragraph that
    speaks of arms or of a deal (`_on_topic`): "The BBC reported that flooding had closed roads" sources no
    transfer."""
    paragraph = context.read()[index]
    first = paragraph.offset == context.article.paragraphs()[0][0]
    kinds = FIRST_PARAGRAPH_KINDS if first else ARTICLE_KINDS
    return cited.source.kind in kinds and _on_topic(paragraph)


# Nouns of a deal that keep an outlet's paragraph on the supply though it names no item or cue
# ("The Journal reported new details about the secret arrangement"): the deal is the story's.
DEAL_WORDS = {"sale", "deal", "contract", "package", "purchase", "agreement", "arrangement", "scheme"}


def _credited_off_topic(source: Source, context: Context) -> bool:
    """An outlet credited in a paragraph that says nothing of arms (`_on_arms` over the paragraph)
    or of a deal (DEAL_WORDS): "In a separate matter, Der Spiegel reported that Berlin's budget
    talks collapsed" credits it with another story. One in a paragraph the parser did not read stays."""
    if source.span is None:
        return False
    for paragraph in context.read():
        local = source.span.start - paragraph.offset
        if 0 <= local < len(paragraph.text):
            return not _on_topic(paragraph)
    return False


def _on_topic(paragraph: Paragraph) -> bool:
    """The paragraph speaks of arms (`_on_arms` over it) or of a deal (DEAL_WORDS)."""
    of_deal = any(t.pos_ == "NOUN" and t.lemma_.lower() in DEAL_WORDS for t in paragraph.doc)
    return of_deal or _on_arms(paragraph, paragraph.doc[:])


def _extend(transfer: Transfer, sources: Iterable[Source]) -> None:
    names = {s.name for s in transfer.sources}
    for source in sources:
        if source.name not in names:
            transfer.sources.append(source)
            names.add(source.name)
