"""A recipient named a sentence or two before: a supplier-only mention that nothing completed takes
the one other party the sentences before it name, when the words there make that party a
receiver and tie the supplier in ("France has stepped up its support for Ukraine. Paris delivered
Caesar howitzers."). `partial.py` completes the other one-sided mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.amounts import mention_token
from materiel.extract.candidate import Candidate
from materiel.extract.civilian import AID_WORDS
from materiel.extract.cuekinds import thanked_party
from materiel.extract.destinations import destined
from materiel.extract.docindex import mentions_within
from materiel.extract.embargoes import known_embargo
from materiel.extract.hostile import war_pairs
from materiel.extract.lexicon import Mention
from materiel.extract.partial import GENERAL, POTENTIAL, at_mention, lacks_recipient
from materiel.extract.positional import names_materiel
from materiel.extract.roles import Roles

if TYPE_CHECKING:
    from materiel.extract.context import Context, Paragraph

# How many sentences back a supplier-only mention whose sentence names no other party may take
# the one party named there as its recipient ("Ukraine asked its allies for help. The Netherlands
# will send F-16s."): as far back as the triples' window, no further.
PREVIOUS_SENTENCES = 2


def previous_recipient(context: Context, found: list[Candidate], partial: list[Candidate]) -> list[Candidate]:
    """'France has stepped up its support for Ukraine. Paris delivered Caesar howitzers.': a
    supplier-only mention that nothing completed, alone in its sentence with its supplier, gives
    its item to the one other party the sentence or two before it name, when the words there make
    that party a receiver (see `receiving`) and tie the supplier in too: named there, or among the
    receiver's helpers at large ("asked its allies"). Never to a state the article shows at war
    with the supplier ("Ukraine asked for help. Iran has shipped drones." pairs no one)."""
    if not partial:
        return []  # the sentences' actors and the article's war pairs are read only for a candidate
    named, texts = named_by_sentence(context)
    at_war = war_pairs(context)
    return fill_once(found, partial, lambda c: _receiver_roles(c, named, texts, found, at_war, context))


def fill_once(
    found: list[Candidate], waiting: list[Candidate], roles_of: Callable[[Candidate], Roles | None]
) -> list[Candidate]:
    """The waiting candidates with the roles `roles_of` gives them (none: left as they are), each
    item mention once, none that a found candidate holds."""
    done = {(id(c.paragraph), c.item.start) for c in found}
    out: list[Candidate] = []
    for candidate in waiting:
        if (id(candidate.paragraph), candidate.item.start) in done:
            continue
        roles = roles_of(candidate)
        if roles is not None:
            out.append(replace(candidate, roles=roles))
            done.add((id(candidate.paragraph), candidate.item.start))
    return out


def earlier_sentences(candidate: Candidate) -> list[int]:
    """The numbers of the sentences before the candidate's that it may take a party from."""
    return [candidate.number - n for n in range(1, PREVIOUS_SENTENCES + 1)]


def _receiver_roles(
    candidate: Candidate,
    named: dict[int, list[tuple[Paragraph, Mention]]],
    texts: dict[int, str],
    found: list[Candidate],
    at_war: set,
    context: Context,
) -> Roles | None:
    """The candidate's roles with the receiver the sentences before name (see `previous_recipient`)."""
    if not lacks_recipient(candidate, None) or candidate.status in POTENTIAL or _others_named(candidate):
        return None
    numbers = earlier_sentences(candidate)
    before = [pm for n in numbers for pm in named.get(n, [])]
    supplier = candidate.supplier.id
    parties = {m.id for _, m in before if m.id != supplier}
    receivers = [(p, m) for p, m in before if m.id in parties and receiving(p, m)]
    tied = any(m.id == supplier for _, m in before) or any(HELPERS.search(texts.get(n, "")) for n in numbers)
    asked = any(_asked_same_kind(p, m, candidate) for p, m in receivers)
    tied = tied or (asked and not _arms_enemy(supplier, receivers[0][1].id, found, at_war))
    if len(parties) != 1 or not receivers or not tied or destined(candidate, receivers[0][1].id):
        return None
    pair = (supplier, receivers[0][1].id)
    if frozenset(pair) in at_war or known_embargo(
        *pair, [at_mention(candidate), (receivers[0][0], receivers[0][1].start)], context
    ):
        return None
    receiver = in_paragraph_of(candidate, *receivers[0])
    return Roles(candidate.supplier, receiver, candidate.roles.via)


def in_paragraph_of(candidate: Candidate, paragraph: Paragraph, mention: Mention) -> Mention:
    """A mention of an earlier paragraph with its offsets made the candidate's paragraph's, so
    that its span in the article holds."""
    shift = paragraph.offset - candidate.paragraph.offset
    return replace(mention, start=mention.start + shift, end=mention.end + shift)


