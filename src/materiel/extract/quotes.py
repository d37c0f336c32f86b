"""Direct quotations and their speakers.

Quotations are found by their marks (quotations.py); every possible speaker in the article is a
mention (mentions.py); the candidates of each quotation (speakers.py) are ranked by a logistic
regression trained on the annotated articles (`tools/train_speakers.py`, `make model`) and
applied here in plain Python. The best candidate speaks unless its probability is below the
artefact's threshold: a quotation with no plausible speaker is left unattributed, not guessed.
Two subjects outrank the ranker's choice among the plausible: the name that introduces the
quotation ("Anna Berg said: “...”"), then the name that the parse of the quotation's sentence
makes the subject of the verb of saying above it (heads.py: "Berg called the plan “a mistake”").
Before them all, for a quotation with no reporting clause, the name the next sentence gives as the
one whose words they were ("“...” That was the message from Berg": namedafter.py).
Quotations are read in text order, so each knows who spoke the one before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from materiel.article import Article, Quote, Span, Speaker
from materiel.extract.abbreviations import with_short as _with_short
from materiel.extract.antecedentorder import subjects_first
from materiel.extract.antecedents import resolve
from materiel.extract.apposed import apposed
from materiel.extract.documents import name_issuers
from materiel.extract.earlierspeakers import Spoken
from materiel.extract.heads import parse_heads
from materiel.extract.mentions import find_mentions
from materiel.extract.model import Scorer, load_scorer
from materiel.extract.quotations import Quotation, find_quotations, mask
from materiel.extract.sentences import split_sentences
from materiel.extract.speakers import Candidate, Setting, candidates
from materiel.extract.textgender import NAMED, text_genders

if TYPE_CHECKING:
    from materiel.extract.context import Context

ARTEFACT = Path(__file__).resolve().parent / "models" / "speakers.json"
# A quotation whose previous one ended more than this many paragraphs before it does not
# inherit that speaker as a candidate.
PREVIOUS_PARAGRAPHS = 2

# The features of the subject of a reporting verb in the quotation's own sentence, before it and
# ending with a colon right before it ("Anna Berg said: “...”"). A pronoun that introduces the
# quotation ("He added: ...") is left to the ranker: it speaks for an antecedent that may be wrong,
# where the previous quotation's speaker is often right (dev: "He added:" resolved to an event).
INTRODUCER = {"at=same_before", "verb=subject", "verb=colon"}

# The first name of the quotation's sentence, with a reporting verb after it and its clause running
# to a colon right before the quotation, however many words stand between the name and the verb ("A
# spokesman for the former minister said: “...”", "Berg, who led the talks for years, says: “...”"):
# it introduces the quotation too, unless a preposition governs it or it owns a noun ("At a ceremony
# in Oslo, he said:", "Berg's adviser said:").
LEADING_INTRODUCER = {"at=same_before", "leads_to_say", "verb=colon"}
NOT_SUBJECT = {"governed", "possessive"}

# A pronoun that is the subject of the verb of saying beside the quotation ("“...,” he said") and
# stands for the subject that opened the sentence before it ("Berg thanked the allies. “...,” he
# said"): the person the text is about, more likely than an object named after that subject
# ("thanked Biden") or the speaker of an earlier quotation. Its reporting clause is in the
# quotation's sentence, or in the sentence just before where no one else speaks in the quotation's
# own ("Berg was blunt. Unity matters, he said. “...”").
PRONOUN_SUBJECT = {"verb=subject"}
PRONOUN_PLACES = {"at=same_before", "at=same_after"}
PRONOUN_BEFORE = "at=before1"

# Words right before a quotation that make it a name, a title or a slogan, which nobody in the
# article is quoted as saying: scare quotes ("the so-called “kamikaze drones”"), titles ("a
# report titled “Arms for Peace”", "Reuters headlined “...”") and what signs read ("placards
# reading “no more weapons”").
NAMING = re.compile(
    r"""\b(?:so-called|so\s+called                         # scare quotes
        |titled|entitled|headlined|subtitled             # a title or headline
        |(?:the|a|an|his|her|their|its|new|latest|first)\s+(?:novel|book|film|movie|documentary|song|album|poem|play|
            opera|memoir|essay|podcast|exhibition|painting)s?\s*,?   # a work's title after its noun ("the novel “...”")
        |(?:signs?|placards?|banners?|posters?|slogans?|t-shirts?)\s+(?:reading|saying|that\s+read)   # a sign's words
        )\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# Characters before a quotation read for those words.
NAMING_REACH = 40

Choose = Callable[[Quotation, list[Candidate]], Candidate | None]


@dataclass
class Attributed:
    quotation: Quotation
    candidates: list[Candidate]
    chosen: Candidate | None


def find_quotes(context: Context) -> list[Quote]:
    """The quotations of an article's English paragraphs, with their speakers."""
    return quotes_of(context.article)


def quotes_of(article: Article, scorer: Scorer | None = None) -> list[Quote]:
    scorer = scorer or load_scorer(ARTEFACT)
    found = attribute(article, lambda _, options: best(options, scorer))
    return [_quote(a, article.text) for a in found]


