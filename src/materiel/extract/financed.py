"""Funding told by a verb of paying: "the EU is financing Ukraine's purchases of artillery shells",
"Denmark funds the production of Ukrainian howitzers", "Qatar bankrolled arms purchases for the
rebels", "Japan pledged $500 million to fund Ukraine's air defence", "Riyadh paid for Pakistan's
jets". The payer (the verb's subject, or the subject of the verb whose purpose it is) supplies
funding (GUIDE: money earmarked for military aid); the one whose purchase, production or weapons
are paid for receives it: the owner, the party 'for' or 'to' names, else the maker of what is
produced. What is paid for must hold a military item: "financing the repair of Ukraine's power
grid" moves none.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.context import Paragraph
from materiel.extract.lexicon import Mention
from materiel.extract.roles import Roles
from materiel.extract.syntax import FINANCING

# The category of what a verb of paying moves (FORMAT.md).
FUNDING = "funding"
# Dependencies by which a verb of paying is the purpose of another ("pledged $500 million to fund",
# "agreed to finance"): the other verb's subject pays.
PURPOSE_DEPS = {"xcomp", "advcl"}
# Dependencies by which an infinitive of paying modifies the money it spends ("400 million euros to
# pay for"; the parser gives either): the subject of the verb whose object the money is pays.
NOUN_CLAUSE_DEPS = {"relcl", "acl"}
# Nouns of making: the party that makes what is paid for is paid ("funding the production of
# Ukrainian howitzers": Ukraine), where no owner or 'for' names another.
PRODUCTION = {"production", "manufacture", "manufacturing", "output", "assembly"}
# Prepositions of the one a purchase or its items are for ("arms purchases for the rebels").
FOR_PREPS = {"for", "to"}


def financing_mentions(paragraph: Paragraph, sentence: SpacySpan) -> list[Mention]:
    """Funding mentions on the sentence's verbs of paying that pay one named party for another's
    military items, where the lexicon named none on the verb ("Qatar bankrolled arms purchases for
    the rebels", "Riyadh paid for Pakistan's jets"); a verb that names no payee adds no item for
    other readings to pair ("the Thai government paid an instalment on the submarines")."""
    named = {m.start for m in paragraph.items}
    return [
        Mention(FUNDING, FUNDING, verb.text, verb.idx, verb.idx + len(verb.text), "item")
        for verb in sentence
        if verb.idx not in named and financed_roles(verb, paragraph.actors, paragraph.items) is not None
    ]


def financed_roles(verb: Token | None, actors: list[Mention], items: list[Mention]) -> Roles | None:
    """Payer and payee of funding a verb of paying tells, or None (not such a verb, nothing
    military paid for, or a side unnamed); a party that pays for its own is passed over ("Berlin
    funds Rheinmetall's production of shells for Kyiv": Kyiv)."""
    if verb is None or not _pays_for_arms(verb, items):
        return None
    paid = _paid_for(verb)
    supplier = treenames.mention_in(_payers(verb), actors)
    if supplier is None or paid is None:
        return None
    payees = (treenames.mention_in([t], actors) for t in _payees(paid))
    recipient = next((m for m in payees if m is not None and m.id != supplier.id), None)
    return Roles(supplier, recipient) if recipient is not None else None


def _pays_for_arms(verb: Token, items: list[Mention]) -> bool:
    """Is the token a verb of paying whose object holds a military item (not funding itself)?"""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in FINANCING:
        return False
    paid = _paid_for(verb)
    if paid is None:
        return False
    start, end = paid.left_edge.idx, paid.right_edge.idx + len(paid.right_edge.text)
    return any(start <= m.start < end and m.id != FUNDING for m in items)


def _paid_for(verb: Token) -> Token | None:
    """What the verb pays for: its object ("finances purchases"), or what 'for' names ("paid for")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] or treenames.prep_objects(verb, {"for"})
    return objects[0] if objects else None


def _payers(verb: Token) -> list[Token]:
    """The verb's subject, else, for a verb of purpose ("pledged $500 million to fund"), its head's,
    else, for an infinitive on the money it spends ("pledged 400 million euros to pay for"), the
    subject of the verb that gives the money."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in PURPOSE_DEPS:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects and _infinitive_on_noun(verb):
        subjects = [c for c in verb.head.head.children if c.dep_ == "nsubj"]
    return subjects


def _infinitive_on_noun(verb: Token) -> bool:
    """Is the verb a 'to' infinitive that modifies the object of another verb ("euros to pay for")?"""
    marked = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return marked and verb.dep_ in NOUN_CLAUSE_DEPS and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB"


def _payees(paid: Token) -> list[Token]:
    """Who may receive, by rank: owners in what is paid for ("Ukraine's purchases"), the parties
    'for' or 'to' name, then the modifiers of what a noun of making makes ("of Ukrainian howitzers")."""
    nouns = list(paid.subtree)
    owners = [t for t in nouns if t.dep_ == "poss"]
    named = [o for t in nouns for o in treenames.prep_objects(t, FOR_PREPS)]
    makers = [t for t in nouns if t.dep_ == "amod"] if paid.lemma_.lower() in PRODUCTION else []
    return owners + named + makers
