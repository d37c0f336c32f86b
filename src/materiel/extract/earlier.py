"""What "it" stands for as the subject of a verb of saying: the subject of the sentence before
("The Pentagon released its assessment on Tuesday. It said Iran had sent drones": the Pentagon;
"The institute published a study. It found that ...": the institute), when that subject is one that
speaks or reports: a name, a body, someone cited or a record."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.context import REFERENCES
from materiel.extract.records import RECORDS
from materiel.extract.source_names import CITED_SPEAKERS

# Common nouns for bodies that speak ("the ministry", "the council"), beside cited people,
# records and outlets.
BODIES = {
    "ministry",
    "government",
    "administration",
    "department",
    "agency",
    "institute",
    "council",
    "committee",
    "commission",
    "panel",
    "office",
    "service",
    "army",
    "military",
    "company",
    "firm",
    "group",
    "organisation",
    "organization",
    "watchdog",
    "court",
}


def earlier_subject(pronoun: Token) -> Token | None:
    """The subject of the sentence before, for "it" as the subject of its verb; none where that
    subject cannot speak ("The ship docked in Tartus. It said ...") or is a pronoun itself, and
    none where a subject before "it" in its own sentence is what it stands for ("Norway gave $1
    billion, and it has pledged more")."""
    if pronoun.lower_ != "it" or pronoun.dep_ != "nsubj":
        return None
    start = pronoun.sent.start
    if start == 0 or any(t.dep_ in ("nsubj", "nsubjpass") for t in pronoun.doc[start : pronoun.i]):
        return None
    before = pronoun.doc[start - 1].sent
    subjects = [c for c in before.root.children if c.dep_ == "nsubj"]
    return next((s for s in subjects if _speaks(s)), None)


def _speaks(subject: Token) -> bool:
    lemma = subject.lemma_.lower()
    if subject.pos_ == "PROPN":
        return True
    return subject.pos_ == "NOUN" and lemma in BODIES | CITED_SPEAKERS | RECORDS | REFERENCES
