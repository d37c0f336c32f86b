"""Readers of a party by where it stands around a transfer's words, where the parse alone names
none: the state right after a transfer verb or after a 'to', and the maker on an item bought; and
the ranges of items ("from British Challenger tanks to American Patriot systems") whose states made them
and receive nothing."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.docindex import doc_text
from materiel.extract.formerly import former_destination
from materiel.extract.lexicon import Mention
from materiel.extract.lookback import ends_before


def right_after(cue: Token, actors: list[Mention]) -> Mention | None:
    """'give Ukraine CV90 vehicles', parsed with Ukraine inside the object: a state named right
    after a transfer verb is its first object, the recipient."""
    if syntax.cue_kind(cue) != "transfer" or cue.i + 1 >= len(cue.doc):
        return None
    following = cue.doc[cue.i + 1]
    for mention in actors:
        if mention.start == following.idx and mention.kind in ("state", "alias", "seat"):
            return mention
    return None


# Kinds of name that tell where an item bought comes from: a demonym, a maker, a state's name.
ORIGIN_KINDS = ("demonym", "maker", "state", "alias")


def maker(
    sentence: SpacySpan, actors: list[Mention], items: list[Mention], buyer: Mention | None, item: Token | None = None
) -> Mention | None:
    """For a purchase with no 'from': a demonym or a maker on any item bought ('buying Russian
    arms', 'to purchase Anduril underwater drones'), or a state's name set before it as a noun
    modifier ('bought US tanks', 'received new batches of US weapons'). The one on the item itself
    comes first ("received German Gepard guns and American Bradley vehicles": the Bradleys are
    American)."""
    found = [m for m in actors if _on_bought_item(sentence, m, items, buyer)]
    own = [m for m in found if item is not None and _names_item(sentence, m, item)]
    return (own or found or [None])[0]


def _on_bought_item(sentence: SpacySpan, mention: Mention, items: list[Mention], buyer: Mention | None) -> bool:
    if mention.kind not in ORIGIN_KINDS or (buyer is not None and mention.id == buyer.id):
        return False
    root = _root(sentence, mention)
    deps = ("amod", "compound") if mention.kind in ("demonym", "maker") else ("compound",)
    # not "to repel Russian forces": an army is no item bought, nor "to deter Chinese warships":
    # the enemy's item
    return root is not None and root.dep_ in deps and names_materiel(root.head, items) and not opposed(root)


def _root(sentence: SpacySpan, mention: Mention) -> Token | None:
    token = sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return token.root if token is not None else None


def _names_item(sentence: SpacySpan, mention: Mention, item: Token) -> bool:
    """Is the name a modifier of the item's own noun (not of another item listed with it)?"""
    noun = _root(sentence, mention)
    while noun is not None and noun.dep_ in ("amod", "compound") and noun.head.i != noun.i:
        noun = noun.head
    return noun is not None and (noun.i == item.i or (item.dep_ == "compound" and noun.i == item.head.i))


# Words before a 'to' that make it no destination: a source ("according to US officials"), a
# cause ("thanks to", "due to", "owing to"), a comparison or a reply ("similar to", "in response to").
NOT_DESTINATION = re.compile(
    r"""\b(?:according|thanks|due|owing|contrary|compared|similar|addition|response)
    \s+to\s+(?:the\s+)?$""",
    re.I | re.X,
)
# The most words `NOT_DESTINATION` spans ("according to the").
NOT_DESTINATION_WORDS = 3
# A 'to' or 'for' right before a name ("sent to the", "for"), and the most words it spans.
TO_OR_FOR = re.compile(r"\b(to|for)\s+(?:the\s+)?$")
TO_OR_FOR_WORDS = 2


def after_to(cue: Token, actors: list[Mention], items: list[Mention]) -> Mention | None:
    """Fallback: the first actor right after a 'to' or 'for' that follows the cue in the sentence,
    not after a 'to' of a source, a cause or a comparison (`NOT_DESTINATION`)."""
    text = doc_text(cue.doc)
    for mention in actors:
        before = ends_before(TO_OR_FOR, text, mention.start, TO_OR_FOR_WORDS)
        if before and ends_before(NOT_DESTINATION, text, mention.start, NOT_DESTINATION_WORDS):
            continue
        token = cue.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if token is not None and history_clause(token.root, cue) is not None:
            continue  # "give Ukraine vehicles that Germany sold to Greece in the 1990s"
        if token is not None and former_destination(token.root, cue):
            continue  # "sending Ukraine helicopters once meant for Afghanistan"
        if mention.start > cue.idx and before and token is not None and own_clause(token.root, cue):
            continue  # "postponed the sale of jets, and Cairo turned to Russia": Cairo's own act
        if token is not None and visited(token.root):
            continue  # "secured the delivery of a package during his visit to Washington": a place
        if mention.start > cue.idx and before:
            ranged = before.group(1) == "to" and token is not None and ranged_maker(token.root, items)
            return None if ranged else mention
    return None


# Nouns of a journey or a posting: the state after their "to" is where someone goes or serves,
# not who receives an item ("his visit to Washington", "a trip to Kyiv", "the ambassador to Japan").
TRAVEL_NOUNS = {
    "visit", "trip", "journey", "tour", "voyage", "return", "flight", "pilgrimage",
    "ambassador", "envoy", "embassy",
}  # fmt: skip


def visited(name: Token) -> bool:
    """Is the name the object of a 'to' on a noun of `TRAVEL_NOUNS`?"""
    prep = name.head
    noun = prep.head
    return name.dep_ == "pobj" and prep.lower_ == "to" and noun.pos_ == "NOUN" and noun.lemma_.lower() in TRAVEL_NOUNS


def own_clause(token: Token, cue: Token) -> bool:
    """Is the token inside a conjoined or adverbial clause, not an infinitive, with a subject of its
    own that does not hold the cue ("Paris postponed the sale of the jets, and / as Cairo turned to Russia": Russia is
    Cairo's)?"""
    for verb in token.ancestors:
        subject = any(c.dep_ in treenames.SUBJECTS for c in verb.children)
        if verb.dep_ in ("conj", "advcl") and verb.pos_ in ("VERB", "AUX") and subject and not _infinitive(verb):
            if _items_again(verb, cue):
                return False
            return not any(t.i == cue.i for t in verb.subtree)
    return False


def _items_again(verb: Token, cue: Token) -> bool:
    """The clause's subject is the cue's items again ("..., and they went to Ukraine", "and the tanks went")."""
    subjects = [c for c in verb.children if c.dep_ in treenames.SUBJECTS]
    objects = {c.lemma_.lower() for c in cue.children if c.dep_ in ("dobj", "nsubjpass")}
    return any(s.lower_ in ("they", "these", "those") or s.lemma_.lower() in objects for s in subjects)


def _infinitive(verb: Token) -> bool:
    """'for Ukraine to mount its offensive': the subject of an infinitive is the purpose's, and a
    'to' before it may still name where the item goes."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Clauses on a noun that tell something of it apart from the main verb: "jets that were delivered
# to France", "vehicles, which Germany sold to Greece"; not a participle ("tanks bound for Kyiv",
# "shells destined for Ukraine"), which names where the item goes.
NOUN_CLAUSES = {"relcl"}
# Tags of a verb told in the past: a simple past ("sold") or a participle ("were delivered").
PAST_TAGS = {"VBD", "VBN"}
# Verbs of a promise: a clause promising the item "to" someone tells the transfer still owed, the
# cue's own ("had not delivered the tanks it had promised to Ukraine"), not where the item was.
PROMISES = {"promise", "pledge", "offer", "commit"}
# Subjects that point back to a party the sentence named: "the tanks it had sold to Ukraine" is
# that party's own transfer, not another holder's history.
BACK_POINTING = {"it", "they", "we", "he", "she"}


def history_clause(token: Token, cue: Token) -> Token | None:
    """The verb of a relative clause that tells an earlier transfer of a noun, holding the token but
    not the cue: the item's history ("Greece will give Ukraine vehicles that Germany sold to Greece
    in the 1990s"), whose 'to' names a past holder, not where the cue sends it. A clause in the
    future ("tanks that will go to Ukraine"), of another kind ("the howitzers that Kyiv requested
    to ..."), or one the cue stands in tells of the cue's own transfer."""
    for above in (token, *token.ancestors):
        if above.i == cue.i:
            return None
        if earlier_transfer(above) and cue not in above.subtree and not _own_transfer(above):
            return above
    return None


def earlier_transfer(verb: Token) -> bool:
    """A clause on a noun whose verb moved it in the past ("vehicles that Germany sold to Greece",
    "jets that were delivered to the French air force"): it may tell the item's history, read for
    the recipient (`history_clause`) and for the supplier (`rolesuppliers._former_holder`)."""
    return verb.tag_ in PAST_TAGS and syntax.cue_kind(verb) == "transfer" and _noun_clause(verb)


def _own_transfer(verb: Token) -> bool:
    """A clause promising the item, or one whose subject points back to a party named before."""
    subjects = [c.lower_ for c in verb.children if c.dep_ == "nsubj"]
    return verb.lemma_.lower() in PROMISES or any(s in BACK_POINTING for s in subjects)


# Relative pronouns that stand as an argument of their clause's verb ("jets that Moscow sold").
RELATIVES = {"that", "which", "whom"}
# The arguments such a pronoun stands as; a "that" opening a reported clause is its mark instead.
RELATIVE_ROLES = {"dobj", "nsubj", "nsubjpass"}


def _noun_clause(verb: Token) -> bool:
    """A relative clause, also one the parser hangs on the verb as its complement ("hand Ukraine
    jets that Moscow delivered to Prague", read with "that" as the object of "delivered")."""
    if verb.dep_ in NOUN_CLAUSES:
        return True
    return verb.dep_ == "ccomp" and any(c.lower_ in RELATIVES and c.dep_ in RELATIVE_ROLES for c in verb.children)


# Nouns for one piece of an item, named after it ("Patriot missile systems", "HIMARS launchers").
PIECES = {"system", "launcher", "battery", "unit"}


def range_end(noun: Token, items: list[Mention]) -> bool:
    """'from British Challenger tanks to American Patriot systems': an item after 'to', with an item after
    a 'from' beside it, ends a range of items; the state on it made that item and receives nothing
    ("missiles to Ukraine's air defences" names the owner, the recipient). A later item listed with
    it ("to American Abrams tanks and British Challenger tanks") ends the range as well."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "to" or not names_materiel(noun, items):
        return False
    return any(names_materiel(t, items) for t in _range_starts(prep))


def _range_starts(prep: Token) -> list[Token]:
    """The objects of the 'from' a range's 'to' pairs with: the 'to' hangs on the item after the
    'from', on the 'from' itself ("ranges from Dutch howitzers to ..."), on the verb, or beside a
    'from' on the verb's object ("pledged everything from Leopard tanks to ...")."""
    head = prep.head
    if head.dep_ == "pobj" and head.head.lower_ == "from":
        return [head]
    if head.lower_ == "from":
        return [c for c in head.children if c.dep_ == "pobj"]
    holders = [head, *treenames.direct_objects(head)]
    return [t for h in holders for t in treenames.prep_objects(h, {"from"})]


def ranged_maker(name: Token, items: list[Mention]) -> bool:
    """Is the name ('U.S.', 'American') on an item that ends a range of items (`range_end`)?"""
    noun = name
    while noun.dep_ in ("compound", "amod") and noun.head.i != noun.i:
        noun = noun.head
    return noun.i != name.i and range_end(noun, items)


def names_materiel(noun: Token, items: list[Mention]) -> bool:
    """Is the noun an item ('Patriot missile systems', 'tanks'), by the item mentions of its
    paragraph?"""
    heads = [noun] + ([c for c in noun.children if c.dep_ == "compound"] if noun.lemma_.lower() in PIECES else [])
    return any(m.start <= h.idx < m.end for m in items for h in heads)


# Verbs whose object is the enemy the item is for: "bought missiles to deter Chinese forces",
# "needs the arms to fend off Turkish troops". Not "defend" or "protect", whose object is the one
# helped ("sent jets to defend Taiwan").
# Verbs that also take a transfer ("halted Ukraine's arms shipments", "held up the aid") are left out.
OPPOSING = {
    "deter", "fight", "resist", "confront", "counter", "defeat", "repel", "repulse", "attack", "destroy",
    "fend", "beat",
}  # fmt: skip
# Words by which a name stands in the noun it modifies ("Chinese forces", "Russia's army").
NAME_IN_NOUN = {"amod", "compound", "poss"}


def opposed(root: Token) -> bool:
    """Is the name on the enemy an item is for: on the object of a verb of `OPPOSING` ("to deter
    Chinese forces") or after 'against' ("for use against Russian ships")? A state that is itself
    that object ("to counter Russia") is left alone: on the check set that cost a true transfer."""
    noun = root
    while noun.dep_ in NAME_IN_NOUN and noun.head.i != noun.i:
        noun = noun.head
    if noun.i == root.i:
        return False
    noun = treenames.first_conjunct(noun) or noun
    head = noun.head
    if noun.dep_ == "pobj":
        return head.lower_ == "against"
    return (
        noun.dep_ == "dobj"
        and head.pos_ == "VERB"
        and head.lemma_.lower() in OPPOSING
        and syntax.cue_kind(noun) is None  # not "to counter Ukraine's arms requests"
    )
