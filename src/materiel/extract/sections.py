"""Explainers and trackers set down line by line, with no transfer word on the line that names
the item: a state's name as a heading over what it gave ("Germany" over "- 18 Leopard 2 tanks"),
an item's name over the states that gave it ("Leopard 2" over "- Poland: 14"), and a table's
rows ("Denmark | Caesar howitzers | 19 | pledged"). The heading's state supplies, the state the
page's title names receives (its one state: "What each ally has given Ukraine"), and the entry's
own word, if any, gives the stage ("(pledged)"); else the items are the state's gifts, delivered.

A heading that names no state or item ("Background") opens no section; a page whose title names
no state, or two ("Russia launches massive strike on Ukraine"), has no recipient for its
sections; a state at war with the recipient ("Russia" over "- 120 Shahed drones" on a page about
Ukraine) supplies it nothing; and a table tells a transfer only in a row with a stage in a cell
of its own: a table of stocks ("Ukraine | T-64 | 800") or a ranking tells none (table rows and
transcript turns are read in `tablerows`, the page's recipient in `pagerecipient`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.amounts import amount_for
from materiel.extract.candidate import Candidate
from materiel.extract.context import Context, Paragraph
from materiel.extract.gate import ENTRY
from materiel.extract.hostile import war_pairs
from materiel.extract.lexicon import Mention, find_actors
from materiel.extract.pagerecipient import HEADING_END, page_recipient, shifted
from materiel.extract.roles import Roles
from materiel.extract.statenouns import STATE_KINDS

# The dependencies of a clause's subject: an entry with its own names its own sides.
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# A heading names a state or an item in a few words, alone on its line.
HEADING_WORDS = 4
# An entry of a section: a line of at most this many words ("Six F-16 jets, promised in 2023.");
# a paragraph of prose is longer, and closes the section.
ENTRY_WORDS = 20
# An entry led by a state's name ("- Germany: 18", "• Germany – three batteries (delivered)").
STATE_LABEL = re.compile(r"^\s*(?:[-*•–·▪]\s+)?(?P<name>[^:–—|]+?)\s*(?::|\s[–—-])\s")
# What may stand before a question that opens its paragraph: an interview's mark ("Q: What ...").
ASKER = re.compile(r"^\s*(?:Q\s*[:.]\s*)?$")
# The answer set down in the question's paragraph ("Q: What has Britain sent? A: Storm Shadow").
ANSWER = re.compile(r"\?\s+A\s*[:.]\s")
# A line that answers the question before it ("A: ATACMS missiles"): an entry, never a heading.
ANSWER_LINE = re.compile(r"^\s*A\s*:\s")
# The words by which a question asks what is given ("What has Britain sent?").
ASKED = {"what", "which"}
# Auxiliaries of a question on what a state might give: its answers are no gifts.
WISHED = {"could", "would", "might", "should", "may"}
# Items too general to take a section's sides from a line that is no entry of its list ("More aid
# is expected before the summer." under the last heading).
GENERAL = {"unspecified", "funding"}
# What is still to come ("to arrive by 2028", "to be delivered next year", "will arrive").
TO_COME = re.compile(
    r"""\b(?:to\ arrive | to\ be\ (?:delivered|sent|supplied) | will\ (?:arrive|be\ delivered))\b""", re.I | re.X
)
# The stage an entry or a table's cell gives by its own word, in the order they are tried.
STAGE_WORDS = (
    ("refused", re.compile(r"\b(?:refused|declined|ruled\ out|rejected|denied)\b", re.I | re.X)),
    ("cancelled", re.compile(r"\b(?:cancell?ed|withdrawn|scrapped)\b", re.I | re.X)),
    ("postponed", re.compile(r"\b(?:postponed|delayed|paused|suspended|on\ hold)\b", re.I | re.X)),
    ("considered", re.compile(r"\b(?:considered|under\ consideration|discussed|possible)\b", re.I | re.X)),
    ("in_progress", re.compile(r"\b(?:in\ progress|under\ way|underway|being\ delivered)\b", re.I | re.X)),
    ("pledged", TO_COME),  # before the words of delivery: "to be delivered next year"
    ("delivered", re.compile(r"\b(?:delivered|sent|supplied|donated|handed\ over|arrived|received)\b", re.I | re.X)),
    ("pledged", re.compile(r"\b(?:pledged|promised|announced|approved|agreed|ordered|contracted)\b", re.I | re.X)),
    ("requested", re.compile(r"\b(?:requested|asked\ for)\b", re.I | re.X)),
)
# Words of a stock held, not given ("- Germany: 300 in service", "- 600 tanks in service"): such an
# entry tells no transfer.
STOCK = re.compile(
    r"\b(?:in\ service|in\ stock|in\ storage|in\ use|operat(?:es|ed|ing)|fields?|fielded|inventory)\b", re.I | re.X
)
# The stage of a section's entry that says none: a country's list in an explainer is what it gave.
DEFAULT_STAGE = "delivered"


@dataclass
class Section:
    supplier: Mention | None  # the heading's state, in the article's offsets
    recipient: Mention | None  # the page's recipient, in the article's offsets
    item: Mention | None = None  # the heading's item, in the article's offsets
    heading: bool = False  # opened by a heading line, which holds nothing more to read


def opened(context: Context, paragraph: Paragraph, sentence: SpacySpan, listed: bool = False) -> Section | None:
    """The section a paragraph of one sentence opens: a heading that names only a state
    ("Germany") or an item ("Leopard 2"), or a question on what a state gives ("What has France
    sent?"). Another heading or question ("Background", "Is more coming?") closes the section
    before it with one that names no side. Under a header's list or a state's heading (`listed`),
    an item's name alone is an entry ("Challenger 2 tanks"), no heading."""
    text = paragraph.text.strip().rstrip(HEADING_END).strip()
    whole = sentence.start == 0 and sentence.end == len(paragraph.doc)
    first = ASKER.match(paragraph.text[: sentence.start_char]) is not None
    if first and sentence.text.rstrip().endswith("?") and (whole or ANSWER.search(paragraph.text)):
        return _asked(context, paragraph, sentence)  # "What has France sent?", "Q: ...? A: ..."
    if not whole:
        return None
    if len(text.split()) > HEADING_WORDS:
        return None
    begin = paragraph.text.index(text) if text else 0
    whole = [m for m in paragraph.actors + paragraph.items if m.start == begin and m.end == begin + len(text)]
    if not whole:  # "Background": the section before ends; not "Leopard 2 tanks: 18", an entry
        return Section(None, None) if _heading(text) and not _counts_items(paragraph) else None
    named = shifted(whole[0], paragraph.offset)
    if named.kind == "item":  # not an entry of a list a header opened ("The UK will send Ukraine:")
        return None if listed and not _over_states(context, paragraph) else Section(None, None, named, heading=True)
    if named.kind not in STATE_KINDS or not named.id:
        return None
    if _story_list(context, paragraph):
        return Section(None, None, heading=True)  # "Germany" over a site's list of its other stories
    return Section(named, recipient_of(context, named), heading=True)


def _over_states(context: Context, heading: Paragraph) -> bool:
    """Is the line after the item's name led by a state's name ("Leopard 2" over "- Poland: 14")?
    Then the name heads an item's section of its own, also under a state's heading."""
    rest = context.article.text[heading.offset + len(heading.text) :].lstrip("\n")
    label = STATE_LABEL.match(rest.split("\n", 1)[0])
    names = find_actors(label.group("name"), context.year) if label is not None else []
    return any(m.kind in STATE_KINDS and m.id for m in names)


def gives(section: Section | None) -> bool:
    """Is the section a state's list of what it gave ("Germany" over its lines)? An item's name
    alone on a line in it ("Leopard 2 tanks") is an entry of the list, not a heading of its own."""
    return section is not None and section.supplier is not None and section.item is None


def _story_list(context: Context, heading: Paragraph) -> bool:
    """A state's heading alone at the page's foot over a line led by someone who acts, or a
    sentence of its own: a site's list of that country's other stories (clean/sections.py)."""
    from materiel.clean.sections import lone_foot_heading, section_entries, story_list

    text = context.article.text
    lines, index = text.split("\n\n"), text[: heading.offset].count("\n\n")
    section = section_entries(lines, index)
    if story_list(lines, index, section):
        return True
    below = set(section[1:])
    read = [p for p in context.read() if text[: p.offset].count("\n\n") in below]
    own = any(_own_clause(sentence) for p in read for sentence in p.doc.sents)
    return own and lone_foot_heading(lines, index)


def recipient_of(context: Context, supplier: Mention) -> Mention | None:
    """The page's recipient, where the supplier may give to it: not itself, not its enemy
    ("Russia" over what it fired at Ukraine)."""
    recipient = page_recipient(context, supplier.id)
    if recipient is None:
        return None
    return None if frozenset((supplier.id, recipient.id)) in war_pairs(context) else recipient


def _asked(context: Context, paragraph: Paragraph, sentence: SpacySpan) -> Section:
    """A question that asks what a state gives, the state the subject of the verb of giving
    ("What has Britain sent?", "What else will Germany send?"): its answers are that state's
    gifts; any other question ("Could Spain send its missiles?", "Is Russia getting help?",
    "Is more coming?") closes the section before it."""
    for token in sentence:
        asks = any(c.dep_ in ("dobj", "attr") and c.lower_ in ASKED for c in token.children)
        wished = any(c.dep_ == "aux" and c.lower_ in WISHED for c in token.children)
        if syntax.cue_kind(token) != "transfer" or not asks or wished:
            continue  # "What could Germany send instead?": no gift yet
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        named = [m for m in paragraph.actors if subjects and m.start <= subjects[0].idx < m.end]
        if named and named[0].kind in STATE_KINDS and named[0].id:
            supplier = shifted(named[0], paragraph.offset)
            return Section(supplier, recipient_of(context, supplier))
    return Section(None, None)


def _counts_items(paragraph: Paragraph) -> bool:
    """Does the short line count items ("Leopard 2 tanks: 18", "Drones (1,000)")? Then it is an
    entry of the section above, not a heading of its own; a kind named with no count ("Tanks and
    armour") may head a part of the page, and closes the section as any heading does."""
    return bool(paragraph.items) and any(not a.is_money for a in paragraph.amounts)


def _heading(text: str) -> bool:
    """A heading that names no state or item ("Background", "Analysis"): a few capitalised words
    with no closing stop."""
    if ANSWER_LINE.match(text) is not None:
        return False  # "A: ATACMS missiles", the answer to "Q: What did Germany send?"
    return bool(text) and text[:1].isupper() and not text.endswith((".", "!", "?")) and ENTRY.match(text) is None


def follows(context: Context, previous: Paragraph | None, paragraph: Paragraph) -> bool:
    """Whether a paragraph is the line right after the one read before it, and short enough to
    be a section's entry: a paragraph of prose, or one between them the parse skipped, ends it."""
    if previous is None or len(paragraph.text.split()) > ENTRY_WORDS:
        return False
    return not context.article.text[previous.offset + len(previous.text) : paragraph.offset].strip()


def entries(
    context: Context, paragraph: Paragraph, sentence: SpacySpan, number: int, section: Section, found: list[Candidate]
) -> list[Candidate]:
    """A section's entry read: under an item's heading, the entry led by a state; under a
    state's, the sentence's candidates given the sides they lack, or its items as the state's
    gifts where no transfer word governs them."""
    if section.item is not None:
        return item_entries(context, paragraph, sentence, section, number) or found
    if section.supplier is None or section.recipient is None:
        return found
    if not found and _bare_entry(paragraph, sentence, section):
        found = bare_items(paragraph, sentence, number)
    if section.heading and _own_clause(sentence):
        return found  # "- Lithuania buys 44 Leopard tanks", "Tehran has sent drones": its own sides
    listed = ENTRY.match(paragraph.text) is not None
    return [with_sides(c, section) if listed or c.item.id not in GENERAL else c for c in found]


def _bare_entry(paragraph: Paragraph, sentence: SpacySpan, section: Section) -> bool:
    """An entry of the state's list with no word of its own for the transfer: bulleted or without
    a finite verb ("- 18 Leopard 2 tanks", "Caesar howitzers (delivered)", "Thirty F-16 jets, to
    arrive by 2028."; not "Tanks remain scarce."),
    no stock ("600 tanks in service"), no other state ("K2 tanks from South Korea": that state
    supplies, and no verb says so), and not led by someone who acts ("- Bundeswehr orders 50
    more Puma tanks", however the parse reads it)."""
    from materiel.clean.sections import led_by_actor

    sides = {m.id for m in (section.supplier, section.recipient) if m is not None}
    named = [m for m in paragraph.actors if sentence.start_char <= m.start < sentence.end_char and m.id not in sides]
    verbless = not any(_finite(t) for t in sentence)  # "Thirty F-16 jets, to arrive by 2028."
    listed = ENTRY.match(paragraph.text) is not None or verbless
    return listed and not named and STOCK.search(sentence.text) is None and not led_by_actor(sentence.text)


def _own_clause(sentence: SpacySpan) -> bool:
    """The line is a sentence of its own: a finite verb with a subject that names someone, not a
    pronoun ("- Lithuania buys 44 Leopard tanks", "Tehran has sent Shahed drones"; not "- 18
    Leopard 2 tanks", "- Sent in 2023", "It has sent 18 tanks"). Under a heading its sides are the
    ones it names: a state's list of other stories at a page's foot, or a state that arms the
    page's recipient's enemy, gives the heading's state no gift and the page's recipient none.
    (The answer to a question on what a state gives, "Britain has sent Storm Shadow", still takes
    the question's sides.)"""
    return any(t.dep_ in SUBJECT_DEPS and t.pos_ not in ("PRON", "NUM") and _finite(t.head) for t in sentence)


def _finite(verb: Token) -> bool:
    """A verb of a clause that stands alone: finite, or led by an auxiliary ("has sent")."""
    finite = "Fin" in verb.morph.get("VerbForm")
    led = any(c.dep_ in ("aux", "auxpass") and c.pos_ == "AUX" for c in verb.children)  # not "to arrive"
    return verb.pos_ in ("VERB", "AUX") and (finite or led)


def bare_items(paragraph: Paragraph, sentence: SpacySpan, number: int) -> list[Candidate]:
    """The items of an entry with no transfer word ("- 18 Leopard 2 tanks"), as candidates with no
    sides yet, at the entry's own stage."""
    status = entry_stage(sentence.text)
    mentions = [m for m in paragraph.items if sentence.start_char <= m.start < sentence.end_char]
    return [
        Candidate(
            Roles(None, None),
            m,
            status,
            paragraph,
            sentence,
            number,
            "entry",
            True,
            amount_for(paragraph, sentence, m),
            staged=True,
            reason="entry",
        )
        for m in mentions
    ]


def entry_stage(text: str) -> str:
    """The stage an entry's own word gives ("(pledged)"), else the section's default."""
    return next((name for name, words in STAGE_WORDS if words.search(text)), DEFAULT_STAGE)


def with_sides(candidate: Candidate, section: Section) -> Candidate:
    """A candidate of a state's section given the sides its line does not name, in its
    paragraph's offsets: the heading's state supplies, the page's recipient receives; where the
    line names another supplier, the heading's state receives from it."""
    roles, shift = candidate.roles, -candidate.paragraph.offset
    if roles.supplier is not None and section.supplier is not None and roles.supplier.id != section.supplier.id:
        recipient = roles.recipient or shifted(section.supplier, shift)  # "Poland" over "- Abrams bought from the US"
        return replace(candidate, roles=Roles(roles.supplier, recipient, roles.via))
    supplier = roles.supplier or shifted(section.supplier, shift)
    recipient = roles.recipient or shifted(section.recipient, shift)
    return replace(candidate, roles=Roles(supplier, recipient, roles.via))


def item_entries(
    context: Context, paragraph: Paragraph, sentence: SpacySpan, section: Section, number: int
) -> list[Candidate]:
    """An item's section: the entry led by a state's name ("- Poland: 14") gives that state's
    transfer of the heading's item to the page's recipient."""
    label = STATE_LABEL.match(sentence.text)
    if label is None or section.item is None or STOCK.search(sentence.text):
        return []
    start, end = sentence.start_char + label.start("name"), sentence.start_char + label.end("name")
    states = [m for m in paragraph.actors if m.start == start and m.end == end and m.kind in STATE_KINDS and m.id]
    recipient = recipient_of(context, shifted(states[0], paragraph.offset)) if states else None
    if recipient is None:
        return []
    roles = Roles(states[0], shifted(recipient, -paragraph.offset), [])
    item = shifted(section.item, -paragraph.offset)
    status = entry_stage(sentence.text[label.end() - sentence.start_char :])
    amount = next((a for a in paragraph.amounts if a.start >= end and not a.is_money), None)
    return [
        Candidate(roles, item, status, paragraph, sentence, number, "entry", amount=amount, staged=True, reason="entry")
    ]
