"""Resolution: what a pronoun, role noun, surname or shortened institution name stands for.

`resolve` names each mention found by `mentions.find_mentions`: a full name is its own; a surname
or first name takes the earlier full name; an institution's noun the last institution named by
it; a pronoun or a person's role noun stands as each of its likeliest antecedents (the most
recent fitting people before it, of a matching gender), for the speaker ranker to choose among.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from materiel.extract.lexicon import find_actors
from materiel.extract.mentions import Mention, Sentence
from materiel.extract.namementions import STATE_KINDS
from materiel.extract.rolementions import singular_of
from materiel.extract.speakerwords import PERSON_ROLES, gender

# Determiners that introduce someone not named before ("a spokesman said"): no antecedent.
INDEFINITE = {"a", "an", "another", "one"}


def resolve(mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """Each mention with `name` set: its own for a full name, a surname's (or else a first
    name's: "said Oksana" after "Oksana Lanskaya") earlier full name, an
    institution noun's earlier institution; a pronoun or a person's role noun once for each of
    its likeliest antecedents (most recent first, `rank` 0, 1, 2). Pronouns and roles with no
    antecedent keep no name (a role noun keeps its own words)."""
    out: list[Mention] = []
    for mention in mentions:
        out.extend(_resolved(mention, out) or _cataphor(mention, out, mentions, sentences))
    return [_named_next(m, out, sentences) for m in out]


# How far into the next sentence the name a role noun announces may stand ("Gen. Anna Berg",
# "At a forum in Oslo, Anna Berg"), in characters.
NAMED_NEXT_REACH = 40


def _named_next(mention: Mention, mentions: list[Mention], sentences: list[Sentence]) -> Mention:
    """A definite person's role noun that nothing before it stands for and that opens its sentence
    (no person, role or pronoun before it there), as the person named early in the next sentence:
    a story's lead names its speaker by office, the sentence after it by name ("The commander of
    the northern fleet said on Monday that ... . Adm. Anna Berg, who took command in May, ...")."""
    words = mention.text.split()
    if mention.kind != "role" or mention.name != mention.text or words[0].lower() in INDEFINITE:
        return mention
    if _plural(mention.text) or mention.sentence + 1 >= len(sentences):
        return mention
    if any(m.sentence == mention.sentence and m.start < mention.start and m.kind in PEOPLE for m in mentions):
        return mention
    start = sentences[mention.sentence + 1].start
    named = [m for m in mentions if m.sentence == mention.sentence + 1 and m.kind == "person"]
    if not named or named[0].start - start > NAMED_NEXT_REACH or not _agrees(mention, named[0]):
        return mention
    person = named[0]
    if not _same_state(mention, person) or _other_role(mention, person):
        return mention
    return replace(mention, name=person.name, via="next", antecedent=person)


def _cataphor(
    mention: Mention, earlier: list[Mention], mentions: list[Mention], sentences: list[Sentence]
) -> list[Mention]:
    """A "he" or "she" that no one before it stands for, with no one named before it in its
    sentence, as the person who opens the next sentence of its paragraph: a feature's lead quotes
    someone first and names them after ("“We cook on a fire,” she said. Nadia Koval, 61, has ...")."""
    if mention.kind != "pronoun" or mention.text.lower() not in ("he", "she") or mention.sentence + 1 >= len(sentences):
        return []
    following = sentences[mention.sentence + 1]
    if following.paragraph != sentences[mention.sentence].paragraph:
        return []
    if any(m.sentence == mention.sentence and m.kind in PEOPLE for m in earlier):
        return []
    named = [m for m in mentions if m.sentence == mention.sentence + 1 and m.kind in PEOPLE]
    if not named or named[0].kind != "person" or named[0].start - following.start > NAMED_NEXT_REACH:
        return []
    person = replace(named[0], name=named[0].text)
    return [replace(mention, name=person.name, via="next", antecedent=person)] if _agrees(mention, person) else []


