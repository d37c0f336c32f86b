"""The names of possible speakers in a sentence: the lexicon's actors and outlets, and runs of
capitalised words read as a person ("Sen. Lindsey Graham" is Lindsey Graham, titles stripped),
a single name or an institution ("Defence Ministry"); a run that is a title with its place or
party ("the German Chancellor") is a role noun's mention instead (see `mentions.find_mentions`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from itertools import dropwhile

from materiel.extract.lexicon import find_actors, load
from materiel.extract.mention import NAME_RUN, SURNAME_PARTICLES, Mention, name_kind
from materiel.extract.outlets import find_outlets
from materiel.extract.rolementions import role_kind
from materiel.extract.speakerwords import (
    DESCRIBING,
    NOT_NAMES,
    NOT_SPEAKERS,
    ORGANISATION_WORDS,
    PARTY_MEMBERS,
    REGIONAL,
    SAY,
    TITLES,
    names_no_speaker,
    worded_end,
)

# Compass words begin an institution's name ("Eastern Theatre Command", "Southern Command"),
# though alone they name no one.
COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central"}
# The possessive ending of a word ("Spain's", "Nato’s"): what comes after it is another name.
POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
# Institutions' words that an office's holder owns ("the Prime Minister’s Office", "the Attorney
# General's Office"), and the offices' last words besides TITLES ("the White House Counsel’s Office").
OWNED_BODIES = frozenset({"Office", "Bureau", "Cabinet", "Department", "Secretariat"})
OFFICES = frozenset({"Counsel", "Ombudsman", "Inspector", "Auditor", "Attorney", "Prosecutor"})


def name_mentions(chunk: str, offset: int, index: int) -> list[Mention]:
    """The actors, people, organisations and roles a chunk of text names (offsets from `offset`;
    `index` the chunk's number)."""
    actors = [
        a
        for a in find_actors(chunk) + find_outlets(chunk)
        if a.kind not in ("demonym", "item") and not _qualifies(chunk, a.end)
    ]
    out = [_with_titles(_actor(a, offset, index), chunk, offset, _title_before(chunk, a.start)) for a in actors]
    taken = [(a.start, a.end) for a in actors]
    for run in (r for r in NAME_RUN.finditer(chunk) if not _qualifies(chunk, r.end())):
        mention = _run_mention(chunk, offset, index, run, actors, taken)
        if mention is not None:
            out.append(mention)
    return out


def _run_mention(
    chunk: str, offset: int, index: int, run: re.Match[str], actors: list, taken: list[tuple[int, int]]
) -> Mention | None:
    """The person, organisation or role a run of capitalised words names, if any; none for a name
    inside an actor's mention (`taken`) unless it is an organisation or a person's first name."""
    whole = _person_before_of(_after_possessive(run.group()).split())
    if _apposed_title(chunk, run, whole):
        return None  # "Lord Hale, Minister for Defence Equipment, said": Hale's title
    words, titled = _name_words(chunk, actors, run, whole)
    words = _particles_before_actor(chunk, run, words, taken)
    titles = " ".join(whole[: len(whole) - len(words)]).lower()
    if _institution_run(whole):  # "Defence Ministry", "Defence Ministry of Latvia": all of it
        words, titled = [w for w in whole if w not in NOT_NAMES or w in COMPASS], False
    if (titled and not words and role_kind(whole[-1].rstrip("."))) or _role_run(words):
        role = " ".join(whole).removeprefix("The ").removeprefix("A ")  # "the German Chancellor said"
        at = offset + run.start() + max(run.group().find(role), 0)
        return Mention(at, at + len(role), role, "role", index)
    if not words or (len(words) == 1 and (role_kind(words[0]) or words[0] in REGIONAL)) or names_no_speaker(words):
        if names_no_speaker(words) and worded_end(chunk, run.end()) is not None:  # "the Relations Act states"
            at = run.start() + run.group().find(words[0])
            return replace(_named(chunk, offset, index, run, whole, words, titled, titles, at), kind="org")
        return None  # "Officials said": a role noun; "World War II": no one; "European unity": no one
    start = run.start() + run.group().find(words[0])
    placed = _place_first_name(chunk, actors, start, words, titled or _said_after(chunk, run.end()))
    if any(a <= start < b for a, b in taken) and name_kind(words) != "org" and not placed:
        return None
    return _named(chunk, offset, index, run, whole, words, titled, titles, start)


def _particles_before_actor(chunk: str, run: re.Match[str], words: list[str], taken: list[tuple]) -> list[str]:
    """The name without its leading particles where a state's or a people's word follows them ("the
    van Kyiv hired", "a van Russian troops seized"): they lead surnames only ("van Rooyen")."""
    rest = list(dropwhile(lambda word: word in SURNAME_PARTICLES, words))
    if not rest or len(rest) == len(words):
        return words
    at = run.start() + run.group().find(" ".join(rest))
    if rest[0] in _demonyms() or any(a <= at < b for a, b in taken):
        return _strip_titles(rest)[0]
    return words


def _name_words(chunk: str, actors: list, run: re.Match[str], whole: list[str]) -> tuple[list[str], bool]:
    """The words of the run that make the name, titles stripped, and whether it had any."""
    words, titled = _strip_titles(whole)
    words = _name_after_body(words) if titled or _role_of_before(chunk, run.start()) else words
    words = _name_after_place(chunk, actors, run, whole, words) if titled else words
    return words, titled


def _named(
    chunk: str,
    offset: int,
    index: int,
    run: re.Match[str],
    whole: list[str],
    words: list[str],
    titled: bool,
    titles: str,
    start: int,
) -> Mention:
    """The mention of the name `words` (at `start` in the chunk), with the titles and roles printed
    around it."""
    name = " ".join(words).rstrip(".")
    before = _apposed_role(chunk[max(0, run.start() - 40) : run.start()])
    end = offset + start + len(name)
    printed = " ".join(whole[: len(whole) - len(words)])
    described = _role_before(chunk, run.start())
    found = Mention(
        offset + start,
        end,
        name,
        name_kind(words),
        index,
        titled,
        titles=f"{titles} {before.lower()} {_role_after(chunk, start + len(name))}",
    )
    return _with_titles(replace(found, described=described), chunk, offset, f"{printed} {before}")


# Kinds of lexicon names that tie a title to a state or an organisation ("Russian President", "the
# Chancellor of Germany", "Poland's defence minister", "NATO Secretary General").
STATE_KINDS = frozenset({"state", "alias", "demonym", "seat", "org"})

# A title set off by commas right after a name, up to its closing comma or full stop ("Anna Berg,
# Norway's defence minister, said", "Olaf Lund, the Chancellor of Germany, said"); its head is a
# person's role noun (see _apposed_after).
APPOSED_AFTER = re.compile(r",\s+(?P<title>[^,.;:()“”\"]{1,60}?)(?=\s*[,.;])")
# Words that open a clause or another party after a name's comma, not a title beside it.
NOT_APPOSITION = {"and", "or", "but", "who", "which", "that", "said", "says", "told", "while", "when", "where"}


def _apposed_after(chunk: str, end: int) -> str:
    """The title set off after the name ending at `end` (see APPOSED_AFTER); "" where none is."""
    match = APPOSED_AFTER.match(chunk, end)
    if not match or match["title"].split()[0].lower() in NOT_APPOSITION:
        return ""
    head = re.split(r"\s+(?:of|for|at|in|to)\s+", match["title"])[0].split()[-1]
    return match["title"] if role_kind(head) == "role" else ""


# The capitalised words right before a name ("South African President", "Foreign Minister").
CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w.’'-]*\s+)+$")


def _title_before(chunk: str, start: int) -> str:
    """The title printed right before a lexicon name, all of whose words are titles, demonyms or
    openers ("Russian President Vladimir Putin": "Russian President"); "" where none is."""
    match = CAPITALISED_BEFORE.search(chunk[max(0, start - 60) : start])
    words = match.group().split() if match else []
    return " ".join(words) if words and not _strip_titles(words)[0] else ""


def _with_titles(mention: Mention, chunk: str, offset: int, printed: str) -> Mention:
    """The mention with its titles: those printed before it (`printed`, as written) and one set off
    after it (see APPOSED_AFTER), lower case; and the states or organisations they name."""
    if mention.kind not in ("person", "single"):
        return mention
    after = _apposed_after(chunk, mention.end - offset)
    titles = " ".join(f"{mention.titles.strip() or printed.lower()} {after.lower()}".split())
    said = f"{printed} , {after}" if printed.strip() or after else ""
    states = frozenset(a.id for a in find_actors(said) if a.kind in STATE_KINDS) if said else frozenset()
    return replace(mention, titles=titles, title_states=states)


def _role_run(words: list[str]) -> bool:
    """A run of a place or party and a role noun after it, which names a role, not a person: "The
    Alaska Republican warned", "The Scottish MP for East Lothian added" (see PARTY_MEMBERS)."""
    if len(words) < 2 or any(w.rstrip(".") in ORGANISATION_WORDS for w in words):
        return False
    last = words[-1].rstrip(".")
    return last in PARTY_MEMBERS or role_kind(last) == "role"


# A name and the comma after it, right before a title's phrase set beside it.
NAME_THEN_COMMA = re.compile(r"[A-Z][\w'’.-]*,\s*$")


def _apposed_title(chunk: str, run: re.Match[str], words: list[str]) -> bool:
    """A title with its own "of" or "for" phrase set between commas after a name ("Lord Hale,
    Minister for Defence Equipment, said", "Anna Berg, Secretary of State, said"): it is the
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
    return match is not None and (match["noun"] in DESCRIBING or role_kind(match["noun"]) == "role")


def _after_possessive(run: str) -> str:
    """A run's name after its last possessive ("Spain's Defence Minister Ana Ruiz" is Ana Ruiz's;
    the owner is a mention of its own); the owner alone where nothing follows ("Putin's"). A lone
    institution's word after an office's possessive names that office's institution, owner and
    all ("the Prosecutor General’s Office", "the White House Counsel's Office")."""
    parts = [p.strip() for p in POSSESSIVE.split(run)]
    if len(parts) == 2 and parts[1] in OWNED_BODIES and parts[0].split()[-1] in TITLES | OFFICES:
        return run
    return next((p for p in reversed(parts) if p), "")


def _actor(actor: Mention, offset: int, index: int) -> Mention:
    kind = "person" if actor.kind == "leader" else ("outlet" if actor.kind == "outlet" else "org")
    start, end = offset + actor.start, offset + actor.end
    full = actor.name if actor.kind == "leader" else ""
    return Mention(start, end, actor.text, kind, index, actor_id=actor.id, lexicon=actor.kind, full=full)


# A lower-case role noun right before a name, which titles it ("Navy spokesman Ivo Lind").
ROLE_BEFORE = re.compile(r"(?:^|\s)(?P<noun>[a-z]+)\s+$")


def _role_before(chunk: str, start: int) -> str:
    """The lower-case role noun right before a name ("Navy spokesman Ivo Lind": "spokesman"), which
    a later "the spokesman said" stands for; "" where there is none."""
    match = ROLE_BEFORE.search(chunk[max(0, start - 30) : start])
    return match["noun"] if match and role_kind(match["noun"]) == "role" else ""


def _apposed_role(before: str) -> str:
    """The role a name is set beside ("the defence minister, Anna Berg"), as written."""
    if not before.rstrip(" ").endswith(","):
        return ""
    return re.split(r"[,.;:]", before.rstrip(" ")[:-1])[-1]


# The description set after a name between commas ("Anna Berg, an analyst at the institute,",
# "Jonas Vik, 54, a former colonel who"): an age may come first; the phrase runs to its first
# comma, stop or relative word.
DESCRIPTION_AFTER = re.compile(r",\s+(?:\d{1,3},\s+)?(?P<phrase>[^,.;:()“”\"]{1,80})")
# The words of that phrase read for its role noun; a preposition ends the person's part ("an
# analyst at the Nordic Institute").
DESCRIPTION_WORDS = 6
DESCRIPTION_ENDS = {"at", "of", "for", "with", "in", "from", "on", "who", "which", "whose", "and", "said", "says"}


def _role_after(chunk: str, end: int) -> str:
    """The role noun of a description set after a name ("Anna Berg, an analyst at the institute,"
    is the analyst a later "the analyst said" stands for), lower case; "" where there is none."""
    match = DESCRIPTION_AFTER.match(chunk, end)
    if match is None:
        return ""
    words = match["phrase"].split()[:DESCRIPTION_WORDS]
    if not words or words[0].lower() not in ("a", "an", "the"):
        return ""
    for word in words[1:]:
        lower = word.lower()
        if lower in DESCRIPTION_ENDS:
            return ""
        if role_kind(lower) == "role":
            return lower
    return ""


def _institution_run(whole: list[str]) -> bool:
    """The run names an institution: it ends in an institution's word ("Defence Ministry"), or
    an institution's name is followed by "of" and the state whose it is ("Ministry of Defence of
    Latvia", "Foreign Ministry of Japan"), so the run is not cut to the state. Not a person after
    the institution ("the Ministry of Foreign Affairs Radoslaw Sikorski"): the tail is no state."""
    if whole and whole[-1].rstrip(".") in ORGANISATION_WORDS:
        return True
    if "of" not in whole:
        return False
    cut = len(whole) - 1 - whole[::-1].index("of")
    head, tail = whole[:cut], " ".join(whole[cut + 1 :])
    if not head or not any(w.rstrip(".") in ORGANISATION_WORDS for w in head[-1:] + head[:1] + head[1:2]):
        return False
    owners = find_actors(tail)
    return len(owners) == 1 and owners[0].start == 0 and owners[0].end == len(tail)


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
        or (words[0].islower() and words[0] not in SURNAME_PARTICLES)
    ):
        titled = titled or _title_word(words[0])
        words = words[1:]
    return words, titled


# The fewest words of a person's name after the body a title's "of" phrase names.
NAME_AFTER_BODY = 2


def _name_after_body(words: list[str]) -> list[str]:
    """After a title, the body its "of" phrase names and then a person's name ("Commander of the
    Air Force Lars Eide", "Head of the Defence Agency Anna Berg"): the name is the words after the
    body's last word; a run that ends with the body stays whole ("Minister of the Navy")."""
    body = [i for i, w in enumerate(words) if w.rstrip(".") in ORGANISATION_WORDS]
    if not body:
        return words
    tail = words[body[-1] + 1 :]
    plain = all(w[:1].isupper() and w not in NOT_NAMES and not _title_word(w) for w in tail)
    return tail if len(tail) >= NAME_AFTER_BODY and plain else words


