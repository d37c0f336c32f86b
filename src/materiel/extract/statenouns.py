"""States named by a noun or a pronoun: "the country", "the former Soviet republic", "it".

A definite state noun where a transfer's recipient goes stands for the last state named before
it in the sentence; "it" or "the country" buying something is the state that was the subject of
the sentence before (for a paragraph's first sentence, the last sentence of the paragraph before,
when that one speaks of arms or aid and is neither a heading nor a quotation). "The group", "the
militia" where the recipient goes stand for an armed group as "the country" for a state: the last
named before it in the sentence, else the subject of the sentence before. Nothing here looks
further than that: a party named sentences away is not taken for one of these words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from materiel.extract import syntax, treenames
from materiel.extract.civilian import AID_WORDS
from materiel.extract.context import Context, Paragraph, left_out
from materiel.extract.docindex import doc_text, sentences_before
from materiel.extract.lexicon import Mention, union_of_states
from materiel.extract.speakerwords import PERSON_ROLES
from materiel.extract.subjects import subject_tokens

DEFINITE = {"the", "this", "that", "these", "those"}
# Nouns that, with "the", stand for a state named before ("The country will deliver ...").
STATE_NOUNS = {"country", "government", "kingdom", "nation", "republic", "administration"}


# Words of aid that put a sentence on the topic of arms or aid ("stepped up its help to Ukraine").
TOPIC_WORDS = AID_WORDS | {"help", "backing"}
# Nouns that, with "the", stand for a union of states named before ("NATO agreed ... The alliance
# will deliver ...", "The EU ... The bloc will provide ...").
UNION_NOUNS = {"alliance", "bloc"}
# Kinds of actor mention that name a state itself, as "the country" stands for one.
STATE_KINDS = ("state", "alias", "seat")
# Nouns that, with "the", stand for an armed group or organisation named before ("Hezbollah ...
# Iran supplies the group with rockets"), as "the country" stands for a state.
GROUP_NOUNS = {"group", "militia", "movement"}


def recipient(cue: Token, item: Token, actors: list[Mention], supplier: Mention | None) -> Mention | None:
    """'Russia ... considers Armenia a partner, supplying the ex-Soviet country with weapons': a
    definite state noun in the recipient's place stands for the last state named before it in
    the sentence, other than the supplier (not a party named sentences away)."""
    places = treenames.prep_objects(cue, {"to", "for"}) + treenames.prep_objects(item, {"to"})
    places += [c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj") and c.i != item.i]
    nouns = [t for t in places if state_noun(t)]
    groups = [t for t in places if t.lemma_.lower() in GROUP_NOUNS and definite(t)]
    if not nouns and not groups:
        return None
    noun = nouns[0] if nouns else groups[0]
    kinds = STATE_KINDS if nouns else ("org",)
    before = [m for m in actors if m.kind in kinds and m.end <= noun.idx and not union_of_states(m.id)]
    named = [m for m in before if supplier is None or m.id != supplier.id]
    return named[-1] if named else None


def earlier_group(context: Context, offset: int, cue: Token, item: Token) -> Mention | None:
    """'Hezbollah has a large rocket arsenal. Iran supplies the group with rockets': a definite
    group noun where the recipient goes stands for the armed group or organisation that was the
    subject of the sentence before (as "it" stands for a state: `earlier_subject`)."""
    places = treenames.prep_objects(cue, {"to", "for"})
    places += [c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj") and c.i != item.i]
    if not any(t.lemma_.lower() in GROUP_NOUNS and definite(t) for t in places):
        return None
    found = _previous_subject(context, offset, cue)
    if found is None or found[1].kind != "org" or union_of_states(found[1].id):
        return None  # "The EU met on Monday. The US will send the group ...": no group of its own
    return _in_cue_offsets(*found, offset)


def definite(noun: Token) -> bool:
    """'the country', 'this nation': the noun has a definite determiner."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)


# Pronouns a verb's subject uses for a state named before ("It also acquired ...", "They have
# delivered ..."); "he" and "she" are people (see `rolenames._subject`).
STATE_PRONOUNS = {"it", "they"}
# Marks that open a quotation: a paragraph that starts with one is a speaker's words.
QUOTE_MARKS = ('"', "\u201c", "'", "\u2018")
# A sentence that ends as one does (a full stop, question or exclamation mark, perhaps inside a
# closing quote): not a heading, whose subject is no antecedent of the next paragraph's "it".
CLOSED = re.compile(r"[.!?][\"\u201d\u2019']?\s*$")


def anaphoric_subject(cue: Token) -> Token | None:
    """The verb's active subject when it is a word standing for a state named before: a pronoun
    ("It will also send ...") or a definite state noun ("The country will deliver ..."), singular:
    "the top five countries" are several states, not one named before. A verb with no subject of
    its own takes that of the verb whose open clause it is ("It plans to send", "It is to deliver",
    "The country decided to hand over", "It is expected to supply")."""
    for subject in _open_clause_subjects(cue):
        if subject.lower_ in STATE_PRONOUNS or (state_noun(subject) and subject.tag_ != "NNS"):
            return subject
        if union_noun(subject):
            return subject
    return None


