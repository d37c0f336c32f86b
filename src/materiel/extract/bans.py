"""A transfer told through a ban on it: "Germany's ban on arms exports to Saudi Arabia", "Britain
announced restrictions on arms export licences for Qatar", "an export ban on German weapons". The
trade noun hangs "on" (or "to") a noun of stopping, or stands in it ("the export ban"), itself or
named on the noun under the ban ("restrictions on arms export licences"; not "restrictions on the
use of ATACMS missiles", which hold back no trade): the trade is held back, refused for a ban or an
embargo, postponed for restrictions or a freeze. The ban's owner ("Germany's ban", "the German
embargo"), where a state, else the subject of the verb that lifts it, is the supplier who holds the
trade back. A state that imposes a ban on exports holds back its own trade ("Berlin imposed a ban
on arms exports to Turkey", "it imposed an arms export ban on Saudi Arabia": the state the ban is
"on" gets nothing), unless the trade is named as another's ("a ban on Russia's arms exports",
"Russian arms sales"): that is punishing others' trade (sanctions.py). An alliance's or a body's ban
("the UN's embargo on arms to Libya") names no supplier.

A verb of banning does the same with the trade its object names ("Denmark banned arms exports to
Bahrain": refused, Denmark the supplier; "the EU banned Russian arms sales to Iran": Russia's trade
held back, no sale made), where it is not negated and no one asks for it (`stopping_verb`).

What is done to the ban decides before it: a ban lifted, ended or eased permits the trade, a
commitment (pledged: "Berlin lifted its ban on exports of tanks to Ukraine"), a pause ended lets it
go on (in_progress: "Germany ended the freeze on arms exports to Turkey"); a call to lift it asks
for the trade (requested: "Kyiv called for an end to the ban on deliveries of tanks", "Ukraine
urged Germany to lift its ban on exports of Leopard tanks"), its asker the recipient.

Left to forbidden.py: a call for a ban ("Poland called for an embargo on arms sales to Iran"),
which asks that nothing move; and a ban whose lifting is denied ("will not lift the embargo") stays
a ban.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.countries import is_state_id
from materiel.extract import syntax, treenames
from materiel.extract.lexicon import Mention
from materiel.extract.negation import negated_verb
from materiel.extract.rolenames import modifier

# Nouns of stopping a trade, with the stage of a trade they hold back.
STOPPING = {
    "ban": "refused",  # "Germany's ban on arms exports to Saudi Arabia"
    "embargo": "refused",  # "the EU's embargo on arms sales to China"
    "prohibition": "refused",  # "a prohibition on the sale of mines"
    "veto": "refused",  # "Berlin's veto on the export of Eurofighters"
    "moratorium": "postponed",  # "a moratorium on arms exports to the junta"
    "restriction": "postponed",  # "announced restrictions on arms export licences for Qatar"
    "freeze": "postponed",  # "a freeze on weapons deliveries to Kyiv"
    "curb": "postponed",  # "curbs on arms sales to Riyadh"
}
# Verbs of banning the trade their object names, with the stage they give it ("banned arms exports
# to Bahrain"). Not "stop", "halt" or "suspend", of a trade under way (stage.py), nor "sanction",
# which punishes a party, not a trade (sanctions.py).
STOPPING_VERBS = {
    "ban": "refused",  # "Denmark banned arms exports to Bahrain"
    "embargo": "refused",  # "Oslo embargoed weapons sales to the junta"
    "prohibit": "refused",  # "Tokyo prohibits the export of fighter jets"
    "outlaw": "refused",  # "the government outlawed sales of rifles to the militia"
    "forbid": "refused",  # "Bern forbade the re-export of its ammunition"
}
# Nouns of a pause in a trade under way: ended, the trade goes on again ("ended the freeze on arms
# exports to Turkey"), as a suspension lifted does (stage.py); a ban ended permits it, no more.
PAUSES = {"freeze", "moratorium"}
# Prepositions by which a trade hangs on a noun of stopping ("a ban on", "a halt to").
STOPPED_PREPS = {"on", "to"}
# Words of a trade's own noun phrase crossed on the way up to the ban ("sales of drones", "arms
# export licences"): compounds, objects of "of", a list.
PHRASE_DEPS = {"compound", "pobj", "prep", "conj", "nmod"}
# How far up a trade noun may sit below its ban ("on exports of Leopard tanks").
MAX_DEPTH = 4
# Verbs that lift a ban (the ban their object or passive subject).
LIFTING_VERBS = {"lift", "end", "scrap", "ease", "drop", "remove", "overturn", "relax", "rescind", "revoke",
                 "loosen", "waive", "repeal"}  # fmt: skip
# Nouns of lifting a ban, "to" or "of" which the ban hangs ("an end to the ban", "the lifting of the ban").
LIFTING_NOUNS = {"end", "lifting", "removal", "easing", "repeal", "relaxation"}
# Prepositions by which a ban names the state it holds a trade back from, where the trade stands
# in the ban ("an arms export ban on Saudi Arabia", "an arms embargo against Myanmar").
TARGET_PREPS = {"on", "against"}
# Entity types of a word that names another party's trade ("Russian arms sales", "Iranian drone
# exports"); a possessor noun ("North Korea's weapons exports") names one whatever its type.
FOREIGN_TYPES = {"NORP", "GPE"}
# How far above a ban, or what lifts it, a request may stand ("called for an end to", "urged ... to lift").
MAX_ASK = 4


def ban_over(cue: Token) -> Token | None:
    """The noun of stopping a trade noun hangs on ("the ban on exports of tanks") or stands in
    ("the export ban"), within its own noun phrase; else None."""
    node = cue
    for _ in range(MAX_DEPTH):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "dobj" and stopping_verb(head):
            return head if _trade(node) else None  # "banned arms exports to Bahrain"
        if head.pos_ == "NOUN" and head.lemma_.lower() in STOPPING and node.dep_ == "compound":
            return head if _trade(node) else None  # "the arms export ban"
        if node.dep_ == "pobj" and head.lower_ in STOPPED_PREPS:
            above = head.head
            stopping = above.pos_ == "NOUN" and above.lemma_.lower() in STOPPING
            return above if stopping and _trade(node) else None
        if node.dep_ not in PHRASE_DEPS:
            return None
        node = head
    return None


def stopping_verb(verb: Token) -> bool:
    """A verb of banning that holds its object's trade back: not negated ("has not banned arms
    sales"), and not asked for ("called for Germany to ban arms exports to Iran", which forbidden.py
    reads as no request for the arms)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in STOPPING_VERBS:
        return False
    return not negated_verb(verb) and asked_for(verb) is None


