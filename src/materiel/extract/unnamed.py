"""Unnamed items and suppliers: what a sentence that names no item moves (money earmarked for the
military, the weapons a verb that arms its object stands for), and the group words by which
unnamed states give an item ("Western arms supplies", "allies have sent"), which leave the supplier
null rather than lending it to another state in the sentence.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.amounts import mention_token
from materiel.extract.candidate import Candidate
from materiel.extract.context import Paragraph
from materiel.extract.earmarks import MILITARY
from materiel.extract.lexicon import Mention


def military_funds(paragraph: Paragraph, sentence: SpacySpan) -> list[Mention]:
    """A sentence naming no item that moves money earmarked for the military ("agreed to provide
    €90 billion for Ukraine's military needs"): the money is the funding transferred."""
    if not MILITARY.search(sentence.text):
        return []
    money = [a for a in paragraph.amounts if a.is_money and sentence.start_char <= a.start < sentence.end_char]
    out = []
    for amount in money:
        mention = Mention("funding", "funding", amount.text, amount.start, amount.end, "item")
        token = mention_token(paragraph, mention)
        if token is not None and token.head.pos_ == "VERB" and syntax.cue_kind(token.head) == "transfer":
            out.append(mention)
    return out


# Verbs of what money given is for: "gave Kyiv $200 million to buy air defence", "will provide
# €5 billion to finance weapons for Ukraine".
PURPOSES = {"buy", "purchase", "finance", "fund", "procure", "acquire"}


def purpose_funds(paragraph: Paragraph, sentence: SpacySpan) -> list[Mention]:
    """Money that a transfer verb moves for the recipient to buy or finance weapons with, named
    after it in a clause of purpose ("gave Ukraine $200 million to buy air defence"): the money is
    the funding moved (GUIDE), although the sentence names the items it is to buy."""
    return [m for m in military_funds(paragraph, sentence) if _purchases(mention_token(paragraph, m))]


def _purchases(token: Token | None) -> list[Token]:
    """The infinitives of buying or financing on the money's verb or on the money itself."""
    if token is None or token.dep_ != "dobj":
        return []
    clauses = [c for n in (token.head, token) for c in n.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl")]
    return [c for c in clauses if c.lemma_.lower() in PURPOSES and any(a.lower_ == "to" for a in c.children)]


def bought_with_funds(candidates: list[Candidate]) -> list[Candidate]:
    """The sentence's candidates, where funding is given to buy items: "allocated $50 million to
    buy missiles for Kyiv" moves the missiles, whose sides are named, and the money is what they
    cost; "gave Kyiv $200 million to buy air defence" moves the money, and what it is to buy, with
    a side unnamed, is no transfer of its own."""
    spans = {id(c): _purchase_spans(c) for c in candidates if c.item.id == "funding"}
    named = [c for c in candidates if c.roles.complete and id(c) not in spans]
    moved = [f for f in candidates if spans.get(id(f)) and not any(_in(c, spans[id(f)]) for c in named)]
    kept = {id(f) for f in moved} | {id(c) for c in candidates if not spans.get(id(c))}
    unsided = {id(c) for c in candidates if not c.roles.complete and any(_in(c, spans[id(f)]) for f in moved)}
    return [c for c in candidates if id(c) in kept and id(c) not in unsided]


def paid_for(candidates: list[Candidate], items: list[Mention]) -> list[Mention]:
    """The item mentions that funding among the candidates is given to buy: the money moves."""
    spans = [span for c in candidates if c.item.id == "funding" for span in _purchase_spans(c)]
    if not spans:
        return []  # most sentences: no walk over the paragraph's items
    return [m for m in items if any(lo <= m.start <= hi for lo, hi in spans)]


def _purchase_spans(funding: Candidate) -> list[tuple[int, int]]:
    """Where the clauses of buying that a sum of money is for start and end (paragraph offsets);
    none for a word of funding ("approved funds to buy missiles": the missiles move)."""
    if not any(a.is_money and a.start == funding.item.start for a in funding.paragraph.amounts):
        return []
    clauses = _purchases(mention_token(funding.paragraph, funding.item))
    return [(min(t.idx for t in c.subtree), max(t.idx for t in c.subtree)) for c in clauses]


def _in(candidate: Candidate, spans: list[tuple[int, int]]) -> bool:
    return any(lo <= candidate.item.start <= hi for lo, hi in spans)


def _buys_named(funding: Candidate, candidates: list[Candidate]) -> bool:
    if funding.item.id != "funding":
        return False
    clauses = _purchases(mention_token(funding.paragraph, funding.item))
    spans = [(min(t.idx for t in c.subtree), max(t.idx for t in c.subtree)) for c in clauses]
    bought = [c for c in candidates if c is not funding and c.roles.complete]  # both sides named
    return any(lo <= c.item.start <= hi for c in bought for lo, hi in spans)


# Verbs whose object is armed by them: "arming Ukraine", "continues to arm the rebels" move
# weapons that the sentence does not name.
ARMING_VERBS = {"arm", "rearm", "re-arm"}


def armed_by_verb(sentence: SpacySpan) -> list[Mention]:
    """A sentence naming no item whose verb arms someone ("Moscow was arming Armenia"): the verb
    stands for the unnamed weapons it moves to its object."""
    return [
        Mention("unspecified", "unspecified", t.text, t.idx, t.idx + len(t.text), "item", True)
        for t in sentence
        if t.pos_ == "VERB" and t.lemma_.lower() in ARMING_VERBS and any(c.dep_ == "dobj" for c in t.children)
    ]


# Words that give an item to a group of unnamed states ("Western weapons deliveries", "allied
# tanks", "the West sent", "partners have supplied"): the supplier is null (GUIDE), and no other
# state in the sentence ("The Kremlin said Western deliveries ...") may stand in for it.
UNNAMED_SUPPLIERS = {"western", "foreign", "allied", "west", "allies", "partners", "donors", "backers"}
# Words by which a group names some of its members ("allies including Britain", "allies such as Japan").
MEMBER_PREPS = {"including", "like", "as", "notably", "among"}
# Dependencies by which a name qualifies a group word ("NATO allies", "the EU's partners").
NAME_DEPS = {"compound", "poss", "nmod"}


def unnamed_supplier(cue: Token, item: Token) -> bool:
    """The item or its transfer word is given by unnamed states: a word before it ("Western arms
    supplies"), the cue's subject or a word on it ("the West has sent", "Western countries sent")."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    words = [w for t in (item, cue, *subjects) for w in t.subtree if w.i <= t.i]
    return any(w.lower_ in UNNAMED_SUPPLIERS and not _names_members(w) for w in words)


def _names_members(token: Token) -> bool:
    """The group word names some of its members or its alliance ("allies, including Britain", "the
    West and Japan", "NATO allies")."""
    group = token.head if token.dep_ in ("amod", "compound") else token
    return any(
        c.dep_ in ("conj", "appos") or c.lower_ in MEMBER_PREPS or (c.dep_ in NAME_DEPS and c.pos_ == "PROPN")
        for c in group.children
    )
