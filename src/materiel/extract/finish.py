"""Article-level passes over assembled transfers: sources in context, openness, confidence."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from materiel.article import Response, Source, Span, Transfer
from materiel.countries import is_state_id
from materiel.extract import syntax
from materiel.extract.attribution import Cited, callers, sentence_sources, stating
from materiel.extract.author import title_authors
from materiel.extract.context import Context, Paragraph
from materiel.extract.credit import credit_sources, outlet_credits, title_speakers
from materiel.extract.lexicon import find_actors
from materiel.extract.responses_of import described_apart, disowns, of_other, states
from materiel.extract.stances import STANCE_DISCLOSURE, find_responses, title_responses

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
    lead = [c.source for index, c, _, _ in cited if _leads(context, index, c)]
    authors = title_authors(context.article.title)
    credits = credit_sources(context.article) + outlet_credits(context.article)
    headline = _headline_speakers(context)
    for transfer in transfers:
        near = _evidence_paragraphs(transfer, context)
        supplier = transfer.supplier.id if transfer.supplier else None
        _extend(
            transfer,
            [
                c.source
                for index, c, parties, on_arms in cited
                if _same_parties(transfer, parties)
                or (
                    any(abs(index - n) <= NEARBY_PARAGRAPHS for n in near)
                    and _cited_actor_ok(c.actor_id, transfer)
                    and (on_arms or bool(parties & _sides(transfer)))
                )
            ],
        )
        _extend(transfer, [c.source for _, c, _, _ in cited if supplier is not None and c.actor_id == supplier])
        _extend(transfer, lead)
        _extend(transfer, credits)
        _extend(transfer, [replace(author) for author in authors])
        _extend(transfer, headline.get(frozenset(_sides(transfer)), []))


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
    if any(start <= m.start < end for m in [*paragraph.items, *paragraph.amounts]):
        return True
    tokens = paragraph.doc if whole else sentence
    return any(syntax.cue_kind(t) is not None or _points_back(t) for t in tokens)


# Nouns by which a sentence takes up what an earlier one said ("The claim was made by Ukrainian
# intelligence", "The report was confirmed by the ministry").
CLAIM_NOUNS = {"claim", "allegation", "accusation", "report", "information", "news", "assertion", "account"}
# Pronouns that, as a reporting verb's object, stand for what an earlier sentence said ("The ministry
# confirmed it", "Kyiv said so", "officials denied this").
BACK_PRONOUNS = {"it", "this", "that", "so"}


def _points_back(token) -> bool:
    """A word that makes its sentence about what was said before it: a claim's noun, or a pronoun
    for its object."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in CLAIM_NOUNS:
        return True
    return token.lower_ in BACK_PRONOUNS and token.dep_ in ("dobj", "nsubjpass", "advmod") and token.head.pos_ == "VERB"