# Words for a receiver's helpers at large: an earlier sentence that asks them or thanks them ("Kyiv
# asked its allies for air defence") ties in whichever of them the next sentence says sent.
HELPERS = re.compile(
    r"""\b(?:allies|partners|backers|donors|friends|supporters)\b   # "asked its allies for help"
      | \bthe\ West\b | \bWestern\b                               # "urged the West to send more"
      | \binternational\ community\b                              # "appealed to the international community"
    """,
    re.X,
)
# Nouns of help whose 'to' or 'for' names who gets it ("its support for Ukraine", "help to Kyiv").
HELP_NOUNS = AID_WORDS | {"help", "backing", "supplies", "weapons", "arms"}


def receiving(paragraph: Paragraph, mention: Mention) -> bool:
    """Is the party named as one that gets or asks for help: the subject of a request or receiving
    verb ("Ukraine asked for help", "Kyiv needs air defence", "Serbia bought drones"), the 'to' or
    'for' of a noun of help or transfer ("support for Ukraine"), the 'to' of a transfer verb
    that moves help ("pledged more help to Ukraine"), or the first object of a transfer verb ("gave Ukraine
    training")? Or the one a verb of help takes ("to support Ukraine": `helped`)? Not a place one
    travels to, nor a demonym's forces."""
    token = mention_token(paragraph, mention)
    if token is None or mention.kind == "demonym":
        return False
    if helped(token):
        return True
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and syntax.cue_kind(head) in ("request", "receive"):
        return thanked_party(head) is None or _for_help(head)  # not "thanked China for its neutrality"
    if running_short(paragraph, token):  # "Ukraine is running out of shells"
        return True
    if token.dep_ == "nsubj" and head.lemma_.lower() in WANTING:  # "Ukraine wants more howitzers"
        wanted = [c for c in head.children if c.dep_ == "dobj" and names_materiel(c, paragraph.items)]
        return bool(wanted) and not any(c.dep_ == "neg" for c in head.children)  # not "does not want"
    if token.dep_ == "pobj" and head.lower_ in ("to", "for"):
        above = head.head
        return help_noun(above) or syntax.cue_kind(above) == "noun" or _moves_help_to(head)
    return token.dep_ in ("dative", "iobj") and syntax.cue_kind(head) == "transfer"


# Verbs of wishing for items: their subject asks for the items it wants ("Kyiv wants more tanks").
WANTING = {"want", "wish"}
# Verbs whose object is the party helped ("pledged to support Ukraine", "keeps arming Kyiv").
HELPING_VERBS = {"support", "help", "assist", "aid", "arm", "equip", "rearm", "resupply"}
# Nouns of a party's givers: the state that owns one is the party helped ("Ukraine's biggest
# donors", "one of Kyiv's staunchest backers"); not "ally" or "partner", which run both ways.
GIVER_NOUNS = {"backer", "donor", "supporter", "supplier", "sponsor", "benefactor", "patron"}
# Verbs of a stand against the help they take: their 'to' is no one their subject helps
# ("Hungary blocked the aid to Ukraine").
AGAINST_HELP = {"block", "oppose", "veto", "criticise", "criticize", "condemn", "question"}


def helped(token: Token) -> bool:
    """The party a verb of help takes as its object ("vowed to support Ukraine", not "does not
    support Ukraine"), the 'to' or 'for' a verb hangs on help it gives ("is stepping up its help to
    Ukraine", "increased its military aid to Kyiv"; not "blocked the aid to Ukraine"), or the
    owner of givers ("Ukraine's biggest backers")."""
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in HELPING_VERBS:
        return not _withheld(head)
    if thanking(token) is not None:
        return True
    if token.dep_ == "poss":
        return head.lemma_.lower() in GIVER_NOUNS and _said_of_subject(head)
    if token.dep_ != "pobj" or head.lower_ not in ("to", "for"):
        return False
    verb = head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() in AGAINST_HELP:
        return False
    return any(c.dep_ == "dobj" and help_noun(c) for c in verb.children)


# Words of running short of something, on the verb whose subject lacks it ("is running out of
# shells", "running low on ammunition", "is short of missiles", "faces a shortage of shells").
SHORT_WORDS = {"out", "low", "short", "shortage", "shortages"}
# Nouns of a state's own forces: the state that owns one lacks what they lack ("Ukraine's army is
# running short of shells").
FORCES = {"army", "forces", "troops", "military", "soldiers", "defenders"}


def running_short(paragraph: Paragraph, token: Token) -> bool:
    """Is the party, or the owner of the forces, the subject of a verb of running short of an
    item the paragraph names ("Kyiv is running low on ammunition", "Ukraine's army is short of
    air defence missiles")? Not of anything else ("running out of time")."""
    subject = token.head if token.dep_ == "poss" and token.head.lower_ in FORCES else token
    verb = subject.head
    if subject.dep_ != "nsubj":
        return False
    marks = [c for c in verb.children if c.lower_ in SHORT_WORDS]
    if not marks:
        return False
    lacking = [t for m in marks for t in m.subtree] + [t for c in verb.children if c.dep_ == "prep" for t in c.subtree]
    return any(t.dep_ == "pobj" and names_materiel(t, paragraph.items) for t in lacking)


