"""The actor a token's dependents name, as the roles of an item are read from them: a verb's
subject ("he" standing for the speaker of the clause above, or the last person named), a word
standing for a state named earlier ("it", "the country"), a participle's agent ("supplied by the
United States") and a noun's left modifier ("German tanks", "Germany's aid").
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import statenouns, syntax, treenames
from materiel.extract.context import PRONOUNS, Context
from materiel.extract.lexicon import Mention
from materiel.extract.subjects import relative_antecedent, stranded_subject, subject_tokens

MODIFIER_DEPS = ("poss", "amod", "compound", "nmod")


def agent_of(cue: Token, actors: list[Mention]) -> Mention | None:
    """'launchers supplied by the United States': a participle's agent supplies, not the subject
    of the clause the item sits in ('Russia said it destroyed ...'); so does the party 'by' a
    transfer noun ('the provision of Stingers to the rebels by the United States')."""
    agents = [g for c in cue.children if c.dep_ == "agent" for g in c.children]
    nominal = treenames.prep_objects(cue, {"by"}) if cue.pos_ == "NOUN" else []
    return treenames.mention_in(agents + nominal, actors)


# Stages of a seller's own decision: the agent of a passive verb that approves, withdraws or holds
# a transfer noun decides it, and is its supplier ("the sale of jets to Turkey was approved by
# Washington", "was scrapped by the United States"); a refusal is left out, since a sale "blocked
# by" a state is as often blocked by a third party as by the seller.
SELLER_DECISIONS = {"pledged", "cancelled", "postponed"}


def decider_of(cue: Token, actors: list[Mention]) -> Mention | None:
    """The agent of the passive verb a transfer noun is the subject of, where the verb is a
    seller's decision (SELLER_DECISIONS)."""
    if cue.pos_ != "NOUN" or cue.dep_ != "nsubjpass" or syntax.stage_word(cue.head) not in SELLER_DECISIONS:
        return None
    return agent_of(cue.head, actors)


# Nouns of a giver's own commitment or its announcement, whose holder (its possessive owner or
# the party 'by' it) gives the transfer noun the commitment is about: "Berlin's decision on the
# delivery of tanks to Ukraine", "the announcement by the U.S. of the provision of missiles".
# Not approvals (a third state may approve another's sale) nor requests (the asker receives).
GIVERS_NOUNS = {"decision", "announcement", "plan", "pledge", "promise", "commitment", "offer"}
# Links from a transfer noun up to the commitment it is about: 'on', 'of', 'about' and the
# members of a list ("on training crews as well as the provision of tanks").
ABOUT_DEPS = {"pobj", "prep", "pcomp", "conj", "dobj"}


def announcer_of(cue: Token, actors: list[Mention]) -> Mention | None:
    """The holder of the commitment noun a transfer noun is the topic of, its giver."""
    if cue.pos_ != "NOUN":
        return None
    node = cue
    for ancestor in list(cue.ancestors)[: syntax.MAX_CLIMB]:
        if node.dep_ not in ABOUT_DEPS or (ancestor.pos_ in ("VERB", "AUX") and _own_subject(ancestor)):
            return None
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in GIVERS_NOUNS:
            bys = [g for c in ancestor.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
            return treenames.mention_in([c for c in ancestor.children if c.dep_ == "poss"] + bys, actors)
        node = ancestor
    return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def item_giver(item: Token, actors: list[Mention]) -> Mention | None:
    """The agent of a transfer participle on the item ("awaits delivery of the tanks promised by
    Germany", "the shipment of shells supplied by Seoul"): it gives the item that a transfer noun
    moves."""
    givers = [c for c in item.children if c.dep_ == "acl" and syntax.cue_kind(c) == "transfer"]
    return next((m for m in (agent_of(g, actors) for g in givers) if m is not None), None)


def subject_of(context: Context, offset: int, verb: Token, actors: list[Mention]) -> Mention | None:
    """The actor a verb's subject names (see `_subject`)."""
    return _subject(context, offset, verb, actors)


def _subject(context: Context, offset: int, cue: Token, actors: list[Mention]) -> Mention | None:
    """The subject's actor; 'he' or 'she' is the speaker of the clause above ('Biden told Zelensky
    he will send'), else the last person named, with the state they speak for."""
    for token in subject_tokens(cue):
        if token.lower_ in PRONOUNS:
            above = _reporting_subject(token, actors)
            if above is not None:
                return above
            person = context.last_person(offset + token.idx, subject=True)
            if person is not None and person.actor_id is not None:
                return Mention(person.actor_id, person.name, token.text, token.idx, token.idx + len(token), "person")
            continue
        found = treenames.mention_in([relative_antecedent(token)], actors)
        if found is not None:
            return found
    return None


# Cue kinds whose subject is a party to the transfer; a contents cue's subject is the package
# ("They include radars ...": see `packages.refers_back`).
PARTY_SUBJECTS = {"transfer", "receive", "request"}


def earlier_state(context: Context, offset: int, cue: Token, actors: list[Mention]) -> Mention | None:
    """A subject standing for a state named before ('it', 'they', 'the country'), whichever role
    the verb gives it: the state whose clause reports it ("Egypt said it would buy ..."), else the
    subject of the sentence before (`statenouns.earlier_subject`)."""
    word = statenouns.anaphoric_subject(cue) if syntax.cue_kind(cue) in PARTY_SUBJECTS else None
    if word is None:
        return None
    return _reporting_subject(word, actors) or statenouns.earlier_subject(context, offset, cue)


def anaphoric_supplier(cue: Token) -> bool:
    """Is a transfer verb's active subject a word standing for a state named earlier ("It will
    also send ...", "They have delivered ...", "The country will deliver ...")? Not one that a
    subject of its own sentence stands nearer to ("the West is unclear how it will provide")."""
    if syntax.cue_kind(cue) != "transfer":
        return False
    word = statenouns.anaphoric_subject(cue)
    return word is not None and statenouns.subject_above(word) is None


def _reporting_subject(pronoun: Token, actors: list[Mention]) -> Mention | None:
    verb = pronoun.head
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp":
        return None
    stranded = stranded_subject(verb.head)  # "sent missiles to Ukraine and Poland said it would"
    subjects = [stranded] if stranded is not None else [c for c in verb.head.children if c.dep_ == "nsubj"]
    return treenames.mention_in(subjects, actors)


def modifier(token: Token, actors: list[Mention], exclude: Mention | None = None) -> Mention | None:
    """An actor named on a noun's left: 'German tanks', "Germany's aid", 'U.S.-made rockets'."""
    mods = [c for c in token.children if c.dep_ in MODIFIER_DEPS and c.i < token.i]
    found = treenames.mention_in(mods, actors)
    return None if found is not None and exclude is not None and found.id == exclude.id else found
