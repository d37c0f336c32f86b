"""Triples: every (supplier, recipient, category) an article could report, with its features.

The rules of `candidates.py` read roles from the parse and are precise where the sentence is
plain; the generator here is wide: an item of a category and any two states or groups named in
its sentence, the few sentences before it, or the headline. Each such pairing is a `Sighting`
with features of the language around it (who is the subject, who follows "to" or "from", which
cue words the sentence holds, whether the rules read it); a `Triple` gathers an article's
sightings of one key and sums them up as one feature vector, which `learned.py` scores.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Transfer
from materiel.extract import syntax
from materiel.extract.context import Context, Paragraph
from materiel.extract.lexicon import Mention, find_actors, find_items

# How many sentences before an item may name its supplier or recipient ("The UK will ... It will
# also send ..."): further back, a name is the story's background, not this item's party.
WINDOW_SENTENCES = 2
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


@dataclass
class Sighting:
    """One sentence where an item of the triple's category and its two actors are near."""

    paragraph: Paragraph
    sentence: SpacySpan
    item: Mention
    number: int
    features: dict[str, float]


@dataclass
class Triple:
    key: tuple[str, str, str]
    supplier: Mention
    recipient: Mention
    sightings: list[Sighting] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)

    def best(self) -> Sighting:
        """The sighting that says most: both actors in the sentence, then a cue, then the earliest."""
        return max(self.sightings, key=lambda s: (s.features["both_sent"], s.features["cue_any"], -s.number))


def find_triples(context: Context, rules: list[Transfer]) -> list[Triple]:
    """Every triple the article could report, each with its summed-up features."""
    title = context.article.title or ""
    title_actors = {m.id: m for m in find_actors(title) if m.id}
    triples: dict[tuple[str, str, str], Triple] = {}
    recent: list[tuple[int, list[Mention]]] = []
    number = 0
    for paragraph in context.paragraphs:
        for sentence in paragraph.doc.sents:
            number += 1
            actors = _in(paragraph.actors, sentence)
            _sightings(triples, paragraph, sentence, number, actors, recent, title_actors, context.settled)
            recent = [*recent, (number, actors)][-WINDOW_SENTENCES:]
    _summarise(triples, context, rules, title)
    return list(triples.values())


def _in(mentions: list[Mention], sentence: SpacySpan) -> list[Mention]:
    return [m for m in mentions if m.id and sentence.start_char <= m.start < sentence.end_char]


def _sightings(triples, paragraph, sentence, number, actors, recent, title_actors, settled) -> None:
    items = [m for m in _in(paragraph.items, sentence) if paragraph.offset + m.start not in settled]
    if not items:
        return
    pool = _pool(actors, recent, title_actors)
    if len(pool) < 2:
        return
    facts = _sentence_facts(sentence)
    for item in _one_per_category(items):
        for s_id, (s, s_where) in pool.items():
            for r_id, (r, r_where) in pool.items():
                if s_id == r_id:
                    continue
                features = _pair_features(paragraph, sentence, item, (s, s_where), (r, r_where), facts)
                key = (s_id, r_id, item.id or "unspecified")
                triple = triples.setdefault(key, Triple(key, s, r))
                triple.sightings.append(Sighting(paragraph, sentence, item, number, features))


def _pool(actors, recent, title_actors) -> dict[str, tuple[Mention, str]]:
    """Each actor id the item's sentence can draw on, and where it was named: the sentence first."""
    pool: dict[str, tuple[Mention, str]] = {}
    for mention in actors:
        pool.setdefault(mention.id, (mention, "sent"))
    for _, mentions in reversed(recent):
        for mention in mentions:
            pool.setdefault(mention.id, (mention, "prev"))
    for ident, mention in title_actors.items():
        pool.setdefault(ident, (mention, "title"))
    return pool


def _one_per_category(items: list[Mention]) -> list[Mention]:
    seen: dict[str | None, Mention] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


def _sentence_facts(sentence: SpacySpan) -> dict[str, object]:
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


def _token(paragraph: Paragraph, mention: Mention) -> Token | None:
    span = paragraph.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


Placed = tuple[Mention, str]  # an actor and where its sentence drew it from: "sent", "prev", "title"


def _pair_features(
    paragraph: Paragraph, sentence: SpacySpan, item: Mention, supplier: Placed, recipient: Placed, facts: dict
) -> dict[str, float]:
    (s, s_where), (r, r_where) = supplier, recipient
    item_token = _token(paragraph, item)
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
    """The words of the item's sentence (see _sentence_facts), and the kinds of cue it holds."""
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
    actors = _in(paragraph.actors, sentence)
    return min(actors, key=lambda m: min(abs(m.end - item.start), abs(item.end - m.start)), default=None)


def _role_features(prefix: str, paragraph: Paragraph, mention: Mention, item: Token | None) -> dict[str, bool]:
    token = _token(paragraph, mention)
    if token is None:
        return {}
    head = token.head
    anchor = token
    while anchor.dep_ in MODIFIER_DEPS and anchor.head is not anchor:
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
        f"{prefix}_relational": token.dep_ == "poss" and head.lemma_.lower() in syntax.RELATIONAL,
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


