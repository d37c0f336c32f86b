"""Where a candidate speaker's mention stands: its sentence and side of the quotation, how far
away, whether it opens its sentence as the subject, and, for a pronoun or role noun, the
antecedent it stands for (and whether a pronoun stands for the person opening the sentence just
before it).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from materiel.extract.antecedentorder import sidelined
from materiel.extract.mentions import Mention, Sentence
from materiel.extract.quotations import Quotation
from materiel.extract.speakerverbs import POSSESSIVE, SUBJECT_OF, VERB_REACH, governed, titled
from materiel.extract.speakerwords import PERSON_ROLES, TITLES

if TYPE_CHECKING:
    from materiel.extract.speakers import Setting

# A name after a preposition or an object verb is what a clause is about, not who speaks in it.
OBJECT_OF = re.compile(
    r"\b(?:with|to|by|of|about|on|from|for|against|at|into|under|between|met|meets|meeting|called|urged|asked|told)"
    r"\s+(?:[A-Z][\w.’'-]*\s+){0,4}$"
)

# What may stand before the subject that opens a sentence: its title, its country's name and a
# determiner ("Canadian Prime Minister Justin Trudeau", "The former NATO chief Anna Berg").
OPENS_SENTENCE = re.compile(
    r"""^[\s“"«(]*                                         # the sentence's start
        (?:(?:the|a|an|former|then|retired|acting|[A-Z][\w.’'-]*)\s+)*$   # determiners and capitalised words
    """,
    re.VERBOSE,
)

# A participle's phrase that opens a sentence before its subject, which it describes ("Speaking
# at a rally on Sunday, President Anna Berg said", "Asked about the tanks, Berg said").
# Not a preposition in "-ing" ("During the debate, Berg was asked"): a time, not a description.
PARTICIPLE_OPENING = re.compile(
    r"""^[\s“"«(]*
        (?:(?!(?:During|Following|Regarding|Concerning|Including|According|Considering|Excluding|Pending
              |Notwithstanding|Nothing|Something|Everything|Anything)\b)[A-Z][a-z]+ing   # a participle
          |Asked|Interviewed|Questioned)\b                                           # or a passive one
        [^,;:.“”"«»]{0,100},\s*                                                    # its phrase and comma
    """,
    re.VERBOSE,
)

# Kinds of mention that name or stand for a person.
PEOPLE = frozenset({"person", "single", "role", "pronoun"})


def mention_features(mention: Mention, setting: Setting) -> tuple[dict[str, float], bool]:
    """The features a mention has whichever quotation it is a candidate for, and whether it is an
    opener pronoun: worked out once per mention and setting (`Setting.own`, by id: the entry keeps
    the mention, so no other takes its id), not once per quotation it stands near."""
    entry = setting.own.get(id(mention))
    if entry is None or entry[0] is not mention:
        features = {
            "title": float(mention.title),
            "possessive": float(bool(POSSESSIVE.match(setting.masked, mention.end))),
            "governed": float(governed(setting.masked, mention.start)),
            "sidelined": float(mention.kind != "pronoun" and sidelined(mention, setting.masked)),  # "After Lind left"
        }
        features |= antecedent_features(mention, setting)
        entry = setting.own[id(mention)] = (mention, features, opener_pronoun(mention, setting))
    return entry[1], entry[2]


def opener_pronoun(mention: Mention, setting: Setting) -> bool:
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
    sentence = setting.sentences[person.sentence]
    return opens(setting, sentence, person) or _opens_after_adverbial(setting, sentence, person)


# An adverb or a short phrase of time, place or manner opening a sentence before its subject
# ("However, the Mission complained", "On Monday, the Navy said", "In a statement, Berg said").
ADVERBIAL_OPENING = re.compile(
    r"""^[\s“"«(]*
        (?:However|Meanwhile|Separately|Later|Earlier|Instead|Nevertheless|Moreover|Still|Yet|Then|Now|Today
          |Yesterday|Also|Finally|Previously|(?:On|In|At|After|Before|Since|Last|This|Following)(?:\s+[\w’'-]+){1,4})
        ,\s*""",
    re.VERBOSE,
)


def _opens_after_adverbial(setting: Setting, sentence: Sentence, person: Mention) -> bool:
    """The person opens its sentence after an adverb or phrase set off by a comma (see
    ADVERBIAL_OPENING): the subject a pronoun in the next sentence most likely stands for."""
    before = setting.masked[sentence.start : person.start]
    return OPENS_SENTENCE.match(ADVERBIAL_OPENING.sub("", before, count=1)) is not None and bool(
        ADVERBIAL_OPENING.match(before)
    )


# Kinds of lexicon names a pronoun's institution may not have: "it" after a state opening the
# sentence before is rarely the state speaking ("Norway sent tanks. “...,” it said" is unusual).
STATE_NAMES = frozenset({"state", "alias", "seat", "demonym"})


def _named_in_full(person: Mention) -> bool:
    """A person's full name or the surname of one named in full before ("Anna Berg ... Berg"), or an
    institution's name that is no state's ("the Navy", "the Mission")."""
    if person.kind == "single" and person.via == "surname":
        return True
    return person.kind == "person" or (person.kind == "org" and person.lexicon not in STATE_NAMES)


def position_features(quote: Quotation, mention: Mention, setting: Setting, first: int, last: int) -> dict[str, float]:
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
        "opener": float(opens(setting, sentence, mention)),
    }


# A title's own "of" or "for" phrase before a name ("Minister of Defence", "Secretary for the Navy"):
# read as the title alone where the title word is one (see TITLES), so its holder opens the sentence.
TITLE_OF = re.compile(r"\b(?P<title>[A-Z][\w-]*)\s+(?:of|for)\s+(?:the\s+)?(?=[A-Z])")


def _title_only(match: re.Match[str]) -> str:
    title = match["title"]
    return title + " " if all(part in TITLES for part in title.split("-")) else match.group()


# At most this many words of titles and their lower-case modifiers open a sentence before its
# subject ("the navy's chief of staff Rear Admiral Jan Holt").
TITLE_WORDS = 8


def opens(setting: Setting, sentence: Sentence, mention: Mention) -> bool:
    """The mention is the subject that opens its sentence, titles and determiners aside, and
    lower-case words before a role noun that titles it ("Russian foreign ministry spokeswoman")."""
    before = TITLE_OF.sub(_title_only, setting.masked[sentence.start : mention.start])
    if OPENS_SENTENCE.match(before) or OPENS_SENTENCE.match(PARTICIPLE_OPENING.sub("", before, count=1)):
        return True
    words = before.split()
    lower = [i for i, w in enumerate(words) if w.islower()]
    plain = len(words) <= TITLE_WORDS and not re.search(r"[,;:“”\"«»()]", before)
    if not (plain and lower and words[lower[-1]] in PERSON_ROLES):
        return False
    return OPENS_SENTENCE.match("".join(w + " " for w in words[lower[-1] + 1 :])) is not None


def antecedent_features(mention: Mention, setting: Setting) -> dict[str, float]:
    """For a pronoun or role noun: which antecedent it stands as, and how that one was named."""
    person = mention.antecedent
    if person is None:
        return {}
    sentence = setting.sentences[person.sentence]
    after = setting.masked[person.end : min(sentence.end, person.end + VERB_REACH)]
    near_opener = mention.sentence - person.sentence <= 1 and opens(setting, sentence, person)
    return {
        f"ante={mention.rank}": 1.0,
        f"ante={mention.rank}&opener_near": float(near_opener),  # the subject just before ("Berg ... He said")
        "ante_governed": float(governed(setting.masked, person.start)),
        "ante_sidelined": float(sidelined(person, setting.masked)),  # outside its main clause (antecedentorder.py)
        f"ante_kind={person.kind}": 1.0,
        "ante_opener": float(opens(setting, sentence, person)),
        "ante_speaker": float(bool(SUBJECT_OF.match(after))),
        "ante_sentences": (mention.sentence - person.sentence) / 4,
        "ante_opener_near": float(near_opener),
        "ante_object": float(_object(setting.masked, person.start)),
        "ante_mentions": math.log1p(setting.counts.get(person.name or "", 0)) / 3,
    }


def _object(masked: str, start: int) -> bool:
    """The name at `start` is what a preposition or object verb before it governs (see OBJECT_OF),
    not the holder of a title with its own "of" phrase ("Minister of Defence Anna Berg")."""
    return OBJECT_OF.search(masked[max(0, start - 30) : start]) is not None and not titled(masked, start)


def _gap(mention: Mention, quote: Quotation) -> int:
    """Characters between the mention and the quotation, on whichever side it stands."""
    return quote.start - mention.end if mention.end <= quote.start else mention.start - quote.end
