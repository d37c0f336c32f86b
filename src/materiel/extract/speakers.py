"""Candidate speakers of a quotation and what the ranker reads about each.

The candidates of a quotation are the mentions (see mentions.py) of its own sentence, of up to
three sentences before it and of the sentence after it, plus the previous quotation's speaker
and, for a quotation with no reporting clause of its own, the article's last few earlier speakers
(earlierspeakers.py). Each has features: where it is (sentence distance, side of the quotation, characters away,
paragraph crossed: speakerplaces.py), how it relates to a reporting verb ("X said", "said X",
"according to X", "told X": speakerverbs.py; the first name of the quotation's sentence with a
reporting verb before the quotation), what kind of mention it is and how it was resolved, and
how the quotation sits (continuing an open quotation, a reporting verb beside it or not).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from materiel.extract.earlierspeakers import Spoken, earlier_features
from materiel.extract.heads import head_subject
from materiel.extract.interviews import interviewee
from materiel.extract.mentions import Mention, Sentence
from materiel.extract.namedafter import named_after
from materiel.extract.quotations import Quotation
from materiel.extract.sentences import sentences_of
from materiel.extract.speakerplaces import mention_features, position_features
from materiel.extract.speakerverbs import own_clause, quoter, verb_features
from materiel.extract.speakerwords import FRAMES, SAY, SAYING
from materiel.extract.textgender import agreeing

# Sentences before a quotation, and after it, in which its speaker may be named (see ADJACENT_BEFORE).
SENTENCES_BEFORE = 2
SENTENCES_AFTER = 1
# Mentions further away than the quotation's sentence and the one before it are candidates only
# when a reporting verb governs them ("Berg said so on Monday"). Grouped cross-validated recall:
# every mention of 3 sentences before and 1 after 0.659; of 1 before and none after 0.683; this
# filter over 2 before and 1 after 0.680 (3 before: 0.674), keeping a speaker named next.
ADJACENT_BEFORE = 1
SPEAKING = {"verb=subject", "verb=inverted", "verb=according", "verb=colon"}
# Indefinite pronouns that, as the subject of the verb of saying above a quotation, say that no one
# in particular speaks it ("Nobody has called the deal “...”", "Everyone agreed it was “...”").
NO_ONE = frozenset({"nobody", "no one", "none", "everyone", "everybody", "someone", "somebody", "anyone", "anybody"})


@dataclass
class Candidate:
    name: str
    mention: Mention | None
    features: dict[str, float] = field(default_factory=dict)
    opener_pronoun: bool = False  # a pronoun for the person opening the sentence before (see speakerplaces.py)
    reported_before: bool = False  # says the sentence before a quotation that has no clause of its own
    own_clause: bool = False  # the subject of the reporting clause in the quotation's own sentence
    owns_words: bool = False  # owns the noun of speech the quotation gives ("Berg's warning that “...”")
    named_after: bool = False  # named next as the one whose words they were ("That was the message from")
    answers: bool = False  # the person interviewed, answering the reporter's question (interviews.py)


@dataclass(frozen=True)
class Setting:
    """What a quotation's candidates are read against."""

    masked: str
    sentences: list[Sentence]
    mentions: list[Mention]
    counts: dict[str, int]  # how often each resolved name is mentioned in the article
    leading: dict[int, int] = field(default_factory=dict)  # each sentence's first named mention's start
    parses: dict[int, Doc] = field(default_factory=dict)  # quotations' sentences that heads.py reads
    genders: dict[str, str] = field(default_factory=dict)  # genders the text tells, by name (textgender.py)
    own: dict = field(default_factory=dict)  # each mention's own features, by id (speakerplaces.mention_features)

    def __post_init__(self) -> None:
        for mention in reversed(self.mentions):
            if mention.name:
                self.leading[mention.sentence] = mention.start


