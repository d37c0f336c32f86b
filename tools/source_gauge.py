"""Which kinds of source the check set's gold credits and we miss: score.py's sources total on
variants of OUR prediction file in which one class of our sources is dropped (a fall is that
class's hits) or one class of names is added to every transfer's sources (a rise is the misses
of that kind). A gauge, not shipped (srcqty4): nothing here changes the package, and only totals
are written.

    python tools/source_gauge.py GOLD PRED TOTALS          # on a prediction file of ours
    SOURCE_TOTALS=/tmp/t.jsonl ../shared/eval/blind-check --materiel tools/source_gauge

Each line of TOTALS: the variant, the sources rate as score.py's float, and the smallest
fraction (denominator up to MAX_TRIALS) that gives it.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from tools.recall_gauge import score_records

MAX_TRIALS = 200  # more gold sources on matched transfers than any of our sets holds
# Words of unnamed sources, added bare: score.py counts a hit when our name is inside the gold's
# ("officials" inside "us officials"), so the rise is the gold's unnamed sources we miss.
UNNAMED = ("officials", "official", "sources", "source", "diplomats", "intelligence", "analysts", "experts")
REPORTING = {
    "say", "tell", "report", "confirm", "announce", "document", "reveal", "claim", "write", "state",
    "disclose", "show", "estimate", "allege", "accuse", "note", "add", "publish", "cite", "describe",
}  # fmt: skip
Add = Callable[[dict, dict, "Parsed"], list[str]]


class Parsed:
    """The article parsed once by the project's spaCy pipeline, with each entity's paragraph."""

    def __init__(self, record: dict) -> None:
        from materiel.extract.nlp import load_model

        self.text = record.get("text") or ""
        self.doc = load_model()(self.text)

    def entities(self, labels: set[str], low: int = 0, high: int | None = None) -> list[str]:
        high = len(self.text) if high is None else high
        names: list[str] = []
        for ent in self.doc.ents:
            if ent.label_ in labels and low <= ent.start_char and ent.end_char <= high:
                names += [ent.text, ent[-1].text] if ent.label_ == "PERSON" else [ent.text]
        return names

    def subjects(self, verbs: set[str], low: int = 0, high: int | None = None) -> list[str]:
        high = len(self.text) if high is None else high
        names = []
        for token in self.doc:
            if token.dep_ in ("nsubj", "nsubjpass", "pobj") and low <= token.idx < high:
                head = token.head
                if token.dep_ == "pobj":
                    if not (head.lower_ == "to" and head.i > 0 and self.doc[head.i - 1].lower_ == "according"):
                        continue
                elif head.lemma_ not in verbs:
                    continue
                names += [self.doc[token.left_edge.i : token.right_edge.i + 1].text, token.text]
        return names


def _paragraph(text: str, at: int) -> tuple[int, int]:
    low = text.rfind("\n", 0, at) + 1
    high = text.find("\n", at)
    return low, (len(text) if high < 0 else high)


def _evidence_paragraphs(text: str, transfer: dict) -> list[tuple[int, int]]:
    return [_paragraph(text, e["start"]) for e in transfer.get("evidence") or [] if "start" in e]


def _in_paragraphs(find: Callable[..., list[str]]) -> Add:
    return lambda r, t, p: [n for low, high in _evidence_paragraphs(p.text, t) for n in find(p, low, high)]


def _siblings(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
    return [s.get("name") or "" for t in record.get("transfers") or [] for s in t.get("sources") or []]


def _speakers(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
    return [(q.get("speaker") or {}).get("name") or "" for q in record.get("quotes") or []]


def _unnamed(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
    return [w for w in UNNAMED if re.search(rf"\b{w}\b", parsed.text, re.IGNORECASE)]


def _outlets(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
    from materiel.extract.outlets import find_outlets

    return [m.text for m in find_outlets(parsed.text)]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def _evidence_indexes(text: str, transfer: dict) -> list[int]:
    spans = _paragraphs(text)
    starts = [e["start"] for e in transfer.get("evidence") or [] if "start" in e]
    return sorted({n for n, (low, high) in enumerate(spans) for at in starts if low <= at <= high})


def _region(pick: Callable[[dict, dict, list[tuple[int, int]], list[int]], list[int]]):
    """The paragraphs (by index) that `pick` chooses from the article's and the evidence's."""

    def spans(record: dict, transfer: dict, parsed: Parsed) -> list[tuple[int, int]]:
        paragraphs = _paragraphs(parsed.text)
        chosen = pick(record, transfer, paragraphs, _evidence_indexes(parsed.text, transfer))
        return [paragraphs[n] for n in sorted(set(chosen)) if 0 <= n < len(paragraphs)]

    return spans


def _names_party(record: dict, transfer: dict, paragraphs: list, evidence: list[int]) -> list[int]:
    text = record.get("text") or ""
    names = [(transfer.get(k) or {}).get("name") for k in ("supplier", "recipient")]
    names = [n for n in names if n]
    return [n for n, (lo, hi) in enumerate(paragraphs) if any(x.lower() in text[lo:hi].lower() for x in names)]


REGIONS = {
    "lead": _region(lambda r, t, ps, ev: [0, 1]),
    "near1": _region(lambda r, t, ps, ev: [n + d for n in ev for d in (-1, 0, 1)]),
    "near2": _region(lambda r, t, ps, ev: [n + d for n in ev for d in (-2, -1, 0, 1, 2)]),
    "before": _region(lambda r, t, ps, ev: list(range(min(ev))) if ev else []),
    "after": _region(lambda r, t, ps, ev: list(range(max(ev) + 1, len(ps))) if ev else []),
    "party": _region(_names_party),
}


def _within(labels: set[str], region) -> Add:
    return lambda r, t, p: [n for low, high in region(r, t, p) for n in p.entities(labels, low, high)]


def _subject_entities(labels: set[str]) -> Add:
    def names(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
        found = []
        for ent in parsed.doc.ents:
            if ent.label_ in labels and ent.root.dep_ in ("nsubj", "nsubjpass"):
                found += [ent.text, ent[-1].text]
        return found

    return names


DENYING = {"deny", "reject", "dismiss", "refute", "rebuff", "disprove"}
SUBJECT_PRONOUNS = {"he", "she"}


def _near2(record: dict, transfer: dict, parsed: Parsed) -> list[tuple[int, int]]:
    return REGIONS["near2"](record, transfer, parsed)


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(low <= at <= high for low, high in spans)


def _pronoun_antecedents(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
    """For each "he"/"she" subject near the evidence, the last person named anywhere before it."""
    spans, people = _near2(record, transfer, parsed), [e for e in parsed.doc.ents if e.label_ == "PERSON"]
    names = []
    for token in parsed.doc:
        if token.lower_ in SUBJECT_PRONOUNS and token.dep_ == "nsubj" and _inside(spans, token.idx):
            before = [e for e in people if e.end_char <= token.idx]
            names += [before[-1].text, before[-1][-1].text] if before else []
    return names


def _entity_roles(labels: set[str], roles: set[str], region: bool) -> Add:
    """Entities whose root has one of `roles` (near the evidence when `region`)."""

    def names(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
        spans = _near2(record, transfer, parsed) if region else [(0, len(parsed.text))]
        found = []
        for ent in parsed.doc.ents:
            if ent.label_ in labels and ent.root.dep_ in roles and _inside(spans, ent.start_char):
                found += [ent.text, ent[-1].text]
        return found

    return names


def _pobj_of(words: set[str]) -> Add:
    def names(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
        spans = _near2(record, transfer, parsed)
        found = []
        for ent in parsed.doc.ents:
            root = ent.root
            governed = root.dep_ == "pobj" and root.head.lower_ in words
            if ent.label_ in NAMED and governed and _inside(spans, ent.start_char):
                found += [ent.text, ent[-1].text]
        return found

    return names


NAMED = {"PERSON", "ORG"}
STATES = {"GPE", "NORP"}
# The third run: which constructions the missed names stand in (SOURCE_GAUGE=roles).
ROLES: dict[str, Add] = {
    "add_denying_subjects": lambda r, t, p: p.subjects(DENYING),
    "add_pronoun_antecedents": _pronoun_antecedents,
    "add_possessors_near2": _entity_roles(NAMED, {"poss"}, True),
    "add_by_from_with_near2": _pobj_of({"by", "from", "with"}),
    "add_state_subjects_near2": _entity_roles(STATES, {"nsubj", "nsubjpass"}, True),
    "add_state_modifiers_near2": _entity_roles(STATES, {"amod", "compound", "poss"}, True),
    "add_named_subjects_near2": _entity_roles(NAMED, {"nsubj", "nsubjpass"}, True),
    "add_named_objects_near2": _entity_roles(NAMED, {"dobj", "pobj", "appos", "conj"}, True),
    "add_named_modifiers_near2": _entity_roles(NAMED, {"compound", "amod", "nmod"}, True),
}


# Nouns whose possessor or state modifier speaks through them ("Zelensky's office", "Kyiv's
# statement", "the Russian defence ministry").
VOICES = {
    "office", "spokesman", "spokeswoman", "spokesperson", "ministry", "press", "service", "statement",
    "post", "channel", "account", "adviser", "advisor", "aide", "government", "administration", "report",
    "data", "analysis", "comment", "remark", "word", "letter", "website", "page", "military", "army",
    "force", "official", "media", "intelligence", "authority", "command", "staff", "embassy", "agency",
}  # fmt: skip


def _owners(labels: set[str], voiced: bool) -> Add:
    """Entities near the evidence that own or modify a noun of VOICES (or, not `voiced`, another)."""

    def names(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
        spans = _near2(record, transfer, parsed)
        found = []
        for ent in parsed.doc.ents:
            root = ent.root
            owning = root.dep_ in ("poss", "amod", "compound") and root.head.pos_ in ("NOUN", "PROPN")
            kind = (root.head.lemma_.lower() in VOICES) == voiced
            if ent.label_ in labels and owning and kind and _inside(spans, ent.start_char):
                found += [ent.text, ent[-1].text, f"{ent.text} {root.head.text}"]
        return found

    return names


# The fourth run, on the changed branch: whose voice the owners and modifiers stand for.
VOICED: dict[str, Add] = {
    "add_pronoun_antecedents": _pronoun_antecedents,
    "add_named_owners_of_voices": _owners(NAMED, True),
    "add_named_owners_of_others": _owners(NAMED, False),
    "add_state_owners_of_voices": _owners(STATES, True),
    "add_state_owners_of_others": _owners(STATES, False),
}


def _reporting_pronoun(token) -> bool:
    from materiel.extract.reporting import REPORT_VERBS

    return token.lower_ in SUBJECT_PRONOUNS and token.dep_ == "nsubj" and token.head.lemma_ in REPORT_VERBS


def _antecedents(subject_first: bool, far_only: bool) -> Add:
    """For each "he"/"she" subject of a verb of saying near the evidence, the person named last
    before it (a subject first when `subject_first`; only one named over two paragraphs up when
    `far_only`)."""

    def names(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
        spans, found = _near2(record, transfer, parsed), []
        people = [e for e in parsed.doc.ents if e.label_ == "PERSON"]
        for token in parsed.doc:
            if not (_reporting_pronoun(token) and _inside(spans, token.idx)):
                continue
            before = [e for e in people if e.end_char <= token.idx]
            if subject_first:
                before = [e for e in before if e.root.dep_ in ("nsubj", "nsubjpass")] or before
            if far_only:
                before = [e for e in before if parsed.text.count("\n", e.end_char, token.idx) > 2]
            found += [before[-1].text, before[-1][-1].text] if before else []
        return found

    return names


def _people_where(test: Callable[[str], bool]) -> Add:
    """People of the paragraphs near the evidence whose text passes `test`."""

    def names(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
        spans = [(lo, hi) for lo, hi in _near2(record, transfer, parsed) if test(parsed.text[lo:hi])]
        return [n for lo, hi in spans for n in parsed.entities({"PERSON"}, lo, hi)]

    return names


QUOTE_MARKS = re.compile(r"[\"“”]")
SAYING = re.compile(r"\b(?:said|says|told|tells|according|added|wrote|writes|stated|noted|claimed)\b", re.I)
# The fifth run: which persons near the evidence the gold credits (SOURCE_GAUGE=people).
PEOPLE: dict[str, Add] = {
    "add_reporting_pronoun_antecedents": _antecedents(False, False),
    "add_reporting_pronoun_subject_antecedents": _antecedents(True, False),
    "add_reporting_pronoun_far_antecedents": _antecedents(False, True),
    "add_people_near2_quoting": _people_where(lambda text: bool(QUOTE_MARKS.search(text))),
    "add_people_near2_not_quoting": _people_where(lambda text: not QUOTE_MARKS.search(text)),
    "add_people_near2_saying": _people_where(lambda text: bool(SAYING.search(text))),
    "add_people_near2_not_saying": _people_where(lambda text: not SAYING.search(text)),
}


# Words of institutions whose bare form sits inside the gold's fuller name ("ministry" inside
# "ukraine's defense ministry"): the rise is the gold's agencies we name in another form or not at all.
INSTITUTIONS = (
    "ministry", "pentagon", "kremlin", "government", "military", "army", "navy", "embassy", "office",
    "white house", "state department", "command", "agency", "spokesman", "spokeswoman", "spokesperson",
    "president", "minister", "department", "administration", "parliament", "congress",
)  # fmt: skip
# Nouns of records and of unnamed groups who hold them ("the recordings", "prosecutors claim").
RECORDS = (
    "report", "reports", "cable", "cables", "documents", "records", "recordings", "audio", "data",
    "filing", "filings", "footage", "images", "video", "photos", "investigation", "court", "indictment",
    "prosecutors", "investigators", "researchers", "monitors", "lawmakers", "activists", "witnesses",
    "media", "press", "observers", "commanders", "soldiers",
)  # fmt: skip


def _words_in_text(words: tuple[str, ...]) -> Add:
    return lambda r, t, p: [w for w in words if re.search(rf"\b{w}\b", p.text, re.IGNORECASE)]


def _everything(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
    return (
        parsed.entities({"PERSON", "ORG"}) + _unnamed(record, transfer, parsed) + _outlets(record, transfer, parsed)
        + _siblings(record, transfer, parsed) + _speakers(record, transfer, parsed)
    )  # fmt: skip


def _only_when(empty: bool, add: Add) -> Add:
    """`add`'s names only for transfers whose sources are empty (`empty`) or not."""
    return lambda r, t, p: add(r, t, p) if (not t.get("sources")) == empty else []


