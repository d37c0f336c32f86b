"""Who could be speaking in an article: the mentions of possible speakers in its sentences
(`sentences.split_sentences`).

Mentions are found outside quotations (a name inside a quotation is what the speaker talks
about): people (capitalised names, titles stripped: "Sen. Lindsey Graham" is Lindsey Graham),
states, organisations and institutions (the lexicon's actors, "the Pentagon", capitalised names
ending like an institution), pronouns (he, she, they, it) and role nouns ("the minister", "a
spokesman", "officials", "the ministry"). `antecedents.resolve` then names what a pronoun,
role noun or surname stands for: the most recent fitting full mention before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from materiel.extract.lexicon import find_actors, load
from materiel.extract.outlets import find_outlets
from materiel.extract.sentences import Sentence
from materiel.extract.speakerwords import (
    BODY_NOUNS,
    DESCRIBING,
    NOT_NAMES,
    NOT_SPEAKERS,
    ORGANISATION_ROLES,
    ORGANISATION_WORDS,
    PARTY_MEMBERS,
    PERSON_ROLES,
    REGIONAL,
    SAY,
    TITLES,
    names_no_speaker,
)

# A run of capitalised words, with abbreviated titles, initials and the particles names carry
# ("Gen. Mark A. Milley", "Ursula von der Leyen", "Mohammed bin Salman").
NAME_RUN = re.compile(
    r"""(?:[A-Z]\.){2,}(?![\w'’])                       # a dotted abbreviation ("U.S.", "U.N.")
      | (?:\d+(?:st|nd|rd|th)\s+(?=[A-Z]))?              # or an ordinal before a name ("3rd Fleet")
        [A-Z][\w'’-]*\.?                                # and a capitalised word
        (?:\s+(?:(?:von|van|de|der|da|al|bin|le|la|du|dos|of|for|of\s+the)\s+){0,2}   # name particles
           (?:(?:[A-Z]\.){2,}(?![\w'’])                   # further capitalised words
              |(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?[A-Z][\w'’-]*\.?))*   # Arabic article ("al-Houthi")""",
    re.VERBOSE,
)
# Compass words begin an institution's name ("Eastern Theatre Command", "Southern Command"),
# though alone they name no one.
COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central"}
# The possessive ending of a word ("Spain's", "Nato’s"): what comes after it is another name.
POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
PRONOUN = re.compile(r"\b(?P<word>he|she|they|it)\b", re.IGNORECASE)
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "one", "two", "some", "several", "other"}


@dataclass(frozen=True)
class Mention:
    start: int  # offsets in the article
    end: int
    text: str  # as written (a role noun with its modifiers)
    kind: str  # person, single, org, outlet, pronoun, role, role_org
    sentence: int  # index of its sentence
    title: bool = False  # a title or role word came before the name
    name: str | None = None  # what it stands for, once resolved (a full name)
    via: str = ""  # how it was resolved: surname, pronoun, opener, role, org
    actor_id: str | None = None  # the lexicon's id of a state, organisation or leader
    titles: str = ""  # the title words before a name, lower case ("defence minister")
    rank: int = 0  # for a pronoun or role noun: which of its antecedents it stands as
    antecedent: Mention | None = None  # what it was resolved to
    lexicon: str = ""  # the lexicon's kind of a name found there: state, alias, seat, org, leader, outlet
    full: str = ""  # a leader's full name in the lexicon ("Vladimir Putin" of "Putin"): its gender tells
    object: bool = False  # a pronoun object ("quoted him as saying"): not its own clause's subject


def find_mentions(masked: str, sentences: list[Sentence]) -> list[Mention]:
    """Every possible speaker named in the masked text, in text order."""
    found: list[Mention] = []
    for index, sentence in enumerate(sentences):
        chunk = masked[sentence.start : sentence.end]
        found.extend(_names(chunk, sentence.start, index))
        found.extend(_pronouns(chunk, sentence.start, index))
        found.extend(_roles(chunk, sentence.start, index))
    return sorted(_without_overlaps(found), key=lambda m: m.start)


def _names(chunk: str, offset: int, index: int) -> list[Mention]:
    actors = [
        a
        for a in find_actors(chunk) + find_outlets(chunk)
        if a.kind not in ("demonym", "item") and not _qualifies(chunk, a.end)
    ]
    out = [_actor(a, offset, index) for a in actors]
    taken = [(a.start, a.end) for a in actors]
    for run in (r for r in NAME_RUN.finditer(chunk) if not _qualifies(chunk, r.end())):
        whole = _person_before_of(_after_possessive(run.group()).split())
        if _apposed_title(chunk, run, whole):
            continue  # "Lord Bach, Minister for Defence Procurement, said": Bach's title
        words, titled = _strip_titles(whole)
        titles = " ".join(whole[: len(whole) - len(words)]).lower()
        if whole and whole[-1].rstrip(".") in ORGANISATION_WORDS:  # "Defence Ministry": all of it
            words, titled = [w for w in whole if w not in NOT_NAMES or w in COMPASS], False
        if (titled and not words and _role_kind(whole[-1].rstrip("."))) or _role_run(words):
            role = " ".join(whole).removeprefix("The ").removeprefix("A ")  # "the German Chancellor said"
            at = offset + run.start() + max(run.group().find(role), 0)
            out.append(Mention(at, at + len(role), role, "role", index))
            continue
        if not words or (len(words) == 1 and (_role_kind(words[0]) or words[0] in REGIONAL)) or names_no_speaker(words):
            continue  # "Officials said": a role noun; "World War II": no one; "European unity": no one
        start = run.start() + run.group().find(words[0])
        placed = _place_first_name(chunk, actors, start, words, titled or _said_after(chunk, run.end()))
        if any(a <= start < b for a, b in taken) and _name_kind(words) != "org" and not placed:
            continue
        name = " ".join(words).rstrip(".")
        before = _apposed_role(chunk[max(0, run.start() - 40) : run.start()])
        end = offset + start + len(name)
        out.append(Mention(offset + start, end, name, _name_kind(words), index, titled, titles=titles + " " + before))
    return out


def _role_run(words: list[str]) -> bool:
    """A run of a place or party and a role noun after it, which names a role, not a person: "The
    Alaska Republican warned", "The Scottish MP for East Lothian added" (see PARTY_MEMBERS)."""
    if len(words) < 2 or any(w.rstrip(".") in ORGANISATION_WORDS for w in words):
        return False
    last = words[-1].rstrip(".")
    return last in PARTY_MEMBERS or _role_kind(last) == "role"


# A name and the comma after it, right before a title's phrase set beside it.
NAME_THEN_COMMA = re.compile(r"[A-Z][\w'’.-]*,\s*$")


def _apposed_title(chunk: str, run: re.Match[str], words: list[str]) -> bool:
    """A title with its own "of" or "for" phrase set between commas after a name ("Lord Bach,
    Minister for Defence Procurement, said", "Anna Berg, Secretary of State, said"): it is the
    name's title and names no one of its own, whatever its last word."""
    if not words or not _title_word(words[0]) or not {"of", "for"} & set(words):
        return False
    after = chunk[run.end() :].lstrip()
    return NAME_THEN_COMMA.search(chunk[: run.start()]) is not None and after.startswith(",")


def _place_first_name(chunk: str, actors: list, start: int, words: list[str], speaks: bool) -> bool:
    """A state's or city's name that is a person's first name, before a surname that names no
    body, place or title, where a title precedes or a reporting verb follows ("Defence Minister
    Israel Katz", "Sofia Greco said"; not "Israel Defense Forces", "Israel Hayom reported")."""
    actor = next((a for a in actors if a.start == start and a.kind in ("state", "seat")), None)
    if not speaks or actor is None or len(words) != 2 or words[0] != actor.text:
        return False
    last = words[1].rstrip(".")
    names_other = last in ORGANISATION_WORDS or last in NOT_NAMES or last in NOT_SPEAKERS or last in _demonyms()
    return not (names_other or _title_word(last) or any(start < a.start < start + len(" ".join(words)) for a in actors))


# A reporting verb right after a run ("Sofia Greco said").
SAID_AFTER = re.compile(r"\s+(?:" + SAY.pattern + ")", re.VERBOSE | re.IGNORECASE)


def _said_after(chunk: str, end: int) -> bool:
    return SAID_AFTER.match(chunk, end) is not None


# A noun describing a person, and the name it describes ("resident Olena Marchuk").
DESCRIBED_NAME = re.compile(r"\s+(?P<noun>[a-z]+)\s+[A-Z][a-z]")


def _qualifies(chunk: str, end: int) -> bool:
    """A place or body named just before a person's description and name ("Kyiv resident Olena
    Marchuk", "Pentagon spokesman John Kirby") qualifies that person; it does not speak."""
    match = DESCRIBED_NAME.match(chunk, end)
    return match is not None and (match["noun"] in DESCRIBING or _role_kind(match["noun"]) == "role")


def _after_possessive(run: str) -> str:
    """A run's name after its last possessive ("Spain's Defence Minister Ana Ruiz" is Ana Ruiz's;
    the owner is a mention of its own); the owner alone where nothing follows ("Putin's")."""
    parts = [p.strip() for p in POSSESSIVE.split(run)]
    return next((p for p in reversed(parts) if p), "")


def _actor(actor, offset: int, index: int) -> Mention:
    kind = "person" if actor.kind == "leader" else ("outlet" if actor.kind == "outlet" else "org")
    start, end = offset + actor.start, offset + actor.end
    full = actor.name if actor.kind == "leader" else ""
    return Mention(start, end, actor.text, kind, index, actor_id=actor.id, lexicon=actor.kind, full=full)


def _apposed_role(before: str) -> str:
    """The role a name is set beside ("the defence minister, Anna Berg"): lower case."""
    if not before.rstrip(" ").endswith(","):
        return ""
    return re.split(r"[,.;:]", before.rstrip(" ")[:-1])[-1].lower()


def _person_before_of(words: list[str]) -> list[str]:
    """A person's name before "of" or "for" ends there ("Anna Berg of the Nordic Institute"); an
    institution's or a title's goes on ("Ministry of Defence", "Secretary of State")."""
    cut = next((i for i, w in enumerate(words) if w in ("of", "for")), None)
    if cut is None:
        return words
    head = words[:cut]
    institution = any(w.rstrip(".") in ORGANISATION_WORDS or w.rstrip(".") in TITLES for w in head)
    return words if institution else head


@cache
def _demonyms() -> frozenset[str]:
    """Words of the lexicon's demonyms ("South Korean"): they qualify a title, not a name."""
    return frozenset(w for names in load("actors.json")["demonym"].values() for name in names for w in name.split())


def _strip_titles(words: list[str]) -> tuple[list[str], bool]:
    """The name without the words before it: titles, demonyms, sentence openers; and where a
    title stands inside the run, all before it ("Retired U.S. Admiral Jo Berg", "New Zealand
    Prime Minister Jo Berg"): a title is followed by the name it is given."""
    titled = False
    inner = [i for i, w in enumerate(words[:-1]) if _title_word(w) and not _title_word(words[i + 1])]
    if inner and inner[-1] > 0:
        words, titled = words[inner[-1] :], True
    while words and (
        words[0] in _demonyms()
        or _title_word(words[0])
        or words[0].rstrip(".") in NOT_NAMES
        or words[0].endswith("ing")
        or words[0].islower()
    ):
        titled = titled or _title_word(words[0])
        words = words[1:]
    return words, titled


def _title_word(word: str) -> bool:
    """A title, or a hyphenated one ("Secretary-General", "Lieutenant-Colonel")."""
    return all(part in TITLES for part in word.rstrip(".").split("-"))


def _name_kind(words: list[str]) -> str:
    if any(w.rstrip(".") in ORGANISATION_WORDS for w in words):
        return "org"
    return "person" if len(words) >= 2 else "single"


def _pronouns(chunk: str, offset: int, index: int) -> list[Mention]:
    found = [
        Mention(offset + m.start(), offset + m.end(), m.group(), "pronoun", index) for m in PRONOUN.finditer(chunk)
    ]
    for m in QUOTED_OBJECT.finditer(chunk):  # "quoted him as saying": he speaks
        word = SUBJECT_FORMS[m["word"].lower()]
        found.append(Mention(offset + m.start("word"), offset + m.end("word"), word, "pronoun", index, object=True))
    return found


# The object pronoun of "quoted ... as saying", which names who speaks ("the paper quoted him as
# saying"), in the subject form the rest of the pronouns take.
QUOTED_OBJECT = re.compile(r"\bquoted\s+(?P<word>him|her|them)\s+as\s+(?:saying|telling|stating)\b", re.IGNORECASE)
SUBJECT_FORMS = {"him": "he", "her": "she", "them": "they"}


def _roles(chunk: str, offset: int, index: int) -> list[Mention]:
    out = []
    names = [run.span() for run in NAME_RUN.finditer(chunk) if len(set(run.group().split()) - NOT_NAMES) > 1]
    for match in re.finditer(r"\b[A-Za-z][\w-]*\b", chunk):
        kind = _role_kind(match.group())
        if kind is None or any(a <= match.start() < b for a, b in names):  # or part of a name ("Ministry of Defence")
            continue
        following = re.match(r"\s+([a-z]+)", chunk[match.end() :])
        if following and _role_kind(following.group(1)):  # "chief negotiator": the head noun comes next
            continue
        if _is_title(chunk, match.end()) or _apposed(chunk, match.end()) or _after_name(chunk, match):
            continue
        if match.group().lower() in VERB_NOUNS and not NOUN_BEFORE.search(chunk[: match.start()]):
            continue  # "Berg tweets", "officials tweet": the verb
        words = _modifiers(re.split(r"[,;:()—–]", chunk[: match.start()])[-1].split())
        phrase = " ".join([*words, match.group()])
        start = offset + match.end() - len(phrase)
        end = match.end() + (_body_after(chunk, match.end()) if kind == "role" else 0)
        text = re.sub(r"^the\s+", "", phrase + chunk[match.end() : end], flags=re.IGNORECASE)
        out.append(Mention(start, offset + end, text, kind, index))
    return out


# Role nouns that are verbs of saying too ("Berg tweets"): nouns only right after a determiner or
# a possessive ("a tweet", "the ministry's tweet", "in tweets").
VERB_NOUNS = {"tweet", "tweets"}
NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|in|this|that|later|earlier)|['’]s)\s+$", re.IGNORECASE)


# How far back a role noun's determiner is looked for, and how many lower-case modifiers may
# stand between them ("a senior US defence official", "a top State Department official").
DETERMINER_REACH = 6
LOWER_MODIFIERS = 2


def _modifiers(before: list[str]) -> list[str]:
    """The words of a role noun's phrase before it: from its determiner where one opens the
    phrase within reach, else its last capitalised words ("Hiroshima city government")."""
    reach = _after_preposition(before[-DETERMINER_REACH:])
    for i in range(len(reach) - 1, -1, -1):
        if reach[i].lower() in DETERMINERS:
            if sum(w.islower() for w in reach[i + 1 :]) <= LOWER_MODIFIERS:
                return reach[i:]
            break
    words = _after_preposition(before[-3:])
    while words and words[0].lower() not in DETERMINERS and not words[0][:1].isupper():
        words = words[1:]
    return words


# The body a person's role noun serves, named after it ("a spokeswoman for the Ministry of
# Defence", "a representative of the PYM"): the speaker is named with it.
BODY_AFTER = re.compile(r"\s+(?:for|of|from|at)\s+(?:the\s+)?(?=[A-Z])")


def _body_after(chunk: str, end: int) -> int:
    """Characters after a role noun that name the body it serves; 0 where it serves a person."""
    lead = BODY_AFTER.match(chunk, end)
    run = NAME_RUN.match(chunk, lead.end()) if lead else None
    if not lead or not run:
        return 0
    words = run.group().split()
    if _name_kind(words) == "person" and not any(w.rstrip(".") in NOT_NAMES for w in words):
        return 0
    tail = BODY_TAIL.match(chunk, run.end())
    if tail and not any(SAY.fullmatch(w) for w in tail.group().split()):  # not "the Kremlin said army"
        return tail.end() - end
    return run.end() - end


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
# A conjunction ends it too where lower-case words follow it: "Herzi Levi and commanders" is
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


def _role_kind(word: str) -> str | None:
    singular = singular_of(word.lower())
    if singular in PERSON_ROLES:
        return "role"
    return "role_org" if singular in ORGANISATION_ROLES else None


def _is_title(chunk: str, end: int) -> bool:
    """A role word before a capitalised name is its title ("Defence Minister Tomas Berg")."""
    return bool(re.match(r"\s+(?:[A-Z]\w*\.?\s+)*[A-Z][a-z]", chunk[end:]))


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


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    """Where mentions overlap, the earlier-starting and longer one stays."""
    out: list[Mention] = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if out and mention.start < out[-1].end:
            if _extends(out[-1], mention):
                out[-1] = mention
            continue
        out.append(mention)
    return out


def _extends(kept: Mention, later: Mention) -> bool:
    """An institution's name that runs on past a lexicon name it overlaps is the name ("The Times
    of Israel", not "The Times")."""
    return later.kind == "org" and not later.lexicon and bool(kept.lexicon) and later.end > kept.end
