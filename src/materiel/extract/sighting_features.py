"""Sighting features: what the language around one item and one pair of actors says.

For an item named in a sentence and a supplier and recipient drawn from that sentence, the
sentences just before it or the headline (`triples.py`): where each party was named, its role
in the parse (subject, after "to" or "from", a modifier of the item or of an army), the order of
the three, the cue words and kinds of cue the sentence holds, and for aid in general whether it
is called military. Each feature is a float; `triples.py` sums them up per triple.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import pairslots, syntax, treenames
from materiel.extract.amounts import mention_token
from materiel.extract.context import Paragraph
from materiel.extract.docindex import mentions_within
from materiel.extract.lexicon import Mention
from materiel.extract.openslots import OPEN, POINTED, actor_token_indices, held_by, slot_fillers

# Names that stand for an army or its users: a state's adjective on one of these is the user.
USERS = re.compile(r"^(?:forces|troops|army|military|soldiers|units|brigades?|fighters|front|defenders|navy|air)$")
# Words of weapons in use, not in transfer ("launched missiles at", "shot down drones").
USE_WORDS = {"launch", "strike", "attack", "shell", "fire", "shoot", "bomb", "hit", "kill", "destroy", "down", "target"}
# Words of a state's own production or capture ("produces shells", "captured tanks").
OWN_WORDS = {"produce", "manufacture", "build", "develop", "capture", "seize", "test", "unveil", "display", "parade"}
# Words of a hypothetical or an opinion ("should send", "if Germany sent").
IF_WORDS = {"if", "should", "whether", "unless", "would"}
# The categories of aid in general: money, a package, "weapons" with no item named.
GENERAL = ("unspecified", "funding")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod"}


def in_sentence(mentions: list[Mention], sentence: SpacySpan) -> list[Mention]:
    return [m for m in mentions_within(sentence.doc, mentions, sentence.start_char, sentence.end_char) if m.id]


def sentence_facts(sentence: SpacySpan) -> dict[str, object]:
    table = syntax.cues()
    lemmas = {t.lemma_.lower() for t in sentence}
    kinds = {syntax.cue_kind(t): t.idx for t in sentence if syntax.cue_kind(t)}
    return {
        "lemmas": lemmas,
        "kinds": kinds,
        "stage": bool(lemmas & set(table.stage)),
        "use": bool(lemmas & USE_WORDS),
        "own": bool(lemmas & OWN_WORDS),
        "if": bool(lemmas & IF_WORDS),
        "quoted": any(t.text in {'"', "“", "”"} for t in sentence),
    }


Placed = tuple[Mention, str]  # an actor and where its sentence drew it from: "sent", "prev", "title"


def pair_features(
    paragraph: Paragraph, sentence: SpacySpan, item: Mention, supplier: Placed, recipient: Placed, facts: dict
) -> dict[str, float]:
    (s, s_where), (r, r_where) = supplier, recipient
    item_token = mention_token(paragraph, item)
    kinds: dict = facts["kinds"]
    out: dict[str, float] = {**_placement_features(supplier, recipient), **_fact_features(facts, kinds)}
    if s_where == "sent":
        out.update(_role_features("s", paragraph, s, item_token))
    if r_where == "sent":
        out.update(_role_features("r", paragraph, r, item_token))
    if s_where == "sent" and r_where == "sent":
        out.update(_order_features(s, r, item, kinds))
    nearest = _nearest(paragraph, sentence, item)
    out["s_nearest"] = nearest is not None and nearest.id == s.id
    out["r_nearest"] = nearest is not None and nearest.id == r.id
    cue = syntax.governing_cue(item_token, sentence) if item_token is not None else None
    out["item_governed"] = cue is not None
    out.update(_slot_features(paragraph, sentence, (item_token, cue), supplier, recipient))
    out.update(_item_features(item_token))
    out.update(_general_features(paragraph, sentence, item, cue is not None))
    return {k: float(v) for k, v in out.items()}


# Qualifiers that make aid, a package or support military ("military aid", "a weapons package",
# "security assistance", "Foreign Military Financing"); bare "aid" may be humanitarian.
MILITARY_QUALIFIER = re.compile(r"\b(?:military|security|defen[cs]e|lethal|weapons?|arms)\b", re.IGNORECASE)


# How far before an aid noun its qualifier may stand ("Foreign Military Financing", "arms and
# ammunition aid"): about three words.
QUALIFIER_REACH = 20


def _general_features(paragraph: Paragraph, sentence: SpacySpan, item: Mention, governed: bool) -> dict[str, bool]:
    """For aid, packages and funding: money named in the sentence ("a $2 billion package"), the
    aid called military, and the aid moved by a cue ("approved military aid for")."""
    if item.id not in GENERAL:
        return {}
    money = any(a.is_money and sentence.start_char <= a.start < sentence.end_char for a in paragraph.amounts)
    military = MILITARY_QUALIFIER.search(paragraph.text[max(0, item.start - QUALIFIER_REACH) : item.end]) is not None
    return {"general_money": money, "general_military": military, "general_governed": governed and military}


def open_room(paragraph: Paragraph, sentence: SpacySpan, item: Mention, supplier: Placed, recipient: Placed) -> set:
    """The sides ("s", "r") named outside the item's sentence whose slot the cue of the item there
    leaves open ("were delivered", "the delivery of") or says by a pronoun ("it will send"), not
    filled by a party of its own (openslots.py)."""
    outside = {p for p, (_, where) in (("s", supplier), ("r", recipient)) if where != "sent"}
    token = mention_token(paragraph, item) if outside else None
    cue = syntax.governing_cue(token, sentence) if token is not None else None
    tokens = _actor_tokens(paragraph, sentence)
    fillers = slot_fillers(cue, tokens)
    if fillers is None:
        return set()
    held = dict(zip(("s", "r"), (held_by(f, tokens) for f in fillers), strict=True))
    return {p for p in outside if held[p] in (OPEN, POINTED)}


# Key of the per-doc memo of the token indices of a sentence's parties (`_actor_tokens`).
ACTOR_TOKENS = "materiel.actor_tokens"


def _actor_tokens(paragraph: Paragraph, sentence: SpacySpan) -> set[int]:
    """The indices of the tokens of the parties named in the sentence (openslots.actor_token_indices),
    memoised per doc by the sentence and the parties' offsets: the sightings ask once per pair of
    parties. Read only: the callers never change the set."""
    spans = tuple((m.start, m.end) for m in in_sentence(paragraph.actors, sentence))
    memo = sentence.doc.user_data.setdefault(ACTOR_TOKENS, {})
    key = (sentence.start, sentence.end, spans)
    if key not in memo:
        memo[key] = actor_token_indices(sentence, list(spans))
    return memo[key]


def _slot_features(
    paragraph: Paragraph,
    sentence: SpacySpan,
    moved: tuple[Token | None, Token | None],
    supplier: Placed,
    recipient: Placed,
) -> dict[str, bool]:
    """What stands in the cue's slot of a party named outside the sentence (pairslots.py); `moved`
    is the item's token and its governing cue."""
    item, cue = moved
    if supplier[1] == "sent" and recipient[1] == "sent":
        return {}
    tokens = _actor_tokens(paragraph, sentence)
    sides = {"s": supplier, "r": recipient}
    return pairslots.slot_features(slot_fillers(cue, tokens), tokens, sides, pairslots.item_takers(item))


