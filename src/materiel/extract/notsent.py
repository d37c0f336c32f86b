"""Items a sentence names that are not what moves: the platform other items serve ("ammunition
for the Gepard guns", "sent spare parts to keep its jets flying"), what a sent weapon fights ("a
system that can engage aircraft"), weapons fired or attacked ("Russia launched 24 drones", "to
suppress Taiwanese air defences"), what forces lack ("shortages of munitions") and what a
holding lists ("the navy's fleet comprises six submarines": `holdings`). Candidates skip
them and the scorer never sees them."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.holdings import inventoried
from materiel.extract.lexicon import Mention
from materiel.extract.people import PEOPLE
from materiel.extract.treenames import first_conjunct


def not_sent(items: list[Mention], heads: dict[int, Token | None]) -> set[int]:
    """The ids of the items (by `id()`) that are platforms, targets, weapons fired or attacked,
    or wants; `heads` maps each item's id to its head noun."""
    found = _platforms(items, heads) | _targets(items, heads) | _fired(items, heads)
    found |= {id(m) for m in items if served_by_purpose(heads[id(m)]) or staffed(heads[id(m)])}
    found |= {id(m) for m in items if inventoried(heads[id(m)])}  # "the navy's fleet comprises six submarines"
    return found | _attacked(items, heads) | _lacked(items, heads) | _consumed(items, heads)


# Verbs of what a weapon takes to run: their object, when the subject is another item, is what
# that item consumes ("Abrams tanks, which require 1,000 litres of fuel per hour"), not sent.
CONSUMING = {"require", "need", "consume", "burn", "guzzle", "use", "take"}
# Steps from an item up to the consuming verb ("litres of fuel": the count noun and its "of").
CONSUMED_REACH = 3


def _consumed(items: list[Mention], heads: dict) -> set[int]:
    """Items that another item of the sentence consumes (see CONSUMING)."""
    tokens = {heads[id(m)].i for m in items if heads[id(m)] is not None}
    out = set()
    for item in items:
        token = first_conjunct(heads[id(item)])
        if token is None or any(syntax.cue_kind(t) is not None for t in token.subtree if t is not token):
            continue  # "use Western missiles that Britain supplied": its own words move it
        verb = _verb_above(token)
        if verb is None or verb.lemma_.lower() not in CONSUMING or token.i in _consumers(verb):
            continue
        if _consumers(verb) & (tokens - {token.i}):
            out.add(id(item))
    return out


def _verb_above(token: Token) -> Token | None:
    for ancestor in list(token.ancestors)[:CONSUMED_REACH]:
        if ancestor.pos_ == "VERB":
            return ancestor
    return None


