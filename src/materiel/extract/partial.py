"""Completing one-sided candidates: an item mention whose sentence names only one side of a transfer.

An item whose sentence names only one side ("Germany finally agreed to send its Leopard tanks")
takes the other side from a nearby mention of the same kind of item ("Kyiv appealed for tanks"),
and a sentence that lists what a package holds ("It includes HIMARS and howitzers") takes both
sides from the package just mentioned. Both look back a few sentences, no further. What is still
one-sided at the article's end may take the article's one recipient or one supplier; and a side
named in a list ("the UAE, Kuwait and Bahrain") makes one candidate for each listed party. No
recipient is borrowed for an item sent to a place outside it (see `destinations`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span

from materiel.extract.amounts import mention_token
from materiel.extract.candidate import Candidate
from materiel.extract.coordinated import listed_mentions
from materiel.extract.destinations import destined
from materiel.extract.embargoes import known_embargo
from materiel.extract.hostile import war_pairs
from materiel.extract.lexicon import Mention
from materiel.extract.receivers import equips_named_party
from materiel.extract.roles import Roles
from materiel.extract.treenames import first_conjunct

if TYPE_CHECKING:
    from materiel.extract.context import Context, Paragraph

# How many sentences back a one-sided mention may look for its other side.
LOOK_BACK_SENTENCES = 3
# A sentence listing what a package or shipment holds refers back to it.
CONTENTS = re.compile(
    r"""\b(?:includ\w*|contain\w*|compris\w*|consist\w*|made\ up\ of)\b   # what a package holds
      | \bloaded\ with\b                                                  # what a shipment holds
      | \b(?:the|this|that|latest|new)\ (?:\w+\ )?package\b                 # the package named before""",
    re.I | re.X,
)
# Categories too general to give a far-away mention the article's recipient.
GENERAL = {"unspecified", "funding"}
# Stages of talk about a transfer that no supplier has taken on yet: such a mention takes no
# supplier from the rest of the article.
POTENTIAL = {"requested", "considered", "postponed"}
# Marks that open a quotation: a sentence opening with one is speech, not the article's narrative.
QUOTE_MARKS = ('"', "“", "‘", "'", "«")
# A speaker's own side: the subject "we" / "I" or the possessor "our" / "my" of an interview's
# answer or a transcript's turn ("We have given Ukraine all our howitzers").
FIRST_PERSON = {"we", "i", "our", "my"}
FIRST_PERSON_DEPS = {"nsubj", "nsubjpass", "poss"}


def conjoined_suppliers(candidate: Candidate) -> list[Candidate]:
    """'The United States and the EU stepped up their supplies': each named supplier is one;
    'arms sales to the UAE, Kuwait and Bahrain': each named recipient is one. A side taken from
    an earlier sentence has no conjuncts here."""
    out = []
    for other in _conjuncts(candidate, candidate.supplier):
        out.append(replace(candidate, roles=Roles(other, candidate.recipient, candidate.roles.via)))
    for other in _conjuncts(candidate, candidate.recipient):
        out.append(replace(candidate, roles=Roles(candidate.supplier, other, candidate.roles.via)))
    return out


def _conjuncts(candidate: Candidate, mention: Mention) -> list[Mention]:
    """Actors named in a list with the given one (its conjuncts), other than the two sides."""
    sentence = candidate.sentence
    listed_here = any(m is mention for m in candidate.paragraph.actors)
    if not listed_here or not sentence.start_char <= mention.start < sentence.end_char:
        return []  # a side taken from an earlier sentence is not listed in this one
    others = listed_mentions(candidate.paragraph, mention)
    taken = {candidate.supplier.id, candidate.recipient.id}
    out: list[Mention] = []
    for other in others:
        if other.id not in taken:
            taken.add(other.id)
            out.append(other)
    return out


