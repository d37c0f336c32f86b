"""The stage told of a deal: a later sentence about "the deal", "the sale", "the contract" that
points back to a transfer ("France agreed to sell two ships to Russia. Paris later suspended the
contract.") gives that transfer the stage it tells, by GUIDE.md's order; a hold or an end of a
deal already committed ends that commitment ("postponed: suspended, on hold"; "cancelled: withdrawn
after a commitment, blocked for good"), until a later sentence about the transfer renews it.

The deal noun must point back (a definite or demonstrative determiner, no owner nor count, no
modifier of another trade: "the gas deal"), be the main verb's subject or object ("The deal was
frozen", "Congress vetoed the sale"), and tell a stage by that verb, not negated ("The deal was
not suspended") nor in a condition, a modal or a question. The deal is the nearest transfer's pair
within a few sentences before (one pair only in that sentence, no other party named between), and
the deal's own words and the verb's subject or agent name no party but that pair's ("the deal
with Iran was frozen", "The deal was suspended by Russia").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Transfer
from materiel.extract import syntax
from materiel.extract.context import Context, Paragraph, stage_reading
from materiel.extract.laterlinks import LOOK_AHEAD_SENTENCES
from materiel.extract.laterstage import REPORTING, further
from materiel.extract.restage import restage, told_at
from materiel.extract.syntax import cues

# Nouns of a deal as a whole, whose stage is its transfers' stage.
DEAL_NOUNS = {"sale", "deal", "contract", "package", "order", "purchase", "agreement"}
# Determiners that point a deal noun back to the deal told before: "the deal", "this sale".
POINTING = {"the", "this", "that", "these", "those"}
# Nouns that modify a deal noun and keep it a deal of arms ("the arms deal", "the defence contract");
# any other common noun names another trade ("the gas deal", "the grain agreement").
ARMS_WORDS = {"arms", "arm", "weapon", "weapons", "defense", "defence", "military", "aid", "security", "export"}
# Adjectives of a deal of another trade: "the nuclear deal", "the economic agreement".
OTHER_TRADES = {"nuclear", "economic", "commercial", "civil", "civilian", "trade", "energy", "financial", "free",
                "agricultural", "gas", "oil", "grain", "investment", "fishing", "maritime", "migration"}  # fmt: skip
# Verbs that close a deal, which commits it ("The deal was ratified", "The purchase was finalised").
CLOSING = {"ratify", "complete", "finalize", "finalise", "conclude", "seal", "ink", "sign", "approve"}
# Verbs of a deal that failed, which withdraws it ("The deal collapsed in 2015").
FAILING = {"collapse", "founder", "unravel"}
# Verbs of deciding whose complement is done as decided ("Paris decided to suspend the contract",
# "The Senate voted to block the sale"); not wishing or trying ("tried to block the sale").
DECIDING = {"decide", "vote", "move", "choose", "opt", "resolve", "elect"}
# Verbs of a state whose complement tells the deal's stage ("The deal is on hold", "remains frozen").
STATES = {"be", "remain", "stay"}
# Stages that hold or end a deal; a commitment under them is held ("postponed") or withdrawn.
HELD = "postponed"
ENDED = {"refused", "cancelled"}
WITHDRAWN = "cancelled"
# Prepositions whose object tells what a deal is about ("the contract for fuel", "the agreement on
# the pipeline"); its parties ("with", "between") and times are read elsewhere.
ABOUT = {"for", "on", "over", "about", "regarding", "concerning", "covering", "to"}
# Nouns of an accord of any kind: one not pointing back to this deal in a sentence between is
# another deal the later sentence may tell of ("the grain initiative stalled. The agreement ...").
ACCORDS = DEAL_NOUNS | {"initiative", "accord", "treaty", "pact", "arrangement", "scheme", "memorandum", "truce",
                        "ceasefire", "talks", "negotiation", "negotiations"}  # fmt: skip
# Adverbs that all but deny their verb ("The sale was hardly delayed").
DENYING = {"hardly", "barely", "scarcely"}
# Verbs that undo a hold or an end told with them ("was suspended, then restored").
RENEWING = {"renew", "restore", "resume", "reinstate", "revive", "reopen", "unfreeze", "reverse", "lift", "overturn"}
# The kind of a generic word of arms ("the weapons"), which names no one item of a deal.
ANY_KIND = "unspecified"
Sentences = list[tuple[Paragraph, SpacySpan]]


def advance_by_deals(context: Context, transfers: list[Transfer]) -> None:
    """Give the transfers of a deal a later sentence speaks of the stage it tells (module docstring)."""
    sentences = [(p, s) for p in stage_reading(context) for s in p.doc.sents]
    for index, (paragraph, sentence) in enumerate(sentences):
        found = _deal_stage(sentence)
        if found is None or _holds_evidence(sentences[index], transfers):
            continue
        noun, told = found
        if _about_else(paragraph, noun):
            continue
        kinds = _items_in(paragraph, [t for c in noun.children if c.dep_ != "det" for t in c.subtree]) - {ANY_KIND}
        deal = _deal_before(sentences, index, [t for t in transfers if not kinds or t.item.category in kinds])
        if not deal or not _only_its_sides(paragraph, noun, deal[0]):
            continue
        end = paragraph.offset + sentence.end_char
        for transfer in deal:
            if not any(e.start >= end for e in transfer.evidence):
                restage(transfer, _staged(transfer.status, told), "deal", told_at(paragraph.offset, sentence))


def _staged(current: str, told: str) -> str:
    """A hold or end of a committed deal holds or withdraws it; other stages only go further."""
    if current == "pledged" and told == HELD:
        return HELD
    if current == "pledged" and told in ENDED:
        return WITHDRAWN
    return further(current, told)


def _deal_stage(sentence: SpacySpan) -> tuple[Token, str] | None:
    """The pointing-back deal noun that is the main verb's subject or object, and the stage the
    verb tells of it ("The contract was cancelled": cancelled; "The deal was ratified": pledged);
    a deal the verb takes through a preposition tells only a hold or an end ("reneged on the
    deal"; not "kept to the deal", "continued with the deal")."""
    root = _decided_verb(_main_verb(sentence))
    nouns = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    linked = _phrase_objects(root)
    noun = next((n for n in nouns + linked if n.lemma_.lower() in DEAL_NOUNS and _this_deal(n)), None)
    if noun is None or _open(root) or _renewed(root):
        return None
    told = _verb_stage(root)
    if noun in linked and (told not in (*ENDED, HELD) or not _phrasal(root)):
        return None
    return (noun, told) if told is not None else None


# Words of a phrasal verb that a deal noun may hang from through a preposition: "backed out of the
# deal" (the parser's "out" a preposition), "walked away from the deal" ("away" an adverb).
PHRASE_LINKS = {"prep", "prt", "advmod"}


def _phrase_objects(verb: Token) -> list[Token]:
    """The objects of the verb's prepositions, or of those of its particle: "Paris reneged on the
    deal", "pulled the plug on the sale", "backed out of the contract", "walked away from the deal"."""
    links = [c for c in verb.children if c.dep_ in PHRASE_LINKS]
    preps = [p for c in links for p in (c, *c.children) if p.dep_ == "prep"]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


# Verbs that take a deal through a preposition with no particle: "reneged on the deal".
PREPOSITIONAL = {"renege"}


def _phrasal(verb: Token) -> bool:
    """A verb whose particle makes the phrase that stages the deal ("backed out of", "held off on",
    "pulled the plug on"), or one that takes it by a preposition alone ("reneged on"); not a verb
    whose own stage a preposition does not carry ("held firm on the deal", "held fast to it")."""
    lemma = verb.lemma_.lower()
    phrasal = cues().phrasal
    return lemma in PREPOSITIONAL or any(
        c.dep_ in syntax.PARTICLES and f"{lemma} {c.lower_}" in phrasal for c in verb.children
    )


def _verb_stage(verb: Token) -> str | None:
    """The stage a verb tells of the deal it takes: a word of stage ("suspended", "vetoed",
    "announced"), of closing ("ratified") or failing ("collapsed"), or a state ("is on hold",
    "remains frozen"); not a transfer verb's ("The deal includes spare parts")."""
    lemma = verb.lemma_.lower()
    if lemma in CLOSING and verb.tag_ in ("VBN", "VBD"):
        return "pledged"
    if lemma in FAILING:
        return WITHDRAWN
    told = syntax.stage_word(verb)
    if told is None and lemma in STATES:
        told = next(filter(None, (_state_stage(c) for c in verb.children)), None)
    return told


def _state_stage(word: Token) -> str | None:
    """The stage of a state a deal is in: "frozen" (of "remains frozen"), "on hold"."""
    if word.dep_ == "acomp":
        return syntax.stage_word(word)
    held = word.dep_ == "prep" and word.lower_ == "on"
    return HELD if held and any(c.lemma_.lower() == "hold" for c in word.children) else None


def _main_verb(sentence: SpacySpan) -> Token:
    """The sentence's main verb, or the one a verb of telling reports ("The sale was delayed,
    officials said": delayed)."""
    root = sentence.root
    told = next((c for c in root.children if c.dep_ == "ccomp"), None)
    return told if told is not None and root.lemma_.lower() in REPORTING else root


def _decided_verb(verb: Token) -> Token:
    """The verb a verb of deciding takes ("Paris decided to suspend the contract": suspend), when
    the deciding is told as done; the verb itself otherwise ("tried to block" is no block)."""
    done = verb.lemma_.lower() in DECIDING and verb.tag_ in ("VBD", "VBN") and not _open(verb)
    decided = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    return decided if done and decided is not None else verb


def _open(root: Token) -> bool:
    """A negated ("not", "no longer", "hardly"), modal, conditional or asked verb tells no stage
    ("was not suspended", "could be frozen", "if the deal is cancelled", "Will the deal be
    suspended?")."""
    if any(c.dep_ == "neg" or c.tag_ == "MD" or c.lower_ in DENYING for c in root.children):
        return True
    if any(c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children) for c in root.children):
        return True
    return syntax.hypothetical(root) or root.sent.text.rstrip().endswith("?")


