"""The name a source phrase's head gives ("officials in Kyiv", "a person briefed on the talks"),
cut to the head and the few words after it that belong to it, and the person an office title alone
stands for ("the foreign secretary": the one an article named with that title before).
`attribution` makes these names sources.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from materiel.extract.context import Context, Person
from materiel.extract.source_names import CITED_SPEAKERS, appositive_person, joined, kept

# A source name longer than this many tokens is a clause, not a name: we keep its head part.
MAX_SOURCE_TOKENS = 10
# Words after a source's head that may belong to its name ("officials in Kyiv", "a spokesman
# for the ministry"); further on, a modifier is usually a clause about the source.
NAME_WINDOW = 4


# Office titles that stand for the person an article named with them before ("Foreign Secretary
# David Cameron ... the foreign secretary said").
OFFICES = {
    "secretary",
    "minister",
    "president",
    "chancellor",
    "premier",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "commander",
    "general",
    "admiral",
    "envoy",
    "chief",
}
# How much text before a person's name is read for the title that ends right before it.
TITLE_REACH = 40


def titled_person(context: Context, head: Token, name: str, at: int) -> Person | None:
    """The person last named with this office title, when the source is the title alone ("the
    foreign secretary"); a title with a name of its own ("Foreign Secretary David Cameron") or
    with nobody named before is left as it is."""
    if head.lemma_.lower() not in OFFICES:
        return None
    if any(t.ent_type_ == "PERSON" for t in head.subtree if t.i <= _name_end(head)):
        return None
    title = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE).casefold()
    bare, state = _stateless_title(context, head, at)
    text = context.article.text
    for person in reversed([p for p in context.people if p.start < at]):
        for printed in _printed_titles(text, person):
            if printed.endswith(title):
                return person
            if bare and printed.endswith(bare) and (state is None or person.actor_id in (None, state)):
                return person
    return None


# A title set off by commas right after a person's name ("Tomasz Nowak, Poland's defence minister,").
APPOSED_TITLE = re.compile(r",\s+(?P<title>[^,.;:()]{1,60})(?=[,.])")


def _printed_titles(text: str, person: Person) -> list[str]:
    """The titles printed with a person's name, folded: right before it ("Defence Minister Tomasz
    Nowak", "Poland's defence minister, Tomasz Nowak") or set off right after it ("Tomasz Nowak,
    Poland's defence minister, said")."""
    before = text[max(0, person.start - TITLE_REACH) : person.start].rstrip(" ,").casefold()
    named = text.startswith(person.name, person.start)
    after = APPOSED_TITLE.match(text, person.start + len(person.name)) if named else None
    return [before] + ([after.group("title").casefold()] if after else [])


# Words of a title that say whose office it is ("the Polish president", "Poland's defence minister",
# "the country's president"), which the title printed before the name often leaves out ("President
# Andrzej Duda"): the state's mention, its possessive mark, or a word for the country.
NATIONAL_ENTITIES = {"NORP", "GPE"}
COUNTRY_NOUNS = {"country", "nation"}


def _stateless_title(context: Context, head: Token, at: int) -> tuple[str | None, str | None]:
    """The title without the words that say whose state it is, and that state's id where a mention
    gives it ("the Polish president": "president", POL); no title when no such word is in it."""
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ != "det"]
    national = [t for t in words if t.ent_type_ in NATIONAL_ENTITIES or t.lower_ in COUNTRY_NOUNS or t.dep_ == "case"]
    if not national or head in national:
        return None, None
    paragraph = context.paragraph_at(at)
    mentions = paragraph.actors if paragraph is not None else []
    state = next((m.id for t in national for m in mentions if m.start <= t.idx < m.end), None)
    return " ".join(t.lower_ for t in words if t not in national), state


# The most words a dateline's place has ("LONDON", "NEW YORK", "RIO DE JANEIRO").
DATELINE_WORDS = 3

# What follows a source's head without being its name: another party ("and"), a clause about it,
# and after a proper name, what it is ("Oryx, a website that tracks losses"; not "the newspaper
# Die Welt", where the name is the apposition).
CLAUSES = {"conj", "cc", "acl", "relcl"}


