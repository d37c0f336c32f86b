"""The stage a headline tells: the article reports the furthest stage of a transfer (GUIDE.md), and
the headline is part of it ("Leopard tanks from Germany arrive in Ukraine" over a body that tells
only the pledge). A headline advances a transfer whose two parties it names, or whose recipient
alone it names when the article has no other transfer of that item to it ("First Abrams tanks
arrive in Ukraine"), and no other state, by the stage its transfer word gives the transfer's
kind of item, when that stage is further. A headline that asks ("Will Germany send tanks?"),
denies ("not yet", "no tanks") or supposes ("could send", "if Germany sends") tells no stage.
Each step, taken or left, is noted on the article."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.article import Actor, Transfer
from materiel.countries import is_state_id
from materiel.extract import stage, syntax
from materiel.extract.context import Context
from materiel.extract.cuekinds import base_stage
from materiel.extract.headline import parsed_title
from materiel.extract.lexicon import find_actors
from materiel.extract.restage import restage
from materiel.extract.transfers import HELD, STAGE_ORDER

# Words of a headline that denies or supposes what it tells: "Did Germany deliver tanks? Not yet",
# "No tanks for Ukraine", "Germany could send tanks", "If Germany sends tanks".
DENYING = {"not", "n't", "no", "never", "nor", "neither"}  # denial ("not yet" is a denial)
DOUBTING = {
    *DENYING,
    "could", "might", "would", "should",  # modals of supposition
    "if", "whether", "unless",  # conditions
}  # fmt: skip
# Stages a denial makes: "Germany will not send Taurus to Ukraine" tells a refusal, which the
# stage rules read from the negation itself (a "not yet" they read as still to come); a denial
# is no doubt on them, a question or a supposition still is.
DENIED_STAGES = {"refused", "cancelled"}
# "May" is doubtful only as a modal, not the month ("Germany delivered tanks in May").
MODAL_MAY = "may"
# Parts of speech of a verb or a noun a doubting word may bear on, the cue's or another's ("does
# not confirm it", "no jets", "not jets"); on any other word ("Not yet" alone) it bears on the headline.
CLAUSE_HEADS = {"VERB", "AUX", "NOUN", "PROPN", "PRON"}
# A headline sums up: its perfect ("has provided shells") does not tell that the deliveries the
# body says have begun are over, so among the stages of transfers under way the body's stands.
UNDER_WAY = {"in_progress", "delivered"}


def advance_by_headline(context: Context, transfers: list[Transfer]) -> None:
    """Give each transfer the headline's stage for its kind of item where that is further."""
    title = context.article.title
    if not title:
        return
    named = {m.id for m in find_actors(title, context.year) if m.id}
    both = [t for t in transfers if _names_only_parties(t, named)]
    told_of = both + [t for t in transfers if t not in both and _names_its_recipient(t, named, transfers)]
    if not told_of:
        return  # the headline is parsed only for a transfer it could advance (most pages have none)
    paragraph = parsed_title(title, context.year)
    for transfer in told_of:
        for item in (m for m in paragraph.items if m.id == transfer.item.category):
            cue = _item_cue(paragraph.doc, item.start, item.end)
            if transfer not in both and not _same_lot(paragraph.doc, item.start, item.end, transfer.item.text):
                continue  # "Nagastra-1 drones delivered to India" over the body's US drones: another lot
            if cue is not None and transfer not in both and _gives(cue, item.start, item.end):
                continue  # "Ukraine sends tanks to the front": the recipient named gives them on
            told = stage.stage_of(cue, base_stage(cue)) if cue is not None else None
            if (
                cue is not None
                and told is not None
                and (_further(told, transfer.status) or _holds(told, transfer.status))
            ):
                _advance(context, transfer, told, _doubt(title, cue, item.start, item.end, told))


def _names_only_parties(transfer: Transfer, named: set[str]) -> bool:
    """Does the headline name both parties of the transfer, and no other state?"""
    parties = {a.id for a in (transfer.supplier, transfer.recipient) if a is not None and a.id}
    return len(parties) >= 2 and parties <= named and not any(is_state_id(i) and i not in parties for i in named)


def _names_its_recipient(transfer: Transfer, named: set[str], transfers: list[Transfer]) -> bool:
    """Does the headline name the transfer's recipient and no other state, the transfer being the
    article's one of its kind of item to that recipient? A headline leaves the supplier to the body
    ("First Abrams tanks arrive in Ukraine", "Ukraine receives its first F-16 jets")."""
    recipient = transfer.recipient.id if transfer.recipient is not None else None
    if recipient is None or transfer.supplier is None or not is_state_id(recipient):
        return False
    if not any(i == recipient for i in named) or any(is_state_id(i) and i != recipient for i in named):
        return False
    alike = [t for t in transfers if t.recipient is not None and t.recipient.id == recipient]
    return sum(t.item.category == transfer.item.category for t in alike) == 1