# Subjects of a verb above an open clause that its open clause shares: the active one ("It plans to
# send") and the passive one of a verb of expecting or asking ("It is expected to send").
SHARED_SUBJECTS = {"nsubj", "nsubjpass"}
# Dependencies by which a verb has a subject of its own, which stops the climb.
SUBJECTS_OF_ITS_OWN = {"nsubj", "nsubjpass", "csubj", "expl"}
# How many clauses down from a subject's verb its transfer verb may lie ("Germany agreed to start
# sending tanks", "Germany said it would send tanks").
MAX_OPEN_CLAUSES = 3


def _open_clause_subjects(cue: Token) -> list[Token]:
    """The cue's own active subjects, else those of the first verb above it, up the open clauses
    (`xcomp`: "plans to send", "has agreed to start sending") only: a reported clause ("said it
    would send") has its own subject, and a purpose or relative clause is about another doer."""
    own = [c for c in cue.children if c.dep_ == "nsubj"]
    verb = cue
    for _ in range(MAX_OPEN_CLAUSES):
        if own or any(c.dep_ in SUBJECTS_OF_ITS_OWN for c in verb.children) or verb.dep_ != "xcomp":
            return own
        verb = verb.head
        own = [c for c in verb.children if c.dep_ in SHARED_SUBJECTS]
    return own


def union_noun(noun: Token) -> bool:
    """'the alliance', 'the bloc': a definite singular noun that stands for a union of states named
    before (NATO, the EU), as "the country" stands for a state."""
    return noun.lemma_.lower() in UNION_NOUNS and definite(noun) and noun.tag_ != "NNS"


def earlier_subject(context: Context, offset: int, cue: Token) -> Mention | None:
    """'Egypt bought two warships from France. It also acquired 24 Rafale jets': a party named
    by 'it' or 'the country' is the state that was the subject of the sentence before, in the
    same paragraph or, for a paragraph's first sentence, the last of the paragraph right before
    it (not whichever state the article named last)."""
    word = anaphoric_subject(cue)
    if word is None or _named_before(context, offset, word) or subject_above(word) is not None:
        return None
    found = _previous_subject(context, offset, cue)
    if found is None or not _stands_for(word, found[1]) or _roles_clash(*found, cue):
        return None
    if word.lower_ not in PLURAL_PRONOUNS and _conjoined(*found):
        return None  # "Germany and France signed a deal. It will supply ...": "it" is the deal
    return _in_cue_offsets(*found, offset)


# Pronouns that may stand for several states joined by "and" ("Germany and France ... They will").
PLURAL_PRONOUNS = {"they"}


def _conjoined(paragraph: Paragraph, mention: Mention) -> bool:
    """Is the subject one of states joined by "and" ("Germany and France signed")? A singular
    "it" or "the country" then stands for none of them."""
    span = paragraph.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)


def subject_above(word: Token) -> Token | None:
    """The subject of the clause the word's clause is embedded in, in its own sentence, that the
    word may stand for ("the West is unclear how it will provide ..."): the nearer antecedent,
    whether or not a party, so the sentence before is not looked at (`rolenames._reporting_subject`
    takes it where it is a party). Not a person or people, whom "it" does not stand for ("the
    minister said it will send", "officials said it would send")."""
    verb = word.head
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp":
        return None
    subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < word.i]
    return next((c for c in subjects if _thing(c)), None)


# Nouns that stand for a state named before, or speak for it: "The ministry said it will send" is the
# state's sending. Not an alliance, a bloc or a company, which are antecedents of their own ("The
# alliance is unsure whether it will send").
STATE_STAND_INS = {"country", "nation", "kingdom", "republic", "government", "administration", "ministry", "regime"}


def _thing(noun: Token) -> bool:
    """A singular noun that is no person, nor a stand-in for a party named before ("The ministry
    said it will send": the ministry's state, named in the sentence before, sends): what "it" may
    stand for."""
    person = noun.ent_type_ == "PERSON" or noun.lemma_.lower() in PERSON_ROLES
    stand_in = noun.lemma_.lower() in STATE_STAND_INS
    return noun.pos_ in ("NOUN", "PROPN") and noun.tag_ not in ("NNS", "NNPS") and not (person or stand_in)


def _stands_for(word: Token, antecedent: Mention) -> bool:
    """'the alliance' stands for a union of states only; 'it' and 'the country' for a state."""
    if union_noun(word):
        return union_of_states(antecedent.id)
    return antecedent.kind in STATE_KINDS


def _previous_subject(context: Context, offset: int, cue: Token) -> tuple[Paragraph, Mention] | None:
    """The party named as the subject of the sentence before the cue's, with its paragraph."""
    found = sentence_before(context, offset, cue)
    if found is None:
        return None
    paragraph, sentence = found
    subject = treenames.mention_in(subject_tokens(sentence.root), paragraph.actors)
    return None if subject is None else (paragraph, subject)