def article_recipient(context: Context, found: list[Candidate], partial: list[Candidate]) -> list[Candidate]:
    """A supplier-only mention far from its recipient gets the article's one recipient, when the
    article's other transfer mentions all name the same one; never a state the article shows at
    war with the supplier ("Ukraine's forces are helped by British missiles" in a story of Russia's
    supplies gives Russia nothing of Ukraine's)."""
    recipients = {c.recipient.id for c in found} | {c.roles.recipient.id for c in partial if c.roles.recipient}
    if len(recipients) != 1:
        return []
    (only,) = recipients
    donor = next(c.recipient for c in found) if found else next(c.roles.recipient for c in partial if c.roles.recipient)
    at_war = war_pairs(context) if partial else set()
    out: list[Candidate] = []
    for candidate in partial:
        supplier = candidate.roles.supplier
        known = supplier is not None and any(c.key == (supplier.id, only, candidate.item.id) for c in found + out)
        enemy = supplier is not None and frozenset((supplier.id, only)) in at_war
        enemy = enemy or (
            supplier is not None and known_embargo(supplier.id, only, _told_before(candidate, only, found), context)
        )
        if lacks_recipient(candidate, only) and not known and enemy:
            context.settled.add(candidate.paragraph.offset + candidate.item.start)  # no other reading either
        elif (
            lacks_recipient(candidate, only)
            and not known
            and not destined(candidate, only)
            and not _equipped(candidate)
        ):
            out.append(replace(candidate, roles=Roles(supplier, donor, candidate.roles.via)))
    return out


def at_mention(candidate: Candidate) -> tuple[Paragraph, int]:
    return candidate.paragraph, candidate.item.start


def _told_before(candidate: Candidate, recipient: str, found: list[Candidate]) -> list[tuple[Paragraph, int]]:
    """The candidate's place, then that of the nearest transfer to the recipient it borrows a
    few sentences before it (LOOK_BACK_SENTENCES; one further off dates another event)."""
    near = range(candidate.number - LOOK_BACK_SENTENCES, candidate.number + 1)
    before = [c for c in found if c.recipient.id == recipient and c.number in near]
    return [at_mention(candidate)] + [
        at_mention(c) for c in sorted(before, key=lambda c: candidate.number - c.number)[:1]
    ]


def _equipped(candidate: Candidate) -> bool:
    """The sentence equips a party of its own that no lexicon names (`receivers.equips_named_party`)."""
    return equips_named_party(mention_token(candidate.paragraph, candidate.item))


def article_supplier(found: list[Candidate], partial: list[Candidate]) -> list[Candidate]:
    """A recipient-only mention whose sentence names no other party ("Over the years, tanks and
    ammunition have been delivered to Indonesia") gets the article's one supplier, when every
    transfer the rules read in full names the same one: the story is about that supplier."""
    suppliers = {c.supplier.id for c in found}
    if len(suppliers) != 1:
        return []
    donor = found[0].supplier
    out: list[Candidate] = []
    for candidate in partial:
        recipient = candidate.roles.recipient
        if recipient is None or not _lacks_supplier(candidate, donor.id) or _speaker_first(candidate, found):
            continue
        if not any(c.key == (donor.id, recipient.id, candidate.item.id) for c in found + out):
            out.append(replace(candidate, roles=Roles(donor, recipient, candidate.roles.via)))
    return out


def _lacks_supplier(candidate: Candidate, only: str | None) -> bool:
    """One-sided the other way: a transfer verb with a named recipient state, no supplier, a
    specific item, no party in its sentence but the recipient (and the article's supplier), in
    the narrative (not a quotation) and past talk: a request or a hypothesis has no supplier yet
    ("Kyiv needs to be provided with ..."), and a demonym names a state's own forces ("provided
    help to Russian units"), not a recipient."""
    roles = candidate.roles
    if roles.recipient is None or roles.supplier is not None or roles.recipient.id == only:
        return False
    start, end = candidate.sentence.start_char, candidate.sentence.end_char
    named = {m.id for m in candidate.paragraph.actors if start <= m.start < end}
    return (
        candidate.item.id not in GENERAL
        and candidate.cue_kind == "transfer"
        and roles.recipient.kind != "demonym"
        and candidate.status not in POTENTIAL
        and not candidate.sentence.text.lstrip().startswith(QUOTE_MARKS)
        and named <= {roles.recipient.id, only}
    )


def _speaker_first(candidate: Candidate, found: list[Candidate]) -> bool:
    """A speaker's "we" before the article names its supplier: an interview's answer or a
    transcript's turn ("We have given Ukraine all our howitzers") speaks for the speaker's own
    side, which a supplier the article names only later is not ("Russia is getting missiles from
    Iran"). After the supplier's own transfer, "we" may well be its people."""
    return _first_person(candidate.sentence) and not any(c.number < candidate.number for c in found)