def _title_names(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
    from materiel.extract.nlp import load_model

    doc = load_model()(record.get("title") or "")
    return [n for e in doc.ents if e.label_ in {"PERSON", "ORG"} for n in (e.text, e[-1].text)]


# The sixth run (sources7): on which transfers the misses sit and in which form they are named.
FORMS: dict[str, Add] = {
    "add_everything": _everything,
    "add_everything_if_empty": _only_when(True, _everything),
    "add_everything_if_given": _only_when(False, _everything),
    "add_institution_words": _words_in_text(INSTITUTIONS),
    "add_record_words": _words_in_text(RECORDS),
    "add_title_names": _title_names,
    "add_party_names": lambda r, t, p: [(t.get(k) or {}).get("name") or "" for k in ("supplier", "recipient")],
}


def _ours_hold(word: str, transfer: dict) -> bool:
    return any(re.search(rf"\b{word}\b", s.get("name") or "", re.IGNORECASE) for s in transfer.get("sources") or [])


def _institutions_where(words: tuple[str, ...], near: bool = False, ours: bool | None = None) -> Add:
    """INSTITUTIONS words in the text (near the evidence when `near`; only those some source of
    ours already holds when `ours`, only those none holds when `ours` is False)."""

    def names(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
        spans = _near2(record, transfer, parsed) if near else [(0, len(parsed.text))]
        found = []
        for word in words:
            present = any(re.search(rf"\b{word}\b", parsed.text[lo:hi], re.IGNORECASE) for lo, hi in spans)
            if present and (ours is None or _ours_hold(word, transfer) == ours):
                found.append(word)
        return found

    return names


# The seventh run (sources7): which institution words the two misses of FORMS hold, and whether
# one of our names already holds the word in another form.
INSTITUTED: dict[str, Add] = {
    "add_ministry": _institutions_where(("ministry",)),
    "add_department": _institutions_where(("department", "state department")),
    "add_pentagon_white_house_kremlin": _institutions_where(("pentagon", "white house", "kremlin")),
    "add_government_administration": _institutions_where(("government", "administration")),
    "add_military_army_navy_command": _institutions_where(("military", "army", "navy", "command")),
    "add_office_spokes_president_minister": _institutions_where(
        ("office", "spokesman", "spokeswoman", "spokesperson", "president", "minister")
    ),
    "add_embassy_agency_parliament_congress": _institutions_where(("embassy", "agency", "parliament", "congress")),
    "add_institutions_near2": _institutions_where(INSTITUTIONS, near=True),
    "add_institutions_ours_hold": _institutions_where(INSTITUTIONS, ours=True),
    "add_institutions_ours_lack": _institutions_where(INSTITUTIONS, ours=False),
}

MISSED_BODIES = ("department", "military", "army", "navy", "command")  # the two words INSTITUTED found


def _body_tokens(parsed: Parsed):
    return [t for t in parsed.doc if t.lower_ in MISSED_BODIES]


def _cited_body(token) -> bool:
    """The body's noun phrase is the subject of a verb of saying, or follows "according to"/"by"."""
    from materiel.extract.reporting import REPORT_VERBS

    head = token
    while head.dep_ in ("compound", "amod", "conj", "appos") and head.head is not head:
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass"):
        return head.head.lemma_ in REPORT_VERBS | REPORTING
    return head.dep_ == "pobj" and head.head.lower_ in ("to", "by", "from")


def _sentence_sides(token, transfer: dict) -> set[str]:
    """The sides ("supplier", "recipient") whose party the body's sentence names."""
    from materiel.extract.lexicon import find_actors

    ids = {m.id for m in find_actors(token.sent.text)}
    return {k for k in ("supplier", "recipient") if (transfer.get(k) or {}).get("id") in ids}


def _bodies(test) -> Add:
    def names(record: dict, transfer: dict, parsed: Parsed) -> list[str]:
        return [t.lower_ for t in _body_tokens(parsed) if test(t, transfer, parsed)]

    return names


def _in_lead(token, parsed: Parsed) -> bool:
    return parsed.text.count("\n\n", 0, token.idx) < 2 and parsed.text.count("\n", 0, token.idx) < 4


# The eighth run (sources7): in which construction the missed department and military stand.
BODIES: dict[str, Add] = {
    "add_bodies": _bodies(lambda t, tr, p: True),
    "add_bodies_cited": _bodies(lambda t, tr, p: _cited_body(t)),
    "add_bodies_not_cited": _bodies(lambda t, tr, p: not _cited_body(t)),
    "add_bodies_supplier_sentence": _bodies(lambda t, tr, p: "supplier" in _sentence_sides(t, tr)),
    "add_bodies_recipient_only_sentence": _bodies(lambda t, tr, p: _sentence_sides(t, tr) == {"recipient"}),
    "add_bodies_no_party_sentence": _bodies(lambda t, tr, p: not _sentence_sides(t, tr)),
    "add_bodies_lead": _bodies(lambda t, tr, p: _in_lead(t, p)),
    "add_bodies_before_evidence": _bodies(
        lambda t, tr, p: any(t.idx < e["start"] for e in tr.get("evidence") or [] if "start" in e)
    ),
}

ACTS = {"approve", "authorize", "authorise", "sign", "decide", "agree", "offer", "order", "award", "clear", "notify"}
MOVES = {"send", "supply", "deliver", "provide", "transfer", "sell", "give", "ship", "buy", "receive", "acquire"}


def _noun_head(token):
    head = token
    while head.dep_ in ("compound", "amod", "conj", "appos", "pobj", "prep") and head.head is not head:
        if head.dep_ == "pobj" and head.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        head = head.head
    return head


def _body_role(verbs: set[str] | None, roles: set[str]):
    """The body's noun phrase has one of `roles`, under a verb of `verbs` (any verb when None)."""

    def test(token, transfer: dict, parsed: Parsed) -> bool:
        head = _noun_head(token)
        if head.dep_ not in roles or "supplier" not in _sentence_sides(token, transfer):
            return False
        return verbs is None or head.head.lemma_ in verbs

    return test


# The ninth run (sources7): what the supplier's department or military does in its sentence.
ROLES_OF_BODIES: dict[str, Add] = {
    "add_bodies_supplier_sentence": _bodies(lambda t, tr, p: "supplier" in _sentence_sides(t, tr)),
    "add_bodies_subject_of_acts": _bodies(_body_role(ACTS, {"nsubj", "nsubjpass"})),
    "add_bodies_subject_of_moves": _bodies(_body_role(MOVES, {"nsubj", "nsubjpass"})),
    "add_bodies_subject_of_other_verbs": _bodies(
        lambda t, tr, p: (
            _body_role(None, {"nsubj", "nsubjpass"})(t, tr, p) and _noun_head(t).head.lemma_ not in ACTS | MOVES
        )
    ),
    "add_bodies_agent_by": _bodies(
        lambda t, tr, p: (
            _noun_head(t).dep_ == "pobj" and _noun_head(t).head.lower_ == "by" and "supplier" in _sentence_sides(t, tr)
        )
    ),
    "add_bodies_objects": _bodies(_body_role(None, {"dobj", "pobj", "dative"})),
    "add_bodies_modifiers": _bodies(_body_role(None, {"compound", "amod", "poss", "nmod"})),
}

# The first run: which kinds of name the misses are (SOURCE_GAUGE=kinds, with the drops).
KINDS: dict[str, Add] = {
    "add_siblings": _siblings,
    "add_speakers": _speakers,
    "add_persons": lambda r, t, p: p.entities({"PERSON"}),
    "add_para_persons": _in_paragraphs(lambda p, lo, hi: p.entities({"PERSON"}, lo, hi)),
    "add_orgs": lambda r, t, p: p.entities({"ORG"}),
    "add_para_orgs": _in_paragraphs(lambda p, lo, hi: p.entities({"ORG"}, lo, hi)),
    "add_gpe_norp": lambda r, t, p: p.entities({"GPE", "NORP"}),
    "add_unnamed_words": _unnamed,
    "add_outlets": _outlets,
    "add_reporting_subjects": lambda r, t, p: p.subjects(REPORTING),
    "add_para_reporting_subjects": _in_paragraphs(lambda p, lo, hi: p.subjects(REPORTING, lo, hi)),
}
# The second run: where in the article the missed people and organisations are (SOURCE_GAUGE=where).
WHERE: dict[str, Add] = {
    "add_persons": lambda r, t, p: p.entities({"PERSON"}),
    "add_orgs": lambda r, t, p: p.entities({"ORG"}),
    **{f"add_persons_{k}": _within({"PERSON"}, region) for k, region in REGIONS.items()},
    **{f"add_orgs_{k}": _within({"ORG"}, region) for k, region in REGIONS.items()},
    "add_subject_persons": _subject_entities({"PERSON"}),
    "add_subject_orgs": _subject_entities({"ORG"}),
    "add_gpe_norp_near1": _within({"GPE", "NORP"}, REGIONS["near1"]),
    "add_gpe_norp_party": _within({"GPE", "NORP"}, REGIONS["party"]),
    "add_outlet_subjects": lambda r, t, p: p.subjects(REPORTING) + _outlets(r, t, p),
}
DROPS = ("media", "official", "person", "other")


def _with(records: list[dict], extra: Callable[[dict, dict], list[str]]) -> list[dict]:
    out = []
    for record in records:
        transfers = []
        for t in record.get("transfers") or []:
            names = [{"name": n} for n in extra(record, t) if n and n.strip()]
            transfers.append({**t, "sources": (t.get("sources") or []) + names})
        out.append({**record, "transfers": transfers})
    return out


def _without(records: list[dict], kind: str) -> list[dict]:
    def keep(t: dict) -> dict:
        return {**t, "sources": [s for s in t.get("sources") or [] if s.get("kind") != kind]}

    return [{**r, "transfers": [keep(t) for t in r.get("transfers") or []]} for r in records]


def _line(name: str, scored: dict) -> dict:
    rate = scored["fields"]["sources"]
    fraction = str(Fraction(rate).limit_denominator(MAX_TRIALS)) if rate is not None else None
    return {"variant": name, "sources": rate, "fraction": fraction}


def gauge(gold: str, pred: str, totals: str) -> None:
    records = [json.loads(line) for line in Path(pred).read_text(encoding="utf-8").splitlines() if line.strip()]
    parsed = {r["id"]: Parsed(r) for r in records if r.get("transfers")}
    chosen = os.environ.get("SOURCE_GAUGE", "where")
    variants = {"base": records, **({f"drop_{k}": _without(records, k) for k in DROPS} if chosen == "kinds" else {})}
    sets = {
        "kinds": KINDS, "where": WHERE, "roles": ROLES, "voices": VOICED, "people": PEOPLE, "forms": FORMS,
        "instituted": INSTITUTED, "bodies": BODIES, "body_roles": ROLES_OF_BODIES,
    }  # fmt: skip
    for name, add in sets[chosen].items():
        variants[name] = _with(records, lambda r, t, add=add: add(r, t, parsed[r["id"]]))
    with tempfile.TemporaryDirectory(dir=Path(pred).parent) as folder:
        lines = [_line(name, score_records(gold, recs, folder)) for name, recs in variants.items()]
    with open(totals, "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(line) + "\n" for line in lines)


if __name__ == "__main__":
    gauge(*sys.argv[1:4])