def _all_cited(context: Context) -> list[tuple[int, Cited, set[str], bool]]:
    """Every source cited in the article, once, with the index of its paragraph, the actors its
    sentence names and whether that sentence speaks of arms (`_on_arms`)."""
    return [
        (index, c, _parties(paragraph, sentence), _on_arms(paragraph, sentence))
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
    return {m.id for m in paragraph.actors if m.id and sentence.start_char <= m.start < sentence.end_char}


# Marks that open a paragraph-long quotation.
OPENING_MARKS = ('"', "“", "«", "„")


def _same_parties(transfer: Transfer, parties: set[str]) -> bool:
    """A source cited for a claim that names both the transfer's supplier and its recipient
    ("According to contracts obtained by X, Russia agreed to supply China ...") reports it,
    however far from the evidence the article cites it."""
    if transfer.supplier is None or transfer.recipient is None:
        return False
    return {transfer.supplier.id, transfer.recipient.id} <= parties


def _evidence_paragraphs(transfer: Transfer, context: Context) -> list[int]:
    return [
        index
        for index, paragraph in enumerate(context.read())
        if any(paragraph.offset <= e.start < paragraph.offset + len(paragraph.text) for e in transfer.evidence)
    ]


def _cited_actor_ok(actor_id: str | None, transfer: Transfer) -> bool:
    return True if actor_id is None else actor_id != (transfer.recipient.id if transfer.recipient else None)


# Kinds of source that speak for the whole story: an outlet wherever the article credits it (a
# story relays the outlet's reporting, "as reported by Zeit" in its tenth paragraph as in its
# first), and an unnamed official in its first paragraph, where wire copy attributes the story
# ("..., a Defence Ministry spokesman said").
ARTICLE_KINDS = {"media"}
FIRST_PARAGRAPH_KINDS = {"media", "official"}


def _leads(context: Context, index: int, cited: Cited) -> bool:
    first = context.read()[index].offset == context.article.paragraphs()[0][0]
    return cited.source.kind in (FIRST_PARAGRAPH_KINDS if first else ARTICLE_KINDS)


def _extend(transfer: Transfer, sources) -> None:
    names = {s.name for s in transfer.sources}
    for source in sources:
        if source.name not in names:
            transfer.sources.append(source)
            names.add(source.name)


def set_disclosure(transfers: list[Transfer], context: Context) -> None:
    """Official when the supplier itself speaks; otherwise what the supplier said about it."""
    if not transfers:
        return  # nothing to decide: the stances (and the paragraphs parsed for them) are not needed
    title_actors = find_actors(context.article.title or "")
    responses = find_responses(context) + title_responses(context.article.title, title_actors)
    asked = callers(context)
    for transfer in transfers:
        supplier = transfer.supplier.id if transfer.supplier else None
        own = [r for r in responses if r.actor and r.actor.id == supplier and not of_other(r, transfer, transfers)]
        own = [r for r in own if not described_apart(r, transfer, context)]  # "Iran, which has supplied ..."
        transfer.responses = own
        stated = stating(transfer, asked)
        unnamed = [s for s in stated.sources if unnamed_source(s, context)]
        transfer.disclosure = _disclosure(stated, own, supplier, _fellow_suppliers(transfers, transfer), unnamed)
        transfer.confidence = _confidence(transfer)


# What leaves a transfer unacknowledged where none of the supplier's own sources states it: a
# refusal to comment, or a supply done in secret.
UNSEEN = {"declined", "covert"}
# What the supplier says that outweighs its own officials being cited: a spokesman who denies it
# or "neither confirms nor denies" it is quoted, yet the supplier has not stated the transfer.
OUTWEIGH_OWN_SOURCE = ("denied", "disowned", "non_denial")


def _fellow_suppliers(transfers: list[Transfer], transfer: Transfer) -> set[str]:
    """The states the article has supplying the same recipient: their officials speak of a
    shared effort ("Denmark and the Netherlands will send F-16s, the Dutch ministry said")."""
    recipient = transfer.recipient.id if transfer.recipient else None
    return {
        t.supplier.id for t in transfers if t.supplier and t.supplier.id and t.recipient and t.recipient.id == recipient
    }


def _disclosure(
    transfer: Transfer, own: list[Response], supplier: str | None, fellows: set[str], unnamed: list[Source]
) -> str:
    stances = {r.stance for r in own if r.stance != "disowned" or disowns(r, transfer)}
    for stance in OUTWEIGH_OWN_SOURCE:
        if stance in stances:
            return STANCE_DISCLOSURE[stance]
    declining = [r.span for r in own if r.stance == "declined" and r.span and not states(r.span, transfer)]
    declining += [r.span for r in own if r.stance == "rebutted" and r.span]  # its own source calling the reports false
    named = [s for s in transfer.sources if s.actor_id and s not in unnamed]
    if any(s.actor_id == supplier and not _said_in(s, declining) for s in named):
        return "official"
    if "rebutted" in stances:
        return "denied"  # the reports called false, where none of the supplier's own states it
    if stances & UNSEEN:
        return "unacknowledged"
    if _only_third_parties(transfer, supplier, fellows, unnamed):
        return "unacknowledged"  # "according to South Korean intelligence", "sources familiar with"
    return "official"


def _said_in(source: Source, sentences: list[Span]) -> bool:
    """The source is cited in one of these sentences: what it said there is a refusal to comment
    ("Ankara said it does not comment on exports"), not a statement of the transfer."""
    return source.span is not None and any(s.start <= source.span.start < s.end for s in sentences)


# Sources that do not say who they are.
ANONYMOUS = re.compile(
    r"""\b(?:sources?|people|person|officials?)\b.*\b(?:familiar|close|knowledge|anonymity|briefed)\b
      | ^(?:(?:a|an|the|two|three|several)\s)?(?:[\w-]+\s){0,3}sources?$   # "sources", "German government sources"
      | ^(?:(?:a|an|the|two|three|several)\s)?(?:unnamed|anonymous|unidentified)\b  # "unnamed officials",
                                                                       # "an anonymous US official"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words in a source's sentence that say it spoke without giving its name: an insider, not its
# government stating it ("a German official said on condition of anonymity").
UNNAMED = re.compile(
    r"""
    \banonym(?:ity|ously)\b                       # "on condition of anonymity", "speaking anonymously"
  | \b(?:asked|requested|declined)\ (?:not\ )?to\ be\ (?:named|identified)\b  # "who asked not to be named"
  | \bnot\ authori[sz]ed\ to\ (?:speak|talk|comment|discuss)\b  # "not authorised to speak publicly"
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Speakers named by their kind alone, whom a sentence may leave unnamed ("a US official", "two
# diplomats"); a person's or an outlet's name in the same sentence is not left unnamed by it.
KIND_OF_SPEAKER = re.compile(
    r"\b(?:officials?|sources?|diplomats?|aides?|officers?|insiders?|people|persons?|spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)


def unnamed_source(source: Source, context: Context) -> bool:
    """The source does not say who it is: by its name ("people familiar with the matter"), or by
    the words attached to it ("a US official, who asked not to be named, said"). One whose name
    holds a person's ("Pentagon spokesman John Kirby") has said who it is."""
    if ANONYMOUS.search(source.name):
        return True
    if source.kind == "media" or not KIND_OF_SPEAKER.search(source.name) or _names_person(source, context):
        return False
    return any(UNNAMED.search(stretch) for stretch in _attached(source, context))


def _names_person(source: Source, context: Context) -> bool:
    span = source.span
    return span is not None and any(span.start <= p.start < span.end for p in context.people)


# A clause that opens a sentence with a participle ("Speaking on condition of anonymity, a US
# official said"): it tells of the sentence's subject.
OPENING_PARTICIPLE = re.compile(r"\s*[A-Z]\w*ing\b[^,;]*,\s*$")


def _attached(source: Source, context: Context) -> list[str]:
    """The words that tell of the source itself: its own span and what follows it up to the end
    of the next comma-delimited stretch (its relative clause or participle: ", who asked not to be
    named, said"), cut at the next speaker ("said, adding that officials who asked not to be
    named ..." tells of those officials); and a participle clause opening the sentence before it."""
    sentence = context.sentence_at(source.span)
    if sentence is None or source.span is None:
        return []
    text = context.article.text
    after = text[source.span.start + len(source.name) : sentence.end]
    commas = [i for i, c in enumerate(after) if c == ","]
    reach = commas[1] if len(commas) > 1 else len(after)
    other = KIND_OF_SPEAKER.search(after, 0, reach)
    stretches = [after[: other.start() if other else reach]]
    before = text[sentence.start : source.span.start]
    if OPENING_PARTICIPLE.match(before):
        stretches.append(before)
    return stretches


# Sources that report rather than comment: a state's officials or intelligence, unnamed.
REPORTERS = re.compile(r"\b(?:officials?|intelligence|sources?|diplomats?|agency|services)\b", re.IGNORECASE)
# What a state's analysts give out, which reports as they do: "according to a Pentagon assessment"
# (a state's, not a UN panel's or an institute's).
ASSESSMENTS = re.compile(r"\b(?:assessments?|estimates?)\b", re.IGNORECASE)
# A state's institutions, spokesmen and office holders, which also speak of others' public aid
# ("the British defence ministry said" in the next paragraph of a US package): reporters only of
# what was sent or promised, where the transfer's own sentence cites them ("Iran has sent drones
# to Russia, the UK ministry said").
INSTITUTIONS = re.compile(
    r"""\b(?:ministry|government|military|army|armed\ forces|navy  # "the UK defence ministry said"
        |spokes(?:man|woman|person)|embassy|command|council        # "a US National Security Council spokesman"
        |department                                                 # "the US State Department said"
        |joint\ chiefs|general\ staff|chiefs\ of\ staff             # "Seoul's Joint Chiefs of Staff"
        |president|(?:prime\ )?minister|chancellor|secretary|ambassador  # "Ukrainian President Volodymyr Zelensky"
        )\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Intelligence reports on others' arms, never on its own state's: one named by no state is a third party's.
INTELLIGENCE = re.compile(r"\bintelligence\b", re.IGNORECASE)


def _only_third_parties(transfer: Transfer, supplier: str | None, fellows: set[str], unnamed: list[Source]) -> bool:
    """Every source is a third state's officials or intelligence, a third state itself ("South
    Korea says", "according to Washington") of what a state sent or promised (an alliance's aid,
    "NATO's support for Ukraine", is a public programme, and a refusal or talk a public stance),
    or anonymous: the supplier has said nothing. An outlet carries what its sources told it
    ("the Washington Post reported, citing US officials"): the others decide.
    Outlets alone ("Reuters reported"), people of no state (who may only be commenting on an
    announced transfer) and the recipient's or a fellow supplier's officials leave the default."""
    parties = {supplier, transfer.recipient.id if transfer.recipient else None} | fellows
    reported = is_state_id(supplier) and transfer.status in SENT_OR_PROMISED

    def third(source) -> bool:
        if source in unnamed:
            return True
        named = {m.id for m in find_actors(source.name)} | {source.actor_id} - {None}
        if parties & named:
            return False
        if REPORTERS.search(source.name):
            return bool(named) or INTELLIGENCE.search(source.name) is not None
        if ASSESSMENTS.search(source.name) and any(is_state_id(n) for n in named):
            return True
        return reported and (_a_state_itself(source.name) or _state_office(source, named, transfer))

    # an outlet carries what others told it ("intelligence agencies" are no outlet, if read as one)
    cited = [s for s in transfer.sources if s.kind != "media" or REPORTERS.search(s.name)]
    return supplier is not None and bool(cited) and all(third(s) for s in cited)


def _state_office(source: Source, named: set[str], transfer: Transfer) -> bool:
    """A state's institution or office holder ("the UK defence ministry", "Ukrainian President
    Volodymyr Zelensky", or "Zelensky" alone, a state's leader the lexicon knows), not an
    alliance's, cited in one of the transfer's own sentences."""
    span = source.span
    return (
        (INSTITUTIONS.search(source.name) is not None or _a_leader(source.name))
        and any(is_state_id(i) for i in named)
        and span is not None
        and any(e.start <= span.start < e.end for e in transfer.evidence)
    )


# Stages a third state reports of a supply it has seen or learnt of, unlike a refusal or talk.
SENT_OR_PROMISED = {"delivered", "in_progress", "pledged"}
# Kinds of name that stand for a state as a whole: its name, an alias, its capital or seat of
# power ("Seoul", "the White House"); a leader or a demonym is a person or an adjective.
STATE_ITSELF = {"state", "alias", "seat"}
# How much of a source's name may lie outside the state's name ("the", "'s").
NAME_SLACK = 4


def _a_leader(name: str) -> bool:
    """The source is one office holder of a state, named by the name alone ("Kuleba", "Olaf
    Scholz"), as the actors' lexicon lists its leaders and ministers."""
    found = find_actors(name)
    return len(found) == 1 and found[0].kind == "leader" and len(name) - len(found[0].text) <= NAME_SLACK


def _a_state_itself(name: str) -> bool:
    """The source is a state named as such, nothing more: "South Korea", "Seoul", "the United States"."""
    found = find_actors(name)
    return (
        len(found) == 1
        and found[0].kind in STATE_ITSELF
        and len(found[0].id or "") == 3
        and len(name) - len(found[0].text) <= NAME_SLACK
    )


def _confidence(transfer: Transfer) -> float:
    score = 0.5 + 0.1 * min(len(transfer.evidence), 2) + 0.1 * bool(transfer.sources)
    score += 0.1 * (transfer.item.category != "unspecified")
    return round(min(score, 0.95), 2)