def candidates(
    quote: Quotation,
    setting: Setting,
    previous: str | None,
    continues: bool,
    before: Quotation | None = None,
    spoken: list[Spoken] | None = None,
) -> list[Candidate]:
    """The candidate speakers of `quote`, each with its features; `before` is the quotation
    `previous` spoke; `spoken` the article's earlier quotations with the speakers they were given
    (earlierspeakers.py)."""
    first, last = sentences_of(quote.start, quote.end, setting.sentences)
    frame = _frame(quote, setting, first, last)
    doc = setting.parses.get(first)
    head = head_subject(quote, doc, setting.sentences[first]) if doc is not None else None
    if head and setting.masked[head[0] : head[1]].lower() in NO_ONE:
        return []  # "Nobody has called it “...”": the words are no one's
    out = _mentioned(quote, setting, first, last, head)
    if previous and (continues or not frame["q_verb"]):  # a quotation with no reporting clause of its own
        out.append(Candidate(previous, None, {"kind=prev": 1.0} | _since(before, quote, setting, first)))
    if not frame["q_verb"]:  # no reporting clause of its own: it may go on an earlier speaker's words
        _add_unframed(out, quote, setting, previous, spoken or [], (first, last))
    out = agreeing(out, setting.genders)
    _rank(out, quote)
    _rivals(out)
    _mark_reported(out, quote, setting, first, last, frame, continues)
    for candidate in out:
        candidate.features.update(_shared(candidate, previous, continues, frame, setting.counts))
    return out


def _add_unframed(
    out: list[Candidate],
    quote: Quotation,
    setting: Setting,
    previous: str | None,
    spoken: list[Spoken],
    at: tuple[int, int],
) -> None:
    """Add to `out` the speakers of a quotation with no reporting clause of its own: earlier
    speakers (earlierspeakers.py), a name right after it (namedafter.py), an interview's answerer
    (interviews.py)."""
    for name, features in earlier_features(quote, spoken, [c.name for c in out]):
        out.append(Candidate(name, None, features))
    after = named_after(setting.masked, setting.sentences, at[1], setting.mentions)
    out += _offered(quote, after, setting, at, out, "named_after")
    answering = interviewee(quote, setting, previous, [s.name for s in spoken])
    out += _offered(quote, answering, setting, at, out, "answers")


def _offered(
    quote: Quotation, who: Mention | str | None, setting: Setting, at: tuple[int, int], out: list[Candidate], mark: str
) -> list[Candidate]:
    """Set `mark` on the candidate of the mention `who` (adding it) or of the speaker so named; the new ones."""
    offered = [c for c in out if c.mention is who or c.name == who]
    if who is None or (isinstance(who, str) and not offered):
        return []
    found = offered or _of_mention(quote, who, setting, *at)
    setattr(found[0], mark, True)
    return [] if offered else found


def _mark_reported(
    out: list[Candidate],
    quote: Quotation,
    setting: Setting,
    first: int,
    last: int,
    frame: dict[str, float],
    continues: bool,
) -> None:
    """A quotation that opens its paragraph with no reporting clause of its own, after a paragraph
    that paraphrases someone: mark the candidates that paragraph reported."""
    unframed = not frame["q_verb"] and not _framed(quote, setting, first, last)
    if unframed and frame["q_opens"] and not continues and _paraphrases(setting, first - 1):
        for candidate in out:
            candidate.reported_before = _reports(candidate, first)


def _mentioned(
    quote: Quotation, setting: Setting, first: int, last: int, head: tuple[int, int] | None
) -> list[Candidate]:
    """The candidates of the names mentioned near the quotation (`first` to `last` its sentences),
    outside it; the one inside the subject of the quotation's own sentence (`head`) marked so."""
    out = []
    for mention in setting.mentions:
        near = first - SENTENCES_BEFORE <= mention.sentence <= last + SENTENCES_AFTER
        if near and mention.name and not quote.start <= mention.start < quote.end:
            found = _of_mention(quote, mention, setting, first, last)
            if head and head[0] <= mention.start and mention.end <= head[1] and not quoter(mention, setting):
                for candidate in found:
                    candidate.features["head"] = 1.0
            adjacent = first - ADJACENT_BEFORE <= mention.sentence <= last
            out.extend(c for c in found if adjacent or any(k in SPEAKING for k in c.features))
    return out


# Features of the previous speaker's candidate that say how far back its quotation is (see _since).
PREV_GAP = ("prev_sentences", "prev_next", "prev_paragraph", "prev_para_opens")
# Sentences between the previous quotation and this one beyond which the gap reads the same.
SINCE_SENTENCES = 4


def _since(before: Quotation | None, quote: Quotation, setting: Setting, first: int) -> dict[str, float]:
    """How far the previous quotation, whose speaker is offered again, stands from this one: the
    sentences of narrative between them, whether it is in the same paragraph, and whether this one
    opens its paragraph. (Whether someone else named between is the subject of a reporting verb
    was measured too, and lowered grouped cross-validation.)"""
    if before is None:
        return {}
    _, last = sentences_of(before.start, before.end, setting.sentences)
    gap = max(first - last - 1, 0)
    return {
        "prev_sentences": min(gap, SINCE_SENTENCES) / SINCE_SENTENCES,
        "prev_next": float(gap == 0),
        "prev_paragraph": float(before.paragraph == quote.paragraph),
        "prev_para_opens": float(_opens_paragraph(quote, setting, first)),
    }