def head_name(head: Token) -> str:
    """The source's name its head token gives: the head with the words kept around it, up to the
    name's end and without the clauses about it or a dateline before it."""
    person = appositive_person(head)
    if person:
        return person
    clauses = CLAUSES | ({"appos"} if head.pos_ == "PROPN" else set())
    cut = {t.i for c in head.children if c.dep_ in clauses and not _informed(c) for t in c.subtree}
    tokens = [t for t in head.subtree if (kept(t) or t.i == head.i) and t.i not in cut]
    tokens = [t for t in tokens if t.i <= _name_end(head)][:MAX_SOURCE_TOKENS]
    if tokens and tokens[0].i == head.i and _split_compound(head):
        tokens = [head.nbor(-1), *tokens]
    return joined(_without_dateline(tokens))


# Participles that say how an unnamed source knows, and so belong to its name ("a person briefed
# on the talks", "officials informed about the plans"); another clause is about the source.
INFORMED = {"brief", "inform"}


def _informed(clause: Token) -> bool:
    """An unnamed source's "briefed on ..." ("a person briefed on the talks"); not an office's ("the
    minister, briefed by aides", who is the person named with the title)."""
    head = clause.head.lemma_.lower()
    return (
        clause.dep_ == "acl"
        and clause.tag_ == "VBN"
        and clause.lemma_.lower() in INFORMED
        and head in CITED_SPEAKERS
        and head not in OFFICES
    )


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """A name without the wire dateline that opens its sentence with no dash: a place in capitals
    before a capitalised article ("LONDON A top US Air Force official"); an acronym that is part of
    the name is followed by no article ("NATO officials", "US Air Force")."""
    for n, token in enumerate(tokens[:DATELINE_WORDS]):
        if not (token.is_upper and token.is_alpha and token.i == token.sent.start + n):
            return tokens
        after = tokens[n + 1] if n + 1 < len(tokens) else None
        if after is not None and after.pos_ == "DET" and after.text.istitle():
            return tokens[n + 1 :]
    return tokens


# Compounds whose first word the parser reads as a verb of its own: "think tanks" ("outlets and
# think tanks have documented ..."), which left alone names the source "tanks".
SPLIT_COMPOUNDS = {"tank": "think"}


def _split_compound(head: Token) -> bool:
    before = SPLIT_COMPOUNDS.get(head.lemma_.lower())
    return before is not None and head.i > 0 and head.nbor(-1).lower_ == before


def _name_end(head: Token) -> int:
    """The last token of a source's name: the head and a few words after it ("officials in
    Kyiv"), and a name begun there runs to its end ("a study by the Council for a
    Balanced National Budget"), since a cut name is nobody's."""
    end = head.i + NAME_WINDOW
    doc = head.doc
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return _phrase_closed(head, end)


# How many words a name cut inside a phrase may run on to reach the noun it leads to.
PHRASE_REACH = 4


def _phrase_closed(head: Token, end: int) -> int:
    """A name the window cuts before the noun its last word leads to runs to that noun: a
    preposition to its object, a determiner or modifier to its noun ("people with knowledge of the
    matter", "a person with direct knowledge of the deal"), a conjunction to the name it joins
    ("groups such as Oxfam and Amnesty International"), within the source's phrase; a proper
    name's own words end where the name does ("Jan Kowal from the Greens", not on to what
    follows)."""
    if head.pos_ == "PROPN":
        return end
    limit = head.right_edge.i
    for _ in range(PHRASE_REACH):
        if end >= limit:
            break
        ahead = _leads_to(head.doc[end])
        if not ahead or not end < ahead[0] <= limit:
            break
        end = ahead[0]
    return end


def _leads_to(last: Token) -> list[int]:
    """Where the word a window ends on leads: a preposition to its object, "and" / "or" to the
    conjunct after it, another word to its head."""
    if last.dep_ == "prep":
        return [c.i for c in last.children if c.dep_ == "pobj"]
    if last.dep_ == "cc":
        return [c.i for c in last.head.children if c.dep_ == "conj" and c.i > last.i]
    return [last.head.i]
