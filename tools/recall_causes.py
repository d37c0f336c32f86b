"""Why required gold transfers are missed, in-sample (the shipped scorer), by cause and by outlet.

    python tools/recall_causes.py --pred /tmp/train.jsonl /tmp/dev.jsonl [--cache build/causes.jsonl] [--list]

The predictions are `materiel eval` output for train and dev; a required gold triple they do not
report is put under the first cause that holds, in the order of the pipeline:
- `not parsed`: the gate read no paragraph of the article (no party named where it reads);
- `no item`: the lexicon finds no item of the triple's category anywhere in the text;
- `item unread`: items of the category only in paragraphs the gate left unread;
- `item read, no candidate`: an item of the category read, but no rule or triple of the category
  at all, split by where the gold's missing party stands: named nowhere the lexicon reads (a
  person, a pronoun, an unknown name), named in the text but never within the generator's window
  of an item sentence, or in the window (the item itself ruled out: in use, a purpose, settled);
- `category wrong`: the pair read with another category only;
- `pair reversed`, `other supplier`, `other recipient`: a candidate of the category with another pair;
- `scored below t`: a triple of the key scored below the threshold, by what its sentences hold
  (a party named only outside the item's sentences, and what its best sentence has in the party's
  stead: a pronoun subject or owner, a person's name the lexicon does not place, or nothing;
  both named with or without a governing cue);
- `dropped after`: a rule reading or an accepted triple that a later filter dropped.
The outlet of an article is its id's prefix (`model.group_of`), as the cross-validation groups it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.extract.model import group_of  # noqa: E402

# The generator's window: sentences before an item whose parties it pairs (triples.WINDOW_SENTENCES).
WINDOW = 2


def norm(actor: object) -> str | None:
    """An actor id as score.py compares it: three letters upper case, anything else lower case."""
    if isinstance(actor, dict):
        actor = actor.get("id")
    if not isinstance(actor, str):
        return None
    return actor.upper() if len(actor) == 3 and actor.isalpha() else actor.lower()


def key_of(t: dict) -> tuple:
    item = t.get("item")
    category = item.get("category") if isinstance(item, dict) else t.get("category")
    return (norm(t.get("supplier")), norm(t.get("recipient")), category)


def facts(shared: Path, cache: Path) -> dict[str, dict]:
    """Per gold article: what the pipeline saw (item sentences with their actors, the rules' and the
    generator's keys with the shipped scorer's probability); cached, since it parses every article."""
    if cache.exists():
        return {r["id"]: r for r in map(json.loads, cache.read_text().splitlines())}
    from materiel import api
    from materiel.extract import rule_transfers
    from materiel.extract.context import build_context
    from materiel.extract.lexicon import find_actors, find_items
    from materiel.extract.model import load_scorer
    from materiel.extract.triples import find_triples, transfer_key
    from materiel.pipeline import Runner
    from tools.gold import gold_articles

    scorer = load_scorer()
    out = {}
    for split, record, article in gold_articles(shared, Runner(api.clean_steps())):
        context = build_context(article)
        rules = rule_transfers(context) if context.paragraphs else []
        triples = find_triples(context, rules) if context.paragraphs else []
        out[record["id"]] = {
            "id": record["id"],
            "split": split,
            "parsed": bool(context.paragraphs),
            "text_items": sorted({m.id or "unspecified" for m in find_items(article.text)}),
            "text_actors": sorted({norm(m.id) for m in find_actors(article.text) if m.id}),
            "title_actors": sorted({norm(m.id) for m in find_actors(article.title or "") if m.id}),
            "sentences": _sentences(context),
            "rules": [[*map(norm, transfer_key(t)[:2]), transfer_key(t)[2]] for t in rules],
            "triples": [[*map(norm, t.key[:2]), t.key[2], scorer.probability(t.features)] for t in triples],
            "gold_triples": _gold_triples(record, triples),
        }
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(json.dumps(r) + "\n" for r in out.values()))
    return out


def _gold_triples(record: dict, triples: list) -> dict[str, dict]:
    """The features and best sentence of each triple whose key is a required gold one."""
    needed = {key_of(t) for t in record["transfers"] if not t.get("optional")}
    out = {}
    for t in triples:
        key = (*map(norm, t.key[:2]), t.key[2])
        if key in needed:
            out[repr(key)] = {"features": t.features, "sentence": t.best().sentence.text[:300]}
    return out


def _sentences(context) -> list[dict]:
    """Each read sentence: its text, its item categories and its actor ids."""
    from materiel.extract.sighting_features import in_sentence

    out = []
    for paragraph in context.paragraphs:
        for sentence in paragraph.doc.sents:
            out.append(
                {
                    "text": sentence.text[:300],
                    "items": sorted(
                        {m.id or "unspecified" for m in in_sentence(paragraph.items, sentence)}
                        | {
                            "unspecified"
                            for m in paragraph.items
                            if not m.id and sentence.start_char <= m.start < sentence.end_char
                        }
                    ),
                    "actors": sorted({norm(m.id) for m in in_sentence(paragraph.actors, sentence)}),
                }
            )
    return out


def cause(key: tuple, seen: dict, reported: set[tuple], threshold: float) -> str:
    s, r, c = key
    if not seen["parsed"]:
        return "not parsed"
    rules = {tuple(k) for k in seen["rules"]}
    probs = {tuple(k[:3]): k[3] for k in seen["triples"]}
    if key in rules or probs.get(key, 0.0) >= threshold:
        return "dropped after"
    if key in probs:
        return f"scored below t: {_evidence(seen['gold_triples'].get(repr(key)))}"
    keys = rules | set(probs)
    if any(k[:2] == (s, r) for k in keys):
        return "category wrong"
    if (r, s, c) in keys:
        return "pair reversed"
    if any(k[2] == c for k in keys):
        return "other recipient" if any(k[0] == s and k[2] == c for k in keys) else "other supplier"
    return _no_candidate(key, seen)


def _evidence(triple: dict | None) -> str:
    """What the best sentences of a scored triple hold: which party no sentence of the item names
    (the party only before it or in the headline), or both named with or without a cue governing
    the item."""
    if triple is None:
        return "?"
    f = triple["features"]
    outside = [side for side, name in (("supplier", "s"), ("recipient", "r")) if not f.get(f"max_{name}_sent")]
    if outside:
        return f"{'+'.join(outside)} outside the item's sentences{_who_instead(triple['sentence'])}"
    if not f.get("max_both_sent"):
        return "each party in one of its sentences, never both"
    return "both named, a cue governs" if f.get("max_item_governed") else "both named, no cue governs the item"


# Subjects that stand for a party the sentence does not name ("we will deliver", "he sold").
PRONOUNS = {"we", "i", "he", "she", "they", "it", "our", "his", "her", "their", "its"}


def _who_instead(sentence: str) -> str:
    """What the item's best sentence has where the missing party would be: a pronoun as a
    subject or owner, a person's name the lexicon does not place, or nothing (the party is only
    in an earlier sentence or the headline)."""
    from materiel.extract.lexicon import find_actors
    from materiel.extract.nlp import load_model

    doc = load_model()(sentence)
    if any(t.lower_ in PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "poss") for t in doc):
        return ": a pronoun subject or owner there"
    placed = [(m.start, m.end) for m in find_actors(sentence)]
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    if any(not any(a <= e.start_char < b for a, b in placed) for e in people):
        return ": an unplaced person's name there"
    return ": only in an earlier sentence or the headline"


def _no_candidate(key: tuple, seen: dict) -> str:
    s, r, c = key
    sentences = seen["sentences"]
    at = [i for i, x in enumerate(sentences) if c in x["items"]]
    if not at:
        return "item unread" if c in seen["text_items"] else "no item"
    known = set(seen["text_actors"]) | set(seen["title_actors"])
    unnamed = [side for side, a in (("supplier", s), ("recipient", r)) if a not in known]
    if unnamed:
        return f"item read, no candidate: {'+'.join(unnamed)} named nowhere"
    near = set(seen["title_actors"])
    for i in at:
        near |= {a for x in sentences[max(0, i - WINDOW) : i + 1] for a in x["actors"]}
    far = [side for side, a in (("supplier", s), ("recipient", r)) if a not in near]
    if far:
        return f"item read, no candidate: {'+'.join(far)} outside the window"
    return "item read, no candidate: both in the window"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "causes.jsonl")
    parser.add_argument("--threshold", type=float, default=0.4)
    parser.add_argument("--pred", type=Path, nargs="+", required=True)
    parser.add_argument("--list", action="store_true", help="one line per miss, with an item sentence")
    args = parser.parse_args()
    seen = facts(args.shared, args.cache)
    reported = {
        r["id"]: {key_of(t) for t in r.get("transfers") or []}
        for path in args.pred
        for r in map(json.loads, path.read_text().splitlines())
    }
    for split in ("train", "dev"):
        _report(split, args, seen, reported)
    return 0


def _report(split: str, args, seen: dict, reported: dict) -> None:
    counts: Counter = Counter()
    outlets: dict[str, set] = defaultdict(set)
    by_outlet: dict[str, Counter] = defaultdict(Counter)
    total = 0
    for line in (args.shared / "gold" / f"{split}.jsonl").read_text().splitlines():
        record = json.loads(line)
        needed = {key_of(t) for t in record["transfers"] if not t.get("optional")}
        total += len(needed)
        for key in sorted(needed - reported.get(record["id"], set()), key=str):
            where = cause(key, seen[record["id"]], reported.get(record["id"], set()), args.threshold)
            counts[where] += 1
            outlets[where].add(group_of(record["id"]))
            by_outlet[group_of(record["id"])][where] += 1
            if args.list:
                print(f"{split} {where:<55} {record['id'][:45]:<45} {key}  | {_example(key, seen[record['id']])}")
    missed = sum(counts.values())
    print(f"\n{split}: {missed} of {total} required gold triples missed")
    for where, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{n:5d}  {len(outlets[where]):3d} outlets  {where}")
    print(f"{split}, per outlet (misses by cause):")
    for outlet, causes in sorted(by_outlet.items(), key=lambda kv: -sum(kv[1].values())):
        shown = ", ".join(f"{where} {n}" for where, n in causes.most_common())
        print(f"{sum(causes.values()):5d}  {outlet}: {shown}")


def _example(key: tuple, seen: dict) -> str:
    """The first read sentence with an item of the key's category (where one is)."""
    hit = next((x for x in seen.get("sentences", []) if key[2] in x["items"]), None)
    return hit["text"][:160].replace("\n", " ") if hit else ""


if __name__ == "__main__":
    sys.exit(main())