def _opens_paragraph(quote: Quotation, setting: Setting, first: int) -> bool:
    """The quotation opens its paragraph: the first words of the first sentence there."""
    sentence = setting.sentences[first]
    opening = first == 0 or setting.sentences[first - 1].paragraph != sentence.paragraph
    return opening and not setting.masked[sentence.start : quote.start].strip()


def _framed(quote: Quotation, setting: Setting, first: int, last: int) -> bool:
    """A verb that frames the quotation as someone's words stands in its sentence ("“...,” she
    predicted")."""
    start, end = setting.sentences[first].start, setting.sentences[last].end
    return FRAMES.search(setting.masked[start : quote.start] + " " + setting.masked[quote.end : end]) is not None


def _frame(quote: Quotation, setting: Setting, first: int, last: int) -> dict[str, float]:
    """Features of the quotation itself: a reporting verb beside it, where it sits."""
    start, end = setting.sentences[first].start, setting.sentences[last].end
    outside = setting.masked[start : quote.start] + " " + setting.masked[quote.end : end]
    opens = not setting.masked[start : quote.start].strip()
    return {
        "q_verb": float(bool(SAY.search(outside) or SAYING.search(outside))),
        "q_opens": float(opens),
        "q_closed": float(quote.closed),
        "q_colon": float(setting.masked[start : quote.start].rstrip().endswith(":")),
        "q_block": float(quote.block),
    }


def _of_mention(quote: Quotation, mention: Mention, setting: Setting, first: int, last: int) -> list[Candidate]:
    features = position_features(quote, mention, setting, first, last) | verb_features(mention, setting, quote)
    kind = mention.kind + (f"_{mention.via}" if mention.via else "")
    if mention.kind == "pronoun":
        kind += "_" + mention.text.lower()
    own_features, opener = mention_features(mention, setting)
    features.update(own_features)
    features.update(_clause(quote, mention, setting, first, last))
    if quoter(mention, setting):  # "The paper quoted him as saying:": the paper reports, "him" speaks
        features.pop("verb=colon", None)
        features["leads_to_say"] = 0.0
    own = own_clause(quote, mention, setting, features)
    out = [Candidate(mention.name or "", mention, features | {f"kind={kind}": 1.0}, opener, own_clause=own)]
    out[0].owns_words = _owns_words(quote, mention, setting)
    if mention.kind == "role" and mention.via:  # the role noun itself ("the foreign minister")
        out.append(Candidate(mention.text, mention, features | {"kind=role_self": 1.0}, own_clause=own))
    return out


# A noun of speech owned by the name before it ("Berg’s warning that", "Berg’s comment during the
# war about", "the ministry’s insistence that"), or ending a mention that holds its owner ("the
# late Anna Berg's statement"): what the quotation after it gives is the owner's words.
SPEECH_NOUNS = r"""(?:comment|remark|statement|words|warning|claim|insistence|assertion|promise|pledge|message
    |argument|quip|vow|admission|observation|prediction|reminder|reply|retort|complaint|accusation|boast
    |mantra|slogan|description|appeal)s?"""
OWNED_SPEECH = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?" + SPEECH_NOUNS + r"\b", re.VERBOSE)
HOLDS_OWNER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?" + SPEECH_NOUNS + r"$", re.VERBOSE)
# Characters at most between the noun of speech and its quotation ("’s comment during the war about").
OWNED_REACH = 60


def _owns_words(quote: Quotation, mention: Mention, setting: Setting) -> bool:
    """The mention owns a noun of speech that the quotation right after it in its sentence gives
    (see OWNED_SPEECH), with no other quotation between them."""
    if mention.kind == "pronoun" or mention.end > quote.start:
        return False
    owned = HOLDS_OWNER.search(mention.text) is not None and mention.kind == "role_org"
    end = mention.end
    if not owned:
        match = OWNED_SPEECH.match(setting.masked, mention.end)
        owned, end = match is not None, match.end() if match else end
    gap = setting.masked[end : quote.start]
    sentence = setting.sentences[mention.sentence]
    return owned and len(gap) <= OWNED_REACH and not DOUBLE_MARKS.search(gap) and quote.start < sentence.end