def _this_deal(noun: Token) -> bool:
    """'the deal', 'this sale', 'the arms sale', 'the F-35 deal': not 'a deal', 'Russia's deal',
    'a deal of 2019', 'the gas deal', 'the nuclear agreement'."""
    if any(c.dep_ in ("nummod", "poss") or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children):
        return False
    if not any(c.dep_ == "det" and c.lower_ in POINTING for c in noun.children):
        return False
    return all(_arms_modifier(c) for c in noun.children if c.dep_ in ("compound", "amod"))


def _about_else(paragraph: Paragraph, noun: Token) -> bool:
    """Has the deal noun a complement telling what it is about that names no arms ("The order to
    retreat", "the agreement on the pipeline", "the contract for fuel"; not "the contract for the
    jets", "the agreement to supply weapons")?"""
    for word in noun.children:
        infinitive = word.dep_ in ("acl", "relcl") and word.tag_ == "VB"
        if infinitive or (word.dep_ == "prep" and word.lower_ in ABOUT):
            words = list(word.subtree)
            if not any(t.lower_ in ARMS_WORDS for t in words) and not _items_in(paragraph, words):
                return True
    return False


def _items_in(paragraph: Paragraph, words: list[Token]) -> set[str]:
    """The categories of the lexicon's items among the words ("the jets": aircraft)."""
    spans = [(t.idx, t.idx + len(t)) for t in words]
    return {m.name for m in paragraph.items if any(s <= m.start < e for s, e in spans)}