def _stopped(ban: Token) -> str:
    """The stage a ban, or a verb of banning, gives the trade it holds back."""
    return (STOPPING_VERBS if ban.pos_ == "VERB" else STOPPING)[ban.lemma_.lower()]


def _trade(noun: Token) -> bool:
    """A noun of trade, or one a noun of trade names ("exports", "arms export licences"), what a ban
    holds back; not "the use" of weapons ("restrictions on the use of ATACMS missiles")."""
    nouns = syntax.cues().nouns
    return noun.lemma_.lower() in nouns or any(
        c.dep_ == "compound" and c.lemma_.lower() in nouns for c in noun.children
    )


def lifter(ban: Token) -> Token | None:
    """The verb or noun that lifts the ban ("lifted its ban", "an end to the ban"), if any."""
    head = ban.head
    if ban.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in LIFTING_VERBS:
        return head
    if ban.dep_ == "pobj" and head.lower_ in ("to", "of") and head.head.lemma_.lower() in LIFTING_NOUNS:
        return head.head
    return None


def asked_for(word: Token) -> Token | None:
    """The request verb above a word ("called for an end to", "urged Germany to lift"), if any."""
    table = syntax.cues()
    for ancestor in list(word.ancestors)[:MAX_ASK]:
        if ancestor.pos_ == "VERB" and (
            ancestor.lemma_.lower() in table.request or syntax.stage_word(ancestor) == "requested"
        ):
            return ancestor
    return None


