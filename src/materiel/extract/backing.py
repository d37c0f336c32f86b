"""Backing: a transfer made to help a party names that party as its recipient.

Two constructions tie a verb of backing to a transfer verb: the transfer is the means ("the US
supports Ukraine by providing weapons", "France is helping Chad by delivering armoured vehicles")
or the backing is its purpose ("Turkey sent drones to help Azerbaijan", "Iran supplies arms to
prop up the Syrian government"). Either way the party backed (the backing verb's object) gets
what is moved, where the transfer names no recipient of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.lexicon import Mention

# Nouns that stand for the state or group their modifier names ("the Syrian government", "the
# Assad regime"); any other noun a name modifies is no party ("to support NATO exercises").
PARTY_NOUNS = {"government", "regime", "administration", "state", "authorities", "leadership"}
# Verbs of backing a party, whose object is the one helped ("support Ukraine", "prop up the
# regime"); a phrasal one by its particle.
BACKING = {"support", "help", "aid", "assist", "back", "bolster", "strengthen", "arm", "equip"}
PHRASAL_BACKING = {("prop", "up"), ("shore", "up")}


def backed_party(cue: Token, actors: list[Mention]) -> Mention | None:
    """The party a transfer verb moves materiel to help: the object of the backing verb it is
    the means of ('by providing') or whose purpose clause it carries ('to help'); a demonym is
    none where it names no party itself."""
    verbs = [cue.head.head] if cue.dep_ == "pcomp" and cue.head.lower_ == "by" else []
    verbs += [c for c in cue.children if c.dep_ in ("advcl", "xcomp") and _infinitive(c)]
    for verb in (v for v in verbs if _backs(v)):
        found = next(filter(None, (_party(o, actors) for o in treenames.direct_objects(verb))), None)
        if found is not None:
            return found
    return None


def _party(noun: Token, actors: list[Mention]) -> Mention | None:
    """The party an object names: itself ("Azerbaijan"), or the state a party noun stands for
    ("the Syrian government"); not a demonym on another noun ("Ukrainian forces")."""
    own = [m for m in actors if m.start <= noun.idx < m.end]
    if own:
        return own[0]
    return treenames.mention_in([noun], actors) if noun.lemma_.lower() in PARTY_NOUNS else None


def _backs(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return lemma in BACKING or any((lemma, p) in PHRASAL_BACKING for p in particles)


def _infinitive(verb: Token) -> bool:
    """A purpose clause: 'to' and a verb ("to help Kyiv")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
