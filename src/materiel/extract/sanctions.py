"""Two readings in which a state named with weapons moving supplies none of them.

- The punisher: a state that sanctions, bans or charges those who move weapons is not their
  supplier ("Washington sanctioned Iranian firms over drones sent to Russia", "the EU banned exports
  of drones to Russia", "the US imposed sanctions on Chinese firms supplying drone parts to
  Russia"). Its name is the subject of the punishing verb above the transfer word; a state that
  stops its own deliveries ("Canada suspended arms exports to Israel") is not read here: it had
  supplied, and the guide counts the pause. Nor is a state that imposes a ban on a trade not named
  as another's ("Berlin imposed a ban on arms exports to Turkey"): it refuses its own (bans.py).
  So is one that reacts to another's transfer ("froze contracts over the firm's sale of missiles
  to Iran": the sale is the firm's).
- Its own forces: warships, jets or batteries sent for drills, exercises, air policing, patrols
  or a visit ("Britain sent two warships to the Black Sea for NATO drills"), to guard its own bases or troops,
  or to hold NATO's flank are a deployment (GUIDE: troop deployments do not count), whoever hosts
  them.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from materiel.countries import is_state_id
from materiel.extract import bans, syntax
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
    "penalize",  # the spellings of "penalise"
    "penalise",
}
# Any verb punishes by these objects, whatever the verb: "imposed sanctions on firms supplying
# ...", "slapped sanctions on North Korea for sending shells"; not "imposed restrictions on
# exports of drones", a state limiting its own sales.
IMPOSED = {"sanction", "sanctions", "ban", "embargo", "penalty", "penalties"}
# Verbs that end a ban or sanctions: "lifted its ban on exports of tanks" allows the exports.
LIFTING = {"lift", "ease", "end", "scrap", "remove", "waive", "relax"}
# Only an active subject punishes: a passive one ("Iran has been accused of supplying drones",
# "North Korea was sanctioned for sending shells") is the one punished, and may be the supplier.
SUBJECTS = ("nsubj",)
# Lemmas of a handover to another party: a sentence with one tells a transfer, whatever drills,
# patrols or seas it also names ("will give the Philippines five vessels for patrols").
HANDOVER = {
    "give",
    "sell",
    "sale",
    "supply",
    "deliver",
    "delivery",
    "donate",
    "transfer",
    "hand",
    "buy",
    "purchase",
    "provide",
}

# A purpose of own forces sent abroad: drills, exercises, patrols, air policing, a rotation, a
# port call, a show of force; or a sea where they go ("a destroyer to the Taiwan Strait").
DEPLOYMENT = re.compile(
    r"""\b(?:for|in|during|to\ join|to\ take\ part\ in|as\ part\ of|on)\s+   # the purpose or occasion
        (?:[\w'’-]+\s+){0,4}?                                           # "NATO's annual naval"
        (?:drills?|exercises?(?!\s+of\b)|manoeuvres|maneuvers|war\ games  # training with allies; not "in the
                                                                      # exercise of its right"
          |air[\s-]policing|patrols|rotation                             # standing missions
          |port\ (?:visit|call)|show\ of\ force)\b                       # a warship's visit, a signal
      | \b(?:sen[dt]s?|sending|flew|flown|deploy(?:s|ed)?|dispatch(?:es|ed)?)\b  # forces sent to a place for a
        [^.;]{0,80}?\bto\ (?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}       # visit or a display: "sent two
        \ for\ (?:an?|the)\ (?:[\w'’-]+\s+){0,2}?                          # bombers to Venezuela for a visit",
        (?:visit|air\ ?show|parade|fly-?past)\b                          # "its jets to Malaysia for an air
                                                                      # show"; not a leader who "came to
                                                                      # Washington for a visit" and pledged
      | \b(?:troops|forces|soldiers|units|battalions|brigades|commandos|marines|paratroopers  # an incursion:
          |tanks|armou?red\ vehicles|artillery(?!\s+(?:shells|rounds|ammunition)))\b  # forces moved "into
        [^.;]{0,60}?\binto\ (?:north|south|east|west)(?:-?(?:east|west))?ern\s+(?-i:[A-Z])  # northern Syria";
                                                                      # not drones smuggled there for a
                                                                      # militia, nor shells sent, nor a
                                                                      # region's name ("West Africa")
      | \bas\ a\ deterrent\b                                            # "sent a carrier ... as a deterrent"
      | \bto\ (?:protect|defend|guard|reinforce|bolster)\s+(?:its|their)\s+(?:own\s+)?  # its own people or posts:
        (?:bases?|troops|forces|garrisons?|personnel|embassy|sailors)\b  # "jets to Cyprus to protect its bases"
      | \b(?:NATO|the\ alliance)['’]s\s+(?:(?:eastern|southern|northern)\s+)?flank\b  # "to defend NATO's eastern flank"
      | \bto\ (?:the\ )?(?-i:[A-Z])[\w'’-]*\s+(?:(?-i:[A-Z])[\w'’-]*\s+)?   # a named sea or coast: "to the
        (?:(?-i:[Cc]oast|[Ww]aters|Straits?|Sea))\b                    # Taiwan Strait", "to Israel's coast"; a
        (?!\s+(?:guard|port|fleet|navy)\b)                                 # "Coast Guard", a "Black Sea port" or
                                                                      # "Black Sea Fleet" is a recipient
      | \b(?:to|into)\ the\ (?:[\w'’-]+\s+){0,2}?                         # a sea or a region no state owns:
        (?:(?-i:Gulf|Mediterranean|Pacific|Atlantic|Baltic|Arctic|Caribbean)  # "warships to the Persian Gulf",
          |region|Middle\ East)\b                                         # "carriers to the region"; not the
        (?![\w\s'’-]{0,12}\b(?:states?|countries|nations|allies|partners|monarchies|kingdoms)\b)  # "Gulf states"
    """,
    re.IGNORECASE | re.VERBOSE,
)


def punisher(cue: Token, supplier: Mention | None) -> bool:
    """The supplier (offsets in the cue's paragraph) is the subject of a verb above the cue that
    sanctions, bans or charges ("the EU banned exports": "exports" hangs from "banned")."""
    if supplier is None:
        return False
    node, reacting = cue, False
    own = bans.own_ban(cue) if is_state_id(supplier.id) else None
    while node.head.i != node.i and node.dep_ != "conj":  # "sanctioned firms and sent 20 Patriots"
        reacting = reacting or _others_transfer(node, supplier)
        node = node.head
        punishes = _punishes(node) and not _imposes(node, own)
        if (punishes or reacting) and _subject_is(node, supplier):
            return True
    return False


def _imposes(verb: Token, ban: Token | None) -> bool:
    """The verb imposes, by its object, a state's ban on its own trade ("imposed a ban on arms
    exports to Turkey"), or is itself that ban ("Denmark banned arms exports to Bahrain"); not a
    verb that punishes by itself ("banned Russian arms sales", "sanctioned")."""
    if ban is not None and ban.i == verb.i:
        return True
    return ban is not None and ban.head.i == verb.i and ban.dep_ == "dobj" and verb.lemma_.lower() not in PUNISH


# Prepositions of a cause a clause reacts to ("froze contracts over the firm's sale of missiles").
CAUSES = {"over"}


def _others_transfer(noun: Token, supplier: Mention) -> bool:
    """A transfer noun that a clause is 'over', whose possessor names another doer ("stopped
    contracts over a Toshiba subsidiary's transfer", "protested over China's sale"): whoever
    reacts to it made none of it. "Over its sale" may be the subject's own, and is left alone."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in CAUSES or syntax.cue_kind(noun) != "noun":
        return False
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    return any(not _covers(o, supplier) for o in owners)


# Verbs that put someone on a list, and the words that make the list a punishment: "added North
# Korean officials to its sanctions list over missile supplies to Russia", "put the firms on the
# Entity List".
LISTING = {"add", "put", "place", "include"}
PUNISHING_LISTS = {"sanction", "sanctions", "entity", "black", "blacklist", "watch"}


def _blacklists(verb: Token) -> bool:
    """The verb puts someone on a sanctions list or a blacklist."""
    if verb.lemma_.lower() not in LISTING:
        return False
    lists = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "on") for g in c.children]
    return any(
        g.lemma_.lower() == "list" and any(m.lower_ in PUNISHING_LISTS for m in g.children if m.i < g.i) for g in lists
    )


def _punishes(verb: Token) -> bool:
    if verb.lemma_.lower() == "charge":  # "charged two men with shipping parts to Iran", not a price
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    if _blacklists(verb):
        return True
    lemma = verb.lemma_.lower()
    imposed = lemma not in LIFTING and any(c.dep_ == "dobj" and c.lower_ in IMPOSED for c in verb.children)
    return lemma in PUNISH or imposed


def _subject_is(verb: Token, supplier: Mention) -> bool:
    return any(_covers(s, supplier) for s in verb.children if s.dep_ in SUBJECTS)


def _covers(subject: Token, mention: Mention) -> bool:
    """The subject's words hold the mention."""
    words = list(subject.subtree)
    return words[0].idx <= mention.start and mention.end <= words[-1].idx + len(words[-1].text)


def deployment(sentence: Span) -> bool:
    """The sentence sends forces for drills, exercises, patrols or a rotation, and hands nothing
    over: with a handover word the drills are what the recipient does with what it gets."""
    if any(t.lemma_.lower() in HANDOVER for t in sentence):
        return False
    return DEPLOYMENT.search(sentence.text) is not None
