"""Candidate speakers of a quotation and what the ranker reads about each.

The candidates of a quotation are the mentions (see mentions.py) of its own sentence, of up to
three sentences before it and of the sentence after it, plus the previous quotation's speaker.
Each has features: where it is (sentence distance, side of the quotation, characters away,
paragraph crossed), how it relates to a reporting verb ("X said", "said X", "according to X",
"told X"; the first name of the quotation's sentence with a reporting verb before the
quotation), what kind of mention it is and how it was resolved, and how the quotation sits
(continuing an open quotation, a reporting verb beside it or not).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from materiel.extract.heads import head_subject
from materiel.extract.mentions import Mention, Sentence
from materiel.extract.quotations import Quotation
from materiel.extract.sentences import sentences_of
from materiel.extract.speakerwords import DESCRIBING, FRAMES, PERSON_ROLES, SAY, SAYING, TITLES

# Sentences before a quotation, and after it, in which its speaker may be named (see ADJACENT_BEFORE).
SENTENCES_BEFORE = 2
SENTENCES_AFTER = 1
# Mentions further away than the quotation's sentence and the one before it are candidates only
# when a reporting verb governs them ("Berg said so on Monday"). Grouped cross-validated recall:
# every mention of 3 sentences before and 1 after 0.659; of 1 before and none after 0.683; this
# filter over 2 before and 1 after 0.680 (3 before: 0.674), keeping a speaker named next.
ADJACENT_BEFORE = 1
SPEAKING = {"verb=subject", "verb=inverted", "verb=according", "verb=colon"}
SAY_PATTERN = SAY.pattern
# "Anna Berg, the defence minister, said": a subject, an apposition, then the verb.
SUBJECT_BEFORE_VERB = r"""^(?:\s*\([^()\n]{1,40}\))?            # an abbreviation in brackets ("(MoD)")
        (?:\s*,[^,“”"«»\n]{0,130},)?                     # an apposition between commas
        (?:\s*[–—][^–—“”"«»\n]{1,130}[–—])?              # or between dashes ("Bear – a call-sign – said")
        (?:\s*,)?                                        # the closing comma of one opened before
        (?:\s*who\b)?                                   # a relative clause's subject ("Berg, who called it")
        \s*(?:(?:has|had|have|also|later|then|was|were|is|would|will|further|previously|once|
              \w+ly)\s+)*                               # auxiliaries and adverbs
"""
SUBJECT_OF = re.compile(SUBJECT_BEFORE_VERB + "(?:" + SAY_PATTERN + ")", re.VERBOSE | re.IGNORECASE)
# "Anna Berg called the plan “...”": the subject of a verb that frames a partial quotation.
FRAMER_OF = re.compile(SUBJECT_BEFORE_VERB + "(?:" + FRAMES.pattern + ")", re.VERBOSE | re.IGNORECASE)
# A lower-case noun that describes the person named after it ("researcher", "resident").
DESCRIBED_NOUN = r"(?-i:(?:" + "|".join(sorted(DESCRIBING | PERSON_ROLES)) + r")s?)"
# Role nouns of a speaker named after them ("said defence ministry adviser Oleh Marchenko").
NAMED_ROLE = r"(?-i:(?:" + "|".join(sorted(PERSON_ROLES | DESCRIBING)) + r")s?)"
# "said Anna Berg", "told reporters Anna Berg" is rare: "told X" makes X the hearer.
AFTER_VERB = re.compile(
    r"(?P<verb>" + SAY_PATTERN + r")\s*,?\s*"
    r"(?:(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2})?"  # a determiner, modifiers ("said a technical adviser")
    r"(?:(?:[a-z-]+\s+){0,2}" + NAMED_ROLE + r",?\s+)?"  # modifiers and a role ("ministry adviser", "executive, ")
    r"(?:(?-i:[A-Z][\w.-]*\s+){1,3}" + DESCRIBED_NOUN + r"\s+)?"  # a place and a describing noun ("SIPRI researcher")
    r"(?-i:[A-Z][\w.-]*\s+){0,4}$",  # capitalised words before the name ("said Defence Minister")
    re.VERBOSE | re.IGNORECASE,
)
# A verb right after a name: "said Blair was ..." makes the name the subject of the reported
# clause, not of the reporting verb before it.
CLAUSE_VERB = re.compile(
    r"""\s+(?:was|is|are|were|has|had|have|would|will|could|should|can|may|might|must|did|does   # auxiliaries
        |(?!(?:indeed|this|thus|plus|as|its|his|us|was|is|has|does)\b)[a-z]{3,}(?:ed|es)      # a past or present verb
        |made|took|gave|sent|told|knew|saw|got|went|wants|needs|plans|hopes|thinks|says)\b""",  # "said Biden made"
    re.VERBOSE,
)
HEARER_VERB = re.compile(
    r"\b(?:told|tells|tell|telling|asked|asks|asking|to|with|by|for)\s+(?:the\s+)?$", re.IGNORECASE
)
# "quoted X", "citing X"; not "was quoted as telling X" (the one quoted speaks, X hears), nor "was
# quoted by X as saying" (X reports).
ACCORDING = re.compile(
    r"\b(?:according\s+to|in\s+the\s+words\s+of|cited|quoting|citing|quoted)\s+(?!as\s|by\s)"  # "in the words of X"
    r"(?:the\s+|a\s+)?(?:[\w.’'-]+\s+){0,4}$",  # "Russia’s"
    re.IGNORECASE,
)
# The mention's clause runs on to a colon right before the quotation ("Kasparov urged haste: "...").
COLON = re.compile(r"^[^.!?:;“”\"«»]{0,120}:\s*$")
# A name after a preposition or an object verb is what a clause is about, not who speaks in it.
OBJECT_OF = re.compile(
    r"\b(?:with|to|by|of|about|on|from|for|against|at|into|under|between|met|meets|meeting|called|urged|asked|told)"
    r"\s+(?:[A-Z][\w.’'-]*\s+){0,4}$"
)
# A possessive ending right after a mention: "Beijing’s “attempts to change the status quo”" names
# whose words or deeds are quoted, not who quotes them.
POSSESSIVE = re.compile(r"['’]s\b")
# A preposition just before a mention, past a determiner and up to two modifiers: the mention is
# the object of a phrase ("the inspectors of three agencies stated", "aid to Ukraine stated"), not
# the subject of the verb after it.
GOVERNED = re.compile(
    r"\b(?:of|to|with|by|about|from|for|against|at|into|in|on|under|between)\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,2}$"
)
# A title's own "of" or "for" phrase right before a name: "Secretary of Defense Anna Berg said",
# "Minister for Foreign Affairs Anna Berg", "Chairman of the Joint Chiefs of Staff Jon Berg" name
# their holder, whom no preposition governs. Case-sensitive: the words after the preposition are
# capitalised, and the word before it is a title (see TITLES).
TITLE_PHRASE = re.compile(
    r"""(?P<title>[A-Z][\w-]*)\s+(?:of|for)\s+    # the title ("Secretary", "Secretary-General")
        (?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,5}$     # its capitalised object ("Defense", "the Joint Chiefs")
    """,
    re.VERBOSE,
)
# A mention that ends a prepositional phrase is what the phrase's head noun is about, so a reporting
# verb after it has that head for subject: "the head of the defence ministry said", "officials in
# Oslo said" (the ministry and Oslo do not speak). Case-sensitive: a capitalised word between the
# preposition and the name makes it a title ("Secretary of State Anna Berg said").
IN_PHRASE = re.compile(
    r"""\b[\w’'-]+\s+                                         # the head ("head", "officials", "Agency in Oslo")
        (?:of|for|at|in|from|to|with|about|on|under|between|against|into)\s+  # not "by", which names an agent
        (?:(?:the|a|an|its|his|her|their)\s+)?                 # a determiner
        (?:[a-z][\w’'-]*\s+){0,2}$                             # lower-case modifiers ("defence", "armed forces")
    """,
    re.VERBOSE,
)
# Indefinite pronouns that, as the subject of the verb of saying above a quotation, say that no one
# in particular speaks it ("Nobody has called the deal “...”", "Everyone agreed it was “...”").
NO_ONE = frozenset({"nobody", "no one", "none", "everyone", "everybody", "someone", "somebody", "anyone", "anybody"})
# Characters of text after a mention in which its reporting verb must begin.
VERB_REACH = 140
# What may stand before the subject that opens a sentence: its title, its country's name and a
# determiner ("Canadian Prime Minister Justin Trudeau", "The former NATO chief Anna Berg").
OPENS_SENTENCE = re.compile(
    r"""^[\s“"«(]*                                         # the sentence's start
        (?:(?:the|a|an|former|then|retired|acting|[A-Z][\w.’'-]*)\s+)*$   # determiners and capitalised words
    """,
    re.VERBOSE,
)


@dataclass
class Candidate:
    name: str
    mention: Mention | None
    features: dict[str, float] = field(default_factory=dict)
    opener_pronoun: bool = False  # a pronoun for the person opening the sentence before (see _opener_pronoun)


@dataclass(frozen=True)
class Setting:
    """What a quotation's candidates are read against."""

    masked: str
    sentences: list[Sentence]
    mentions: list[Mention]
    counts: dict[str, int]  # how often each resolved name is mentioned in the article
    leading: dict[int, int] = field(default_factory=dict)  # each sentence's first named mention's start
    parses: dict[int, Doc] = field(default_factory=dict)  # quotations' sentences that heads.py reads

    def __post_init__(self) -> None:
        for mention in reversed(self.mentions):
            if mention.name:
                self.leading[mention.sentence] = mention.start


def candidates(quote: Quotation, setting: Setting, previous: str | None, continues: bool) -> list[Candidate]:
    """The candidate speakers of `quote`, each with its features."""
    first, last = sentences_of(quote.start, quote.end, setting.sentences)
    frame = _frame(quote, setting, first, last)
    doc = setting.parses.get(first)
    head = head_subject(quote, doc, setting.sentences[first]) if doc is not None else None
    if head and setting.masked[head[0] : head[1]].lower() in NO_ONE:
        return []  # "Nobody has called it “...”": the words are no one's
    out = []
    for mention in setting.mentions:
        near = first - SENTENCES_BEFORE <= mention.sentence <= last + SENTENCES_AFTER
        if near and mention.name and not quote.start <= mention.start < quote.end:
            found = _of_mention(quote, mention, setting, first, last)
            if head and head[0] <= mention.start and mention.end <= head[1] and not _quoter(mention, setting):
                for candidate in found:
                    candidate.features["head"] = 1.0
            adjacent = first - ADJACENT_BEFORE <= mention.sentence <= last
            out.extend(c for c in found if adjacent or any(k in SPEAKING for k in c.features))
    if previous and (continues or not frame["q_verb"]):  # a quotation with no reporting clause of its own
        out.append(Candidate(previous, None, {"kind=prev": 1.0}))
    _rank(out, quote)
    _rivals(out)
    for candidate in out:
        candidate.features.update(_shared(candidate, previous, continues, frame, setting.counts))
    return out


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
    features = _position(quote, mention, setting, first, last) | _verb(mention, setting, quote)
    kind = mention.kind + (f"_{mention.via}" if mention.via else "")
    if mention.kind == "pronoun":
        kind += "_" + mention.text.lower()
    features["title"] = float(mention.title)
    features["possessive"] = float(bool(POSSESSIVE.match(setting.masked, mention.end)))
    features["governed"] = float(_governed(setting.masked, mention.start))
    features.update(_antecedent(mention, setting))
    features.update(_clause(quote, mention, setting, first, last))
    if _quoter(mention, setting):  # "The paper quoted him as saying:": the paper reports, "him" speaks
        features.pop("verb=colon", None)
        features["leads_to_say"] = 0.0
    out = [Candidate(mention.name or "", mention, features | {f"kind={kind}": 1.0}, _opener_pronoun(mention, setting))]
    if mention.kind == "role" and mention.via:  # the role noun itself ("the foreign minister")
        out.append(Candidate(mention.text, mention, features | {"kind=role_self": 1.0}))
    return out


# Kinds of mention that name or stand for a person.
PEOPLE = frozenset({"person", "single", "role", "pronoun"})


def _opener_pronoun(mention: Mention, setting: Setting) -> bool:
    """A pronoun standing for a person named in full who opens the sentence just before it as its
    subject ("Defence Minister Karl Berg thanked the allies. “...,” he said"): not an owner
    ("Putin's spokesman said"), a role noun or a single name, nor a heading in capitals; and only
    a pronoun that no name comes before in its own sentence ("Lind said Berg, whom he met, ...")."""
    person = mention.antecedent
    if mention.kind != "pronoun" or person is None or mention.sentence - person.sentence != 1:
        return False
    if any(m.sentence == mention.sentence and m.start < mention.start and m.kind in PEOPLE for m in setting.mentions):
        return False
    if not _named_in_full(person) or person.text.isupper() or POSSESSIVE.match(setting.masked, person.end):
        return False
    return _opens(setting, setting.sentences[person.sentence], person)


# Kinds of lexicon names a pronoun's institution may not have: "it" after a state opening the
# sentence before is rarely the state speaking ("Norway sent tanks. “...,” it said" is unusual).
STATE_NAMES = frozenset({"state", "alias", "seat", "demonym"})


def _named_in_full(person: Mention) -> bool:
    """A person's full name, or an institution's that is no state's ("the Navy", "the Mission")."""
    return person.kind == "person" or (person.kind == "org" and person.lexicon not in STATE_NAMES)


# "quoted X as saying" right after a mention: the mention reports someone else's words.
QUOTER = re.compile(
    r"""\s+(?:(?:has|had|have|also|later|was)\s+)?quoted\s+(?!as\b|by\b)   # "quoted", not "quoted as"
        [\w’'.-]+(?:\s+[\w’'.-]+){0,3}?\s+as\s+(?:saying|telling|stating)\b  # whom, "as saying"
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _quoter(mention: Mention, setting: Setting) -> bool:
    """The mention quotes someone else ("The newspaper quoted him as saying"): it does not speak."""
    return mention.kind != "pronoun" and QUOTER.match(setting.masked, mention.end) is not None


def _governed(masked: str, start: int) -> bool:
    """A preposition governs the mention at `start`, unless it is a title's own (see TITLE_PHRASE)."""
    before = masked[max(0, start - 40) : start]
    if not GOVERNED.search(before):
        return False
    title = TITLE_PHRASE.search(masked[max(0, start - 80) : start])
    return title is None or not all(part in TITLES for part in title["title"].split("-"))


def _position(quote: Quotation, mention: Mention, setting: Setting, first: int, last: int) -> dict[str, float]:
    if mention.sentence < first:
        where = f"before{first - mention.sentence}"
    elif mention.sentence > last:
        where = "next"
    else:
        where = "same_after" if mention.start >= quote.end else "same_before"
    sentence = setting.sentences[mention.sentence]
    distance = _gap(mention, quote)
    crossed = sentence.paragraph != quote.paragraph
    return {
        f"at={where}": 1.0,
        "distance": math.log1p(max(distance, 0)) / 5,
        "crossed": float(crossed),
        "opener": float(_opens(setting, sentence, mention)),
    }


def _verb(mention: Mention, setting: Setting, quote: Quotation) -> dict[str, float]:
    """How the mention stands to a reporting verb in its sentence."""
    sentence = setting.sentences[mention.sentence]
    after = setting.masked[mention.end : min(sentence.end, mention.end + VERB_REACH)]
    before = setting.masked[max(sentence.start, mention.start - 60) : mention.start]
    owner = bool(POSSESSIVE.match(setting.masked, mention.end))
    subject = bool(SUBJECT_OF.match(after))
    in_phrase = mention.kind != "pronoun" and bool(IN_PHRASE.search(before))  # "he" is never a phrase's object
    found = {
        "subject": subject and not in_phrase,
        "phrase_subject": subject and in_phrase,  # "the head of the ministry said": the head speaks
        "framer": bool(FRAMER_OF.match(after)),
        "inverted": bool(AFTER_VERB.search(before))
        and not HEARER_VERB.search(before)
        and not CLAUSE_VERB.match(setting.masked, mention.end),
        "hearer": bool(HEARER_VERB.search(before)) and not ACCORDING.search(before),  # not "according to X"
        "according": bool(ACCORDING.search(before)) and not owner,  # not "Russia" of "according to Russia’s army"
        "colon": bool(COLON.match(setting.masked[mention.end : quote.start])) if mention.end <= quote.start else False,
    }
    return {f"verb={name}": 1.0 for name, hit in found.items() if hit}


def _clause(quote: Quotation, mention: Mention, setting: Setting, first: int, last: int) -> dict[str, float]:
    """Whether the mention is the first name of the quotation's own sentence with a reporting verb
    between it and the quotation ("Anna Berg, a researcher at the Nordic Institute said the deaths
    "..."", however long the apposition between the name and the verb)."""
    here = first <= mention.sentence <= last and mention.end <= quote.start
    leads = here and setting.leading.get(mention.sentence) == mention.start
    between = setting.masked[mention.end : quote.start]
    says = leads and (SAY.search(between) or SAYING.search(between)) is not None
    return {"leads_to_say": float(says)}


# At most this many words of titles and their lower-case modifiers open a sentence before its
# subject ("Israeli air force chief Brigadier General Tal Kelman").
TITLE_WORDS = 8


def _opens(setting: Setting, sentence: Sentence, mention: Mention) -> bool:
    """The mention is the subject that opens its sentence, titles and determiners aside, and
    lower-case words before a role noun that titles it ("Russian foreign ministry spokeswoman")."""
    before = setting.masked[sentence.start : mention.start]
    if OPENS_SENTENCE.match(before):
        return True
    words = before.split()
    lower = [i for i, w in enumerate(words) if w.islower()]
    plain = len(words) <= TITLE_WORDS and not re.search(r"[,;:“”\"«»()]", before)
    if not (plain and lower and words[lower[-1]] in PERSON_ROLES):
        return False
    return OPENS_SENTENCE.match("".join(w + " " for w in words[lower[-1] + 1 :])) is not None


def _antecedent(mention: Mention, setting: Setting) -> dict[str, float]:
    """For a pronoun or role noun: which antecedent it stands as, and how that one was named."""
    person = mention.antecedent
    if person is None:
        return {}
    sentence = setting.sentences[person.sentence]
    after = setting.masked[person.end : min(sentence.end, person.end + VERB_REACH)]
    near_opener = mention.sentence - person.sentence <= 1 and _opens(setting, sentence, person)
    return {
        f"ante={mention.rank}": 1.0,
        f"ante={mention.rank}&opener_near": float(near_opener),  # the subject just before ("Berg ... He said")
        "ante_governed": float(_governed(setting.masked, person.start)),
        f"ante_kind={person.kind}": 1.0,
        "ante_opener": float(_opens(setting, sentence, person)),
        "ante_speaker": float(bool(SUBJECT_OF.match(after))),
        "ante_sentences": (mention.sentence - person.sentence) / 4,
        "ante_opener_near": float(near_opener),
        "ante_object": float(bool(OBJECT_OF.search(setting.masked[max(0, person.start - 30) : person.start]))),
        "ante_mentions": math.log1p(setting.counts.get(person.name or "", 0)) / 3,
    }


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


def _gap(mention: Mention, quote: Quotation) -> int:
    """Characters between the mention and the quotation, on whichever side it stands."""
    return quote.start - mention.end if mention.end <= quote.start else mention.start - quote.end


def _rivals(out: list[Candidate]) -> None:
    """Whether someone else is the subject of a reporting verb in the quotation's own sentence
    ("“...,” Berg said"): then a speaker carried over from before is unlikely."""
    own = [c for c in out if c.mention and _speaks_here(c)]
    for candidate in out:
        others = [c for c in own if not _same_person(c.name, candidate.name)]
        candidate.features["rival_here"] = float(bool(others))
        candidate.features["rival_named"] = float(any(c.mention and c.mention.kind != "pronoun" for c in others))


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
    out["continues&prev"] = float(same and continues)
    return out


def _same_person(name: str, other: str) -> bool:
    return name == other or name.split()[-1:] == other.split()[-1:]
