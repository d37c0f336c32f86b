"""Two readings in which a state named with weapons moving supplies none of them.

- The punisher: a state that sanctions, bans or charges those who move weapons is not their
  supplier ("Washington sanctioned Iranian firms over drones sent to Russia", "the EU banned exports
  of drones to Russia", "the US imposed sanctions on Chinese firms supplying drone parts to
  Russia"). Its name is the subject of the punishing verb above the transfer word; a state that
  stops its own deliveries ("Canada suspended arms exports to Israel") is not read here: it had
  supplied, and the guide counts the pause.
- Its own forces: warships, jets or batteries sent for drills, exercises, air policing or patrols
  ("Britain sent two warships to the Black Sea for NATO drills") are a deployment (GUIDE: troop
  deployments do not count), whoever hosts them.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract.lexicon import Mention

# Verbs by which a state punishes or forbids what others move ("sanctioned", "banned",
# "blacklisted", "indicted", "charged"); "stop", "halt", "suspend" and "block" are left out:
# a supplier stops its own sales with them.
PUNISH = {
    "sanction",  # "Washington sanctioned Iranian companies over drones sent to Russia"
    "ban",  # "the EU banned exports of drones to Russia"
    "embargo",  # "the UN embargoed arms to Libya"
    "prohibit",  # "the law prohibits sales of arms to Myanmar"
    "blacklist",  # "Commerce blacklisted firms that shipped chips to Moscow"
    "indict",  # "prosecutors indicted a man who smuggled rifles to Mexico"
    "accuse",  # "London accused him of selling drones to Russia"
    "penalize",  # the spellings of "penalise"
    "penalise",
}
# Any verb punishes by these objects, whatever the verb: "imposed sanctions on firms supplying
# ...", "slapped sanctions on North Korea for sending shells"; not "imposed restrictions on
# exports of drones", a state limiting its own sales.
IMPOSED = {"sanction", "sanctions", "ban", "embargo", "penalty", "penalties"}
SUBJECTS = ("nsubj", "nsubjpass")

# A purpose of own forces sent abroad: drills, exercises, patrols, air policing, a rotation, a
# port call, a show of force; or a sea where they go ("a destroyer to the Taiwan Strait").
DEPLOYMENT = re.compile(
    r"""\b(?:for|in|during|to\ join|to\ take\ part\ in|as\ part\ of|on)\s+   # the purpose or occasion
        (?:[\w'’-]+\s+){0,4}?                                           # "NATO's annual naval"
        (?:drills?|exercises|manoeuvres|maneuvers|war\ games            # training with allies
          |air[\s-]policing|patrols|rotation                             # standing missions
          |port\ (?:visit|call)|show\ of\ force)\b                       # a warship's visit, a signal
      | \bas\ a\ deterrent\b                                            # "sent a carrier ... as a deterrent"
      | \bto\ (?:the\ )?(?-i:[A-Z])[\w'’-]*\s+(?:(?-i:[A-Z])[\w'’-]*\s+)?   # a named sea or coast: "to the
        (?:coast|waters|strait|straits|sea)\b                           # Taiwan Strait", "to Israel's coast"
    """,
    re.IGNORECASE | re.VERBOSE,
)


def punisher(cue: Token, supplier: Mention | None) -> bool:
    """The supplier (offsets in the cue's paragraph) is the subject of a verb above the cue that
    sanctions, bans or charges ("the EU banned exports": "exports" hangs from "banned")."""
    if supplier is None:
        return False
    return any(_punishes(verb) and _subject_is(verb, supplier) for verb in cue.ancestors)


def _punishes(verb: Token) -> bool:
    if verb.lemma_.lower() == "charge":  # "charged two men with shipping parts to Iran", not a price
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    return verb.lemma_.lower() in PUNISH or any(c.dep_ == "dobj" and c.lower_ in IMPOSED for c in verb.children)


def _subject_is(verb: Token, supplier: Mention) -> bool:
    return any(_covers(s, supplier) for s in verb.children if s.dep_ in SUBJECTS)


def _covers(subject: Token, mention: Mention) -> bool:
    """The subject's words hold the mention."""
    words = list(subject.subtree)
    return words[0].idx <= mention.start and mention.end <= words[-1].idx + len(words[-1].text)


def deployment(sentence_text: str) -> bool:
    """The sentence sends forces for drills, exercises, patrols or a rotation."""
    return DEPLOYMENT.search(sentence_text) is not None