def _other_role(mention: Mention, person: Mention) -> bool:
    """The person is given a role noun other than the mention's ("The envoy Rasmus Holt" is not
    "the president")."""
    given = {w.strip(".,") for w in f"{person.titles} {person.described}".lower().split()} & PERSON_ROLES
    return bool(given) and _head(mention.text) not in given


# Kinds of mention that stand for a person.
PEOPLE = frozenset({"person", "single", "role", "pronoun"})


# A pronoun or role noun resolves to a mention at most this many sentences before it.
ANTECEDENT_SENTENCES = 4
# How many earlier people a pronoun or role noun is tried as (the ranker picks among them).
ANTECEDENTS = 3


def _resolved(mention: Mention, earlier: list[Mention]) -> list[Mention]:
    if mention.kind in ("org", "outlet") and not mention.actor_id:
        return [_shortened(mention, earlier)]
    if mention.kind in ("person", "org", "outlet"):
        return [replace(mention, name=mention.text)]
    if mention.kind == "single":
        # the full name ending in the surname, its particles too ("Rodrigo de la Fuente")
        fuller = [m for m in earlier if m.kind == "person" and f" {m.text}".endswith(f" {mention.text}")]
        fuller = fuller or [m for m in earlier if m.kind == "person" and m.text.split()[0] == mention.text]
        whole = replace(mention, name=fuller[-1].text, via="surname") if fuller else replace(mention, name=mention.text)
        return [whole]
    near = [m for m in earlier if mention.sentence - m.sentence <= ANTECEDENT_SENTENCES and m.name and not m.antecedent]
    if mention.kind == "role_org" or (mention.kind == "pronoun" and mention.text.lower() in ("it", "they")):
        bodies = [m for m in near if m.kind in ("org", "outlet") or (_named_body(m) and _body_of(mention, m))]
        return _institutions(mention, bodies)
    if mention.kind == "role" and (mention.text.split()[0].lower() in INDEFINITE or _plural(mention.text)):
        return [replace(mention, name=mention.text)]  # "a spokesman": someone new; "the senators": a group
    people = [m for m in near if _person_like(m, earlier) or _stands_for(mention, m)]
    people = [m for m in people if m.start < mention.start and not _binds(mention, m)]
    introduced = [m for m in people if mention.kind == "role" and _stands_for(mention, m)]
    if _owned_spokesperson(mention):
        people = [m for m in people if m.described == _head(mention.text)]
    people = introduced[-1:] or people  # "a senior official ... the official said": the one introduced
    recent = [m for m in earlier if mention.sentence - m.sentence <= ANTECEDENT_SENTENCES]
    found = _antecedents(mention, people, _titled_before(mention, earlier))
    found = found or _chained(mention, recent) or _introduced_far(mention, earlier)
    if found or mention.kind != "role":
        return found
    return [_spokesperson_of(mention, near) or replace(mention, name=mention.text)]


# Role nouns of a person who speaks for an institution: "the spokesperson said" with no one named
# to stand for speaks for the last institution named before it.
SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson"}


# A capitalised word in a role phrase before its noun ("Infineon’s spokesperson", "the Pentagon
# spokesman") or a capitalised body after it ("the spokeswoman for the Navy"): the body it serves.
OWNER_BEFORE = re.compile(r"\b[A-Z][\w.&’'-]*")
BODY_NAMED = re.compile(r"\s(?:for|of|from|at)\s+(?:the\s+)?[A-Z]")


def _owned_spokesperson(mention: Mention) -> bool:
    """A spokesperson of a body the phrase names ("Infineon’s spokesperson said", "the Pentagon
    spokesman said"): someone the article has not named, unless it introduced them by the same
    noun ("a spokesman for the Pentagon ... the Pentagon spokesman", "Navy spokesman Ivo Lind ...
    the Navy spokesman"), not the last person it named before (a rival firm's lawyer, the leader
    the spokesperson speaks for)."""
    words = _phrase(mention.text).split()
    if mention.kind != "role" or not words or words[-1].lower() not in SPOKES_NOUNS:
        return False
    owner = any(OWNER_BEFORE.match(w) for w in words[:-1] if w.lower() not in INDEFINITE | {"the"})
    return owner or BODY_NAMED.search(mention.text) is not None