def _first_person(sentence: Span) -> bool:
    """The sentence speaks for its speaker's side: "we" or "I" as a subject, "our" or "my"."""
    return any(t.lower_ in FIRST_PERSON and t.dep_ in FIRST_PERSON_DEPS for t in sentence)


def narrated(candidate: Candidate) -> bool:
    """Told as past or present fact (no potential stage), outside a quotation's sentence."""
    return not (candidate.status in POTENTIAL or candidate.sentence.text.lstrip().startswith(QUOTE_MARKS))


def alone_with(candidate: Candidate, party: str | None) -> bool:
    """Does the candidate's sentence name no party but `party`?"""
    start, end = candidate.sentence.start_char, candidate.sentence.end_char
    return all(m.id in (None, party) for m in candidate.paragraph.actors if start <= m.start < end)


def lacks_recipient(candidate: Candidate, only: str | None) -> bool:
    roles = candidate.roles
    return (
        roles.supplier is not None
        and roles.recipient is None
        and roles.supplier.id != only
        and candidate.item.id not in GENERAL
        and candidate.cue_kind == "transfer"
    )


def complete(
    candidate: Candidate, found: list[Candidate], partial: list[Candidate], out: list, context: Context
) -> None:
    """Fill a one-sided candidate from a recent one; a contents list inherits both sides; no
    recipient for an item the sentence moves to a place outside it (`destinations`); not a
    pair under the supplier's embargo in the year the two sentences, else the article, give ("North
    Korea shipped shells to Russia. Germany also sent shells" gives Germany's shells to no one in
    an article of 2023; after "In 2013, Italy sold Russia armoured vehicles" France's helicopters
    are Russia's)."""
    recent = [c for c in reversed(found + partial[:-1]) if 0 <= candidate.number - c.number <= LOOK_BACK_SENTENCES]
    recent.sort(key=lambda c: candidate.number - c.number)  # the nearest sentence first, full or one-sided
    for other in recent:
        carried = candidate.anaphoric and candidate.roles.supplier is None and other.roles.supplier is not None
        merged = _borrowed(candidate, other, carried, context)
        if merged is not None and merged.complete:
            _add_completed(candidate, other, merged, carried, recent, out)
            return


def _borrowed(candidate: Candidate, other: Candidate, carried: bool, context: Context) -> Roles | None:
    """The candidate's roles with the sides it lacks taken from a recent candidate `other` (the
    same item, a package whose contents it lists, or a supplier an anaphor carries over); none
    where `other` may lend none."""
    roles = candidate.roles
    if other.item.id != candidate.item.id and not _lists_contents(candidate, other) and not carried:
        return None
    if _stopover(candidate, other) or (not carried and _other_party(candidate, other)):
        return None
    supplier = roles.supplier or other.roles.supplier
    recipient = roles.recipient or other.roles.recipient
    if roles.supplier is None and roles.recipient is None and not (_lists_contents(candidate, other) or carried):
        return None
    merged = Roles(supplier, recipient, roles.via or other.roles.via)
    if roles.recipient is None and recipient is not None and destined(candidate, recipient.id):
        return None  # "Beijing sent 30 warplanes toward the island": moved there, given to no one
    if roles.recipient is None and recipient is not None and _third_party(candidate, other, recipient):
        return None
    if merged.complete and known_embargo(
        merged.supplier.id, merged.recipient.id, [at_mention(candidate), at_mention(other)], context
    ):
        return None
    return merged


def _add_completed(
    candidate: Candidate, other: Candidate, merged: Roles, carried: bool, recent: list[Candidate], out: list
) -> None:
    """Add the candidate completed with `merged`: a contents list (no side of its own) shares the
    package's stage unless its own is told, and each of the package's parties takes its items."""
    roles = candidate.roles
    listed = roles.supplier is None and roles.recipient is None and not carried
    shared = listed and not candidate.staged  # a package's items share its stage
    status, reason, at = (
        (other.status, f"package shared; {other.reason}", other.status_span())
        if shared
        else (candidate.status, candidate.reason, candidate.status_at)
    )
    completed = replace(candidate, roles=merged, status=status, reason=reason, status_at=at)
    out.append(completed)
    out.extend(conjoined_suppliers(completed))  # "sales to the UAE, Kuwait and Qatar"
    if listed:
        out.extend(_for_each_party(candidate, other, recent))