# Sighting features that an article's triple sums up by their largest value (did any sentence
# say it) and by their share of the triple's sightings (how consistently).
def _summarise(triples: dict, context: Context, rules: list[Transfer], title: str) -> None:
    counts = _actor_counts(context, title)
    in_title = ({m.id for m in find_actors(title)}, {m.id for m in find_items(title)})
    rule_keys = {transfer_key(t) for t in rules}
    roles = _role_tendencies(triples)
    for key, triple in triples.items():
        c = key[2]
        triple.features = {
            **_sighting_summary(triple),
            **_prominence(key, counts, in_title),
            **_rule_features(key, rule_keys),
            **_role_shares(key, roles),
            "general_category": float(c in GENERAL),
            "funding": float(c == "funding"),
        }


def _sighting_summary(triple: Triple) -> dict[str, float]:
    """Each sighting feature's largest value and mean, how many sightings, how many name both
    parties in the item's sentence, and how early the first is."""
    features: dict[str, float] = {}
    names = {name for sighting in triple.sightings for name in sighting.features}
    for name in names:
        values = [sighting.features.get(name, 0.0) for sighting in triple.sightings]
        features[f"max_{name}"] = max(values)
        features[f"mean_{name}"] = sum(values) / len(values)
    features["log_sightings"] = math.log1p(len(triple.sightings))
    features["log_sentences_both"] = math.log1p(sum(x.features["both_sent"] for x in triple.sightings))
    features["first_sentence"] = 1.0 / min(x.number for x in triple.sightings)
    return features


def _prominence(key: tuple, counts: Counter, in_title: tuple[set, set]) -> dict[str, float]:
    """How much of the article the pair's names take, and which parts of the triple the headline
    names (`in_title`: the headline's actor ids and item categories)."""
    s, r, c = key
    total = sum(counts.values()) or 1
    top = counts.most_common(1)[0][0] if counts else None
    title_ids, title_items = in_title
    return {
        "s_share": counts[s] / total,
        "r_share": counts[r] / total,
        "s_top": float(s == top),
        "r_top": float(r == top),
        "s_in_title": float(s in title_ids),
        "r_in_title": float(r in title_ids),
        "item_in_title": float(c in title_items),
    }


def _rule_features(key: tuple, rule_keys: set[tuple]) -> dict[str, float]:
    """Whether the rules read this triple, its pair, the pair reversed, or another supplier of it."""
    s, r, c = key
    rule_pairs = {k[:2] for k in rule_keys}
    return {
        "rule_triple": float(key in rule_keys),
        "rule_pair": float((s, r) in rule_pairs),
        "rule_reverse": float((r, s) in rule_pairs),
        "rule_other_supplier": float(any(k[1] == r and k[2] == c and k[0] != s for k in rule_keys)),
    }


def _role_shares(key: tuple, roles: dict[str, Counter]) -> dict[str, float]:
    """The share of each party's sightings in which it reads as a giver or as a taker."""
    s, r, _ = key
    return {
        "s_supplier_share": roles[s]["supply"] / max(roles[s]["all"], 1),
        "r_recipient_share": roles[r]["receive"] / max(roles[r]["all"], 1),
        "s_recipient_share": roles[s]["receive"] / max(roles[s]["all"], 1),
        "r_supplier_share": roles[r]["supply"] / max(roles[r]["all"], 1),
    }


def _role_tendencies(triples: dict) -> dict[str, Counter]:
    """How often each actor is named as a giver (subject, 'from', on an item) or as a taker ('to',
    'for', on an army) in the sentences that name items: the article's own sense of its sides."""
    roles: dict[str, Counter] = {}
    seen: set[tuple[str, int, int]] = set()
    for (s, r, _), triple in triples.items():
        for sighting in triple.sightings:
            f = sighting.features
            for ident, prefix in ((s, "s"), (r, "r")):
                mark = (ident, sighting.number, sighting.item.start)
                if f.get(f"{prefix}_sent") != 1.0 or mark in seen:
                    continue
                seen.add(mark)
                counts = roles.setdefault(ident, Counter())
                counts["all"] += 1
                counts["supply"] += bool(
                    f.get(f"{prefix}_subject") or f.get(f"{prefix}_after_from") or f.get(f"{prefix}_mods_item")
                )
                counts["receive"] += bool(
                    f.get(f"{prefix}_after_to")
                    or f.get(f"{prefix}_after_for")
                    or f.get(f"{prefix}_mods_users")
                    or f.get(f"{prefix}_dative")
                )
    for ident in {k[0] for k in triples} | {k[1] for k in triples}:
        roles.setdefault(ident, Counter())
    return roles


def transfer_key(transfer: Transfer) -> tuple:
    """A transfer as a triple: (supplier id, recipient id, item category)."""
    return (
        transfer.supplier.id if transfer.supplier else None,
        transfer.recipient.id if transfer.recipient else None,
        transfer.item.category,
    )


def _actor_counts(context: Context, title: str) -> Counter:
    counts: Counter = Counter(m.id for m in find_actors(title) if m.id)
    for paragraph in context.paragraphs:
        counts.update(m.id for m in paragraph.actors if m.id)
    return counts
