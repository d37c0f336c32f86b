"""An answer to a request told in a sentence of its own: "Ukraine asked Germany for Taurus
missiles. Berlin said no." refuses them, "... Washington agreed." commits them. The answer is a
sentence whose main verb refuses or agrees with nothing to refuse or agree to but the request
("Berlin refused.", "Germany turned the request down", "Washington agreed to the request"), whose
subject is the party asked, a few sentences after the one transfer asked of it; what the answer
tells is kept when it is further (GUIDE.md's order)."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.article import Transfer
from materiel.extract.context import Context, Paragraph
from materiel.extract.laterlinks import LOOK_AHEAD_SENTENCES, Sentences
from materiel.extract.laterstage import further
from materiel.extract.restage import restage, told_at
from materiel.extract.syntax import stage_word

# Stages of a transfer still asked for, which an answer settles.
ASKED = {"requested", "considered"}
# Verbs of agreeing that answer a request on their own ("Washington agreed."); other verbs of a
# commitment ("decided", "plans") need what they commit to.
AGREEING = {"agree", "accept", "relent"}
# Objects that are the request itself ("turned the request down", "rejected the plea", "refused it").
REQUEST_NOUNS = {"request", "demand", "plea", "appeal", "call", "proposal", "it", "them", "no"}
# Dependencies of a complement that gives the verb its own act: "refused to comment", "agreed
# that talks should continue", "declined to say".
OWN_ACTS = {"xcomp", "ccomp"}


def answer_requests(context: Context, transfers: list[Transfer]) -> None:
    """Settle a request that a later sentence answers (see the module's docstring)."""
    sentences = [(p, s) for p in context.paragraphs for s in p.doc.sents]
    for index, (paragraph, sentence) in enumerate(sentences):
        answer = _answer(sentence.root)
        if answer is None:
            continue
        asked = _asked_before(sentences, index, transfers)
        subject = _subject_actor(paragraph, sentence.root)
        if len(asked) == 1 and asked[0].supplier is not None and subject == asked[0].supplier.id:
            restage(asked[0], further(asked[0].status, answer), "answer", told_at(paragraph.offset, sentence))


def _answer(root: Token) -> str | None:
    """The stage a sentence's main verb answers with, if it answers nothing but the request."""
    stage = stage_word(root)
    agrees = root.lemma_.lower() in AGREEING
    if stage != "refused" and not agrees:
        return None
    if any(_own_act(c) for c in root.children) or not all(_the_request(c) for c in _objects(root)):
        return None
    return "refused" if stage == "refused" else "pledged"


def _own_act(child: Token) -> bool:
    """A complement with an act of its own ("refused to comment"), not a participle that gives the
    reason ("refused, citing fears of escalation")."""
    return child.dep_ in OWN_ACTS and not (child.tag_ == "VBG" and not any(c.tag_ == "TO" for c in child.children))


def _objects(root: Token) -> list[Token]:
    """The verb's objects, direct or through "to" ("agreed to the request"); other prepositions
    tell when or why ("refused on Tuesday", "declined for fear of escalation")."""
    direct = [c for c in root.children if c.dep_ in ("dobj", "obj")]
    return direct + [o for p in root.children if p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]


def _the_request(noun: Token) -> bool:
    return noun.lemma_.lower() in REQUEST_NOUNS or noun.lower_ in REQUEST_NOUNS


def _subject_actor(paragraph: Paragraph, root: Token) -> str | None:
    """The actor the verb's subject names ("Berlin", "Chancellor Scholz", "the German government")."""
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    span = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
    return next((m.id for m in paragraph.actors if span[0] <= m.start < span[1] and m.id), None)


def _asked_before(sentences: Sentences, index: int, transfers: list[Transfer]) -> list[Transfer]:
    """The transfers still asked for whose evidence is a few sentences before this one."""
    window = range(max(0, index - LOOK_AHEAD_SENTENCES), index)
    starts = {sentences[i][0].offset + sentences[i][1].start_char for i in window}
    return [t for t in transfers if t.status in ASKED and any(e.start in starts for e in t.evidence)]
