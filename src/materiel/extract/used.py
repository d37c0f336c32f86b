"""Foreign weapons in use: a state that fires or uses another state's weapon got it from that
state ("Russia launched Iranian drones at Ukraine" is Iran supplying Russia, not Russia Ukraine)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.context import Context
from materiel.extract.cuekinds import holds_cue
from materiel.extract.itemstage import SUPPLY_PARTICIPLES, supply_participles
from materiel.extract.lexicon import Mention
from materiel.extract.rolenames import subject_of
from materiel.extract.roles import Roles
from materiel.extract.treenames import first_conjunct

# Modifiers that name where a weapon comes from ("Iranian drones", "Iranian-made Shaheds",
# "North Korean shells"); a possessive names its owner ("Russia's drones") and is left out.
MAKER_DEPS = ("amod", "compound", "nmod")
# Dependencies by which a hyphenated supply participle on the weapon holds its supplier
# ("Iranian-supplied drones": "Iranian" hangs from "supplied", not from "drones").
PARTICIPLE_DEPS = ("npadvmod", "compound", "nmod", "amod")
# Actor kinds that name a maker on a weapon: a demonym ("Iranian") or a maker's name.
MAKER_KINDS = ("demonym", "maker")
# Weapons taken from the other side are used too, but were never supplied.
TAKEN = re.compile(r"\b(?:captured|seized|trophy|trophies|abandoned)\b", re.IGNORECASE)


def foreign_user(context: Context, offset: int, item: Token | None, actors: list[Mention]) -> Roles | None:
    """Maker and user of a weapon that a user verb (`cues.json` users: use, fire, launch, ...)
    takes as object, when a demonym or maker on the weapon names a state other than its user."""
    item = first_conjunct(item)
    if item is None or item.dep_ != "dobj" or item.head.lemma_.lower() not in syntax.cues().users:
        return None
    if TAKEN.search(item.sent.text):
        return None
    named = [c for c in item.children if c.dep_ in MAKER_DEPS and c.i < item.i]
    named += [g for c in named if c.lower_ in SUPPLY_PARTICIPLES for g in c.children if g.dep_ in PARTICIPLE_DEPS]
    maker = next((m for m in actors for c in named if m.kind in MAKER_KINDS and m.start <= c.idx < m.end), None)
    user = _user(context, offset, item.head, actors)
    if maker is None or user is None or user.kind == "person" or maker.id == user.id:
        return None  # the last person named guesses too far who "it" is
    return Roles(maker, user)


# Participles that name who made an item ("South Korean-made howitzers", "US-built jets").
MAKING = {"made", "built", "produced", "manufactured"}
# States that no longer exist: their make on an item tells of old stocks, not a supply ("Ukraine's
# Soviet-made tanks").
FORMER = {"SUN", "DDR", "YUG", "CSK", "ZAR", "RHO"}


def foreign_owner(item: Token | None, actors: list[Mention]) -> Roles | None:
    """Maker and owner of an item a state owns that another state made ("Poland's new South
    Korean-made howitzers", "Ukraine's German-made tanks"): the owner got it from the maker, as a
    user of a foreign weapon did (`foreign_user`)."""
    item = first_conjunct(item)
    if item is None or TAKEN.search(item.sent.text):
        return None
    owner = treenames.mention_in([c for c in item.children if c.dep_ == "poss"], actors)
    made = [c for c in item.children if c.dep_ == "amod" and c.lower_.rpartition("-")[2] in MAKING]
    named = [g for c in made for g in c.subtree]
    maker = next((m for m in actors for c in named if m.kind in MAKER_KINDS and m.start <= c.idx < m.end), None)
    if owner is None or maker is None or owner.kind == "person" or maker.id in FORMER | {owner.id}:
        return None
    return Roles(maker, owner)


# Modals under which a use is still to come or only possible ("Ukraine said it would use British
# missiles", "Russia could launch Iranian drones"): the weapon's supply is talk, not a delivery.
# "Can" (an ability: "it can fire Western shells") and a hedged past ("may have used") are left out:
# both say the weapon is there.
FUTURE_MODALS = {"will", "would", "shall", "'ll", "could", "may", "might"}


def use_stage(item: Token | None) -> str:
    """The stage a foreign weapon's use gives its supply: delivered, or considered when the use is
    under a modal of the future or of possibility and not perfect."""
    item = first_conjunct(item)
    if item is None or supply_participles(item):
        return "delivered"  # "could use British-supplied missiles": the participle says they were given
    helpers = [c for c in item.head.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in FUTURE_MODALS for c in helpers) and not any(c.lemma_ == "have" for c in helpers):
        return "considered"
    return "delivered"


# Pronouns that may stand for a state using a weapon.
SUBJECT_PRONOUNS = {"it", "they", "he", "she"}


# Words that grant or limit leave to use a weapon ("allowed Ukraine to use", "a green light to use",
# "restrictions on the use of"): the weapon is already there, and the sentence moves nothing.
PERMISSION = {
    "allow", "permit", "authorize", "authorise", "let", "light", "permission", "approval", "authorization",
    "authorisation", "go-ahead", "restriction", "limit", "ban", "curb",
}  # fmt: skip
# A supply participle on the weapon still says who supplied it ("permission to use British-supplied
# missiles").
SUPPLIED = re.compile(rf"-(?:{'|'.join(sorted(SUPPLY_PARTICIPLES))})\b", re.IGNORECASE)


def permitted_use(item: Token | None) -> bool:
    """The weapon is what a user verb or noun ("use", "the use of") takes, under a word that grants
    or limits leave to use it: whose the weapon is was said before, if at all."""
    item = first_conjunct(item)
    if item is None or SUPPLIED.search(item.sent.text[: item.idx + len(item.text) - item.sent.start_char]):
        return False
    use = item.head.head if item.dep_ == "pobj" and item.head.lower_ == "of" else item.head
    if use.lemma_.lower() != "use":
        return False
    return any(a.lemma_.lower() in PERMISSION for a in list(use.ancestors)[:3])


# What a show of weapons is called: what it "includes" or "features" is on show, not supplied
# ("the exhibition features a captured Abrams tank").
SHOWS = {"exhibition", "display", "exhibit", "museum", "show", "parade", "collection", "expo", "showcase"}
# Verbs by which a show lists what it has.
SHOW_VERBS = {"include", "feature", "display", "show", "contain", "showcase"}


def on_show(cue: Token | None) -> bool:
    """The cue lists what an exhibition or a display holds: the weapons are shown, not moved."""
    if cue is None or cue.lemma_.lower() not in SHOW_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in SHOWS for c in cue.children)


def _user(context: Context, offset: int, verb: Token, actors: list[Mention]) -> Mention | None:
    """The verb's subject; a pronoun ("it is for Kyiv to decide how it uses French guns", "Ukraine
    said it would use ...") is the state named last before it in the sentence."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].lower_ in SUBJECT_PRONOUNS:
        before = [m for m in actors if m.end <= subjects[0].idx and m.kind not in MAKER_KINDS]
        return before[-1] if before else None
    return subject_of(context, offset, verb, actors)


