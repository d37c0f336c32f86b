"""Documents and who issued them: "the statement read" speaks for whoever made the statement.

A document noun ("statement", "report", "press release") that the article ties to its issuer
("the ministry said in a statement", "a statement from the ministry", "ISW's assessment",
"a commentary in the Global Times") speaks as its issuer: the quotation is the ministry's. A
definite document noun with no issuer of its own ("the statement said") is the last document
named before it, within a few sentences, when that one's issuer is known, and is named with both:
"statement by ministry", since an article that leaves the issuer out of the sentence cites the
document by its name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from materiel.extract.abbreviations import with_short
from materiel.extract.lexicon import find_actors
from materiel.extract.mentions import Mention

# Nouns of documents an institution or a person issues, and that speak for them.
DOCUMENTS = {
    "statement",
    "report",
    "readout",
    "communique",
    "release",  # "a press release"
    "assessment",
    "document",
    "announcement",
    "commentary",
    "memo",
    "editorial",
    "tweet",  # a post on X or Twitter: "the ministry said in a tweet"
    "resolution",  # "the resolution adopted by the assembly calls on"
}
# A definite document noun stands for a document named at most this many sentences before it.
DOCUMENT_SENTENCES = 4
# A verb of saying or issuing, in the forms that tie a subject to the document it issued.
ISSUED = r"""(?:said|says|stated|states|wrote|writes|announced|added|warned|claimed|reported|noted
    |declared|confirmed|insisted|argued|explained|responded|concluded|assessed|assesses|alleged)"""
# The text between an issuer and its document, the issuer first.
ISSUER_BEFORE = re.compile(
    r"""^(?:['’]s\s+(?:[\w.,-]+\s+){0,4}                     # its own document ("ISW’s Nov. 12 campaign assessment")
       |\)?(?:\s*\([A-Z][A-Za-z]{1,9}\))?                   # the bracket it stands in, or its abbreviation after it
        (?:\s*,[^,.;:“”"«»]{1,100},)?                        # an apposition between commas
        (?:\s+(?:spokes(?:person|man|woman)|press\s+office))?  # who speaks for it ("the ministry spokesperson said in")
        \s*(?:(?:has|had|have|also|later|then|earlier|\w+ly)\s+)*   # auxiliaries and adverbs
        (?:"""
    + ISSUED
    + r"""(?:\s+[\w.]+){0,3}?\s*,?\s+)?                         # its verb, a few words ("said on Monday")
        (?:in|via|through)\s+                                # "in a statement"
       |\s+(?:has\s+|had\s+)?(?:issued|released|published|put\s+out|posted)\s+   # "X issued a statement"
       )$""",
    re.VERBOSE,
)
# The text between a document and its issuer, the document first: "a statement from the ministry",
# "a press note from the Navy's 5th Fleet", "an editorial in the state-owned Daily Herald".
ISSUER_AFTER = re.compile(
    r"""^\s+(?:(?:issued|released|published|signed|adopted|put\s+out)\s+   # "a statement issued by"
        (?:(?:on|in|last|late|early|this)\s+\w+\s+)?)?                 # its date ("published on Monday by")
        (?:from|by|of|in)\s+                                          # the preposition before the issuer
        (?:the\s+)?(?:[a-z]+-[a-z]+\s+)?$                             # a determiner, a modifier ("state-run")
    """,
    re.VERBOSE,
)
# "In a statement, the ministry said": the issuer right after the document's phrase.
IN_DOCUMENT = re.compile(r"\b[Ii]n\s+$")
ISSUER_AFTER_PHRASE = re.compile(r"^(?:\s+\w+){0,3},\s+(?:the\s+)?$")  # "In a statement on Monday, the ministry said"
POSSESSIVE = re.compile(r"['’]s\s")
# An issuer after "and" is one of several ("Austin, Blinken and Kamikawa said in a joint
# statement"): the document is theirs, named by no one of them.
COORDINATED = re.compile(r"\band\s+(?:[A-Za-z.-]+\s+){0,3}$")
SPEAKERS = ("person", "single", "org", "outlet", "role_org", "role", "pronoun")


def name_issuers(mentions: list[Mention], masked: str, text: str) -> list[Mention]:
    """The mentions, each document noun whose issuer is found named with that issuer."""
    out: list[Mention] = []
    issued: dict[int, Mention] = {}  # document mention's start: its issuer
    for index, mention in enumerate(mentions):
        if not _is_document(mention):
            out.append(mention)
            continue
        local = _local_issuer(index, mentions, masked) or _modifier_issuer(mention)
        issuer = local or _earlier_issuer(mention, mentions[:index], issued)
        if issuer is None:
            out.append(mention)
            continue
        issued[mention.start] = issuer
        name = with_short(issuer.name or issuer.text, text)
        if local is None:
            name = f"{_kind_of_document(mention)} by {name}"  # "the statement read": cited by its name
        out.append(replace(mention, name=name, actor_id=issuer.actor_id))
    return out


def _is_document(mention: Mention) -> bool:
    return mention.kind == "role_org" and _noun(mention) in DOCUMENTS


def _noun(mention: Mention) -> str:
    return mention.text.split()[-1].lower()


# Words that make one kind of document with the noun after them ("press release", "joint statement").
COMPOUNDS = {"press", "joint", "news"}


def _kind_of_document(mention: Mention) -> str:
    words = mention.text.lower().split()
    return " ".join(words[-2:]) if len(words) > 1 and words[-2] in COMPOUNDS else words[-1]


def _local_issuer(index: int, mentions: list[Mention], masked: str) -> Mention | None:
    """The issuer the document's own sentence names beside it."""
    document = mentions[index]
    same = [m for m in mentions if m.sentence == document.sentence and _can_issue(m)]
    before = [m for m in same if m.end <= document.start]
    for mention in reversed(before):
        if ISSUER_BEFORE.match(masked[mention.end : document.start]):
            return None if COORDINATED.search(masked[max(0, mention.start - 60) : mention.start]) else mention
    after = [m for m in same if m.start >= document.end]
    for position, mention in enumerate(after):
        between = masked[document.end : mention.start]
        phrase = IN_DOCUMENT.search(masked[max(0, document.start - 4) : document.start]) and ISSUER_AFTER_PHRASE.match(
            between
        )
        if ISSUER_AFTER.match(between) or phrase:
            return _owned(mention, after[position + 1 :], masked)
        break
    return None


# Kinds of lexicon name that issue a document they stand before ("a confidential UN report", "a
# Pentagon report", "a Kremlin readout"); a demonym does not ("a Russian report": whose is unsaid).
MODIFIER_ISSUERS = ("org", "seat", "alias", "state")


def _modifier_issuer(document: Mention) -> Mention | None:
    """The institution named inside the document's own phrase, before its noun ("a confidential UN
    report": the UN's): the last lexicon actor there."""
    head = document.text.rsplit(" ", 1)[0] if " " in document.text else ""
    actors = [a for a in find_actors(head) if a.kind in MODIFIER_ISSUERS]
    if not actors:
        return None
    actor = actors[-1]
    start = document.start + actor.start
    return Mention(
        start, start + len(actor.text), actor.text, "org", document.sentence, name=actor.text, actor_id=actor.id
    )


def _owned(mention: Mention, rest: list[Mention], masked: str) -> Mention:
    """The institution a possessive owner has, where the issuer is written "the US Navy’s 3rd Fleet"."""
    if rest and POSSESSIVE.match(masked, mention.end) and not masked[mention.end + 3 : rest[0].start].strip():
        return rest[0]
    return mention


def _can_issue(mention: Mention) -> bool:
    if mention.kind not in SPEAKERS or _is_document(mention):
        return False
    return mention.kind != "pronoun" or (bool(mention.name) and mention.rank == 0)


def _earlier_issuer(document: Mention, earlier: list[Mention], issued: dict[int, Mention]) -> Mention | None:
    """A definite document noun ("the statement") as the last document named before it."""
    if document.text.split()[0].lower() in ("a", "an", "another", "one"):
        return None
    documents = [m for m in earlier if _is_document(m) and document.sentence - m.sentence <= DOCUMENT_SENTENCES]
    if not documents:
        return None
    return issued.get(documents[-1].start)