def ban_stage(cue: Token) -> str | None:
    """The stage of a trade told through a ban on it (see the module's docstring), or None."""
    ban = ban_over(cue)
    if ban is None:
        return None
    lifted = lifter(ban)
    if lifted is None:
        return None if asked_for(ban) is not None else _stopped(ban)
    if asked_for(lifted) is not None:
        return "requested"
    if lifted.pos_ == "VERB" and negated_verb(lifted):
        return _stopped(ban)
    return "in_progress" if ban.lemma_.lower() in PAUSES else "pledged"


def ban_giver(cue: Token, actors: list[Mention]) -> Mention | None:
    """The party that holds back a trade by its ban: the ban's owner ("Germany's ban"), else the
    subject of the verb that imposes or lifts it, where no one asks for that."""
    ban = ban_over(cue)
    if ban is None:
        return None
    if ban.pos_ == "VERB":  # "Denmark banned arms exports": the verb's subject, for its own trade
        subjects = [c for c in ban.children if c.dep_ == "nsubj"]
        return treenames.mention_in(subjects, actors) if own_ban(cue) is not None else None
    owner = modifier(ban, actors)
    if owner is not None:  # "the UN's embargo on arms to Libya": a body bans others' trade
        return owner if is_state_id(owner.id) else None
    verb = lifter(ban) or ban.head
    if verb.pos_ != "VERB" or asked_for(ban) is not None:
        return None
    return treenames.mention_in([c for c in verb.children if c.dep_ == "nsubj"], actors)


def ban_taker(cue: Token, actors: list[Mention]) -> Mention | None:
    """The party that asks for a ban on a trade to be lifted ("Ukraine urged Germany to lift its
    ban on exports of tanks"): it would receive the trade."""
    ban = ban_over(cue)
    lifted = lifter(ban) if ban is not None else None
    asker = asked_for(lifted) if lifted is not None else None
    if asker is None:
        return None
    return treenames.mention_in([c for c in asker.children if c.dep_ == "nsubj"], actors)


def banned_trade(item: Token) -> Token | None:
    """The trade noun in a ban's compounds, where the item's head is the ban or stands in it ("an
    arms export ban": "export"), the cue no climb from the item reaches; else None."""
    ban = item.head if item.dep_ == "compound" else item
    if ban.pos_ != "NOUN" or ban.lemma_.lower() not in STOPPING:
        return None
    nouns = syntax.cues().nouns
    trade = [c for c in ban.children if c.dep_ == "compound" and c.lemma_.lower() in nouns]
    return trade[-1] if trade else None


def own_ban(cue: Token) -> Token | None:
    """The ban over a trade that is not named as another's ("a ban on arms exports to Turkey"), the
    ban its imposer holds on its own trade; None for "a ban on Russia's arms exports"."""
    ban = ban_over(cue)
    if ban is None:
        return None
    node = cue
    while node.i != ban.i:
        if any(_foreign(c) for c in node.children):
            return None
        node = node.head
    # the parser hangs "by dealers" on "imposed", or on the verb of banning itself
    doer = ban.children if ban.pos_ == "VERB" else ban.head.children if ban.dep_ == "dobj" else []
    return None if any(c.dep_ in ("prep", "agent") and _foreign(c) for c in doer) else ban


def _foreign(word: Token) -> bool:
    """A word that names the trade as another party's ("Russia's", "Russian", "sales by Russian
    firms"); not "its"."""
    if word.dep_ in ("prep", "agent") and word.lower_ == "by":
        return any(g.dep_ == "pobj" and g.ent_type_ != "DATE" for g in word.children)  # not "by 2026"
    if word.dep_ == "poss":
        return word.pos_ != "PRON"
    return word.dep_ in ("amod", "compound") and word.ent_type_ in FOREIGN_TYPES


def ban_target(cue: Token, actors: list[Mention]) -> Mention | None:
    """The state a ban holds a trade back from, where the trade stands in the ban ("an arms export
    ban on Saudi Arabia", "its arms ban on China"): it would receive the trade."""
    ban = own_ban(cue)
    if ban is None or cue.i > ban.i:
        return None
    targets = [g for c in ban.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS for g in c.children]
    return treenames.mention_in([g for g in targets if g.dep_ == "pobj"], actors)
