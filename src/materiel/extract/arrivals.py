"""Arrivals and receipts: materiel that arrives in a place or reaches it ("six Spanish tanks had
arrived in Ukraine", "the first Leopards from Germany have arrived in Kyiv"), and a delivery
that its recipient takes ("Ukraine took delivery of ten Czech howitzers"), depends on or waits
for ("Kyiv relies on shipments of shells from Washington", "Ankara awaits the delivery of jets").

The item is the arrival's subject, the recipient the state the place names ("in Ukraine", "at
Kyiv", "reached Ukraine"), the supplier the item's demonym or its 'from'. People arriving
("the delegation arrived in Kyiv") carry no item. Missiles, drones and shells fly to a place on
their own: "Russian missiles arrived in Kyiv" is a strike, so they are read as delivered only
when a 'from' names who sent them.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.lexicon import Mention
from materiel.extract.subjects import subject_tokens

# Prepositions that name where an arrival ends ("arrived in Ukraine", "arrived at Rzeszow"), and
# the 'to' of a translated text ("arrived to Ukraine").
PLACE_PREPS = {"in", "at", "to"}
# Categories that travel to a place by themselves: their arrival is as often an attack ("Russian
# drones reached Kyiv") or a state's own ships and jets on a visit or a deployment ("a Russian
# warship arrived in Havana", "American F-35s arrived in Poland"); air-defence batteries are the
# unit a state most often deploys to an ally ("US Patriot batteries arrived in Poland").
SELF_PROPELLED = {"missiles", "drones", "ammunition", "naval", "aircraft", "air-defense"}
# Nouns of a consignment: "the first batch of CV90s has reached Ukraine" is a delivery.
CONSIGNMENTS = {"batch", "shipment", "consignment", "delivery", "tranche"}
# Dependencies of a verb's subject.
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# roles.py's readers of a noun's demonym ("Spanish tanks") and of the 'from' on a cue or item.
Modifier = Callable[..., Mention | None]
Source = Callable[[Token, Token, list[Mention]], Mention | None]


def arrival_roles(
    cue: Token, item: Token, actors: list[Mention], modifier: Modifier, source: Source
) -> tuple[Mention | None, Mention | None]:
    """(supplier, recipient) of an item that arrives: the place's state receives, the item's
    demonym or 'from' supplies (`modifier` and `source` are roles.py's readers)."""
    recipient = treenames.mention_in(_places(cue), actors)
    supplier = source(cue, item, actors) or modifier(item, actors, exclude=recipient)
    return supplier or _pledger(item, actors, recipient), recipient


# Participles of a commitment whose agent supplies what arrives: "the tanks promised by Germany
# have arrived", "the first of the jets pledged by Denmark arrived in Ukraine".
PLEDGED = {"promise", "pledge", "supply", "send", "donate", "provide", "deliver", "sell", "give", "offer"}


def _pledger(item: Token, actors: list[Mention], recipient: Mention | None) -> Mention | None:
    """The agent of a participle of commitment on the arriving item ("promised by Germany"), or the
    subject of a relative clause of one ("the tanks that the US promised", "the jets Denmark
    pledged"); not one that sends it elsewhere ("sent by Germany to Poland": where it arrives is a
    stop)."""
    clauses = [c for c in item.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in PLEDGED]
    clauses = [c for c in clauses if not treenames.prep_objects(c, {"to"})]
    agents = [g for c in clauses for a in c.children if a.dep_ == "agent" for g in a.children]
    agents += [s for c in clauses if c.dep_ == "relcl" for s in c.children if s.dep_ == "nsubj"]
    found = treenames.mention_in(agents, actors)
    return None if found is None or (recipient is not None and found.id == recipient.id) else found


def is_delivery(
    cue: Token, item: Token, mention: Mention, actors: list[Mention], modifier: Modifier, source: Source
) -> bool:
    """Does the arrival deliver the item? It arrives itself (the item is in the verb's subject,
    "the first batch of CV90s has reached Ukraine"), somewhere a state names, from a state its
    demonym or 'from' names; with a demonym alone, only ground materiel that "arrived" ("six
    Spanish tanks had arrived in Ukraine"), not "Russian drones reached Kyiv"."""
    subjects = _subjects(cue)
    if not any(item in s.subtree for s in subjects):
        return False
    supplier, recipient = arrival_roles(cue, item, actors, modifier, source)
    if supplier is None and recipient is not None and _known_before(cue, item, mention):
        return True  # "Ten of the 31 Abrams tanks have arrived in Ukraine": the supplier said before
    if recipient is None or supplier is None or supplier.id == recipient.id:
        return False  # both sides named where it arrives, not guessed from sentences around
    if source(cue, item, actors) is not None or any(s.lemma_.lower() in CONSIGNMENTS for s in subjects):
        return True  # "the first Leopards from Germany", "a shipment of Dutch howitzers"
    if _pledger(item, actors, recipient) is not None:
        return True  # "the tanks promised by Germany have arrived in Ukraine"
    # a demonym alone: ground materiel that arrives (not that "reached" a place: an army's advance)
    return cue.lemma_.lower() == "arrive" and mention.id not in SELF_PROPELLED


def _known_before(cue: Token, item: Token, mention: Mention) -> bool:
    """Ground materiel named before that "arrived" ("the tanks have arrived in Ukraine", "ten of
    the 31 tanks"): a definite item refers back to the transfer that sent it, whose supplier
    completes this one when it went where this one arrives (partial.complete); no supplier is
    guessed for it otherwise."""
    if cue.lemma_.lower() != "arrive" or mention.id in SELF_PROPELLED or mention.id == "unspecified":
        return False
    return syntax.points_back(item)


def _subjects(cue: Token) -> list[Token]:
    """The arrival's subject, or the subject of the phase verb it completes ("the first tanks began
    arriving", "Spanish tanks started to arrive", "shipments continued to arrive")."""
    own = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    if own or cue.dep_ != "xcomp" or cue.head.lemma_.lower() not in syntax.PHASE_VERBS:
        return own
    return [c for c in cue.head.children if c.dep_ in SUBJECT_DEPS]


def arrived_at(noun: Token, actors: list[Mention]) -> Mention | None:
    """Where a consignment that is an arrival's subject arrives ("a shipment of rifles from
    Bulgaria arrived in Ukraine", "the first batch of shells reached Kyiv"): its state receives."""
    if noun.dep_ not in SUBJECT_DEPS or noun.lemma_.lower() not in CONSIGNMENTS:
        return None
    verb = noun.head
    return treenames.mention_in(_places(verb), actors) if syntax.cue_kind(verb) == "arrive" else None


def _places(cue: Token) -> list[Token]:
    """Where the item arrives: the object of 'in' or 'at', or what it reaches."""
    return treenames.prep_objects(cue, PLACE_PREPS) + [c for c in cue.children if c.dep_ == "dobj"]


# Verbs whose subject takes a delivery noun as its object: "took delivery of", "accepted the
# delivery of": the subject receives; so does one that "secured" or "won" a package or the delivery
# of one ("Zelensky secured a weapons package from Washington"), and one that awaits it ("Ukraine
# is awaiting the delivery of tanks from Germany"). Verbs of judging ("praised",
# "welcomed") are left out: a third party praises another's aid as often as its receiver does.
TAKING = {"take", "accept", "secure", "win", "await"}
# Of those, the verbs whose negation takes nothing ("did not secure the package"); a delivery not
# yet taken is still on its way, which the stage of "not yet" says.
WINNING = {"secure", "win"}


def taker(noun: Token, actors: list[Mention]) -> Mention | None:
    """The recipient who 'took delivery of' the items a transfer noun moves."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in TAKING:
        return None
    if noun.head.lemma_.lower() in WINNING and any(c.dep_ == "neg" for c in noun.head.children):
        return None  # "did not secure the package": nothing taken
    return treenames.mention_in(subject_tokens(noun.head), actors)


# Verbs of depending or waiting, with the preposition whose object names what the subject gets:
# "Ukraine relies on tank deliveries from Germany", "Moscow counts on shipments of shells from
# Pyongyang", "Turkey is waiting for the delivery of F-16 jets", "Kyiv hopes for a delivery of
# Taurus missiles": the subject receives, the 'from' supplies. A supplier does not rely on, or
# wait or hope for, its own deliveries. Not "expect": a supplier expects its deliveries to start.
DEPENDING = {
    "rely": {"on", "upon"},
    "depend": {"on", "upon"},
    "count": {"on", "upon"},
    "bank": {"on"},
    "lean": {"on"},
    "wait": {"for"},
    "hope": {"for"},
}
# Verbs of waiting whose direct object is what the subject gets: "Ukraine awaits the delivery".
AWAITING = {"await"}
# How many nouns a transfer noun may hang from by 'of' below the verb ("waits for the approval of
# the sale", "relies on the continuation of deliveries"); further down it is another matter's.
OF_STEPS = 2


def dependent(noun: Token, actors: list[Mention]) -> Mention | None:
    """The recipient who depends on, or waits for, the deliveries a transfer noun names (DEPENDING)."""
    for _ in range(OF_STEPS + 1):
        while noun.dep_ == "conj":
            noun = noun.head  # "relies on loans and deliveries of shells"
        if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = noun.head.head  # "waiting for Washington's approval of the F-16 sale"
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in AWAITING:
        return treenames.mention_in(subject_tokens(head), actors)
    if noun.dep_ != "pobj" or head.lower_ not in DEPENDING.get(head.head.lemma_.lower(), ()):
        return None
    return treenames.mention_in(subject_tokens(head.head), actors)


# Verbs of welcoming a thing one gets: "Ukraine welcomed the delivery of F-16s from the
# Netherlands", "Kyiv hailed the arrival of tanks from Poland". The subject receives when the noun
# names its giver with 'from' and no one else receives; not verbs of judging ("condemned",
# "criticised"), whose subject is as often a third party.
WELCOMING = {"welcome", "hail", "praise", "laud", "commend", "applaud", "celebrate", "greet"}


def welcomer(noun: Token, actors: list[Mention], source: Mention | None) -> Mention | None:
    """The subject who welcomes the transfer a noun names, its giver named by 'from' (`source`)."""
    if source is None or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in WELCOMING:
        return None
    found = treenames.mention_in(subject_tokens(noun.head), actors)
    return found if found is not None and found.id != source.id else None


# The phrase by which a clause owes what its subject does to deliveries: "held the line thanks to
# deliveries from Poland". Not the phrases of any cause ("because of", "due to", "owing to"): harm
# is as often their cause ("Ukraine lost ground because of drones from Iran").
# The parse hangs 'to' from the verb or from 'thanks', so the two are matched as neighbours.
OWED_TO = ("thanks", "to")
# How many heads up from 'to' its clause's verb may stand ("thanks to": to, thanks, keep).
OWED_REACH = 3


def beneficiary(noun: Token, actors: list[Mention], source: Mention | None) -> Mention | None:
    """The subject of the clause that owes what it does to the deliveries a transfer noun names,
    its giver named by 'from' (`source`): "Russia keeps firing thanks to supplies from Iran"."""
    while noun.dep_ == "conj":
        noun = noun.head
    head = noun.head
    if source is None or noun.dep_ != "pobj" or head.i == 0 or (head.nbor(-1).lower_, head.lower_) != OWED_TO:
        return None
    verb = next((t for t in [head, *head.ancestors][:OWED_REACH] if t.pos_ in ("VERB", "AUX")), None)
    found = treenames.mention_in(subject_tokens(verb), actors) if verb is not None else None
    return found if found is not None and found.id != source.id else None
