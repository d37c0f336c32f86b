"""Where the parse names a party: the objects of prepositions and verbs, the first noun of a list,
the actor mention on a token or its modifiers (not behind prepositions, nor a rival's or an area's
possessor), and a listed name that opens a clause of its own."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract.lexicon import Mention

# Dependencies of a subject.
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


def prep_objects(token: Token, preps: set[str]) -> list[Token]:
    """Objects of the given prepositions hanging from a token ("to Ukraine", "from Germany")."""
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "dative") and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def first_conjunct(token: Token | None) -> Token | None:
    """'engage aircraft and missiles': the list's first noun, which holds the list's role."""
    while token is not None and token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def direct_objects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("dobj", "dative", "iobj")]


# Dependencies that stay inside a name or its modifiers ("the South Korean government",
# "Germany's defence ministry"), unlike prepositions that lead elsewhere ("talks between X and Y").
SHALLOW = {"compound", "amod", "poss", "det", "appos", "nmod", "flat", "case", "punct", "npadvmod", "nummod"}


def mention_in(tokens: list[Token], mentions: list[Mention]) -> Mention | None:
    """The actor mention on the first token, or on its modifiers (not behind prepositions)."""
    for token in tokens:
        near = _shallow(token)
        inside = [m for m in mentions if any(m.start <= t.idx < m.end for t in near)]
        if inside:
            return min(inside, key=lambda m: abs(m.start - token.idx))
    return None


# Nouns that name a party by its relation to the possessor ("Russia's adversary", "Iran's
# proxies"): the possessor is another party, so the search for an actor does not follow it.
RELATIONAL = {
    "adversary", "enemy", "foe", "rival", "opponent",  # the other side
    "ally", "partner", "backer", "supporter", "proxy", "client", "neighbour", "neighbor",  # the same side
}  # fmt: skip
# Nouns for a stretch of space round the possessor ("sent 30 warplanes into Taiwan's air defence
# zone", "ships in Japan's waters"): what goes there is deployed near that state, not handed to it.
# Its border is left out: materiel is handed over at one ("delivered to Ukraine's border").
AREAS = {
    "zone", "airspace", "water", "waters", "sky", "skies",  # air and sea round a state (lemma "water")
    "strait", "coast", "coastline",  # the sea at its edge
}  # fmt: skip


def owns_area(token: Token) -> bool:
    """Does the name own a stretch of space round it ("Taiwan's air defence zone")?"""
    return token.dep_ == "poss" and token.head.lemma_.lower() in AREAS


def _shallow(token: Token) -> list[Token]:
    out, stack = [token], [token]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "poss" and node.lemma_.lower() in RELATIONAL | AREAS:
                continue
            listed = child.dep_ == "conj" and child.head.i == token.i and not subject_of_next_clause(child)
            if child.dep_ in SHALLOW or listed:
                out.append(child)
                stack.append(child)
    return out


# Tags of a finite verb: one that opens a clause of its own after a name ("and Germany sent").
FINITE = {"VBD", "VBZ", "VBP"}
# How the parse hangs such a clause on the first verb: conjoined, or read as an adverbial clause.
STRANDING = {"conj", "advcl"}


# Tags of a word that, right after a listed name, makes the name the subject of a clause of its own
# whatever the parse hung that word on: a finite verb or a modal ("and the Houthis fired", "and the
# UAE is buying", "and Armenia will sign").
CLAUSE_OPENERS = FINITE | {"MD"}


def clause_opener(verb: Token) -> Token | None:
    """The first word of a verb hung on an earlier verb as a conjunct or adverbial clause with no
    subject of its own, when that word is finite (the verb, or its first auxiliary: "and Germany
    sent", "and Germany is selling", "and Norway will send"): the word right before it is the
    verb's subject, parsed as a conjunct."""
    if verb.dep_ not in STRANDING or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    opener = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb)
    return opener if opener.tag_ in CLAUSE_OPENERS and opener.i > 0 else None


def subject_of_next_clause(noun: Token) -> bool:
    """Is the noun, parsed as a conjunct of an earlier one, the subject of the clause right after it
    ("to many governments and its Wagner group is active in Mali": the group is active, no second
    receiver)? Not when its list is that verb's subject ("Germany and France sent tanks")."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is None or noun.dep_ != "conj" or noun.head.i > noun.i or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if following.tag_ not in CLAUSE_OPENERS:
        return False
    first = first_conjunct(noun)
    verbs = (following, following.head)
    return not any(first.head.i == v.i and first.dep_ in SUBJECTS for v in verbs)


def clause_break(sentence: SpacySpan, low: int, high: int) -> bool:
    """Does a listed name that opens a clause of its own (`subject_of_next_clause`) stand between
    the tokens at `low` and `high`? A cue before it governs no item after it ("Iran sent drones to
    Russia and the Houthis fired missiles": the missiles are the Houthis'). Only the sentence's
    tokens between the two are looked at (walking the whole sentence for each pair was a
    twentieth of the extraction's time)."""
    doc = sentence.doc
    return any(subject_of_next_clause(doc[i]) for i in range(max(low + 1, sentence.start), min(high, sentence.end)))
