"""Requests above a transfer verb: who asks and who is asked ("Kyiv appealed to the West to send
tanks", "urged Berlin to deliver"): the asker receives, the one asked supplies."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import bans, syntax, treenames
from materiel.extract.clause import BESIDE_PREPS
from materiel.extract.lexicon import Mention
from materiel.extract.permission import is_permission


def request_above(cue: Token) -> Token | None:
    """A request verb the transfer verb depends on ('appeals ... to send', 'urged Berlin to deliver'),
    through verbs without a subject of their own ('asked whether X withheld aid' is no request)."""
    table = syntax.cues()
    node = cue
    for ancestor in list(cue.ancestors)[: syntax.MAX_CLIMB]:
        if node.pos_ in ("VERB", "AUX") and _own_subject(node) and not (node.i == cue.i and _infinitive(node)):
            return None  # "asked whether Berlin withheld aid"; but "needs Berlin to send" asks
        node = ancestor
        lemma = ancestor.lemma_.lower()
        if ancestor.lower_ in BESIDE_PREPS:
            return None  # "despite Germany sending tanks, Kyiv asked France for more"
        if is_permission(ancestor) and cue.head.i == ancestor.i and _infinitive(cue):
            # "Poland asked Berlin for permission to send tanks": Poland would send them; but
            # "sought US approval for the sale of jets" asks the seller
            return None
        word = syntax.stage_word(ancestor)
        if ancestor.pos_ == "VERB" and (lemma in table.request or word == "requested"):
            return ancestor
        if ancestor.pos_ == "VERB" and word is None and not _lifts_ban(ancestor, cue):
            return None
    return None


def _lifts_ban(verb: Token, cue: Token) -> bool:
    """'urged Germany to lift its ban on exports of tanks': the verb lifts a ban on the cue's
    trade, so a request above it asks for the trade."""
    ban = bans.ban_over(cue)
    return ban is not None and bans.lifter(ban) is verb


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def asked(verb: Token, actors: list[Mention]) -> Mention | None:
    asked = treenames.direct_objects(verb) + treenames.prep_objects(verb, {"to", "on", "from"})
    return treenames.mention_in(asked, actors)