def _binds(mention: Mention, person: Mention) -> bool:
    """An object pronoun does not stand for its own clause's subject named in its sentence: in
    "The Courier quoted him as saying", "him" is not the Courier."""
    return mention.object and person.sentence == mention.sentence


# A common noun's possessive before a spokesperson ("the ministry's spokesman"): the institution
# named before, as "the spokesman" alone is.
COMMON_OWNER = re.compile(r"[a-z][\w-]*['’]s")


def _spokesperson_of(mention: Mention, near: list[Mention]) -> Mention | None:
    """A definite spokesperson with no person before it as the spokesperson of the last institution
    named within reach ("the State Department said ... “...,” the spokesperson said")."""
    words = mention.text.split()
    owned = len(words) == 2 and COMMON_OWNER.fullmatch(words[0]) is not None  # "the ministry's spokesman"
    if (len(words) > 1 and not owned) or words[-1].lower() not in SPOKES_NOUNS:
        return None  # not "a spokesman", "the Pentagon spokesman"
    bodies = [m for m in near if m.kind == "org" and m.start < mention.start]  # not a news outlet
    if not bodies:
        return None
    body = bodies[-1]
    return replace(mention, name=f"{words[-1]} for {body.name}", via="org", antecedent=body)


def _named_body(mention: Mention) -> bool:
    """An institution's noun with the words that name it ("Taiwan's defence ministry", "the
    chemical weapons watchdog"): a later bare noun ("the ministry said") stands for it."""
    words = mention.text.split()
    return mention.kind == "role_org" and len(words) >= 2 and words[0].lower() not in INDEFINITE


# Nouns of documents ("the statement", "the report"): a pronoun's institution is one that acts,
# not the paper it issued, which "it" stands for only as rarely as a report is quoted as "it".
DOCUMENT_NOUNS = frozenset({"statement", "report", "readout", "communique", "release", "assessment", "document"})


def _body_of(mention: Mention, body: Mention) -> bool:
    """An institution named by its noun and words ("the Indian army", "Taiwan's defence ministry")
    that a later institution's noun stands for ("the ministry said"), and that "it" or "they"
    stands for too ("The Indian army said ... It added that"); a document's noun only for a noun."""
    return mention.kind == "role_org" or body.text.split()[-1].lower() not in DOCUMENT_NOUNS


def _plural(text: str) -> bool:
    """A plural person's role noun ("the senators", "officials", "the signatories", "inspectors
    general": the head may come before a last word that is a role too): a group, not one person."""
    nouns = [w.lower() for w in _phrase(text).split()[-2:]]
    return any(singular_of(n) != n and singular_of(n) in PERSON_ROLES for n in nouns)


def _person_like(mention: Mention, earlier: list[Mention]) -> bool:
    """A mention a pronoun or role noun may stand for: a full name, a surname of one, a titled
    name, or a single name the article has used before ("Sabalenka ... Sabalenka said")."""
    if mention.kind == "person" or mention.via == "surname" or mention.title:
        return True
    return mention.kind == "single" and any(m.text == mention.text and m.start < mention.start for m in earlier)


def _stands_for(mention: Mention, role: Mention) -> bool:
    """An unnamed person introduced by a role noun ("a senior defence official said"), whom a
    later pronoun or the same role noun stands for ("the official added", "she said")."""
    if role.kind != "role" or role.name != role.text or _plural(role.text):
        return False
    if role.text.split()[0].lower() not in INDEFINITE:
        return False
    return mention.kind == "pronoun" or _head(mention.text) == _head(role.text)


def _head(text: str) -> str:
    """A role phrase's noun ("spokesman" of "a spokesman for the Army")."""
    words = _phrase(text).split()
    return singular_of(words[-1].lower()) if words else ""


def _phrase(text: str) -> str:
    """A role phrase without the body it serves ("a spokesman" of "a spokesman for the Army")."""
    return re.split(r"\s+(?:for|of|from|at)\s+", text)[0]


