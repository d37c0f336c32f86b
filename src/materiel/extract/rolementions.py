"""The role nouns of possible speakers in a sentence ("the minister", "a spokesman for the
Ministry of Defence", "officials", "the ministry"), with the determiner and modifiers of their
phrase; not one that titles a name ("Defence Minister Tomas Berg") or is set beside one ("Anna
Berg, the foreign minister,"). `role_kind` tells a person's role noun from a body's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from materiel.extract.mention import NAME_RUN, Mention, name_kind
from materiel.extract.speakerwords import (
    BODY_NOUNS,
    BRANCH_ROLES,
    NOT_NAMES,
    ORGANISATION_ROLES,
    ORGANISATION_WORDS,
    PERSON_ROLES,
    SAY,
    WORDED_DOCUMENTS,
    worded_end,
)

DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "one", "two", "some", "several", "other"}


def role_mentions(chunk: str, offset: int, index: int) -> list[Mention]:
    out = []
    names = [run.span() for run in NAME_RUN.finditer(chunk) if len(set(run.group().split()) - NOT_NAMES) > 1]
    for match in re.finditer(r"\b[A-Za-z][\w-]*\b", chunk):
        worded = _worded(chunk, match)
        kind = "role_org" if worded is not None else role_kind(match.group())
        if kind is None or any(a <= match.start() < b for a, b in names):  # or part of a name ("Ministry of Defence")
            continue
        following = re.match(r"\s+([a-z]+)", chunk[match.end() :])
        if following and role_kind(following.group(1)):  # "chief negotiator": the head noun comes next
            continue
        if _is_title(chunk, match.end()) or _apposed(chunk, match.end()) or _after_name(chunk, match):
            continue
        if match.group().lower() in VERB_NOUNS and not NOUN_BEFORE.search(chunk[: match.start()]):
            continue  # "Berg tweets", "officials tweet": the verb
        words = _modifiers(re.split(r"[,;:()—–\"“”„«»]", chunk[: match.start()])[-1].split())  # not across a quotation
        phrase = " ".join([*words, match.group()])
        start = offset + match.end() - len(phrase)
        end = worded if worded is not None else match.end() + (_body_after(chunk, match.end()) if kind == "role" else 0)
        text = re.sub(r"^the\s+", "", phrase + chunk[match.end() : end], flags=re.IGNORECASE)
        out.append(Mention(start, offset + end, text, kind, index))
    return out


def _worded(chunk: str, match: re.Match[str]) -> int | None:
    """Where the phrase of a lower-case document noun ends when it is the subject of a verb of
    wording ("the treaty reads", "the guidelines for small arms state"): see WORDED_DOCUMENTS."""
    if match.group() not in WORDED_DOCUMENTS:
        return None
    return worded_end(chunk, match.end())


# Role nouns that are verbs too ("Berg tweets", "Colonel Anna Berg commands the brigade", "the
# report documents abuses"): nouns only right after a determiner or a possessive ("a tweet", "the
# ministry's tweet", "in tweets", "the southern command"), or else a name's verb, not its body.
VERB_NOUNS = {"tweet", "tweets", "commands", "documents", "releases"}
NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|in|this|that|later|earlier)|['’]s)\s+$", re.IGNORECASE)

# How far back a role noun's determiner is looked for, and how many lower-case modifiers may
# stand between them ("a senior US defence official", "a top State Department official").
DETERMINER_REACH = 6
LOWER_MODIFIERS = 2
# A common noun's possessive, which determines the phrase after it like "its" does ("the
# country's", "the world's", "the ministry’s"); a name's ("Russia's") starts the capitalised words
# the phrase is read from where no determiner is.
OWNER = re.compile(r"[a-z][\w-]*['’]s")


def _modifiers(before: list[str]) -> list[str]:
    """The words of a role noun's phrase before it: from its determiner where one opens the
    phrase within reach, else its last capitalised words ("Hiroshima city government"). A
    possessive is a determiner too, with its own determiner before it ("the world's chemical
    weapons watchdog", "the country's foreign ministry spokesperson")."""
    reach = _after_preposition(before[-DETERMINER_REACH:])
    for i in range(len(reach) - 1, -1, -1):
        owner = OWNER.fullmatch(reach[i]) is not None
        if reach[i].lower() in DETERMINERS or owner:
            if sum(w.islower() for w in reach[i + 1 :]) > LOWER_MODIFIERS:
                break
            opens = i - 1 if owner and i > 0 and reach[i - 1].lower() in DETERMINERS else i
            return reach[opens:]
    words = _after_preposition(before[-3:])
    while words and words[0].lower() not in DETERMINERS and not words[0][:1].isupper():
        words = words[1:]
    return words


# The body a person's role noun serves, named after it ("a spokeswoman for the Ministry of
# Defence", "a representative of the PYM"): the speaker is named with it.
BODY_AFTER = re.compile(r"\s+(?:for|of|from|at)\s+(?:the\s+)?(?=[A-Z])")


# The body named by a common noun after a definite determiner ("a spokeswoman for the ministry",
# "an official at the embassy", "a spokesman for the state company").
LOWER_BODY = re.compile(
    r"\s+(?:for|of|from|at)\s+(?:the|its|their)(?:\s+[a-z][\w-]*){0,2}?\s+(?:"
    + "|".join(sorted(BODY_NOUNS | {"company", "firm", "agency", "alliance"}))
    + r")\b"
)


def _body_after(chunk: str, end: int) -> int:
    """Characters after a role noun that name the body it serves; 0 where it serves a person."""
    lead = BODY_AFTER.match(chunk, end)
    run = NAME_RUN.match(chunk, lead.end()) if lead else None
    if not lead or not run:
        lower = LOWER_BODY.match(chunk, end)
        return lower.end() - end if lower else 0
    words = run.group().split()
    if name_kind(words) == "person" and not any(w.rstrip(".") in NOT_NAMES for w in words):
        return 0
    holder = _holder_after_body(words)
    if holder:  # "the commander of the Ground Forces Anna Berg": the body ends before the name
        return lead.end() + len(" ".join(words[:-holder])) - end
    tail = BODY_TAIL.match(chunk, run.end())
    if tail and not any(SAY.fullmatch(w) for w in tail.group().split()):  # not "the Kremlin said army"
        return tail.end() - end
    return run.end() - end


# The fewest words of a person's name after a body's name in one capitalised run.
HOLDER_WORDS = 2


def _holder_after_body(words: list[str]) -> int:
    """How many words after the body's last word name a person ("Ground Forces Anna Berg": 2), or
    0 where the run ends with the body ("the Ground Forces")."""
    body = [i for i, w in enumerate(words) if w.rstrip(".") in ORGANISATION_WORDS]
    if not body:
        return 0
    tail = words[body[-1] + 1 :]
    person = len(tail) >= HOLDER_WORDS and name_kind(tail) == "person"
    return len(tail) if person and all(w[:1].isupper() and w not in NOT_NAMES for w in tail) else 0


# Relative and prepositional words that end a body's name: "a spokesman for NATO whose army chiefs
# met" is NATO's spokesman, not "NATO whose army".
TAIL_BREAKS = (
    "whose|which|who|that"  # a relative clause follows
    "|where|when|while|during"  # a clause or a time follows
    "|in|at|on|with"  # a place or company follows
)
# Lower-case words after a body's capitalised qualifier, up to the body's head noun ("Norwegian
# army", "German defence ministry", "Polish air force"); not past a verb or a determiner.
BODY_TAIL = re.compile(
    r"(?:\s+(?!(?:the|a|an|and|or|is|was|has|had|" + TAIL_BREAKS + r")\b)[a-z][\w-]*){0,2}?"  # modifiers
    r"\s+(?:" + "|".join(sorted(BODY_NOUNS)) + r")\b"  # the head noun
)

# Words that end a role noun's phrase before it: "According to the indictment" is "the indictment".
PHRASE_BREAKS = {"according", "to", "in", "of", "from", "by", "with", "on", "at", "for", "as", "that"}
# A conjunction ends it too where lower-case words follow it: "Dan Amir and commanders" is
# "commanders", "the army and navy commanders" is "navy commanders"; "UK Trade and Investment
# spokesperson" is one body's spokesperson.
CONJUNCTIONS = {"and", "or"}


def _after_preposition(words: list[str]) -> list[str]:
    """The words after the last preposition (or conjunction of lower-case words) before a role noun."""
    cut = max((i + 1 for i, w in enumerate(words) if _breaks(w) or _joins(words, i)), default=0)
    return words[cut:]


# Forms of a reporting verb that are nouns too ("US state department", "a Washington Post
# columnist"): they do not end a role noun's phrase.
NOUN_FORMS = {"state", "states", "post", "posts", "read", "reads", "remarks", "comments", "claims", "notes"}


def _breaks(word: str) -> bool:
    """A preposition, or a reporting verb: "Zelenskiy told broadcasters" is "broadcasters", "I
    asked Ukraine's president" is "Ukraine's president"."""
    lower = word.lower()
    return lower in PHRASE_BREAKS or (lower not in NOUN_FORMS and SAY.fullmatch(lower) is not None)


def _joins(words: list[str], index: int) -> bool:
    """A conjunction before lower-case words, or right before the role noun."""
    return words[index] in CONJUNCTIONS and (index + 1 == len(words) or words[index + 1].islower())


ROLE_WORDS = PERSON_ROLES | ORGANISATION_ROLES


def singular_of(noun: str) -> str:
    """A role noun's singular where it is a plural of one ("officials", "signatories")."""
    if noun.endswith("ies") and noun[:-3] + "y" in ROLE_WORDS:
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and noun[:-1] in ROLE_WORDS else noun


# Distinct words whose role kind is remembered: every word of every sentence of the speakers'
# setting is asked (33,000 asks for 49 articles), and an article's vocabulary repeats.
ROLE_KIND_WORDS = 65536


@lru_cache(maxsize=ROLE_KIND_WORDS)
def role_kind(word: str) -> str | None:
    singular = singular_of(word.lower())
    if singular in PERSON_ROLES:
        return "role"
    if singular in BRANCH_ROLES and not word.islower():
        return None
    return "role_org" if singular in ORGANISATION_ROLES else None


def _is_title(chunk: str, end: int) -> bool:
    """A role word before a capitalised name is its title ("Defence Minister Tomas Berg"), and an
    institution's noun before its abbreviation names it ("the state news agency NNA said")."""
    return bool(re.match(r"\s+(?:[A-Z]\w*\.?\s+)*[A-Z](?:[a-z]|[A-Z]+\b)", chunk[end:]))


def _after_name(chunk: str, match: re.Match[str]) -> bool:
    """A role noun set after the name it describes ("Anna Berg, the foreign minister,"); not one
    after the name's own reporting verb ("the Council, led by Anna Berg, said in a statement")."""
    name = AFTER_NAME.search(chunk[: match.start()])
    if not name or name.group(2) in NOT_NAMES:  # not "However, a senior official"
        return False
    if name["first"] and (not name["given"] or name["given"] in NOT_NAMES):
        return False  # "In Oslo, Berg met the troops and an official said": no one's second description
    words = f"{name['first'] or ''} {name['modifiers']}".split()
    return not any(SAY.fullmatch(w) and w.lower() not in NOUN_FORMS for w in words) and not RELATIVE & set(words)


# A name, its comma, then a role noun's determiner and modifiers: "Anna Berg, the foreign minister";
# also, after a full name, a second description joined by "and" ("Anna Berg, president of a
# consultancy and a former intelligence officer"), as long as no comma, relative word or verb of
# saying stands between.
AFTER_NAME = re.compile(
    r"""(?:(?P<given>[A-Z][\w'’-]+)\s+)?([A-Z][\w'’-]+),\s+   # a name ("Anna Berg,")
        (?:(?P<first>[^,;:.“”"]{1,80}?)\s+and\s+)?        # a first description and "and"
        (?:the\s+|a\s+|an\s+)?
        (?P<modifiers>(?:[\w’'-]+\s+){0,4})$              # the role noun's modifiers
    """,
    re.VERBOSE,
)
# Words that open a clause rather than a description ("Berg, who told reporters that an official").
RELATIVE = {"who", "which", "that", "whose", "whom", "when", "where", "said", "says"}


def _apposed(chunk: str, end: int) -> bool:
    """A role noun followed by the name it describes ("the defence minister, Yoav Gallant,")."""
    return bool(re.match(r",\s+[A-Z][\w'’-]+\s+[A-Z]", chunk[end:]))