def _clause(quote: Quotation, mention: Mention, setting: Setting, first: int, last: int) -> dict[str, float]:
    """Whether the mention is the first name of the quotation's own sentence with a reporting verb
    between it and the quotation ("Anna Berg, a researcher at the Nordic Institute said the deaths
    "..."", however long the apposition between the name and the verb)."""
    here = first <= mention.sentence <= last and mention.end <= quote.start
    leads = here and setting.leading.get(mention.sentence) == mention.start
    between = setting.masked[mention.end : quote.start]
    says = leads and (SAY.search(between) or SAYING.search(between)) is not None
    return {"leads_to_say": float(says)}


def _rank(out: list[Candidate], quote: Quotation) -> None:
    """The nearest candidate, and the nearest one a reporting verb governs."""
    located = sorted(
        (c for c in out if c.mention), key=lambda c: abs((c.mention.start if c.mention else 0) - quote.start)
    )
    for rank, candidate in enumerate(located):
        candidate.features["nearest"] = float(rank == 0)
        candidate.features["rank"] = min(rank, 6) / 6
    speakers = [c for c in located if "verb=subject" in c.features or "verb=inverted" in c.features]
    if speakers:
        speakers[0].features["nearest_speaker"] = 1.0


def _rivals(out: list[Candidate]) -> None:
    """Whether someone else is the subject of a reporting verb in the quotation's own sentence
    ("“...,” Berg said"): then a speaker carried over from before is unlikely."""
    own = [c for c in out if c.mention and _speaks_here(c)]
    for candidate in out:
        others = [c for c in own if not _same_person(c.name, candidate.name)]
        candidate.features["rival_here"] = float(bool(others))
        candidate.features["rival_named"] = float(any(c.mention and c.mention.kind != "pronoun" for c in others))


# Where the subject of a reporting verb in the sentence just before a quotation stands for the
# speaker of that quotation ("Berg said the talks had failed. “...”", "said Berg"): "X said" or
# "said X" there. Not a pronoun ("Unity matters, he said. “...”"): which of its antecedents it
# stands for is a guess, and the previous quotation's speaker is as often the one (check set:
# quotes .761 without the rule, .755 with pronouns, .765 with names only).
REPORTED = {"verb=subject", "verb=inverted"}


# Double quotation marks: a sentence with one quotes someone, rather than tells what they said.
DOUBLE_MARKS = re.compile(r"[\"“”„«»]")


def _paraphrases(setting: Setting, index: int) -> bool:
    """The sentence before the quotation tells what someone said in its own words, quoting nothing:
    where it holds a quotation, the speaker of that one is read as the quotation's before it."""
    if index < 0:
        return False
    sentence = setting.sentences[index]
    return DOUBLE_MARKS.search(setting.masked, sentence.start, sentence.end) is None


def _reports(candidate: Candidate, first: int) -> bool:
    """The candidate is a name or role noun, the subject of a reporting verb in the sentence right
    before the quotation."""
    mention = candidate.mention
    if mention is None or mention.sentence != first - 1 or mention.kind == "pronoun":
        return False
    return any(candidate.features.get(k) for k in REPORTED)


def _speaks_here(candidate: Candidate) -> bool:
    here = "at=same_before" in candidate.features or "at=same_after" in candidate.features
    return here and any(k in SPEAKING for k in candidate.features)


def _shared(
    candidate: Candidate, previous: str | None, continues: bool, frame: dict[str, float], counts: dict[str, int]
) -> dict[str, float]:
    same = bool(previous) and _same_person(candidate.name, previous or "")
    out = {"prev_same": float(same), "mentions": math.log1p(counts.get(candidate.name, 0)) / 3}
    state = "+".join(name for name, value in sorted(frame.items()) if value) or "bare"
    keys = [k for k in candidate.features if k.startswith(("at=", "verb=", "kind="))]
    places = [k for k in keys if k.startswith("at=")] or ["at=none"]
    verbs = [k for k in keys if k.startswith("verb=")] or ["verb=none"]
    kinds = [k for k in keys if k.startswith("kind=")]
    for key in keys + [f"{p}&{v}" for p in places for v in verbs] + [f"{p}&{k}" for p in places for k in kinds]:
        out[f"{state}&{key}"] = 1.0
        out[f"{key}&{'prev' if same else 'other'}"] = 1.0
    for place in places:
        for verb in verbs:
            out[f"{place}&{verb}"] = 1.0
    for key in PREV_GAP:  # how far back the previous quotation is, by how this one sits
        if candidate.features.get(key):
            out[f"{state}&{key}"] = candidate.features[key]
    out["continues&prev"] = float(same and continues)
    return out


def _same_person(name: str, other: str) -> bool:
    return name == other or name.split()[-1:] == other.split()[-1:]