# Share of capitalised words from which a headline is in title case, its capitals no names.
TITLE_CASE = 0.6


def _same_lot(doc: Doc, start: int, end: int, body_item: str) -> bool:
    """Are the headline's items the body transfer's, as far as their names tell? Each model name
    in the headline's noun phrase ("Abrams", "F-16"; in a title-case headline only one with a
    digit) must be in the body's item ("First Abrams tanks arrive" over "31 Abrams tanks"); a
    generic one ("Tanks arrive") may be any lot."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    words = [t for t in doc if t.is_alpha or any(ch.isdigit() for ch in t.text)]
    title_case = sum(t.text[0].isupper() for t in words) >= TITLE_CASE * len(words)
    phrase = doc[span.root.left_edge.i : span.root.i + 1]
    names = [t.text for t in phrase if _model_name(t, title_case)]
    return all(n.lower() in body_item.lower() for n in names)


def _model_name(token: Token, title_case: bool) -> bool:
    """A word with a digit ("F-16", "Nagastra-1"), or a capitalised word inside a headline not in
    title case ("Abrams" in "First Abrams tanks arrive")."""
    if any(ch.isdigit() for ch in token.text):
        return True
    return token.text[:1].isupper() and token.i > 0 and not title_case


def _gives(cue: Token, start: int, end: int) -> bool:
    """A verb of giving whose subject is not the items: that subject, not the supplier a headline
    leaves out, sends ("Ukraine sends tanks to the front"; not "Tanks sent to Ukraine")."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    return syntax.cue_kind(cue) == "transfer" and any(not start <= s.idx < end for s in subjects)


def _further(told: str, status: str | None) -> bool:
    """Is the headline's stage further than the body's, by more than the body's finer reading of a
    transfer under way?"""
    if told in UNDER_WAY and status in UNDER_WAY:
        return False
    return STAGE_ORDER.get(told, 0) > STAGE_ORDER.get(status, 0)


def _holds(told: str, status: str | None) -> bool:
    """Does the headline hold a commitment the body tells ("Germany delays tank deliveries to
    Ukraine" over "Germany pledged 18 tanks"): the latest state the article reports, postponed?"""
    return status == "pledged" and told == HELD


def _doubt(title: str, cue: Token, start: int, end: int, told: str) -> str | None:
    """Why the headline tells its item no stage: it asks, or a word of denial or supposition bears
    on the cue (on it or a word above it), on the item ("no tanks") or stands alone ("Not yet");
    None when it tells one; a denial is no doubt on a refusal it makes (DENIED_STAGES). A doubt on
    another clause or noun leaves it ("delivers tanks, but no jets", "provided shells, although
    Seoul does not recognise it")."""
    if "?" in title:
        return "asks"
    governing = {cue.i, *(a.i for a in cue.ancestors)}
    for token in cue.doc:
        doubting = token.lower_ in DOUBTING or token.dep_ == "neg" or _modal_may(token)
        if told in DENIED_STAGES and (token.lower_ in DENYING or token.dep_ == "neg"):
            continue  # "will not send" tells the refusal
        alone = token.head.pos_ not in CLAUSE_HEADS  # "Not yet" standing alone
        bears = token.head.i in governing or start <= token.head.idx < end or alone
        if doubting and bears:
            return f"says '{token.text}'"
    return None


def _modal_may(token: Token) -> bool:
    return token.lower_ == MODAL_MAY and token.tag_ == "MD"


def _advance(context: Context, transfer: Transfer, told: str, doubt: str | None) -> None:
    """Advance the transfer to the headline's stage, or leave it where the headline doubts; note which."""
    what = f"{_name(transfer.supplier)} -> {_name(transfer.recipient)} {transfer.item.category}"
    if doubt is not None:
        context.article.notes.append(f"headline {doubt}: {what} left {transfer.status}, not {told}")
        return
    context.article.notes.append(f"headline: {what} advanced from {transfer.status} to {told}")
    restage(transfer, told, "headline", None)  # the title: no span of the text


def _name(actor: Actor | None) -> str:
    return actor.name if actor is not None else "?"


def _item_cue(doc: Doc, start: int, end: int) -> Token | None:
    """The transfer word governing the headline's item, if one governs it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return syntax.governing_cue(span.root, doc[:]) if span is not None else None
