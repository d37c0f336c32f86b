"""Scorer vetoes on a triple's parties: a side its best sentence names only in a role that is no
party's to the transfer. The objector or complainer is no supplier, nor is the one that takes or
secures the delivery; the place someone visits, the one spoken to and an attack's target are no
recipient or item, and two parties listed together after one preposition are not both sides
(see `party_vetoed`)."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.amounts import mention_head
from materiel.extract.arrivals import TAKING
from materiel.extract.notsent import attack_target
from materiel.extract.positional import opposed, visited
from materiel.extract.subjects import CRITICS, OBSERVERS
from materiel.extract.treenames import first_conjunct
from materiel.extract.triples import Triple


def party_vetoed(triple: Triple) -> bool:
    """Is a side of the scorer's triple only an objector, a taker, a place visited or one spoken
    to, or its item an attack's target?"""
    return (
        _objector_only(triple)
        or _taker_supplies(triple)
        or _visited_only(triple)
        or _addressed_only(triple)
        or _attack_target(triple)
        or _listed_together(triple)
        or _opposed_only(triple)
    )


# Verbs of harm whose subject, a transfer, hurts what they take: the speaker of such a clause
# objects to the transfer, it does not make it ("China insists that arms sales to Taiwan violate
# its sovereignty", "Moscow says the deliveries threaten regional stability").
HARMS = {
    "violate", "breach", "contravene", "undermine", "threaten", "endanger", "jeopardize", "jeopardise",
    "destabilize", "destabilise", "harm", "damage", "hurt", "escalate", "inflame", "provoke", "interfere",
}  # fmt: skip


def _objector_only(triple: Triple) -> bool:
    """Is the supplier, in the triple's best sentence, named only as the subject of a verb of
    judging, warning or worry that takes the item ("Beijing protested the sale of jets to Taiwan":
    `CRITICS`, `OBSERVERS`), or of a verb over a clause in which the transfer harms something
    (`HARMS`)? The objector is no party; the supplier is another, or none the sentence names."""
    sighting = triple.best()
    item = mention_head(sighting.paragraph, sighting.item)
    roots = named_roots(triple, triple.supplier.id)
    return item is not None and bool(roots) and all(_objects_to(root, item) for root in roots)


def _objects_to(root: Token, item: Token) -> bool:
    verb = root.head
    if root.dep_ != "nsubj" or item not in verb.subtree or _own_on_path(item, verb):
        return False
    if verb.lemma_.lower() in CRITICS or verb.lemma_.lower() in OBSERVERS:
        return True  # "Beijing protested the sale", "Kyiv complained about a drop in shell supplies"
    harms = [c for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() in HARMS]
    return any(item in s.subtree for c in harms for s in c.children if s.dep_ == "nsubj")


def _taker_supplies(triple: Triple) -> bool:
    """Is the supplier, in the triple's best sentence, named as the subject of a verb of taking
    whose object holds the item ("Zelensky secured the delivery of a weapons package":
    `arrivals.TAKING`)? Who takes or secures a delivery receives it, wherever else it is named."""
    sighting = triple.best()
    item = mention_head(sighting.paragraph, sighting.item)
    return item is not None and any(_takes(root, item) for root in named_roots(triple, triple.supplier.id))


def _takes(root: Token, item: Token) -> bool:
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in TAKING:
        return False
    return any(item in c.subtree for c in verb.children if c.dep_ == "dobj")


# Verbs of speaking whose "to" names who is spoken to: "Argentina is talking to Russia about
# bombers" makes Russia the one addressed, no recipient.
ADDRESSING = {"talk", "speak", "write", "say", "explain", "reply", "respond", "chat", "complain", "lie"}


def _addressed_only(triple: Triple) -> bool:
    """Is the recipient, in the triple's best sentence, named only after the 'to' of a verb of
    speaking (`ADDRESSING`)?"""
    roots = recipient_roots(triple)
    return bool(roots) and all(_addressed(root) for root in roots)


def _addressed(root: Token) -> bool:
    prep = root.head
    verb = prep.head
    return root.dep_ == "pobj" and prep.lower_ == "to" and verb.pos_ == "VERB" and verb.lemma_.lower() in ADDRESSING


def _attack_target(triple: Triple) -> bool:
    """Is the triple's best item mention the target of an attack noun ("the treaty extends to armed
    attacks on its vessels or aircraft": `notsent.attack_target`)? Vetoed after scoring, so that
    the article's other triples keep the features they are scored on."""
    sighting = triple.best()
    return attack_target(mention_head(sighting.paragraph, sighting.item))


# Prepositions whose list of names holds parties on one side of a transfer: all the recipients
# ("arms sales to Qatar and Kuwait") or all the suppliers ("bought drones from Iran and Syria").
ONE_SIDE_PREPS = {"to", "for", "from", "into", "toward", "towards"}


def _listed_together(triple: Triple) -> bool:
    """Are the supplier and the recipient, in the triple's best sentence, named only in one list
    after a preposition that gives all its names one side ("the failure to approve arms sales to
    Qatar and Kuwait": no sale from Kuwait to Qatar)? Not a list after 'between' ("talks between
    India and Russia on submarines"), whose parties may deal with each other."""
    suppliers, recipients = named_roots(triple, triple.supplier.id), recipient_roots(triple)
    if not suppliers or not recipients:
        return False
    lists = {_one_side_list(root) for root in suppliers + recipients}
    return len(lists) == 1 and None not in lists


def _one_side_list(root: Token) -> int | None:
    """The index of the first name of the list the root is in, if that list hangs from a
    preposition of one side and holds more than one name."""
    first = first_conjunct(root)
    if first is None or first.dep_ != "pobj" or first.head.lower_ not in ONE_SIDE_PREPS:
        return None
    return first.i if any(c.dep_ == "conj" for c in first.children) else None


def _own_on_path(item: Token, verb: Token) -> bool:
    """Does a word between the item and the verb have a possessive pronoun ("complained about
    delays to its deliveries"): the subject speaks of its own transfer?"""
    node = item
    while node.i != verb.i and node.head.i != node.i:
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in node.children):
            return True
        node = node.head
    return False


def _opposed_only(triple: Triple) -> bool:
    """Is the recipient, in the triple's best sentence, named only as the enemy an item is for:
    the object of a verb of `OPPOSING`, or a name on it ("to deter Chinese forces"), or after
    'against' ("missiles for use against Russian ships")? The enemy receives nothing."""
    roots = recipient_roots(triple)
    return bool(roots) and all(opposed(root) for root in roots)


def _visited_only(triple: Triple) -> bool:
    """Is the recipient, in the triple's best sentence, named only as where someone travels or
    serves ("secured the delivery of a weapons package during his visit to Washington")?"""
    roots = recipient_roots(triple)
    return bool(roots) and all(visited(root) for root in roots)


def recipient_roots(triple: Triple) -> list[Token]:
    """The roots of the recipient's names in the triple's best sentence."""
    return named_roots(triple, triple.recipient.id)


def named_roots(triple: Triple, actor: str) -> list[Token]:
    """The roots of an actor's names in the triple's best sentence."""
    sighting = triple.best()
    doc, sentence = sighting.paragraph.doc, sighting.sentence
    named = [
        doc.char_span(m.start, m.end, alignment_mode="expand")
        for m in sighting.paragraph.actors
        if m.id == actor and sentence.start_char <= m.start < sentence.end_char
    ]
    return [span.root for span in named if span is not None]