def _placement_features(supplier: Placed, recipient: Placed) -> dict[str, bool]:
    """Where the pair was named (the item's sentence, one before it, the headline only), and what they are."""
    (s, s_where), (r, r_where) = supplier, recipient
    return {
        "s_sent": s_where == "sent",
        "r_sent": r_where == "sent",
        "s_prev": s_where == "prev",
        "r_prev": r_where == "prev",
        "s_title_only": s_where == "title",
        "r_title_only": r_where == "title",
        "both_sent": s_where == "sent" and r_where == "sent",
        "s_demonym": s.kind == "demonym",
        "r_demonym": r.kind == "demonym",
        "s_org": s.kind == "org",
        "r_org": r.kind == "org",
    }


def _fact_features(facts: dict, kinds: dict) -> dict[str, bool]:
    """The words of the item's sentence (see sentence_facts), and the kinds of cue it holds."""
    out = {
        "stage_word": facts["stage"],
        "use_words": facts["use"],
        "own_words": facts["own"],
        "if_words": facts["if"],
        "quoted": facts["quoted"],
    }
    for kind in ("transfer", "receive", "request", "noun", "contents"):
        out[f"cue_{kind}"] = kind in kinds
    out["cue_any"] = bool(kinds)
    return out


def _nearest(paragraph: Paragraph, sentence: SpacySpan, item: Mention) -> Mention | None:
    """The actor named closest to the item in its sentence."""
    actors = in_sentence(paragraph.actors, sentence)
    return min(actors, key=lambda m: min(abs(m.end - item.start), abs(item.end - m.start)), default=None)


def _role_features(prefix: str, paragraph: Paragraph, mention: Mention, item: Token | None) -> dict[str, bool]:
    token = mention_token(paragraph, mention)
    if token is None:
        return {}
    head = token.head
    anchor = token
    while anchor.dep_ in MODIFIER_DEPS and anchor.head.i != anchor.i:
        anchor = anchor.head
    before = paragraph.text[max(0, mention.start - 12) : mention.start].lower().split()
    word = before[-1] if before else ""
    return {
        f"{prefix}_subject": anchor.dep_ in SUBJECT_DEPS,
        f"{prefix}_after_to": word in ("to", "into"),
        f"{prefix}_after_for": word == "for",
        f"{prefix}_after_from": word in ("from", "by"),
        f"{prefix}_dative": token.dep_ in ("dative", "iobj"),
        f"{prefix}_object": anchor.dep_ in ("dobj", "pobj"),
        f"{prefix}_mods_item": item is not None and token.dep_ in MODIFIER_DEPS and head.i == item.i,
        f"{prefix}_mods_users": token.dep_ in MODIFIER_DEPS and bool(USERS.match(head.lower_)),
        f"{prefix}_relational": token.dep_ == "poss" and head.lemma_.lower() in treenames.RELATIONAL,
    }


# Pronouns that make an item its owner's ("to keep its jets flying"), and the verbs whose
# purpose clause names what the supplies are for rather than what is supplied.
POSSESSIVE_PRONOUNS = {"its", "their", "our", "his", "her", "my", "your"}


def _item_features(item: Token | None) -> dict[str, bool]:
    if item is None:
        return {}
    verb = next((a for a in item.ancestors if a.pos_ in ("VERB", "AUX")), None)
    purpose = (
        verb is not None
        and verb.dep_ in ("advcl", "xcomp", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and syntax.cue_kind(verb) is None
    )
    return {
        "item_possessed": any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in item.children),
        "item_purpose": purpose,
        "item_subject": item.dep_ in SUBJECT_DEPS,
    }


def _order_features(s: Mention, r: Mention, item: Mention, kinds: dict) -> dict[str, bool]:
    transfer = kinds.get("transfer", kinds.get("noun"))
    receive = kinds.get("receive")
    return {
        "s_before_r": s.start < r.start,
        "s_before_item": s.start < item.start,
        "r_after_item": r.start > item.start,
        "s_cue_r": transfer is not None and s.start < transfer < r.start,
        "r_receive_s": receive is not None and r.start < receive < s.start,
    }