def _third_party(candidate: Candidate, other: Candidate, recipient: Mention) -> bool:
    """Is the candidate's supplier not the recent mention's, and does its own sentence name a
    party besides the two suppliers and the recipient it would borrow ("Turkey asked for American
    drones. Moscow has raised the provision of Israeli drone technology": the drones are Moscow's
    business with Israel, none of Turkey's)? A sentence of one supplier alone borrows as before
    ("Kyiv asked Washington for tanks. Germany will send Leopards")."""
    mine, theirs = candidate.roles.supplier, other.roles.supplier
    if mine is None or theirs is None or mine.id == theirs.id:
        return False
    start, end = candidate.sentence.start_char, candidate.sentence.end_char
    sides = {mine.id, recipient.id, theirs.id}
    named = [m for m in candidate.paragraph.actors if start <= m.start < end and m.id and m.id not in sides]
    return any(not _listed_with(candidate.paragraph, m, mine) for m in named)


def _listed_with(paragraph: Paragraph, mention: Mention, supplier: Mention) -> bool:
    """Is the mention in one list with the supplier ("Germany and the UK alone provided"): a
    fellow supplier, no third party?"""
    token, own = mention_token(paragraph, mention), mention_token(paragraph, supplier)
    if token is None or own is None:
        return False
    return first_conjunct(token) == first_conjunct(own) and token != own


def _other_party(candidate: Candidate, other: Candidate) -> bool:
    """The recent mention's supplier sent its item to another recipient than the one this
    sentence names: "The US supplied Britain with missiles. Peru tried to buy missiles" gives Peru
    no US missiles. The other way, a recipient supplied by several states ("France sold Iraq jets.
    The Soviet Union was sending jets too") is the story's, and its supplier's sentence keeps it.
    The same named system is its maker's wherever it goes ("Russia sold S-400 systems to India.
    Turkey also bought S-400 systems")."""
    mine, theirs = candidate.roles, other.roles
    if _lists_contents(candidate, other) or not theirs.complete or mine.recipient is None:
        return False
    if _same_system(candidate.item, other.item):
        return False
    return theirs.recipient is not None and mine.recipient.id != theirs.recipient.id


def _same_system(mine: Mention, theirs: Mention) -> bool:
    """Both mentions name one system by its proper name ("Patriot", "Rafale jets"), not a plain
    word ("missiles")."""
    return mine.text.lower() == theirs.text.lower() and any(c.isupper() for c in mine.text)


def _stopover(candidate: Candidate, other: Candidate) -> bool:
    """An arriving item that points back ("The tanks arrived in Poland for training") takes its
    supplier only from a transfer to where it arrives: anywhere else is a stop on its way."""
    arrival = candidate.roles.recipient
    if candidate.cue_kind != "arrive" or candidate.roles.supplier is not None or arrival is None:
        return False
    return other.roles.recipient is None or other.roles.recipient.id != arrival.id


def _for_each_party(candidate: Candidate, package: Candidate, recent: list[Candidate]) -> list[Candidate]:
    """A list detailing a package sold to several recipients (or by several suppliers) is each
    one's: the other parties the package's sentence gave it."""
    seen = {(package.supplier.id, package.recipient.id)}
    out = []
    for other in recent:
        if other.number != package.number or not other.roles.complete or not _lists_contents(candidate, other):
            continue
        if (other.supplier.id, other.recipient.id) not in seen:
            seen.add((other.supplier.id, other.recipient.id))
            status, reason, at = (
                (candidate.status, candidate.reason, candidate.status_at)
                if candidate.staged
                else (other.status, f"package shared; {other.reason}", other.status_span())
            )
            out.append(replace(candidate, roles=replace(other.roles), status=status, reason=reason, status_at=at))
    return out


def _lists_contents(candidate: Candidate, package: Candidate) -> bool:
    """Does the candidate's sentence list what the other's package holds? A list pointing back
    ("These include ...", "The shipment also contained ...") details whatever was sent before it."""
    listed = candidate.cue_kind == "entry" or bool(CONTENTS.search(candidate.sentence.text))
    return listed and (package.item.id == "unspecified" or candidate.refers_back)
