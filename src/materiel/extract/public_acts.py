"""A supplier's public act read in a sentence: the words of an act a government does in public
and of an accusation that outweighs it, the negations that take an act back, and whose act it
is on the parse (the verb's subject or agent, the act noun's possessor or modifier, or "we").
Used by disclosure.py."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from materiel.article import Span

# Acts a government does in public: stating one is the supplier stating it. Each alternative is
# a word family; the endings are listed so that "signal" or "committee" do not count.
PUBLIC_ACT = re.compile(
    r"""
    \bannounc(?:e|es|ed|ing|ement|ements)\b | \bunveil(?:s|ed|ing)?\b     # an announcement
  | \bpledg(?:e|es|ed|ing)\b | \bpromis(?:e|es|ed|ing)\b | \bvow(?:s|ed)?\b  # a public promise
  | \bcommit(?:s|ted|ting|ment|ments)?\b                              # "has committed $44 billion"
  | \bapprov(?:e|es|ed|ing|al)\b | \bauthori[sz](?:e|es|ed|ation)\b     # a decision on the record
  | \bgreen-?light(?:s|ed)?\b | \bclear(?:s|ed)\ the\ (?:sale|transfer|export)
  | \bsign(?:s|ed|ing)?\b | \bagree(?:s|d|ment|ments)?\b | \bdecid(?:e|es|ed)\b | \bdecision\b
  | \boffer(?:s|ed|ing)?\b
  | \bpackages?\b                                                       # aid packages are the donor's own
  | \b(?:military|security|defen[cs]e)\ (?:aid|assistance)\b             # a state's aid programme is declared
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words of an accusation: what one party says another did, which the accused has not owned.
ACCUSATION = re.compile(
    r"""
    \baccus(?:e|es|ed|ing|ation|ations)\b       # "accused Iran of shipping", "the accusation"
  | \balleg(?:e|es|ed|edly|ation|ations)\b      # "allegedly supplied", "allegations that"
  | \bsuspect(?:s|ed)?\ (?:\w+\ ){0,3}?of\b     # "suspected North Korea of sending"
  | \bblam(?:e|es|ed|ing)\ (?:\w+\ ){1,4}?for\b  # "blamed Iran on Monday for supplying"
  | \bleak(?:s|ed)?\b                            # "leaked cables show": exposed, not stated
  | \bintercepted\b                             # "intercepted calls reveal the shipment"
  | \bsatellite\ (?:images?|imagery|photos?|pictures?)\b  # "satellite images show": seen, not stated
  | \b(?:documents?|files|papers|records|emails)\ (?:seen|obtained|reviewed|viewed)\ by\b
                                               # "documents seen by Reuters show": exposed by an outlet
  | \bopen[-\ ]source\ (?:analysts?|investigators?|researchers?|intelligence)\b | \bOSINT\b
                                               # "open-source analysts identified": traced, not stated
  | \breportedly\b                             # "Iran reportedly sent": others tell of it
  | \baccording\ to\ (?:[\w-]+\ ){0,2}?reports\b   # "according to (Russian media) reports": no one named
  | \b(?:media|press|news)\ reports\ (?:say|said|suggest(?:s|ed)?|claim(?:s|ed)?|indicate[sd]?)\b
                                               # "media reports say Iran has shipped" (not "dismissing
                                               # media reports of a delay")
  | \b(?:is|are|was|were)\ (?:widely\ )?(?:believed|thought|said|understood)\ to\ have\b
                                               # "Iran is believed to have delivered" (a past
                                               # act; "is thought to be capable" is no claim)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The speaker's own side in a quotation, standing for the supplier it speaks for.
FIRST_PERSON = re.compile(r"\b(?:we|our)\b", re.IGNORECASE)
# The words before a public act that take it back ("has not decided", "never agreed", "is yet to
# approve").
NEGATED_ACT = re.compile(
    r"""(?:
        \bnot(?!\s+only\b)  # "has not announced", "has not yet announced"; "not only announced ... but" adds
      | n't               # "hasn't announced": no word boundary before it
      | \bcannot         # "cannot announce"
      | \bnever           # "never agreed"
      | \bno              # "no announcement of", "no decision"
      | \byet\ to         # "is yet to approve": still to come
      | \bwithout         # "without announcing"
    )\s+(?:\w+\s+){0,2}$     # up to two words between the negation and the act
    """,
    re.IGNORECASE | re.VERBOSE,
)
# How much text before a public act is read for its negation.
NEGATION_REACH = 30
# Dependency labels (spaCy's English scheme) that tie an act to its doer.
ACT_MODIFIER = {"amod", "compound"}  # "military" of "military aid package", "aid" of "aid package"
VERB_DOER = {"nsubj"}  # "Germany announced": not "nsubjpass" ("the sale was approved" by someone)
NOUN_DOER = {"poss", "compound", "amod", "nmod"}  # "Germany's package", "the US package", "German aid"
INHERITS_DOER = {"xcomp", "conj"}  # "decided to approve", "signed and announced", "pledges and offers"
NAME_PARTS = {"compound", "amod", "poss", "appos", "flat"}  # "the German government", "Berlin, the capital"


def public_act(span: Span | Doc, named: list[tuple[int, str | None]], supplier: str | None) -> str | None:
    """A public act in the parsed text that is the supplier's (the verb's subject or agent, the act
    noun's possessor or modifier, or "we"), that no negation takes back, in a text that accuses
    nobody ("Ukraine announced a counteroffensive with German tanks" is Ukraine's act, not
    Germany's; "the tanks from Germany show signs of wear" is no act at all)."""
    text = span.text
    if ACCUSATION.search(text):
        return None
    base = span.start_char if isinstance(span, SpacySpan) else 0
    for act in PUBLIC_ACT.finditer(text):
        before = text[max(0, act.start() - NEGATION_REACH) : act.start()]
        token = next((t for t in span if t.idx - base == act.start()), None)
        if token is None or NEGATED_ACT.search(before):
            continue
        doers = _doers(_act_head(token))
        if any(_names_supplier(d, named, supplier, base) for d in doers):
            return f"public act {act.group()!r}"
    return None


def _act_head(token: Token) -> Token:
    """The word an act's modifier belongs to: "military" of "military aid package" is the package."""
    while token.dep_ in ACT_MODIFIER and token.head is not token:
        token = token.head
    return token


def _doers(act: Token) -> list[Token]:
    """Who does the act: a verb's subject or passive agent, or, for a verb with none of its own
    ("decided to approve", "signed and announced"), its head's; an act noun's possessor or
    modifier ("Germany's package", "the US aid package"), the agent after "by", or the subject of
    the verb it is the object of ("Berlin unveiled a package")."""
    deps = VERB_DOER if act.pos_ in ("VERB", "AUX") else NOUN_DOER
    doers = [c for c in act.children if c.dep_ in deps]
    doers += [g for c in act.children if c.dep_ in ("agent", "prep") and c.lower_ == "by" for g in c.children]
    if not doers and act.dep_ in INHERITS_DOER and act.head is not act:
        return _doers(act.head)
    if not doers and act.dep_ == "dobj" and act.head.pos_ in ("VERB", "AUX"):
        return [c for c in act.head.children if c.dep_ in VERB_DOER]
    return doers


def _names_supplier(doer: Token, named: list[tuple[int, str | None]], supplier: str | None, base: int) -> bool:
    """The doer is the supplier: the word or its name's parts ("the German government", "Berlin,
    Germany's capital") hold a mention of it, or it is "we" or "our" ("critics of Germany" are not
    Germany)."""
    if FIRST_PERSON.fullmatch(doer.text):
        return True
    words = [doer] + [c for c in doer.children if c.dep_ in NAME_PARTS]
    spans = [(w.idx - base, w.idx - base + len(w)) for w in words]
    return any(ident == supplier and any(a <= at < b for a, b in spans) for at, ident in named)
