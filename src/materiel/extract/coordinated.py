"""Parties named in one list: "Belgium, Spain and Italy", "the US, the UK and France", "from
Poland and from Lithuania", "to the RSF and to the Houthis". A transfer read for one listed party
holds for each of them, in the same role: the rules' candidates make one candidate per listed
party (`partial.conjoined_suppliers`), and a triple the scorer accepts for one listed party is
accepted for the others named with it in the same sentence (`coordinated_triples`), where the
scorer, reading each name's own place in the parse ("include Egypt, Nigeria and the
Philippines": the first an object, the others conjuncts), would part the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from materiel.extract.docindex import mentions_within
from materiel.extract.subjects import opens_clause

if TYPE_CHECKING:
    from materiel.extract.context import Paragraph
    from materiel.extract.lexicon import Mention
    from materiel.extract.triples import Sighting, Triple

# Relations that join names into one list: "A, B and C" (conj) and a name set beside another
# ("the US, the UK and France": spaCy often hangs "the UK" from "the US" as an apposition).
LISTING = {"conj", "appos"}
# Relations of a word that modifies a noun: a name there lists parties only with other names or
# adjectives of origin joined to it ("American and German tanks"), never a common noun's modifier.
MODIFYING = {"compound", "amod"}
# The parts of speech of a party's name: a proper noun, or an adjective of origin ("German").
NAMING = {"PROPN", "ADJ"}
# Subject relations: a list that is the subject runs up to its own verb.
SUBJECTS = {"nsubj", "nsubjpass"}
# Relations of a preposition on a verb or noun ("to" of "give" is often a dative).
PREPOSITIONS = {"prep", "dative", "conj"}
# Words that join two phrases beside "and", "or" and commas: "as well as", "and also".
JOINING = {"as", "well", "also", "then"}


def listed_names(name: Token, items: frozenset[int] = frozenset()) -> list[Token]:
    """The heads of the other names listed with the name: its conjuncts and the names set in
    apposition to them, the names joined to its own on an item (`items`: the token indices of
    the sentence's item mentions: "American and German tanks"), and the
    objects of prepositions joined to its own ("from Poland and from Lithuania"). A name that a
    verb right after it makes a clause's subject opens a clause of its own and is no member ("to
    Poland and Germany sent howitzers"), unless the list's first name is that verb's subject ("the
    US, the UK and France have sent"); a name the list denies is none either ("not from Peru")."""
    if name.dep_ in ("poss", "case") or opens_clause(name):
        return []
    first = name
    while first.dep_ in LISTING and first.head.i != first.i and first.head.pos_ in NAMING:
        first = first.head
    if first.dep_ in MODIFYING and (first.pos_ not in NAMING or first.head.i not in items):
        return []  # "US and British officials": no list of the item's makers
    members = _members(first) + [m for prep in _joined_preps(first) for m in _members_of(prep)]
    subject = first.dep_ in SUBJECTS
    return [m for m in members if m.i != name.i and (subject or not opens_clause(m)) and not _denied(m)]


def _denied(member: Token) -> bool:
    """Is the member named as one the list leaves out ("from Spain, not from Italy", "Spain but
    not Italy")?"""
    heads = (member, member.head) if member.dep_ == "pobj" else (member,)
    return any(c.dep_ == "neg" for h in heads for c in h.children)


def _members(first: Token) -> list[Token]:
    """The names joined to the list's first name by conjunction or apposition."""
    members, stack = [first], [first]
    while stack:
        node = stack.pop()
        joined = [c for c in node.children if c.dep_ in LISTING and c.pos_ in NAMING]
        members += joined
        stack += joined
    return members


def _joined_preps(first: Token) -> list[Token]:
    """The prepositions with the same word joined to the one whose object the name is, each
    right after the phrase of the one before ("to A, to B and to C", "from A as well as from B",
    which the parse may hang from another word); not one with words of its own between ("40 jets
    to Oman and 28 jets to Kuwait": each item its own recipient)."""
    prep = first.head
    if first.dep_ != "pobj" or prep.dep_ not in PREPOSITIONS:
        return []
    while prep.dep_ == "conj" and prep.head.lower_ == prep.lower_:
        prep = prep.head
    chain = [prep]
    for other in prep.sent[prep.i + 1 - prep.sent.start :]:
        if other.lower_ == prep.lower_ and other.dep_ in PREPOSITIONS and _adjacent(chain[-1], other):
            chain.append(other)
    return [p for p in chain if p.i != first.head.i]


def _adjacent(before: Token, after: Token) -> bool:
    """Does only a comma or a word of joining stand between the phrase of one preposition and
    the next ("from Poland, as well as from Lithuania")?"""
    names = _members_of(before)
    end = max(m.i for m in names) if names else before.right_edge.i  # not a noun joined to the name
    between = before.doc[end + 1 : after.i]
    return all(t.is_punct or t.dep_ == "cc" or t.lower_ in JOINING for t in between)


def _members_of(prep: Token) -> list[Token]:
    return [m for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN" for m in _members(c)]


def listed_mentions(paragraph: Paragraph, mention: Mention) -> list[Mention]:
    """The actor mentions of the paragraph listed with the given one, in its list's order."""
    span = paragraph.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return []
    starts = [t.idx for t in listed_names(span.root, paragraph.item_tokens)]
    if not starts:
        return []
    # A mention holding an offset starts no further back than the longest mention's length.
    near = mentions_within(paragraph.doc, paragraph.actors, min(starts) - paragraph.actor_reach + 1, max(starts) + 1)
    return [m for m in near if m.id and any(m.start <= i < m.end for i in starts)]


def coordinated_triples(accepted: list[Triple], others: list[Triple]) -> list[Triple]:
    """The triples among `others` whose one side is listed, in a sentence where an accepted
    triple names both its sides, with that triple's same side ("military aid from Britain, France
    and Germany": Britain's accepted, France and Germany's too)."""
    by_key = {t.key: t for t in others}
    out: list[Triple] = []
    for triple in accepted:
        for sighting in triple.sightings:
            if sighting.features.get("both_sent") != 1.0:
                continue
            for key in _sibling_keys(triple, sighting):
                sibling = by_key.get(key)
                if sibling is not None and sibling not in out and _seen_in(sibling, sighting):
                    out.append(sibling)
    return out


def _sibling_keys(triple: Triple, sighting: Sighting) -> list[tuple[str, str, str]]:
    """The keys the triple's sides, as named in the sighting's sentence, make with each party
    listed beside them: the supplier's list first, then the recipient's."""
    supplier, recipient, category = triple.key
    sentence, paragraph = sighting.sentence, sighting.paragraph
    keys = []
    for side, ident in ((0, supplier), (1, recipient)):
        named = [m for m in paragraph.actors if m.id == ident and sentence.start_char <= m.start < sentence.end_char]
        for other in (o for m in named for o in listed_mentions(paragraph, m)):
            if other.id in (supplier, recipient):
                continue
            keys.append((other.id, recipient, category) if side == 0 else (supplier, other.id, category))
    return keys


def _seen_in(triple: Triple, sighting: Sighting) -> bool:
    """Does the triple have a sighting of its own in the sentence of the given one?"""
    return any(s.paragraph is sighting.paragraph and s.number == sighting.number for s in triple.sightings)


# Words by which a plural noun names some of its members ("countries, including Ukraine", "states
# such as Australia", "allies like Israel", "partners, notably Poland").
MEMBER_WORDS = {"including", "like", "as", "notably"}


def named_members(nouns: list[Token]) -> list[Token]:
    """'exported JDAM kits to over 30 countries, including Ukraine', 'exports to non-NATO
    countries, such as Australia', 'shells from its allies, including Iran': the members a plural
    'to', 'for' or 'from' object names are the parties (each conjoined one too, see
    `listed_names`)."""
    plural = [n for t in nouns for n in (t, *t.conjuncts) if n.tag_ in ("NNS", "NNPS")]
    preps = [c for n in plural for c in n.children if c.dep_ == "prep" and c.lower_ in MEMBER_WORDS]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]