def best(options: list[Candidate], scorer: Scorer) -> Candidate | None:
    """The likeliest candidate, or none when even it is below the threshold. The subject of a
    clause that introduces the quotation ("Anna Berg said: “...”") speaks it whenever the ranker
    finds that subject plausible, however likely the speaker of the quotation before it is; so,
    after it, does the subject of the verb of saying that governs the quotation in the parse; and
    for a quotation with no reporting clause of its own that opens its sentence, the subject of a
    reporting verb in the sentence before it ("Berg said the talks failed. “...”"), over the
    speaker of the quotation before."""
    named_next = [c for c in options if c.named_after]
    if named_next:  # "“...” That was the message from Colonel Petrenko": named as the words' owner
        return named_next[0]
    answering = [c for c in options if c.answers]
    if answering:  # an interview's bare answer to the reporter's question (interviews.py)
        return answering[0]
    scored = [(scorer.probability(c.features), c) for c in options]
    plausible = [pair for pair in scored if pair[0] >= scorer.threshold or _subject_pronoun(pair[1])]
    if not plausible:  # none the ranker finds plausible: the owner of the noun of speech that gives it, if any
        owners = [c for c in options if c.owns_words]  # "Trotsky’s comment about “...”"
        return max(owners, key=lambda c: c.mention.start if c.mention else 0) if owners else None
    introducers = [pair for pair in plausible if _introduces(pair[1])]
    heads = [pair for pair in plausible if _heads(pair[1])]
    pronouns = [pair for pair in plausible if _subject_pronoun(pair[1])]
    own = [pair for pair in plausible if pair[1].own_clause]
    reported = [pair for pair in plausible if pair[1].reported_before]
    return max(introducers or heads or pronouns or own or reported or plausible, key=lambda pair: pair[0])[1]


def _subject_pronoun(candidate: Candidate) -> bool:
    """A pronoun subject of the quotation's verb of saying that stands for the subject opening the
    sentence before it (see PRONOUN_SUBJECT), with no one else named as a speaker beside it."""
    if not candidate.opener_pronoun:
        return False
    on = {name for name, value in candidate.features.items() if value}
    here = bool(on & PRONOUN_PLACES) or (PRONOUN_BEFORE in on and "rival_here" not in on)
    return here and on >= PRONOUN_SUBJECT and not on & {"rival_named", "ante_governed", "ante_object"}


def _heads(candidate: Candidate) -> bool:
    """A name written out (not a pronoun or role noun, whose antecedent may be wrong) that is the
    subject of the verb of saying governing the quotation in its sentence's parse (heads.py):
    "Berg called the plan “a grave mistake”", "Berg hailed the deal, calling it “historic”"."""
    on = {name for name, value in candidate.features.items() if value}
    mention = candidate.mention
    return mention is not None and mention.antecedent is None and "head" in on and not on & NOT_SUBJECT


def _introduces(candidate: Candidate) -> bool:
    """A name (not a pronoun, whose antecedent may be wrong) that introduces the quotation."""
    named = candidate.mention is not None and candidate.mention.kind != "pronoun"
    on = {name for name, value in candidate.features.items() if value}
    return named and (on >= INTRODUCER or (on >= LEADING_INTRODUCER and not on & NOT_SUBJECT))


def attribute(article: Article, choose: Choose) -> list[Attributed]:
    """Each quotation of the article with its candidates and the one `choose` picked, in order."""
    paragraphs = english_paragraphs(article)
    quotations = find_quotations(paragraphs)
    if not quotations:
        return []  # the mentions of the setting are looked for only around quotations
    setting = _setting(article.text, paragraphs, quotations)
    out: list[Attributed] = []
    for quotation in quotations:
        previous = out[-1] if out and quotation.paragraph - out[-1].quotation.paragraph <= PREVIOUS_PARAGRAPHS else None
        name = previous.chosen.name if previous and previous.chosen else None
        continues = bool(previous) and _continues(previous.quotation, quotation)
        spoken = [Spoken(a.chosen.name, a.quotation) for a in out if a.chosen]
        options = candidates(quotation, setting, name, continues, previous.quotation if previous else None, spoken)
        out.append(
            Attributed(
                quotation, options, None if _named_thing(article.text, quotation) else choose(quotation, options)
            )
        )
    return out


def _named_thing(text: str, quotation: Quotation) -> bool:
    """A quotation that names a thing or a title rather than reports words (see NAMING)."""
    return NAMING.search(text[max(0, quotation.start - NAMING_REACH) : quotation.start]) is not None


def english_paragraphs(article: Article) -> list[tuple[int, str]]:
    languages = article.paragraph_languages or []
    paragraphs = article.paragraphs()
    if not languages:
        return paragraphs
    return [p for p, lang in zip(paragraphs, languages, strict=False) if lang in ("en", "und")]


def _setting(text: str, paragraphs: list[tuple[int, str]], quotations: list[Quotation]) -> Setting:
    masked = mask(text, [(q.start, q.end) for q in quotations])
    sentences = split_sentences(masked, paragraphs)
    found = find_mentions(masked, sentences)
    genders = text_genders(masked, sentences, found)
    found = [replace(m, gender=genders.get(m.text, "")) if m.kind in NAMED else m for m in found]
    mentions = name_issuers(subjects_first(apposed(resolve(found, sentences), masked), masked), masked, text)
    counts = Counter(m.name for m in mentions if m.name and not m.antecedent)
    parses = parse_heads(quotations, masked, sentences, mentions)
    return Setting(masked, sentences, mentions, dict(counts), parses=parses, genders=genders)


def _continues(previous: Quotation, quotation: Quotation) -> bool:
    """An open quotation continued by the next paragraph's quotation (the same speech)."""
    return not previous.closed and quotation.paragraph == previous.paragraph + 1


def _quote(found: Attributed, text: str) -> Quote:
    chosen, quotation = found.chosen, found.quotation
    speaker = None
    if chosen:
        speaker = Speaker(_with_short(chosen.name, text), None, chosen.mention.actor_id if chosen.mention else None)
    return Quote(speaker, quotation.text.rstrip(), Span(quotation.start, quotation.end))
