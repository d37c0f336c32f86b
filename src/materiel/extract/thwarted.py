"""A transfer that something kept from happening: "Sanctions prevented Russia from delivering the
S-400 systems", "a shortage of parts kept Germany from delivering the howitzers", "the veto
stopped Paris from shipping the jets". The moving verb is the "from" complement of a verb of
prevention: nothing moved. Told with a word of timing ("on time", "in time", "on schedule",
"so far", "yet") it was held up, not stopped: postponed ("failed to deliver the howitzers on
schedule" too); without one it was blocked: cancelled, or refused where the verb of prevention
tells a refusal of its own ("was blocked by a court from exporting the parts").

Left alone: a prevention denied or that failed ("did not stop Iran from sending drones", "failed
to prevent China from shipping parts"): the transfer went ahead, or, denied of the future, is
to come ("Nothing will stop Germany from sending the tanks": pledged); "keep" with a gerund of its own
("keep sending"), which goes on.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.forbidden import FAILED
from materiel.extract.negation import negated_verb
from materiel.extract.syntax import cues

# Verbs that keep their object from doing what their "from" complement does.
PREVENTING = {
    "prevent",  # "sanctions prevented Russia from delivering the S-400 systems"
    "stop",  # "the veto stopped Paris from shipping the jets"
    "keep",  # "a shortage of parts kept Germany from delivering the howitzers"
    "bar",  # "a court barred the firm from exporting the rifles"
    "block",  # "Congress blocked the administration from selling the jets"
    "hinder",  # "red tape hindered Spain from sending the tanks"
    "hamper",  # "strikes hampered the yard from delivering the frigate"
    "deter",  # "threats deterred Seoul from supplying the shells"
    "dissuade",  # "Washington dissuaded Israel from selling the radars"
    "preclude",  # "the treaty precluded Rome from transferring the mines"
}
# Stages of a prevention verb's own (cues.json) that a thwarted transfer keeps ("blocked": refused).
BLOCKED = {"refused", "cancelled"}
# Subjects that deny a prevention: "nothing will stop Berlin from sending tanks".
NEGATIVE_SUBJECTS = {"nothing", "nobody", "no one", "none"}
# Auxiliaries of a prevention still to come ("nothing will stop us from sending").
FUTURE = {"will", "shall", "'ll"}
# Verbs of a transfer that did not happen when it should: "failed to deliver the guns on time".
FALLING_SHORT = {"fail"}
# Words of timing that make a thwarted or failed delivery a delay (lowercased tokens).
TIMING = {("on", "time"), ("in", "time"), ("on", "schedule"), ("so", "far"), ("as", "planned")}
TIMING_WORDS = {"yet", "late", "promptly"}


def thwarted_stage(cue: Token) -> str | None:
    """'postponed' or 'cancelled' for a moving verb that a verb of prevention kept from
    happening, 'postponed' for one that failed to happen on time; else None."""
    verb = cue
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.lemma_.lower() in PREVENTING:
        preventer = verb.head.head
        if negated_verb(preventer) or _no_one(preventer) or _miscarried(preventer):
            return _going_ahead(preventer)
        if _timed(verb) or _timed(preventer):
            return "postponed"
        own = cues().stage.get(preventer.lemma_.lower())
        return own if own in BLOCKED else "cancelled"  # "was blocked by a court from exporting": refused
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FALLING_SHORT and not negated_verb(verb.head):
        return "postponed" if _timed(verb) or _timed(verb.head) else None
    return None


def _going_ahead(preventer: Token) -> str | None:
    """A prevention denied of what is to come lets the transfer come ("Nothing will stop Berlin
    from sending the tanks": pledged); of the past or present, the verb above reads it as before."""
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE for c in preventer.children)
    return "pledged" if future else None


def _no_one(verb: Token) -> bool:
    """'Nothing will stop us from sending tanks': a subject that denies the prevention."""
    return any(c.dep_ == "nsubj" and c.lower_ in NEGATIVE_SUBJECTS for c in verb.children)


def _miscarried(verb: Token) -> bool:
    """'failed to stop China from shipping parts': the prevention did not work."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FAILED


def _timed(verb: Token) -> bool:
    """Does a word of timing hang on the verb ("on time", "in time", "so far", "yet")?"""
    for child in verb.children:
        after = child.doc[child.i + 1].lower_ if child.i + 1 < len(child.doc) else ""
        if child.lower_ in TIMING_WORDS or (child.lower_, after) in TIMING:
            return True
    return False