def thanking(token: Token) -> Token | None:
    """The verb "thank" whose subject the party is, or owns ("Zelensky thanked Canada for its
    help", "Ukraine's president thanked Oslo for the tanks"), where the thanks are for help or a
    transfer: the thanker is the one helped, the one thanked the giver. Not thanks for anything
    else ("thanked China for its neutrality")."""
    subject = token.head if token.dep_ == "poss" and token.head.dep_ == "nsubj" else token
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.lemma_.lower() != "thank":
        return None
    return verb if _for_help(verb) else None


def _for_help(verb: Token) -> bool:
    """Does a 'for' on the verb of thanks, or on the noun of thanks it expresses, name help or a
    transfer ("thanked Oslo for the tanks", "expressed gratitude to Kyiv for its support")?"""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    reasons = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
    return any(help_noun(r) or syntax.cue_kind(r) is not None for r in reasons)


# Verbs that withhold the help of the verb they govern ("refuses to help Ukraine", "has stopped
# supporting Kyiv").
WITHHOLDING = {"refuse", "decline", "reject", "stop", "cease", "halt", "end", "quit", "fail"}


def _withheld(verb: Token) -> bool:
    """Is the verb of help negated, or governed by a verb that withholds it?"""
    above = verb.head if verb.dep_ in ("xcomp", "ccomp") else None
    negated = any(c.dep_ == "neg" for v in (verb, above) if v is not None for c in v.children)
    return negated or (above is not None and above.lemma_.lower() in WITHHOLDING)


def _said_of_subject(noun: Token) -> bool:
    """Is the noun what its clause says its subject is: "X is Ukraine's biggest donor", "is among
    Kyiv's backers", "has been one of Ukraine's backers"; not "criticised Spain's backers"."""
    if noun.dep_ == "attr":
        return True
    if noun.dep_ != "pobj":
        return False
    above = noun.head
    return above.lower_ == "among" or (above.lower_ == "of" and above.head.lower_ == "one")


def _asked_same_kind(paragraph: Paragraph, mention: Mention, candidate: Candidate) -> bool:
    """'Ukraine wants 50 more howitzers. France delivered 30 Caesar howitzers.': the receiver's
    sentence asks for items of the kind the candidate delivers, which ties its supplier in as the
    one who answered; a general word ("weapons", "aid") ties no one."""
    token = mention_token(paragraph, mention)
    if token is None or candidate.item.id in GENERAL:
        return False
    start, end = token.sent.start_char, token.sent.end_char
    return any(m.id == candidate.item.id and start <= m.start < end for m in paragraph.items)


def _arms_enemy(supplier: str, receiver: str, found: list[Candidate], at_war: set) -> bool:
    """Does the article show the supplier arming a party at war with the receiver ("North Korea
    sent shells to Russia")? Then an item of the kind the receiver wants ties it in no more."""
    return any(
        c.supplier.id == supplier and c.recipient and frozenset((c.recipient.id, receiver)) in at_war for c in found
    )


def _moves_help_to(preposition: Token) -> bool:
    """'to' on a transfer verb whose object is help or arms ("pledged more help to Ukraine",
    "sent weapons to Kyiv"); not "sent a letter to Iran" nor "sent its minister to Kyiv"."""
    verb = preposition.head
    if preposition.lower_ != "to" or verb.pos_ != "VERB" or syntax.cue_kind(verb) != "transfer":
        return False
    return any(c.dep_ == "dobj" and help_noun(c) for c in verb.children)


def help_noun(token: Token) -> bool:
    """A noun of help by its lemma or as written: the plural-only "arms", "weapons", "supplies"
    have lemmas ("arm", "weapon", "supply") that are not the set's words."""
    return token.lemma_.lower() in HELP_NOUNS or token.lower_ in HELP_NOUNS


def named_by_sentence(context: Context) -> tuple[dict[int, list[tuple[Paragraph, Mention]]], dict[int, str]]:
    """The actors each sentence names, and its text, by the sentence's number in the article (as
    candidates number them)."""
    named: dict[int, list[tuple[Paragraph, Mention]]] = {}
    texts: dict[int, str] = {}
    number = 0
    for paragraph in context.paragraphs:
        for sentence in paragraph.doc.sents:
            number += 1
            start, end = sentence.start_char, sentence.end_char
            inside = mentions_within(paragraph.doc, paragraph.actors, start, end)
            named[number] = [(paragraph, m) for m in inside if m.id]
            texts[number] = sentence.text
    return named, texts


def _others_named(candidate: Candidate) -> bool:
    """Does the candidate's sentence name a party besides its supplier?"""
    start, end = candidate.sentence.start_char, candidate.sentence.end_char
    supplier = candidate.supplier.id
    return any(m.id and m.id != supplier for m in candidate.paragraph.actors if start <= m.start < end)