def _renewed(root: Token) -> bool:
    """Is the hold or end undone by a verb joined to it ("was suspended, then restored")?"""
    return any(c.dep_ in ("conj", "dep") and c.lemma_.lower() in RENEWING for c in root.children)


def _arms_modifier(word: Token) -> bool:
    """A modifier that keeps a deal one of arms: a word of arms, a name or a model ("the Rafale
    deal", "the F-35 sale"), an amount, or an adjective of no other trade ("the proposed sale")."""
    if word.dep_ == "amod":
        return word.lower_ not in OTHER_TRADES
    return word.lower_ in ARMS_WORDS or word.tag_ in ("NNP", "NNPS", "CD") or word.ent_type_ == "MONEY"


def _holds_evidence(entry: tuple[Paragraph, SpacySpan], transfers: list[Transfer]) -> bool:
    """Is the sentence a transfer's own evidence? Its candidates staged it already."""
    paragraph, sentence = entry
    start, end = paragraph.offset + sentence.start_char, paragraph.offset + sentence.end_char
    return any(start <= e.start < end for t in transfers for e in t.evidence)


def _deal_before(sentences: Sentences, index: int, transfers: list[Transfer]) -> list[Transfer]:
    """The transfers told in the nearest sentence with evidence a few sentences before, of one pair
    only; none where that sentence holds transfers of two pairs ("Germany sold tanks to Norway,
    Italy ships to Egypt"), or a sentence between names another party or another accord (of a deal
    maybe not read: "Poland ordered shells from Korea. The contract was cancelled."; "The grain
    initiative stalled. The agreement was suspended.")."""
    named: set[str] = set()
    for before in range(index - 1, max(-1, index - 1 - LOOK_AHEAD_SENTENCES), -1):
        paragraph, sentence = sentences[before]
        start, end = paragraph.offset + sentence.start_char, paragraph.offset + sentence.end_char
        told = [t for t in transfers if any(start <= e.start < end for e in t.evidence)]
        pairs = {_pair(t) for t in told}
        if len(pairs) > 1 or (pairs and not named <= set(next(iter(pairs)))):
            return []
        if told:
            return told
        if _other_accord(sentence):
            return []
        named |= {m.id for m in paragraph.actors if sentence.start_char <= m.start < sentence.end_char}
    return []


def _other_accord(sentence: SpacySpan) -> bool:
    """Does the sentence name an accord that is not this deal pointed back to ("the grain
    initiative", "a new deal with Iran"; not "sanctions over the deal")?"""
    return any(t.lemma_.lower() in ACCORDS and t.pos_ == "NOUN" and not _this_deal(t) for t in sentence)


def _pair(transfer: Transfer) -> tuple[str | None, str | None]:
    return tuple(a.id if a is not None else None for a in (transfer.supplier, transfer.recipient))


def _only_its_sides(paragraph: Paragraph, noun: Token, transfer: Transfer) -> bool:
    """Do the deal's own words and the subject or agent of its verb, or of the verb deciding it
    ("Russia decided to cancel the deal"), name no party but the pair's?"""
    sides = {a.id for a in (transfer.supplier, transfer.recipient) if a is not None}
    verbs = [noun.head]
    while verbs[-1].dep_ == "xcomp":
        verbs.append(verbs[-1].head)
    doers = (c for v in verbs for c in v.children if c.dep_ in ("nsubj", "agent"))
    words = [*noun.subtree, *(t for c in doers for t in c.subtree)]
    spans = [(t.idx, t.idx + len(t)) for t in words]
    named = {m.id for m in paragraph.actors if any(s <= m.start < e for s, e in spans)}
    return named <= sides
