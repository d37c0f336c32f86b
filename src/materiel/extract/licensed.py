"""Licence production: a state that makes another state's weapon under that state's licence gets
it from the licensor, as SIPRI counts a transfer ("India builds Hawk jets under licence from
Britain", "licence production of the K9 began in Poland under a deal with South Korea", "gave
Egypt approval to produce the M1 tank"). Making alone moves nothing (nontransfer.MADE): only a
licence, or a permission to make, turns it into a transfer.

The maker is the recipient: the making verb's subject, the one permitted to make ("approval for
Egypt to produce"), or where a making noun's production takes place ("began in Poland"). The
supplier is the licence's or the permission's 'from', the 'with' of the licence, agreement or
deal the making is done under, or who gives the permission ("Washington granted ...")."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.lexicon import Mention
from materiel.extract.permission import GRANTING, is_permission

# Verbs and nouns of making a weapon.
MAKING_VERBS = {"produce", "manufacture", "build", "assemble", "make", "co-produce", "coproduce"}
MAKING_NOUNS = {"production", "manufacture", "manufacturing", "assembly", "co-production", "coproduction"}
# A licence, by its lemma: the noun ("under licence", "a licence to build") and its participle
# on a making noun ("licensed production"; the parser gives "licensed" or "license").
LICENCES = {"licence", "license", "licensed", "licenced"}
# Terms a making is done under whose 'with' or 'from' names the licensor once a licence marks the
# making ("licence production began under an agreement with Britain").
TERMS = LICENCES | {"agreement", "deal", "contract", "arrangement", "accord"}
# Prepositions of the licensor on a licence, a permission or the terms ("licence from Britain",
# "a deal with South Korea").
LICENSOR_PREPS = {"from", "with"}
# How many heads up from a making noun its terms and its place may hang ("production ... began
# in Poland under a deal": production, began; "is due to begin": production, is, due, begin).
REACH = 4
# Dependencies of the one a permission is granted to, set before it ("granted India a licence";
# the parser takes "denied Ankara permission" for two objects).
GIVEN_DEPS = {"dative", "iobj", "dobj"}
# Dependencies of a complement that carries on the clause of a making noun's verb ("is due to
# begin": due, begin).
COMPLEMENTS = {"acomp", "xcomp"}
# The verb of making under a permission noun: an infinitive ("approval for Egypt to produce",
# "a licence to build").
PERMITTED_DEPS = {"acl", "advcl", "relcl", "xcomp", "ccomp"}


def licensed_making(token: Token) -> bool:
    """Is the token a verb or noun of making that a licence or a permission marks ("licence
    production", "building jets under licence", "approval for Egypt to produce the tank")?"""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma in MAKING_NOUNS:
        return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in LICENCES for c in token.children)
    if token.pos_ != "VERB" or lemma not in MAKING_VERBS:
        return False
    return _under_licence(token) or _permission_above(token) is not None


def in_sentence(sentence: SpacySpan) -> bool:
    """Does the sentence tell a licensed making (which moves the weapon from the licensor)?"""
    return any(licensed_making(t) for t in sentence)


def licensed_stage(cue: Token) -> str:
    """The stage of a licensed making on its own: made under a licence is received ("built under
    licence"); a permission to make is a commitment until a stage word above it says more ("gave
    approval for Egypt to produce": pledged; "asked for permission to build": requested), as an
    export licence is (cues.json, approvals)."""
    return "pledged" if cue.pos_ == "VERB" and _permission_above(cue) is not None else "delivered"


def licence_roles(
    cue: Token, actors: list[Mention], granter: Mention | None
) -> tuple[Mention | None, Mention | None] | None:
    """The licensor and the maker of a licensed making, with `granter` (the actor the subject of
    the verb granting its permission names, a pronoun resolved) as the licensor where no 'from' or
    'with' names one; none where the cue is no such making."""
    if not licensed_making(cue):
        return None
    permission = _permission_above(cue) if cue.pos_ == "VERB" else None
    maker = _maker(cue, permission, actors)
    licensor = _licensor(cue, permission, actors) or granter
    if maker is not None and licensor is not None and maker.id == licensor.id:
        return None  # a state licensing its own makers moves nothing
    return licensor, maker


def _under_licence(verb: Token) -> bool:
    """'building jets under licence (from Britain)'."""
    return any(o.lemma_.lower() in LICENCES for o in treenames.prep_objects(verb, {"under"}))


def _permission_above(verb: Token) -> Token | None:
    """The permission or licence noun the making verb is the infinitive of ("approval for Egypt to
    produce", "a licence to build")."""
    head = verb.head
    if verb.dep_ not in PERMITTED_DEPS or head.i == verb.i:
        return None
    permits = is_permission(head) or (head.pos_ == "NOUN" and head.lemma_.lower() in LICENCES)
    return head if permits else None


def _maker(cue: Token, permission: Token | None, actors: list[Mention]) -> Mention | None:
    """Who makes: the verb's subject ("India is building", "for Egypt to produce"), the one a
    permission is granted to ("granted India a licence to build"), or where a making noun's
    production takes place ("began in Poland")."""
    subjects = [c for c in cue.children if c.dep_ in treenames.SUBJECTS]
    if permission is not None and permission.head.lemma_.lower() in GRANTING:
        # "granted India a licence", "denied Ankara permission" (the parser's object before it)
        subjects += [c for c in permission.head.children if c.dep_ in GIVEN_DEPS and c.i < permission.i]
    places = [o for t in _heads(cue) for o in treenames.prep_objects(t, {"in"})]
    return treenames.mention_in(subjects, actors) or treenames.mention_in(places, actors)


def granting_verb(cue: Token) -> Token | None:
    """The verb that grants the permission a making verb is the infinitive of ("gave approval for
    Egypt to produce": gave), whose subject is the licensor where no 'from' names one."""
    permission = _permission_above(cue) if cue.pos_ == "VERB" else None
    granting = permission is not None and permission.head.lemma_.lower() in GRANTING
    return permission.head if granting else None


def _licensor(cue: Token, permission: Token | None, actors: list[Mention]) -> Mention | None:
    """Who licenses: the 'from' or 'with' of the licence, the permission or the terms the making is
    done under ("under licence from Britain", "under a deal with South Korea"), or the agent of a
    participle on them ("under a licence granted by Denmark")."""
    terms = [o for t in _heads(cue) for o in treenames.prep_objects(t, {"under"}) if o.lemma_.lower() in TERMS]
    holders = [*terms, *([permission] if permission is not None else [])]
    named = [o for h in holders for o in treenames.prep_objects(h, LICENSOR_PREPS)]
    granted = [c for h in holders for c in h.children if c.dep_ == "acl"]  # "a licence granted by Denmark"
    agents = [o for g in granted for a in g.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return treenames.mention_in(named + agents, actors)


def _heads(cue: Token) -> list[Token]:
    """The cue and, for a making noun, the heads above it within REACH and the complements they
    pass on to ("production is due to begin in Poland": is, due, begin), where its terms and place
    may hang."""
    if cue.pos_ != "NOUN":
        return [cue]
    heads = list(cue.ancestors)[:REACH]
    return [cue, *heads, *(c for h in heads for c in _complements(h))]


def _complements(word: Token) -> list[Token]:
    """The adjective and verb complements below a word, down the chain ("is due to begin")."""
    found: list[Token] = []
    for child in word.children:
        if child.dep_ in COMPLEMENTS:
            found += [child, *_complements(child)]
    return found