def _titled_before(mention: Mention, earlier: list[Mention]) -> list[Mention]:
    """People given the role noun as a title anywhere before it ("Cardinal Anna Berg ... the
    cardinal said", however many sentences apart)."""
    if mention.kind != "role":
        return []
    noun = _phrase(mention.text).split()[-1].lower().rstrip("s")
    return [m for m in earlier if m.kind in ("person", "single") and noun in m.titles and _agrees(mention, m)]


def _chained(mention: Mention, recent: list[Mention]) -> list[Mention]:
    """A pronoun with no one to stand for near it as the person the last same pronoun before it
    stood for, named further back than a pronoun looks ("Anna Berg said ... she said ... she added")."""
    if mention.kind != "pronoun":
        return []
    same = mention.text.lower()
    chain = [m for m in recent if m.kind == "pronoun" and m.text.lower() == same and m.rank == 0 and m.antecedent]
    if not chain:
        return []
    person = chain[-1].antecedent
    return [replace(mention, name=chain[-1].name, via="chain", antecedent=person)]


# How many sentences back a person's pronoun looks, once no one stands within ANTECEDENT_SENTENCES
# nor a chain of the same pronoun leads back: a feature story introduces its subject, tells of
# them for a paragraph or two, then quotes them ("Anna Berg, an analyst, has followed ... . “...,”
# she said").
FAR_SENTENCES = 12


def _introduced_far(mention: Mention, earlier: list[Mention]) -> list[Mention]:
    """A person's pronoun ("he", "she") with no one to stand for within reach as the last person
    of its gender named before it within FAR_SENTENCES (see there); as no one when there is none."""
    if mention.kind != "pronoun" or mention.text.lower() not in ("he", "she"):
        return []
    far = [m for m in earlier if mention.sentence - m.sentence <= FAR_SENTENCES and m.name and not m.antecedent]
    people = [m for m in far if _person_like(m, earlier) and m.start < mention.start and _agrees(mention, m)]
    if not people:
        return []
    person = people[-1]
    return [replace(mention, name=person.name, via="far", antecedent=person)]


def _shortened(mention: Mention, earlier: list[Mention]) -> Mention:
    """An institution named by the last words of a fuller name given before ("the Post" after
    "The Washington Post") is that institution."""
    fuller = [m for m in earlier if m.kind in ("org", "outlet") and (m.name or "").endswith(" " + mention.text)]
    if fuller:
        return replace(mention, name=fuller[-1].name)
    return replace(mention, name=mention.text)


def _institutions(mention: Mention, orgs: list[Mention]) -> list[Mention]:
    """An institution's noun as the last institution named by that noun ("the ministry" after "the
    Defence Ministry"), or its own words where none is ("the statement said"); "it" or "they" as
    each of the last few institutions before it (the ranker picks among them)."""
    if mention.kind == "role_org":
        noun = mention.text.split()[-1].lower().rstrip("s")
        same = [m for m in orgs if noun in m.text.lower() or _kind_of(noun, m)]
        own = replace(mention, name=mention.text)
        return [replace(mention, name=same[-1].name, via="org", antecedent=same[-1])] if same else [own]
    out: list[Mention] = []
    for org in orgs[::-1]:
        if org.name not in {m.name for m in out} and len(out) < ANTECEDENTS:
            out.append(replace(mention, name=org.name, via="org", rank=len(out), antecedent=org))
    return out


# Institution nouns that stand for an institution of a kind rather than repeat a word of its
# name: "the outlet" after "The New York Times", "the company" after "Rheinmetall".
KIND_NOUNS = {
    "outlet": "outlet",  # a newspaper, broadcaster or agency named before
    "newspaper": "outlet",
    "broadcaster": "outlet",
    "publication": "outlet",
    "company": "maker",  # an arms maker of the lexicon
    "firm": "maker",
}


# Words of a company's own name after its first ("Halvard Shipping of Bergen", "Nordvik Aerospace
# Group", "Brenn AG"): a business whatever it makes, so "the company" or "the firm" after it is it.
COMPANY_WORDS = frozenset(
    """Company Corporation Group Corp Inc Ltd Co Plc AG GmbH Technologies Industries Shipping Holdings
    Aerospace Dynamics Airlines""".split()  # noqa: SIM905 - a word list, as speakerwords' lists are
)


