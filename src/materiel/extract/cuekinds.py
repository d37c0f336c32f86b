"""What a word is as a cue: the table of cue words (lexicons/cues.json) and the kind a token of a
parse takes in it (transfer, receive, request, arrive, contents, or a transfer noun), memoised per doc.

Read through syntax.py by most of the extractor; the stage words are in stagewords.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from materiel.extract.cargo import carrier
from materiel.extract.lexicon import find_items, load
from materiel.extract.licensed import licensed_making, licensed_stage


@dataclass(frozen=True)
class Cues:
    transfer: dict[str, str]
    receive: dict[str, str]
    request: dict[str, str]
    arrive: dict[str, str]
    nouns: dict[str, str]
    stage: dict[str, str]
    contents: dict[str, str]
    users: frozenset[str]
    modifiers: dict[str, str]
    phrasal: dict[str, str]
    predicates: dict[str, str]


@cache
def cues() -> Cues:
    data = load("cues.json")
    return Cues(
        data["transfer"],
        data["receive"],
        data["request"],
        data["arrive"],
        data["nouns"],
        data["stage"],
        data["contents"],
        frozenset(data["users"]),
        data["modifiers"],
        data["phrasal"],
        data["predicates"],
    )


# Verbs of backing that supply what follows "with" ("Iran is supporting Russia with drones",
# "helped Kyiv with air defence"); without "with" they are a stance, not a transfer.
SUPPLY_WITH = {"support", "back", "help", "assist", "aid"}
# Verbs of paying: with a named party paid and a "for" ("Russia paid Iran $1.2bn for drones"), the
# payer receives what it pays for from the party paid; without the party ("the US paid for weapons
# sent to Ukraine") the payer may be buying for another, and nothing is read.
PAYING = {"pay"}
# Verbs that move an item only with both what they move and where to ("passed its howitzers to
# Ukraine", "will pass to Ukraine its remaining guns", "passed them on to Kyiv"); alone they are a
# stage word ("the bill passed") or go by ("the convoy passed through Lviv").
PASSING = {"pass"}
# Particles that make 'pass' hand something on: "pass on", "pass over".
PASSING_PARTICLES = {"on", "over"}
# Words of thanks: with a party thanked and a "for" ("Kyiv thanked Berlin for the tanks", "grateful
# to Tokyo for the aid"), the one who thanks received what it thanks for from the party thanked
# (thanks.py); not "thanks to", which gives a cause ("thanks to US weapons").
THANKING = {"thank"}  # a verb: the party thanked is its object
THANKFUL = {"grateful", "thankful"}  # an adjective: the party thanked follows "to"
THANKS = {"gratitude", "thanks", "thank", "appreciation"}  # a noun a verb expresses ("thanks": lemma "thank")


def paid_party(verb: Token) -> Token | None:
    """The proper noun a verb of paying pays ("paid Iran"), where a "for" on the verb or on the sum
    paid ("paid Iran $300 million for drones") names what it buys."""
    sums = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NUM", "NOUN")]
    if not any(c.lower_ == "for" and c.dep_ in ("prep", "dative") for h in (verb, *sums) for c in h.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("dative", "dobj") and c.pos_ == "PROPN"), None)


def thanked_party(word: Token) -> Token | None:
    """The party a word of thanks thanks ("thanked Berlin", "grateful to Tokyo", "expressed
    gratitude to Oslo", "thanked the German minister"), where a "for" names what for; not one
    that a name does not name ("thanked reporters for their questions about the tanks")."""
    lemma = word.lemma_.lower()
    noun = next((c for c in word.children if c.dep_ == "dobj" and c.lemma_.lower() in THANKS), None)
    if lemma in THANKING and word.pos_ == "VERB":
        party, holders = next((c for c in word.children if c.dep_ in ("dobj", "dative")), None), [word]
    elif lemma in THANKFUL and word.pos_ == "ADJ":
        party, holders = _to_object([word]), [word]
    elif noun is not None and word.pos_ == "VERB":
        party, holders = _to_object([noun, word]), [noun, word]
    else:
        return None
    if not any(c.lower_ == "for" and c.dep_ == "prep" for h in holders for c in h.children):
        return None
    return party if party is not None and _named(party) else None


def _to_object(words: list[Token]) -> Token | None:
    """The object of the first 'to' on the words ("grateful to Tokyo")."""
    targets = [g for w in words for c in w.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    return next((g for g in targets if g.dep_ == "pobj"), None)


def _named(party: Token) -> bool:
    """A proper name, or a noun a name or a demonym modifies ("the German chancellor")."""
    near = [party, *(c for c in party.children if c.dep_ in ("compound", "amod", "poss", "nmod"))]
    return any(t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.text[:1].isupper()) for t in near)


# Key of the per-doc memo in `Doc.user_data`: a parse never changes once made, so what a token
# is as a cue is worked out once per doc, not once per item mention that asks.
CUE_KINDS = "materiel.cue_kinds"
# Request lemmas that ask only as a verb: a participle on a noun asks nothing ("its needed
# counter-offensive", "the aid needed for the offensive").
ADJECTIVAL_NOT_REQUEST = {"need"}


def cue_kind(token: Token) -> str | None:
    kinds = token.doc.user_data.setdefault(CUE_KINDS, {})
    if token.i not in kinds:
        kinds[token.i] = _cue_kind(token)
    return kinds[token.i]


def _cue_kind(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    table = cues()
    if lemma in SELF_MOVING and not _moves_object(token):
        return None  # "to keep its jets flying", "the drones flew over Kyiv": they move themselves
    if licensed_making(token):
        return "receive"  # "India builds Hawk jets under licence from Britain": India gets them
    if lemma in BUILDING and not _builds_for_named(token):
        return None  # "the plant builds 40 tanks a month", "to build up its defences": made, not sold
    if lemma in DIVERTING and _moves_money(token):
        return None  # "arms profits were diverted to the rebels": money embezzled, not materiel
    verbal = token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or _verb_by_place(token)
    if verbal and (kind := _verb_cue_kind(token, lemma, table)) is not None:
        return kind
    if token.pos_ == "ADJ" and thanked_party(token) is not None:
        return "receive"  # "grateful to Tokyo for the aid": the grateful party got it
    if token.pos_ == "NOUN" and lemma in table.nouns and not _asks_for_talk(token):
        return "noun"
    return None


def _verb_cue_kind(token: Token, lemma: str, table: Cues) -> str | None:
    """What a verb (or a word in a verb's place) is as a cue: by its lemma's list, else by what it
    takes (supplying with, paying for, thanking for, carrying, a package that has)."""
    for kind, words in (
        ("transfer", table.transfer),
        ("receive", table.receive),
        ("request", table.request),
        ("arrive", table.arrive),
        ("contents", table.contents),
    ):
        if lemma in words and not (lemma in ADJECTIVAL_NOT_REQUEST and token.dep_ in ("amod", "acl")):
            return kind
    if lemma in SUPPLY_WITH and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return "transfer"
    if lemma in PASSING and _passes_to(token):
        return "transfer"  # "Latvia passed its Stingers to Ukraine", "will pass to Ukraine its guns"
    if lemma in PAYING and paid_party(token) is not None:
        return "receive"  # "Russia paid Iran $1.2bn for drones": the payer gets the drones
    if thanked_party(token) is not None:
        return "receive"  # "Kyiv thanked Berlin for the tanks": Kyiv got them
    if carrier(token) is not None:
        return "transfer"  # "a ship carrying shells from Iran": cargo on its way
    if lemma == "have" and token.dep_ not in ("aux", "auxpass") and _package_subject(token):
        return "contents"  # "The package also has 16 Gepard guns": what it holds
    return None


# Words of talk: a request "for comment" or "for information" asks for words, not materiel; a
# transfer these are "on" or "about" is their topic (clause.stage_ancestors).
TALK_WORDS = {"comment", "information", "clarification", "question", "inquiry", "enquiry", "remark", "interview"}


def _asks_for_talk(noun: Token) -> bool:
    """'requests for comment about the tanks': a request noun 'for' a word of talk."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and _for_talk(c) for c in noun.children)


def _for_talk(prep: Token) -> bool:
    return any(o.dep_ == "pobj" and o.lemma_.lower() in TALK_WORDS for o in prep.children)


def _verb_by_place(token: Token) -> bool:
    """A word the tagger took for a noun that heads the sentence and has a subject is its verb
    ("Tanks from Germany arrive in Ukraine": 'arrive' tagged NN), and so is one a modal and a
    subject hang on ("Canada will no longer ship arms": 'ship' tagged NN under 'said')."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)
    return subject and (token.dep_ == "ROOT" or modal)


# Nouns of a package or a lot whose verb of having lists what it holds ("the package has ...").
PACKAGE_NOUNS = {"package", "tranche", "shipment", "consignment", "batch"}


def _package_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in PACKAGE_NOUNS for c in verb.children)


# Verbs of making that sell what they make only "for" a named party ("Navantia will build five
# corvettes for Saudi Arabia's navy", "build frigates for the Egyptian navy").
BUILDING = {"build"}
# Verbs of diverting, and the nouns of money whose diversion is embezzlement, not a transfer of
# materiel ("profits from the arms sales were diverted to the rebels", "funds were redirected").
DIVERTING = {"divert", "redirect"}
MONEY_NOUNS = {"profit", "proceeds", "proceed", "fund", "money", "cash", "revenue", "payment", "budget"}


# Places a verb of making builds for a party, which stay where they are built ("build a drone
# factory for Ukraine", "a new tank base for its Abrams"): the items named on them are not sold.
FACILITIES = {
    "factory", "plant", "facility", "base", "site", "depot", "workshop", "hub", "line",
    "centre", "center", "town", "garrison", "shipyard", "yard", "airfield", "port", "school",
    "barrack", "hangar", "bunker", "shelter", "housing",  # by lemma ("barracks": barrack)
}  # fmt: skip


def _builds_for_named(verb: Token) -> bool:
    """Does the verb, or its object, have a 'for' whose object is a named party, and is what it
    builds no facility?"""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(o.lemma_.lower() in FACILITIES for o in objects):
        return False
    holders = [verb, *objects]
    fors = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "for"]
    return any(o.dep_ == "pobj" and _named(o) for f in fors for o in f.children)


def _moves_money(verb: Token) -> bool:
    """Is what the verb moves (its object or passive subject) money?"""
    moved = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(c.lemma_.lower() in MONEY_NOUNS for c in moved)


# Transfer verbs of moving by air, whose subject may be the aircraft or drone moving itself ("the
# jets were flying"), or a pilot, not an item moved to anyone.
SELF_MOVING = {"fly", "airlift"}
# Dependencies by which such a verb moves something other than its subject ("flew missiles to
# Kyiv", "missiles were flown to Kyiv"); it moves them to someone only with a "to" ("operators
# flying drones at speed" pilot them).
MOVED_DEPS = {"dobj", "nsubjpass"}


def _moves_object(verb: Token) -> bool:
    moved = (verb.dep_ == "acl" and verb.tag_ == "VBN") or any(c.dep_ in MOVED_DEPS for c in verb.children)
    return moved and any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children)


# Key of the per-doc memo of whether a sentence holds a cue (`holds_cue`), by its token bounds: the
# readings of its items in use or in stock ask it once per item and per reading (used.py, holdings.py).
HOLDS_CUE = "materiel.holds_cue"


def holds_cue(sentence: Span) -> bool:
    """The sentence holds a transfer, receipt, request or transfer noun of its own (memoised per doc)."""
    memo = sentence.doc.user_data.setdefault(HOLDS_CUE, {})
    key = (sentence.start, sentence.end)
    if key not in memo:
        memo[key] = any(cue_kind(t) in ("transfer", "receive", "request", "noun") for t in sentence)
    return memo[key]


def base_stage(cue: Token) -> str:
    """The stage the cue tables give a cue word itself ("sent": delivered), before its verb form
    or context; a word in no table moved something."""
    table = cues()
    lemma = cue.lemma_.lower()
    if licensed_making(cue):
        return licensed_stage(cue)  # "built under licence": received ('build' alone is a contract)
    for words in (table.transfer, table.receive, table.request, table.arrive, table.nouns):
        if lemma in words:
            return words[lemma]
    return "delivered"


def _passes_to(verb: Token) -> bool:
    """Does 'pass' move something to someone: a 'to' (or 'on to') with an item or a pronoun as the
    verb's object, a particle, or the moved thing set after the 'to' ("pass to Ukraine its remaining
    howitzers", parsed as an apposition of the recipient)?"""
    preps = [c for c in verb.children if c.dep_ in ("prep", "dative", "prt")]
    preps += [g for c in preps if c.lower_ in PASSING_PARTICLES for g in c.children if g.dep_ == "prep"]  # "on to"
    targets = [g for c in preps if c.lower_ == "to" for g in c.children]
    moved = any(_moved(c) or (c.dep_ == "prt" and c.lower_ in PASSING_PARTICLES) for c in verb.children)
    return bool(targets) and (moved or any(c.dep_ == "appos" for t in targets for c in t.children))


# Objects of 'pass' that stand for what is moved without naming it: "passed them to Kyiv", "passed
# all of its launchers", "passed 30 to Ukraine".
STANDING_FOR = {"PRON", "DET", "NUM"}


def _moved(child: Token) -> bool:
    """Is the child an object of 'pass' that is an item ("passed its howitzers"), not a file or a
    task that an item word only modifies ("passed the Ukraine aid file to the Commission")?"""
    return child.dep_ == "dobj" and (child.pos_ in STANDING_FOR or bool(find_items(child.text)))