# Verbs by which a state moves or keeps its own forces' weapons ("deployed F-35s to Poland",
# "stationed tanks in Estonia"); "sent" is a transfer verb, left to the cues.
DEPLOY_VERBS = {"deploy", "station", "redeploy", "position", "rotate", "forward-deploy"}
# Nouns of a drill: what forces train with there is their own ("exercises with Polish tanks").
DRILL_NOUNS = {"exercise", "drill", "manoeuvre", "maneuver", "wargame", "war-game", "deployment", "rotation"}
# How many heads up from the item a drill noun or a deploy verb may govern it: the verb's object
# or the object of a preposition on it ("took part in exercises with tanks").
DRILL_REACH = 4


def own_forces(item: Token | None) -> bool:
    """The item is what a state deploys or stations, or what forces drill with, and nothing in the
    sentence moves it to another's hands: a troop deployment or an exercise, no transfer (GUIDE)."""
    item = first_conjunct(item)
    if item is None or SUPPLIED.search(item.sent.text) or holds_cue(item.sent):
        return False
    for ancestor in list(item.ancestors)[:DRILL_REACH]:
        lemma = ancestor.lemma_.lower()
        if (ancestor.pos_ == "VERB" and lemma in DEPLOY_VERBS) or lemma in DRILL_NOUNS or _drills(ancestor):
            return True
    return False


def _drills(verb: Token) -> bool:
    """A verb whose object is a drill ("held exercises with tanks", "conducted drills with jets")."""
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in DRILL_NOUNS for c in verb.children)


# Verbs of weapons in use in an attack ("accused Israel of using phosphorus bombs", "struck the
# port with missiles"): what they take is the attacker's, and says nothing of who supplied it.
ATTACK_VERBS = {"use", "fire", "launch", "strike", "attack", "hit", "bomb", "shell", "target", "drop"}


def in_attack(item: Token | None) -> bool:
    """The item is what an attack verb fires or strikes with, no maker is named on it, and nothing
    in the sentence moves it ("Russia launched missiles at Kyiv" moves no missiles)."""
    item = first_conjunct(item)
    if item is None or SUPPLIED.search(item.sent.text) or holds_cue(item.sent) or _maker_named(item):
        return False
    verb = item.head.head if item.dep_ == "pobj" and item.head.lower_ == "with" else item.head
    return item.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB" and verb.lemma_.lower() in ATTACK_VERBS


# Verbs of one force meeting another's aircraft or ships ("bombers were intercepted by American
# jets", "jets escorted the convoy"): both sides' weapons are in use where they are, whoever
# made them, and nothing moves between the two.
ENCOUNTER_VERBS = {"intercept", "escort", "shadow", "track", "scramble"}


def in_encounter(item: Token | None) -> bool:
    """The item, or the noun a "by" phrase hangs it on, takes part in an encounter verb and the
    sentence moves nothing: "Two Chinese bombers were intercepted by American jets"."""
    item = first_conjunct(item)
    if item is None or holds_cue(item.sent):
        return False
    head = item.head.head if item.dep_ == "pobj" and item.head.lower_ == "by" else item
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") else head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ENCOUNTER_VERBS


# Words that name where a weapon was made ("Chinese-made drones", "US-built jets").
MADE = {"made", "built", "produced", "manufactured", "designed"}


def _maker_named(item: Token) -> bool:
    """A maker is named on the weapon: a demonym ("Iranian drones") or a "-made" word ("both sides
    use Chinese-made drones"): whoever uses it got it from there, which the scorer may weigh."""
    before = [t for t in item.subtree if t.i < item.i]
    return any(t.lower_ in MADE or (t.pos_ == "ADJ" and t.text[:1].isupper()) for t in before)