def _in_cue_offsets(paragraph: Paragraph, subject: Mention, offset: int) -> Mention:
    """The mention with offsets of the cue's paragraph (it may be named in the paragraph before)."""
    shift = paragraph.offset - offset
    return replace(subject, start=subject.start + shift, end=subject.end + shift)


# Roles a cue kind gives its active subject: who sends, or who gets or asks for arms.
SUBJECT_ROLES = {"transfer": "supplier", "receive": "recipient", "request": "recipient"}


def _roles_clash(paragraph: Paragraph, antecedent: Mention, cue: Token) -> bool:
    """Did the antecedent send in its sentence while the word standing for it now receives? "The
    United States sent F-16 jets to Ukraine. It will also receive Patriot systems": the sender is
    not the one that now gets. The other way round holds ("Poland received Abrams tanks from the
    US. It will send its T-72s to Ukraine"): a receiver passing arms on is common, and refusing
    it would hand the pronoun's item to the article's one supplier instead."""
    now = SUBJECT_ROLES.get(syntax.cue_kind(cue) or "")
    return now == "recipient" and _role_in_sentence(paragraph, antecedent) == "supplier"


def _role_in_sentence(paragraph: Paragraph, mention: Mention) -> str | None:
    """The side a subject took in its own sentence: the subject of a transfer verb sends ("sent",
    "agreed to send", "said it would send"), that of a receiving or asking verb gets; the passive
    subject of a transfer verb gets ("Ukraine was given tanks") and its agent sends ("were sent by
    Germany")."""
    span = paragraph.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else token.head
    for _ in range(MAX_OPEN_CLAUSES):
        role = SUBJECT_ROLES.get(syntax.cue_kind(verb) or "")
        if role is not None:
            passive = token.dep_ == "nsubjpass" and role == "supplier"
            return "recipient" if passive else role
        verb = _own_clause(verb) or verb
    return None


def _own_clause(verb: Token) -> Token | None:
    """The clause a verb's subject goes on acting in: an open one ("agreed to send") or a reported
    one whose subject is a pronoun for it ("said it would send"; not "said Ukraine would get")."""
    for child in verb.children:
        subjects = [c for c in child.children if c.dep_ == "nsubj"]
        if child.dep_ == "xcomp" or (child.dep_ == "ccomp" and any(c.lower_ in STATE_PRONOUNS for c in subjects)):
            return child
    return None


def _named_before(context: Context, offset: int, word: Token) -> bool:
    """A state named in the word's own sentence before it ("A special role Israel plays: it
    receives ..."): the nearer antecedent, so the sentence before is not looked at."""
    paragraph = next((p for p in context.paragraphs if p.offset == offset), None)
    start = word.sent.start_char
    named = paragraph.actors if paragraph is not None else []
    return any(m.kind in STATE_KINDS and start <= m.start < word.idx for m in named)


def sentence_before(context: Context, offset: int, cue: Token) -> tuple[Paragraph, Span] | None:
    """The sentence right before the cue's: in its paragraph, or the last of the paragraph before."""
    earlier = sentences_before(cue.sent, 1)
    paragraph = next((p for p in context.paragraphs if p.offset == offset), None)
    if paragraph is None:
        return None
    if earlier:
        return paragraph, earlier[-1]
    if doc_text(cue.doc).lstrip().startswith(QUOTE_MARKS):
        return None  # a quoted speaker's "it" is theirs to resolve, not the narrative's
    before = _paragraph_before(context, offset)
    last = list(before.doc.sents)[-1] if before is not None else None
    if last is None or not CLOSED.search(last.text) or last.text.lstrip().startswith(QUOTE_MARKS):
        return None  # a heading, or another speaker's quotation
    return (before, last) if _on_topic(before, last) else None


def _on_topic(paragraph: Paragraph, sentence: Span) -> bool:
    """The sentence speaks of arms or aid (an item, a word of aid, or one that moves, asks for or
    receives one): its subject carries on into the next paragraph's "it" ("Ukraine asked for armour. //
    It will get 40 Marders"), unlike one of another story ("Russia struck Kharkiv. // It will
    receive Patriots": the receiver is not the attacker)."""
    items = any(sentence.start_char <= m.start < sentence.end_char for m in paragraph.items)
    return items or any(t.lemma_.lower() in TOPIC_WORDS or syntax.cue_kind(t) is not None for t in sentence)


def _paragraph_before(context: Context, offset: int) -> Paragraph | None:
    """The article's paragraph right before the one at `offset`, parsed if the gate left it out."""
    raw = [o for o, _ in context.article.paragraphs()]
    index = raw.index(offset) if offset in raw else 0
    if index == 0:
        return None
    wanted = raw[index - 1]
    parsed = next((p for p in context.paragraphs + context.lead if p.offset == wanted), None)
    if parsed is not None:
        return parsed
    text = dict(context.article.paragraphs())[wanted]
    return next((p for p in left_out(context, lambda t: t == text) if p.offset == wanted), None)


def state_noun(noun: Token) -> bool:
    """'the country', 'the former Soviet republic': a definite noun that stands for a state."""
    return noun.lemma_.lower() in STATE_NOUNS and definite(noun)
