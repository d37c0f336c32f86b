"""Triples: every (supplier, recipient, category) an article could report, with its features.

The rules of `candidates.py` read roles from the parse and are precise where the sentence is
plain; the generator here is wide: an item of a category and any two states or groups named in
its sentence, the few sentences before it, or the headline. Each such pairing is a `Sighting`
with features of the language around it, made in `sighting_features.py` (who is the subject, who
follows "to" or "from", which cue words the sentence holds); a `Triple` gathers an article's
sightings of one key and sums them up as one feature vector, with whether the rules read it,
which `learned.py` scores.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Transfer
from materiel.extract.amounts import mention_head
from materiel.extract.context import Context, Paragraph
from materiel.extract.direction import named_source
from materiel.extract.lexicon import Mention, find_actors, find_items
from materiel.extract.notsent import served_by_purpose
from materiel.extract.sanctions import punisher
from materiel.extract.sighting_features import GENERAL, in_sentence, open_room, pair_features, sentence_facts
from materiel.extract.used import in_attack, in_encounter, own_forces

# How many sentences before an item may name its supplier or recipient ("The UK will ... It will
# also send ..."): further back, a name is the story's background, not this item's party.
WINDOW_SENTENCES = 2


@dataclass
class Sighting:
    """One sentence where an item of the triple's category and its two actors are near."""

    paragraph: Paragraph
    sentence: SpacySpan
    item: Mention
    number: int
    features: dict[str, float]
    room: frozenset[str] = frozenset()  # the sides named elsewhere whose slot here is open (open_room)


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
    return _generate(context, rules, context.settled)


def rule_triples(context: Context, rules: list[Transfer]) -> list[Triple]:
    """The rules' own readings as triples, with the features their item mentions give when none is
    taken as settled: what the scorer makes of a triple the rules report."""
    keys = {transfer_key(t) for t in rules}
    return [t for t in _generate(context, rules, set()) if t.key in keys]


def _generate(context: Context, rules: list[Transfer], settled: set[int]) -> list[Triple]:
    title = context.article.title or ""
    title_actors = {m.id: m for m in find_actors(title) if m.id}
    triples: dict[tuple[str, str, str], Triple] = {}
    recent: list[tuple[int, list[Mention]]] = []
    number = 0
    for paragraph in context.paragraphs:
        for sentence in paragraph.doc.sents:
            number += 1
            actors = in_sentence(paragraph.actors, sentence)
            _sightings(triples, paragraph, sentence, number, actors, recent, title_actors, settled)
            recent = [*recent, (number, actors)][-WINDOW_SENTENCES:]
    _summarise(triples, context, rules, title)
    return list(triples.values())


def _sightings(
    triples: dict[tuple[str, str, str], Triple],
    paragraph: Paragraph,
    sentence: SpacySpan,
    number: int,
    actors: list[Mention],
    recent: list[tuple[int, list[Mention]]],
    title_actors: dict[str, Mention],
    settled: set[int],
) -> None:
    pool = _pool(actors, recent, title_actors)
    if len(pool) < 2:
        return  # no pair of parties to sight: the items' readings (a parse walk each) are not asked for
    items = _open_items(paragraph, sentence, settled)
    if not items:
        return
    facts = sentence_facts(sentence)
    for item in _one_per_category(items):
        token = mention_head(paragraph, item)
        for s_id, (s, s_where) in pool.items():
            if token is not None and s_where == "sent" and punisher(token, s):
                continue  # "Washington sanctioned firms over drones sent to Russia": no supplier
            for r_id, (r, r_where) in pool.items():
                if s_id == r_id or (r_where == "sent" and named_source(paragraph, r, token)):
                    continue  # "tanks bought from South Korea": Seoul supplies, never receives
                features = pair_features(paragraph, sentence, item, (s, s_where), (r, r_where), facts)
                room = frozenset(open_room(paragraph, sentence, item, (s, s_where), (r, r_where)))
                key = (s_id, r_id, item.id or "unspecified")
                triple = triples.setdefault(key, Triple(key, s, r))
                triple.sightings.append(Sighting(paragraph, sentence, item, number, features, room))


def _open_items(paragraph: Paragraph, sentence: SpacySpan, settled: set[int]) -> list[Mention]:
    """The sentence's items that no rule settled and that are neither in use by their own forces
    nor served by a purpose ("to keep its jets flying")."""
    items = [m for m in in_sentence(paragraph.items, sentence) if paragraph.offset + m.start not in settled]
    items = [m for m in items if not _in_use(mention_head(paragraph, m))]
    return [m for m in items if not served_by_purpose(mention_head(paragraph, m))]


def _in_use(item: Token | None) -> bool:
    """The item is deployed, drilled with, fired or met in an encounter by its own forces: no
    transfer."""
    return own_forces(item) or in_attack(item) or in_encounter(item)


def _pool(
    actors: list[Mention], recent: list[tuple[int, list[Mention]]], title_actors: dict[str, Mention]
) -> dict[str, tuple[Mention, str]]:
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


# Sighting features that an article's triple sums up by their largest value (did any sentence
# say it) and by their share of the triple's sightings (how consistently).
def _summarise(triples: dict, context: Context, rules: list[Transfer], title: str) -> None:
    counts = _actor_counts(context, title)
    in_title = ({m.id for m in find_actors(title)}, {m.id for m in find_items(title)})
    rule_keys = {transfer_key(t) for t in rules}
    roles = _role_tendencies(triples)
    sides = (_leading(roles, "supply"), _leading(roles, "receive"))
    for key, triple in triples.items():
        c = key[2]
        triple.features = {
            **_sighting_summary(triple),
            **_prominence(key, counts, in_title),
            **_rule_features(key, rule_keys),
            **_role_shares(key, roles),
            **_page_sides(key, triple, sides),
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


def _leading(roles: dict[str, Counter], role: str) -> str | None:
    """The one party the article names most often in a role ("supply" or "receive"), if one leads."""
    ranked = sorted(((c[role], ident) for ident, c in roles.items() if c[role]), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


def _page_sides(key: tuple, triple: Triple, sides: tuple[str | None, str | None]) -> dict[str, float]:
    """Whether a sentence names neither party of the triple and the cue of its item leaves both
    slots open or says them by pronouns ("This includes body armour", "The ship was loaded with
    guns", "the delivery of 20,000 vests"; openslots.py), the parties being the article's leading
    giver and its leading taker (`_role_tendencies`): a story that keeps telling one transfer
    leaves its parties unsaid once it has named them."""
    s, r, _ = key
    pair = (s, r) == sides and any({"s", "r"} <= x.room for x in triple.sightings)
    return {"open_page_pair": float(pair)}


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