# A lower-case role noun and its "of" or "for" right before a run ("the commander of the Ground
# Forces Anna Berg"): the run names the body and then the person who holds the role.
ROLE_OF = re.compile(r"\b(?P<noun>[a-z]+)\s+(?:of|for)\s+(?:the\s+)?$")


def _role_of_before(chunk: str, start: int) -> bool:
    match = ROLE_OF.search(chunk[max(0, start - 40) : start])
    return match is not None and role_kind(match["noun"]) == "role"


def _name_after_place(chunk: str, actors: list, run: re.Match[str], whole: list[str], words: list[str]) -> list[str]:
    """After a title's "of" phrase, the state it names and then a person's name ("Minister of
    Foreign Affairs of Lithuania Anna Berg", "President of Ukraine Jonas Vik"): the name is the
    words after the state's; a run that ends with the state stays whole ("Minister of Defence of
    Norway")."""
    before = whole[len(whole) - len(words) - 1 : len(whole) - len(words)]
    if before != ["of"]:
        return words
    at = run.start() + run.group().rfind(" ".join(words))
    place = next((a for a in actors if a.start == at and a.kind in ("state", "seat", "alias")), None)
    if place is None:
        return words
    tail = chunk[place.end : run.end()].split()
    plain = all(w[:1].isupper() and w not in NOT_NAMES and not _title_word(w) for w in tail)
    return tail if len(tail) >= NAME_AFTER_BODY and plain and name_kind(tail) == "person" else words


def _title_word(word: str) -> bool:
    """A title, or a hyphenated one ("Secretary-General", "Lieutenant-Colonel")."""
    return all(part in TITLES for part in word.rstrip(".").split("-"))
