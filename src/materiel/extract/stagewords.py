"""Stage words: the stage (requested, considered, postponed, cancelled, ...) a word gives on the
parse, a phrasal verb's by its particle, with the uses in which a stage word stages at all.

Read through syntax.py by most of the extractor; the cue table is in cuekinds.py.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from spacy.tokens import Token

from materiel.extract.cuekinds import cues
from materiel.extract.permission import permission_stage
from materiel.extract.placing import PLACING, PRESSING, placed_stage, presses_for

# Dependencies of the word that completes a phrasal verb: its particle ("turned down", "called
# off"), a preposition the parser takes for one ("pulled out of"), "no" ("said no to"), or an
# adverb the parser takes for one ("was pushed back to next year").
PARTICLES = {"prt", "prep", "intj", "dobj", "advmod"}


def stage_word(token: Token) -> str | None:
    """The stage a word gives: a phrasal verb's by its particle ("turned down requests", "called
    off the sale", "said no to sending"), before the verb's own ("called for" asks); a verb that
    puts its object in a state ("put the sale on hold") or grants a permission ("gave the green
    light for") by its object (permission.py)."""
    table = cues()
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        for child in token.children:
            phrase = f"{lemma} {child.lower_}"
            if child.dep_ in PARTICLES and phrase in table.phrasal and _phrasal_use(phrase, child):
                return table.phrasal[phrase]
    placed = placed_stage(token, cues().predicates) if lemma in PLACING else permission_stage(token)
    return placed or (table.stage.get(lemma) if _staging_use(token, lemma) else None)


# Phrasal verbs that weigh an act only ("is looking at sending jets", "looking into whether to
# supply tanks"), not what they take as a noun ("investigators looked at the firms for their role
# in the sale", "looking into the sale of guns"): an inquiry, not a transfer weighed.
WEIGHING_ACTS = {"look at", "look into"}


# Phrasal verbs that stage only with a preposition after them: "went back on its promise to sell"
# withdraws it, "went back to Kyiv" does not.
PHRASAL_PREPS = {"go back": "on"}


def _phrasal_use(phrase: str, particle: Token) -> bool:
    if phrase in PHRASAL_PREPS:
        return any(c.dep_ == "prep" and c.lower_ == PHRASAL_PREPS[phrase] for c in particle.head.children)
    if phrase not in WEIGHING_ACTS:
        return True
    return any(c.dep_ == "pcomp" and (c.tag_ == "VBG" or _asks_whether(c)) for c in particle.children)


def _asks_whether(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)


# Nouns of an open matter ("the question of supplying missiles"), which stage as nouns only: a
# sale "questioned" by reporters is no less made (stage.py keeps them with the commitments).
OPEN_MATTERS = {"possibility", "prospect", "idea", "question"}


def _child_deps(token: Token, *deps: str) -> bool:
    return any(c.dep_ in deps for c in token.children)


def _has_prep(token: Token, word: str) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == word for c in token.children)


def _has_child(token: Token, dep: str, lemmas: Container[str]) -> bool:
    return any(c.dep_ == dep and c.lemma_.lower() in lemmas for c in token.children)


# The one use in which each of these stage words stages (see `_staging_use`).
_USES: dict[str, Callable[[Token], bool]] = {
    "award": lambda t: _awards_deal(t),  # defined below
    "open": lambda t: t.pos_ == "ADJ",
    # "applied to buy jets", "applied for a licence", not "the rule applies to sales"
    "apply": lambda t: _child_deps(t, "xcomp") or _has_prep(t, "for"),
    # "the delivery slipped to next year", not "arms slipped across the border"
    "slip": lambda t: _has_child(t, "nsubj", cues().nouns),
    # "reversed its decision to sell", not "reversed course and sent tanks"
    "reverse": lambda t: _has_child(t, "dobj", REVERSIBLE),
    # "the sale is stuck in Congress", not "sticks to its plan to send"
    "stick": lambda t: _child_deps(t, "auxpass"),
    "talk": lambda t: t.pos_ == "NOUN" or _has_prep(t, "about"),
    # "proposed selling jets", "proposed the sale", not "proposed a toast to the crews"
    "propose": lambda t: _child_deps(t, "xcomp", "ccomp") or _has_child(t, "dobj", cues().nouns),
}


def _staging_use(token: Token, lemma: str) -> bool:
    """Stage words that stage in one use only: "open to sending" (the adjective), not "opened a
    plant that will supply"; "the sale is stuck" (the passive), not "sticks to its plan"; "talks
    on selling jets" (the noun) or "talked about sending", not "talked to reporters"; "proposed
    selling jets" (a transfer proposed), not "proposed a toast to the crews who delivered tanks";
    "awarded a contract" (`_awards_deal`), not "awarded medals to soldiers who delivered tanks";
    "applied to buy" or "applied for", not "the rule applies to sales"; a transfer noun that
    "slipped" (to next year); a commitment "reversed"."""
    if lemma in OPEN_MATTERS:
        return token.pos_ == "NOUN"
    if lemma in PRESSING:
        return presses_for(token)
    use = _USES.get(lemma)
    return use(token) if use else True


# Commitments a government may reverse: "reversed its decision to sell drones" withdraws the sale.
REVERSIBLE = {"decision", "plan", "deal", "approval", "promise", "pledge", "commitment", "agreement"}


# What an award stages as placed: a deal given to a maker ("awarded Raytheon a contract", "the
# order was awarded to Rheinmetall"), not a prize ("awarded medals").
AWARDED_DEALS = {"contract", "order", "deal", "tender"}


def _awards_deal(token: Token) -> bool:
    """The award's object, passive subject or (the noun's) own words name a deal."""
    if token.pos_ == "NOUN":
        near = [*token.children, *token.head.children, token.head]
        return any(t.lemma_.lower() in AWARDED_DEALS for t in (*near, *(g for c in token.children for g in c.children)))
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in AWARDED_DEALS for c in token.children)