def _kind_of(noun: str, org: Mention) -> bool:
    """The noun names the kind of institution the mention is ("the outlet": an outlet; "the
    company": an arms maker of the lexicon, or a name with a company's word)."""
    wanted = KIND_NOUNS.get(noun)
    if wanted == "maker" and org.kind == "org" and _company_name(org.text):
        return True
    return wanted is not None and wanted in (org.kind, org.lexicon)


def _company_name(text: str) -> bool:
    return any(w.rstrip(".,") in COMPANY_WORDS for w in text.split()[1:])


def _antecedents(mention: Mention, people: list[Mention], titled: list[Mention]) -> list[Mention]:
    """The pronoun or role noun as each of the last few distinct people before it; a role noun
    only as the last person who carried it as a title where one did ("the minister" after
    "Minister Tomas Berg", "Tomas Berg, the defence minister,"), one titled for the role's own state
    first ("the Russian president" after "Russian President Ivan Sokolov")."""
    people = [m for m in people if _agrees(mention, m) and _same_state(mention, m) and not _other_office(mention, m)]
    titled = [m for m in titled if _same_state(mention, m)]
    states = _states_of(mention.text) if mention.kind == "role" else frozenset()
    titled = ([m for m in titled if states & _states_held(m)] or titled)[-1:]  # "the Russian president"
    ordered = titled or people[::-1]  # a person the article gave the role as a title is the one
    out: list[Mention] = []
    for person in ordered:
        if person.name not in {m.name for m in out} and len(out) < ANTECEDENTS:
            via = "titled" if person in titled else mention.kind
            out.append(replace(mention, name=person.name, via=via, rank=len(out), antecedent=person))
    return out


# Offices one person holds at a time, each a title of its own: "the prime minister" does not stand
# for a person the article titled president ("President Anna Berg ... The Prime Minister said"),
# nor "the senator" for a governor. Nouns that describe the holder of an office ("leader",
# "commander", "official") may stand for any of them.
OFFICES = frozenset({"president", "minister", "chancellor", "senator", "ambassador", "governor", "mayor", "secretary"})


def _other_office(mention: Mention, person: Mention) -> bool:
    """A role noun naming an office ("the prime minister") and a person titled only with others."""
    if mention.kind != "role" or _head(mention.text) not in OFFICES:
        return False
    held = {w.strip(".,") for w in f"{person.titles} {person.described}".lower().split()} & OFFICES
    return bool(held) and _head(mention.text) not in held


def _agrees(mention: Mention, person: Mention) -> bool:
    """A pronoun or role noun with a gender ("she", "the spokeswoman") does not stand for a
    person of the other one."""
    own = {"he": "m", "she": "f"}.get(mention.text.lower()) or gender(mention.text)
    named = person.full or person.name or person.text  # a leader by the full name the lexicon gives
    other = gender("", person.text) if person.kind == "role" else gender(named, person.titles) or person.gender
    return not (own and other and own != other)


def _same_state(mention: Mention, person: Mention) -> bool:
    """A role noun tied to a state or organisation ("Israel's defence minister", "the Russian envoy",
    "the Kremlin adviser", "the NATO chief") does not stand for a leader the lexicon ties to another
    one ("Biden ... the Kremlin adviser said"), nor for a person whose titles name only others
    ("South African President Anna Berg ... the Russian president said")."""
    if mention.kind != "role":
        return True
    states, held = _states_of(mention.text), _states_held(person)
    return not states or not held or bool(states & held)


def _states_held(person: Mention) -> frozenset[str]:
    """The states or organisations a person's titles name, or the lexicon ties a leader to."""
    if person.lexicon == "leader" and person.actor_id:
        return frozenset({person.actor_id})
    return person.title_states


@cache
def _states_of(text: str) -> frozenset[str]:
    """The states or organisations a role noun's words name ("the Russian president": RUS)."""
    return frozenset(m.id for m in find_actors(text) if m.kind in STATE_KINDS)