def _consumers(verb: Token) -> set[int]:
    """The verb's subject, or the noun its relative clause is on ("tanks, which require fuel")."""
    subjects = {c.i for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")}
    return subjects | ({verb.head.i} if verb.dep_ == "relcl" else set())


def staffed(item: Token | None) -> bool:
    """People on the way from the item to the verb that moves ("Instructors for the tanks were
    sent", "soldiers trained on the jets were sent to the front"): the people move, the item is
    what they serve; not when a cue in the item's own words moves it ("the pilots who will fly
    the jets France is selling")."""
    node = first_conjunct(item)
    if node is None or any(syntax.cue_kind(t) is not None for t in node.subtree if t is not node):
        return False
    for ancestor in list(node.ancestors)[: syntax.MAX_CLIMB]:
        if syntax.cue_kind(ancestor) is not None:
            return False
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in PEOPLE:
            return True
    return False


# Items that buy or stand for others ("$1 billion for HIMARS", "military aid for tanks") do not
# make what follows "for" a platform.
_NOT_PLATFORM_USERS = {"funding", "unspecified"}
# Items that a platform fires or runs on: right before a "for" that the parse hangs on the verb
# ("sent ammunition for HIMARS to Ukraine", "rounds for M777 howitzers"), they still serve what
# follows it, as the word order says.
_SERVING = {"ammunition", "missiles", "other-equipment"}


def _platforms(items: list[Mention], heads: dict) -> set[int]:
    """Items named after "for" on another, physical item ("ammunition for the Gepard guns"): the
    platform the first one serves, not a second thing transferred."""
    by_token = {heads[id(m)].i: m for m in items if heads[id(m)] is not None}
    served = set()
    for item in items:
        token = heads[id(item)]
        if token is None or token.dep_ != "pobj" or token.head.lower_ != "for":
            continue
        user = by_token.get(token.head.head.i) or _before_for(token.head, by_token, item)
        if user is not None and user is not item and user.id not in _NOT_PLATFORM_USERS:
            served.add(id(item))
    return served


def _before_for(preposition: Token, by_token: dict[int, Mention], served: Mention) -> Mention | None:
    """The item right before a "for" hung on a verb, when it is one a platform fires or runs on;
    a missile for an air-defence system is its interceptor, the system's own kind, and no user."""
    if preposition.head.pos_ not in {"VERB", "AUX"}:
        return None
    user = by_token.get(preposition.i - 1)
    if user is None or user.id not in _SERVING or (user.id, served.id) == ("missiles", "air-defense"):
        return None
    return user


# What a weapon does to its targets: an item that is the object of one of these verbs ("a system
# that can engage aircraft and ballistic missiles", "launchers to shoot down drones"), or follows
# "against" ("a defence against drones"), is what the sent item fights, not a second item sent.
TARGET_VERBS = {
    "engage",
    "intercept",
    "shoot",
    "down",
    "destroy",
    "hit",
    "track",
    "detect",
    "defeat",
    "counter",
    "neutralize",
    "neutralise",
    "target",
    "jam",
    "kill",
    "repel",
    "stop",
}


def _targets(items: list[Mention], heads: dict) -> set[int]:
    """Items a second item in the sentence is said to fight (see TARGET_VERBS)."""
    if len({m.id for m in items}) < 2:
        return set()
    out = set()
    for item in items:
        token = first_conjunct(heads[id(item)])
        if token is None:
            continue
        verb = token.head
        aimed = token.dep_ == "dobj" and verb.lemma_.lower() in TARGET_VERBS
        if aimed or (token.dep_ == "pobj" and verb.lower_ == "against"):
            out.add(id(item))
    return out


# Verbs of firing a weapon: its object is used where it stands, not sent ("Russia launched 24
# Shahed drones overnight"). A weapon named as sent to its user ("fired British-supplied
# missiles") keeps that reading.
FIRED_VERBS = {"launch", "fire"}


def _fired(items: list[Mention], heads: dict) -> set[int]:
    out = set()
    for item in items:
        token = first_conjunct(heads[id(item)])
        if token is None or token.dep_ != "dobj" or token.head.lemma_.lower() not in FIRED_VERBS:
            continue
        if not any(c.dep_ == "amod" and syntax.cue_kind(c) == "transfer" for c in token.children):
            out.add(id(item))
    return out


# Verbs of attacking a weapon: their object is the other side's, hit where it stands ("to
# suppress Taiwanese air defences", "Russia destroyed two HIMARS launchers"), not sent.
ATTACKED_VERBS = {
    "destroy",
    "suppress",
    "target",
    "strike",
    "hit",
    "bomb",
    "shell",
    "sink",
    "attack",
    "damage",
    "shoot",
    "intercept",
    "neutralize",
    "neutralise",
    "down",
    "destruct",
}


def aimed_at(cue: Token, recipient: Mention | None, actors: list[Mention]) -> bool:
    """The cue sends its items to a place in order to attack the same state ("threatened to move its
    missiles to Bogota so it could wipe out Colombia"): an attack, not a supply. A purpose aimed at another state
    ("sent drones to Russia to strike Ukraine") leaves the supply."""
    if recipient is None:
        return False
    top = cue
    while top.dep_ == "xcomp" and top.head.i != top.i:  # "start sending ... so it could destroy"
        top = top.head
    clauses = [c for c in top.subtree if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ATTACKED_VERBS]
    targets = [o for c in clauses for o in c.children if o.dep_ == "dobj"]
    target = treenames.mention_in(targets, actors)
    return target is not None and target.id == recipient.id


def _attacked(items: list[Mention], heads: dict) -> set[int]:
    """Items a verb of ATTACKED_VERBS takes as object, unless the sentence also says they are
    sent ("will destroy any F-16s that may be sent to Ukraine" still sends them)."""
    out = set()
    for item in items:
        token = first_conjunct(heads[id(item)])
        if token is None or token.dep_ != "dobj" or first_conjunct(token.head).lemma_.lower() not in ATTACKED_VERBS:
            continue
        if not any(syntax.cue_kind(t) is not None for t in token.subtree if t is not token):
            out.add(id(item))
    return out


# Nouns of an attack: what follows their "on" or "against" is the target, hit where it stands
# ("a treaty that covers armed attacks on its vessels or aircraft", "strikes against Russian tanks").
ATTACK_NOUNS = {"attack", "strike", "raid", "assault", "aggression"}
TARGET_PREPS = {"on", "against"}


def attack_target(item: Token | None) -> bool:
    """Is the item (or the list it ends) what an attack noun's "on" or "against" takes, with no
    word of its own that moves it ("attacks on vessels or aircraft")?"""
    token = first_conjunct(item)
    if token is None or token.dep_ != "pobj" or token.head.lower_ not in TARGET_PREPS:
        return False
    noun = token.head.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ATTACK_NOUNS:
        return False
    return not any(syntax.cue_kind(t) is not None for t in token.subtree if t is not token)


# Nouns of want: what a state is "short of" is what it lacks ("forces face shortages of
# munitions"), a need, not a thing sent.
WANT_NOUNS = {"shortage", "lack", "dearth", "scarcity", "shortfall", "deficit"}


def _lacked(items: list[Mention], heads: dict) -> set[int]:
    """Items named after "of" on a noun of WANT_NOUNS."""
    out = set()
    for item in items:
        token = first_conjunct(heads[id(item)])
        of = token is not None and token.dep_ == "pobj" and token.head.lower_ == "of"
        if of and token.head.head.lemma_.lower() in WANT_NOUNS:
            out.add(id(item))
    return out


# Markers of a purpose clause: an infinitive ("to keep its jets flying", "in order to repair its
# tanks") or "so" ("so that its helicopters can fly").
PURPOSE_MARKERS = {("aux", "to"), ("mark", "so")}
# Dependencies by which a purpose clause hangs from the verb or noun it is the purpose of.
PURPOSE_DEPS = {"advcl", "acl"}
# How many heads up from the item its purpose clause's verb may stand ("to maintain the fleet of
# F-16s": F-16s, of, fleet, maintain).
PURPOSE_REACH = 5
# Cue kinds that move or ask for what the purpose clause serves.
MOVING_KINDS = {"transfer", "receive", "request", "noun"}
# Verbs by which the purpose clause gets the item for the recipient: paying for it ("donated $100
# million to pay for howitzers") or making it ("a licence for Morocco to build the armoured vehicles"); the
# item may be the article's transfer.
PROCURING = {
    "pay", "fund", "finance", "bankroll", "subsidise", "subsidize", "cover",
    "produce", "manufacture", "build", "assemble", "make", "co-produce",
}  # fmt: skip


def served_by_purpose(item: Token | None) -> bool:
    """The item is an argument of a verb of a purpose clause that is no transfer ("sent spare parts
    to Ukraine to keep its fighter jets flying", "gave $50 million to maintain the fleet of F-16s",
    "so that its helicopters can fly"), and the clause is the purpose of a cue that moves something
    else: the item is what the supplies serve, not what moves. A cue on the way or in the item's own
    words moves it after all ("in order to send more tanks", "to fly the F-16s it received")."""
    item = first_conjunct(item)
    if item is None or any(syntax.cue_kind(t) is not None for t in item.subtree if t is not item):
        return False
    for ancestor in list(item.ancestors)[:PURPOSE_REACH]:
        if syntax.cue_kind(ancestor) is not None or ancestor.lemma_.lower() in PROCURING:
            return False
        if ancestor.pos_ == "VERB" and _purpose_clause(ancestor):
            return _serves_a_cue(ancestor)
    return False


def _purpose_clause(verb: Token) -> bool:
    """An adverbial clause of purpose, or an infinitive on a transfer verb that has an object of its
    own ("approved aid to Ukraine to maintain its jets"), not one that is what is promised ("promised
    to replace the tanks") or asked ("asked Berlin to approve")."""
    marked = any((c.dep_, c.lower_) in PURPOSE_MARKERS for c in verb.children)
    if verb.dep_ == "xcomp":
        head = verb.head
        moves = syntax.cue_kind(head) in ("transfer", "receive")
        return marked and moves and any(c.dep_ == "dobj" for c in head.children)
    return marked and verb.dep_ in PURPOSE_DEPS


def _serves_a_cue(clause: Token) -> bool:
    """The purpose clause hangs from a cue that moves or asks for something ("sent parts to keep"),
    through "in order" ("sent parts in order to repair"), or from what such a cue moves ("sent
    ammunition to keep"); not from a cue further up ("the minister was asked whether he would allow
    Dutch rockets to be fired")."""
    head = clause.head
    if head.lower_ == "order" and head.head.lower_ == "in":
        head = head.head.head
    if syntax.cue_kind(head) in MOVING_KINDS:
        return True
    return head.dep_ in ("dobj", "dative") and syntax.cue_kind(head.head) in MOVING_KINDS
