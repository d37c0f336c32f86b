"""Who a reporting word makes a source of: the agent or subject of a verb of saying (up a verb it
is joined to or completes), a speaker the parser strands after a comma, the object of "quoted" or
"cited", the names joined to a source's, and who made or obtained a record a phrase names.
`reporting.py` decides which words report; `attribution.py` names the sources.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.extract.context import REFERENCES
from materiel.extract.records import RECORDS, cites_someone
from materiel.extract.source_names import CITED_SPEAKERS, inverted_speakers

# Verbs whose object is a source too, when it names someone or a record: "Tasnim quoted Esmaili
# as saying", "the report cited Russian customs data" (not "the minister cited the war").
OBJECT_SOURCES = {"quote", "cite"}


def speakers(token: Token, lemma: str) -> list[Token]:
    """The verb's agent or subject (each of "Ukraine and several European governments"), and
    for "quoted X as saying" its object too, as for "X was quoted by Interfax as saying" its
    passive subject."""
    agents = [g for c in token.children if c.dep_ == "agent" for g in c.children]
    found = [t for t in agents or subjects(token) if t.dep_ != "nsubjpass"] or inverted_speakers(token, lemma)
    found = found or _stranded_speaker(token) or _verbless_subject(token) or _compound_subject(token)
    if lemma in OBJECT_SOURCES:
        found += [c for c in token.children if c.dep_ == "dobj" and cites_someone(c)]
        found += [c for c in token.children if c.dep_ == "nsubjpass" and cites_someone(c) and _as_saying(token)]
    return [t for head in found for t in (head, *conjuncts(head))]


# Verbs of saying after "as" that make a passive "quoted" or "cited" give its subject's words.
SAYING = {"say", "tell", "add", "write", "state"}


def _as_saying(verb: Token) -> bool:
    """ "X was quoted by Interfax as saying": the passive subject is who spoke (not "the Tagesschau
    should be cited here as a representative")."""
    return any(
        c.lower_ == "as" and any(t.lemma_.lower() in SAYING and t.tag_ == "VBG" for t in c.subtree)
        for c in verb.children
    )


# How many verbs up a subject is looked for: a verb joined to another ("Austin praised the allies
# and announced ..."), or the complement of one ("the audio appears to reveal", "Haaretz was able
# to determine") has the other verb's subject.
SUBJECT_REACH = 3


def subjects(token: Token) -> list[Token]:
    for _ in range(SUBJECT_REACH):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or token.dep_ not in ("conj", "xcomp", "acomp") or token.head.i == token.i:
            return subjects
        if token.dep_ == "conj" and not _joined_by_and(token):
            return []
        token = token.head
    return []


def _joined_by_and(verb: Token) -> bool:
    """A verb joined to the one before by a conjunction ("praised ... and announced"), not a
    clause the parser hung there ("shipped shells to Russia, an officer told Reuters")."""
    return any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children)


# Where the parser hangs the speaker of a trailing "..., X said." when it misses the subject: on
# the noun before the comma, as its apposition or conjunct ("to Russia, the Institute for the
# Study of War said": "Institute" a conjunct of "Russia").
STRANDED = {"appos", "conj", "npadvmod", "dobj", "pobj"}


def _verbless_subject(verb: Token) -> list[Token]:
    """The speaker of a sentence the parser left with no verb, hanging the verb on it as a
    participle ("The two officials condemned the transfer ...", read as "officials [who were]
    condemned"): the sentence's root noun, when it is someone cited."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.i > verb.i:
        return []
    return [head] if head.lemma_.lower() in CITED_SPEAKERS else []


def _compound_subject(verb: Token) -> list[Token]:
    """The subject of a verb of saying spelt like a plural noun, which the parser hangs on the
    verb as a compound ("Ukrainian intelligence claims that ...": "intelligence" a compound of
    "claims"); a noun "reports" or "claims" is no verb and names no one this way, nor does a verb
    of another form ("working with Lockheed Martin to determine": the parser's compound there is
    no subject)."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBZ":
        return []
    return [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")]


def _stranded_speaker(verb: Token) -> list[Token]:
    """The name between a comma and a reporting verb that has no subject of its own ("...,
    South Korea's National Intelligence Service said on Wednesday"), hung by the parser on a
    word before the comma: a name, or a speaker noun ("the press service of the ministry"); with
    a title set off by commas ("..., Kim, the deputy adviser, said"), the name before the title."""
    doc = verb.doc
    titled = verb.i > 0 and doc[verb.i - 1].text == ","
    root = _phrase_root(doc, verb.sent.start, verb.i - titled)
    if root is not None and titled and root.dep_ == "appos":
        root = root.head
    if root is None or root.dep_ not in STRANDED or root.left_edge.i == 0:
        return []
    named = root.lemma_.lower() in CITED_SPEAKERS or any(t.pos_ == "PROPN" for t in root.subtree)
    # a clause on the name is no verb of the sentence ("a spokesman who asked not to be named")
    clause = {t.i for c in root.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    clean = all(t.pos_ not in ("VERB", "AUX") for t in root.subtree if t.i not in clause)
    after_comma = doc[root.left_edge.i - 1].text == "," and root.head.i < root.left_edge.i
    return [root] if named and clean and after_comma else []


def _phrase_root(doc: Doc, start: int, end: int) -> Token | None:
    """The one word that heads the words between the last comma before `end` and `end`."""
    comma = next((i for i in range(end - 1, start - 1, -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= end:
        return None
    roots = [t for t in doc[comma + 1 : end] if not (comma < t.head.i < end)]
    return roots[0] if len(roots) == 1 else None


def conjuncts(head: Token) -> list[Token]:
    """The names joined to a source's, down the chain a list makes ("Amnesty, Human Rights Watch
    and the CAR group": each a conjunct of the one before)."""
    joined = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    return [t for c in joined for t in (c, *conjuncts(c))]


def agents_within(phrase: Token) -> list[Token]:
    """Who obtained, saw or published the document a source phrase names ("contracts obtained
    by the Black Moon group"), or made the record it names ("a report by the daily Aftonbladet",
    "an analysis of customs data by the Carnegie Endowment")."""
    return [
        g
        for t in phrase.subtree
        if t.dep_ == "agent" or (t.lower_ == "by" and t.dep_ == "prep" and t.head.lemma_.lower() in MADE_BY)
        for g in t.children
        if g.dep_ == "pobj"
    ]


# Records whose maker "by" names ("a study by SIPRI"); not "tanks built by Rheinmetall".
MADE_BY = RECORDS | REFERENCES | {"investigation", "assessment", "estimate", "review"}
